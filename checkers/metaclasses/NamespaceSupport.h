// NamespaceSupport: recognises expressions that denote a class namespace — the `namespace`
// parameter of a metaclass's `__new__`/`__init__`, `X.__dict__`, `vars(X)` — for the checks that
// inspect how metaclasses and class decorators read it.
#pragma once

#include "checkers/Check.h"

namespace typhon::support {

/// Whether `expr` (an identifier or attribute/call expression) denotes a class namespace:
/// `X.__dict__`, `vars(X)` (one argument), or the fourth positional parameter of an enclosing
/// `def __new__(mcls, name, bases, ns, ...)` / `def __init__(cls, name, bases, ns, ...)` defined
/// in a class body. Views (`.items()`, `.keys()`) are stripped by the caller.
bool isClassNamespace(const CheckContext &ctx, Node expr);

} // namespace typhon::support
