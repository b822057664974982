// redefined-builtin: the first binding of a name that is also a builtin, per scope. In a class body
// it matters only when later class-body code reads the name, so only then is it reported.
#include "checkers/names/RedefinedBuiltin.h"

#include "checkers/names/NamesSupport.h"
#include "semantic/Builtins.h"

namespace typhon {

using namespace sema;

namespace {

std::string where(const Scope &scope) {
  switch (scope.kind) {
  case ScopeKind::Module: return "at module level";
  case ScopeKind::Class: return "in the body of class `" + std::string(scope.name) + "`";
  case ScopeKind::Function: return "in `" + std::string(scope.name) + "`";
  case ScopeKind::Lambda: return "in a lambda";
  case ScopeKind::Comprehension: return "in a comprehension";
  case ScopeKind::TypeParameters: return "in a type parameter list";
  }
  return "";
}

bool readInClassBody(const SemanticModel &model, const Symbol &sym) {
  for (ReferenceId r : sym.references)
    if (model.reference(r).scope == sym.scope) return true;
  return false;
}

} // namespace

void RedefinedBuiltinCheck::begin(CheckContext &ctx) const {
  const SemanticModel *model = names::modelFor(ctx);
  if (!model || model->isStub()) return;
  const BuiltinNames &builtins = defaultBuiltins();
  for (const Symbol &sym : model->symbols()) {
    if (sym.name.starts_with("_") || !builtins.contains(sym.name, ctx.facts().pythonMinor)) continue;
    const Scope &scope = model->scope(sym.scope);
    if (scope.kind == ScopeKind::Class && !readInClassBody(*model, sym)) continue;
    for (BindingId id : sym.bindings) {
      const Binding &b = model->binding(id);
      if (b.kind == BindingKind::Deletion || b.kind == BindingKind::Annotation || (b.flags & kBindingExternal))
        continue;
      std::string name(sym.name);
      ctx.report(*this, b.nameStart, b.nameEnd, "`" + name + "` shadows the builtin `" + name + "` " + where(scope));
      break;
    }
  }
}

} // namespace typhon
