// BinderWalk, expressions: loads in evaluation order, targets, match patterns, lambdas,
// comprehensions, annotations and parameters.
#include "semantic/BinderWalk.h"

#include "semantic/Annotations.h"

namespace typhon::sema::detail {

namespace {

/// The identifier a parameter binds (null for `*`, `/`).
FNode parameterName(FNode p) {
  switch (p.kind()) {
  case NodeKind::Identifier: return p;
  case NodeKind::DefaultParameter:
  case NodeKind::TypedDefaultParameter: return p.field(FieldId::Name);
  case NodeKind::TypedParameter: return parameterName(p.namedChild(0));
  case NodeKind::ListSplatPattern:
  case NodeKind::DictionarySplatPattern: return p.namedChild(0);
  default: return FNode();
  }
}

std::string_view lastComponent(std::string_view dotted) {
  std::size_t dot = dotted.rfind('.');
  return dot == std::string_view::npos ? dotted : dotted.substr(dot + 1);
}

std::uint32_t argumentCount(FNode args) {
  std::uint32_t count = 0;
  if (args.is(NodeKind::ArgumentList))
    for (FNode a : args.namedChildren())
      if (!a.is(NodeKind::Comment)) ++count;
  return count;
}

} // namespace

void BinderWalk::walkChildren(FNode e) {
  for (FNode c : e.namedChildren()) walkExpression(c);
}

void BinderWalk::loadAllNames(FNode subtree) {
  if (dry_) return;
  std::vector<FNode> stack{subtree};
  while (!stack.empty()) {
    FNode n = stack.back();
    stack.pop_back();
    if (n.is(NodeKind::Identifier)) {
      load(n);
      continue;
    }
    // The attribute name of `a.b` is not a name lookup.
    FNode attribute = n.is(NodeKind::Attribute) ? n.field(FieldId::Attribute) : FNode();
    for (FNode c : n.children())
      if (!(c == attribute)) stack.push_back(c);
  }
}

void BinderWalk::walkExpression(FNode e) {
  if (!e) return;
  if (depth_ > kMaxDepth) return loadAllNames(e);
  Restore<int> depth(depth_, depth_ + 1);
  switch (e.kind()) {
  case NodeKind::Identifier: return load(e);
  case NodeKind::Attribute: return walkExpression(e.child(0));
  case NodeKind::Call: return walkCall(e);
  case NodeKind::String: {
    // Only f-strings (and t-strings) hold expressions.
    std::string_view prefix = textOf(e.child(0));
    if (prefix.find_first_of("fFtT") == std::string_view::npos) return;
    return walkChildren(e);
  }
  case NodeKind::KeywordArgument: return walkExpression(e.field(FieldId::Value));
  case NodeKind::Lambda: return walkLambda(e);
  case NodeKind::ListComprehension:
  case NodeKind::SetComprehension:
  case NodeKind::DictionaryComprehension:
  case NodeKind::GeneratorExpression: return walkComprehension(e);
  case NodeKind::NamedExpression:
    walkExpression(e.field(FieldId::Value));
    return bindWalrus(e.field(FieldId::Name), e);
  case NodeKind::BooleanOperator:
    walkExpression(e.field(FieldId::Left));
    return walkConditional(e.field(FieldId::Right), FNode());
  case NodeKind::ConditionalExpression: {
    std::vector<FNode> parts;
    for (FNode c : e.namedChildren())
      if (!c.is(NodeKind::Comment)) parts.push_back(c);
    if (parts.size() != 3) return walkChildren(e);
    walkExpression(parts[1]);
    return walkConditional(parts[0], parts[2]);
  }
  case NodeKind::Comment: return walkComment(e);
  case NodeKind::Error: {
    Restore<bool> error(inError_, true);
    return walkChildren(e);
  }
  case NodeKind::Integer:
  case NodeKind::Float:
  case NodeKind::True:
  case NodeKind::False:
  case NodeKind::None:
  case NodeKind::Ellipsis:
  case NodeKind::StringContent:
  case NodeKind::EscapeSequence:
  case NodeKind::TypeConversion:
  case NodeKind::KeywordSeparator:
  case NodeKind::PositionalSeparator: return;
  default: return walkChildren(e);
  }
}

void BinderWalk::walkConditional(FNode first, FNode second) {
  FlowState &st = state();
  FlowState::Mark m = st.mark();
  walkExpression(first);
  FlowDiff a = st.capture(m);
  st.rollback(m);
  walkExpression(second);
  FlowDiff b = st.capture(m);
  st.rollback(m);
  st.merge({std::move(a), std::move(b)});
  st.release();
}

/// `cast("T", x)` and `TypeVar("T", bound="B")`: the strings are type expressions.
std::vector<FNode> typeStrings(std::string_view f, FNode args, std::string_view text) {
  std::vector<FNode> out;
  if (!args.is(NodeKind::ArgumentList)) return out;
  // Not `memoryview.cast('B')`: only the typing function, by its usual spellings.
  bool cast = f == "cast" || f == "typing.cast" || f == "t.cast" || f == "typing_extensions.cast";
  bool typeVar = f == "TypeVar" || f == "typing.TypeVar" || f == "t.TypeVar" || f == "typing_extensions.TypeVar";
  if (!cast && !typeVar) return out;
  std::vector<FNode> parts;
  for (FNode a : args.namedChildren())
    if (!a.is(NodeKind::Comment)) parts.push_back(a);
  for (std::size_t i = 0; i < parts.size(); ++i) {
    FNode a = parts[i];
    if (cast && i == 0 && a.is(NodeKind::String)) out.push_back(a);
    if (typeVar && i > 0 && a.is(NodeKind::String)) out.push_back(a);
    if (typeVar && a.is(NodeKind::KeywordArgument) && a.field(FieldId::Name).text(text) == "bound" &&
        a.field(FieldId::Value).is(NodeKind::String))
      out.push_back(a.field(FieldId::Value));
  }
  return out;
}

void BinderWalk::walkCall(FNode call) {
  FNode function = call.child(0);
  FNode arguments = call.childCount() > 1 ? call.child(1) : FNode();
  walkExpression(function);
  walkExpression(arguments);
  if (dry_) return;
  std::string_view f = textOf(function);
  std::string_view last = lastComponent(f);
  // Most calls are none of these; test the callee's last name first.
  if (last == "cast" || last == "TypeVar") {
    for (FNode s : typeStrings(f, arguments, text_)) walkStringAnnotation(s);
    return;
  }
  Scope *scope = current().id == kNoId ? nullptr : &out_.scopes[current().id];
  Scope &module = out_.scopes[0];
  if (f == "locals" || f == "vars") {
    if (scope && argumentCount(arguments) == 0) scope->usesLocals = true;
    return;
  }
  if (f == "exec" || f == "eval") {
    if (scope && argumentCount(arguments) <= 1) scope->usesLocals = true;
    bool writes = current().kind == ScopeKind::Module || textOf(arguments).find("globals()") != std::string_view::npos;
    if (f == "exec" && writes) module.dynamicNamespace = true;
    return;
  }
  // Calls that add module globals: `globals().update(...)`, `Enum._convert_(...)`,
  // `setattr(sys.modules[__name__], ...)`.
  if (f == "globals().update" || f == "globals().setdefault" || f == "vars().update" || last == "_convert_" ||
      last == "_convert")
    module.dynamicNamespace = true;
  if (f == "setattr" && textOf(arguments).find("sys.modules[__name__]") != std::string_view::npos)
    module.dynamicNamespace = true;
  // gettext.install() puts `_` and friends in builtins.
  if (last == "install") module.installsGettext = true;
}

void BinderWalk::walkTarget(FNode t, BindingKind kind, FNode construct, std::uint16_t flags) {
  if (!t) return;
  if (depth_ > kMaxDepth) return loadAllNames(t);
  Restore<int> depth(depth_, depth_ + 1);
  switch (t.kind()) {
  case NodeKind::Identifier: return bind(t, kind, construct, flags);
  case NodeKind::Attribute: return walkExpression(t.field(FieldId::Object));
  case NodeKind::Subscript:
    if (!dry_ && textOf(t.field(FieldId::Value)) == "globals()") out_.scopes[0].dynamicNamespace = true;
    return walkChildren(t);
  case NodeKind::PatternList:
  case NodeKind::TuplePattern:
  case NodeKind::ListPattern:
  case NodeKind::Tuple:
  case NodeKind::List:
  case NodeKind::ExpressionList:
    for (FNode c : t.namedChildren()) walkTarget(c, kind, construct, flags | kBindingUnpacking);
    return;
  case NodeKind::ParenthesizedExpression:
  case NodeKind::ListSplatPattern:
  case NodeKind::ListSplat:
    for (FNode c : t.namedChildren()) walkTarget(c, kind, construct, flags);
    return;
  case NodeKind::Comment: return;
  default: return walkExpression(t);
  }
}

void BinderWalk::walkPattern(FNode p, FNode construct) {
  if (!p) return;
  if (depth_ > kMaxDepth) return loadAllNames(p);
  Restore<int> depth(depth_, depth_ + 1);
  switch (p.kind()) {
  case NodeKind::DottedName:
    // `case x:` captures; `case a.b:` compares with a value.
    if (p.namedChildCount() == 1) return bind(p.namedChild(0), BindingKind::MatchCapture, construct);
    return load(p.namedChild(0));
  case NodeKind::Identifier: return bind(p, BindingKind::MatchCapture, construct);
  case NodeKind::ClassPattern:
    for (FNode c : p.namedChildren()) {
      if (c.is(NodeKind::DottedName) && c == p.namedChild(0)) {
        load(c.namedChild(0));
        continue;
      }
      walkPattern(c, construct);
    }
    return;
  case NodeKind::KeywordPattern: {
    std::vector<FNode> parts = p.namedChildren();
    for (std::size_t i = 1; i < parts.size(); ++i) walkPattern(parts[i], construct);
    return;
  }
  case NodeKind::AsPattern: {
    std::vector<FNode> parts = p.namedChildren();
    for (std::size_t i = 0; i + 1 < parts.size(); ++i) walkPattern(parts[i], construct);
    if (parts.size() > 1 && parts.back().is(NodeKind::Identifier))
      bind(parts.back(), BindingKind::MatchCapture, construct);
    return;
  }
  case NodeKind::SplatPattern:
    if (FNode name = p.namedChild(0); name.is(NodeKind::Identifier)) bind(name, BindingKind::MatchCapture, construct);
    return;
  case NodeKind::DictPattern:
    for (FNode c : p.namedChildren()) {
      bool isKey = false;
      for (FNode k : p.fieldAll(FieldId::Key)) isKey = isKey || k == c;
      if (isKey) {
        if (c.is(NodeKind::DottedName)) load(c.namedChild(0));
        continue;
      }
      walkPattern(c, construct);
    }
    return;
  case NodeKind::UnionPattern: {
    FlowState &st = state();
    FlowState::Mark m = st.mark();
    std::vector<FlowDiff> alternatives;
    for (FNode c : p.namedChildren()) {
      walkPattern(c, construct);
      alternatives.push_back(st.capture(m));
      st.rollback(m);
    }
    st.merge(alternatives);
    st.release();
    return;
  }
  case NodeKind::CasePattern:
  case NodeKind::ListPattern:
  case NodeKind::TuplePattern:
    for (FNode c : p.namedChildren()) walkPattern(c, construct);
    return;
  default: return;
  }
}

void BinderWalk::walkLambda(FNode lambda) {
  FNode parameters = lambda.field(FieldId::Parameters);
  walkParameters(parameters, true, false, false);
  if (dry_) return;
  FNode loop = outermostLoop();
  bool reachable = state().reachable();
  openScope(ScopeKind::Lambda, lambda, lambda.startByte(), "<lambda>");
  if (!reachable) state().setUnreachable();
  if (current().id != kNoId) out_.scopes[current().id].loop = loop.node();
  bindParameters(parameters);
  walkExpression(lambda.field(FieldId::Body));
  closeScope();
}

void BinderWalk::walkComprehension(FNode c) {
  std::vector<FNode> clauses;
  for (FNode child : c.namedChildren())
    if (child.is(NodeKind::ForInClause) || child.is(NodeKind::IfClause)) clauses.push_back(child);
  if (clauses.empty() || !clauses.front().is(NodeKind::ForInClause)) return walkChildren(c);
  // The first iterable runs in the enclosing scope, before the comprehension's own scope exists.
  for (FNode r : clauses.front().fieldAll(FieldId::Right)) walkExpression(r);
  FNode loop = outermostLoop();
  openScope(ScopeKind::Comprehension, c, c.startByte(), "");
  if (!dry_ && current().id != kNoId) out_.scopes[current().id].loop = loop ? loop.node() : c.node();
  FlowState &st = state();
  FlowState::Mark m = st.mark();
  for (std::size_t i = 0; i < clauses.size(); ++i) {
    FNode clause = clauses[i];
    if (clause.is(NodeKind::IfClause)) {
      walkChildren(clause);
      continue;
    }
    if (i > 0)
      for (FNode r : clause.fieldAll(FieldId::Right)) walkExpression(r);
    walkTarget(clause.field(FieldId::Left), BindingKind::ComprehensionTarget, clause, 0);
  }
  walkExpression(c.field(FieldId::Body));
  FlowDiff ran = st.capture(m);
  st.rollback(m);
  st.merge({FlowDiff{m.reachable, {}}, std::move(ran)});
  st.release();
  closeScope();
}

void BinderWalk::walkAnnotation(FNode annotation, bool deferred) {
  if (!annotation) return;
  if (depth_ > kMaxDepth) return loadAllNames(annotation);
  Restore<int> depth(depth_, depth_ + 1);
  Restore<bool> inAnnotation(inAnnotation_, true);
  Restore<bool> defer(deferred_, deferred_ || deferred);
  switch (annotation.kind()) {
  case NodeKind::String:
    if (!dry_) walkStringAnnotation(annotation);
    return;
  case NodeKind::Type:
  case NodeKind::ConstrainedType:
  case NodeKind::UnionType:
  case NodeKind::MemberType:
  case NodeKind::TypeParameter:
  case NodeKind::BinaryOperator:
  case NodeKind::List:
  case NodeKind::Tuple:
  case NodeKind::ParenthesizedExpression:
    for (FNode c : annotation.namedChildren()) walkAnnotation(c, deferred);
    return;
  case NodeKind::Subscript:
  case NodeKind::GenericType: break;
  default: return walkExpression(annotation);
  }
  // `X[args]` parses as a subscript or, in annotations, as a generic_type.
  FNode head;
  std::vector<FNode> arguments;
  if (annotation.is(NodeKind::Subscript)) {
    head = annotation.field(FieldId::Value);
    arguments = annotation.fieldAll(FieldId::Subscript);
  } else {
    head = annotation.namedChild(0);
    for (FNode c : annotation.namedChildren())
      if (c.is(NodeKind::TypeParameter)) arguments = c.namedChildren();
  }
  walkExpression(head);
  // Literal["text"] holds values, not types; of Annotated[T, meta] only T is a type.
  std::string_view name = textOf(head);
  bool literal = name == "Literal" || name.ends_with(".Literal");
  bool annotated = name == "Annotated" || name.ends_with(".Annotated");
  for (std::size_t i = 0; i < arguments.size(); ++i) {
    FNode argument = arguments[i];
    if (argument.is(NodeKind::Comment)) continue;
    if (!literal && !(annotated && i > 0)) {
      walkAnnotation(argument, deferred);
      continue;
    }
    Restore<bool> notType(inAnnotation_, false);
    FNode value = argument.is(NodeKind::Type) && argument.namedChildCount() == 1 ? argument.namedChild(0) : argument;
    if (!value.is(NodeKind::String)) walkExpression(value);
  }
}

void BinderWalk::walkStringAnnotation(FNode string) {
  if (!annotationParser_) annotationParser_ = std::make_unique<Parser>();
  std::uint16_t flags = kRefDeferred | kRefStringAnnotation;
  for (const AnnotationName &n : namesInStringAnnotation(*annotationParser_, string.node(), text_))
    loadRange(n.start, n.end, flags);
}

void BinderWalk::walkTypeParameters(FNode typeParameters) {
  for (FNode t : typeParameters.namedChildren()) {
    FNode inner = t.is(NodeKind::Type) && t.namedChildCount() > 0 ? t.namedChild(0) : t;
    if (inner.is(NodeKind::Identifier)) {
      bind(inner, BindingKind::TypeParameter, t);
      continue;
    }
    if (inner.is(NodeKind::SplatType)) {
      if (FNode name = inner.namedChild(0); name.is(NodeKind::Identifier)) bind(name, BindingKind::TypeParameter, t);
      continue;
    }
    if (inner.is(NodeKind::ConstrainedType)) {
      std::vector<FNode> parts = inner.namedChildren();
      if (parts.empty()) continue;
      FNode name = parts[0].is(NodeKind::Type) && parts[0].namedChildCount() ? parts[0].namedChild(0) : parts[0];
      if (name.is(NodeKind::Identifier)) bind(name, BindingKind::TypeParameter, t);
      // Bounds and constraints are evaluated lazily.
      for (std::size_t i = 1; i < parts.size(); ++i) walkAnnotation(parts[i], true);
      continue;
    }
    walkExpression(t);
  }
}

void BinderWalk::walkParameters(FNode parameters, bool defaults, bool annotations, bool deferred) {
  if (!parameters) return;
  for (FNode p : parameters.namedChildren()) {
    if (defaults && (p.is(NodeKind::DefaultParameter) || p.is(NodeKind::TypedDefaultParameter)))
      walkExpression(p.field(FieldId::Value));
    if (annotations && (p.is(NodeKind::TypedParameter) || p.is(NodeKind::TypedDefaultParameter)))
      walkAnnotation(p.field(FieldId::Type), deferred);
    if (defaults && p.is(NodeKind::Comment)) walkComment(p);
  }
}

void BinderWalk::bindParameters(FNode parameters) {
  if (!parameters) return;
  for (FNode p : parameters.namedChildren()) {
    FNode name = parameterName(p);
    if (name.is(NodeKind::Identifier)) {
      bind(name, BindingKind::Parameter, p);
      continue;
    }
    // Python 2 tuple parameters: `def f((a, b)):`.
    FNode tuple = p.is(NodeKind::DefaultParameter) ? p.field(FieldId::Name) : p;
    if (tuple.is(NodeKind::TuplePattern)) walkTarget(tuple, BindingKind::Parameter, p, 0);
  }
}

} // namespace typhon::sema::detail
