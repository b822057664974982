// possibly-unbound: a name read where only some paths have bound it.
#pragma once

#include "checkers/Check.h"

namespace typhon {

class PossiblyUnboundCheck final : public Check {
public:
  using Check::Check;
  bool needsSemantic() const override { return true; }
  void begin(CheckContext &ctx) const override;
};

} // namespace typhon
