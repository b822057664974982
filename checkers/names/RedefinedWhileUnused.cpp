// redefined-while-unused: a def, class or import whose name still holds an earlier def, class or
// import that no reference ever sees. Exempt: @overload and property accessors, an `except`
// handler's fallback for its `try` body's import, `import a` beside `import a.b`, stubs.
#include "checkers/names/RedefinedWhileUnused.h"

#include "checkers/names/NamesSupport.h"

namespace typhon {

using namespace sema;

namespace {

bool isDefinition(BindingKind kind) {
  return kind == BindingKind::FunctionDef || kind == BindingKind::ClassDef || kind == BindingKind::Import ||
         kind == BindingKind::FromImport;
}

std::string_view describe(BindingKind kind) {
  switch (kind) {
  case BindingKind::FunctionDef: return "function";
  case BindingKind::ClassDef: return "class";
  default: return "import";
  }
}

bool exempt(const Binding &earlier, const Binding &later) {
  // The same definition again on the next iteration of a loop.
  if (earlier.nameStart == later.nameStart) return true;
  // Decorators may register or check what they decorate (`@app.route`, `@dataclass`).
  std::uint16_t flags = earlier.flags | later.flags;
  if (flags & (kBindingOverloadOrAccessor | kBindingTypeCheckingOnly | kBindingUnreachable | kBindingDecorated))
    return true;
  if (earlier.tryBodyOf != kNoId && earlier.tryBodyOf == later.handlerOf) return true;
  if (earlier.kind == BindingKind::Import && later.kind == BindingKind::Import &&
      ((earlier.flags | later.flags) & kBindingDottedImport))
    return true;
  return false;
}

} // namespace

void RedefinedWhileUnusedCheck::begin(CheckContext &ctx) const {
  const SemanticModel *model = names::modelFor(ctx);
  if (!model || model->isStub()) return;
  for (BindingId id = 0; id < model->bindings().size(); ++id) {
    const Binding &later = model->binding(id);
    if (!isDefinition(later.kind) || names::isDummyName(later.name)) continue;
    for (BindingId prev : model->shadowedBy(id)) {
      const Binding &earlier = model->binding(prev);
      if (!isDefinition(earlier.kind) || !model->usesOf(prev).empty() || exempt(earlier, later)) continue;
      std::string message = "`" + std::string(later.name) + "` redefines the unused " +
                            std::string(describe(earlier.kind)) + " from line " +
                            std::to_string(names::lineOf(ctx, earlier.nameStart));
      ctx.report(*this, later.nameStart, later.nameEnd, std::move(message));
      break;
    }
  }
}

} // namespace typhon
