// FunctionShape: syntax facts about a function body shared by the class and decorator checks —
// its return/yield statements (own scope only), whether control can reach its end, decorators.
#pragma once

#include "checkers/Check.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace typhon::support {

/// Visits the nodes of `root` that run in the same scope (not the bodies of nested functions,
/// lambdas and classes). Iterative. Stops descending into a node when `visit` returns false.
void walkOwnScope(Node root, const std::function<bool(Node)> &visit);

struct FunctionFacts {
  std::vector<Node> returns;     // every return statement of the function itself
  bool returnsValue = false;     // some `return <expr>` other than `return None`
  bool bareReturn = false;       // some plain `return`
  bool returnsNone = false;      // some explicit `return None` (None on purpose)
  bool yields = false;           // a generator (yield / yield from / await-free)
  bool raises = false;           // a raise statement
  std::vector<Node> innerDefs;   // function definitions directly in the body's own scope
};
FunctionFacts factsOf(Node functionDefinition);

/// Whether control may reach the end of `block` (structurally: `return`, `raise`, `while True`
/// without `break`, exhaustive if/try, and calls that look like they never return end a path).
/// Errs towards "does not complete" when unsure.
bool mayCompleteNormally(const CheckContext &ctx, Node block);

/// The decorators of a function or class definition, outermost first (empty when undecorated).
std::vector<Node> decoratorsOf(Node definition);
/// The expression of a decorator (`@x(...)` -> the call).
inline Node decoratorExpression(Node decorator) { return decorator.namedChild(0); }

/// The class whose body directly holds `definition` (through a decorated_definition), or null.
Node enclosingClass(Node definition);

/// Statements of a block, without comments.
std::vector<Node> statementsOf(Node block);

/// Whether a body holds only a docstring, `pass` and `...` (a stub or abstract placeholder).
bool isTrivialBody(Node block);

/// The positional parameter names of a function's `parameters` node, in order (stops at `*`).
std::vector<Node> positionalParameters(Node parameters);

/// The contents of a plain string literal (no prefix other than r/u, no interpolation), or nullopt.
std::optional<std::string> stringLiteral(const CheckContext &ctx, Node n);

/// An edit appending the statement `line` at the end of an indented `block`, or nullopt when the
/// block shares its header's line or is indented inconsistently.
std::optional<TextEdit> appendStatement(const CheckContext &ctx, Node block, std::string_view line);

/// Whether `n` (inside a function body) contains a call of the identifier `name`.
bool callsName(const CheckContext &ctx, Node n, std::string_view name);

} // namespace typhon::support
