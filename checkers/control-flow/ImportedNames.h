// What a name refers to through the module's import statements, for syntax-tier checks that
// recognize library calls (`threading.Lock()`, `pdb.set_trace()`) before the binder exists.
#pragma once

#include "parser/Node.h"

#include <string>
#include <string_view>

namespace typhon {

/// The dotted name `local` is bound to by an import anywhere in the module: "threading" for
/// `import threading as local`, "pdb.set_trace" for `from pdb import set_trace as local`; empty
/// when no import binds it. Imports inside functions count too (the name is rarely reused).
std::string importedName(Node module, std::string_view local, std::string_view source);

/// The dotted name an identifier or attribute chain refers to through imports
/// (`th.Lock` -> "threading.Lock" after `import threading as th`), or empty.
std::string resolveImported(Node module, Node expr, std::string_view source);

} // namespace typhon
