// redefined-builtin: a binding that shadows a builtin.
#pragma once

#include "checkers/Check.h"

namespace typhon {

class RedefinedBuiltinCheck final : public Check {
public:
  using Check::Check;
  bool needsSemantic() const override { return true; }
  void begin(CheckContext &ctx) const override;
};

} // namespace typhon
