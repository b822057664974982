// comparison-of-constants: comparisons whose outcome is fixed — both operands constant, an operand
// compared with itself, or a comparison with a NaN constant.
#pragma once

#include "checkers/Check.h"

namespace typhon {

class ComparisonOfConstantsCheck final : public Check {
public:
  using Check::Check;
  std::vector<NodeKind> kinds() const override;
  void visit(Node node, CheckContext &ctx) const override;
};

} // namespace typhon
