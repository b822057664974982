// class-scope-name-in-nested-scope: a name bound only in an enclosing class body, read from a
// method, lambda or comprehension (whose lookups skip class scopes).
#include "checkers/names/ClassScopeNameInNestedScope.h"

#include "checkers/names/NamesSupport.h"

namespace typhon {

using namespace sema;

void ClassScopeNameInNestedScopeCheck::begin(CheckContext &ctx) const {
  const SemanticModel *model = names::modelFor(ctx);
  if (!model) return;
  for (const Reference &ref : model->references()) {
    if (ref.resolution != Resolution::ClassScopeHidden || names::isQuietReference(ref)) continue;
    const Scope &cls = model->scope(model->symbol(ref.symbol).scope);
    std::string name(ref.name);
    std::string className(cls.name);
    ScopeId frame = model->frameOf(ref.scope);
    bool later = frame != kNoId && model->scope(frame).kind != ScopeKind::Module &&
                 model->scope(frame).kind != ScopeKind::Class && frame != model->frameOf(model->symbol(ref.symbol).scope);
    std::string message = "`" + name + "` is bound in the body of class `" + className +
                          "`, which nested functions, lambdas and comprehensions do not see: NameError " +
                          names::evaluationTime(*model, ref.scope);
    // Qualifying works when the class exists by the time the code runs (a method, not a
    // comprehension running inside the class body) and is reachable by name (a module-level class).
    bool topLevelClass = cls.parent == 0;
    if (!later || !topLevelClass || (ref.flags & kRefDeferred)) {
      ctx.report(*this, ref.start, ref.end, std::move(message));
      continue;
    }
    Fix fix{Applicability::Unsafe, "Qualify as `" + className + "." + name + "`",
            {TextEdit{ref.start, ref.end, className + "." + name}}};
    ctx.report(*this, ref.start, ref.end, std::move(message), std::move(fix));
  }
}

} // namespace typhon
