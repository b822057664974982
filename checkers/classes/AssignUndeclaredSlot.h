// assign-undeclared-slot: `self.x = ...` in a method of a class whose instances have no
// `__dict__` and no slot `x`: AttributeError when the assignment runs.
#pragma once

#include "checkers/Check.h"

namespace typhon {

class AssignUndeclaredSlotCheck final : public Check {
public:
  using Check::Check;
  bool needsSemantic() const override { return true; }
  bool needsClassModel() const override { return true; }
  void begin(CheckContext &ctx) const override;
};

} // namespace typhon
