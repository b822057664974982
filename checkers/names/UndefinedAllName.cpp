// undefined-all-name: a string of a literal __all__ naming nothing the module binds.
#include "checkers/names/UndefinedAllName.h"

#include "checkers/names/NamesSupport.h"
#include "semantic/SemanticModel.h"

namespace typhon {

using namespace sema;

namespace {

bool bindsAtModuleLevel(const SemanticModel &model, std::string_view name) {
  SymbolId sym = model.lookupLocal(0, name);
  if (sym == kNoId) return false;
  for (BindingId b : model.symbol(sym).bindings)
    if (model.binding(b).kind != BindingKind::Deletion) return true;
  return false;
}

} // namespace

void UndefinedAllNameCheck::begin(CheckContext &ctx) const {
  const SemanticModel *model = names::modelFor(ctx);
  if (!model || !model->dunderAll().present) return;
  const Scope &module = model->scope(0);
  // A package's __all__ may list submodules; star imports and dynamic namespaces hide bindings;
  // a module __getattr__ (PEP 562) answers any name.
  if (model->isPackageInit() || module.hasUnresolvedStarImport || module.dynamicNamespace) return;
  if (bindsAtModuleLevel(*model, "__getattr__")) return;
  for (const DunderAll::Entry &e : model->dunderAll().entries) {
    if (bindsAtModuleLevel(*model, e.name)) continue;
    ctx.report(*this, e.node,
               "`" + std::string(e.name) + "` is listed in `__all__` but the module never binds it: " +
                   "`from ... import *` raises AttributeError");
  }
}

} // namespace typhon
