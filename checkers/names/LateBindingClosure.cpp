// late-binding-closure: a lambda, def or generator expression created inside a loop that reads a
// variable the loop rebinds, and that escapes the iteration (stored, passed on, yielded), so that
// every call sees the variable's last value. Returning ends the loop, so it does not count.
#include "checkers/names/LateBindingClosure.h"

#include "checkers/names/NamesSupport.h"

#include <algorithm>
#include <set>

namespace typhon {

using namespace sema;

namespace {

std::string_view lastComponent(std::string_view dotted) {
  std::size_t dot = dotted.rfind('.');
  return dot == std::string_view::npos ? dotted : dotted.substr(dot + 1);
}

/// Calls known to keep a callable or iterable argument for later: containers, registries,
/// callbacks, threads and timers. Other calls are assumed to use their arguments at once.
bool storesArgument(std::string_view callee) {
  static constexpr std::string_view kNames[] = {
      "append", "extend", "insert", "add", "setdefault", "update", "put", "put_nowait", "appendleft",
      "register", "register_error", "connect", "bind", "bind_all", "trace_add", "after", "after_idle",
      "add_done_callback", "call_soon", "call_soon_threadsafe", "call_later", "call_at", "submit",
      "run_in_executor", "create_task", "ensure_future", "Thread", "Timer", "Process", "partial", "setattr",
      "addCleanup", "addHandler", "atexit_register", "signal", "defaultdict", "property", "staticmethod",
      "classmethod", "MethodType"};
  std::string_view last = lastComponent(callee);
  return std::find(std::begin(kNames), std::end(kNames), last) != std::end(kNames);
}

/// Keyword arguments that name a callback to be called later.
bool isCallbackKeyword(std::string_view name) {
  return name == "target" || name == "callback" || name == "command" || name == "default_factory";
}

Node unparenthesizedParent(Node n) {
  Node p = n.parent();
  while (p.is(NodeKind::ParenthesizedExpression)) {
    n = p;
    p = p.parent();
  }
  return p;
}

/// Whether the value of expression `e` outlives the statement evaluating it.
bool escapes(Node e, std::string_view text) {
  Node p = unparenthesizedParent(e);
  if (p.is(NodeKind::Call)) return false; // called on the spot, or the call's generator argument
  bool callbackKeyword = false;
  if (p.is(NodeKind::KeywordArgument)) {
    callbackKeyword = isCallbackKeyword(p.field(FieldId::Name).text(text));
    p = unparenthesizedParent(p);
  }
  if (p.is(NodeKind::ArgumentList)) {
    Node call = p.parent();
    return callbackKeyword || (call.is(NodeKind::Call) && storesArgument(call.field(FieldId::Function).text(text)));
  }
  if (p.is(NodeKind::Yield)) return !p.child(1).is(NodeKind::KwFrom);
  // `f(*gen)` and `[*gen]` unpack at once.
  if (p.is(NodeKind::ListSplat) || p.is(NodeKind::DictionarySplat)) return false;
  if (p.is(NodeKind::ReturnStatement) || p.is(NodeKind::ExpressionStatement)) return false;
  if (p.is(NodeKind::ForStatement) || p.is(NodeKind::ForInClause)) return false;
  return true;
}

Node nodeAt(const CheckContext &ctx, std::uint32_t start, std::uint32_t end) {
  return Node(ts_node_descendant_for_byte_range(ctx.module().root().raw(), start, end));
}

/// Whether a def's name is used other than by calling it, or the def is decorated.
bool defEscapes(const CheckContext &ctx, const SemanticModel &model, const Scope &scope) {
  for (BindingId id = 0; id < model.bindings().size(); ++id) {
    const Binding &b = model.binding(id);
    if (b.kind != BindingKind::FunctionDef || !(b.node == scope.node)) continue;
    if (b.flags & kBindingDecorated) return true;
    for (ReferenceId r : model.usesOf(id)) {
      const Reference &ref = model.reference(r);
      Node use = nodeAt(ctx, ref.start, ref.end);
      Node parent = use.parent();
      if (parent.is(NodeKind::Call) && parent.field(FieldId::Function) == use) continue;
      if (escapes(use, ctx.text())) return true;
    }
    return false;
  }
  return false;
}

bool inside(std::uint32_t offset, Node n) { return n.startByte() <= offset && offset < n.endByte(); }

/// Whether some binding of `sym` made by its own frame lies inside `loop`.
bool reboundInLoop(const SemanticModel &model, SymbolId sym, Node loop) {
  for (BindingId b : model.symbol(sym).bindings) {
    const Binding &binding = model.binding(b);
    if (binding.flags & kBindingExternal) continue;
    if (binding.kind == BindingKind::FunctionDef || binding.kind == BindingKind::ClassDef ||
        binding.kind == BindingKind::Import || binding.kind == BindingKind::FromImport ||
        binding.kind == BindingKind::Annotation)
      continue;
    if (inside(binding.nameStart, loop)) return true;
  }
  return false;
}

std::optional<Fix> defaultArgumentFix(const CheckContext &ctx, const Scope &scope, std::string_view name) {
  if (scope.kind != ScopeKind::Lambda) return std::nullopt;
  Node lambda = scope.node;
  Node parameters = lambda.field(FieldId::Parameters);
  std::string binding = std::string(name) + "=" + std::string(name);
  if (!parameters) {
    // `lambda: x` -> `lambda x=x: x`
    return Fix{Applicability::Unsafe, "Bind `" + std::string(name) + "` with a default argument",
               {TextEdit{lambda.child(0).endByte(), lambda.child(0).endByte(), " " + binding}}};
  }
  std::vector<Node> params = parameters.namedChildren();
  if (params.empty() || params.back().is(NodeKind::DictionarySplatPattern)) return std::nullopt;
  (void)ctx;
  return Fix{Applicability::Unsafe, "Bind `" + std::string(name) + "` with a default argument",
             {TextEdit{parameters.endByte(), parameters.endByte(), ", " + binding}}};
}

} // namespace

void LateBindingClosureCheck::begin(CheckContext &ctx) const {
  const SemanticModel *model = names::modelFor(ctx);
  if (!model) return;
  std::set<std::pair<ScopeId, std::string_view>> reported;
  for (const Reference &ref : model->references()) {
    if (ref.resolution != Resolution::Enclosing || ref.symbol == kNoId || (ref.flags & kRefDeferred)) continue;
    const Scope &scope = model->scope(ref.scope);
    if (!scope.loop) continue;
    bool closure = scope.kind == ScopeKind::Function || scope.kind == ScopeKind::Lambda ||
                   (scope.kind == ScopeKind::Comprehension && scope.node.is(NodeKind::GeneratorExpression));
    if (!closure || !reboundInLoop(*model, ref.symbol, scope.loop)) continue;
    // A comprehension's own variables are not loop variables of a closure it is its loop for.
    if (scope.loop == scope.node) continue;
    if (reported.contains({ref.scope, ref.name})) continue;
    bool escaping = scope.kind == ScopeKind::Function ? defEscapes(ctx, *model, scope) : escapes(scope.node, ctx.text());
    if (!escaping) continue;
    reported.insert({ref.scope, ref.name});
    std::string what = scope.kind == ScopeKind::Function ? "function `" + std::string(scope.name) + "`"
                       : scope.kind == ScopeKind::Lambda ? std::string("lambda")
                                                         : std::string("generator expression");
    std::string message = "the " + what + " created in this loop reads `" + std::string(ref.name) +
                          "` when it runs, not when it is created: every call sees the value of the last iteration";
    ctx.report(*this, ref.start, ref.end, std::move(message), defaultArgumentFix(ctx, scope, ref.name));
  }
}

} // namespace typhon
