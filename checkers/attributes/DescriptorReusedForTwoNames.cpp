// descriptor-reused-for-two-names: when a class is created, `__set_name__(owner, name)` runs for
// every attribute of the namespace holding a descriptor. One descriptor object bound to two names
// (`a = b = D()`, or `a = D()` then `b = a`) receives both calls: the last name wins and both
// attributes share one state. D must resolve (binder) to a class of this module whose body defines
// `__set_name__` using the name it receives.
#include "checkers/attributes/DescriptorReusedForTwoNames.h"

#include "checkers/names/NamesSupport.h"
#include "checkers/support/FunctionShape.h"
#include "checkers/support/Resolve.h"

namespace typhon {

using namespace sema;

namespace {

/// Whether `call` instantiates a module class whose `__set_name__` reads its name parameter.
bool createsNamedDescriptor(const SemanticModel &model, const CheckContext &ctx, Node call, std::string &cls) {
  if (!call.is(NodeKind::Call)) return false;
  Node fn = call.field(FieldId::Function);
  const Reference *ref = support::referenceOf(model, fn);
  if (!ref || ref->boundness != Boundness::Bound || model.reaching(*ref).size() != 1) return false;
  const Binding &b = model.binding(model.reaching(*ref)[0]);
  if (b.kind != BindingKind::ClassDef) return false;
  for (Node s : support::statementsOf(b.node.field(FieldId::Body))) {
    Node def = s.is(NodeKind::DecoratedDefinition) ? s.field(FieldId::Definition) : s;
    if (!def.is(NodeKind::FunctionDefinition) || ctx.textOf(def.field(FieldId::Name)) != "__set_name__") continue;
    std::vector<Node> params = support::positionalParameters(def.field(FieldId::Parameters));
    if (params.size() < 3) return false;
    std::string_view name = ctx.textOf(params[2]);
    bool used = false;
    support::walkOwnScope(def.field(FieldId::Body), [&](Node n) {
      if (n.is(NodeKind::Identifier) && ctx.textOf(n) == name) used = true;
      return !used;
    });
    cls = std::string(b.name);
    return used;
  }
  return false;
}

} // namespace

void DescriptorReusedForTwoNamesCheck::begin(CheckContext &ctx) const {
  const SemanticModel *model = names::modelFor(ctx);
  if (!model || model->isStub()) return;
  for (const Binding &b : model->bindings()) {
    if (b.kind != BindingKind::Assignment || model->scope(b.scope).kind != ScopeKind::Class) continue;
    if (!b.node.is(NodeKind::Assignment) || !(b.node.field(FieldId::Left).startByte() == b.nameStart)) continue;
    Node right = b.node.field(FieldId::Right);
    std::string cls;
    std::string first;
    if (right.is(NodeKind::Assignment)) {
      // `a = b = D()`: report the outer name once, at the outermost assignment.
      if (b.node.parent().is(NodeKind::Assignment)) continue;
      Node innermost = right;
      std::vector<Node> names{b.node.field(FieldId::Left)};
      while (innermost.is(NodeKind::Assignment)) {
        names.push_back(innermost.field(FieldId::Left));
        innermost = innermost.field(FieldId::Right);
      }
      bool allNames = true;
      for (Node n : names) allNames = allNames && n.is(NodeKind::Identifier);
      if (!allNames || !createsNamedDescriptor(*model, ctx, innermost, cls)) continue;
      ctx.report(*this, b.node.field(FieldId::Left),
                 "one `" + cls + "` descriptor is bound to " + std::to_string(names.size()) +
                     " names: `__set_name__` runs for each when the class is created and the last name wins; the "
                     "attributes share one state (create one descriptor per name)");
      continue;
    }
    if (!right.is(NodeKind::Identifier)) continue;
    const Reference *ref = support::referenceOf(*model, right);
    if (!ref || ref->resolution != Resolution::Local || ref->boundness != Boundness::Bound ||
        model->reaching(*ref).size() != 1)
      continue;
    const Binding &source = model->binding(model->reaching(*ref)[0]);
    if (source.kind != BindingKind::Assignment || source.scope != b.scope || !source.node.is(NodeKind::Assignment) ||
        !createsNamedDescriptor(*model, ctx, source.node.field(FieldId::Right), cls))
      continue;
    ctx.report(*this, b.node.field(FieldId::Left),
               "`" + std::string(b.name) + "` is the same `" + cls + "` descriptor as `" + std::string(source.name) +
                   "`: `__set_name__` runs for both names when the class is created and the last one wins; the "
                   "attributes share one state (create a second descriptor)");
  }
}

} // namespace typhon
