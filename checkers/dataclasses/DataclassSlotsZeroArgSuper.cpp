// dataclass-slots-zero-arg-super: `@dataclass(slots=True)` builds and returns a new class; before
// Python 3.14 the `__class__` cell that zero-argument `super()` reads still holds the original
// class, so `super()` raises TypeError on instances of the returned one.
#include "checkers/dataclasses/DataclassSlotsZeroArgSuper.h"

#include "checkers/control-flow/PythonScopes.h"
#include "checkers/dataclasses/ClassFacts.h"
#include "checkers/names/NamesSupport.h"

namespace typhon {

std::vector<NodeKind> DataclassSlotsZeroArgSuperCheck::kinds() const { return {NodeKind::Call}; }

void DataclassSlotsZeroArgSuperCheck::visit(Node node, CheckContext &ctx) const {
  if (ctx.facts().pythonMajor > 3 || ctx.facts().pythonMinor >= 14) return;
  Node callee = node.field(FieldId::Function);
  Node args = node.field(FieldId::Arguments);
  if (!callee.is(NodeKind::Identifier) || ctx.textOf(callee) != "super" || !args.is(NodeKind::ArgumentList) ||
      args.namedChildCount() != 0)
    return;
  // The innermost class whose method (or a function nested in one) holds the call.
  const std::vector<Node> &anc = ctx.ancestors();
  Node method, cls;
  for (std::size_t i = anc.size(); i-- > 0;) {
    if (anc[i].is(NodeKind::FunctionDefinition)) method = anc[i];
    if (anc[i].is(NodeKind::ClassDefinition)) {
      cls = anc[i];
      break;
    }
  }
  if (!cls || !method) return; // `super()` directly in a class body has no __class__ cell
  // Only calls directly in the method: in a nested function or lambda zero-argument `super()`
  // takes that function's first argument (zero-arg-super-unavailable reports those).
  for (std::size_t i = anc.size(); i-- > 0;) {
    if (anc[i].is(NodeKind::Lambda)) return;
    if (anc[i].is(NodeKind::FunctionDefinition)) {
      if (!(anc[i] == method)) return;
      break;
    }
  }
  const sema::SemanticModel *model = names::modelFor(ctx);
  if (!model) return;
  dc::Facts facts(ctx, *model);
  if (facts.qualifiedName(callee) != "builtins.super") return;
  std::optional<dc::DataclassOptions> o = dc::dataclassOptions(facts, cls);
  if (!o || o->slots != dc::Opt::True) return;
  // Fix: `super(C, first)` when the call is directly in the method and the method takes `self`.
  std::optional<Fix> fix;
  bool decorated = method.parent().is(NodeKind::DecoratedDefinition);
  Node first = method.field(FieldId::Parameters).namedChild(0);
  Node self = parameterName(first);
  if (!decorated && self.is(NodeKind::Identifier) && first.is(NodeKind::Identifier)) {
    std::string text = "super(" + std::string(dc::definitionName(facts, cls)) + ", " + std::string(ctx.textOf(self)) + ")";
    fix = Fix{Applicability::Unsafe, "Use `" + text + "`", {TextEdit{node.startByte(), node.endByte(), text}}};
  }
  ctx.report(*this, node,
             "zero-argument `super()` raises `TypeError` in a `@dataclass(slots=True)` class before Python 3.14: "
             "the decorator returns a new class, and `super()` still refers to the original `" +
                 std::string(dc::definitionName(facts, cls)) + "`",
             std::move(fix));
}

} // namespace typhon
