// possibly-unbound: a read reached by some paths that bind the name and some that do not.
#include "checkers/names/PossiblyUnbound.h"

#include "checkers/names/NamesSupport.h"

#include <set>

namespace typhon {

using namespace sema;

namespace {

bool boundOnlyByLoops(const SemanticModel &model, const Reference &ref) {
  std::span<const BindingId> reaching = model.reaching(ref);
  if (reaching.empty()) return false;
  for (BindingId b : reaching) {
    BindingKind kind = model.binding(b).kind;
    if (kind != BindingKind::ForTarget && kind != BindingKind::ComprehensionTarget) return false;
  }
  return true;
}

} // namespace

void PossiblyUnboundCheck::begin(CheckContext &ctx) const {
  const SemanticModel *model = names::modelFor(ctx);
  if (!model) return;
  // One report per name: the first read; later ones follow from the same paths.
  std::set<SymbolId> reported;
  for (const Reference &ref : model->references()) {
    if (ref.boundness != Boundness::PossiblyUnbound || names::isQuietReference(ref)) continue;
    // A name only bound under `if TYPE_CHECKING:` is type-checking-import-at-runtime's.
    if (names::reachesOnlyTypeCheckingBindings(*model, ref)) continue;
    // `del name` after a loop cleans up its variable; the loop is taken to have run.
    bool loopOnly = boundOnlyByLoops(*model, ref);
    if ((ref.flags & kRefDelete) && loopOnly) continue;
    if (ref.symbol != kNoId && !reported.insert(ref.symbol).second) continue;
    std::string name(ref.name);
    std::string message = "`" + name + "` is possibly unbound: ";
    message += loopOnly ? "the loop that binds it may run zero times"
                                             : "some paths to this line do not bind it";
    ctx.report(*this, ref.start, ref.end, std::move(message));
  }
}

} // namespace typhon
