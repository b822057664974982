// Which Python scope a syntax node runs in, from its ancestors: the CST-level model of CPython's
// symbol table blocks (module, class, function, lambda, comprehension) used by syntax-tier checks.
#pragma once

#include "parser/Node.h"

#include <functional>
#include <vector>

namespace typhon {

enum class ScopeKind { Module, Class, Function, AsyncFunction, Lambda, Comprehension };

struct Scope {
  ScopeKind kind;
  /// The function_definition, class_definition, lambda, comprehension or module node.
  Node node;
};

bool isComprehension(Node n);
inline bool isFunctionScope(ScopeKind k) { return k == ScopeKind::Function || k == ScopeKind::AsyncFunction; }
/// The first for_in_clause of a comprehension, whose iterable runs in the enclosing scope.
Node firstForClause(Node comprehension);

/// The scopes enclosing `node` (ancestors root first), innermost first; the last is the module.
/// Defaults, annotations, decorators, class bases and a comprehension's first iterable belong to
/// the enclosing scope, as in CPython.
std::vector<Scope> scopesOf(const std::vector<Node> &ancestors, Node node);

/// The identifier a parameter (of `parameters` or `lambda_parameters`) binds; null for `*` and `/`.
Node parameterName(Node parameter);
/// `*`, `*args` or `**kwargs`: the parameters after it are keyword-only.
bool startsKeywordOnly(Node parameter);
inline bool hasDefault(Node parameter) {
  return parameter.is(NodeKind::DefaultParameter) || parameter.is(NodeKind::TypedDefaultParameter);
}

using NodePredicate = std::function<bool(Node)>;
/// Whether `pred` holds for some node below `n` that runs in the same scope as `n`'s children
/// (nested functions, lambdas and classes contribute only their defaults, annotations and bases;
/// nested comprehensions themselves and their first iterable).
bool anyInScope(Node n, const NodePredicate &pred);
/// The same over a comprehension's own scope (everything but its first iterable).
bool anyInComprehensionScope(Node comprehension, const NodePredicate &pred);

} // namespace typhon
