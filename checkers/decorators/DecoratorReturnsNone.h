// decorator-returns-none: a decorator (or factory layer) defining an inner wrapper returns nothing.
#pragma once

#include "checkers/Check.h"

namespace typhon {

class DecoratorReturnsNoneCheck final : public Check {
public:
  using Check::Check;
  bool needsSemantic() const override { return true; }
  void begin(CheckContext &ctx) const override;
};

} // namespace typhon
