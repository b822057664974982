// WrapperShape: the decorator/wrapper pairs of a module, by syntax over each function's own scope.
#include "checkers/decorators/WrapperShape.h"

#include "checkers/support/FunctionShape.h"
#include "semantic/SemanticModel.h"

namespace typhon::support {

std::vector<WrapperShape> findWrappers(const CheckContext &ctx) {
  std::vector<WrapperShape> out;
  std::vector<Node> functions;
  std::vector<Node> stack;
  if (const sema::SemanticModel *model = ctx.semantic()) {
    // The binder already knows every function: no walk of the tree.
    for (const sema::Scope &scope : model->scopes())
      if (scope.kind == sema::ScopeKind::Function && scope.node.is(NodeKind::FunctionDefinition))
        functions.push_back(scope.node);
  } else {
    stack.push_back(ctx.module().root());
  }
  while (!stack.empty()) {
    Node n = stack.back();
    stack.pop_back();
    if (n.is(NodeKind::FunctionDefinition)) functions.push_back(n);
    for (Node c : n.namedChildren()) stack.push_back(c);
  }
  for (Node def : functions) {
    // A wrapper factory has an inner `def`: most functions are ruled out by their text alone.
    if (ctx.textOf(def.field(FieldId::Body)).find("def ") == std::string_view::npos) continue;
    std::vector<Node> params = positionalParameters(def.field(FieldId::Parameters));
    if (params.empty()) continue;
    std::string_view wrapped = ctx.textOf(params.back());
    FunctionFacts facts = factsOf(def);
    for (Node inner : facts.innerDefs) {
      std::string_view name = ctx.textOf(inner.field(FieldId::Name));
      bool returned = false;
      for (Node r : facts.returns) {
        Node v = r.namedChild(0);
        if (v.is(NodeKind::Identifier) && ctx.textOf(v) == name) returned = true;
      }
      if (!returned || !callsName(ctx, inner.field(FieldId::Body), wrapped)) continue;
      // The inner function must not rebind the wrapped name.
      bool shadowed = false;
      for (Node p : positionalParameters(inner.field(FieldId::Parameters)))
        if (ctx.textOf(p) == wrapped) shadowed = true;
      if (!shadowed) out.push_back({def, inner, wrapped});
    }
  }
  return out;
}

} // namespace typhon::support
