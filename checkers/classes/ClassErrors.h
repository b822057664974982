// ClassErrors: the diagnostics of the `classes` group for one module's class model, shared by the
// checks (inconsistent-mro, duplicate-base, instance-layout-conflict, metaclass-conflict) and
// `typhon mro`.
#pragma once

#include "checkers/Check.h"
#include "semantic/classes/ClassModel.h"

#include <functional>

namespace typhon {

/// The rule reporting a class-creation error (empty when no rule does, e.g. unacceptable bases).
std::string_view classErrorRule(sema::classes::ClassError::Kind kind);

/// The diagnostic message for `error` of class `cls`.
std::string classErrorMessage(sema::classes::ClassRef cls, const sema::classes::ClassError &error);

/// Reports every class of `classes` whose creation fails, under the binding `ruleFor` returns
/// for the error's rule id (skipped when it returns null).
void reportClassErrors(CheckContext &ctx, const sema::classes::ModuleClasses &classes,
                       const std::function<const RuleBinding *(std::string_view rule)> &ruleFor);

} // namespace typhon
