// useless-global: `global x` at module level, in a scope that never assigns x, or for a name
// never bound at module level.
#include "checkers/names/UselessGlobal.h"

#include "checkers/names/StatementEdits.h"
#include "checkers/names/NamesSupport.h"
#include "semantic/SemanticModel.h"

namespace typhon {

using namespace sema;

namespace {

bool assignedFrom(const SemanticModel &model, SymbolId target, ScopeId scope) {
  for (BindingId b : model.symbol(target).bindings)
    if (model.binding(b).scope == scope) return true;
  return false;
}

bool boundAtModuleLevel(const SemanticModel &model, SymbolId target) {
  for (BindingId b : model.symbol(target).bindings)
    if (!(model.binding(b).flags & kBindingExternal)) return true;
  return false;
}

Fix removal(const CheckContext &ctx, const Declaration &d) {
  std::vector<Node> items;
  for (Node n : d.statement.namedChildren())
    if (n.is(NodeKind::Identifier)) items.push_back(n);
  std::vector<bool> drop(items.size(), false);
  for (std::size_t i = 0; i < items.size(); ++i) drop[i] = items[i] == d.name;
  return Fix{Applicability::Safe, "Remove the `global` declaration",
             names::removeListItems(ctx, d.statement, items, drop)};
}

} // namespace

void UselessGlobalCheck::begin(CheckContext &ctx) const {
  const SemanticModel *model = names::modelFor(ctx);
  if (!model) return;
  for (const Declaration &d : model->declarations()) {
    if (d.isNonlocal) continue;
    std::string name(ctx.textOf(d.name));
    if (model->scope(d.scope).kind == ScopeKind::Module) {
      ctx.report(*this, d.name, "`global " + name + "` at module level has no effect", removal(ctx, d));
      continue;
    }
    SymbolId target = d.symbol == kNoId ? kNoId : model->symbol(d.symbol).target;
    if (target == kNoId) continue;
    if (!assignedFrom(*model, target, d.scope)) {
      ctx.report(*this, d.name,
                 "`" + name + "` is declared global but never assigned here; reading a global needs no declaration",
                 removal(ctx, d));
      continue;
    }
    bool dunder = name.size() > 4 && name.starts_with("__") && name.ends_with("__");
    if (!dunder && !boundAtModuleLevel(*model, target))
      ctx.report(*this, d.name, "`" + name + "` is declared global but the module never binds it at module level");
  }
}

} // namespace typhon
