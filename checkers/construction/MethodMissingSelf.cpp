// method-missing-self: an undecorated `def` directly in a class body is an instance method; the
// instance is passed as its first positional argument. Reported: no positional parameter at all
// (TypeError when called on an instance), or a first parameter not named like the instance
// (often a module-level function indented into the class). Functions the class body itself
// calls or deletes (helpers used while the class is created), `__new__`, the implicit class
// methods, and methods of metaclasses taking `cls` are not reported.
#include "checkers/construction/MethodMissingSelf.h"

#include "checkers/names/NamesSupport.h"
#include "checkers/support/FunctionShape.h"
#include "checkers/support/Resolve.h"

namespace typhon {

using namespace sema;

namespace {

bool instanceLikeName(std::string_view n) {
  if (n.starts_with("_") || n.starts_with("self") || n.ends_with("self")) return true;
  for (std::string_view ok : {"cls", "mcs", "mcls", "metacls", "klass", "meta", "this", "obj", "inst", "instance"})
    if (n == ok) return true;
  return false;
}

bool hasVarArgs(Node parameters) {
  for (Node p : parameters.namedChildren()) {
    if (p.is(NodeKind::ListSplatPattern)) return true;
    if (p.is(NodeKind::TypedParameter) && p.namedChild(0).is(NodeKind::ListSplatPattern)) return true;
  }
  return false;
}

/// Whether the class body (or code running inline in it) reads the function's name.
bool usedByClassBody(const SemanticModel &model, const Binding &b) {
  BindingId id = static_cast<BindingId>(&b - model.bindings().data());
  for (ReferenceId r : model.usesOf(id)) {
    ScopeId s = model.reference(r).scope;
    while (s != kNoId && s != b.scope && runsInline(model.scope(s).kind)) s = model.scope(s).parent;
    if (s == b.scope) return true;
  }
  return false;
}

/// Whether another function of the class body takes `self` first.
bool hasSelfMethod(const CheckContext &ctx, Node cls, Node except) {
  for (Node s : support::statementsOf(cls.field(FieldId::Body))) {
    Node def = s.is(NodeKind::DecoratedDefinition) ? s.field(FieldId::Definition) : s;
    if (!def.is(NodeKind::FunctionDefinition) || def == except) continue;
    std::vector<Node> params = support::positionalParameters(def.field(FieldId::Parameters));
    if (!params.empty() && ctx.textOf(params.front()) == "self") return true;
  }
  return false;
}

/// Whether a method reads the function's name as a bare name (which does not see class scopes):
/// the author treats it as a module-level function.
bool calledAsPlainFunction(const SemanticModel &model, const Binding &b) {
  for (const Reference &ref : model.references())
    if (ref.resolution == Resolution::ClassScopeHidden && ref.symbol == b.symbol) return true;
  return false;
}

} // namespace

void MethodMissingSelfCheck::begin(CheckContext &ctx) const {
  const SemanticModel *model = names::modelFor(ctx);
  if (!model || model->isStub()) return;
  for (const Scope &scope : model->scopes()) {
    if (scope.kind != ScopeKind::Function || scope.parent == kNoId) continue;
    if (model->scope(scope.parent).kind != ScopeKind::Class) continue;
    Node def = scope.node;
    Node cls = support::enclosingClass(def);
    if (!cls || !support::decoratorsOf(def).empty()) continue;
    std::string_view name = scope.name;
    if (name == "__new__" || name == "__init_subclass__" || name == "__class_getitem__") continue;
    // unittest calls these on the class, without an instance.
    if (name == "setUpClass" || name == "tearDownClass") continue;
    const Binding *binding = support::bindingOfDefinition(*model, def);
    if (!binding || usedByClassBody(*model, *binding)) continue;
    Node parameters = def.field(FieldId::Parameters);
    if (!parameters || parameters.hasError()) continue;
    // Only classes with instances: some other method takes `self`. (A class used as a namespace of
    // plain functions, called through the class, is not reported.)
    if (!hasSelfMethod(ctx, cls, def)) continue;
    std::vector<Node> positional = support::positionalParameters(parameters);
    if (positional.empty()) {
      if (hasVarArgs(parameters)) continue;
      ctx.report(*this, def.field(FieldId::Name),
                 "method `" + std::string(name) +
                     "` has no parameter for the instance: calling it on an instance raises TypeError (add `self`, "
                     "or decorate it with `@staticmethod`)");
      continue;
    }
    std::string_view first = ctx.textOf(positional.front());
    if (instanceLikeName(first) || !calledAsPlainFunction(*model, *binding)) continue;
    ctx.report(*this, positional.front(),
               "the first parameter of method `" + std::string(name) + "` is `" + std::string(first) +
                   "` and methods call it as a plain function `" + std::string(name) +
                   "(...)`: it looks like a module-level function indented into the class (as a method it receives "
                   "the instance in `" + std::string(first) + "`)");
  }
}

} // namespace typhon
