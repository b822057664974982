// BinderWalk: scopes, frames and the load/bind events that feed the model and the flow state.
#include "semantic/BinderWalk.h"

#include "semantic/Annotations.h"

#include <algorithm>

namespace typhon::sema::detail {

namespace {

std::uint64_t flowKey(std::uint32_t scopeKey, std::uint32_t nameId) {
  return (static_cast<std::uint64_t>(scopeKey) << 32) | nameId;
}

bool isFrameRoot(ScopeKind kind) { return !runsInline(kind); }

bool recordsShadowing(BindingKind kind) {
  return kind == BindingKind::FunctionDef || kind == BindingKind::ClassDef || kind == BindingKind::Import ||
         kind == BindingKind::FromImport;
}

/// `from __future__ import annotations` among the module's leading statements.
bool hasFutureAnnotations(FNode root, std::string_view text) {
  for (FNode s : root.namedChildren()) {
    if (s.is(NodeKind::Comment)) continue;
    if (s.is(NodeKind::ExpressionStatement) && s.namedChild(0).is(NodeKind::String)) continue;
    if (!s.is(NodeKind::FutureImportStatement)) return false;
    for (FNode name : s.fieldAll(FieldId::Name)) {
      FNode n = name.is(NodeKind::AliasedImport) ? name.field(FieldId::Name) : name;
      if (n.text(text) == "annotations") return true;
    }
  }
  return false;
}

} // namespace

BinderWalk::BinderWalk(const ParsedModule &module, const BindOptions &options)
    : module_(module), text_(module.text()), options_(options), tree_(module.root()) {}

WalkResult BinderWalk::run() {
  FNode root = tree_.root();
  out_.futureAnnotations = root && hasFutureAnnotations(root, text_);
  openScope(ScopeKind::Module, root, kModuleKey, "");
  if (root) walkBlock(root);
  recordModuleEnd();
  closeScope();
  out_.names.resize(nameIds_.size());
  for (const auto &[name, id] : nameIds_) out_.names[id] = name;
  return std::move(out_);
}

void BinderWalk::recordModuleEnd() {
  const FlowState &st = state();
  out_.moduleEndReachable = st.reachable();
  if (!st.reachable()) return;
  st.forEachSlot([&](std::uint64_t key, const FlowEntry &entry) {
    if (static_cast<std::uint32_t>(key >> 32) != kModuleKey) return;
    std::span<const Site> sites = entry.sites.view();
    auto begin = static_cast<std::uint32_t>(out_.sitePool.size());
    out_.sitePool.insert(out_.sitePool.end(), sites.begin(), sites.end());
    out_.moduleEnd[static_cast<std::uint32_t>(key)] = {begin, static_cast<std::uint32_t>(sites.size())};
  });
}

std::uint32_t BinderWalk::intern(std::string_view name) {
  auto [it, inserted] = nameIds_.try_emplace(name, static_cast<std::uint32_t>(nameIds_.size()));
  return it->second;
}

bool BinderWalk::annotationsDeferred() const {
  return out_.futureAnnotations || options_.isStub || options_.pythonMinor >= 14;
}

void BinderWalk::openScope(ScopeKind kind, FNode node, std::uint32_t key, std::string_view name) {
  ScopeCtx ctx;
  ctx.key = key;
  ctx.kind = kind;
  ctx.node = node;
  if (!dry_) {
    Scope scope;
    scope.kind = kind;
    scope.parent = scopes_.empty() ? kNoId : scopes_.back().id;
    scope.node = node.node();
    scope.name = name;
    ctx.id = static_cast<ScopeId>(out_.scopes.size());
    out_.scopes.push_back(scope);
    out_.scopeKeys.push_back(key);
  }
  if (scopes_.empty() || isFrameRoot(kind)) {
    frames_.push_back(std::make_unique<Frame>());
    frames_.back()->rootScope = scopes_.size();
  }
  ctx.frame = frames_.size() - 1;
  scopes_.push_back(std::move(ctx));
}

void BinderWalk::closeScope() {
  bool root = frames_.back()->rootScope == scopes_.size() - 1;
  scopes_.pop_back();
  if (root) frames_.pop_back();
}

Declared BinderWalk::declaredIn(const ScopeCtx &scope, std::uint32_t nameId) const {
  for (const auto &[id, kind] : scope.declared)
    if (id == nameId) return kind;
  return Declared::None;
}

std::uint32_t BinderWalk::slotFor(std::size_t scopeIndex, std::uint32_t nameId, Declared declared) {
  const ScopeCtx &scope = scopes_[scopeIndex];
  if (declared == Declared::Nonlocal) return UINT32_MAX;
  if (declared == Declared::Global) {
    // A class body at module level writes the module's namespace in the same frame.
    if (scopes_[0].frame != scope.frame) return UINT32_MAX;
    return state().slot(flowKey(kModuleKey, nameId));
  }
  return state().slot(flowKey(scope.key, nameId));
}

std::uint16_t BinderWalk::bindingContextFlags() const {
  std::uint16_t flags = 0;
  if (typingOnly_) flags |= kBindingTypeCheckingOnly;
  if (importGuarded_) flags |= kBindingImportGuarded;
  return flags;
}

std::uint16_t BinderWalk::referenceContextFlags() const {
  std::uint16_t flags = 0;
  if (deferred_) flags |= kRefDeferred;
  if (typingOnly_) flags |= kRefTypingOnly;
  if (inAnnotation_) flags |= kRefAnnotation;
  if (nameErrorGuarded_) flags |= kRefNameErrorGuarded;
  if (inError_) flags |= kRefInError;
  return flags;
}

FNode BinderWalk::outermostLoop() const {
  const Frame &frame = *frames_.back();
  if (!frame.loops.empty()) return frame.loops.front().node;
  for (std::size_t i = frame.rootScope; i < scopes_.size(); ++i)
    if (scopes_[i].kind == ScopeKind::Comprehension) return scopes_[i].node;
  return FNode();
}

void BinderWalk::load(FNode identifier, std::uint16_t flags) {
  if (dry_ || !identifier) return;
  loadRange(identifier.startByte(), identifier.endByte(), flags);
}

void BinderWalk::loadRange(std::uint32_t start, std::uint32_t end, std::uint16_t flags) {
  if (dry_) return;
  RawReference r;
  r.nameId = intern(text_.substr(start, end - start));
  r.ref.name = text_.substr(start, end - start);
  r.ref.start = start;
  r.ref.end = end;
  r.ref.scope = current().id;
  r.ref.flags = flags | referenceContextFlags();
  FlowState &st = state();
  if (!st.reachable()) r.ref.flags |= kRefUnreachable;
  if (!(r.ref.flags & (kRefDeferred | kRefUnreachable))) {
    r.snapBegin = static_cast<std::uint32_t>(out_.snapshots.size());
    for (std::size_t i = scopes_.size(); i-- > frames_.back()->rootScope;) {
      Snapshot snap;
      snap.scopeKey = scopes_[i].key;
      std::uint32_t slot = st.findSlot(flowKey(snap.scopeKey, r.nameId));
      if (slot != UINT32_MAX) {
        const FlowEntry &entry = st.entry(slot);
        const std::vector<std::uint32_t> &known = frames_.back()->knownGuards;
        bool guarded = entry.guard && std::find(known.begin(), known.end(), entry.guard) != known.end();
        snap.maybeUnbound = entry.maybeUnbound && !guarded;
        snap.sitesBegin = static_cast<std::uint32_t>(out_.sitePool.size());
        std::span<const Site> sites = entry.sites.view();
        out_.sitePool.insert(out_.sitePool.end(), sites.begin(), sites.end());
        snap.sitesCount = static_cast<std::uint32_t>(sites.size());
      }
      out_.snapshots.push_back(snap);
    }
    r.snapCount = static_cast<std::uint32_t>(out_.snapshots.size()) - r.snapBegin;
  }
  out_.references.push_back(r);
}

void BinderWalk::bind(FNode identifier, BindingKind kind, FNode construct, std::uint16_t flags) {
  if (!identifier) return;
  bindRange(identifier.startByte(), identifier.endByte(), kind, construct, flags, scopes_.size() - 1);
}

void BinderWalk::bindRange(std::uint32_t start, std::uint32_t end, BindingKind kind, FNode construct,
                           std::uint16_t flags, std::size_t scopeIndex) {
  std::string_view name = text_.substr(start, end - start);
  std::uint32_t nameId = intern(name);
  const ScopeCtx &scope = scopes_[scopeIndex];
  Declared declared = declaredIn(scope, nameId);
  std::uint32_t slot = slotFor(scopeIndex, nameId, declared);
  FlowState &st = state();
  if (!dry_) {
    RawBinding b;
    b.binding.kind = kind;
    b.binding.flags = flags | bindingContextFlags();
    if (!st.reachable()) b.binding.flags |= kBindingUnreachable;
    b.binding.scope = scope.id;
    b.binding.name = name;
    b.binding.nameStart = start;
    b.binding.nameEnd = end;
    b.binding.node = construct.node();
    b.binding.tryBodyOf = tryBodyOf_;
    b.binding.handlerOf = handlerOf_;
    b.nameId = nameId;
    b.declared = declared;
    if (recordsShadowing(kind) && slot != UINT32_MAX && st.reachable()) {
      std::span<const Site> sites = st.entry(slot).sites.view();
      b.shadowBegin = static_cast<std::uint32_t>(out_.sitePool.size());
      out_.sitePool.insert(out_.sitePool.end(), sites.begin(), sites.end());
      b.shadowCount = static_cast<std::uint32_t>(sites.size());
    }
    out_.bindings.push_back(b);
  }
  if (slot == UINT32_MAX || kind == BindingKind::Annotation) return;
  if (kind == BindingKind::Deletion) return st.unbind(slot);
  st.bind(slot, start);
}

void BinderWalk::unbindName(FNode identifier) {
  std::uint32_t nameId = intern(textOf(identifier));
  Declared declared = declaredIn(current(), nameId);
  std::uint32_t slot = slotFor(scopes_.size() - 1, nameId, declared);
  if (slot != UINT32_MAX) state().unbind(slot);
}

void BinderWalk::bindWalrus(FNode identifier, FNode construct) {
  if (!identifier) return;
  // In a comprehension, `:=` binds in the nearest enclosing function or module.
  std::size_t target = scopes_.size() - 1;
  while (target > 0 && scopes_[target].kind == ScopeKind::Comprehension) --target;
  bindRange(identifier.startByte(), identifier.endByte(), BindingKind::NamedExpression, construct, 0, target);
}

void BinderWalk::walkComment(FNode comment) {
  if (dry_) return;
  for (const AnnotationName &n : namesInTypeComment(comment.node(), text_))
    loadRange(n.start, n.end, kRefDeferred | kRefTypeComment);
}

} // namespace typhon::sema::detail
