// unreachable-code: statements after `return`/`raise`/`continue`/`break` in the same block, and
// blocks under a constant test (`if False:`, `while 0:`, the `else` of `if True:`).
#pragma once

#include "checkers/Check.h"

namespace typhon {

class UnreachableCodeCheck final : public Check {
public:
  using Check::Check;
  std::vector<NodeKind> kinds() const override;
  void visit(Node node, CheckContext &ctx) const override;

private:
  void visitSequence(Node block, CheckContext &ctx) const;
  void visitIf(Node statement, CheckContext &ctx) const;
  void visitWhile(Node statement, CheckContext &ctx) const;
  void reportBlock(Node block, std::string_view why, CheckContext &ctx) const;
};

} // namespace typhon
