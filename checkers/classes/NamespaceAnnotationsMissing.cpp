// namespace-annotations-missing: from Python 3.14 (PEP 649/749) a class body with annotations
// stores an `__annotate__` function in its namespace instead of an `__annotations__` dict, so
// `ns["__annotations__"]`, `ns.get("__annotations__")` and `cls.__dict__[...]` find nothing unless
// the body assigns the name or the module uses `from __future__ import annotations`. Gated on
// target >= 3.14; silent in modules with the `__future__` import. Unsafe fix for the `__dict__`
// forms: `inspect.get_annotations(cls)` when the module imports `inspect` at top level.
#include "checkers/classes/NamespaceAnnotationsMissing.h"

#include "checkers/classes/NamespaceSupport.h"
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
  if (!support::isClassNamespace(ctx, ns) || futureAnnotations(ctx)) return;
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
