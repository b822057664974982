// jump-in-finally: walks out from the jump to its target (the loop or the function); crossing a
// `finally:` on the way means the jump discards any exception being propagated (PEP 765).
#include "checkers/exceptions/JumpInFinally.h"

#include <string>

namespace typhon {

namespace {

bool isScopeBoundary(Node n) {
  return n.is(NodeKind::FunctionDefinition) || n.is(NodeKind::ClassDefinition) || n.is(NodeKind::Lambda);
}

bool isLoopBody(Node parent, Node child) {
  return (parent.is(NodeKind::ForStatement) || parent.is(NodeKind::WhileStatement)) &&
         child == parent.field(FieldId::Body);
}

std::string_view keyword(Node jump) {
  switch (jump.kind()) {
  case NodeKind::ReturnStatement: return "return";
  case NodeKind::BreakStatement: return "break";
  default: return "continue";
  }
}

} // namespace

std::vector<NodeKind> JumpInFinallyCheck::kinds() const {
  return {NodeKind::ReturnStatement, NodeKind::BreakStatement, NodeKind::ContinueStatement};
}

void JumpInFinallyCheck::visit(Node node, CheckContext &ctx) const {
  bool isReturn = node.is(NodeKind::ReturnStatement);
  const std::vector<Node> &anc = ctx.ancestors();
  bool crossesFinally = false;
  Node child = node;
  for (std::size_t i = anc.size(); i-- > 0; child = anc[i]) {
    Node parent = anc[i];
    if (parent.is(NodeKind::FinallyClause)) crossesFinally = true;
    bool reachedTarget = isReturn ? parent.is(NodeKind::FunctionDefinition) : isLoopBody(parent, child);
    if (reachedTarget) {
      if (!crossesFinally) return;
      std::string jump(keyword(node));
      return ctx.report(*this, node,
                        "'" + jump + "' in a 'finally' block discards the exception being raised, if any");
    }
    // A jump with no target is a compile-time error, reported by compile-time-syntax-error.
    if (isScopeBoundary(parent)) return;
  }
}

} // namespace typhon
