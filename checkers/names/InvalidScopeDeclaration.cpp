// invalid-scope-declaration: the SyntaxErrors of CPython's symbol table about global/nonlocal
// that the binder finds (the parser-level ones are compile-time-syntax-error's).
#include "checkers/names/InvalidScopeDeclaration.h"

#include "semantic/SemanticModel.h"

namespace typhon {

void InvalidScopeDeclarationCheck::begin(CheckContext &ctx) const {
  Node root = ctx.module().root();
  const sema::SemanticModel *model = root && !root.hasError() ? ctx.semantic() : nullptr;
  if (!model) return;
  for (const sema::ScopeError &e : model->scopeErrors()) ctx.report(*this, e.startByte, e.endByte, e.message);
}

} // namespace typhon
