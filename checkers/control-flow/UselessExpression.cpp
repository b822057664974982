// useless-expression: comparisons, attribute accesses, names and literals used as statements.
// Strings (docstrings, commented-out code) and `...` are exempt, and so are accesses whose only
// purpose is to raise: inside a `try:` that handles exceptions, or a `pytest.raises`-like block.
#include "checkers/control-flow/UselessExpression.h"

#include <algorithm>
#include <string>

namespace typhon {

namespace {

std::vector<Node> nonCommentChildren(Node n) {
  std::vector<Node> out = n.namedChildren();
  out.erase(std::remove_if(out.begin(), out.end(), [](Node c) { return c.is(NodeKind::Comment); }), out.end());
  return out;
}

bool isNumber(Node n) { return n.is(NodeKind::Integer) || n.is(NodeKind::Float); }

/// A literal, or a display built only of literals and names: evaluating it does nothing.
bool isInertLiteral(Node n) {
  switch (n.kind()) {
  case NodeKind::Integer:
  case NodeKind::Float:
  case NodeKind::True:
  case NodeKind::False:
  case NodeKind::None: return true;
  case NodeKind::UnaryOperator: return isNumber(n.field(FieldId::Argument));
  case NodeKind::Tuple:
  case NodeKind::List:
  case NodeKind::Set:
  case NodeKind::Dictionary:
  case NodeKind::Pair: break;
  default: return false;
  }
  std::vector<Node> elements = nonCommentChildren(n);
  return std::all_of(elements.begin(), elements.end(), [](Node e) {
    return isInertLiteral(e) || e.is(NodeKind::Identifier) || e.is(NodeKind::String) ||
           e.is(NodeKind::ConcatenatedString);
  });
}

/// Context managers whose block exists to make its body raise or warn (`pytest.raises`,
/// `assertRaisesRegex`, `pytest.warns`, `warnings.catch_warnings`, `contextlib.suppress`...).
bool isRaisesContext(std::string_view callee) {
  std::size_t dot = callee.rfind('.');
  std::string_view last = dot == std::string_view::npos ? callee : callee.substr(dot + 1);
  for (std::string_view part : {"raise", "Raise", "warn", "Warn", "suppress", "deprecated_call"})
    if (last.find(part) != std::string_view::npos) return true;
  return false;
}

bool withExpectsException(Node with, const CheckContext &ctx) {
  Node clause = with.namedChild(0);
  for (Node item : clause.namedChildren()) {
    Node value = item.field(FieldId::Value);
    if (value.is(NodeKind::AsPattern)) value = value.namedChild(0);
    if (value.is(NodeKind::Call) && isRaisesContext(ctx.textOf(value.field(FieldId::Function)))) return true;
  }
  return false;
}

bool tryHandlesExceptions(Node tryStatement) {
  for (Node c : tryStatement.namedChildren())
    if (c.is(NodeKind::ExceptClause)) return true;
  return false;
}

/// Whether the statement sits in a `try:` body with handlers, or in a block expecting an exception.
bool isProbingForException(Node statement, const CheckContext &ctx) {
  const std::vector<Node> &anc = ctx.ancestors();
  Node child = statement;
  for (std::size_t i = anc.size(); i-- > 0; child = anc[i]) {
    Node parent = anc[i];
    if (parent.is(NodeKind::FunctionDefinition) || parent.is(NodeKind::ClassDefinition)) return false;
    bool inBody = child == parent.field(FieldId::Body);
    if (inBody && parent.is(NodeKind::TryStatement) && tryHandlesExceptions(parent)) return true;
    if (inBody && parent.is(NodeKind::WithStatement) && withExpectsException(parent, ctx)) return true;
  }
  return false;
}

/// A comment alone on the line above says the statement is deliberate ("# Used only for its
/// side effect."). Trailing comments are not enough: they are often tool directives.
bool hasExplainingComment(Node statement, const CheckContext &ctx) {
  const SourceFile &source = ctx.module().source();
  std::uint32_t line = source.lines().lineOf(statement.startByte());
  if (line < 2) return false;
  std::string_view above = source.lineText(line - 1);
  std::size_t first = above.find_first_not_of(" \t");
  return first != std::string_view::npos && above[first] == '#';
}

bool isPropertyDecorator(Node decorator, const CheckContext &ctx) {
  std::string_view name = ctx.textOf(decorator.namedChild(0));
  return name == "property" || name == "cached_property" || name.ends_with(".cached_property") ||
         name.ends_with(".getter");
}

/// Whether a class in `block` (or nested in one) defines a property `name`: reading it runs code,
/// so the access may be for its side effect.
bool definesProperty(Node block, std::string_view name, const CheckContext &ctx) {
  for (Node statement : block.namedChildren()) {
    Node def = statement.is(NodeKind::DecoratedDefinition) ? statement.field(FieldId::Definition) : statement;
    if (def.is(NodeKind::ClassDefinition) && definesProperty(def.field(FieldId::Body), name, ctx)) return true;
    if (!def.is(NodeKind::FunctionDefinition) || def == statement || ctx.textOf(def.field(FieldId::Name)) != name)
      continue;
    for (Node d : statement.namedChildren())
      if (d.is(NodeKind::Decorator) && isPropertyDecorator(d, ctx)) return true;
  }
  return false;
}

std::string describe(Node value, const CheckContext &ctx) {
  switch (value.kind()) {
  case NodeKind::ComparisonOperator: return "comparison result is discarded: did you mean `=` or `assert`?";
  case NodeKind::Attribute:
    return "attribute access `" + std::string(ctx.textOf(value)) + "` has no effect as a statement";
  case NodeKind::Identifier: return "name `" + std::string(ctx.textOf(value)) + "` has no effect as a statement";
  default: return "literal has no effect as a statement";
  }
}

} // namespace

std::vector<NodeKind> UselessExpressionCheck::kinds() const { return {NodeKind::ExpressionStatement}; }

void UselessExpressionCheck::visit(Node node, CheckContext &ctx) const {
  if (node.hasError()) return;
  std::vector<Node> parts = nonCommentChildren(node);
  if (parts.empty()) return;
  // Tests exercise hooks and properties by touching them; only a lost comparison is a slip there.
  bool isTest = ctx.facts().isTestFile;
  // `a, b` as a statement is a tuple display.
  if (parts.size() > 1) {
    bool inert =
        std::all_of(parts.begin(), parts.end(), [](Node p) { return isInertLiteral(p) || p.is(NodeKind::Identifier); });
    if (inert && !isTest) ctx.report(*this, node, "tuple has no effect as a statement");
    return;
  }
  Node value = parts[0];
  bool isComparison = value.is(NodeKind::ComparisonOperator);
  bool isAccess = value.is(NodeKind::Attribute) || value.is(NodeKind::Identifier);
  if (!isComparison && !isAccess && !isInertLiteral(value)) return;
  if (isTest && !isComparison) return;
  if ((isComparison || isAccess) && isProbingForException(node, ctx)) return;
  if (hasExplainingComment(node, ctx)) return;
  if (value.is(NodeKind::Attribute) &&
      definesProperty(ctx.module().root(), ctx.textOf(value.field(FieldId::Attribute)), ctx))
    return;
  ctx.report(*this, value, describe(value, ctx));
}

} // namespace typhon
