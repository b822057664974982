// FunctionShape: own-scope walks and a structural "can control reach the end" analysis.
#include "checkers/support/FunctionShape.h"

#include "checkers/control-flow/PythonScopes.h"

#include <algorithm>
#include <optional>
#include <string>

namespace typhon::support {

namespace {

bool opensScope(Node n) {
  return n.is(NodeKind::FunctionDefinition) || n.is(NodeKind::Lambda) || n.is(NodeKind::ClassDefinition);
}

bool isNoneLiteral(Node n) { return n.is(NodeKind::None); }

/// A call that presumably never returns: sys.exit(), os._exit(), self.fail(...), _raise_error().
bool isNoReturnCall(Node statement, std::string_view text) {
  if (!statement.is(NodeKind::ExpressionStatement) || statement.namedChildCount() != 1) return false;
  Node call = statement.namedChild(0);
  if (!call.is(NodeKind::Call)) return false;
  Node fn = call.field(FieldId::Function);
  if (fn.is(NodeKind::Attribute)) fn = fn.field(FieldId::Attribute);
  if (!fn.is(NodeKind::Identifier)) return false;
  std::string_view name = fn.text(text);
  for (std::string_view word : {"exit", "abort", "fail", "raise", "error", "Error", "throw", "die", "unreachable"})
    if (name.find(word) != std::string_view::npos) return true;
  return false;
}

/// `1/0`, `x // 0`, `x % 0`: a statement written to raise ZeroDivisionError.
bool dividesByZero(Node statement, std::string_view text) {
  if (statement.namedChildCount() != 1) return false;
  Node e = statement.namedChild(0);
  if (!e.is(NodeKind::BinaryOperator)) return false;
  std::string_view op = e.field(FieldId::Operator).text(text);
  Node right = e.field(FieldId::Right);
  return (op == "/" || op == "//" || op == "%") && right.is(NodeKind::Integer) && right.text(text) == "0";
}

bool isTrue(Node n, std::string_view text) {
  return n.is(NodeKind::True) || (n.is(NodeKind::Integer) && n.text(text) == "1");
}

bool hasBreakFor(Node loopBody) {
  bool found = false;
  std::vector<Node> stack{loopBody};
  while (!stack.empty() && !found) {
    Node n = stack.back();
    stack.pop_back();
    if (n.is(NodeKind::BreakStatement)) found = true;
    if (opensScope(n) || n.is(NodeKind::ForStatement) || n.is(NodeKind::WhileStatement)) continue;
    for (Node c : n.namedChildren()) stack.push_back(c);
  }
  return found;
}

bool terminates(Node s, std::string_view text, int depth);

bool blockTerminates(Node block, std::string_view text, int depth) {
  if (!block) return false;
  if (depth > 100) return true;
  for (Node s : statementsOf(block))
    if (terminates(s, text, depth + 1)) return true;
  return false;
}

bool terminates(Node s, std::string_view text, int depth) {
  switch (s.kind()) {
  case NodeKind::ReturnStatement:
  case NodeKind::RaiseStatement:
  case NodeKind::BreakStatement:
  case NodeKind::ContinueStatement: return true;
  case NodeKind::AssertStatement: {
    Node c = s.namedChild(0);
    return c && (c.is(NodeKind::False) || c.text(text) == "0");
  }
  case NodeKind::ExpressionStatement: return isNoReturnCall(s, text) || dividesByZero(s, text);
  case NodeKind::IfStatement: {
    if (!blockTerminates(s.field(FieldId::Consequence), text, depth)) return false;
    bool hasElse = false;
    for (Node alt : s.fieldAll(FieldId::Alternative)) {
      if (alt.is(NodeKind::ElseClause)) hasElse = true;
      if (!blockTerminates(alt.field(FieldId::Body) ? alt.field(FieldId::Body) : alt.field(FieldId::Consequence), text,
                           depth))
        return false;
    }
    return hasElse;
  }
  case NodeKind::WhileStatement:
    return isTrue(s.field(FieldId::Condition), text) && !hasBreakFor(s.field(FieldId::Body));
  case NodeKind::WithStatement: return blockTerminates(s.field(FieldId::Body), text, depth);
  case NodeKind::TryStatement: {
    bool bodyEnds = blockTerminates(s.field(FieldId::Body), text, depth);
    bool handlersEnd = true;
    for (Node c : s.namedChildren()) {
      if (c.is(NodeKind::FinallyClause)) {
        for (Node b : c.namedChildren())
          if (b.is(NodeKind::Block) && blockTerminates(b, text, depth)) return true;
      } else if (c.is(NodeKind::ElseClause)) {
        if (blockTerminates(c.field(FieldId::Body), text, depth)) bodyEnds = true;
      } else if (c.is(NodeKind::ExceptClause) || c.type() == "except_group_clause") {
        Node body;
        for (Node b : c.namedChildren())
          if (b.is(NodeKind::Block)) body = b;
        if (!blockTerminates(body, text, depth)) handlersEnd = false;
      }
    }
    return bodyEnds && handlersEnd;
  }
  case NodeKind::MatchStatement: {
    Node body = s.field(FieldId::Body);
    if (!body) return false;
    bool wildcard = false;
    for (Node c : body.namedChildren()) {
      if (!c.is(NodeKind::CaseClause)) continue;
      Node pattern = c.namedChild(0);
      if (pattern && pattern.text(text) == "_" && !c.field(FieldId::Guard)) wildcard = true;
      if (!blockTerminates(c.field(FieldId::Consequence), text, depth)) return false;
    }
    return wildcard;
  }
  default: return false;
  }
}

} // namespace

void walkOwnScope(Node root, const std::function<bool(Node)> &visit) {
  // A nested definition's body is not part of the enclosing scope.
  if (opensScope(root) || root.is(NodeKind::DecoratedDefinition)) return;
  std::vector<Node> stack;
  for (Node c : root.namedChildren()) stack.push_back(c);
  std::reverse(stack.begin(), stack.end());
  while (!stack.empty()) {
    Node n = stack.back();
    stack.pop_back();
    if (!visit(n) || opensScope(n)) continue;
    std::vector<Node> children = n.namedChildren();
    for (auto it = children.rbegin(); it != children.rend(); ++it) stack.push_back(*it);
  }
}

FunctionFacts factsOf(Node def) {
  FunctionFacts f;
  Node body = def.field(FieldId::Body);
  if (!body) return f;
  walkOwnScope(body, [&](Node n) {
    switch (n.kind()) {
    case NodeKind::ReturnStatement: {
      f.returns.push_back(n);
      Node value = n.namedChild(0);
      while (value.is(NodeKind::Comment)) value = value.nextNamedSibling();
      if (!value) f.bareReturn = true;
      else if (isNoneLiteral(value)) f.returnsNone = true;
      else f.returnsValue = true;
      break;
    }
    case NodeKind::Yield: f.yields = true; break;
    case NodeKind::RaiseStatement: f.raises = true; break;
    case NodeKind::FunctionDefinition: f.innerDefs.push_back(n); break;
    default: break;
    }
    return true;
  });
  return f;
}

bool mayCompleteNormally(const CheckContext &ctx, Node block) {
  if (!block) return false;
  return !blockTerminates(block, ctx.text(), 0);
}

std::vector<Node> decoratorsOf(Node definition) {
  std::vector<Node> out;
  Node parent = definition.parent();
  if (!parent.is(NodeKind::DecoratedDefinition)) return out;
  for (Node c : parent.namedChildren())
    if (c.is(NodeKind::Decorator)) out.push_back(c);
  return out;
}

Node enclosingClass(Node definition) {
  Node p = definition.parent();
  if (p.is(NodeKind::DecoratedDefinition)) p = p.parent();
  if (!p.is(NodeKind::Block)) return Node();
  p = p.parent();
  return p.is(NodeKind::ClassDefinition) ? p : Node();
}

std::vector<Node> statementsOf(Node block) {
  std::vector<Node> out;
  if (!block) return out;
  for (Node c : block.namedChildren())
    if (!c.is(NodeKind::Comment)) out.push_back(c);
  return out;
}

bool isTrivialBody(Node block) {
  for (Node s : statementsOf(block)) {
    if (s.is(NodeKind::PassStatement)) continue;
    if (s.is(NodeKind::ExpressionStatement) && s.namedChildCount() == 1 &&
        (s.namedChild(0).is(NodeKind::String) || s.namedChild(0).is(NodeKind::Ellipsis) ||
         s.namedChild(0).is(NodeKind::ConcatenatedString)))
      continue;
    return false;
  }
  return true;
}

std::vector<Node> positionalParameters(Node parameters) {
  std::vector<Node> out;
  if (!parameters) return out;
  for (Node p : parameters.namedChildren()) {
    if (p.is(NodeKind::Comment) || p.is(NodeKind::PositionalSeparator)) continue;
    if (startsKeywordOnly(p)) break;
    Node name = parameterName(p);
    if (name) out.push_back(name);
  }
  return out;
}

std::optional<std::string> stringLiteral(const CheckContext &ctx, Node n) {
  if (!n.is(NodeKind::String)) return std::nullopt;
  std::string_view text = ctx.textOf(n);
  std::size_t q = text.find_first_of("\"'");
  if (q == std::string_view::npos) return std::nullopt;
  std::string_view prefix = text.substr(0, q);
  for (char c : prefix)
    if (c != 'r' && c != 'R' && c != 'u' && c != 'U') return std::nullopt;
  std::string_view body = text.substr(q);
  std::size_t quoteLen = (body.size() >= 6 && (body.starts_with("\"\"\"") || body.starts_with("'''"))) ? 3 : 1;
  if (body.size() < 2 * quoteLen) return std::nullopt;
  std::string_view inner = body.substr(quoteLen, body.size() - 2 * quoteLen);
  if (inner.find('\\') != std::string_view::npos) return std::nullopt;
  return std::string(inner);
}

std::optional<TextEdit> appendStatement(const CheckContext &ctx, Node block, std::string_view line) {
  std::vector<Node> statements = statementsOf(block);
  if (statements.empty()) return std::nullopt;
  std::string_view text = ctx.text();
  std::uint32_t first = statements.front().startByte();
  std::uint32_t lineStart = first;
  while (lineStart > 0 && text[lineStart - 1] != '\n') --lineStart;
  std::string_view indent = text.substr(lineStart, first - lineStart);
  if (indent.empty() || indent.find_first_not_of(" \t") != std::string_view::npos) return std::nullopt;
  Node last = statements.back();
  // Skip a trailing comment on the last statement's line.
  std::uint32_t end = last.endByte();
  while (end < text.size() && text[end] != '\n') ++end;
  if (text.substr(last.endByte(), end - last.endByte()).find_first_not_of(" \t\r") != std::string_view::npos &&
      text.substr(last.endByte(), end - last.endByte()).find('#') == std::string_view::npos)
    return std::nullopt;
  std::string insert = "\n" + std::string(indent) + std::string(line);
  if (end > 0 && text[end - 1] == '\r') --end;
  return TextEdit{end, end, insert};
}

bool callsName(const CheckContext &ctx, Node n, std::string_view name) {
  bool found = false;
  std::vector<Node> stack{n};
  while (!stack.empty() && !found) {
    Node c = stack.back();
    stack.pop_back();
    if (c.is(NodeKind::Call)) {
      Node fn = c.field(FieldId::Function);
      if (fn.is(NodeKind::Identifier) && ctx.textOf(fn) == name) found = true;
    }
    for (Node k : c.namedChildren()) stack.push_back(k);
  }
  return found;
}

} // namespace typhon::support
