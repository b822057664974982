// type-checking-import-at-runtime: a reference evaluated when the code runs whose every reaching
// binding sits under `if TYPE_CHECKING:` (false at run time). Offers to quote the annotation
// when the reference is in an evaluated annotation.
#include "checkers/names/TypeCheckingImportAtRuntime.h"

#include "checkers/names/NamesSupport.h"

namespace typhon {

using namespace sema;

namespace {

bool allImports(const SemanticModel &model, const Reference &ref) {
  for (BindingId b : model.reaching(ref)) {
    BindingKind kind = model.binding(b).kind;
    if (kind != BindingKind::Import && kind != BindingKind::FromImport) return false;
  }
  return true;
}

/// Quotes the whole annotation holding `ref` when that is simple (one line, no quotes inside).
std::optional<Fix> quoteAnnotation(const CheckContext &ctx, const Reference &ref) {
  Node n(ts_node_descendant_for_byte_range(ctx.module().root().raw(), ref.start, ref.end));
  while (n && !n.is(NodeKind::Type)) n = n.parent();
  if (!n) return std::nullopt;
  std::string_view text = ctx.textOf(n);
  if (text.find_first_of("\"'\n\\") != std::string_view::npos) return std::nullopt;
  return Fix{Applicability::Unsafe, "Quote the annotation",
             {TextEdit{n.startByte(), n.endByte(), "\"" + std::string(text) + "\""}}};
}

} // namespace

void TypeCheckingImportAtRuntimeCheck::begin(CheckContext &ctx) const {
  const SemanticModel *model = names::modelFor(ctx);
  if (!model) return;
  for (const Reference &ref : model->references()) {
    if (ref.flags & (kRefDeferred | kRefTypingOnly | kRefDunderAll)) continue;
    if (names::isQuietReference(ref) || !names::reachesOnlyTypeCheckingBindings(*model, ref)) continue;
    // A module that writes its globals dynamically may bind the name at run time too.
    if (model->scope(0).dynamicNamespace && model->symbol(ref.symbol).scope == 0) continue;
    std::string name(ref.name);
    std::string message = "`" + name + "` is " + (allImports(*model, ref) ? "imported" : "defined") +
                          " only under `if TYPE_CHECKING:` but used at run time: NameError " +
                          names::evaluationTime(*model, ref.scope);
    std::optional<Fix> fix;
    if (ref.flags & kRefAnnotation) {
      message += " (this annotation is evaluated; quote it or add `from __future__ import annotations`)";
      fix = quoteAnnotation(ctx, ref);
    }
    ctx.report(*this, ref.start, ref.end, std::move(message), std::move(fix));
  }
}

} // namespace typhon
