// final-overridden: a subclass of a class decorated with `@typing.final`, or a method that
// replaces one decorated with `@typing.final` in a base, from the class model.
#pragma once

#include "checkers/Check.h"

namespace typhon {

class FinalOverriddenCheck final : public Check {
public:
  using Check::Check;
  bool needsSemantic() const override { return true; }
  bool needsClassModel() const override { return true; }
  void begin(CheckContext &ctx) const override;
};

} // namespace typhon
