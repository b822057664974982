// decorator-without-wraps: a returned wrapper taking `*args, **kwargs` and forwarding them to
// the wrapped callable, with no decorator of its own and no `functools.wraps`/`update_wrapper`
// or `__name__`/`__wrapped__` copying in the decorator: the decorated function loses its name,
// docstring, `__wrapped__` and signature. The unsafe fix adds `@functools.wraps(fn)` (or
// `@wraps(fn)`) when the module imports it at top level.
#include "checkers/decorators/DecoratorWithoutWraps.h"

#include "checkers/decorators/WrapperShape.h"
#include "checkers/names/NamesSupport.h"
#include "checkers/support/FunctionShape.h"

namespace typhon {

using namespace sema;

namespace {

bool forwardsEverything(const CheckContext &ctx, Node wrapper, std::string_view wrapped) {
  bool args = false, kwargs = false;
  for (Node p : wrapper.field(FieldId::Parameters).namedChildren()) {
    Node q = p.is(NodeKind::TypedParameter) ? p.namedChild(0) : p;
    if (q.is(NodeKind::ListSplatPattern)) args = true;
    if (q.is(NodeKind::DictionarySplatPattern)) kwargs = true;
  }
  if (!args || !kwargs) return false;
  bool forwards = false;
  support::walkOwnScope(wrapper.field(FieldId::Body), [&](Node n) {
    if (!n.is(NodeKind::Call) || ctx.textOf(n.field(FieldId::Function)) != wrapped) return !forwards;
    bool splat = false, dsplat = false;
    for (Node a : n.field(FieldId::Arguments).namedChildren()) {
      if (a.is(NodeKind::ListSplat)) splat = true;
      if (a.is(NodeKind::DictionarySplat)) dsplat = true;
    }
    forwards = forwards || (splat && dsplat);
    return !forwards;
  });
  return forwards;
}

/// Whether the decorator mentions `wraps`/`update_wrapper` or a metadata attribute anywhere.
bool copiesMetadata(const CheckContext &ctx, Node decorator) {
  std::vector<Node> stack{decorator};
  while (!stack.empty()) {
    Node n = stack.back();
    stack.pop_back();
    if (n.is(NodeKind::Identifier)) {
      std::string_view t = ctx.textOf(n);
      if (t == "wraps" || t == "update_wrapper" || t == "__name__" || t == "__wrapped__" || t == "__doc__" ||
          t == "__qualname__" || t == "__signature__")
        return true;
      continue;
    }
    for (Node c : n.namedChildren()) stack.push_back(c);
  }
  return false;
}

/// Whether the decorator passes the wrapper to some call (`_wrap(wrapper, fn)`, `register(...)`):
/// a helper may copy the metadata.
bool passedToCall(const CheckContext &ctx, const support::WrapperShape &w) {
  std::string_view name = ctx.textOf(w.wrapper.field(FieldId::Name));
  bool passed = false;
  support::walkOwnScope(w.decorator.field(FieldId::Body), [&](Node n) {
    if (n.is(NodeKind::ArgumentList))
      for (Node a : n.namedChildren())
        if (a.is(NodeKind::Identifier) && ctx.textOf(a) == name) passed = true;
    return !passed;
  });
  return passed;
}

/// How the module-level imports let us spell `functools.wraps`, or empty.
std::string wrapsSpelling(const SemanticModel &model, const CheckContext &ctx) {
  auto only = [&](std::string_view name, BindingKind kind, std::string_view text) {
    SymbolId sym = model.lookupLocal(0, name);
    if (sym == kNoId || model.symbol(sym).bindings.empty()) return false;
    for (BindingId b : model.symbol(sym).bindings) {
      const Binding &binding = model.binding(b);
      if (binding.kind != kind || ctx.textOf(binding.node) != text) return false;
      if (kind == BindingKind::FromImport && ctx.textOf(binding.node.parent().field(FieldId::ModuleName)) != "functools")
        return false;
    }
    return true;
  };
  if (only("functools", BindingKind::Import, "functools")) return "functools.wraps";
  if (only("wraps", BindingKind::FromImport, "wraps")) return "wraps";
  return {};
}

} // namespace

void DecoratorWithoutWrapsCheck::begin(CheckContext &ctx) const {
  const SemanticModel *model = names::modelFor(ctx);
  if (!model || model->isStub()) return;
  std::string wraps;
  bool wrapsKnown = false;
  for (const support::WrapperShape &w : support::findWrappers(ctx)) {
    if (!support::decoratorsOf(w.wrapper).empty() || !forwardsEverything(ctx, w.wrapper, w.wrapped)) continue;
    if (copiesMetadata(ctx, w.decorator) || passedToCall(ctx, w)) continue;
    if (!wrapsKnown) {
      wraps = wrapsSpelling(*model, ctx);
      wrapsKnown = true;
    }
    std::string wrapper(ctx.textOf(w.wrapper.field(FieldId::Name)));
    std::optional<Fix> fix;
    Node def = w.wrapper;
    if (!wraps.empty()) {
      std::string_view text = ctx.text();
      std::uint32_t lineStart = def.startByte();
      while (lineStart > 0 && text[lineStart - 1] != '\n') --lineStart;
      std::string_view indent = text.substr(lineStart, def.startByte() - lineStart);
      if (indent.find_first_not_of(" \t") == std::string_view::npos)
        fix = Fix{Applicability::Unsafe, "Add `@" + wraps + "(" + std::string(w.wrapped) + ")`",
                  {TextEdit{def.startByte(), def.startByte(),
                            "@" + wraps + "(" + std::string(w.wrapped) + ")\n" + std::string(indent)}}};
    }
    ctx.report(*this, def.field(FieldId::Name),
               "wrapper `" + wrapper + "` replaces `" + std::string(w.wrapped) +
                   "` without `functools.wraps`: decorated functions lose their name, docstring, `__wrapped__` and "
                   "signature",
               std::move(fix));
  }
}

} // namespace typhon
