// abstractness-test-via-hasattr: every class created by ABCMeta has `__abstractmethods__` (an
// empty frozenset when nothing is abstract), so `hasattr(cls, "__abstractmethods__")` tells ABCs
// from other classes, not abstract classes from concrete ones. `hasattr` is resolved through the
// binder (the builtin, not a local function). Unsafe fix: `inspect.isabstract(cls)` when the
// module imports `inspect`.
#include "checkers/abc/AbstractnessTestViaHasattr.h"

#include "checkers/names/NamesSupport.h"
#include "checkers/support/FunctionShape.h"
#include "checkers/support/Resolve.h"

#include <cctype>

namespace typhon {

using namespace sema;

namespace {

bool moduleImportsInspect(const SemanticModel &model, const CheckContext &ctx) {
  SymbolId sym = model.lookupLocal(0, "inspect");
  if (sym == kNoId || model.symbol(sym).bindings.empty()) return false;
  for (BindingId b : model.symbol(sym).bindings) {
    const Binding &binding = model.binding(b);
    if (binding.kind != BindingKind::Import || !binding.node.is(NodeKind::DottedName) ||
        ctx.textOf(binding.node) != "inspect")
      return false;
  }
  return true;
}

bool mentionsAbstract(std::string_view text) {
  std::string lower(text);
  for (char &c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower.find("abstract") != std::string::npos || lower.find("instantiate") != std::string::npos;
}

/// Whether the call's result is used as an abstractness verdict: returned from a function whose
/// name says "abstract", assigned to a name saying so, or the condition of an `if` whose branch
/// mentions abstractness/instantiation in a string (e.g. `raise TypeError("abstract class")`).
/// Other uses (is this an ABC? has ABCMeta finished?) are legitimate.
bool usedAsAbstractnessTest(const CheckContext &ctx, Node call) {
  Node n = call;
  Node parent = n.parent();
  while (parent.is(NodeKind::NotOperator) || parent.is(NodeKind::ParenthesizedExpression)) {
    n = parent;
    parent = n.parent();
  }
  if (parent.is(NodeKind::ReturnStatement)) {
    for (Node p = parent.parent(); p; p = p.parent())
      if (p.is(NodeKind::FunctionDefinition)) return mentionsAbstract(ctx.textOf(p.field(FieldId::Name)));
    return false;
  }
  if (parent.is(NodeKind::Assignment) && parent.field(FieldId::Right) == n)
    return mentionsAbstract(ctx.textOf(parent.field(FieldId::Left)));
  if ((parent.is(NodeKind::IfStatement) || parent.is(NodeKind::ElifClause)) && parent.field(FieldId::Condition) == n) {
    bool found = false;
    support::walkOwnScope(parent.field(FieldId::Consequence), [&](Node c) {
      if (c.is(NodeKind::String) && mentionsAbstract(ctx.textOf(c))) found = true;
      return !found;
    });
    return found;
  }
  return false;
}

} // namespace

void AbstractnessTestViaHasattrCheck::begin(CheckContext &ctx) const {
  const SemanticModel *model = names::modelFor(ctx);
  if (!model) return;
  bool inspect = moduleImportsInspect(*model, ctx);
  for (const Reference &ref : model->references()) {
    if (ref.name != "hasattr" || ref.resolution != Resolution::Builtin || names::isQuietReference(ref)) continue;
    Node id(ts_node_descendant_for_byte_range(ctx.module().root().raw(), ref.start, ref.end));
    Node call = id.parent();
    if (!call.is(NodeKind::Call) || !(call.field(FieldId::Function) == id)) continue;
    Node args = call.field(FieldId::Arguments);
    if (!args) continue;
    std::vector<Node> list = args.namedChildren();
    std::erase_if(list, [](Node a) { return a.is(NodeKind::Comment); });
    if (list.size() != 2 || list[0].is(NodeKind::KeywordArgument) || list[0].is(NodeKind::ListSplat)) continue;
    auto name = support::stringLiteral(ctx, list[1]);
    if (!name || *name != "__abstractmethods__" || !usedAsAbstractnessTest(ctx, call)) continue;
    std::optional<Fix> fix;
    if (inspect)
      fix = Fix{Applicability::Unsafe, "Use `inspect.isabstract()`",
                {TextEdit{call.startByte(), call.endByte(),
                          "inspect.isabstract(" + std::string(ctx.textOf(list[0])) + ")"}}};
    ctx.report(*this, call,
               "`hasattr(..., \"__abstractmethods__\")` is true for every class made by ABCMeta, abstract or not: "
               "use `inspect.isabstract()` to test for abstract methods",
               std::move(fix));
  }
}

} // namespace typhon
