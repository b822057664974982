// syntax-error: code the parser cannot read, and Python 2 forms the grammar still accepts.
#pragma once

#include "checkers/Check.h"

namespace typhon {

class SyntaxErrorCheck final : public Check {
public:
  using Check::Check;
  std::vector<NodeKind> kinds() const override;
  void begin(CheckContext &ctx) const override;
  void visit(Node node, CheckContext &ctx) const override;
};

} // namespace typhon
