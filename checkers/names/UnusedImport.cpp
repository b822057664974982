// unused-import: import bindings no reference may see. Exempt: __future__, `import X as X`
// re-exports, package __init__ module-level imports, names in __all__ (they are references),
// and modules whose __all__ is not a literal list.
#include "checkers/names/UnusedImport.h"

#include "checkers/names/NamesSupport.h"
#include "checkers/names/StatementEdits.h"

#include <algorithm>
#include <map>
#include <set>

namespace typhon {

using namespace sema;

namespace {

bool isUsed(const SemanticModel &model, BindingId id) {
  if (!model.usesOf(id).empty()) return true;
  const Binding &b = model.binding(id);
  if (b.kind != BindingKind::Import || b.node.is(NodeKind::AliasedImport)) return false;
  // `import a`, `import a.b` and `import a.c` all bind the same module `a`: a read of `a` that
  // sees any of them uses them all.
  for (BindingId other : model.symbol(b.symbol).bindings) {
    const Binding &o = model.binding(other);
    if (o.kind == BindingKind::Import && !o.node.is(NodeKind::AliasedImport) && !model.usesOf(other).empty() &&
        ((o.flags | b.flags) & kBindingDottedImport))
      return true;
  }
  return false;
}

bool isExempt(const SemanticModel &model, const Binding &b) {
  if (b.kind != BindingKind::Import && b.kind != BindingKind::FromImport) return true;
  if (b.flags & (kBindingExplicitReexport | kBindingExternal | kBindingUnreachable)) return true;
  // `from m import __doc__, __version__`: module metadata, read through the module object.
  if (b.name.size() > 4 && b.name.starts_with("__") && b.name.ends_with("__")) return true;
  if (b.scope == 0 && model.isPackageInit()) return true;
  if (b.scope == 0 && model.dunderAll().present && !model.dunderAll().complete) return true;
  return model.scope(b.scope).usesLocals;
}

std::string describe(const CheckContext &ctx, const Binding &b) {
  Node node = b.node;
  Node name = node.is(NodeKind::AliasedImport) ? node.field(FieldId::Name) : node;
  std::string text(ctx.textOf(name));
  if (b.kind == BindingKind::FromImport) {
    Node module = node.parent().field(FieldId::ModuleName);
    std::string from(ctx.textOf(module));
    text = from.ends_with(".") ? from + text : from + "." + text;
  }
  std::string out = "`" + text + "`";
  if (node.is(NodeKind::AliasedImport)) out += " (as `" + std::string(b.name) + "`)";
  return out;
}

struct Unused {
  BindingId binding;
  Node item;
};

} // namespace

void UnusedImportCheck::begin(CheckContext &ctx) const {
  const SemanticModel *model = names::modelFor(ctx);
  if (!model) return;
  // Unused import items grouped by statement, in source order.
  std::map<std::uint32_t, std::pair<Node, std::vector<Unused>>> byStatement;
  for (BindingId id = 0; id < model->bindings().size(); ++id) {
    const Binding &b = model->binding(id);
    if (isExempt(*model, b) || isUsed(*model, id)) continue;
    Node statement = b.node.parent();
    auto &entry = byStatement[statement.startByte()];
    entry.first = statement;
    entry.second.push_back({id, b.node});
  }
  // Statements removed whole, per block: when a block loses all its statements, keep a `pass`.
  std::map<std::uint32_t, std::vector<Node>> wholeByBlock;
  for (auto &[start, entry] : byStatement) {
    std::vector<Node> items = entry.first.fieldAll(FieldId::Name);
    if (items.size() == entry.second.size()) wholeByBlock[entry.first.parent().startByte()].push_back(entry.first);
  }
  std::set<std::uint32_t> keepPass;
  for (auto &[blockStart, statements] : wholeByBlock) {
    Node block = statements.front().parent();
    if (!block.is(NodeKind::Block)) continue;
    std::size_t count = 0;
    for (Node c : block.namedChildren())
      if (!c.is(NodeKind::Comment)) ++count;
    if (count == statements.size()) keepPass.insert(statements.back().startByte());
  }
  for (auto &[start, entry] : byStatement) {
    auto &[statement, unused] = entry;
    std::vector<Node> items = statement.fieldAll(FieldId::Name);
    std::vector<bool> drop(items.size(), false);
    bool guarded = false;
    for (const Unused &u : unused) {
      for (std::size_t i = 0; i < items.size(); ++i)
        if (items[i] == u.item) drop[i] = true;
      guarded = guarded || (model->binding(u.binding).flags & kBindingImportGuarded);
    }
    Fix fix;
    fix.applicability = guarded ? Applicability::Unsafe : Applicability::Safe;
    fix.title = unused.size() == 1 ? "Remove the unused import" : "Remove the unused imports";
    bool whole = std::all_of(drop.begin(), drop.end(), [](bool d) { return d; });
    fix.edits = whole ? names::removeStatement(ctx, statement, keepPass.contains(statement.startByte()))
                      : names::removeListItems(ctx, statement, items, drop);
    for (const Unused &u : unused) {
      const Binding &b = model->binding(u.binding);
      std::string message = describe(ctx, b) + " imported but unused";
      if (b.flags & kBindingImportGuarded)
        message += "; to test whether a module is available, use `importlib.util.find_spec`";
      ctx.report(*this, u.item, std::move(message), fix);
    }
  }
}

} // namespace typhon
