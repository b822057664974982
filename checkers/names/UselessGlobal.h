// useless-global: a global statement that has no effect.
#pragma once

#include "checkers/Check.h"

namespace typhon {

class UselessGlobalCheck final : public Check {
public:
  using Check::Check;
  bool needsSemantic() const override { return true; }
  void begin(CheckContext &ctx) const override;
};

} // namespace typhon
