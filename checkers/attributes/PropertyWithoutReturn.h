// property-without-return: a property getter that never returns a value.
#pragma once

#include "checkers/Check.h"

namespace typhon {

class PropertyWithoutReturnCheck final : public Check {
public:
  using Check::Check;
  bool needsSemantic() const override { return true; }
  void begin(CheckContext &ctx) const override;
};

} // namespace typhon
