// SemanticModel: position and name queries over the bound module.
#include "semantic/SemanticModel.h"

#include <algorithm>

namespace typhon::sema {

SymbolId SemanticModel::lookupLocal(ScopeId scope, std::string_view name) const {
  auto it = std::lower_bound(symbolIndex_.begin(), symbolIndex_.end(), std::make_pair(scope, name),
                             [](const auto &entry, const auto &key) { return entry.first < key; });
  if (it == symbolIndex_.end() || it->first != std::make_pair(scope, name)) return kNoId;
  return it->second;
}

ScopeId SemanticModel::scopeAt(std::uint32_t offset) const {
  // Scopes are created in pre-order, so the innermost one containing `offset` is the last one.
  ScopeId best = scopes_.empty() ? kNoId : 0;
  for (ScopeId s = 1; s < scopes_.size(); ++s) {
    Node n = scopes_[s].node;
    if (n.startByte() <= offset && offset < n.endByte()) best = s;
  }
  return best;
}

const Reference *SemanticModel::referenceAt(std::uint32_t offset) const {
  auto it = std::upper_bound(referencesByPosition_.begin(), referencesByPosition_.end(), offset,
                             [&](std::uint32_t o, ReferenceId r) { return o < references_[r].start; });
  if (it == referencesByPosition_.begin()) return nullptr;
  const Reference &ref = references_[*std::prev(it)];
  return offset < ref.end ? &ref : nullptr;
}

const Binding *SemanticModel::bindingAt(std::uint32_t offset) const {
  auto it = std::upper_bound(bindingsByPosition_.begin(), bindingsByPosition_.end(), offset,
                             [&](std::uint32_t o, BindingId b) { return o < bindings_[b].nameStart; });
  if (it == bindingsByPosition_.begin()) return nullptr;
  const Binding &b = bindings_[*std::prev(it)];
  return offset < b.nameEnd ? &b : nullptr;
}

ScopeId SemanticModel::frameOf(ScopeId scope) const {
  while (scope != kNoId && runsInline(scopes_[scope].kind) && scopes_[scope].parent != kNoId)
    scope = scopes_[scope].parent;
  return scope;
}

} // namespace typhon::sema
