// property-accessor-name-mismatch: `@x.setter`/`@x.deleter` on a function not named `x`.
#pragma once

#include "checkers/Check.h"

namespace typhon {

class PropertyAccessorNameMismatchCheck final : public Check {
public:
  using Check::Check;
  bool needsSemantic() const override { return true; }
  void begin(CheckContext &ctx) const override;
};

} // namespace typhon
