// unbound-local: a local read where no path has assigned it yet (UnboundLocalError).
#pragma once

#include "checkers/Check.h"

namespace typhon {

class UnboundLocalCheck final : public Check {
public:
  using Check::Check;
  bool needsSemantic() const override { return true; }
  void begin(CheckContext &ctx) const override;
};

} // namespace typhon
