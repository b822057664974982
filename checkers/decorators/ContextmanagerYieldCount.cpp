// contextmanager-yield-count: `@contextlib.contextmanager` (and `asynccontextmanager`) drive the
// generator once to enter and once to exit. Reported: a decorated function without `yield`
// (TypeError when the `with` enters), a `return` reached before the first yield (RuntimeError
// "generator didn't yield" when the `with` enters), and two yields that both run on the normal
// path (RuntimeError "generator didn't stop" when the `with` exits). Decorators are resolved
// through the binder, so aliases count and rebound names do not.
#include "checkers/decorators/ContextmanagerYieldCount.h"

#include "checkers/names/NamesSupport.h"
#include "checkers/support/FunctionShape.h"
#include "checkers/support/Resolve.h"

namespace typhon {

using namespace sema;

namespace {

bool contains(Node statement, NodeKind kind) {
  if (statement.is(kind)) return true;
  bool found = false;
  support::walkOwnScope(statement, [&](Node n) {
    if (n.is(kind)) found = true;
    return !found;
  });
  return found;
}

bool mayLeave(Node statement) {
  return contains(statement, NodeKind::ReturnStatement) || contains(statement, NodeKind::RaiseStatement) ||
         contains(statement, NodeKind::BreakStatement) || contains(statement, NodeKind::ContinueStatement);
}

/// A statement that is a yield: `yield x`, `v = yield x`.
bool isYieldStatement(Node s) {
  if (!s.is(NodeKind::ExpressionStatement) || s.namedChildCount() != 1) return false;
  Node e = s.namedChild(0);
  if (e.is(NodeKind::Yield)) return true;
  return e.is(NodeKind::Assignment) && e.field(FieldId::Right).is(NodeKind::Yield);
}

/// The yields that certainly run, in order, on the path that reaches the end of `block` without
/// leaving early: yield statements at its top level and inside `with` and `try` bodies.
void certainYields(Node block, std::vector<Node> &out, bool &stopped, int depth) {
  if (depth > 50) {
    stopped = true;
    return;
  }
  for (Node s : support::statementsOf(block)) {
    if (stopped) return;
    if (isYieldStatement(s)) {
      out.push_back(s);
      continue;
    }
    if (s.is(NodeKind::WithStatement)) {
      certainYields(s.field(FieldId::Body), out, stopped, depth + 1);
      continue;
    }
    if (s.is(NodeKind::TryStatement)) {
      // Only the body's yields are certain; a handler may yield instead of the rest of the body.
      if (mayLeave(s)) {
        stopped = true;
        return;
      }
      bool handlerYields = false;
      for (Node c : s.namedChildren())
        if (!c.is(NodeKind::Block) && contains(c, NodeKind::Yield)) handlerYields = true;
      if (handlerYields) {
        stopped = true;
        return;
      }
      certainYields(s.field(FieldId::Body), out, stopped, depth + 1);
      continue;
    }
    if (mayLeave(s) || contains(s, NodeKind::Yield)) {
      stopped = true;
      return;
    }
  }
}

} // namespace

void ContextmanagerYieldCountCheck::begin(CheckContext &ctx) const {
  const SemanticModel *model = names::modelFor(ctx);
  if (!model || model->isStub()) return;
  for (const Scope &scope : model->scopes()) {
    if (scope.kind != ScopeKind::Function) continue;
    Node def = scope.node;
    std::string decorator;
    for (Node d : support::decoratorsOf(def)) {
      std::string q = support::qualifiedName(*model, ctx, support::decoratorExpression(d));
      if (q == "contextlib.contextmanager" || q == "contextlib.asynccontextmanager") decorator = q.substr(11);
    }
    if (decorator.empty()) continue;
    Node body = def.field(FieldId::Body);
    if (!body || support::isTrivialBody(body)) continue;
    std::string name(scope.name);
    std::string with = decorator == "asynccontextmanager" ? "`async with`" : "`with`";
    support::FunctionFacts facts = support::factsOf(def);
    if (!facts.yields) {
      // `return other_generator(...)` hands back an iterator that may well yield once.
      if (facts.returnsValue) continue;
      if (!support::mayCompleteNormally(ctx, body) && !facts.bareReturn && !facts.returnsValue && !facts.returnsNone)
        continue;
      ctx.report(*this, def.field(FieldId::Name),
                 "`@" + decorator + "` function `" + name + "` never yields: TypeError when " + with +
                     " enters it (it must yield exactly once)");
      continue;
    }
    // A `return` before any yield can run: the generator stops without yielding.
    for (Node s : support::statementsOf(body)) {
      if (contains(s, NodeKind::Yield)) break;
      Node ret;
      support::walkOwnScope(s, [&](Node n) {
        if (n.is(NodeKind::ReturnStatement) && !ret) ret = n;
        return !ret;
      });
      if (s.is(NodeKind::ReturnStatement)) ret = s;
      if (ret) {
        ctx.report(*this, ret,
                   "`return` before the first `yield` of `@" + decorator + "` function `" + name +
                       "`: RuntimeError (generator didn't yield) when " + with + " enters it on this path");
        break;
      }
    }
    std::vector<Node> yields;
    bool stopped = false;
    certainYields(body, yields, stopped, 0);
    if (yields.size() >= 2)
      ctx.report(*this, yields[1],
                 "second `yield` of `@" + decorator + "` function `" + name +
                     "` runs after the first one: RuntimeError (generator didn't stop) when " + with +
                     " exits without an exception");
  }
}

} // namespace typhon
