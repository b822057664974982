// wrapper-drops-result: a decorator's wrapper that stores the wrapped call's result
// (`result = fn(...)`) but has no `return <value>` anywhere: every decorated call returns None.
// The unsafe fix appends `return <result>` when the wrapper's body can reach its end.
#include "checkers/decorators/WrapperDropsResult.h"

#include "checkers/decorators/WrapperShape.h"
#include "checkers/names/NamesSupport.h"
#include "checkers/support/FunctionShape.h"

namespace typhon {

namespace {

bool isLoggingCall(const CheckContext &ctx, Node call) {
  std::string_view fn = ctx.textOf(call.field(FieldId::Function));
  return fn == "print" || fn.find("log") != std::string_view::npos || fn.ends_with(".debug") ||
         fn.ends_with(".info") || fn.ends_with(".warning") || fn.ends_with(".write");
}

/// Whether the wrapper (or a function nested in it) reads the stored result for something other than printing or logging it
/// (then the result is consumed on purpose: a generator driven, a value queued...).
bool usedBeyondLogging(const CheckContext &ctx, Node body, Node assignment, std::string_view name) {
  // Nested functions count: a callback reading the result consumes it.
  std::vector<Node> stack{body};
  while (!stack.empty()) {
    Node n = stack.back();
    stack.pop_back();
    if (n == assignment.field(FieldId::Left)) continue;
    if (n.is(NodeKind::Call) && isLoggingCall(ctx, n)) continue;
    if (n.is(NodeKind::Identifier) && ctx.textOf(n) == name) return true;
    for (Node c : n.namedChildren()) stack.push_back(c);
  }
  return false;
}

} // namespace

void WrapperDropsResultCheck::begin(CheckContext &ctx) const {
  if (!names::modelFor(ctx)) return;
  for (const support::WrapperShape &w : support::findWrappers(ctx)) {
    support::FunctionFacts facts = support::factsOf(w.wrapper);
    if (facts.returnsValue || facts.returnsNone || facts.yields) continue;
    Node stored;
    support::walkOwnScope(w.wrapper.field(FieldId::Body), [&](Node n) {
      if (stored || !n.is(NodeKind::Assignment)) return !stored;
      Node left = n.field(FieldId::Left), right = n.field(FieldId::Right);
      if (right.is(NodeKind::Await)) right = right.namedChild(0);
      if (left.is(NodeKind::Identifier) && right.is(NodeKind::Call) &&
          right.field(FieldId::Function).is(NodeKind::Identifier) &&
          ctx.textOf(right.field(FieldId::Function)) == w.wrapped)
        stored = n;
      return !stored;
    });
    if (!stored) continue;
    std::string result(ctx.textOf(stored.field(FieldId::Left)));
    if (usedBeyondLogging(ctx, w.wrapper.field(FieldId::Body), stored, result)) continue;
    std::string wrapper(ctx.textOf(w.wrapper.field(FieldId::Name)));
    std::optional<Fix> fix;
    Node body = w.wrapper.field(FieldId::Body);
    if (!facts.bareReturn && support::mayCompleteNormally(ctx, body))
      if (auto edit = support::appendStatement(ctx, body, "return " + result)) {
        // One edit from the assignment to the end of the body: it overlaps (and so never combines
        // with) a fix that would remove the assignment.
        std::string kept(ctx.text().substr(stored.startByte(), edit->startByte - stored.startByte()));
        fix = Fix{Applicability::Unsafe, "Return `" + result + "`",
                  {TextEdit{stored.startByte(), edit->endByte, kept + edit->newText}}};
      }
    ctx.report(*this, stored,
               "`" + wrapper + "` stores the result of `" + std::string(w.wrapped) + "(...)` in `" + result +
                   "` but never returns a value: every call of a function decorated with `" +
                   std::string(ctx.textOf(w.decorator.field(FieldId::Name))) + "` returns None",
               std::move(fix));
  }
}

} // namespace typhon
