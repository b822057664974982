// What a name refers to through the module's import statements, for syntax-tier checks that
// recognize library calls (`threading.Lock()`, `pdb.set_trace()`) before the binder exists.
#pragma once

#include "parser/Node.h"

#include <string>
#include <string_view>
#include <vector>

namespace typhon {

/// The dotted name `local` refers to at `node` (whose ancestors, root first, are given) through
/// an import: "threading" for `import threading as local`, "pdb.set_trace" for
/// `from pdb import set_trace as local`. Enclosing function bodies are searched innermost first,
/// then the module; a function that also assigns `local` (or has it as a parameter) shadows the
/// import, and the result is empty, as it is when no import binds the name.
std::string importedName(const std::vector<Node> &ancestors, Node node, std::string_view local,
                         std::string_view source);

/// The dotted name an identifier or attribute chain at `node` refers to through imports
/// (`th.Lock` -> "threading.Lock" after `import threading as th`), or empty.
std::string resolveImported(const std::vector<Node> &ancestors, Node node, Node expr, std::string_view source);

/// A cheaper lookup among the module's top-level imports only (no function bodies, no shadowing).
std::string topLevelImportedName(Node module, std::string_view local, std::string_view source);

} // namespace typhon
