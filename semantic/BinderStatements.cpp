// BinderWalk, statements: scopes, definitions, imports and the control flow of each frame.
#include "semantic/BinderWalk.h"

#include "semantic/DunderAll.h"

#include <algorithm>

namespace typhon::sema::detail {

namespace {

bool isStatementNode(FNode n) { return n.isNamed() && !n.is(NodeKind::Comment); }

/// Integers of a literal tuple `(3, 8)` or a single integer; empty when not literal.
std::vector<int> literalVersion(FNode n, std::string_view text) {
  std::vector<FNode> parts = n.is(NodeKind::Tuple) ? n.namedChildren() : std::vector<FNode>{n};
  std::vector<int> out;
  for (FNode p : parts) {
    std::string_view digits = p.text(text);
    if (!p.is(NodeKind::Integer) || digits.size() > 3 || digits.find_first_not_of("0123456789") != std::string_view::npos)
      return {};
    out.push_back(std::stoi(std::string(digits)));
  }
  return out;
}

/// A comparison of `sys.version_info` with a literal whose outcome is the same for every Python
/// from 3.`minor` on (the configured version is the oldest the code must run on).
std::optional<bool> versionComparison(FNode condition, std::string_view text, int minor, bool exact) {
  if (!condition.is(NodeKind::ComparisonOperator) || condition.namedChildCount() != 2) return std::nullopt;
  std::string_view left = condition.namedChild(0).text(text);
  std::string_view op = condition.child(1).text(text);
  std::vector<int> right = literalVersion(condition.namedChild(1), text);
  if (right.empty()) return std::nullopt;
  // The oldest and newest versions the code may run on, as (major, minor).
  std::vector<int> oldest{3, minor}, newest{3, exact ? minor : 99};
  if (left == "sys.version_info[0]" || left == "sys.version_info.major") {
    oldest = {3};
    newest = {3};
  } else if (left == "sys.version_info[1]" || left == "sys.version_info.minor") {
    oldest = {minor};
    newest = {exact ? minor : 99};
  } else if (left != "sys.version_info" && left != "sys.version_info[:2]" && left != "sys.version_info[0:2]") {
    return std::nullopt;
  }
  oldest.resize(right.size(), 0);
  newest.resize(right.size(), 0);
  auto holds = [&](const std::vector<int> &v) -> std::optional<bool> {
    if (op == ">=") return v >= right;
    if (op == ">") return v > right;
    if (op == "<=") return v <= right;
    if (op == "<") return v < right;
    if (op == "==") return v == right;
    if (op == "!=") return v != right;
    return std::nullopt;
  };
  std::optional<bool> a = holds(oldest), b = holds(newest);
  if (!a || !b || *a != *b) return std::nullopt;
  // `==`/`!=` between two ends can still change in the middle.
  if ((op == "==" || op == "!=") && oldest != newest && *a == (op == "!=")) return std::nullopt;
  return a;
}

/// A condition whose truth is known statically: literals, `not` of one, and comparisons of
/// `sys.version_info` that hold for every supported version.
std::optional<bool> staticTruth(FNode condition, std::string_view text, int minor, bool exact) {
  while (condition.is(NodeKind::ParenthesizedExpression) && condition.namedChildCount() == 1)
    condition = condition.namedChild(0);
  switch (condition.kind()) {
  case NodeKind::True: return true;
  case NodeKind::False:
  case NodeKind::None: return false;
  case NodeKind::Integer: {
    std::string_view digits = condition.text(text);
    return digits.find_first_not_of("0_xXoObB") != std::string_view::npos;
  }
  case NodeKind::NotOperator: {
    std::optional<bool> inner = staticTruth(condition.field(FieldId::Argument), text, minor, exact);
    if (inner) return !*inner;
    return std::nullopt;
  }
  case NodeKind::ComparisonOperator: return versionComparison(condition, text, minor, exact);
  default: return std::nullopt;
  }
}

bool isTypeCheckingName(FNode condition, std::string_view text) {
  std::string_view t = condition.text(text);
  return t == "TYPE_CHECKING" || t.ends_with(".TYPE_CHECKING");
}

/// The names an except clause catches (the last component of each), or empty for a bare except.
std::vector<std::string_view> caughtNames(FNode handler, std::string_view text) {
  std::vector<std::string_view> out;
  for (FNode c : handler.namedChildren()) {
    if (c.is(NodeKind::Block) || c.is(NodeKind::Comment)) continue;
    FNode type = c.is(NodeKind::AsPattern) ? c.namedChild(0) : c;
    std::vector<FNode> parts = type.is(NodeKind::Tuple) || type.is(NodeKind::ParenthesizedExpression)
                                  ? type.namedChildren()
                                  : std::vector<FNode>{type};
    for (FNode p : parts) {
      std::string_view name = p.text(text);
      std::size_t dot = name.rfind('.');
      out.push_back(dot == std::string_view::npos ? name : name.substr(dot + 1));
    }
    if (!out.empty()) break;
  }
  return out;
}

bool catchesAny(const std::vector<std::vector<std::string_view>> &handlers,
                std::initializer_list<std::string_view> names) {
  for (const auto &caught : handlers) {
    if (caught.empty()) return true;
    for (std::string_view c : caught)
      if (std::find(names.begin(), names.end(), c) != names.end()) return true;
  }
  return false;
}

/// A call that never returns: sys.exit(), exit(), quit(), os._exit(), os.abort(), assert_never().
bool isNoReturnCall(FNode e, std::string_view text) {
  if (!e.is(NodeKind::Call)) return false;
  std::string_view f = e.field(FieldId::Function).text(text);
  static constexpr std::string_view kNames[] = {"sys.exit", "exit",      "quit",          "os._exit",
                                                "os.abort", "_exit",     "assert_never", "typing.assert_never",
                                                "_sys.exit"};
  return std::find(std::begin(kNames), std::end(kNames), f) != std::end(kNames);
}

/// Context managers that swallow the exceptions of their body.
bool isSwallowingContext(FNode item, std::string_view text) {
  FNode value = item.field(FieldId::Value);
  if (value.is(NodeKind::AsPattern)) value = value.namedChild(0);
  if (!value.is(NodeKind::Call)) return false;
  std::string_view f = value.field(FieldId::Function).text(text);
  std::size_t dot = f.rfind('.');
  std::string_view last = dot == std::string_view::npos ? f : f.substr(dot + 1);
  return last == "suppress" || last == "assertRaises" || last == "assertRaisesRegex" || last == "raises";
}

/// Whether a case clause matches everything: a bare capture or `_`, without a guard.
bool isIrrefutable(FNode caseClause) {
  if (caseClause.field(FieldId::Guard)) return false;
  std::vector<FNode> patterns;
  for (FNode c : caseClause.namedChildren())
    if (c.is(NodeKind::CasePattern)) patterns.push_back(c);
  if (patterns.size() != 1) return false;
  FNode p = patterns[0];
  if (p.namedChildCount() == 0) return p.childCount() == 1 && p.child(0).is(NodeKind::Underscore);
  FNode inner = p.namedChild(0);
  return inner.is(NodeKind::DottedName) && inner.namedChildCount() == 1;
}

std::uint16_t decoratorFlags(FNode decorated, std::string_view text) {
  if (!decorated) return 0;
  std::uint16_t flags = kBindingDecorated;
  for (FNode d : decorated.namedChildren()) {
    if (!d.is(NodeKind::Decorator)) continue;
    FNode e = d.namedChild(0);
    std::string_view t = e.text(text);
    if (t == "overload" || t.ends_with(".overload")) flags |= kBindingOverloadOrAccessor;
    if (e.is(NodeKind::Attribute)) {
      std::string_view attr = e.field(FieldId::Attribute).text(text);
      if (attr == "setter" || attr == "deleter" || attr == "getter" || attr == "register")
        flags |= kBindingOverloadOrAccessor;
    }
  }
  return flags;
}

} // namespace

void BinderWalk::walkBlock(FNode block) {
  if (!block) return;
  for (FNode c : block.children()) {
    if (c.is(NodeKind::Comment)) {
      walkComment(c);
      continue;
    }
    if (isStatementNode(c)) walkStatement(c);
  }
}

void BinderWalk::walkStatement(FNode s) {
  if (depth_ > kMaxDepth) return loadAllNames(s);
  Restore<int> depth(depth_, depth_ + 1);
  switch (s.kind()) {
  case NodeKind::ExpressionStatement: return walkExpressionStatement(s);
  case NodeKind::ReturnStatement:
  case NodeKind::RaiseStatement:
    walkChildren(s);
    state().setUnreachable();
    return;
  case NodeKind::BreakStatement:
  case NodeKind::ContinueStatement: {
    Frame &frame = *frames_.back();
    if (!frame.loops.empty()) {
      Loop &loop = frame.loops.back();
      FlowDiff here = state().capture(loop.head);
      (s.is(NodeKind::BreakStatement) ? loop.breaks : loop.continues).push_back(std::move(here));
    }
    state().setUnreachable();
    return;
  }
  case NodeKind::IfStatement:
    return walkIfChain(s.field(FieldId::Condition), s.field(FieldId::Consequence), s.fieldAll(FieldId::Alternative),
                       0);
  case NodeKind::ForStatement: return walkFor(s);
  case NodeKind::WhileStatement: return walkWhile(s);
  case NodeKind::TryStatement: return walkTry(s);
  case NodeKind::WithStatement: return walkWith(s);
  case NodeKind::MatchStatement: return walkMatch(s);
  case NodeKind::FunctionDefinition: return walkFunction(s, FNode());
  case NodeKind::ClassDefinition: return walkClass(s, FNode());
  case NodeKind::DecoratedDefinition: {
    FNode def = s.field(FieldId::Definition);
    if (def.is(NodeKind::FunctionDefinition)) return walkFunction(def, s);
    if (def.is(NodeKind::ClassDefinition)) return walkClass(def, s);
    return walkChildren(s);
  }
  case NodeKind::ImportStatement: return walkImport(s);
  case NodeKind::ImportFromStatement:
  case NodeKind::FutureImportStatement: return walkFromImport(s);
  case NodeKind::GlobalStatement: return walkDeclaration(s, false);
  case NodeKind::NonlocalStatement: return walkDeclaration(s, true);
  case NodeKind::DeleteStatement: return walkDelete(s);
  case NodeKind::TypeAliasStatement: return walkTypeAlias(s);
  case NodeKind::AssertStatement: {
    std::vector<FNode> parts;
    for (FNode c : s.namedChildren())
      if (!c.is(NodeKind::Comment)) parts.push_back(c);
    if (parts.empty()) return;
    walkExpression(parts[0]);
    if (parts.size() > 1) walkConditional(parts[1], FNode());
    std::optional<bool> truth = staticTruth(parts[0], text_, options_.pythonMinor, options_.exactVersion);
    if (truth && !*truth) state().setUnreachable();
    return;
  }
  case NodeKind::PassStatement: return;
  case NodeKind::Error: {
    Restore<bool> error(inError_, true);
    return walkChildren(s);
  }
  default: return walkChildren(s);
  }
}

void BinderWalk::walkExpressionStatement(FNode s) {
  for (FNode e : s.children()) {
    if (!e.isNamed()) continue;
    switch (e.kind()) {
    case NodeKind::Assignment: walkAssignment(e); break;
    case NodeKind::AugmentedAssignment: walkAugmentedAssignment(e); break;
    case NodeKind::Comment: walkComment(e); break;
    default: walkExpression(e); break;
    }
    if (isNoReturnCall(e, text_)) state().setUnreachable();
  }
  if (scopes_.size() == 1 && !dry_) noteDunderAll(s);
}

void BinderWalk::walkAssignment(FNode a) {
  FNode left = a.field(FieldId::Left);
  FNode right = a.field(FieldId::Right);
  FNode type = a.field(FieldId::Type);
  if (right) {
    if (right.is(NodeKind::Assignment))
      walkAssignment(right);
    else if (right.is(NodeKind::AugmentedAssignment))
      walkAugmentedAssignment(right);
    else
      walkExpression(right);
  }
  if (!dry_ && right && textOf(right) == "globals()") out_.scopes[0].dynamicNamespace = true;
  if (type) {
    // Annotations of locals are never evaluated; module and class ones are, unless deferred.
    bool local = current().kind == ScopeKind::Function || current().kind == ScopeKind::Lambda;
    walkAnnotation(type, local || annotationsDeferred());
  }
  if (!left) return;
  if (right) return walkTarget(left, type ? BindingKind::AnnotatedAssignment : BindingKind::Assignment, a, 0);
  if (left.is(NodeKind::Identifier)) return bind(left, BindingKind::Annotation, a);
  walkTarget(left, BindingKind::Annotation, a, 0);
}

void BinderWalk::walkAugmentedAssignment(FNode a) {
  FNode left = a.field(FieldId::Left);
  if (left.is(NodeKind::Identifier)) load(left);
  walkExpression(a.field(FieldId::Right));
  if (left.is(NodeKind::Identifier)) return bind(left, BindingKind::AugmentedAssignment, a);
  walkTarget(left, BindingKind::AugmentedAssignment, a, 0);
}

/// The guard ids of `condition` being true and being false (`not c` flips `c`).
std::pair<std::uint32_t, std::uint32_t> conditionGuards(FNode condition, std::string_view text) {
  bool negated = false;
  while (true) {
    while (condition.is(NodeKind::ParenthesizedExpression) && condition.namedChildCount() == 1)
      condition = condition.namedChild(0);
    if (!condition.is(NodeKind::NotOperator)) break;
    negated = !negated;
    condition = condition.field(FieldId::Argument);
  }
  std::uint32_t h = static_cast<std::uint32_t>(std::hash<std::string_view>{}(condition.text(text))) | 2u;
  std::uint32_t whenTrue = h & ~1u, whenFalse = h | 1u;
  return negated ? std::pair{whenFalse, whenTrue} : std::pair{whenTrue, whenFalse};
}

void BinderWalk::walkIfChain(FNode condition, FNode consequence, const std::vector<FNode> &alternatives,
                             std::size_t next) {
  walkExpression(condition);
  std::optional<bool> truth = staticTruth(condition, text_, options_.pythonMinor, options_.exactVersion);
  bool typeChecking = isTypeCheckingName(condition, text_);
  bool notTypeChecking = condition.is(NodeKind::NotOperator) &&
                         isTypeCheckingName(condition.field(FieldId::Argument), text_);
  auto [thenGuard, elseGuard] = conditionGuards(condition, text_);
  std::vector<std::uint32_t> &known = frames_.back()->knownGuards;
  FlowState::Mark m = state().mark();
  FlowDiff then, otherwise;
  {
    Restore<bool> typing(typingOnly_, typingOnly_ || typeChecking);
    if (truth && !*truth) state().setUnreachable();
    known.push_back(thenGuard);
    walkBlock(consequence);
    frames_.back()->knownGuards.pop_back();
    then = state().capture(m);
    state().rollback(m);
  }
  {
    Restore<bool> typing(typingOnly_, typingOnly_ || notTypeChecking);
    if (truth && *truth) state().setUnreachable();
    frames_.back()->knownGuards.push_back(elseGuard);
    if (next < alternatives.size()) {
      FNode alt = alternatives[next];
      if (alt.is(NodeKind::ElifClause))
        walkIfChain(alt.field(FieldId::Condition), alt.field(FieldId::Consequence), alternatives, next + 1);
      else
        walkBlock(alt.field(FieldId::Body));
    }
    frames_.back()->knownGuards.pop_back();
    otherwise = state().capture(m);
    state().rollback(m);
  }
  state().mergeIf(then, otherwise, thenGuard, elseGuard);
  state().release();
}

void BinderWalk::walkLoop(FNode loopNode, FNode body, FNode elseBlock, bool infinite,
                          const std::function<void()> &header, bool headerIsExit, bool runsOnce) {
  Frame &frame = *frames_.back();
  FlowState &st = frame.state;
  FlowState::Mark m = st.mark();
  FlowDiff entry{m.reachable, {}};
  auto walkBody = [&](bool record) -> FlowDiff {
    Restore<bool> dry(dry_, dry_ || !record);
    if (!headerIsExit) header();
    walkBlock(body);
    return st.capture(m);
  };
  FlowDiff exit, runsOnceExit;
  Loop loop;
  if (!dry_) {
    // Pass 1 (dry): the state at the back edges; the loop head is the join of entry and back edges.
    frame.loops.push_back({loopNode, m, {}, {}});
    {
      Restore<bool> dry(dry_, true);
      if (headerIsExit) header();
      FlowDiff end = walkBody(false);
      loop = std::move(frame.loops.back());
      frame.loops.pop_back();
      st.rollback(m);
      std::vector<FlowDiff> backEdges{std::move(end)};
      for (FlowDiff &c : loop.continues) backEdges.push_back(std::move(c));
      if (runsOnce) {
        // The loop cannot end before its first iteration: it exits from a back edge.
        st.merge(backEdges);
        runsOnceExit = st.capture(m);
        st.rollback(m);
      }
      backEdges.push_back(entry);
      st.merge(backEdges);
    }
    // Pass 2 (recording) from the loop head.
    if (headerIsExit) header();
    exit = runsOnce ? std::move(runsOnceExit) : st.capture(m);
    if (infinite) exit.reachable = false;
    frame.loops.push_back({loopNode, m, {}, {}});
    walkBody(true);
    loop = std::move(frame.loops.back());
    frame.loops.pop_back();
  } else {
    // Dry: one pass; the exit over-approximates with entry, body end and continues.
    frame.loops.push_back({loopNode, m, {}, {}});
    if (headerIsExit) header();
    FlowDiff end = walkBody(false);
    loop = std::move(frame.loops.back());
    frame.loops.pop_back();
    st.rollback(m);
    std::vector<FlowDiff> approx{entry, std::move(end)};
    for (FlowDiff &c : loop.continues) approx.push_back(std::move(c));
    st.merge(approx);
    exit = st.capture(m);
    if (infinite) exit.reachable = false;
  }
  st.rollback(m);
  st.merge({exit});
  walkBlock(elseBlock);
  std::vector<FlowDiff> after{st.capture(m)};
  for (FlowDiff &b : loop.breaks) after.push_back(std::move(b));
  st.rollback(m);
  st.merge(after);
  st.release();
}

/// A literal with elements (`(1, 2)`, `["a"]`, `"abc"`): a loop over it runs at least once.
bool isNonEmptyLiteral(FNode e) {
  switch (e.kind()) {
  case NodeKind::Tuple:
  case NodeKind::List:
  case NodeKind::Set:
  case NodeKind::Dictionary:
    for (FNode c : e.namedChildren())
      if (!c.is(NodeKind::Comment)) return true;
    return false;
  case NodeKind::String:
    for (FNode c : e.namedChildren())
      if (c.is(NodeKind::StringContent)) return true;
    return false;
  default: return false;
  }
}

void BinderWalk::walkFor(FNode s) {
  walkExpression(s.field(FieldId::Right));
  FNode left = s.field(FieldId::Left);
  FNode elseClause = s.field(FieldId::Alternative);
  walkLoop(
      s, s.field(FieldId::Body), elseClause ? elseClause.field(FieldId::Body) : FNode(), false,
      [&] { walkTarget(left, BindingKind::ForTarget, s, 0); }, false, isNonEmptyLiteral(s.field(FieldId::Right)));
}

void BinderWalk::walkWhile(FNode s) {
  FNode condition = s.field(FieldId::Condition);
  std::optional<bool> truth = staticTruth(condition, text_, options_.pythonMinor, options_.exactVersion);
  FNode elseClause = s.field(FieldId::Alternative);
  walkLoop(
      s, s.field(FieldId::Body), elseClause ? elseClause.field(FieldId::Body) : FNode(), truth && *truth,
      [&] { walkExpression(condition); }, true, false);
}

void BinderWalk::walkTry(FNode s) {
  std::vector<FNode> handlers;
  FNode elseClause, finallyClause;
  for (FNode c : s.namedChildren()) {
    if (c.is(NodeKind::ExceptClause)) handlers.push_back(c);
    if (c.is(NodeKind::ElseClause)) elseClause = c;
    if (c.is(NodeKind::FinallyClause)) finallyClause = c;
  }
  std::vector<std::vector<std::string_view>> caught;
  for (FNode h : handlers) caught.push_back(caughtNames(h, text_));
  FlowState &st = state();
  FlowState::Mark m = st.mark();
  st.pushAccumulator();
  {
    Restore<std::uint32_t> tryBody(tryBodyOf_, s.startByte());
    Restore<bool> nameGuard(nameErrorGuarded_, nameErrorGuarded_ || catchesAny(caught, {"NameError", "UnboundLocalError"}));
    Restore<bool> importGuard(importGuarded_,
                              catchesAny(caught, {"ImportError", "ModuleNotFoundError", "Exception", "BaseException"}));
    walkBlock(s.field(FieldId::Body));
  }
  FlowDiff bodyEnd = st.capture(m);
  FlowDiff handlerEntry = st.popAccumulator();
  handlerEntry.reachable = m.reachable;
  st.rollback(m);
  std::vector<FlowDiff> results;
  if (elseClause) {
    st.merge({bodyEnd});
    walkBlock(elseClause.field(FieldId::Body));
    results.push_back(st.capture(m));
    st.rollback(m);
  } else {
    results.push_back(bodyEnd);
  }
  for (FNode h : handlers) {
    st.merge({handlerEntry});
    Restore<std::uint32_t> handler(handlerOf_, s.startByte());
    FNode alias;
    FNode block;
    for (FNode c : h.namedChildren()) {
      if (c.is(NodeKind::Block)) {
        block = c;
        continue;
      }
      if (c.is(NodeKind::Comment)) continue;
      if (c.is(NodeKind::AsPattern)) {
        walkExpression(c.namedChild(0));
        FNode target = c.field(FieldId::Alias);
        alias = target && target.namedChildCount() > 0 ? target.namedChild(0) : target;
        continue;
      }
      walkExpression(c);
    }
    if (alias.is(NodeKind::Identifier)) bind(alias, BindingKind::ExceptHandler, h);
    walkBlock(block);
    // The handler's name is deleted when the handler ends.
    if (alias.is(NodeKind::Identifier)) unbindName(alias);
    results.push_back(st.capture(m));
    st.rollback(m);
  }
  if (finallyClause) {
    FNode block = finallyClause.namedChildren().empty() ? FNode() : finallyClause.namedChild(0);
    for (FNode c : finallyClause.namedChildren())
      if (c.is(NodeKind::Block)) block = c;
    // References in `finally` (and its jumps, which override a pending return or exception) see
    // normal and exceptional states; the code after the statement only the normal ones.
    std::vector<FlowDiff> any = results;
    any.push_back(handlerEntry);
    st.merge(any);
    walkBlock(block);
    st.rollback(m);
    st.merge(results);
    Restore<bool> dry(dry_, true);
    walkBlock(block);
  } else {
    st.merge(results);
  }
  st.release();
}

void BinderWalk::walkSwallowingBlock(FNode block) {
  FlowState &st = state();
  FlowState::Mark m = st.mark();
  st.pushAccumulator();
  walkBlock(block);
  FlowDiff end = st.capture(m);
  FlowDiff any = st.popAccumulator();
  any.reachable = m.reachable;
  st.rollback(m);
  st.merge({end, any});
  st.release();
}

void BinderWalk::walkWith(FNode s) {
  bool swallows = false;
  for (FNode clause : s.namedChildren()) {
    if (!clause.is(NodeKind::WithClause)) continue;
    for (FNode item : clause.namedChildren()) {
      if (!item.is(NodeKind::WithItem)) continue;
      swallows = swallows || isSwallowingContext(item, text_);
      FNode value = item.field(FieldId::Value);
      if (!value.is(NodeKind::AsPattern)) {
        walkExpression(value);
        continue;
      }
      walkExpression(value.namedChild(0));
      FNode target = value.field(FieldId::Alias);
      if (target && !target.is(NodeKind::Identifier) && target.namedChildCount() == 1) target = target.namedChild(0);
      if (target) walkTarget(target, BindingKind::WithTarget, item, 0);
    }
  }
  FNode body = s.field(FieldId::Body);
  if (swallows) return walkSwallowingBlock(body);
  walkBlock(body);
}

void BinderWalk::walkMatch(FNode s) {
  for (FNode subject : s.fieldAll(FieldId::Subject)) walkExpression(subject);
  FNode body = s.field(FieldId::Body);
  FlowState &st = state();
  FlowState::Mark m = st.mark();
  std::vector<FlowDiff> results;
  bool exhaustive = false;
  for (FNode c : body.namedChildren()) {
    if (!c.is(NodeKind::CaseClause)) continue;
    // A case is tried when the earlier ones failed; a failed guard keeps the pattern's captures.
    FlowDiff tried = st.capture(m);
    for (FNode p : c.namedChildren())
      if (p.is(NodeKind::CasePattern)) walkPattern(p, c);
    if (FNode guard = c.field(FieldId::Guard)) walkChildren(guard);
    FlowDiff matched = st.capture(m);
    walkBlock(c.field(FieldId::Consequence));
    results.push_back(st.capture(m));
    st.rollback(m);
    if (isIrrefutable(c)) {
      exhaustive = true;
      break;
    }
    st.merge({std::move(tried), std::move(matched)});
  }
  if (!exhaustive) results.push_back(st.capture(m));
  st.rollback(m);
  st.merge(results);
  st.release();
}

void BinderWalk::walkFunction(FNode def, FNode decorated) {
  if (decorated)
    for (FNode d : decorated.namedChildren())
      if (d.is(NodeKind::Decorator)) walkChildren(d);
  FNode parameters = def.field(FieldId::Parameters);
  FNode typeParameters = def.field(FieldId::TypeParameters);
  bool deferred = annotationsDeferred();
  // Defaults run in the enclosing scope, annotations in the type-parameter scope when there is one.
  walkParameters(parameters, true, false, deferred);
  if (typeParameters) {
    openScope(ScopeKind::TypeParameters, def, typeParameters.startByte(), "");
    walkTypeParameters(typeParameters);
  }
  walkParameters(parameters, false, true, deferred);
  if (FNode returns = def.field(FieldId::ReturnType)) walkAnnotation(returns, deferred);
  FNode name = def.field(FieldId::Name);
  if (!dry_) {
    FNode loop = outermostLoop();
    bool reachable = state().reachable();
    openScope(ScopeKind::Function, def, def.startByte(), name ? textOf(name) : "");
    // The body of a def in dead code is dead too.
    if (!reachable) state().setUnreachable();
    if (current().id != kNoId) out_.scopes[current().id].loop = loop.node();
    bindParameters(parameters);
    walkBlock(def.field(FieldId::Body));
    closeScope();
  }
  if (typeParameters) closeScope();
  if (name) bind(name, BindingKind::FunctionDef, def, decoratorFlags(decorated, text_));
}

void BinderWalk::walkClass(FNode def, FNode decorated) {
  if (decorated)
    for (FNode d : decorated.namedChildren()) {
      if (!d.is(NodeKind::Decorator)) continue;
      walkChildren(d);
      // enum.global_enum copies the members into the module's namespace.
      std::string_view text = textOf(d.namedChild(0));
      if (!dry_ && (text == "global_enum" || text.ends_with(".global_enum"))) out_.scopes[0].dynamicNamespace = true;
    }
  FNode typeParameters = def.field(FieldId::TypeParameters);
  if (typeParameters) {
    openScope(ScopeKind::TypeParameters, def, typeParameters.startByte(), "");
    walkTypeParameters(typeParameters);
  }
  if (FNode bases = def.field(FieldId::Superclasses)) walkChildren(bases);
  FNode name = def.field(FieldId::Name);
  openScope(ScopeKind::Class, def, def.startByte(), name ? textOf(name) : "");
  walkBlock(def.field(FieldId::Body));
  closeScope();
  if (typeParameters) closeScope();
  if (name) bind(name, BindingKind::ClassDef, def, decoratorFlags(decorated, text_));
}

void BinderWalk::walkImport(FNode s) {
  for (FNode item : s.fieldAll(FieldId::Name)) {
    if (item.is(NodeKind::AliasedImport)) {
      FNode dotted = item.field(FieldId::Name);
      FNode alias = item.field(FieldId::Alias);
      std::uint16_t flags = textOf(dotted) == textOf(alias) ? kBindingExplicitReexport : 0;
      bind(alias, BindingKind::Import, item, flags);
      continue;
    }
    if (!item.is(NodeKind::DottedName) || item.namedChildCount() == 0) continue;
    FNode first = item.namedChild(0);
    bind(first, BindingKind::Import, item, item.namedChildCount() > 1 ? kBindingDottedImport : 0);
  }
}

void BinderWalk::walkFromImport(FNode s) {
  bool future = s.is(NodeKind::FutureImportStatement);
  FNode module = s.field(FieldId::ModuleName);
  for (FNode c : s.namedChildren()) {
    if (!c.is(NodeKind::WildcardImport)) continue;
    if (!dry_ && current().id != kNoId) out_.scopes[current().id].hasUnresolvedStarImport = true;
  }
  for (FNode item : s.fieldAll(FieldId::Name)) {
    BindingKind kind = future ? BindingKind::FutureImport : BindingKind::FromImport;
    if (item.is(NodeKind::AliasedImport)) {
      FNode name = item.field(FieldId::Name);
      FNode alias = item.field(FieldId::Alias);
      std::uint16_t flags = textOf(name) == textOf(alias) ? kBindingExplicitReexport : 0;
      bind(alias, kind, item, flags);
      continue;
    }
    if (item.is(NodeKind::DottedName) && item.namedChildCount() > 0) bind(item.namedChild(0), kind, item);
  }
  (void)module;
}

void BinderWalk::walkDeclaration(FNode s, bool isNonlocal) {
  for (FNode name : s.namedChildren()) {
    if (!name.is(NodeKind::Identifier)) continue;
    std::uint32_t id = intern(textOf(name));
    Declared kind = isNonlocal ? Declared::Nonlocal : Declared::Global;
    // At module level `global` changes nothing.
    if (current().kind != ScopeKind::Module) current().declared.emplace_back(id, kind);
    if (dry_) continue;
    RawDeclaration d;
    d.decl.isNonlocal = isNonlocal;
    d.decl.scope = current().id;
    d.decl.statement = s.node();
    d.decl.name = name.node();
    d.nameId = id;
    out_.declarations.push_back(d);
  }
}

void BinderWalk::walkTypeAlias(FNode s) {
  FNode left = s.field(FieldId::Left);
  FNode inner = left && left.namedChildCount() > 0 ? left.namedChild(0) : left;
  FNode name = inner;
  FNode typeParameters;
  if (inner.is(NodeKind::GenericType)) {
    name = inner.namedChild(0);
    for (FNode c : inner.namedChildren())
      if (c.is(NodeKind::TypeParameter)) typeParameters = c;
  }
  if (typeParameters) {
    openScope(ScopeKind::TypeParameters, s, typeParameters.startByte(), "");
    walkTypeParameters(typeParameters);
  }
  // The value is evaluated lazily, when `X.__value__` is first read.
  walkAnnotation(s.field(FieldId::Right), true);
  if (typeParameters) closeScope();
  if (name.is(NodeKind::Identifier)) bind(name, BindingKind::TypeAlias, s);
}

void BinderWalk::walkDelete(FNode s) {
  for (FNode target : s.namedChildren()) {
    std::vector<FNode> targets = target.is(NodeKind::ExpressionList) ? target.namedChildren() : std::vector<FNode>{target};
    for (std::size_t i = 0; i < targets.size(); ++i) {
      FNode t = targets[i];
      while (t.is(NodeKind::ParenthesizedExpression) && t.namedChildCount() == 1) t = t.namedChild(0);
      if (t.is(NodeKind::Tuple) || t.is(NodeKind::List)) {
        for (FNode c : t.namedChildren()) targets.push_back(c);
        continue;
      }
      if (!t.is(NodeKind::Identifier)) {
        walkExpression(t);
        continue;
      }
      load(t, kRefDelete);
      bind(t, BindingKind::Deletion, s);
    }
  }
}

void BinderWalk::noteDunderAll(FNode statement) {
  DunderAllUpdate update = dunderAllUpdate(statement.node(), text_);
  if (!update.isDunderAll) return;
  DunderAll &all = out_.dunderAll;
  if (update.replaces) all.entries.clear();
  all.present = true;
  all.complete = all.complete && update.complete;
  for (const DunderAll::Entry &e : update.entries) {
    all.entries.push_back(e);
    Node content;
    for (Node c : e.node.namedChildren())
      if (c.is(NodeKind::StringContent)) content = c;
    std::uint32_t start = content ? content.startByte() : e.node.startByte();
    std::uint32_t end = content ? content.endByte() : e.node.endByte();
    loadRange(start, end, kRefDeferred | kRefDunderAll);
  }
}

} // namespace typhon::sema::detail
