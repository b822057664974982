// Resolver: turns the binder walk's records into the SemanticModel — symbols per scope, global and
// nonlocal targets, each reference resolved with Python's lookup rules, uses of each binding.
#include "semantic/Binder.h"
#include "semantic/BinderWalk.h"

#include <algorithm>
#include <unordered_map>

namespace typhon::sema {

using detail::Declared;
using detail::RawBinding;
using detail::RawReference;
using detail::WalkResult;

namespace {

bool isRealBinding(BindingKind kind) { return kind != BindingKind::Annotation && kind != BindingKind::Deletion; }

bool isModuleDunder(std::string_view name, bool packageInit) {
  static constexpr std::string_view kNames[] = {"__name__",     "__doc__",  "__package__", "__loader__",
                                                "__spec__",     "__file__", "__cached__",  "__builtins__",
                                                "__annotations__"};
  if (name == "__path__") return packageInit;
  return std::find(std::begin(kNames), std::end(kNames), name) != std::end(kNames);
}

/// Names type checkers provide: `reveal_type(x)` works without an import.
bool isCheckerIntrinsic(std::string_view name) { return name == "reveal_type" || name == "reveal_locals"; }

} // namespace

class ModelBuilder {
public:
  ModelBuilder(WalkResult walk, const BindOptions &options) : walk_(std::move(walk)), options_(options) {
    builtins_ = options.builtins ? options.builtins : &defaultBuiltins();
  }

  SemanticModel build() {
    m_.scopes_ = std::move(walk_.scopes);
    m_.futureAnnotations_ = walk_.futureAnnotations;
    m_.isStub_ = options_.isStub;
    m_.isPackageInit_ = options_.isPackageInit;
    m_.dunderAll_ = std::move(walk_.dunderAll);
    computeFrames();
    createDeclarationSymbols();
    createBindingSymbols();
    resolveNonlocals();
    checkDeclarationOrder();
    indexSites();
    for (std::size_t i = 0; i < walk_.references.size(); ++i) resolveReference(walk_.references[i]);
    finish();
    return std::move(m_);
  }

private:
  std::uint64_t key(ScopeId scope, std::uint32_t nameId) const {
    return (static_cast<std::uint64_t>(scope) << 32) | nameId;
  }

  SymbolId find(ScopeId scope, std::uint32_t nameId) const {
    auto it = symbolIds_.find(key(scope, nameId));
    return it == symbolIds_.end() ? kNoId : it->second;
  }

  SymbolId getOrCreate(ScopeId scope, std::uint32_t nameId) {
    auto [it, inserted] = symbolIds_.try_emplace(key(scope, nameId), static_cast<SymbolId>(m_.symbols_.size()));
    if (inserted) {
      Symbol s;
      s.name = walk_.names[nameId];
      s.scope = scope;
      m_.symbols_.push_back(std::move(s));
      symbolNames_.push_back(nameId);
    }
    return it->second;
  }

  void computeFrames() {
    frame_.resize(m_.scopes_.size());
    depth_.resize(m_.scopes_.size());
    for (ScopeId s = 0; s < m_.scopes_.size(); ++s) {
      ScopeId parent = m_.scopes_[s].parent;
      depth_[s] = parent == kNoId ? 0 : depth_[parent] + 1;
      frame_[s] = runsInline(m_.scopes_[s].kind) && parent != kNoId ? frame_[parent] : s;
    }
  }

  void createDeclarationSymbols() {
    for (detail::RawDeclaration &d : walk_.declarations) {
      if (d.decl.scope == kNoId || m_.scopes_[d.decl.scope].kind == ScopeKind::Module) continue;
      SymbolId sym = getOrCreate(d.decl.scope, d.nameId);
      m_.symbols_[sym].flags |= d.decl.isNonlocal ? kSymbolDeclaredNonlocal : kSymbolDeclaredGlobal;
      d.decl.symbol = sym;
      if (!d.decl.isNonlocal) m_.symbols_[sym].target = getOrCreate(0, d.nameId);
    }
  }

  void createBindingSymbols() {
    m_.bindings_.reserve(walk_.bindings.size());
    for (RawBinding &raw : walk_.bindings) {
      BindingId id = static_cast<BindingId>(m_.bindings_.size());
      Binding &b = raw.binding;
      SymbolId sym = kNoId;
      if (raw.declared == Declared::Global) {
        sym = getOrCreate(0, raw.nameId);
        if (frame_[b.scope] != 0) {
          b.flags |= kBindingExternal;
          m_.symbols_[sym].flags |= kSymbolExternalWrites;
        }
      } else {
        sym = getOrCreate(b.scope, raw.nameId);
        if (raw.declared == Declared::Nonlocal) pendingNonlocal_.push_back(id);
      }
      if (b.kind == BindingKind::Parameter) m_.symbols_[sym].flags |= kSymbolParameter;
      if (b.kind == BindingKind::Annotation) m_.symbols_[sym].flags |= kSymbolAnnotated;
      b.symbol = sym;
      m_.symbols_[sym].bindings.push_back(id);
      m_.bindings_.push_back(b);
    }
  }

  bool hasRealBindings(SymbolId sym) const {
    for (BindingId b : m_.symbols_[sym].bindings)
      if (isRealBinding(m_.bindings_[b].kind)) return true;
    return false;
  }

  bool isLocal(SymbolId sym) const {
    const Symbol &s = m_.symbols_[sym];
    if (s.flags & (kSymbolDeclaredGlobal | kSymbolDeclaredNonlocal)) return false;
    return !s.bindings.empty() || (s.flags & kSymbolParameter);
  }

  void resolveNonlocals() {
    std::vector<detail::RawDeclaration *> nonlocals;
    for (detail::RawDeclaration &d : walk_.declarations)
      if (d.decl.isNonlocal && d.decl.symbol != kNoId) nonlocals.push_back(&d);
    std::stable_sort(nonlocals.begin(), nonlocals.end(),
                     [&](auto *a, auto *b) { return depth_[a->decl.scope] < depth_[b->decl.scope]; });
    for (detail::RawDeclaration *d : nonlocals) {
      Symbol &sym = m_.symbols_[d->decl.symbol];
      if (sym.target != kNoId) continue;
      bool enclosedByFunction = false;
      for (ScopeId s = m_.scopes_[d->decl.scope].parent; s != kNoId; s = m_.scopes_[s].parent) {
        ScopeKind kind = m_.scopes_[s].kind;
        if (kind == ScopeKind::Module) break;
        if (kind != ScopeKind::Function && kind != ScopeKind::Lambda) continue;
        enclosedByFunction = true;
        SymbolId outer = find(s, d->nameId);
        if (outer == kNoId) continue;
        const Symbol &o = m_.symbols_[outer];
        if (o.flags & kSymbolDeclaredGlobal) continue;
        if (o.flags & kSymbolDeclaredNonlocal) {
          if (o.target == kNoId) continue;
          sym.target = o.target;
          break;
        }
        if (o.bindings.empty() && !(o.flags & kSymbolParameter)) continue;
        sym.target = outer;
        m_.symbols_[outer].flags |= kSymbolNonlocalTarget;
        break;
      }
      if (sym.target == kNoId && enclosedByFunction && !isClassCell(d->decl.scope, sym.name)) {
        Node stmt = d->decl.statement;
        m_.scopeErrors_.push_back({stmt.startByte(), stmt.endByte(),
                                   "no binding for nonlocal '" + std::string(sym.name) + "' found"});
      }
    }
    for (BindingId id : pendingNonlocal_) {
      Binding &b = m_.bindings_[id];
      SymbolId local = b.symbol;
      SymbolId target = m_.symbols_[local].target;
      if (target == kNoId) continue;
      auto &list = m_.symbols_[local].bindings;
      list.erase(std::remove(list.begin(), list.end(), id), list.end());
      b.symbol = target;
      b.flags |= kBindingExternal;
      m_.symbols_[target].bindings.push_back(id);
      m_.symbols_[target].flags |= kSymbolExternalWrites;
    }
    for (Symbol &s : m_.symbols_) std::sort(s.bindings.begin(), s.bindings.end());
  }

  /// `nonlocal __class__` in a method names the implicit class cell.
  bool isClassCell(ScopeId scope, std::string_view name) const {
    if (name != "__class__") return false;
    for (ScopeId s = scope; s != kNoId; s = m_.scopes_[s].parent)
      if (m_.scopes_[s].kind == ScopeKind::Class) return true;
    return false;
  }

  /// CPython's symbol-table errors about a name seen before its global/nonlocal declaration.
  void checkDeclarationOrder() {
    if (walk_.declarations.empty()) return;
    struct Seen {
      std::uint32_t declStart = UINT32_MAX;
      bool global = false, nonlocal = false;
      std::uint32_t firstUse = UINT32_MAX, firstAssign = UINT32_MAX, annotated = UINT32_MAX;
      Node annotation;
      bool parameter = false;
      Node statement;
      std::string_view name;
    };
    std::unordered_map<std::uint64_t, Seen> seen;
    for (const detail::RawDeclaration &d : walk_.declarations) {
      if (d.decl.scope == kNoId) continue;
      Seen &s = seen[key(d.decl.scope, d.nameId)];
      (d.decl.isNonlocal ? s.nonlocal : s.global) = true;
      if (d.decl.statement.startByte() < s.declStart) {
        s.declStart = d.decl.statement.startByte();
        s.statement = d.decl.statement;
        s.name = walk_.names[d.nameId];
      }
    }
    for (const RawBinding &raw : walk_.bindings) {
      auto it = seen.find(key(raw.binding.scope, raw.nameId));
      if (it == seen.end()) continue;
      Seen &s = it->second;
      const Binding &b = raw.binding;
      if (b.kind == BindingKind::Parameter) s.parameter = true;
      if ((b.kind == BindingKind::Annotation || b.kind == BindingKind::AnnotatedAssignment) &&
          b.nameStart < s.annotated) {
        s.annotated = b.nameStart;
        s.annotation = b.node;
      }
      else if (b.nameStart < s.declStart)
        s.firstAssign = std::min(s.firstAssign, b.nameStart);
    }
    for (const RawReference &raw : walk_.references) {
      if (raw.ref.flags & (kRefStringAnnotation | kRefTypeComment | kRefDunderAll)) continue;
      auto it = seen.find(key(raw.ref.scope, raw.nameId));
      if (it != seen.end() && raw.ref.start < it->second.declStart)
        it->second.firstUse = std::min(it->second.firstUse, raw.ref.start);
    }
    for (auto &[k, s] : seen) {
      if (s.parameter) continue; // compile-time-syntax-error reports "is parameter and global"
      std::string name(s.name);
      std::string kind = s.global ? "global" : "nonlocal";
      std::string message;
      if (s.global && s.nonlocal)
        message = "name '" + name + "' is nonlocal and global";
      else if (s.firstUse != UINT32_MAX)
        message = "name '" + name + "' is used prior to " + kind + " declaration";
      else if (s.annotated != UINT32_MAX)
        message = "annotated name '" + name + "' can't be " + kind;
      else if (s.firstAssign != UINT32_MAX)
        message = "name '" + name + "' is assigned to before " + kind + " declaration";
      if (message.empty()) continue;
      // CPython reports the statement that completes the conflict: an annotation after the
      // declaration is reported where it stands.
      Node at = s.firstUse == UINT32_MAX && s.annotated != UINT32_MAX && s.annotated > s.declStart && !(s.global && s.nonlocal)
                    ? s.annotation
                    : s.statement;
      m_.scopeErrors_.push_back({at.startByte(), at.endByte(), std::move(message)});
    }
    std::sort(m_.scopeErrors_.begin(), m_.scopeErrors_.end(),
              [](const ScopeError &a, const ScopeError &b) { return a.startByte < b.startByte; });
  }

  void indexSites() {
    for (BindingId id = 0; id < m_.bindings_.size(); ++id)
      if (isRealBinding(m_.bindings_[id].kind)) siteToBinding_.emplace(m_.bindings_[id].nameStart, id);
  }

  void addSites(std::uint32_t begin, std::uint32_t count, std::vector<BindingId> &out) const {
    for (std::uint32_t i = 0; i < count; ++i) {
      auto it = siteToBinding_.find(walk_.sitePool[begin + i]);
      if (it != siteToBinding_.end()) out.push_back(it->second);
    }
  }

  void addAll(SymbolId sym, std::vector<BindingId> &out) const {
    for (BindingId b : m_.symbols_[sym].bindings)
      if (isRealBinding(m_.bindings_[b].kind)) out.push_back(b);
  }

  /// What code running after the module body (functions, deferred annotations) may see of a
  /// module-level name: the bindings reaching the module's end, plus those made by functions
  /// through `global`. Other symbols: every binding.
  void addVisibleLater(SymbolId sym, std::uint32_t nameId, std::vector<BindingId> &out) const {
    auto it = walk_.moduleEnd.find(nameId);
    if (m_.symbols_[sym].scope != 0 || !walk_.moduleEndReachable || it == walk_.moduleEnd.end() ||
        it->second.second == 0)
      return addAll(sym, out);
    addSites(it->second.first, it->second.second, out);
    for (BindingId b : m_.symbols_[sym].bindings)
      if ((m_.bindings_[b].flags & kBindingExternal) && isRealBinding(m_.bindings_[b].kind)) out.push_back(b);
  }

  bool isImplicit(std::string_view name, ScopeId scope) const {
    if (isModuleDunder(name, options_.isPackageInit) || isCheckerIntrinsic(name)) return true;
    if (m_.scopes_[0].installsGettext && (name == "_" || name == "ngettext" || name == "pgettext" || name == "npgettext"))
      return true;
    ScopeKind kind = m_.scopes_[scope].kind;
    if (kind == ScopeKind::Class && (name == "__module__" || name == "__qualname__" || name == "__firstlineno__"))
      return true;
    if (name != "__class__") return false;
    bool inFunction = false;
    for (ScopeId s = scope; s != kNoId; s = m_.scopes_[s].parent) {
      if (m_.scopes_[s].kind == ScopeKind::Function || m_.scopes_[s].kind == ScopeKind::Lambda) inFunction = true;
      if (m_.scopes_[s].kind == ScopeKind::Class && inFunction) return true;
    }
    return false;
  }

  bool isBuiltin(std::string_view name) const { return builtins_->contains(name, options_.pythonMinor); }

  /// Resolution when no scope binds the name.
  void resolveUnbound(Reference &ref, SymbolId hiddenClass) const {
    const Scope &module = m_.scopes_[0];
    if (isBuiltin(ref.name))
      ref.resolution = Resolution::Builtin;
    else if (isImplicit(ref.name, ref.scope))
      ref.resolution = Resolution::Implicit;
    else if (module.hasUnresolvedStarImport || module.dynamicNamespace || hasStarImportOnPath(ref.scope))
      ref.resolution = Resolution::Dynamic;
    else if (hiddenClass != kNoId) {
      ref.resolution = Resolution::ClassScopeHidden;
      ref.symbol = hiddenClass;
    } else
      ref.resolution = Resolution::Unresolved;
  }

  bool hasStarImportOnPath(ScopeId scope) const {
    for (ScopeId s = scope; s != kNoId; s = m_.scopes_[s].parent)
      if (m_.scopes_[s].hasUnresolvedStarImport) return true;
    return false;
  }

  const detail::Snapshot *snapshotFor(const RawReference &raw, ScopeId scope) const {
    std::uint32_t k = walk_.scopeKeys[scope];
    for (std::uint32_t i = 0; i < raw.snapCount; ++i)
      if (walk_.snapshots[raw.snapBegin + i].scopeKey == k) return &walk_.snapshots[raw.snapBegin + i];
    return nullptr;
  }

  static Boundness boundnessOf(const detail::Snapshot &snap) {
    if (snap.sitesCount == 0) return Boundness::Unbound;
    return snap.maybeUnbound ? Boundness::PossiblyUnbound : Boundness::Bound;
  }

  Resolution kindFor(ScopeId found, ScopeId from) const {
    if (found == from) return Resolution::Local;
    return m_.scopes_[found].kind == ScopeKind::Module ? Resolution::Global : Resolution::Enclosing;
  }

  void resolveDeferred(const RawReference &raw, Reference &ref, std::vector<BindingId> &reaching) const {
    for (ScopeId s = ref.scope; s != kNoId; s = m_.scopes_[s].parent) {
      SymbolId sym = find(s, raw.nameId);
      if (sym == kNoId) continue;
      SymbolId target = m_.symbols_[sym].target != kNoId ? m_.symbols_[sym].target : sym;
      if (!hasRealBindings(target) && !(m_.symbols_[target].flags & kSymbolParameter)) continue;
      ref.symbol = target;
      ref.resolution = kindFor(m_.symbols_[target].scope, ref.scope);
      addVisibleLater(target, raw.nameId, reaching);
      return;
    }
    resolveUnbound(ref, kNoId);
  }

  /// LOAD_NAME in a class or module body when the name may be unbound there: globals, builtins.
  void loadNameFallback(const RawReference &raw, Reference &ref, ScopeId scope, std::vector<BindingId> &reaching) const {
    bool fromClass = m_.scopes_[scope].kind == ScopeKind::Class;
    SymbolId module = fromClass ? find(0, raw.nameId) : kNoId;
    Boundness fallback = Boundness::Unbound;
    if (module != kNoId && (hasRealBindings(module) || (m_.symbols_[module].flags & kSymbolExternalWrites))) {
      const detail::Snapshot *snap = snapshotFor(raw, 0);
      if (snap && !(m_.symbols_[module].flags & kSymbolExternalWrites)) {
        addSites(snap->sitesBegin, snap->sitesCount, reaching);
        fallback = boundnessOf(*snap);
      } else {
        addAll(module, reaching);
        fallback = Boundness::Bound;
      }
      if (ref.boundness == Boundness::Unbound) {
        ref.symbol = module;
        ref.resolution = Resolution::Global;
      }
    } else if (isBuiltin(ref.name) || isImplicit(ref.name, ref.scope)) {
      fallback = Boundness::Bound;
      if (ref.boundness == Boundness::Unbound) {
        ref.symbol = kNoId;
        ref.resolution = isBuiltin(ref.name) ? Resolution::Builtin : Resolution::Implicit;
      }
    }
    if (fallback == Boundness::Bound)
      ref.boundness = Boundness::Bound;
    else if (fallback == Boundness::PossiblyUnbound || ref.boundness == Boundness::PossiblyUnbound)
      ref.boundness = Boundness::PossiblyUnbound;
  }

  void resolveRuntime(const RawReference &raw, Reference &ref, std::vector<BindingId> &reaching) const {
    bool crossed = false;
    ScopeId prev = kNoId;
    SymbolId hidden = kNoId;
    for (ScopeId s = ref.scope; s != kNoId; prev = s, s = m_.scopes_[s].parent) {
      const Scope &scope = m_.scopes_[s];
      SymbolId sym = find(s, raw.nameId);
      bool skip = false;
      if (scope.kind == ScopeKind::Class && s != ref.scope) {
        bool annotationScopeInClass = prev == ref.scope && m_.scopes_[prev].kind == ScopeKind::TypeParameters;
        skip = !annotationScopeInClass;
        if (skip && sym != kNoId && hidden == kNoId && hasRealBindings(sym)) hidden = sym;
      }
      if (!skip && sym != kNoId && resolveIn(raw, ref, s, sym, crossed, reaching)) return;
      if (!runsInline(scope.kind)) crossed = true;
    }
    resolveUnbound(ref, hidden);
  }

  /// Tries to resolve `ref` to `sym` of scope `s`; false to keep looking outward.
  bool resolveIn(const RawReference &raw, Reference &ref, ScopeId s, SymbolId sym, bool crossed,
                 std::vector<BindingId> &reaching) const {
    const Symbol &symbol = m_.symbols_[sym];
    if (symbol.flags & (kSymbolDeclaredGlobal | kSymbolDeclaredNonlocal)) {
      SymbolId target = symbol.target;
      if (target == kNoId || (!hasRealBindings(target) && !(m_.symbols_[target].flags & kSymbolExternalWrites))) {
        if (symbol.flags & kSymbolDeclaredNonlocal) {
          ref.symbol = target;
          ref.resolution = Resolution::Enclosing;
          return true;
        }
        resolveUnbound(ref, kNoId);
        return true;
      }
      ref.symbol = target;
      ref.resolution = (symbol.flags & kSymbolDeclaredGlobal) ? Resolution::Global : Resolution::Enclosing;
      addVisibleLater(target, raw.nameId, reaching);
      return true;
    }
    if (!isLocal(sym)) return false;
    if (crossed) {
      if (!hasRealBindings(sym) && !(symbol.flags & (kSymbolParameter | kSymbolExternalWrites))) return false;
      ref.symbol = sym;
      ref.resolution = kindFor(s, ref.scope);
      addVisibleLater(sym, raw.nameId, reaching);
      return true;
    }
    const detail::Snapshot *snap = snapshotFor(raw, s);
    ref.symbol = sym;
    ref.resolution = kindFor(s, ref.scope);
    if (!snap) {
      addAll(sym, reaching);
      return true;
    }
    addSites(snap->sitesBegin, snap->sitesCount, reaching);
    ref.boundness = boundnessOf(*snap);
    if ((symbol.flags & kSymbolExternalWrites) && ref.boundness != Boundness::Bound) ref.boundness = Boundness::Unknown;
    ScopeKind kind = m_.scopes_[s].kind;
    bool loadName = kind == ScopeKind::Class || kind == ScopeKind::Module;
    if (loadName && (ref.boundness == Boundness::Unbound || ref.boundness == Boundness::PossiblyUnbound))
      loadNameFallback(raw, ref, s, reaching);
    return true;
  }

  void resolveReference(const RawReference &raw) {
    Reference ref = raw.ref;
    std::vector<BindingId> &reaching = scratch_;
    reaching.clear();
    if (ref.flags & (kRefDeferred | kRefUnreachable))
      resolveDeferred(raw, ref, reaching);
    else
      resolveRuntime(raw, ref, reaching);
    std::sort(reaching.begin(), reaching.end());
    reaching.erase(std::unique(reaching.begin(), reaching.end()), reaching.end());
    ref.reachingBegin = static_cast<std::uint32_t>(m_.reachingPool_.size());
    ref.reachingCount = static_cast<std::uint32_t>(reaching.size());
    m_.reachingPool_.insert(m_.reachingPool_.end(), reaching.begin(), reaching.end());
    ReferenceId id = static_cast<ReferenceId>(m_.references_.size());
    if (ref.symbol != kNoId && ref.resolution != Resolution::ClassScopeHidden)
      m_.symbols_[ref.symbol].references.push_back(id);
    m_.references_.push_back(ref);
  }

  void finish() {
    // Uses of each binding (CSR over the reaching sets).
    std::size_t n = m_.bindings_.size();
    m_.usesBegin_.assign(n + 1, 0);
    for (const Reference &r : m_.references_)
      for (std::uint32_t i = 0; i < r.reachingCount; ++i) ++m_.usesBegin_[m_.reachingPool_[r.reachingBegin + i] + 1];
    for (std::size_t i = 0; i < n; ++i) m_.usesBegin_[i + 1] += m_.usesBegin_[i];
    m_.usesPool_.resize(m_.usesBegin_[n]);
    std::vector<std::uint32_t> fill(m_.usesBegin_.begin(), m_.usesBegin_.end() - 1);
    for (ReferenceId id = 0; id < m_.references_.size(); ++id) {
      const Reference &r = m_.references_[id];
      for (std::uint32_t i = 0; i < r.reachingCount; ++i) m_.usesPool_[fill[m_.reachingPool_[r.reachingBegin + i]]++] = id;
    }
    // Bindings shadowed by each def/class/import.
    m_.shadowBegin_.assign(n + 1, 0);
    std::vector<BindingId> shadowed;
    for (BindingId id = 0; id < n; ++id) {
      const RawBinding &raw = walk_.bindings[id];
      shadowed.clear();
      addSites(raw.shadowBegin, raw.shadowCount, shadowed);
      m_.shadowPool_.insert(m_.shadowPool_.end(), shadowed.begin(), shadowed.end());
      m_.shadowBegin_[id + 1] = static_cast<std::uint32_t>(m_.shadowPool_.size());
    }
    for (std::size_t i = 0; i < walk_.declarations.size(); ++i) m_.declarations_.push_back(walk_.declarations[i].decl);
    // Position indexes.
    m_.bindingsByPosition_.resize(n);
    for (BindingId i = 0; i < n; ++i) m_.bindingsByPosition_[i] = i;
    std::sort(m_.bindingsByPosition_.begin(), m_.bindingsByPosition_.end(), [&](BindingId a, BindingId b) {
      return m_.bindings_[a].nameStart < m_.bindings_[b].nameStart;
    });
    m_.referencesByPosition_.resize(m_.references_.size());
    for (ReferenceId i = 0; i < m_.references_.size(); ++i) m_.referencesByPosition_[i] = i;
    std::sort(m_.referencesByPosition_.begin(), m_.referencesByPosition_.end(), [&](ReferenceId a, ReferenceId b) {
      return m_.references_[a].start < m_.references_[b].start;
    });
    m_.symbolIndex_.reserve(m_.symbols_.size());
    for (SymbolId i = 0; i < m_.symbols_.size(); ++i)
      m_.symbolIndex_.push_back({{m_.symbols_[i].scope, m_.symbols_[i].name}, i});
    std::sort(m_.symbolIndex_.begin(), m_.symbolIndex_.end());
  }

  WalkResult walk_;
  BindOptions options_;
  const BuiltinNames *builtins_ = nullptr;
  SemanticModel m_;
  std::unordered_map<std::uint64_t, SymbolId> symbolIds_;
  std::vector<std::uint32_t> symbolNames_;
  std::vector<ScopeId> frame_;
  std::vector<std::uint32_t> depth_;
  std::vector<BindingId> pendingNonlocal_;
  std::unordered_map<std::uint32_t, BindingId> siteToBinding_;
  std::vector<BindingId> scratch_;
};

SemanticModel bindModule(const ParsedModule &module, const BindOptions &options) {
  detail::BinderWalk walk(module, options);
  return ModelBuilder(walk.run(), options).build();
}

BindOptions bindOptionsFor(std::string_view path, int pythonMinor) {
  BindOptions options;
  options.pythonMinor = pythonMinor;
  std::size_t slash = path.find_last_of("/\\");
  std::string_view file = slash == std::string_view::npos ? path : path.substr(slash + 1);
  options.isStub = file.ends_with(".pyi");
  options.isPackageInit = file == "__init__.py" || file == "__init__.pyi";
  return options;
}

} // namespace typhon::sema
