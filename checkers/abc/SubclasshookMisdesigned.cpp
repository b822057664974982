// subclasshook-misdesigned: `ABCMeta.__subclasscheck__` asks `cls.__subclasshook__(C)` first and
// trusts True/False; NotImplemented falls back to the normal check. Reported: a hook that can
// answer True but never compares `cls` (subclasses inherit the hook and then accept unrelated
// classes: `issubclass(X, Sub)` is True for any X with the methods), and a hook that never
// returns NotImplemented (its False answers reject even real and registered subclasses).
#include "checkers/abc/SubclasshookMisdesigned.h"

#include "checkers/names/NamesSupport.h"
#include "checkers/support/FunctionShape.h"

namespace typhon {

using namespace sema;

void SubclasshookMisdesignedCheck::begin(CheckContext &ctx) const {
  const SemanticModel *model = names::modelFor(ctx);
  if (!model || model->isStub()) return;
  for (const Scope &scope : model->scopes()) {
    if (scope.kind != ScopeKind::Function || scope.name != "__subclasshook__") continue;
    Node def = scope.node;
    Node cls = support::enclosingClass(def);
    if (!cls) continue;
    Node body = def.field(FieldId::Body);
    if (!body || support::isTrivialBody(body)) continue;
    std::vector<Node> params = support::positionalParameters(def.field(FieldId::Parameters));
    if (params.size() != 2) continue;
    std::string_view self = ctx.textOf(params[0]);
    std::string className(ctx.textOf(cls.field(FieldId::Name)));
    bool guard = false, notImplemented = false, mayAnswerTrue = false, delegates = false;
    support::walkOwnScope(body, [&](Node n) {
      if (n.is(NodeKind::ComparisonOperator)) {
        for (Node c : n.namedChildren())
          if (c.is(NodeKind::Identifier) && ctx.textOf(c) == self) guard = true;
      } else if (n.is(NodeKind::Call)) {
        // `cls.__dict__`/`super().__subclasshook__(C)`: other designs; do not judge.
        std::string_view text = ctx.textOf(n.field(FieldId::Function));
        if (text.find("__subclasshook__") != std::string_view::npos) delegates = true;
      } else if (n.is(NodeKind::Identifier) && ctx.textOf(n) == self && !n.parent().is(NodeKind::Parameters)) {
        // `cls` used for anything but the guard (e.g. `cls.__abstractmethods__`) makes the hook
        // depend on the subclass: treat as guarded.
        guard = true;
      } else if (n.is(NodeKind::ReturnStatement)) {
        Node v = n.namedChild(0);
        if (v && ctx.textOf(v) == "NotImplemented") notImplemented = true;
        else if (v && !v.is(NodeKind::False) && !v.is(NodeKind::None)) mayAnswerTrue = true;
      }
      return true;
    });
    if (delegates) continue;
    if (!guard && mayAnswerTrue) {
      ctx.report(*this, def.field(FieldId::Name),
                 "`__subclasshook__` of `" + className + "` does not check `" + std::string(self) + " is " + className +
                     "`: subclasses inherit it, and `issubclass(X, Sub)` then accepts unrelated classes that pass "
                     "the test (guard with `if " + std::string(self) + " is " + className +
                     ":` and return NotImplemented otherwise)");
      continue;
    }
    if (!notImplemented && support::factsOf(def).returns.size() > 0)
      ctx.report(*this, def.field(FieldId::Name),
                 "`__subclasshook__` of `" + className +
                     "` never returns NotImplemented: its False answers make `issubclass()` reject even real and "
                     "registered subclasses (return NotImplemented when undecided)");
  }
}

} // namespace typhon
