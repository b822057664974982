// undefined-name: references the binder could not resolve, and module or class-body reads that run
// before the name's first binding.
#include "checkers/names/UndefinedName.h"

#include "checkers/names/NamesSupport.h"

#include <set>

namespace typhon {

using namespace sema;

namespace {

/// The first real binding of `sym` after `offset`, or 0 when none.
std::uint32_t laterBinding(const SemanticModel &model, SymbolId sym, std::uint32_t offset) {
  for (BindingId b : model.symbol(sym).bindings) {
    const Binding &binding = model.binding(b);
    if (binding.kind == BindingKind::Annotation || binding.kind == BindingKind::Deletion) continue;
    if (binding.nameStart > offset) return binding.nameStart;
  }
  return 0;
}

std::string whereDeferred(const Reference &ref) {
  if (ref.flags & kRefStringAnnotation) return " (in a string annotation)";
  if (ref.flags & kRefAnnotation) return " (in an annotation)";
  return " (in a lazily evaluated type expression)";
}

} // namespace

void UndefinedNameCheck::begin(CheckContext &ctx) const {
  const SemanticModel *model = names::modelFor(ctx);
  if (!model) return;
  // A name probed in `try: name / except NameError:` is known to exist after the probe.
  std::set<std::pair<ScopeId, std::string_view>> probed;
  for (const Reference &ref : model->references())
    if ((ref.flags & kRefNameErrorGuarded) && ref.resolution == Resolution::Unresolved)
      probed.insert({model->frameOf(ref.scope), ref.name});
  for (const Reference &ref : model->references()) {
    if (names::isQuietReference(ref) || (ref.flags & kRefDunderAll)) continue;
    std::string name(ref.name);
    if (ref.resolution == Resolution::Unresolved) {
      if (probed.contains({model->frameOf(ref.scope), ref.name})) continue;
      std::string message = "name `" + name + "` is not defined";
      message += (ref.flags & kRefDeferred) ? whereDeferred(ref)
                                            : ": NameError " + names::evaluationTime(*model, ref.scope);
      ctx.report(*this, ref.start, ref.end, std::move(message));
      continue;
    }
    if (ref.boundness != Boundness::Unbound || ref.symbol == kNoId) continue;
    const Symbol &sym = model->symbol(ref.symbol);
    if (names::isFunctionLike(model->scope(sym.scope).kind)) continue; // unbound-local
    // Reported with their own explanation by class-body-self-reference and forward-reference-at-runtime.
    if (names::classReadingItsOwnName(*model, ref) != kNoId || names::isForwardClassAnnotation(*model, ref)) continue;
    std::string message = "name `" + name + "` is not defined yet when this line runs";
    if (std::uint32_t later = laterBinding(*model, ref.symbol, ref.start))
      message += " (it is first bound on line " + std::to_string(names::lineOf(ctx, later)) + ")";
    message += ": NameError " + names::evaluationTime(*model, ref.scope);
    ctx.report(*this, ref.start, ref.end, std::move(message));
  }
}

} // namespace typhon
