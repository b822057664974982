// property-accessor-name-mismatch: `@x.setter` (or `.deleter`/`.getter`) returns a copy of the
// property `x` with the accessor added, bound to the decorated function's name. Under another name
// it creates a second property and leaves `x` without the accessor: assigning `obj.x` raises
// AttributeError. `x` must resolve (binder) to a property of the same class body: a function
// decorated with `property` (or an accessor of it), or `x = property(...)`.
#include "checkers/attributes/PropertyAccessorNameMismatch.h"

#include "checkers/names/NamesSupport.h"
#include "checkers/support/FunctionShape.h"
#include "checkers/support/Resolve.h"

namespace typhon {

using namespace sema;

namespace {

bool isPropertyBinding(const SemanticModel &model, const CheckContext &ctx, const Binding &b) {
  if (b.kind == BindingKind::FunctionDef) {
    for (Node d : support::decoratorsOf(b.node)) {
      Node e = support::decoratorExpression(d);
      if (support::denotes(model, ctx, e, {"builtins.property"})) return true;
      if (e.is(NodeKind::Attribute)) {
        std::string_view attr = ctx.textOf(e.field(FieldId::Attribute));
        if ((attr == "setter" || attr == "getter" || attr == "deleter") &&
            ctx.textOf(e.field(FieldId::Object)) == b.name)
          return true;
      }
    }
    return false;
  }
  if (b.kind != BindingKind::Assignment || !b.node.is(NodeKind::Assignment)) return false;
  Node right = b.node.field(FieldId::Right);
  return right.is(NodeKind::Call) && support::denotes(model, ctx, right.field(FieldId::Function), {"builtins.property"});
}

} // namespace

void PropertyAccessorNameMismatchCheck::begin(CheckContext &ctx) const {
  const SemanticModel *model = names::modelFor(ctx);
  if (!model) return;
  for (const Scope &scope : model->scopes()) {
    if (scope.kind != ScopeKind::Function || !support::enclosingClass(scope.node)) continue;
    Node def = scope.node;
    for (Node d : support::decoratorsOf(def)) {
      Node e = support::decoratorExpression(d);
      if (!e.is(NodeKind::Attribute)) continue;
      Node object = e.field(FieldId::Object);
      std::string_view accessor = ctx.textOf(e.field(FieldId::Attribute));
      if (!object.is(NodeKind::Identifier) || (accessor != "setter" && accessor != "deleter" && accessor != "getter"))
        continue;
      std::string_view property = ctx.textOf(object);
      if (property == scope.name) continue;
      const Reference *ref = support::referenceOf(*model, object);
      if (!ref || ref->resolution != Resolution::Local || ref->boundness != Boundness::Bound) continue;
      std::span<const BindingId> reaching = model->reaching(*ref);
      if (reaching.empty()) continue;
      bool allProperties = true;
      for (BindingId b : reaching)
        if (!isPropertyBinding(*model, ctx, model->binding(b))) allProperties = false;
      if (!allProperties) continue;
      std::optional<Fix> fix;
      if (const Binding *own = support::bindingOfDefinition(*model, def)) {
        BindingId id = static_cast<BindingId>(own - model->bindings().data());
        if (model->usesOf(id).empty()) {
          Node name = def.field(FieldId::Name);
          fix = Fix{Applicability::Unsafe, "Rename the function to `" + std::string(property) + "`",
                    {TextEdit{name.startByte(), name.endByte(), std::string(property)}}};
        }
      }
      std::string what = accessor == "setter" ? "assigning" : accessor == "deleter" ? "deleting" : "reading";
      ctx.report(*this, def.field(FieldId::Name),
                 "`@" + std::string(ctx.textOf(e)) + "` decorates `" + std::string(scope.name) +
                     "`: the accessor goes to a new property `" + std::string(scope.name) + "` and `" +
                     std::string(property) + "` stays without it" +
                     (accessor == "getter" ? std::string()
                                           : " (" + what + " `obj." + std::string(property) +
                                                 "` raises AttributeError)") +
                     "; name the function `" + std::string(property) + "`",
                 std::move(fix));
    }
  }
}

} // namespace typhon
