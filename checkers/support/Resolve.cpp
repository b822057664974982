// Resolve: qualified names of expressions from the binder's reaching bindings.
#include "checkers/support/Resolve.h"

namespace typhon::support {

using namespace sema;

namespace {

/// What one import binding binds, as a qualified name; empty for other bindings.
std::string importedName(const SemanticModel &model, const CheckContext &ctx, const Binding &b) {
  (void)model;
  Node item = b.node;
  if (b.kind == BindingKind::Import) {
    if (item.is(NodeKind::AliasedImport)) return std::string(ctx.textOf(item.field(FieldId::Name)));
    // `import a.b` binds `a`.
    return std::string(b.name);
  }
  if (b.kind != BindingKind::FromImport) return {};
  Node statement = item.parent();
  while (statement && !statement.is(NodeKind::ImportFromStatement)) statement = statement.parent();
  if (!statement) return {};
  Node module = statement.field(FieldId::ModuleName);
  if (!module || !module.is(NodeKind::DottedName)) return {}; // relative import
  Node member = item.is(NodeKind::AliasedImport) ? item.field(FieldId::Name) : item;
  return std::string(ctx.textOf(module)) + "." + std::string(ctx.textOf(member));
}

} // namespace

static std::string resolveName(const SemanticModel &model, const CheckContext &ctx, Node expr);

const Reference *referenceOf(const SemanticModel &model, Node id) {
  if (!id.is(NodeKind::Identifier)) return nullptr;
  const Reference *ref = model.referenceAt(id.startByte());
  if (!ref || ref->start != id.startByte() || ref->end != id.endByte()) return nullptr;
  return ref;
}

const Binding *bindingOfDefinition(const SemanticModel &model, Node def) {
  Node name = def.field(FieldId::Name);
  if (!name) return nullptr;
  const Binding *b = model.bindingAt(name.startByte());
  if (!b || b->nameStart != name.startByte() || !(b->node == def)) return nullptr;
  return b;
}

std::string qualifiedName(const SemanticModel &model, const CheckContext &ctx, Node expr) {
  // Iterative over the attribute chain: `a.b.c` -> base `a`, then ".b.c" (bounded length).
  std::string suffix;
  for (int depth = 0;; ++depth) {
    while (expr.is(NodeKind::ParenthesizedExpression) && expr.namedChildCount() == 1) expr = expr.namedChild(0);
    if (!expr.is(NodeKind::Attribute)) break;
    Node attr = expr.field(FieldId::Attribute);
    if (!attr || depth > 32) return {};
    suffix = "." + std::string(ctx.textOf(attr)) + suffix;
    expr = expr.field(FieldId::Object);
  }
  std::string base = resolveName(model, ctx, expr);
  if (base.empty() || (!suffix.empty() && base.starts_with("builtins."))) return {};
  return base + suffix;
}

static std::string resolveName(const SemanticModel &model, const CheckContext &ctx, Node expr) {
  const Reference *ref = referenceOf(model, expr);
  if (!ref) return {};
  if (ref->resolution == Resolution::Builtin) return "builtins." + std::string(ref->name);
  if (ref->resolution != Resolution::Local && ref->resolution != Resolution::Global &&
      ref->resolution != Resolution::Enclosing)
    return {};
  if (ref->boundness == Boundness::PossiblyUnbound || ref->boundness == Boundness::Unbound) return {};
  std::span<const BindingId> reaching = model.reaching(*ref);
  if (reaching.empty()) return {};
  std::string result;
  for (BindingId id : reaching) {
    std::string name = importedName(model, ctx, model.binding(id));
    if (name.empty() || (!result.empty() && name != result)) return {};
    result = std::move(name);
  }
  return result;
}

bool denotes(const SemanticModel &model, const CheckContext &ctx, Node expr,
             std::initializer_list<std::string_view> names) {
  std::string q = qualifiedName(model, ctx, expr);
  if (q.empty()) return false;
  for (std::string_view n : names)
    if (q == n) return true;
  return false;
}

} // namespace typhon::support
