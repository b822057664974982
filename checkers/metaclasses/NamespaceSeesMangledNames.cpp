// namespace-sees-mangled-names: the compiler mangles `__x` in a class body to `_C__x` before the
// namespace is built, so `k.startswith("__") and not k.endswith("__")` over the keys of a class
// namespace (a metaclass's `namespace` parameter, `cls.__dict__`, `vars(cls)`) never matches a
// name defined in a class body. `k` must be the loop variable of a `for` or comprehension over
// that namespace (or its `.keys()`/`.items()`).
#include "checkers/metaclasses/NamespaceSeesMangledNames.h"

#include "checkers/metaclasses/NamespaceSupport.h"
#include "checkers/support/FunctionShape.h"

namespace typhon {

namespace {

/// `X.method("__")` -> X, for method `startswith`/`endswith`.
Node dunderTest(const CheckContext &ctx, Node n, std::string_view method) {
  if (!n.is(NodeKind::Call)) return Node();
  Node fn = n.field(FieldId::Function);
  Node args = n.field(FieldId::Arguments);
  if (!fn.is(NodeKind::Attribute) || ctx.textOf(fn.field(FieldId::Attribute)) != method || !args ||
      args.namedChildCount() != 1)
    return Node();
  auto s = support::stringLiteral(ctx, args.namedChild(0));
  if (!s || *s != "__") return Node();
  Node object = fn.field(FieldId::Object);
  return object.is(NodeKind::Identifier) ? object : Node();
}

/// Whether `target` (a for/comprehension target) binds `name` as the key of `iterable`.
bool bindsKey(const CheckContext &ctx, Node target, Node iterable, std::string_view name) {
  Node base = iterable;
  bool items = false;
  if (base.is(NodeKind::Call)) {
    Node fn = base.field(FieldId::Function);
    if (fn.is(NodeKind::Attribute)) {
      std::string_view view = ctx.textOf(fn.field(FieldId::Attribute));
      if (view == "items" || view == "keys") {
        items = view == "items";
        base = fn.field(FieldId::Object);
      }
    }
  }
  if (!support::isClassNamespace(ctx, base)) return false;
  if (target.is(NodeKind::Identifier)) return !items && ctx.textOf(target) == name;
  if (items && (target.is(NodeKind::PatternList) || target.is(NodeKind::TuplePattern)) && target.namedChildCount() == 2)
    return target.namedChild(0).is(NodeKind::Identifier) && ctx.textOf(target.namedChild(0)) == name;
  return false;
}

bool isNamespaceKey(const CheckContext &ctx, Node node, std::string_view name) {
  for (Node p = node.parent(); p; p = p.parent()) {
    if (p.is(NodeKind::FunctionDefinition) || p.is(NodeKind::Lambda) || p.is(NodeKind::ClassDefinition)) return false;
    if (p.is(NodeKind::ForStatement) && bindsKey(ctx, p.field(FieldId::Left), p.field(FieldId::Right), name))
      return true;
    if (p.is(NodeKind::ListComprehension) || p.is(NodeKind::SetComprehension) ||
        p.is(NodeKind::DictionaryComprehension) || p.is(NodeKind::GeneratorExpression))
      for (Node c : p.namedChildren())
        if (c.is(NodeKind::ForInClause) && bindsKey(ctx, c.field(FieldId::Left), c.field(FieldId::Right), name))
          return true;
  }
  return false;
}

} // namespace

void NamespaceSeesMangledNamesCheck::visit(Node node, CheckContext &ctx) const {
  if (ctx.textOf(node.field(FieldId::Operator)) != "and") return;
  Node left = node.field(FieldId::Left), right = node.field(FieldId::Right);
  auto negated = [](Node n) { return n.is(NodeKind::NotOperator) ? n.field(FieldId::Argument) : Node(); };
  Node starts, ends;
  if ((starts = dunderTest(ctx, left, "startswith")) && (ends = dunderTest(ctx, negated(right), "endswith"))) {
  } else if ((starts = dunderTest(ctx, right, "startswith")) && (ends = dunderTest(ctx, negated(left), "endswith"))) {
  } else {
    return;
  }
  std::string_view name = ctx.textOf(starts);
  if (ctx.textOf(ends) != name || !isNamespaceKey(ctx, node, name)) return;
  ctx.report(*this, node,
             "class-namespace keys are already mangled: `__x` written in a class body `C` is stored as `_C__x`, so "
             "this test never matches a private name defined in a class body (test for `_<ClassName>__` instead)");
}

} // namespace typhon
