// division-by-zero: divisors are evaluated by the constant evaluator (`0`, `0.0`, `False`, `1 - 1`
// are zero). Not reported where raising is the point: test files, a `try:` body whose handlers
// catch ZeroDivisionError, a `with pytest.raises(...)`-like block, an `assertRaises(...)` call, or
// a division standing alone as a statement (its only effect is the exception).
// `%` with a str/bytes left operand is formatting, not division.
#include "checkers/control-flow/DivisionByZero.h"

#include "semantic/constant/Evaluate.h"

#include <string>

namespace typhon {

using namespace constant;

namespace {

bool isZeroNumber(const PyConst &v) {
  switch (v.type()) {
  case Type::Bool: return !v.asBool();
  case Type::Int: return v.asInt().isZero();
  case Type::Float: return v.asFloat() == 0.0;
  case Type::Complex: return v.asComplex().real == 0.0 && v.asComplex().imag == 0.0;
  default: return false;
  }
}

bool isZero(Node expr, std::string_view source) {
  auto v = evaluateConstant(expr, source);
  return v && isZeroNumber(*v);
}

bool isStringLike(Node expr, std::string_view source) {
  expr = stripParentheses(expr);
  if (expr.is(NodeKind::String) || expr.is(NodeKind::ConcatenatedString)) return true;
  auto v = evaluateConstant(expr, source);
  return v && (v->is(Type::Str) || v->is(Type::Bytes));
}

std::string_view lastName(std::string_view callee) {
  std::size_t dot = callee.rfind('.');
  return dot == std::string_view::npos ? callee : callee.substr(dot + 1);
}

/// Handlers that catch ZeroDivisionError: a bare `except:`, or one naming ZeroDivisionError or a
/// base class of it.
bool catchesZeroDivision(Node tryStatement, const CheckContext &ctx) {
  for (Node clause : tryStatement.namedChildren()) {
    if (!clause.is(NodeKind::ExceptClause)) continue;
    std::vector<Node> caught = clause.fieldAll(FieldId::Value);
    if (caught.empty()) return true;
    for (Node type : caught)
      for (std::string_view name : {"ZeroDivisionError", "ArithmeticError", "Exception", "BaseException"})
        if (ctx.textOf(type).find(name) != std::string_view::npos) return true;
  }
  return false;
}

bool isRaisesCall(Node call, const CheckContext &ctx) {
  if (!call.is(NodeKind::Call)) return false;
  std::string_view name = lastName(ctx.textOf(call.field(FieldId::Function)));
  return name.find("raises") != std::string_view::npos || name.find("Raises") != std::string_view::npos ||
         name == "suppress";
}

bool withExpectsRaise(Node with, const CheckContext &ctx) {
  for (Node clause : with.namedChildren()) {
    if (!clause.is(NodeKind::WithClause)) continue;
    for (Node item : clause.namedChildren()) {
      Node value = item.field(FieldId::Value);
      if (value.is(NodeKind::AsPattern)) value = value.namedChild(0);
      if (isRaisesCall(value, ctx)) return true;
    }
  }
  return false;
}

/// Whether raising here is expected: the innermost function or module level is searched.
bool raisingIsExpected(const CheckContext &ctx) {
  if (ctx.facts().isTestFile) return true;
  const std::vector<Node> &anc = ctx.ancestors();
  Node child;
  for (std::size_t i = anc.size(); i-- > 0; child = anc[i]) {
    Node parent = anc[i];
    if (parent.is(NodeKind::FunctionDefinition) || parent.is(NodeKind::ClassDefinition)) return false;
    if (isRaisesCall(parent, ctx)) return true; // assertRaises(ZeroDivisionError, lambda: 1 / 0)
    bool inBody = !child.isNull() && child == parent.field(FieldId::Body);
    if (inBody && parent.is(NodeKind::TryStatement) && catchesZeroDivision(parent, ctx)) return true;
    if (inBody && parent.is(NodeKind::WithStatement) && withExpectsRaise(parent, ctx)) return true;
  }
  return false;
}

/// A name that may not be the builtin: it is bound somewhere in the module (approximated by any
/// use other than a call).
bool mayBeRebound(Node root, std::string_view name, const CheckContext &ctx) {
  return anyNode(root, [&](Node n) {
    if (!n.is(NodeKind::Identifier) || ctx.textOf(n) != name) return false;
    Node parent = n.parent();
    return !(parent.is(NodeKind::Call) && parent.field(FieldId::Function) == n);
  });
}

} // namespace

std::vector<NodeKind> DivisionByZeroCheck::kinds() const {
  return {NodeKind::BinaryOperator, NodeKind::AugmentedAssignment, NodeKind::Call};
}

void DivisionByZeroCheck::visit(Node node, CheckContext &ctx) const {
  if (node.hasError()) return;
  if (node.is(NodeKind::BinaryOperator)) return visitBinary(node, ctx);
  if (node.is(NodeKind::AugmentedAssignment)) return visitAugmented(node, ctx);
  visitCall(node, ctx);
}

void DivisionByZeroCheck::visitBinary(Node node, CheckContext &ctx) const {
  Node op = node.field(FieldId::Operator);
  Node left = node.field(FieldId::Left), right = node.field(FieldId::Right);
  if (op.is(NodeKind::StarStar)) {
    // `0 ** -1`: only when both operands are constants (then the evaluator knows it raises).
    Evaluator evaluator(ctx.text(), Limits::analysis());
    auto r = evaluator.evaluate(node);
    if (r || r.error().kind != Failure::Raises || r.error().exception != "ZeroDivisionError") return;
    if (r.error().startByte != node.startByte() || raisingIsExpected(ctx)) return;
    return ctx.report(*this, node, "zero raised to a negative power raises ZeroDivisionError");
  }
  if (!op.is(NodeKind::Slash) && !op.is(NodeKind::SlashSlash) && !op.is(NodeKind::Percent)) return;
  if (ctx.parent().is(NodeKind::ExpressionStatement)) return; // `1 / 0` alone: raising on purpose
  if (!isZero(right, ctx.text())) return;
  if (op.is(NodeKind::Percent) && isStringLike(left, ctx.text())) return;
  if (raisingIsExpected(ctx)) return;
  ctx.report(*this, node,
             "`" + std::string(ctx.textOf(op)) + "` by `" + std::string(ctx.textOf(right)) +
                 "`, which is always zero, raises ZeroDivisionError");
}

void DivisionByZeroCheck::visitAugmented(Node node, CheckContext &ctx) const {
  Node op = node.field(FieldId::Operator);
  if (!op.is(NodeKind::SlashEq) && !op.is(NodeKind::SlashSlashEq) && !op.is(NodeKind::PercentEq)) return;
  Node right = node.field(FieldId::Right);
  if (!isZero(right, ctx.text()) || raisingIsExpected(ctx)) return;
  ctx.report(*this, node,
             "`" + std::string(ctx.textOf(op)) + "` by `" + std::string(ctx.textOf(right)) +
                 "`, which is always zero, raises ZeroDivisionError");
}

void DivisionByZeroCheck::visitCall(Node node, CheckContext &ctx) const {
  Node function = node.field(FieldId::Function);
  if (!function.is(NodeKind::Identifier) || ctx.textOf(function) != "divmod") return;
  std::vector<Node> args = operands(node.field(FieldId::Arguments));
  if (args.size() != 2 || args[1].is(NodeKind::KeywordArgument) || !isZero(args[1], ctx.text())) return;
  if (raisingIsExpected(ctx) || mayBeRebound(ctx.module().root(), "divmod", ctx)) return;
  ctx.report(*this, node, "`divmod()` by zero raises ZeroDivisionError");
}

} // namespace typhon
