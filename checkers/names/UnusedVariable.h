// unused-variable: a function local that is assigned and never read.
#pragma once

#include "checkers/Check.h"

namespace typhon {

class UnusedVariableCheck final : public Check {
public:
  using Check::Check;
  bool needsSemantic() const override { return true; }
  void begin(CheckContext &ctx) const override;
};

} // namespace typhon
