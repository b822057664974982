// Python scopes over the CST: which block a node runs in, and walks that stay inside one block.
#include "checkers/control-flow/PythonScopes.h"

#include <optional>

namespace typhon {

namespace {

bool isAsyncDef(Node def) { return def.child(0).is(NodeKind::KwAsync); }

/// The scope `parent` opens for its child `child` (whose own child on the path is `grandchild`),
/// or nullopt when that child runs in the enclosing scope.
std::optional<ScopeKind> scopeOpenedFor(Node parent, Node child, Node grandchild) {
  switch (parent.kind()) {
  case NodeKind::FunctionDefinition:
    if (child != parent.field(FieldId::Body)) return std::nullopt;
    return isAsyncDef(parent) ? ScopeKind::AsyncFunction : ScopeKind::Function;
  case NodeKind::ClassDefinition:
    if (child != parent.field(FieldId::Body)) return std::nullopt;
    return ScopeKind::Class;
  case NodeKind::Lambda:
    if (child != parent.field(FieldId::Body)) return std::nullopt;
    return ScopeKind::Lambda;
  default: break;
  }
  if (!isComprehension(parent)) return std::nullopt;
  bool inFirstIterable = child == firstForClause(parent) && grandchild && grandchild == child.field(FieldId::Right);
  if (inFirstIterable) return std::nullopt;
  return ScopeKind::Comprehension;
}

/// pred on `c`, then on the parts of `c` that run in the scope `c` itself runs in.
bool nodeOrScopePart(Node c, const NodePredicate &pred) {
  if (!c) return false;
  if (pred(c)) return true;
  switch (c.kind()) {
  case NodeKind::FunctionDefinition:
    return anyInScope(c.field(FieldId::Parameters), pred) || nodeOrScopePart(c.field(FieldId::ReturnType), pred);
  case NodeKind::Lambda: return anyInScope(c.field(FieldId::Parameters), pred);
  case NodeKind::ClassDefinition: return anyInScope(c.field(FieldId::Superclasses), pred);
  default: break;
  }
  if (!isComprehension(c)) return anyInScope(c, pred);
  Node first = firstForClause(c);
  return first && nodeOrScopePart(first.field(FieldId::Right), pred);
}

} // namespace

bool isComprehension(Node n) {
  return n.is(NodeKind::ListComprehension) || n.is(NodeKind::SetComprehension) ||
         n.is(NodeKind::DictionaryComprehension) || n.is(NodeKind::GeneratorExpression);
}

Node firstForClause(Node comprehension) {
  for (std::uint32_t i = 0; i < comprehension.childCount(); ++i)
    if (comprehension.child(i).is(NodeKind::ForInClause)) return comprehension.child(i);
  return Node();
}

Node parameterName(Node p) {
  switch (p.kind()) {
  case NodeKind::Identifier: return p;
  case NodeKind::DefaultParameter:
  case NodeKind::TypedDefaultParameter: return p.field(FieldId::Name);
  case NodeKind::TypedParameter: return parameterName(p.namedChild(0));
  case NodeKind::ListSplatPattern:
  case NodeKind::DictionarySplatPattern: return p.namedChild(0);
  default: return Node();
  }
}

bool startsKeywordOnly(Node p) {
  if (p.is(NodeKind::TypedParameter)) return startsKeywordOnly(p.namedChild(0));
  return p.is(NodeKind::KeywordSeparator) || p.is(NodeKind::ListSplatPattern) || p.is(NodeKind::DictionarySplatPattern);
}

std::vector<Scope> scopesOf(const std::vector<Node> &ancestors, Node node) {
  std::vector<Scope> out;
  std::size_t n = ancestors.size();
  auto at = [&](std::size_t i) { return i < n ? ancestors[i] : (i == n ? node : Node()); };
  for (std::size_t i = n; i-- > 0;)
    if (auto kind = scopeOpenedFor(ancestors[i], at(i + 1), at(i + 2))) out.push_back({*kind, ancestors[i]});
  out.push_back({ScopeKind::Module, n ? ancestors.front() : node});
  return out;
}

bool anyInScope(Node n, const NodePredicate &pred) {
  if (!n) return false;
  for (std::uint32_t i = 0; i < n.childCount(); ++i)
    if (nodeOrScopePart(n.child(i), pred)) return true;
  return false;
}

bool anyInComprehensionScope(Node comprehension, const NodePredicate &pred) {
  Node first = firstForClause(comprehension);
  for (std::uint32_t i = 0; i < comprehension.childCount(); ++i) {
    Node c = comprehension.child(i);
    if (c != first) {
      if (nodeOrScopePart(c, pred)) return true;
      continue;
    }
    for (std::uint32_t j = 0; j < c.childCount(); ++j)
      if (c.child(j) != c.field(FieldId::Right) && nodeOrScopePart(c.child(j), pred)) return true;
  }
  return false;
}

} // namespace typhon
