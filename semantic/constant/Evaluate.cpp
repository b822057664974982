// Evaluation of expression nodes: dispatch by node kind, Python's evaluation order and
// short-circuiting, memoized per node.
#include "semantic/constant/Evaluate.h"

#include "semantic/constant/Literal.h"

namespace typhon::constant {

namespace {
constexpr int kMaxDepth = 200;
} // namespace

std::vector<Node> operands(Node n) {
  std::vector<Node> out;
  for (std::uint32_t i = 0, count = n.namedChildCount(); i < count; ++i) {
    Node c = n.namedChild(i);
    if (!c.is(NodeKind::Comment)) out.push_back(c);
  }
  return out;
}

Node stripParentheses(Node n) {
  while (n.is(NodeKind::ParenthesizedExpression)) {
    std::vector<Node> inner = operands(n);
    if (inner.size() != 1) break;
    n = inner[0];
  }
  return n;
}

bool anyNode(Node root, const std::function<bool(Node)> &pred) {
  std::vector<Node> stack{root};
  while (!stack.empty()) {
    Node n = stack.back();
    stack.pop_back();
    if (pred(n)) return true;
    for (std::uint32_t i = 0, count = n.childCount(); i < count; ++i) stack.push_back(n.child(i));
  }
  return false;
}

std::optional<BinaryOp> binaryOpOf(NodeKind k) {
  switch (k) {
  case NodeKind::Plus: return BinaryOp::Add;
  case NodeKind::Minus: return BinaryOp::Sub;
  case NodeKind::Star: return BinaryOp::Mul;
  case NodeKind::Slash: return BinaryOp::TrueDiv;
  case NodeKind::SlashSlash: return BinaryOp::FloorDiv;
  case NodeKind::Percent: return BinaryOp::Mod;
  case NodeKind::StarStar: return BinaryOp::Pow;
  case NodeKind::LtLt: return BinaryOp::LShift;
  case NodeKind::GtGt: return BinaryOp::RShift;
  case NodeKind::Amp: return BinaryOp::BitAnd;
  case NodeKind::Pipe: return BinaryOp::BitOr;
  case NodeKind::Caret: return BinaryOp::BitXor;
  case NodeKind::At: return BinaryOp::MatMul;
  default: return std::nullopt;
  }
}

std::optional<CompareOp> compareOpOf(NodeKind k) {
  switch (k) {
  case NodeKind::EqEq: return CompareOp::Eq;
  case NodeKind::NotEq: return CompareOp::NotEq;
  case NodeKind::Lt: return CompareOp::Lt;
  case NodeKind::LtEq: return CompareOp::LtE;
  case NodeKind::Gt: return CompareOp::Gt;
  case NodeKind::GtEq: return CompareOp::GtE;
  case NodeKind::KwIn: return CompareOp::In;
  case NodeKind::NotIn: return CompareOp::NotIn;
  case NodeKind::KwIs: return CompareOp::Is;
  case NodeKind::IsNot: return CompareOp::IsNot;
  default: return std::nullopt; // `<>` is Python 2
  }
}

Result<PyConst> Evaluator::evaluate(Node expr) {
  if (expr.isNull()) return fail(Failure::NotConstant);
  const void *key = expr.raw().id;
  if (auto it = memo_.find(key); it != memo_.end()) return it->second;
  if (depth_ >= kMaxDepth) return fail(Failure::Unsupported);
  ++depth_;
  Result<PyConst> r = expr.hasError() ? fail(Failure::NotConstant) : compute(expr);
  --depth_;
  if (!r && r.error().kind == Failure::Raises && r.error().endByte == 0) {
    r.error().startByte = expr.startByte();
    r.error().endByte = expr.endByte();
  }
  memo_.emplace(key, r);
  return r;
}

Result<PyConst> Evaluator::compute(Node expr) {
  switch (expr.kind()) {
  case NodeKind::Integer:
  case NodeKind::Float: return parseNumber(expr.text(source_), limits_);
  case NodeKind::String:
  case NodeKind::ConcatenatedString: return strings(expr);
  case NodeKind::True: return PyConst::boolean(true);
  case NodeKind::False: return PyConst::boolean(false);
  case NodeKind::None: return PyConst::none();
  case NodeKind::Ellipsis: return PyConst::ellipsis();
  case NodeKind::ParenthesizedExpression: {
    std::vector<Node> inner = operands(expr);
    if (inner.size() != 1) return fail(Failure::NotConstant);
    return evaluate(inner[0]);
  }
  case NodeKind::Tuple: return tuple(expr);
  case NodeKind::UnaryOperator:
  case NodeKind::NotOperator: return unary(expr);
  case NodeKind::BinaryOperator: return binary(expr);
  case NodeKind::BooleanOperator: return boolean(expr);
  case NodeKind::ComparisonOperator: return comparison(expr);
  case NodeKind::ConditionalExpression: return conditional(expr);
  default: return fail(Failure::NotConstant);
  }
}

Result<PyConst> Evaluator::strings(Node expr) {
  std::vector<Node> parts = expr.is(NodeKind::String) ? std::vector<Node>{expr} : operands(expr);
  std::optional<PyConst> joined;
  for (Node part : parts) {
    if (!part.is(NodeKind::String)) return fail(Failure::NotConstant);
    auto v = parseStringLiteral(part.text(source_));
    if (!v) return v;
    if (!joined) {
      joined = *v;
      continue;
    }
    if (joined->type() != v->type()) return fail(Failure::NotConstant); // str and bytes do not concatenate
    joined = joined->is(Type::Str) ? PyConst::str(joined->asStr() + v->asStr())
                                   : PyConst::bytes(joined->asBytes() + v->asBytes());
  }
  if (!joined) return fail(Failure::NotConstant);
  std::size_t size = joined->is(Type::Str) ? joined->asStr().size() : joined->asBytes().size();
  if (size > limits_.maxStrLength * 16) return fail(Failure::TooLarge);
  return *joined;
}

Result<PyConst> Evaluator::tuple(Node expr) {
  TupleItems items;
  for (Node item : operands(expr)) {
    if (item.is(NodeKind::ListSplat) || item.is(NodeKind::ParenthesizedListSplat) || item.is(NodeKind::Yield))
      return fail(Failure::NotConstant);
    auto v = evaluate(item);
    if (!v) return v;
    items.push_back(std::move(*v));
  }
  return PyConst::tuple(std::move(items));
}

Result<PyConst> Evaluator::unary(Node expr) {
  Node argument = expr.field(FieldId::Argument);
  auto v = evaluate(argument);
  if (!v) return v;
  if (expr.is(NodeKind::NotOperator)) return unaryOp(UnaryOp::Not, *v, limits_);
  Node op = expr.field(FieldId::Operator);
  UnaryOp u = op.is(NodeKind::Minus) ? UnaryOp::Neg : op.is(NodeKind::Plus) ? UnaryOp::Pos : UnaryOp::Invert;
  if (!op.is(NodeKind::Minus) && !op.is(NodeKind::Plus) && !op.is(NodeKind::Tilde)) return fail(Failure::NotConstant);
  return unaryOp(u, *v, limits_);
}

Result<PyConst> Evaluator::binary(Node expr) {
  auto op = binaryOpOf(expr.field(FieldId::Operator).kind());
  if (!op) return fail(Failure::NotConstant);
  auto left = evaluate(expr.field(FieldId::Left));
  if (!left) return left;
  auto right = evaluate(expr.field(FieldId::Right));
  if (!right) return right;
  return binaryOp(*op, *left, *right, limits_);
}

Result<PyConst> Evaluator::boolean(Node expr) {
  auto left = evaluate(expr.field(FieldId::Left));
  if (!left) return left;
  bool isAnd = expr.field(FieldId::Operator).is(NodeKind::KwAnd);
  if (truthy(*left) != isAnd) return left; // `0 and x`, `1 or x`: x is not evaluated
  return evaluate(expr.field(FieldId::Right));
}

Result<PyConst> Evaluator::comparison(Node expr) {
  std::vector<Node> values;
  std::vector<CompareOp> ops;
  for (std::uint32_t i = 0, n = expr.childCount(); i < n; ++i) {
    Node c = expr.child(i);
    if (c.is(NodeKind::Comment)) continue;
    if (c.isNamed()) {
      values.push_back(c);
      continue;
    }
    auto op = compareOpOf(c.kind());
    if (!op) return fail(Failure::NotConstant);
    ops.push_back(*op);
  }
  if (values.size() != ops.size() + 1 || ops.empty()) return fail(Failure::NotConstant);
  auto left = evaluate(values[0]);
  if (!left) return left;
  for (std::size_t i = 0; i < ops.size(); ++i) {
    auto right = evaluate(values[i + 1]);
    if (!right) return right;
    auto r = compare(ops[i], *left, *right);
    if (!r) return std::unexpected(r.error());
    if (!*r) return PyConst::boolean(false); // the rest of the chain is not evaluated
    left = std::move(right);
  }
  return PyConst::boolean(true);
}

Result<PyConst> Evaluator::conditional(Node expr) {
  std::vector<Node> parts = operands(expr); // body, condition, alternative
  if (parts.size() != 3) return fail(Failure::NotConstant);
  auto test = evaluate(parts[1]);
  if (!test) return test;
  return evaluate(truthy(*test) ? parts[0] : parts[2]);
}

std::optional<PyConst> evaluateConstant(Node expr, std::string_view source) {
  Evaluator evaluator(source, Limits::analysis());
  auto r = evaluator.evaluate(expr);
  if (!r) return std::nullopt;
  return *r;
}

} // namespace typhon::constant
