// Syntax errors: turns tree-sitter's ERROR/MISSING nodes into messages that say what was expected.
#include "parser/SyntaxErrors.h"

#include <string>

namespace typhon {

namespace {

/// Where a missing token belongs, phrased for "expected `X` <context>".
std::string contextOf(NodeKind parent) {
  switch (parent) {
  case NodeKind::FunctionDefinition: return " after the function signature";
  case NodeKind::ClassDefinition: return " after the class header";
  case NodeKind::IfStatement: return " after the `if` condition";
  case NodeKind::ElifClause: return " after the `elif` condition";
  case NodeKind::ElseClause: return " after `else`";
  case NodeKind::ForStatement: return " after the `for` header";
  case NodeKind::WhileStatement: return " after the `while` condition";
  case NodeKind::WithStatement: return " after the `with` items";
  case NodeKind::TryStatement: return " after `try`";
  case NodeKind::ExceptClause: return " after the `except` clause";
  case NodeKind::FinallyClause: return " after `finally`";
  case NodeKind::Lambda: return " after the lambda parameters";
  case NodeKind::Pair: return " between the dict key and its value";
  case NodeKind::MatchStatement: return " after the `match` subject";
  case NodeKind::CaseClause: return " after the `case` pattern";
  case NodeKind::ArgumentList: return " in the argument list";
  case NodeKind::Parameters: return " in the parameter list";
  case NodeKind::Subscript: return " in the subscript";
  default: return "";
  }
}

std::string describeMissing(const ParsedModule &module, Node missing) {
  Node parent = missing.parent();
  NodeKind pk = parent ? parent.kind() : NodeKind::Unknown;
  std::string_view type = missing.type();
  if (missing.isNamed()) {
    if (type == "identifier") return "expected a name" + contextOf(pk);
    if (type == "block") return "expected an indented block" + contextOf(pk);
    return "expected " + std::string(type == "expression" ? "an expression" : std::string(type)) + contextOf(pk);
  }
  if (type == ")" || type == "]" || type == "}") {
    char open = type == ")" ? '(' : type == "]" ? '[' : '{';
    for (Node c = parent ? parent.child(0) : Node(); c; c = c.nextSibling()) {
      std::string_view t = module.textOf(c);
      if (t.size() == 1 && t[0] == open) {
        Position p = module.source().position(c.startByte());
        return "expected `" + std::string(type) + "` to close the `" + std::string(1, open) + "` opened at line " +
               std::to_string(p.line) + ", column " + std::to_string(p.column);
      }
    }
    return "expected `" + std::string(type) + "`" + contextOf(pk);
  }
  return "expected `" + std::string(type) + "`" + contextOf(pk);
}

/// The first leaf token inside `n` (the token the parser could not place).
Node firstLeaf(Node n) {
  while (n && n.childCount() > 0) n = n.child(0);
  return n;
}

std::string shorten(std::string_view text) {
  std::size_t nl = text.find_first_of("\r\n");
  if (nl != std::string_view::npos) text = text.substr(0, nl);
  if (text.size() > 40) return std::string(text.substr(0, 37)) + "...";
  return std::string(text);
}

bool startsString(std::string_view t) {
  std::size_t i = 0;
  while (i < t.size() && i < 3 && std::string_view("rRbBuUfFtT").find(t[i]) != std::string_view::npos) ++i;
  return i < t.size() && (t[i] == '"' || t[i] == '\'');
}

std::string describeError(const ParsedModule &module, Node error) {
  std::string_view text = module.textOf(error);
  if (error.startByte() >= module.text().size()) return "unexpected end of file";
  Node leaf = firstLeaf(error);
  std::string_view token = leaf ? module.textOf(leaf) : text;
  if (token.empty()) token = text;
  if (startsString(token) && leaf && leaf.isError()) return "unterminated string literal";
  // An ERROR whose content is only a keyword-led header usually lacks its colon or body.
  NodeKind lk = leaf ? leaf.kind() : NodeKind::Unknown;
  if (lk == NodeKind::KwDef || lk == NodeKind::KwClass) {
    if (text.find(':') == std::string_view::npos) return "expected `:` after the " +
                                                          std::string(lk == NodeKind::KwDef ? "function signature" : "class header");
    return std::string("invalid `") + (lk == NodeKind::KwDef ? "def" : "class") + "` statement";
  }
  if (error.endByte() >= module.text().size() && text.find('\n') != std::string_view::npos)
    return "invalid syntax: unexpected `" + shorten(token) + "` (statement not closed before the end of the file)";
  if (token.empty()) return "invalid syntax";
  return "invalid syntax: unexpected `" + shorten(token) + "`";
}

void collect(const ParsedModule &module, Node node, std::vector<SyntaxError> &out) {
  // Iterative pre-order walk: only subtrees flagged by has_error are entered.
  std::vector<Node> stack{node};
  while (!stack.empty()) {
    Node n = stack.back();
    stack.pop_back();
    if (n.isMissing()) {
      std::uint32_t at = n.startByte();
      out.push_back({at, at, describeMissing(module, n)});
      continue;
    }
    NodeKind k = n.kind();
    if (k == NodeKind::Error) {
      std::uint32_t end = n.endByte();
      out.push_back({n.startByte(), end, describeError(module, n)});
      continue;
    }
    std::uint32_t count = n.childCount();
    for (std::uint32_t i = count; i-- > 0;) {
      Node c = n.child(i);
      if (c.hasError() || c.isMissing()) stack.push_back(c);
    }
  }
}

} // namespace

std::vector<SyntaxError> findSyntaxErrors(const ParsedModule &module) {
  std::vector<SyntaxError> out;
  Node root = module.root();
  if (!root) return out;
  collect(module, root, out);
  return out;
}

} // namespace typhon
