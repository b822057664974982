// NamespaceSupport: class-namespace expressions, by syntax and the enclosing method's signature.
#include "checkers/metaclasses/NamespaceSupport.h"

#include "checkers/support/FunctionShape.h"

namespace typhon::support {

bool isClassNamespace(const CheckContext &ctx, Node expr) {
  while (expr.is(NodeKind::ParenthesizedExpression) && expr.namedChildCount() == 1) expr = expr.namedChild(0);
  if (expr.is(NodeKind::Attribute)) return ctx.textOf(expr.field(FieldId::Attribute)) == "__dict__";
  if (expr.is(NodeKind::Call)) {
    Node fn = expr.field(FieldId::Function);
    Node args = expr.field(FieldId::Arguments);
    return fn.is(NodeKind::Identifier) && ctx.textOf(fn) == "vars" && args && args.namedChildCount() == 1;
  }
  if (!expr.is(NodeKind::Identifier)) return false;
  std::string_view name = ctx.textOf(expr);
  for (Node p = expr.parent(); p; p = p.parent()) {
    if (p.is(NodeKind::Lambda) || p.is(NodeKind::ClassDefinition)) return false;
    if (!p.is(NodeKind::FunctionDefinition)) continue;
    std::string_view fn = ctx.textOf(p.field(FieldId::Name));
    if ((fn != "__new__" && fn != "__init__") || !enclosingClass(p)) return false;
    std::vector<Node> params = positionalParameters(p.field(FieldId::Parameters));
    return params.size() >= 4 && ctx.textOf(params[3]) == name;
  }
  return false;
}

} // namespace typhon::support
