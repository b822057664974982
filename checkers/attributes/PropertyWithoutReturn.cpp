// property-without-return: a getter decorated with `property` or `functools.cached_property`
// (resolved through the binder) with no `return <value>`, that is not a generator, whose body is
// more than a placeholder and can reach its end: every read of the attribute yields None.
#include "checkers/attributes/PropertyWithoutReturn.h"

#include "checkers/names/NamesSupport.h"
#include "checkers/support/FunctionShape.h"
#include "checkers/support/Resolve.h"

namespace typhon {

using namespace sema;

void PropertyWithoutReturnCheck::begin(CheckContext &ctx) const {
  const SemanticModel *model = names::modelFor(ctx);
  if (!model || model->isStub()) return;
  for (const Scope &scope : model->scopes()) {
    if (scope.kind != ScopeKind::Function || !support::enclosingClass(scope.node)) continue;
    Node def = scope.node;
    std::vector<Node> decorators = support::decoratorsOf(def);
    if (decorators.empty()) continue;
    bool getter = false, excluded = false;
    for (Node d : decorators) {
      Node e = support::decoratorExpression(d);
      std::string q = support::qualifiedName(*model, ctx, e);
      // Any other decorator (abstractmethod, overload, unknown wrappers) may change the contract.
      if (q == "builtins.property" || q == "functools.cached_property") getter = true;
      else if (e.is(NodeKind::Attribute) && ctx.textOf(e.field(FieldId::Attribute)) == "getter") getter = true;
      else excluded = true;
    }
    if (!getter || excluded) continue;
    Node body = def.field(FieldId::Body);
    if (!body || support::isTrivialBody(body)) continue;
    support::FunctionFacts facts = support::factsOf(def);
    if (facts.returnsValue || facts.returnsNone || facts.yields) continue;
    if (!support::mayCompleteNormally(ctx, body) && !facts.bareReturn) continue;
    ctx.report(*this, def.field(FieldId::Name),
               "property `" + std::string(scope.name) +
                   "` never returns a value: every read of the attribute yields None");
  }
}

} // namespace typhon
