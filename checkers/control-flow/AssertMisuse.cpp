// assert-misuse: a parenthesized non-empty tuple as the condition (CPython's "assertion is always
// true" SyntaxWarning), and `assert False`, which `python -O` strips, outside test files.
#include "checkers/control-flow/AssertMisuse.h"

#include <algorithm>
#include <string>

namespace typhon {

namespace {

Node unparenthesize(Node n) {
  while (n.is(NodeKind::ParenthesizedExpression) && n.namedChildCount() == 1) n = n.namedChild(0);
  return n;
}

std::vector<Node> nonCommentChildren(Node n) {
  std::vector<Node> out = n.namedChildren();
  out.erase(std::remove_if(out.begin(), out.end(), [](Node c) { return c.is(NodeKind::Comment); }), out.end());
  return out;
}

bool isOnOneLine(std::string_view text) { return text.find('\n') == std::string_view::npos; }

} // namespace

std::vector<NodeKind> AssertMisuseCheck::kinds() const { return {NodeKind::AssertStatement}; }

void AssertMisuseCheck::visit(Node node, CheckContext &ctx) const {
  if (node.hasError()) return;
  std::vector<Node> parts = nonCommentChildren(node);
  if (parts.empty()) return;
  Node condition = parts[0];
  Node message = parts.size() > 1 ? parts[1] : Node();
  Node inner = unparenthesize(condition);
  if (inner.is(NodeKind::Tuple) && !nonCommentChildren(inner).empty())
    return reportTuple(node, message ? Node() : condition, inner, ctx);
  if (inner.is(NodeKind::False) && !ctx.facts().isTestFile) reportAssertFalse(node, message, ctx);
}

/// `condition` is null when the assert already has a message (no fix is offered then).
void AssertMisuseCheck::reportTuple(Node statement, Node condition, Node tuple, CheckContext &ctx) const {
  std::string text = "assertion is always true: the condition is a non-empty tuple; remove the parentheses";
  std::vector<Node> elements = nonCommentChildren(tuple);
  bool simple = condition && elements.size() <= 2 && isOnOneLine(ctx.textOf(statement)) &&
                std::none_of(elements.begin(), elements.end(), [](Node e) { return e.is(NodeKind::ListSplat); });
  if (!simple) return ctx.report(*this, tuple, std::move(text));
  std::string replacement(ctx.textOf(elements[0]));
  if (elements.size() == 2) replacement += ", " + std::string(ctx.textOf(elements[1]));
  Fix fix{Applicability::Unsafe, "Remove the parentheses: `assert " + replacement + "`",
          {TextEdit{condition.startByte(), condition.endByte(), replacement}}};
  ctx.report(*this, tuple, std::move(text), std::move(fix));
}

void AssertMisuseCheck::reportAssertFalse(Node statement, Node message, CheckContext &ctx) const {
  std::string replacement = "raise AssertionError";
  if (message) replacement += "(" + std::string(ctx.textOf(message)) + ")";
  Fix fix{Applicability::Unsafe, "Replace with `" + replacement + "`",
          {TextEdit{statement.startByte(), statement.endByte(), replacement}}};
  ctx.report(*this, statement, "`assert False` is removed under `python -O`; raise `AssertionError` instead",
             std::move(fix));
}

} // namespace typhon
