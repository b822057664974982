// forward-reference-at-runtime: without `from __future__ import annotations` and before Python
// 3.14, parameter and return annotations are evaluated when the `def` runs. A class named there
// that is bound only later (the enclosing class in its own method signatures, or a class
// defined further down) raises NameError then. The binder marks such reads as evaluated
// annotations with no reaching binding; the fix quotes the annotation (safe: that path raised).
#include "checkers/names/ForwardReferenceAtRuntime.h"

#include "checkers/names/NamesSupport.h"

namespace typhon {

using namespace sema;

namespace {

std::optional<Fix> quoteAnnotation(const CheckContext &ctx, const Reference &ref) {
  Node n(ts_node_descendant_for_byte_range(ctx.module().root().raw(), ref.start, ref.end));
  while (n && !n.is(NodeKind::Type)) n = n.parent();
  if (!n) return std::nullopt;
  std::string_view text = ctx.textOf(n);
  if (text.find_first_of("\"'\n\\#") != std::string_view::npos) return std::nullopt;
  return Fix{Applicability::Safe, "Quote the annotation",
             {TextEdit{n.startByte(), n.endByte(), "\"" + std::string(text) + "\""}}};
}

} // namespace

void ForwardReferenceAtRuntimeCheck::begin(CheckContext &ctx) const {
  const SemanticModel *model = names::modelFor(ctx);
  if (!model || model->futureAnnotations() || model->isStub() || ctx.facts().pythonMinor >= 14) return;
  for (const Reference &ref : model->references()) {
    if (!names::isForwardClassAnnotation(*model, ref)) continue;
    std::string name(ref.name);
    std::string own;
    for (ScopeId s = ref.scope; s != kNoId && runsInline(model->scope(s).kind); s = model->scope(s).parent)
      if (model->scope(s).kind == ScopeKind::Class && model->scope(s).name == ref.name) own = " (its own class)";
    ctx.report(*this, ref.start, ref.end,
               "annotation names class `" + name + "`" + own +
                   " before it is bound; the annotation is evaluated when its statement runs: NameError " +
                   names::evaluationTime(*model, ref.scope) +
                   " (quote it or add `from __future__ import annotations`)",
               quoteAnnotation(ctx, ref));
  }
}

} // namespace typhon
