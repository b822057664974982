// jump-in-finally: `return`, `break` or `continue` that leaves a `finally` block.
#pragma once

#include "checkers/Check.h"

namespace typhon {

class JumpInFinallyCheck final : public Check {
public:
  using Check::Check;
  std::vector<NodeKind> kinds() const override;
  void visit(Node node, CheckContext &ctx) const override;
};

} // namespace typhon
