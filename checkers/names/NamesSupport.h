// Shared helpers of the names & scopes checks: when a reference runs, and how to name it.
#pragma once

#include "checkers/Check.h"
#include "semantic/SemanticModel.h"

#include <string>

namespace typhon::names {

/// The module's model, or null when the names checks should stay silent: no model, or a file with
/// syntax or scope errors (CPython would not run it, and the tree's scopes are unreliable).
const sema::SemanticModel *modelFor(const CheckContext &ctx);

/// "when the module is imported", "when `f` is called", "when the lambda is called".
std::string evaluationTime(const sema::SemanticModel &model, sema::ScopeId scope);

/// 1-based line of a byte offset.
std::uint32_t lineOf(const CheckContext &ctx, std::uint32_t offset);

/// References never reported as name errors: guarded by `except NameError`, inside a parse
/// error, in unreachable code, or in a type comment.
bool isQuietReference(const sema::Reference &ref);

/// Whether every binding reaching `ref` exists only under `if TYPE_CHECKING:`.
bool reachesOnlyTypeCheckingBindings(const sema::SemanticModel &model, const sema::Reference &ref);

/// Whether a name is a "dummy" that is never reported unused: `_`, `__`, `_x`, `__tracebackhide__`...
bool isDummyName(std::string_view name);

/// Whether the binding's scope kind is a function, lambda, comprehension or type-parameter scope
/// (where reading an unbound name raises UnboundLocalError).
bool isFunctionLike(sema::ScopeKind kind);

/// The class whose own body reads `ref` while it executes, before the class name is bound (the
/// class-body-self-reference case of a NameError); kNoId otherwise. Annotations are excluded.
sema::ScopeId classReadingItsOwnName(const sema::SemanticModel &model, const sema::Reference &ref);

/// Whether `ref` is an evaluated annotation naming a class bound only later (a forward reference
/// that raises NameError when the definition runs).
bool isForwardClassAnnotation(const sema::SemanticModel &model, const sema::Reference &ref);

} // namespace typhon::names
