// useless-with-lock: a lock constructed in the `with` item itself, or a lock created by a local
// assignment and never used in the function except by `with` statements of that function.
#include "checkers/async/UselessWithLock.h"

#include "checkers/control-flow/ImportedNames.h"
#include "checkers/control-flow/PythonScopes.h"

#include <algorithm>
#include <array>
#include <string>

namespace typhon {

namespace {

bool isLockTypeName(std::string_view name) {
  static constexpr std::array<std::string_view, 5> kTypes = {"Lock", "RLock", "Semaphore", "BoundedSemaphore",
                                                             "Condition"};
  return std::find(kTypes.begin(), kTypes.end(), name) != kTypes.end();
}

/// "threading.Lock" for a call creating a fresh lock (`Condition(lock)` shares `lock`: not fresh).
/// `at` is the `with` statement being checked: imports are resolved from its scope.
std::string freshLockType(Node call, Node at, const CheckContext &ctx) {
  if (!call.is(NodeKind::Call)) return "";
  std::string name = resolveImported(ctx.ancestors(), at, call.field(FieldId::Function), ctx.text());
  bool sharesLock = name.ends_with(".Condition") && call.field(FieldId::Arguments).namedChildCount() > 0;
  if (sharesLock) return "";
  for (std::string_view module : {"threading.", "multiprocessing.", "asyncio."})
    if (name.starts_with(module) && isLockTypeName(std::string_view(name).substr(module.size()))) return name;
  return "";
}

/// The expression of a `with` item (`x` in `with x as y`).
Node itemExpression(Node item) {
  Node value = item.field(FieldId::Value);
  return value.is(NodeKind::AsPattern) ? value.namedChild(0) : value;
}

bool opensScope(Node n) {
  return n.is(NodeKind::FunctionDefinition) || n.is(NodeKind::Lambda) || n.is(NodeKind::ClassDefinition) ||
         isComprehension(n);
}

/// How a local name is used in its function: created by `name = <fresh lock>` statements and
/// entered by `with name:` items, or used in any other way (passed, stored, returned, captured).
struct LockUses {
  int creations = 0;
  bool escapes = false;
};

void classify(Node id, bool nested, Node at, LockUses &uses, const CheckContext &ctx) {
  Node parent = id.parent();
  bool notAReference = (parent.is(NodeKind::Attribute) && id == parent.field(FieldId::Attribute)) ||
                       (parent.is(NodeKind::KeywordArgument) && id == parent.field(FieldId::Name));
  if (notAReference) return;
  bool isCreation = parent.is(NodeKind::Assignment) && id == parent.field(FieldId::Left) &&
                    parent.parent().is(NodeKind::ExpressionStatement) &&
                    !freshLockType(parent.field(FieldId::Right), at, ctx).empty();
  Node item = parent.is(NodeKind::AsPattern) ? parent.parent() : parent;
  bool isEntered = item.is(NodeKind::WithItem) && itemExpression(item) == id;
  if (nested || !(isCreation || isEntered)) uses.escapes = true;
  if (isCreation) ++uses.creations;
}

void collectUses(Node n, std::string_view name, bool nested, Node at, LockUses &uses, const CheckContext &ctx) {
  for (std::uint32_t i = 0; i < n.childCount() && !uses.escapes; ++i) {
    Node c = n.child(i);
    if (c.is(NodeKind::Identifier)) {
      if (ctx.textOf(c) == name) classify(c, nested, at, uses, ctx);
      continue;
    }
    collectUses(c, name, nested || opensScope(c), at, uses, ctx);
  }
}

} // namespace

std::vector<NodeKind> UselessWithLockCheck::kinds() const { return {NodeKind::WithStatement}; }

void UselessWithLockCheck::visit(Node node, CheckContext &ctx) const {
  bool isAsync = node.child(0).is(NodeKind::KwAsync);
  Node clause = node.namedChild(0);
  if (!clause.is(NodeKind::WithClause)) return;
  for (Node item : clause.namedChildren()) {
    if (!item.is(NodeKind::WithItem)) continue;
    Node expr = itemExpression(item);
    if (expr.is(NodeKind::Identifier)) {
      checkLocalLock(node, expr, ctx);
      continue;
    }
    std::string type = freshLockType(expr, node, ctx);
    // `with asyncio.Lock():` fails on its own; only `async with` enters an asyncio lock.
    if (type.empty() || type.starts_with("asyncio.") != isAsync) continue;
    ctx.report(*this, expr,
               "`" + std::string(isAsync ? "async with" : "with") + " " + type +
                   "()` acquires a new lock that no other code can hold: it gives no mutual exclusion");
  }
}

void UselessWithLockCheck::checkLocalLock(Node with, Node name, CheckContext &ctx) const {
  Scope scope = scopesOf(ctx.ancestors(), name).front();
  if (!isFunctionScope(scope.kind)) return;
  Node def = scope.node;
  LockUses uses;
  collectUses(def.field(FieldId::Parameters), ctx.textOf(name), false, with, uses, ctx);
  collectUses(def.field(FieldId::Body), ctx.textOf(name), false, with, uses, ctx);
  if (uses.escapes || uses.creations == 0) return;
  ctx.report(*this, name,
             "lock `" + std::string(ctx.textOf(name)) +
                 "` is created in this function and never shared: each call gets its own lock, so this `with` "
                 "gives no mutual exclusion");
}

} // namespace typhon
