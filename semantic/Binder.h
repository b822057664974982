// Binder: builds a module's SemanticModel — scopes, bindings, references and their flow — in one
// walk of its syntax tree followed by name resolution.
#pragma once

#include "semantic/Builtins.h"
#include "semantic/SemanticModel.h"

#include <string_view>

namespace typhon {
class ParsedModule;
}

namespace typhon::sema {

struct BindOptions {
  /// Target Python 3.minor: decides whether annotations are evaluated and which builtins exist.
  int pythonMinor = 13;
  /// Evaluate `sys.version_info` checks for exactly 3.`pythonMinor` rather than for every version
  /// from it on (typeshed's stubs, read for one target version by the module graph).
  bool exactVersion = false;
  /// A stub (.pyi): nothing runs, every annotation is deferred, order does not matter.
  bool isStub = false;
  /// A package's __init__: `__path__` is defined.
  bool isPackageInit = false;
  /// The builtins to resolve against; defaultBuiltins() when null.
  const BuiltinNames *builtins = nullptr;
};

/// Options for the file at `path` (stub and package detection from its name).
BindOptions bindOptionsFor(std::string_view path, int pythonMinor);

/// Binds `module`. The model refers to `module`'s tree and text, which must outlive it.
/// Time is linear in the module's size times the nesting depth of its loops.
SemanticModel bindModule(const ParsedModule &module, const BindOptions &options);

} // namespace typhon::sema
