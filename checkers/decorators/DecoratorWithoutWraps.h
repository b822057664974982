// decorator-without-wraps: a returned wrapper forwarding *args/**kwargs without functools.wraps.
#pragma once

#include "checkers/Check.h"

namespace typhon {

class DecoratorWithoutWrapsCheck final : public Check {
public:
  using Check::Check;
  bool needsSemantic() const override { return true; }
  void begin(CheckContext &ctx) const override;
};

} // namespace typhon
