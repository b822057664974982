// contextmanager-yield-count: a @contextmanager generator that does not yield exactly once.
#pragma once

#include "checkers/Check.h"

namespace typhon {

class ContextmanagerYieldCountCheck final : public Check {
public:
  using Check::Check;
  bool needsSemantic() const override { return true; }
  void begin(CheckContext &ctx) const override;
};

} // namespace typhon
