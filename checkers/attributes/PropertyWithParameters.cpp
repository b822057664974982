// property-with-parameters: the getter under `@property`, `@cached_property` or `@x.getter` is
// called as `fget(instance)`; any other required parameter (or none at all) raises TypeError.
#include "checkers/attributes/PropertyWithParameters.h"

#include "checkers/control-flow/PythonScopes.h"

#include <string>

namespace typhon {

namespace {

bool isGetterDecorator(std::string_view name) {
  return name == "property" || name == "cached_property" || name == "functools.cached_property" ||
         name.ends_with(".getter");
}

bool isMethod(const std::vector<Node> &ancestors) {
  std::size_t n = ancestors.size();
  return n >= 2 && ancestors[n - 1].is(NodeKind::Block) && ancestors[n - 2].is(NodeKind::ClassDefinition);
}

bool isVarArgs(Node p) {
  return p.is(NodeKind::ListSplatPattern) || (p.is(NodeKind::TypedParameter) && isVarArgs(p.namedChild(0)));
}

/// The first parameter besides the instance that has no default, or a null node.
Node firstExtraRequired(const std::vector<Node> &params, bool &takesInstance) {
  bool keywordOnly = false;
  int positional = 0;
  Node extra;
  takesInstance = false;
  for (Node p : params) {
    if (isVarArgs(p)) takesInstance = true;
    keywordOnly = keywordOnly || startsKeywordOnly(p);
    Node name = parameterName(p);
    if (!name || startsKeywordOnly(p)) continue;
    if (!keywordOnly && positional++ == 0) {
      takesInstance = true;
      continue;
    }
    if (!hasDefault(p) && !extra) extra = name;
  }
  return extra;
}

} // namespace

std::vector<NodeKind> PropertyWithParametersCheck::kinds() const { return {NodeKind::DecoratedDefinition}; }

void PropertyWithParametersCheck::visit(Node node, CheckContext &ctx) const {
  Node def = node.field(FieldId::Definition);
  if (!def.is(NodeKind::FunctionDefinition) || !isMethod(ctx.ancestors())) return;
  // Only the innermost decorator receives the function itself.
  Node innermost;
  for (Node c : node.namedChildren())
    if (c.is(NodeKind::Decorator)) innermost = c;
  if (!innermost || !isGetterDecorator(ctx.textOf(innermost.namedChild(0)))) return;
  Node params = def.field(FieldId::Parameters);
  if (!params || params.hasError()) return;
  std::vector<Node> list = params.namedChildren();
  std::erase_if(list, [](Node p) { return p.is(NodeKind::Comment); });
  bool takesInstance = false;
  Node extra = firstExtraRequired(list, takesInstance);
  std::string name(ctx.textOf(def.field(FieldId::Name)));
  if (!takesInstance)
    return ctx.report(*this, params,
                      "property getter `" + name +
                          "` accepts no positional argument, but is called with the instance: "
                          "every access raises `TypeError`");
  if (!extra) return;
  ctx.report(*this, extra,
             "property getter `" + name + "` requires parameter `" + std::string(ctx.textOf(extra)) +
                 "`, which an attribute access cannot pass: every access raises `TypeError`");
}

} // namespace typhon
