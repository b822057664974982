// subclasshook-misdesigned: `__subclasshook__` without a `cls is <ABC>` guard, or returning False.
#pragma once

#include "checkers/Check.h"

namespace typhon {

class SubclasshookMisdesignedCheck final : public Check {
public:
  using Check::Check;
  bool needsSemantic() const override { return true; }
  void begin(CheckContext &ctx) const override;
};

} // namespace typhon
