// Resolve (internal to classes/): what a name or dotted expression denotes at run time, when that
// is certain — a module, a class, or another module-level object named by its dotted name.
#pragma once

#include "semantic/classes/ClassModel.h"

#include <string>

namespace typhon::sema::classes::detail {

struct Value {
  enum class Kind : std::uint8_t { Unknown, Module, Class, Named } kind = Kind::Unknown;
  const Module *module = nullptr;
  ClassRef cls;
  /// For Named (a function or other module-level object): `module.name`.
  std::string name;
  /// Why it is Unknown.
  std::string why;

  static Value unknown(std::string why) {
    Value v;
    v.why = std::move(why);
    return v;
  }
};

inline constexpr int kMaxDepth = 48;

/// The value of `expr` (identifier, attribute chain, parenthesized) in module `mc`, using the
/// binder's references at the expression's position.
Value resolveExpression(const ModuleClasses &mc, Node expr, int depth = 0);
/// The value a binding gives its name.
Value valueOfBinding(const ModuleClasses &mc, BindingId binding, int depth);
/// `module.name` at the end of the module's execution (its only definition), following re-exports,
/// star imports and submodules.
Value memberOfModule(ClassModel &model, const Module &module, std::string_view name, int depth);

/// The runtime stand-ins for typing's special classes (typing.Generic, typing.Protocol).
ClassRef typingShim(ClassModel &model, std::string_view name);
/// Whether a class is one of those stand-ins.
bool isTypingShim(ClassRef cls);

/// Modules whose typeshed declarations describe static types, not the runtime classes
/// (typing, collections.abc, ...): their classes are unknown.
bool untrustedStubModule(std::string_view moduleName);

} // namespace typhon::sema::classes::detail
