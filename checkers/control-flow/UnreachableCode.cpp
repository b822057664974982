// unreachable-code: conservative and syntactic. After a jump only the rest of the same block is
// reported (with an unsafe fix deleting it), except the `yield` that turns a function that
// raises into a generator. Under constant tests, the idioms `if False: import ...` (type-comment
// imports) and `if False: yield` are not reported; TYPE_CHECKING, __debug__ and version checks
// are never constants here.
#include "checkers/control-flow/UnreachableCode.h"

#include "semantic/constant/Evaluate.h"
#include "semantic/constant/Truthiness.h"

#include <string>

namespace typhon {

using constant::constantTruthiness;
using constant::operands;

namespace {

bool isJump(Node statement) {
  return statement.is(NodeKind::ReturnStatement) || statement.is(NodeKind::RaiseStatement) ||
         statement.is(NodeKind::ContinueStatement) || statement.is(NodeKind::BreakStatement);
}

std::string_view jumpName(Node statement) {
  if (statement.is(NodeKind::ReturnStatement)) return "return";
  if (statement.is(NodeKind::RaiseStatement)) return "raise";
  if (statement.is(NodeKind::ContinueStatement)) return "continue";
  return "break";
}

bool isYieldStatement(Node statement) {
  if (!statement.is(NodeKind::ExpressionStatement)) return false;
  std::vector<Node> parts = operands(statement);
  return parts.size() == 1 && parts[0].is(NodeKind::Yield);
}

std::uint32_t lineStart(std::string_view s, std::uint32_t offset) {
  while (offset > 0 && s[offset - 1] != '\n' && s[offset - 1] != '\r') --offset;
  return offset;
}

std::uint32_t nextLineStart(std::string_view s, std::uint32_t offset) {
  while (offset < s.size() && s[offset] != '\n' && s[offset] != '\r') ++offset;
  if (offset < s.size() && s[offset] == '\r') ++offset;
  if (offset < s.size() && s[offset] == '\n' && s[offset - 1] != '\n') ++offset;
  return offset;
}

} // namespace

std::vector<NodeKind> UnreachableCodeCheck::kinds() const {
  return {NodeKind::Block, NodeKind::Module, NodeKind::IfStatement, NodeKind::WhileStatement};
}

void UnreachableCodeCheck::visit(Node node, CheckContext &ctx) const {
  if (node.hasError()) return;
  if (node.is(NodeKind::IfStatement)) return visitIf(node, ctx);
  if (node.is(NodeKind::WhileStatement)) return visitWhile(node, ctx);
  visitSequence(node, ctx);
}

void UnreachableCodeCheck::visitSequence(Node block, CheckContext &ctx) const {
  std::vector<Node> statements = operands(block);
  for (std::size_t i = 0; i + 1 < statements.size(); ++i) {
    if (!isJump(statements[i])) continue;
    Node first = statements[i + 1], last = statements.back();
    bool onlyYields = true;
    for (std::size_t k = i + 1; k < statements.size(); ++k) onlyYields = onlyYields && isYieldStatement(statements[k]);
    if (onlyYields) return; // `raise NotImplementedError` + `yield`: a generator on purpose
    std::string message = "code after `" + std::string(jumpName(statements[i])) + "` is never executed";
    std::string_view text = ctx.text();
    std::uint32_t start = lineStart(text, first.startByte());
    std::optional<Fix> fix;
    if (text.substr(start, first.startByte() - start).find_first_not_of(" \t") == std::string_view::npos) {
      std::uint32_t end = nextLineStart(text, last.endByte());
      fix = Fix{Applicability::Unsafe, "Delete the unreachable code", {TextEdit{start, end, ""}}};
    }
    return ctx.report(*this, first.startByte(), last.endByte(), std::move(message), std::move(fix));
  }
}

void UnreachableCodeCheck::visitIf(Node statement, CheckContext &ctx) const {
  auto test = constantTruthiness(statement.field(FieldId::Condition), ctx.text());
  if (!test) return;
  if (!*test) return reportBlock(statement.field(FieldId::Consequence), "its `if` condition is always false", ctx);
  for (Node alternative : statement.fieldAll(FieldId::Alternative)) {
    Node block = alternative.is(NodeKind::ElifClause) ? alternative.field(FieldId::Consequence)
                                                      : alternative.field(FieldId::Body);
    reportBlock(block, "the `if` condition before it is always true", ctx);
  }
}

void UnreachableCodeCheck::visitWhile(Node statement, CheckContext &ctx) const {
  auto test = constantTruthiness(statement.field(FieldId::Condition), ctx.text());
  if (test && !*test) reportBlock(statement.field(FieldId::Body), "its `while` condition is always false", ctx);
}

void UnreachableCodeCheck::reportBlock(Node block, std::string_view why, CheckContext &ctx) const {
  if (block.isNull() || operands(block).empty() || constant::isIntentionallyDeadBlock(block)) return;
  std::vector<Node> body = operands(block);
  ctx.report(*this, body.front().startByte(), body.back().endByte(), "this code never runs: " + std::string(why));
}

} // namespace typhon
