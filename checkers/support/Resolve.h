// Resolve: what a name or dotted expression denotes, through the binder — `functools.wraps`,
// `contextlib.contextmanager`, `builtins.property` — whatever alias it was imported under.
#pragma once

#include "checkers/Check.h"
#include "semantic/SemanticModel.h"

#include <string>

namespace typhon::support {

/// The qualified name of an identifier or dotted attribute expression: `builtins.<name>` for a
/// builtin, `<module>.<member>` for an import (absolute modules only), extended by the attributes
/// read from it. Empty when unknown: a local definition, an assignment, a relative import,
/// bindings that disagree, or a name that may be unbound.
std::string qualifiedName(const sema::SemanticModel &model, const CheckContext &ctx, Node expr);

/// Whether `expr` denotes one of `names` (qualified, e.g. "functools.wraps").
bool denotes(const sema::SemanticModel &model, const CheckContext &ctx, Node expr,
             std::initializer_list<std::string_view> names);

/// The reference the binder recorded for identifier `id`, or null.
const sema::Reference *referenceOf(const sema::SemanticModel &model, Node id);

/// The binding of a def/class statement's name, or null.
const sema::Binding *bindingOfDefinition(const sema::SemanticModel &model, Node def);

} // namespace typhon::support
