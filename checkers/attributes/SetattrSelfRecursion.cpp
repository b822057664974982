// setattr-self-recursion: inside `def __setattr__(self, ...)` of a class, `self.x = ...` and
// `setattr(self, ...)` call `__setattr__` again. When such a statement sits at the top level of
// the body and no earlier statement can leave the function (return/raise anywhere before it),
// every call reaches it again: RecursionError on the first attribute assignment. The safe fix
// delegates to `super().__setattr__` (that path only raised before).
#include "checkers/attributes/SetattrSelfRecursion.h"

#include "checkers/names/NamesSupport.h"
#include "checkers/support/FunctionShape.h"
#include "checkers/support/Resolve.h"

namespace typhon {

using namespace sema;

namespace {

bool mayLeave(Node statement) {
  if (statement.is(NodeKind::ReturnStatement) || statement.is(NodeKind::RaiseStatement)) return true;
  bool found = false;
  support::walkOwnScope(statement, [&](Node n) {
    if (n.is(NodeKind::ReturnStatement) || n.is(NodeKind::RaiseStatement) || n.is(NodeKind::Yield)) found = true;
    return !found;
  });
  return found;
}

bool isSelf(const CheckContext &ctx, Node n, std::string_view self) {
  return n.is(NodeKind::Identifier) && ctx.textOf(n) == self;
}

} // namespace

void SetattrSelfRecursionCheck::begin(CheckContext &ctx) const {
  const SemanticModel *model = names::modelFor(ctx);
  if (!model) return;
  for (const Scope &scope : model->scopes()) {
    if (scope.kind != ScopeKind::Function || scope.name != "__setattr__") continue;
    Node def = scope.node;
    if (!support::enclosingClass(def) || !support::decoratorsOf(def).empty()) continue;
    std::vector<Node> params = support::positionalParameters(def.field(FieldId::Parameters));
    if (params.size() < 3) continue;
    std::string_view self = ctx.textOf(params[0]);
    std::string_view valueParam = ctx.textOf(params[2]);
    for (Node s : support::statementsOf(def.field(FieldId::Body))) {
      if (s.is(NodeKind::ExpressionStatement) && s.namedChildCount() == 1) {
        Node e = s.namedChild(0);
        if (e.is(NodeKind::Assignment) || e.is(NodeKind::AugmentedAssignment)) {
          Node left = e.field(FieldId::Left);
          if (left.is(NodeKind::Attribute) && isSelf(ctx, left.field(FieldId::Object), self)) {
            std::string attr(ctx.textOf(left.field(FieldId::Attribute)));
            std::optional<Fix> fix;
            Node right = e.field(FieldId::Right);
            if (e.is(NodeKind::Assignment) && right && !right.is(NodeKind::Assignment) && !e.field(FieldId::Type) &&
                !right.is(NodeKind::Yield))
              fix = Fix{Applicability::Safe, "Delegate to `super().__setattr__`",
                        {TextEdit{e.startByte(), e.endByte(),
                                  "super().__setattr__(\"" + attr + "\", " + std::string(ctx.textOf(right)) + ")"}}};
            ctx.report(*this, left,
                       "`" + std::string(ctx.textOf(left)) + " = ...` inside `__setattr__` calls `__setattr__` again on "
                       "every call: RecursionError on the first attribute assignment (use `super().__setattr__(\"" +
                           attr + "\", ...)`)",
                       std::move(fix));
          }
        } else if (e.is(NodeKind::Call)) {
          Node fn = e.field(FieldId::Function);
          Node args = e.field(FieldId::Arguments);
          if (fn.is(NodeKind::Identifier) && ctx.textOf(fn) == "setattr" && args &&
              support::denotes(*model, ctx, fn, {"builtins.setattr"})) {
            std::vector<Node> list = args.namedChildren();
            std::erase_if(list, [](Node a) { return a.is(NodeKind::Comment); });
            if (list.size() == 3 && isSelf(ctx, list[0], self) && !list[1].is(NodeKind::KeywordArgument) &&
                !list[2].is(NodeKind::KeywordArgument) && !list[1].is(NodeKind::ListSplat)) {
              Fix fix{Applicability::Safe, "Delegate to `super().__setattr__`",
                      {TextEdit{e.startByte(), e.endByte(),
                                "super().__setattr__(" + std::string(ctx.textOf(list[1])) + ", " +
                                    std::string(ctx.textOf(list[2])) + ")"}}};
              ctx.report(*this, e,
                         "`setattr(" + std::string(self) +
                             ", ...)` inside `__setattr__` calls `__setattr__` again on every call: RecursionError on "
                             "the first attribute assignment",
                         std::move(fix));
            }
          }
        }
      }
      (void)valueParam;
      if (mayLeave(s)) break;
    }
  }
}

} // namespace typhon
