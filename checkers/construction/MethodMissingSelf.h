// method-missing-self: a method without a positional parameter for the instance.
#pragma once

#include "checkers/Check.h"

namespace typhon {

class MethodMissingSelfCheck final : public Check {
public:
  using Check::Check;
  bool needsSemantic() const override { return true; }
  void begin(CheckContext &ctx) const override;
};

} // namespace typhon
