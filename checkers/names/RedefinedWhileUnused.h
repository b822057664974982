// redefined-while-unused: a def, class or import rebinding a name whose previous def, class or import was never read.
#pragma once

#include "checkers/Check.h"

namespace typhon {

class RedefinedWhileUnusedCheck final : public Check {
public:
  using Check::Check;
  bool needsSemantic() const override { return true; }
  void begin(CheckContext &ctx) const override;
};

} // namespace typhon
