// ClassCreationChecks: the four checks share one implementation, filtered by their rule id.
#include "checkers/classes/ClassCreationChecks.h"

#include "checkers/classes/ClassErrors.h"

namespace typhon {

void ClassCreationCheck::begin(CheckContext &ctx) const {
  const sema::classes::ModuleClasses *classes = ctx.classes();
  if (!classes) return;
  reportClassErrors(ctx, *classes, [&](std::string_view id) { return id == rule().id ? &rule() : nullptr; });
}

} // namespace typhon
