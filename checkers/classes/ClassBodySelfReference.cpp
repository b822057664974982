// class-body-self-reference: the class statement binds its name only after the body has run, so
// a read of that name from the body itself (or from a default, decorator or nested class body
// evaluated there) finds nothing bound: NameError when the class is created. The binder decides:
// the read runs inline in the class body, no binding of the name reaches it, and the symbol it
// resolves to is the one this class statement binds. Evaluated annotations are left to
// forward-reference-at-runtime.
#include "checkers/classes/ClassBodySelfReference.h"

#include "checkers/names/NamesSupport.h"

namespace typhon {

using namespace sema;

void ClassBodySelfReferenceCheck::begin(CheckContext &ctx) const {
  const SemanticModel *model = names::modelFor(ctx);
  if (!model) return;
  for (const Reference &ref : model->references()) {
    ScopeId cls = names::classReadingItsOwnName(*model, ref);
    if (cls == kNoId) continue;
    std::string name(ref.name);
    std::string when = names::evaluationTime(*model, ref.scope);
    ctx.report(*this, ref.start, ref.end,
               "`" + name + "` is read while the body of class `" + name +
                   "` executes, before the class statement binds the name: NameError when the class is created (" +
                   when + ")");
  }
}

} // namespace typhon
