// unbound-local: a read of a function's local where every path leaves it unassigned — before the
// first assignment, after `del`, or after the `except ... as name` handler that deleted it.
#include "checkers/names/UnboundLocal.h"

#include "checkers/names/NamesSupport.h"

namespace typhon {

using namespace sema;

namespace {

std::string hint(const SemanticModel &model, const CheckContext &ctx, const Symbol &sym) {
  bool handlerName = false;
  std::uint32_t firstAssignment = 0;
  for (BindingId b : sym.bindings) {
    const Binding &binding = model.binding(b);
    if (binding.kind == BindingKind::ExceptHandler) handlerName = true;
    if (binding.kind != BindingKind::Deletion && binding.kind != BindingKind::Annotation && !firstAssignment)
      firstAssignment = binding.nameStart;
  }
  if (handlerName) return "; the name of an `except ... as` clause is deleted when its handler ends";
  const Scope &scope = model.scope(sym.scope);
  if (scope.kind != ScopeKind::Function || !firstAssignment) return "";
  SymbolId global = model.lookupLocal(0, sym.name);
  if (global == kNoId || model.symbol(global).bindings.empty()) return "";
  std::string name(sym.name);
  return "; the assignment on line " + std::to_string(names::lineOf(ctx, firstAssignment)) + " makes `" + name +
         "` local to `" + std::string(scope.name) + "` (declare `global " + name + "` to use the module's)";
}

} // namespace

void UnboundLocalCheck::begin(CheckContext &ctx) const {
  const SemanticModel *model = names::modelFor(ctx);
  if (!model) return;
  for (const Reference &ref : model->references()) {
    if (ref.boundness != Boundness::Unbound || ref.symbol == kNoId || names::isQuietReference(ref)) continue;
    const Symbol &sym = model->symbol(ref.symbol);
    if (!names::isFunctionLike(model->scope(sym.scope).kind)) continue;
    if (names::classReadingItsOwnName(*model, ref) != kNoId) continue; // class-body-self-reference
    std::string message = "cannot access local variable `" + std::string(ref.name) +
                          "` where it is not associated with a value: UnboundLocalError " +
                          names::evaluationTime(*model, ref.scope) + hint(*model, ctx, sym);
    ctx.report(*this, ref.start, ref.end, std::move(message));
  }
}

} // namespace typhon
