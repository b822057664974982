// inplace-op-returns-none: `a += b` rebinds `a` to whatever `__iadd__` returns. An in-place
// operator method with a path that returns nothing (a bare `return`, `return None`, or reaching
// the end of the body) rebinds the target to None. Placeholder bodies, generators and decorated
// methods are skipped. The unsafe fix appends `return self`.
#include "checkers/operators/InplaceOpReturnsNone.h"

#include "checkers/names/NamesSupport.h"
#include "checkers/support/FunctionShape.h"

namespace typhon {

using namespace sema;

namespace {

const char *operatorOf(std::string_view name) {
  static const std::pair<std::string_view, const char *> table[] = {
      {"__iadd__", "+="},  {"__isub__", "-="},     {"__imul__", "*="},       {"__imatmul__", "@="},
      {"__itruediv__", "/="}, {"__ifloordiv__", "//="}, {"__imod__", "%="},  {"__ipow__", "**="},
      {"__ilshift__", "<<="}, {"__irshift__", ">>="}, {"__iand__", "&="},   {"__ixor__", "^="},
      {"__ior__", "|="}};
  for (auto &[n, op] : table)
    if (n == name) return op;
  return nullptr;
}

} // namespace

void InplaceOpReturnsNoneCheck::begin(CheckContext &ctx) const {
  const SemanticModel *model = names::modelFor(ctx);
  if (!model || model->isStub()) return;
  for (const Scope &scope : model->scopes()) {
    if (scope.kind != ScopeKind::Function) continue;
    const char *op = operatorOf(scope.name);
    Node def = scope.node;
    if (!op || !support::enclosingClass(def) || !support::decoratorsOf(def).empty()) continue;
    Node body = def.field(FieldId::Body);
    if (!body || support::isTrivialBody(body)) continue;
    support::FunctionFacts facts = support::factsOf(def);
    if (facts.yields) continue;
    std::string name(scope.name);
    std::string tail = "`x " + std::string(op) + " y` then rebinds `x` to None";
    for (Node r : facts.returns) {
      Node value = r.namedChild(0);
      if (value && !value.is(NodeKind::None)) continue;
      ctx.report(*this, r, "`" + name + "` returns None here: " + tail + " (return `self` or the result)");
    }
    if (!support::mayCompleteNormally(ctx, body)) continue;
    std::optional<Fix> fix;
    if (auto edit = support::appendStatement(ctx, body, "return self"))
      fix = Fix{Applicability::Unsafe, "Return `self`", {*edit}};
    ctx.report(*this, def.field(FieldId::Name),
               "`" + name + "` can reach its end without returning: " + tail + " (return `self`)", std::move(fix));
  }
}

} // namespace typhon
