// constant-condition: the test's truthiness comes from the constant evaluator (folded literals,
// non-empty displays, lambdas). `while True:`/`while 1:` loops, asserts that can fail (`assert 0`,
// left to assert-misuse) and the `if False:` blocks of imports or `yield` are not reported;
// names such as TYPE_CHECKING and __debug__ are never constants here.
#include "checkers/control-flow/ConstantCondition.h"

#include "semantic/constant/Evaluate.h"
#include "semantic/constant/Truthiness.h"

#include <string>

namespace typhon {

using constant::constantTruthiness;
using constant::operands;
using constant::stripParentheses;

namespace {

/// `while True:` and `while 1:` are the spelling of an endless loop.
bool isEndlessLoopIdiom(Node test) {
  test = stripParentheses(test);
  return test.is(NodeKind::True) || test.is(NodeKind::Integer);
}

std::string shortText(std::string_view text) {
  std::string out(text.substr(0, text.find('\n')));
  if (out.size() > 40 || out.size() < text.size()) out = out.substr(0, 37) + "...";
  return out;
}

/// Whether `node` (through parentheses) is the test of a statement or expression this check
/// already reports as a whole.
bool isReportedTest(Node node, const CheckContext &ctx) {
  const std::vector<Node> &anc = ctx.ancestors();
  Node child = node;
  for (std::size_t i = anc.size(); i-- > 0; child = anc[i]) {
    Node parent = anc[i];
    if (parent.is(NodeKind::ParenthesizedExpression)) continue;
    switch (parent.kind()) {
    case NodeKind::IfStatement:
    case NodeKind::ElifClause:
    case NodeKind::WhileStatement: return parent.field(FieldId::Condition) == child;
    case NodeKind::IfClause:
    case NodeKind::AssertStatement: return operands(parent).front() == child;
    case NodeKind::ConditionalExpression: return operands(parent).size() == 3 && operands(parent)[1] == child;
    case NodeKind::BooleanOperator: return parent.field(FieldId::Left) == child;
    default: return false;
    }
  }
  return false;
}

} // namespace

std::vector<NodeKind> ConstantConditionCheck::kinds() const {
  return {NodeKind::IfStatement, NodeKind::ElifClause,   NodeKind::WhileStatement, NodeKind::ConditionalExpression,
          NodeKind::IfClause,    NodeKind::AssertStatement, NodeKind::BooleanOperator};
}

void ConstantConditionCheck::visit(Node node, CheckContext &ctx) const {
  if (node.hasError()) return;
  switch (node.kind()) {
  case NodeKind::IfStatement:
  case NodeKind::ElifClause: {
    Node test = node.field(FieldId::Condition);
    auto value = constantTruthiness(test, ctx.text());
    if (!value) return;
    if (!*value && constant::isIntentionallyDeadBlock(node.field(FieldId::Consequence))) return;
    return reportTest(test, *value, node.is(NodeKind::IfStatement) ? "`if`" : "`elif`", ctx);
  }
  case NodeKind::WhileStatement: {
    Node test = node.field(FieldId::Condition);
    auto value = constantTruthiness(test, ctx.text());
    if (!value || (*value && isEndlessLoopIdiom(test))) return;
    if (!*value && constant::isIntentionallyDeadBlock(node.field(FieldId::Body))) return;
    return reportTest(test, *value, "`while`", ctx);
  }
  case NodeKind::ConditionalExpression: {
    std::vector<Node> parts = operands(node);
    if (parts.size() != 3) return;
    if (auto value = constantTruthiness(parts[1], ctx.text())) reportTest(parts[1], *value, "conditional expression", ctx);
    return;
  }
  case NodeKind::IfClause: {
    std::vector<Node> parts = operands(node);
    if (parts.empty()) return;
    std::string_view construct = ctx.parent().is(NodeKind::CaseClause) ? "`case` guard" : "comprehension `if`";
    if (auto value = constantTruthiness(parts[0], ctx.text())) reportTest(parts[0], *value, construct, ctx);
    return;
  }
  case NodeKind::AssertStatement: {
    std::vector<Node> parts = operands(node);
    if (parts.empty() || stripParentheses(parts[0]).is(NodeKind::Tuple)) return; // assert-misuse's case
    auto value = constantTruthiness(parts[0], ctx.text());
    if (value && *value) reportTest(parts[0], true, "`assert`", ctx);
    return;
  }
  case NodeKind::BooleanOperator: return visitBoolean(node, ctx);
  default: return;
  }
}

/// `0 and x`, `"" or y`: a constant left operand either decides the result or does nothing.
void ConstantConditionCheck::visitBoolean(Node node, CheckContext &ctx) const {
  Node left = node.field(FieldId::Left);
  auto value = constantTruthiness(left, ctx.text());
  if (!value) return;
  // A test that is constant as a whole is reported once, at the test.
  if (constantTruthiness(node, ctx.text()) && isReportedTest(node, ctx)) return;
  bool isAnd = node.field(FieldId::Operator).is(NodeKind::KwAnd);
  std::string op = isAnd ? "and" : "or";
  std::string effect = *value == isAnd ? "the result is always the right operand"
                                       : "the right operand is never evaluated";
  ctx.report(*this, left,
             "the left operand of `" + op + "` is always " + (*value ? "true" : "false") + ": " + effect);
}

void ConstantConditionCheck::reportTest(Node test, bool value, std::string_view construct, CheckContext &ctx) const {
  ctx.report(*this, test,
             std::string(construct) + " condition `" + shortText(ctx.textOf(test)) + "` is always " +
                 (value ? "true" : "false"));
}

} // namespace typhon
