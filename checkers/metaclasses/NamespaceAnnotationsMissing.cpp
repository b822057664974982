// namespace-annotations-missing: from Python 3.14 (PEP 649/749) a class body with annotations
// stores an `__annotate__` function in its namespace instead of an `__annotations__` dict, so
// `ns["__annotations__"]`, `ns.get("__annotations__")` and `cls.__dict__[...]` find nothing unless
// the body assigns the name or the module uses `from __future__ import annotations`. Gated on
// target >= 3.14; silent in modules with the `__future__` import. Unsafe fix for the `__dict__`
// forms: `inspect.get_annotations(cls)` when the module imports `inspect` at top level.
#include "checkers/metaclasses/NamespaceAnnotationsMissing.h"

#include "checkers/metaclasses/NamespaceSupport.h"
#include "checkers/support/FunctionShape.h"

namespace typhon {

namespace {

bool topLevelImport(const CheckContext &ctx, std::string_view statement) {
  for (Node s : ctx.module().root().namedChildren())
    if (s.is(NodeKind::ImportStatement) && ctx.textOf(s) == statement) return true;
  return false;
}

bool futureAnnotations(const CheckContext &ctx) {
  for (Node s : ctx.module().root().namedChildren())
    if (s.is(NodeKind::FutureImportStatement) && ctx.textOf(s).find("annotations") != std::string_view::npos)
      return true;
  return false;
}

bool isAnnotationsKey(const CheckContext &ctx, Node n) {
  auto s = support::stringLiteral(ctx, n);
  return s && *s == "__annotations__";
}

/// Whether an enclosing condition tests `"__annotations__" in ...` (code that already handles
/// namespaces without the key, as typing_extensions does for 3.14).
bool guardedByMembershipTest(const CheckContext &ctx) {
  const std::vector<Node> &anc = ctx.ancestors();
  for (std::size_t i = anc.size(); i-- > 0;) {
    Node a = anc[i];
    if (a.is(NodeKind::FunctionDefinition) || a.is(NodeKind::ClassDefinition)) break;
    Node condition;
    if (a.is(NodeKind::IfStatement) || a.is(NodeKind::ElifClause) || a.is(NodeKind::ConditionalExpression))
      condition = a.is(NodeKind::ConditionalExpression) ? a : a.field(FieldId::Condition);
    if (!condition) continue;
    std::string_view text = ctx.textOf(condition);
    if (text.find("__annotations__\" in") != std::string_view::npos ||
        text.find("__annotations__' in") != std::string_view::npos)
      return true;
  }
  return false;
}

/// For `X.__dict__`: whether X is a class — named like one (`cls`, `klass`, `base`, ...) or the
/// loop variable over `bases`/`__mro__`. Other objects (modules, instances) keep their keys.
bool isClassObject(const CheckContext &ctx, Node x) {
  if (!x.is(NodeKind::Identifier)) return false;
  std::string_view name = ctx.textOf(x);
  for (std::string_view n : {"cls", "klass", "kls", "base", "typ", "tp", "owner", "subclass", "mcls_instance"})
    if (name == n) return true;
  for (Node p = x.parent(); p; p = p.parent()) {
    if (p.is(NodeKind::FunctionDefinition) || p.is(NodeKind::ClassDefinition)) break;
    if (!p.is(NodeKind::ForStatement) && !p.is(NodeKind::ForInClause)) continue;
    Node left = p.field(FieldId::Left);
    std::string_view iterable = ctx.textOf(p.field(FieldId::Right));
    if (left.is(NodeKind::Identifier) && ctx.textOf(left) == name &&
        (iterable.find("bases") != std::string_view::npos || iterable.find("mro") != std::string_view::npos))
      return true;
  }
  return false;
}

} // namespace

void NamespaceAnnotationsMissingCheck::visit(Node node, CheckContext &ctx) const {
  if (ctx.facts().pythonMajor == 3 && ctx.facts().pythonMinor < 14) return;
  Node ns;
  Node defaultValue;
  bool isGet = false;
  if (node.is(NodeKind::Subscript)) {
    // A store (`ns["__annotations__"] = ...`) creates the key: not a read.
    Node parent = node.parent();
    if ((parent.is(NodeKind::Assignment) || parent.is(NodeKind::AugmentedAssignment)) &&
        parent.field(FieldId::Left) == node)
      return;
    if (parent.is(NodeKind::DeleteStatement)) return;
    Node key = node.field(FieldId::Subscript);
    if (!key || key.nextNamedSibling() || !isAnnotationsKey(ctx, key)) return;
    ns = node.field(FieldId::Value);
  } else {
    Node fn = node.field(FieldId::Function);
    Node args = node.field(FieldId::Arguments);
    if (!fn.is(NodeKind::Attribute) || ctx.textOf(fn.field(FieldId::Attribute)) != "get" || !args ||
        args.namedChildCount() < 1 || args.namedChildCount() > 2 || !isAnnotationsKey(ctx, args.namedChild(0)))
      return;
    ns = fn.field(FieldId::Object);
    isGet = true;
    if (args.namedChildCount() == 2) defaultValue = args.namedChild(1);
  }
  if (!support::isClassNamespace(ctx, ns) || futureAnnotations(ctx) || guardedByMembershipTest(ctx)) return;
  if (ns.is(NodeKind::Attribute) && !isClassObject(ctx, ns.field(FieldId::Object))) return;
  if (ns.is(NodeKind::Call)) {
    Node args = ns.field(FieldId::Arguments);
    if (!args || !isClassObject(ctx, args.namedChild(0))) return;
  }
  std::optional<Fix> fix;
  if (ns.is(NodeKind::Attribute) && topLevelImport(ctx, "import inspect") &&
      (!isGet || !defaultValue || ctx.textOf(defaultValue) == "{}"))
    fix = Fix{Applicability::Unsafe, "Use `inspect.get_annotations()`",
              {TextEdit{node.startByte(), node.endByte(),
                        "inspect.get_annotations(" + std::string(ctx.textOf(ns.field(FieldId::Object))) + ")"}}};
  ctx.report(*this, node,
             "with Python 3.14's lazy annotations a class namespace holds `__annotate__`, not `__annotations__`: "
             "this read finds nothing unless the class body assigns it (use `annotationlib.get_annotations()` or "
             "`inspect.get_annotations()` on the created class)",
             std::move(fix));
}

} // namespace typhon
