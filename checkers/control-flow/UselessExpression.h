// useless-expression: an expression statement whose value is discarded and that does nothing else.
#pragma once

#include "checkers/Check.h"

namespace typhon {

class UselessExpressionCheck final : public Check {
public:
  using Check::Check;
  std::vector<NodeKind> kinds() const override;
  void visit(Node node, CheckContext &ctx) const override;
};

} // namespace typhon
