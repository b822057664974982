// decorator-returns-none: a function that defines an inner function but has no `return <value>`
// (and is not a generator) returns None; used as a decorator it rebinds the decorated name to
// None, so every later call raises TypeError. A function counts as a decorator (or a layer of a
// decorator factory) when the module applies it as `@f` (resolved through the binder), or when it
// takes one positional parameter that its inner function calls (the wrapper shape).
#include "checkers/decorators/DecoratorReturnsNone.h"

#include "checkers/names/NamesSupport.h"
#include "checkers/support/FunctionShape.h"
#include "checkers/support/Resolve.h"

namespace typhon {

using namespace sema;

namespace {

bool isAsync(const CheckContext &ctx, Node def) { return ctx.textOf(def).starts_with("async"); }

/// Whether the outer body reads the inner function's name other than in `wraps`/`update_wrapper`
/// (stored, registered, called or passed on: then it is not a wrapper whose return was forgotten).
bool usedOtherwise(const CheckContext &ctx, Node body, Node inner) {
  std::string_view name = ctx.textOf(inner.field(FieldId::Name));
  bool used = false;
  support::walkOwnScope(body, [&](Node n) {
    if (n == inner || used) return false;
    if (n.is(NodeKind::Call)) {
      std::string_view fn = ctx.textOf(n.field(FieldId::Function));
      if (fn.ends_with("update_wrapper")) return false;
    }
    if (n.is(NodeKind::Identifier) && ctx.textOf(n) == name) used = true;
    return !used;
  });
  return used;
}

} // namespace

void DecoratorReturnsNoneCheck::begin(CheckContext &ctx) const {
  const SemanticModel *model = names::modelFor(ctx);
  if (!model || model->isStub()) return;
  for (const Scope &scope : model->scopes()) {
    if (scope.kind != ScopeKind::Function) continue;
    Node def = scope.node;
    if (isAsync(ctx, def)) continue;
    // It must define an inner function: most functions are ruled out by their text alone.
    if (ctx.textOf(def.field(FieldId::Body)).find("def ") == std::string_view::npos) continue;
    support::FunctionFacts facts = support::factsOf(def);
    if (facts.returnsValue || facts.returnsNone || facts.yields || facts.innerDefs.empty()) continue;
    Node body = def.field(FieldId::Body);
    if (!facts.bareReturn && !support::mayCompleteNormally(ctx, body)) continue;
    // Decorators of the function itself may replace it (e.g. a registry); skip those.
    if (!support::decoratorsOf(def).empty()) continue;
    std::vector<Node> params = support::positionalParameters(def.field(FieldId::Parameters));
    bool shape = false;
    Node wrapper;
    if (params.size() == 1 || (params.size() == 2 && support::enclosingClass(def))) {
      std::string_view fn = ctx.textOf(params.back());
      for (Node inner : facts.innerDefs)
        if (support::callsName(ctx, inner.field(FieldId::Body), fn) && !usedOtherwise(ctx, body, inner)) {
          shape = true;
          wrapper = inner;
        }
    }
    bool applied = false;
    if (const Binding *b = support::bindingOfDefinition(*model, def)) {
      BindingId id = static_cast<BindingId>(b - model->bindings().data());
      for (ReferenceId r : model->usesOf(id)) {
        const Reference &ref = model->reference(r);
        Node n(ts_node_descendant_for_byte_range(ctx.module().root().raw(), ref.start, ref.end));
        if (n.parent().is(NodeKind::Decorator) && model->reaching(ref).size() == 1) applied = true;
      }
    }
    if (!shape && !applied) continue;
    std::string name(scope.name);
    std::string inner(ctx.textOf((wrapper ? wrapper : facts.innerDefs.front()).field(FieldId::Name)));
    std::optional<Fix> fix;
    // Only a wrapper of the decorated function is worth returning.
    if (wrapper && facts.innerDefs.size() == 1 && !facts.bareReturn)
      if (auto edit = support::appendStatement(ctx, body, "return " + inner))
        fix = Fix{Applicability::Unsafe, "Return `" + inner + "`", {*edit}};
    ctx.report(*this, def.field(FieldId::Name),
               "`" + name + "` defines `" + inner +
                   "` but returns nothing: used as a decorator it binds the decorated name to None when the "
                   "definition runs, and every call then raises TypeError: 'NoneType' object is not callable",
               std::move(fix));
  }
}

} // namespace typhon
