// division-by-zero: `/`, `//`, `%` (and their augmented forms) or `divmod()` with a divisor that
// is always zero, and constant expressions such as `0 ** -1` that raise ZeroDivisionError.
#pragma once

#include "checkers/Check.h"

namespace typhon {

class DivisionByZeroCheck final : public Check {
public:
  using Check::Check;
  std::vector<NodeKind> kinds() const override;
  void visit(Node node, CheckContext &ctx) const override;

private:
  void visitBinary(Node node, CheckContext &ctx) const;
  void visitAugmented(Node node, CheckContext &ctx) const;
  void visitCall(Node node, CheckContext &ctx) const;
};

} // namespace typhon
