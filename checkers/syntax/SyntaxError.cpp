// syntax-error: reports the parser's ERROR/MISSING nodes and Python 2 only statements.
#include "checkers/syntax/SyntaxError.h"

#include "parser/SyntaxErrors.h"

namespace typhon {

static bool hasChevron(Node printStatement) {
  for (std::uint32_t i = 0; i < printStatement.namedChildCount(); ++i)
    if (printStatement.namedChild(i).kind() == NodeKind::Chevron) return true;
  return false;
}

std::vector<NodeKind> SyntaxErrorCheck::kinds() const {
  return {NodeKind::PrintStatement, NodeKind::ExecStatement, NodeKind::LtGt};
}

void SyntaxErrorCheck::begin(CheckContext &ctx) const {
  if (!ctx.module().root().hasError()) return;
  for (const SyntaxError &e : findSyntaxErrors(ctx.module())) ctx.report(*this, e.startByte, e.endByte, e.message);
}

void SyntaxErrorCheck::visit(Node node, CheckContext &ctx) const {
  switch (node.kind()) {
  case NodeKind::PrintStatement:
    // `print >> f, x` is a valid Python 3 expression (a shift inside a tuple); only the
    // statement forms without a chevron are Python 2 only.
    if (hasChevron(node)) return;
    ctx.report(*this, node, "missing parentheses in call to `print`: `print` is a function in Python 3");
    return;
  case NodeKind::ExecStatement:
    ctx.report(*this, node, "missing parentheses in call to `exec`: `exec` is a function in Python 3");
    return;
  case NodeKind::LtGt:
    ctx.report(*this, node, "invalid syntax: `<>` is Python 2 only; use `!=`");
    return;
  default:
    return;
  }
}

} // namespace typhon
