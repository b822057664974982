// wrapper-drops-result: a wrapper that calls the wrapped function, keeps its result, and returns nothing.
#pragma once

#include "checkers/Check.h"

namespace typhon {

class WrapperDropsResultCheck final : public Check {
public:
  using Check::Check;
  bool needsSemantic() const override { return true; }
  void begin(CheckContext &ctx) const override;
};

} // namespace typhon
