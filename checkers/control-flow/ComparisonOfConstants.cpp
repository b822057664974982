// comparison-of-constants: each link of a comparison chain is checked. Both operands must fold
// to constants (analysis limits); self-comparisons need simple operands (names and attribute
// chains, no calls) and skip `==`/`!=`, the NaN-test idiom, and test files; NaN constants are `float('nan')` and
// `math.nan`.
#include "checkers/control-flow/ComparisonOfConstants.h"

#include "semantic/constant/Evaluate.h"
#include "semantic/constant/Repr.h"

#include <string>

namespace typhon {

using namespace constant;

namespace {

struct Link {
  Node left;
  Node op;
  Node right;
};

std::vector<Link> links(Node comparison) {
  std::vector<Node> values, ops;
  for (std::uint32_t i = 0, n = comparison.childCount(); i < n; ++i) {
    Node c = comparison.child(i);
    if (c.is(NodeKind::Comment)) continue;
    (c.isNamed() ? values : ops).push_back(c);
  }
  std::vector<Link> out;
  for (std::size_t i = 0; i < ops.size() && i + 1 < values.size(); ++i) out.push_back({values[i], ops[i], values[i + 1]});
  return out;
}

bool isSimpleOperand(Node n) {
  n = stripParentheses(n);
  if (n.is(NodeKind::Identifier)) return true;
  return n.is(NodeKind::Attribute) && isSimpleOperand(n.field(FieldId::Object));
}

/// Text without whitespace, so `a.b` and `a . b` compare equal.
std::string squeezed(std::string_view text) {
  std::string out;
  for (char c : text)
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\\') out += c;
  return out;
}

bool isNanString(Node arg, std::string_view source) {
  auto v = evaluateConstant(arg, source);
  if (!v || !v->is(Type::Str)) return false;
  std::u32string s;
  for (char32_t c : v->asStr())
    if (c != U' ') s += (c >= U'A' && c <= U'Z') ? c + 32 : c;
  return s == U"nan" || s == U"+nan" || s == U"-nan";
}

/// `float('nan')` (builtin `float`) or `math.nan` / `numpy.nan` style attribute named `nan` of a
/// module-like name.
bool isNanConstant(Node n, const CheckContext &ctx) {
  n = stripParentheses(n);
  if (n.is(NodeKind::Call)) {
    Node function = n.field(FieldId::Function);
    std::vector<Node> args = operands(n.field(FieldId::Arguments));
    return function.is(NodeKind::Identifier) && ctx.textOf(function) == "float" && args.size() == 1 &&
           isNanString(args[0], ctx.text());
  }
  if (n.is(NodeKind::Attribute)) {
    Node object = n.field(FieldId::Object);
    std::string_view module = ctx.textOf(object);
    return ctx.textOf(n.field(FieldId::Attribute)) == "nan" &&
           (module == "math" || module == "numpy" || module == "np" || module == "cmath");
  }
  return false;
}

bool isOrdering(Node op) {
  return op.is(NodeKind::Lt) || op.is(NodeKind::LtEq) || op.is(NodeKind::Gt) || op.is(NodeKind::GtEq) ||
         op.is(NodeKind::EqEq) || op.is(NodeKind::NotEq);
}

} // namespace

std::vector<NodeKind> ComparisonOfConstantsCheck::kinds() const { return {NodeKind::ComparisonOperator}; }

void ComparisonOfConstantsCheck::visit(Node node, CheckContext &ctx) const {
  if (node.hasError()) return;
  for (const Link &link : links(node)) {
    std::string op(ctx.textOf(link.op));
    auto left = evaluateConstant(link.left, ctx.text());
    auto right = left ? evaluateConstant(link.right, ctx.text()) : std::nullopt;
    if (left && right) {
      auto cmp = compareOpOf(link.op.kind());
      auto result = cmp ? compare(*cmp, *left, *right) : Result<bool>(std::unexpected(EvalError{}));
      std::string outcome = result ? std::string(*result ? "always true" : "always false")
                            : result.error().kind == Failure::Raises ? "raises " + result.error().exception
                                                                      : "constant";
      return ctx.report(*this, node, "comparison of two constants with `" + op + "` is " + outcome);
    }
    bool nanOperand = isNanConstant(link.left, ctx) || isNanConstant(link.right, ctx);
    if (nanOperand && isOrdering(link.op)) {
      bool alwaysTrue = link.op.is(NodeKind::NotEq);
      return ctx.report(*this, node,
                        "comparison with NaN using `" + op + "` is always " + (alwaysTrue ? "true" : "false") +
                            "; use `math.isnan()`");
    }
    bool same = isSimpleOperand(link.left) && isSimpleOperand(link.right) &&
                squeezed(ctx.textOf(stripParentheses(link.left))) == squeezed(ctx.textOf(stripParentheses(link.right)));
    // Tests compare an object with itself on purpose, to check its ordering methods.
    if (same && !link.op.is(NodeKind::EqEq) && !link.op.is(NodeKind::NotEq) && !ctx.facts().isTestFile)
      return ctx.report(*this, node, "`" + std::string(ctx.textOf(link.left)) + "` is compared with itself using `" + op + "`");
  }
}

} // namespace typhon
