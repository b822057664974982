// Truthiness of constant tests: folded constants, non-empty displays, lambdas, generators and
// f-strings with literal text.
#include "semantic/constant/Truthiness.h"

#include "semantic/constant/Evaluate.h"

namespace typhon::constant {

namespace {

bool hasPlainElement(Node display) {
  for (Node item : operands(display)) {
    if (item.is(NodeKind::ListSplat) || item.is(NodeKind::DictionarySplat) || item.is(NodeKind::ParenthesizedListSplat))
      continue;
    return true;
  }
  return false;
}

/// An f-string with literal text is never empty.
bool isNonEmptyFString(Node s) {
  if (!s.is(NodeKind::String)) return false;
  bool interpolated = false, text = false;
  for (Node c : operands(s)) {
    if (c.is(NodeKind::Interpolation)) interpolated = true;
    if (c.is(NodeKind::StringContent) && c.endByte() > c.startByte()) text = true;
  }
  return interpolated && text;
}

bool isYieldStatement(Node statement) {
  std::vector<Node> parts = operands(statement);
  return statement.is(NodeKind::ExpressionStatement) && parts.size() == 1 && parts[0].is(NodeKind::Yield);
}

bool isImport(Node s) { return s.is(NodeKind::ImportStatement) || s.is(NodeKind::ImportFromStatement); }

bool isDeclaration(Node s) {
  if (s.is(NodeKind::ClassDefinition) || s.is(NodeKind::FunctionDefinition) || s.is(NodeKind::DecoratedDefinition) ||
      s.is(NodeKind::TypeAliasStatement) || s.is(NodeKind::PassStatement))
    return true;
  std::vector<Node> parts = operands(s);
  return s.is(NodeKind::ExpressionStatement) && parts.size() == 1 && parts[0].is(NodeKind::Assignment);
}

} // namespace

bool isIntentionallyDeadBlock(Node block) {
  std::vector<Node> body = operands(block);
  if (body.empty()) return false;
  bool yields = true, imports = false, typing = true;
  for (Node s : body) {
    yields = yields && isYieldStatement(s);
    imports = imports || isImport(s);
    typing = typing && (isImport(s) || isDeclaration(s));
  }
  return yields || (imports && typing);
}

std::optional<bool> constantTruthiness(Node expr, std::string_view source) {
  expr = stripParentheses(expr);
  if (auto v = evaluateConstant(expr, source)) return truthy(*v);
  switch (expr.kind()) {
  case NodeKind::List:
  case NodeKind::Set:
  case NodeKind::Tuple:
  case NodeKind::Dictionary:
    if (hasPlainElement(expr)) return true;
    return std::nullopt;
  case NodeKind::Lambda:
  case NodeKind::GeneratorExpression: return true;
  case NodeKind::String: return isNonEmptyFString(expr) ? std::optional<bool>(true) : std::nullopt;
  default: return std::nullopt;
  }
}

} // namespace typhon::constant
