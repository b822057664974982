// late-binding-closure: a closure created in a loop that reads a loop variable and outlives the iteration.
#pragma once

#include "checkers/Check.h"

namespace typhon {

class LateBindingClosureCheck final : public Check {
public:
  using Check::Check;
  bool needsSemantic() const override { return true; }
  void begin(CheckContext &ctx) const override;
};

} // namespace typhon
