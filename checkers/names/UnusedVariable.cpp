// unused-variable: a function local whose name nothing reads — assignments, `:=`, `with ... as`
// and `except ... as` targets. Exempt: `_`-prefixed names, tuple-unpacking targets (like ruff's
// default), functions that call locals()/vars()/exec()/eval(), names declared global/nonlocal.
#include "checkers/names/UnusedVariable.h"

#include "checkers/names/NamesSupport.h"
#include "checkers/names/StatementEdits.h"

namespace typhon {

using namespace sema;

namespace {

bool isReportedKind(BindingKind kind) {
  return kind == BindingKind::Assignment || kind == BindingKind::AnnotatedAssignment ||
         kind == BindingKind::NamedExpression || kind == BindingKind::WithTarget ||
         kind == BindingKind::ExceptHandler;
}

/// Whether evaluating `e` may do more than compute a value (calls, awaits, yields, `:=`).
bool hasEffects(Node e, int depth = 0) {
  if (depth > 100) return true;
  if (e.is(NodeKind::Call) || e.is(NodeKind::Await) || e.is(NodeKind::Yield) || e.is(NodeKind::NamedExpression))
    return true;
  for (Node c : e.namedChildren())
    if (hasEffects(c, depth + 1)) return true;
  return false;
}

/// ` as name` of a with item or except clause, from the end of the expression before it.
std::optional<Fix> dropAlias(Node asPattern) {
  if (!asPattern.is(NodeKind::AsPattern)) return std::nullopt;
  Node expression = asPattern.namedChild(0);
  return Fix{Applicability::Unsafe, "Remove the unused name",
             {TextEdit{expression.endByte(), asPattern.endByte(), ""}}};
}

std::optional<Fix> fixFor(const CheckContext &ctx, const Binding &b) {
  Node node = b.node;
  switch (b.kind) {
  case BindingKind::WithTarget: return dropAlias(node.field(FieldId::Value));
  case BindingKind::ExceptHandler:
    for (Node c : node.namedChildren())
      if (c.is(NodeKind::AsPattern)) return dropAlias(c);
    return std::nullopt;
  case BindingKind::NamedExpression: {
    Node value = node.field(FieldId::Value);
    return Fix{Applicability::Unsafe, "Remove the assignment expression",
               {TextEdit{node.startByte(), node.endByte(), std::string(ctx.textOf(value))}}};
  }
  case BindingKind::Assignment:
  case BindingKind::AnnotatedAssignment: {
    Node statement = node.parent();
    Node right = node.field(FieldId::Right);
    bool simple = statement.is(NodeKind::ExpressionStatement) && statement.namedChildCount() == 1 &&
                  node.field(FieldId::Left).is(NodeKind::Identifier) && right && !right.is(NodeKind::Assignment) &&
                  !right.is(NodeKind::AugmentedAssignment);
    if (!simple) return std::nullopt;
    if (!hasEffects(right))
      return Fix{Applicability::Unsafe, "Remove the assignment", names::removeStatement(ctx, statement)};
    if (right.is(NodeKind::Yield) || right.is(NodeKind::ExpressionList)) return std::nullopt;
    return Fix{Applicability::Unsafe, "Remove the assignment, keeping the right-hand side",
               {TextEdit{node.startByte(), right.startByte(), ""}}};
  }
  default: return std::nullopt;
  }
}

} // namespace

void UnusedVariableCheck::begin(CheckContext &ctx) const {
  const SemanticModel *model = names::modelFor(ctx);
  if (!model) return;
  for (const Binding &b : model->bindings()) {
    if (!isReportedKind(b.kind) || (b.flags & (kBindingUnpacking | kBindingExternal | kBindingUnreachable))) continue;
    if (names::isDummyName(b.name)) continue;
    const Symbol &sym = model->symbol(b.symbol);
    const Scope &scope = model->scope(sym.scope);
    if (scope.kind != ScopeKind::Function || scope.usesLocals) continue;
    if (!sym.references.empty() || (sym.flags & (kSymbolExternalWrites | kSymbolNonlocalTarget))) continue;
    std::string name(b.name);
    std::string message = b.kind == BindingKind::ExceptHandler
                              ? "the exception bound to `" + name + "` is never read"
                              : "local variable `" + name + "` is assigned to but never read";
    message += " in `" + std::string(scope.name) + "`";
    ctx.report(*this, b.nameStart, b.nameEnd, std::move(message), fixFor(ctx, b));
  }
}

} // namespace typhon
