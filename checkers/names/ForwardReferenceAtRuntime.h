// forward-reference-at-runtime: an evaluated annotation names a class that is bound only later.
#pragma once

#include "checkers/Check.h"

namespace typhon {

class ForwardReferenceAtRuntimeCheck final : public Check {
public:
  using Check::Check;
  bool needsSemantic() const override { return true; }
  void begin(CheckContext &ctx) const override;
};

} // namespace typhon
