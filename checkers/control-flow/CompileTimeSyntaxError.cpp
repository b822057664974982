// compile-time-syntax-error: mirrors the checks of CPython's symtable.c and compile.c.
#include "checkers/control-flow/CompileTimeSyntaxError.h"

#include "checkers/control-flow/PythonScopes.h"

#include <algorithm>
#include <string>

namespace typhon {

namespace {

/// A comprehension CPython compiles as a coroutine: it has `async for` or `await` in its own
/// scope, or (3.11+) contains such a list/set/dict comprehension.
bool isAsyncComprehension(Node comprehension, int minor) {
  for (std::uint32_t i = 0; i < comprehension.childCount(); ++i) {
    Node c = comprehension.child(i);
    if (c.is(NodeKind::ForInClause) && c.child(0).is(NodeKind::KwAsync)) return true;
  }
  return anyInComprehensionScope(comprehension, [&](Node n) {
    if (n.is(NodeKind::Await)) return true;
    return minor >= 11 && isComprehension(n) && !n.is(NodeKind::GeneratorExpression) && isAsyncComprehension(n, minor);
  });
}

std::string comprehensionName(Node n) {
  switch (n.kind()) {
  case NodeKind::ListComprehension: return "list comprehension";
  case NodeKind::SetComprehension: return "set comprehension";
  case NodeKind::DictionaryComprehension: return "dict comprehension";
  default: return "generator expression";
  }
}

/// A string statement CPython takes as the module docstring (no bytes or f-string parts).
bool isDocstring(Node statement, std::string_view source) {
  Node value = statement.is(NodeKind::ExpressionStatement) ? statement.namedChild(0) : Node();
  if (!value.is(NodeKind::String) && !value.is(NodeKind::ConcatenatedString)) return false;
  std::vector<Node> parts = value.is(NodeKind::String) ? std::vector<Node>{value} : value.namedChildren();
  return std::none_of(parts.begin(), parts.end(), [&](Node part) {
    std::string_view prefix = part.child(0).text(source);
    return prefix.find_first_of("bBfFtT") != std::string_view::npos;
  });
}

bool isKnownFutureFeature(std::string_view name) {
  static constexpr std::string_view kFeatures[] = {
      "nested_scopes",  "generators",       "division",       "absolute_import", "with_statement",
      "print_function", "unicode_literals", "barry_as_FLUFL", "generator_stop",  "annotations"};
  return std::find(std::begin(kFeatures), std::end(kFeatures), name) != std::end(kFeatures);
}

bool isSingleStarInParens(Node tuplePattern) {
  if (tuplePattern.namedChildCount() != 1 || !tuplePattern.namedChild(0).is(NodeKind::ListSplatPattern)) return false;
  for (std::uint32_t i = 0; i < tuplePattern.childCount(); ++i)
    if (tuplePattern.child(i).is(NodeKind::Comma)) return false;
  return true;
}

} // namespace

std::vector<NodeKind> CompileTimeSyntaxErrorCheck::kinds() const {
  using K = NodeKind;
  // clang-format off
  return {K::BreakStatement, K::ContinueStatement, K::ReturnStatement, K::Yield, K::Await, K::ForStatement,
          K::WithStatement, K::ListComprehension, K::SetComprehension, K::DictionaryComprehension,
          K::FunctionDefinition, K::Lambda, K::NonlocalStatement, K::GlobalStatement, K::FutureImportStatement,
          K::Assignment, K::AugmentedAssignment, K::ForInClause, K::ExpressionStatement, K::PatternList,
          K::TuplePattern, K::ListPattern, K::NamedExpression, K::ImportFromStatement, K::Identifier};
  // clang-format on
}

void CompileTimeSyntaxErrorCheck::visit(Node node, CheckContext &ctx) const {
  // CPython stops at the first parse error; the parser's diagnostics come first.
  if (ctx.module().root().hasError()) return;
  switch (node.kind()) {
  case NodeKind::BreakStatement:
  case NodeKind::ContinueStatement: return checkJump(node, ctx);
  case NodeKind::ReturnStatement: return checkReturn(node, ctx);
  case NodeKind::Yield: return checkYield(node, ctx);
  case NodeKind::Await: return checkAwait(node, ctx);
  case NodeKind::ForStatement: checkAsyncStatement(node, ctx); return checkStarred(node, ctx);
  case NodeKind::WithStatement: return checkAsyncStatement(node, ctx);
  case NodeKind::ListComprehension:
  case NodeKind::SetComprehension:
  case NodeKind::DictionaryComprehension: return checkComprehension(node, ctx);
  case NodeKind::FunctionDefinition:
  case NodeKind::Lambda: return checkParameters(node, ctx);
  case NodeKind::FutureImportStatement: return checkFuture(node, ctx);
  case NodeKind::GlobalStatement:
  case NodeKind::NonlocalStatement: return checkDeclaration(node, ctx);
  case NodeKind::NamedExpression: return checkNamedExpression(node, ctx);
  case NodeKind::ImportFromStatement: return checkWildcardImport(node, ctx);
  case NodeKind::Identifier: return checkDebugName(node, ctx);
  default: return checkStarred(node, ctx);
  }
}

void CompileTimeSyntaxErrorCheck::checkJump(Node node, CheckContext &ctx) const {
  const std::vector<Node> &anc = ctx.ancestors();
  Node child = node;
  for (std::size_t i = anc.size(); i-- > 0; child = anc[i]) {
    Node parent = anc[i];
    bool isLoop = parent.is(NodeKind::ForStatement) || parent.is(NodeKind::WhileStatement);
    // The `else:` of a loop is outside that loop.
    if (isLoop && child == parent.field(FieldId::Body)) return;
    if (parent.is(NodeKind::FunctionDefinition) || parent.is(NodeKind::ClassDefinition)) break;
  }
  ctx.report(*this, node,
             node.is(NodeKind::BreakStatement) ? "'break' outside loop" : "'continue' not properly in loop");
}

void CompileTimeSyntaxErrorCheck::checkReturn(Node node, CheckContext &ctx) const {
  Node value = node.namedChild(0);
  if (value.is(NodeKind::ListSplat)) ctx.report(*this, value, "can't use starred expression here");
  Scope scope = scopesOf(ctx.ancestors(), node).front();
  if (!isFunctionScope(scope.kind)) return ctx.report(*this, node, "'return' outside function");
  if (scope.kind != ScopeKind::AsyncFunction || !value || value.is(NodeKind::Comment)) return;
  bool isGenerator = anyInScope(scope.node.field(FieldId::Body), [](Node n) { return n.is(NodeKind::Yield); });
  if (isGenerator) ctx.report(*this, node, "'return' with value in async generator");
}

void CompileTimeSyntaxErrorCheck::checkYield(Node node, CheckContext &ctx) const {
  bool isFrom = node.child(1).is(NodeKind::KwFrom);
  const FileFacts &facts = ctx.facts();
  Scope scope = scopesOf(ctx.ancestors(), node).front();
  switch (scope.kind) {
  case ScopeKind::Module:
  case ScopeKind::Class:
    return ctx.report(*this, node,
                      isFrom && facts.pythonMinor >= 13 ? "'yield from' outside function" : "'yield' outside function");
  case ScopeKind::Comprehension:
    if (facts.pythonMinor >= 8) ctx.report(*this, node, "'yield' inside " + comprehensionName(scope.node));
    return;
  case ScopeKind::AsyncFunction:
    if (isFrom) ctx.report(*this, node, "'yield from' inside async function");
    return;
  default: return;
  }
}

void CompileTimeSyntaxErrorCheck::checkAwait(Node node, CheckContext &ctx) const {
  switch (scopesOf(ctx.ancestors(), node).front().kind) {
  case ScopeKind::Module:
  case ScopeKind::Class: return ctx.report(*this, node, "'await' outside function");
  case ScopeKind::Function:
  case ScopeKind::Lambda: return ctx.report(*this, node, "'await' outside async function");
  default: return;
  }
}

void CompileTimeSyntaxErrorCheck::checkAsyncStatement(Node node, CheckContext &ctx) const {
  if (!node.child(0).is(NodeKind::KwAsync)) return;
  if (scopesOf(ctx.ancestors(), node).front().kind == ScopeKind::AsyncFunction) return;
  bool isFor = node.is(NodeKind::ForStatement);
  std::uint32_t end = node.child(1).endByte();
  ctx.report(*this, node.startByte(), end,
             isFor ? "'async for' outside async function" : "'async with' outside async function");
}

void CompileTimeSyntaxErrorCheck::checkComprehension(Node node, CheckContext &ctx) const {
  int minor = ctx.facts().pythonMinor;
  if (!isAsyncComprehension(node, minor)) return;
  Scope scope = scopesOf(ctx.ancestors(), node).front();
  if (scope.kind == ScopeKind::AsyncFunction) return;
  // 3.11+ lets the enclosing comprehension become asynchronous too; before, it had to be already.
  if (scope.kind == ScopeKind::Comprehension && (minor >= 11 || isAsyncComprehension(scope.node, minor))) return;
  ctx.report(*this, node, "asynchronous comprehension outside of an asynchronous function");
}

void CompileTimeSyntaxErrorCheck::checkParameters(Node node, CheckContext &ctx) const {
  Node params = node.field(FieldId::Parameters);
  if (!params) return;
  std::vector<std::string_view> seen;
  bool keywordOnly = false;
  bool afterDefault = false;
  bool reportedOrder = false;
  for (Node p : params.namedChildren()) {
    Node name = parameterName(p);
    if (name) {
      std::string_view text = ctx.textOf(name);
      if (std::find(seen.begin(), seen.end(), text) != seen.end())
        ctx.report(*this, name, "duplicate argument '" + std::string(text) + "' in function definition");
      seen.push_back(text);
    }
    keywordOnly = keywordOnly || startsKeywordOnly(p);
    if (keywordOnly || !name) continue;
    if (hasDefault(p)) {
      afterDefault = true;
      continue;
    }
    if (!afterDefault || reportedOrder) continue;
    reportedOrder = true;
    ctx.report(*this, p,
               ctx.facts().pythonMinor >= 12 ? "parameter without a default follows parameter with a default"
                                             : "non-default argument follows default argument");
  }
}

void CompileTimeSyntaxErrorCheck::checkDeclaration(Node node, CheckContext &ctx) const {
  std::vector<Scope> scopes = scopesOf(ctx.ancestors(), node);
  bool isNonlocal = node.is(NodeKind::NonlocalStatement);
  std::string keyword = isNonlocal ? "nonlocal" : "global";
  if (isNonlocal && scopes.front().kind == ScopeKind::Module)
    return ctx.report(*this, node, "nonlocal declaration not allowed at module level");
  if (isFunctionScope(scopes.front().kind)) {
    std::vector<Node> params = scopes.front().node.field(FieldId::Parameters).namedChildren();
    for (Node name : node.namedChildren()) {
      if (!name.is(NodeKind::Identifier)) continue;
      bool isParameter = std::any_of(params.begin(), params.end(), [&](Node p) {
        Node pn = parameterName(p);
        return pn && ctx.textOf(pn) == ctx.textOf(name);
      });
      if (isParameter)
        return ctx.report(*this, name, "name '" + std::string(ctx.textOf(name)) + "' is parameter and " + keyword);
    }
  }
  auto enclosedBy = [&](auto pred) { return std::any_of(scopes.begin() + 1, scopes.end(), pred); };
  if (!isNonlocal || enclosedBy([](const Scope &s) { return isFunctionScope(s.kind); })) return;
  // Methods see the implicit `__class__` cell of their class.
  bool inClass = enclosedBy([](const Scope &s) { return s.kind == ScopeKind::Class; });
  for (Node name : node.namedChildren()) {
    if (!name.is(NodeKind::Identifier) || (inClass && ctx.textOf(name) == "__class__")) continue;
    return ctx.report(*this, node, "no binding for nonlocal '" + std::string(ctx.textOf(name)) + "' found");
  }
}

void CompileTimeSyntaxErrorCheck::checkFuture(Node node, CheckContext &ctx) const {
  bool atStart = node.parent().is(NodeKind::Module);
  for (Node prev = node.prevNamedSibling(); atStart && prev; prev = prev.prevNamedSibling()) {
    if (prev.is(NodeKind::Comment) || prev.is(NodeKind::FutureImportStatement)) continue;
    Node earlier = prev.prevNamedSibling();
    while (earlier.is(NodeKind::Comment))
      earlier = earlier.prevNamedSibling();
    atStart = !earlier && isDocstring(prev, ctx.text());
  }
  if (!atStart) return ctx.report(*this, node, "from __future__ imports must occur at the beginning of the file");
  for (Node name : node.fieldAll(FieldId::Name)) {
    std::string_view feature = ctx.textOf(name.is(NodeKind::AliasedImport) ? name.field(FieldId::Name) : name);
    if (feature == "braces")
      ctx.report(*this, name, "not a chance");
    else if (!isKnownFutureFeature(feature))
      ctx.report(*this, name, "future feature " + std::string(feature) + " is not defined");
  }
}

void CompileTimeSyntaxErrorCheck::checkStarred(Node node, CheckContext &ctx) const {
  Node left = node.field(FieldId::Left);
  Node right = node.field(FieldId::Right);
  int minor = ctx.facts().pythonMinor;
  switch (node.kind()) {
  case NodeKind::ExpressionStatement:
    if (node.namedChildCount() == 1 && node.namedChild(0).is(NodeKind::ListSplat))
      ctx.report(*this, node, "can't use starred expression here");
    return;
  case NodeKind::AugmentedAssignment:
    if (left.is(NodeKind::ListSplatPattern) || left.is(NodeKind::ListSplat))
      ctx.report(*this, left,
                 std::string(minor >= 9 ? "'starred' is an " : "") + "illegal expression for augmented assignment");
    break;
  case NodeKind::TuplePattern:
    if (isSingleStarInParens(node))
      ctx.report(*this, node,
                 minor >= 10  ? "cannot use starred expression here"
                 : minor == 9 ? "can't use starred expression here"
                              : "starred assignment target must be in a list or tuple");
    [[fallthrough]];
  case NodeKind::PatternList:
  case NodeKind::ListPattern: {
    int stars = 0;
    for (Node c : node.namedChildren())
      if (c.is(NodeKind::ListSplatPattern) && ++stars == 2)
        ctx.report(*this, c,
                   minor >= 9 ? "multiple starred expressions in assignment" : "two starred expressions in assignment");
    return;
  }
  default:
    if (left.is(NodeKind::ListSplatPattern))
      ctx.report(*this, left, "starred assignment target must be in a list or tuple");
    break;
  }
  if (right.is(NodeKind::ListSplat)) ctx.report(*this, right, "can't use starred expression here");
}

} // namespace typhon
