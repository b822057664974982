// ClassFacts: what CPython computes when it creates a class, in its order — __mro_entries__,
// the metaclass (builtins.__build_class__ / _PyType_CalculateMetaclass), the best base and
// instance layout (best_base / solid_base), duplicate bases and the C3 merge (mro_implementation).
#include "semantic/classes/Layout.h"
#include "semantic/classes/Resolve.h"

#include "semantic/ModuleGraph.h"

#include <algorithm>
#include <unordered_set>

namespace typhon::sema::classes {

using detail::Value;

namespace {

struct RefHash {
  std::size_t operator()(const ClassRef &r) const {
    return std::hash<const void *>{}(r.module) ^ (std::hash<std::uint32_t>{}(r.index) * 31);
  }
};

/// Classes whose facts are being computed on this thread (a base cycle makes them unknown).
thread_local std::unordered_set<ClassRef, RefHash> inProgress;
thread_local int nesting = 0;

ClassFacts unknownFacts(std::string why) {
  ClassFacts f;
  f.known = false;
  f.unknownReason = std::move(why);
  return f;
}

/// Whether `a` is a subclass of `b` (nullopt when a's MRO is not known).
std::optional<bool> isSubclass(ClassRef a, ClassRef b) {
  if (a == b) return true;
  const ClassFacts &fa = a.facts();
  if (!fa.known || fa.error) return std::nullopt;
  return std::find(fa.mro.begin(), fa.mro.end(), b) != fa.mro.end();
}

std::string names(const std::vector<ClassRef> &refs) {
  std::string out;
  for (const ClassRef &r : refs) {
    if (!out.empty()) out += ", ";
    out += r.info().name;
  }
  return out;
}

/// A metaclass that may do something else than type.__new__ before the class exists — raise its
/// own TypeError from __prepare__ or __new__, change the bases, compute another MRO. Transparent:
/// `type`, `abc.ABCMeta` (its __new__ calls type.__new__ with the same arguments first), and
/// metaclasses from analysed source whose bodies define none of __prepare__, __new__, __call__ and
/// mro. Any other stdlib metaclass (EnumType, typing's _ProtocolMeta on 3.12+, ...) is not
/// modelled.
bool customizesCreation(ClassRef meta) {
  const ClassFacts &f = meta.facts();
  if (!f.known || f.error) return true;
  for (const ClassRef &c : f.mro) {
    std::string full = c.fullName();
    if (full == "builtins.type" || full == "builtins.object" || full == "abc.ABCMeta") continue;
    if (c.module->fromTypeshed()) return true;
    if (detail::isTypingShim(c)) {
      if (c.info().name == "_ProtocolMeta") continue; // checked by protocolBasesOk
      return true;
    }
    const ClassInfo &info = c.info();
    const SemanticModel &sem = c.module->semantic();
    for (std::string_view m : {"__prepare__", "__new__", "__call__", "mro"})
      if (info.definesMember(sem, m)) return true;
  }
  return false;
}

/// typing._ProtocolMeta.__new__ (3.12+) and Protocol.__init_subclass__ reject a protocol with a
/// base that is not a protocol: only the cases where every base is object, Generic, Protocol or a
/// class that lists Protocol among its own bases are modelled.
bool protocolBasesOk(const std::vector<ClassRef> &bases, ClassRef protocol, ClassRef generic, ClassRef object) {
  if (std::find(bases.begin(), bases.end(), protocol) == bases.end()) return true;
  for (const ClassRef &b : bases) {
    if (b == protocol || b == generic || b == object) continue;
    const ClassFacts &f = b.facts();
    if (b.module->fromTypeshed() ||
        std::find(f.bases.begin(), f.bases.end(), protocol) == f.bases.end())
      return false;
  }
  return true;
}

class FactsBuilder {
public:
  explicit FactsBuilder(ClassRef self) : self_(self), info_(self.info()), mc_(*self.module) {}

  ClassFacts run() {
    ClassFacts f = compute();
    f.writtenBases = std::move(written_);
    return f;
  }

private:
  ClassFacts compute() {
    ClassModel &model = mc_.owner();
    if (info_.hasStarArguments) return unknownFacts("the class statement has `*` or `**` arguments");
    bool stub = mc_.semantic().isStub();
    bool typeshed = mc_.fromTypeshed();
    if (typeshed && detail::untrustedStubModule(mc_.moduleName()))
      return unknownFacts("typeshed's `" + mc_.moduleName() + "` describes static types, not the runtime classes");
    if (info_.node.hasError()) return unknownFacts("the class statement has syntax errors");

    // Bases as written, then __mro_entries__.
    std::vector<BaseExpr> &written = written_;
    written = info_.bases;
    ClassRef generic = detail::typingShim(model, "Generic");
    ClassRef protocol = detail::typingShim(model, "Protocol");
    bool explicitGeneric = false;
    for (BaseExpr &b : written) {
      Node expr = b.node;
      bool subscript = expr.is(NodeKind::Subscript);
      Value v = detail::resolveExpression(mc_, subscript ? expr.field(FieldId::Value) : expr);
      if (v.kind != Value::Kind::Class) {
        b.status = BaseStatus::Unknown;
        b.why = v.kind == Value::Kind::Unknown ? v.why : "`" + std::string(b.text) + "` is not a class";
        if (typeshed && v.kind == Value::Kind::Unknown && b.why.empty()) b.why = "unresolved";
        return unknownFacts("base `" + std::string(b.text) + "`: " + b.why);
      }
      b.cls = v.cls;
      if (subscript) {
        if (v.cls == generic || v.cls == protocol) {
          b.status = BaseStatus::MroEntries;
          explicitGeneric = explicitGeneric || v.cls == generic;
        } else if (stub) {
          b.status = BaseStatus::Class; // `dict[_KT, _VT]` in a stub: the class itself
        } else {
          Node value = expr.field(FieldId::Value);
          const Reference *ref = value.is(NodeKind::Identifier) ? mc_.semantic().referenceAt(value.startByte()) : nullptr;
          std::string_view n = v.cls.info().name;
          if (ref && ref->resolution == Resolution::Builtin && v.cls.module->moduleName() == "builtins" &&
              (n == "list" || n == "dict" || n == "tuple" || n == "set" || n == "frozenset" || n == "type")) {
            b.status = BaseStatus::Class; // types.GenericAlias: __mro_entries__ gives the class
          } else if (!v.cls.module->fromTypeshed() && !detail::isTypingShim(v.cls)) {
            const ClassFacts &of = v.cls.facts();
            if (!of.known || of.error || std::find(of.mro.begin(), of.mro.end(), generic) == of.mro.end())
              return unknownFacts("base `" + std::string(b.text) + "` subscripts a class that is not known to be generic");
            b.status = BaseStatus::MroEntries; // typing._GenericAlias of a user generic class
          } else {
            return unknownFacts("base `" + std::string(b.text) + "` is a subscript whose __mro_entries__ is not modelled");
          }
        }
      } else {
        b.status = BaseStatus::Class;
        if (v.cls == generic && !stub && !detail::isTypingShim(self_)) return unknownFacts("plain `Generic` cannot be a base");
      }
    }
    if (info_.hasTypeParameters) {
      if (explicitGeneric) return unknownFacts("`Generic[...]` with a type parameter list");
      BaseExpr implicit;
      implicit.status = BaseStatus::MroEntries;
      implicit.cls = generic;
      written.push_back(implicit);
    }
    std::vector<ClassRef> bases;
    std::vector<std::size_t> baseIndex; // index into written
    bool bareProtocol = std::any_of(written.begin(), written.end(), [&](const BaseExpr &b) {
      return b.status == BaseStatus::Class && b.cls == protocol && !b.node.is(NodeKind::Subscript);
    });
    for (std::size_t i = 0; i < written.size(); ++i) {
      const BaseExpr &b = written[i];
      if (stub) {
        // Typeshed's generic/protocol bases of stdlib classes are static-typing devices.
        if (b.cls == generic || b.cls == protocol) continue;
        if (!b.cls.module->fromTypeshed() || !detail::untrustedStubModule(b.cls.module->moduleName())) {
          bases.push_back(b.cls);
          baseIndex.push_back(i);
          continue;
        }
        if (mc_.moduleName() == "builtins") continue; // builtins' ABC bases are registrations
        return unknownFacts("base `" + std::string(b.text) + "` is declared only for type checkers");
      }
      if (b.status == BaseStatus::MroEntries && b.cls == generic) {
        // typing: Generic[...] gives () when Protocol is a base or a later base is a typing alias.
        bool later = false;
        for (std::size_t j = i + 1; j < written.size(); ++j)
          if (written[j].status == BaseStatus::MroEntries) later = true;
        if (bareProtocol || later) continue;
      }
      // Protocol[...] and a user generic alias `Base[T]` give their origin (typing._GenericAlias).
      bases.push_back(b.cls);
      baseIndex.push_back(i);
    }
    ClassFacts facts;
    facts.known = true;
    ClassRef object = model.builtin("object");
    ClassRef type = model.builtin("type");
    if (!object || !type) return unknownFacts("builtins cannot be loaded");
    bool isObject = self_ == object;

    for (const ClassRef &b : bases) {
      const ClassFacts &bf = b.facts();
      if (!bf.known) return unknownFacts("base `" + b.info().name + "` is not known (" + bf.unknownReason + ")");
      if (bf.error) return unknownFacts("base `" + b.info().name + "` cannot be created");
    }

    // Metaclass: explicit `metaclass=` (a class) or type(bases[0]), then the most derived.
    ClassRef meta = type;
    if (!info_.metaclassExpr.isNull()) {
      Value v = detail::resolveExpression(mc_, info_.metaclassExpr);
      if (v.kind != Value::Kind::Class) return unknownFacts("the metaclass is not known to be a class");
      meta = v.cls;
    } else if (!bases.empty()) {
      meta = bases.front().facts().metaclass;
    }
    if (!meta) return unknownFacts("the metaclass of a base is not known");
    ClassRef winner = meta;
    for (std::size_t i = 0; i < bases.size(); ++i) {
      ClassRef t = bases[i].facts().metaclass;
      if (!t) return unknownFacts("the metaclass of base `" + bases[i].info().name + "` is not known");
      std::optional<bool> sub = isSubclass(winner, t);
      if (!sub) return unknownFacts("the metaclass `" + winner.info().name + "` is not known");
      if (*sub) continue;
      std::optional<bool> rev = isSubclass(t, winner);
      if (!rev) return unknownFacts("the metaclass `" + t.info().name + "` is not known");
      if (*rev) {
        winner = t;
        continue;
      }
      ClassError e;
      e.kind = ClassError::Kind::MetaclassConflict;
      e.message = "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the "
                  "metaclasses of all its bases";
      e.involved = {winner, t};
      e.baseIndex = baseIndex[i];
      facts.bases = bases;
      facts.error = std::move(e);
      return facts;
    }
    if (winner != type && !isSubclass(winner, type).value_or(false))
      return unknownFacts("the metaclass `" + winner.info().name + "` is not known to derive from type");
    facts.metaclass = winner;
    // Stub classes exist at run time whatever their metaclass does; for analysed classes only
    // transparent metaclasses leave the remaining errors and the MRO to type.__new__.
    if (!typeshed && winner != type && !detail::isTypingShim(self_) && customizesCreation(winner))
      return unknownFacts("the metaclass `" + winner.info().name + "` customizes class creation");
    if (!typeshed && !detail::isTypingShim(self_) && !protocolBasesOk(bases, protocol, generic, object))
      return unknownFacts("a protocol with a base that is not a protocol");

    // best_base: acceptable bases and a common instance layout.
    std::vector<ClassRef> effective = bases;
    if (effective.empty() && !isObject) effective.push_back(object);
    ClassRef bestSolid;
    ClassRef bestBase;
    for (std::size_t i = 0; i < effective.size(); ++i) {
      const ClassRef &b = effective[i];
      const LayoutFacts layout = layoutOf(b);
      if (!layout.known) return unknownFacts("the instance layout of `" + b.info().name + "` is not known");
      if (!layout.acceptsSubclasses) {
        if (b.module->moduleName() != "builtins")
          return unknownFacts("`" + b.info().name + "` does not accept subclasses");
        ClassError e;
        e.kind = ClassError::Kind::NotAcceptableBase;
        e.message = "type '" + b.info().name + "' is not an acceptable base type";
        e.involved = {b};
        e.baseIndex = i < baseIndex.size() ? baseIndex[i] : SIZE_MAX;
        facts.bases = bases;
        facts.error = std::move(e);
        return facts;
      }
      ClassRef candidate = b.facts().solidBase;
      if (!candidate) return unknownFacts("the instance layout of `" + b.info().name + "` is not known");
      if (!bestSolid) {
        bestSolid = candidate;
        bestBase = b;
        continue;
      }
      std::optional<bool> sub = isSubclass(bestSolid, candidate);
      if (!sub) return unknownFacts("the layout class `" + bestSolid.info().name + "` is not known");
      if (*sub) continue;
      std::optional<bool> rev = isSubclass(candidate, bestSolid);
      if (!rev) return unknownFacts("the layout class `" + candidate.info().name + "` is not known");
      if (*rev) {
        bestSolid = candidate;
        bestBase = b;
        continue;
      }
      ClassError e;
      e.kind = ClassError::Kind::LayoutConflict;
      e.message = "multiple bases have instance lay-out conflict";
      e.involved = {bestBase, b};
      e.baseIndex = i < baseIndex.size() ? baseIndex[i] : SIZE_MAX;
      facts.bases = bases;
      facts.error = std::move(e);
      return facts;
    }
    // This class's own layout.
    if (typeshed) {
      LayoutFacts own = layoutOf(self_);
      if (!own.known || !own.solidBase) return unknownFacts("the instance layout of `" + info_.name + "` is not known");
      facts.solidBase = own.solidBase;
      facts.variableSize = own.variableSize;
    } else {
      if (info_.slotsState == ClassInfo::SlotsState::Dynamic)
        return unknownFacts("`__slots__` of `" + info_.name + "` is not a literal");
      bool adds = false;
      bool slotsDict = false;
      if (info_.slots)
        for (const std::string &s : *info_.slots) {
          if (s != "__dict__" && s != "__weakref__") adds = true;
          if (s == "__dict__") slotsDict = true;
        }
      LayoutFacts bestLayout = bestSolid ? layoutOf(bestSolid) : LayoutFacts{};
      if (adds && bestLayout.variableSize)
        return unknownFacts("non-empty `__slots__` on a subclass of a variable-size type");
      // Before 3.12, a __dict__ added to a variable-size type grows the instance struct
      // (extra_ivars): the class gets its own layout.
      bool addsDict = !info_.slots || slotsDict;
      // (`type` instances have a __dict__ already.)
      if (!adds && addsDict && bestLayout.variableSize && model.graph().pythonMinor() < 12 &&
          bestSolid.fullName() != "builtins.type") {
        if (bestBase.module->moduleName() != "builtins" || !bestBase.module->fromTypeshed())
          return unknownFacts("the instance layout of a subclass of `" + bestBase.info().name + "` is not known");
        adds = true;
      }
      facts.solidBase = adds || !bestSolid ? self_ : bestSolid;
      facts.variableSize = bestLayout.variableSize && (!adds || addsDict);
    }

    // mro_implementation: the fast path for one base, duplicate bases, then the C3 merge.
    facts.bases = bases;
    if (isObject) {
      facts.mro = {self_};
      return facts;
    }
    if (effective.size() == 1) {
      facts.mro = {self_};
      const ClassFacts &bf = effective.front().facts();
      facts.mro.insert(facts.mro.end(), bf.mro.begin(), bf.mro.end());
      return facts;
    }
    for (std::size_t i = 0; i < bases.size(); ++i)
      for (std::size_t j = 0; j < i; ++j)
        if (bases[i] == bases[j]) {
          ClassError e;
          e.kind = ClassError::Kind::DuplicateBase;
          e.message = "duplicate base class " + bases[i].info().name;
          e.involved = {bases[i]};
          e.baseIndex = baseIndex[i];
          facts.error = std::move(e);
          return facts;
        }
    std::vector<std::vector<ClassRef>> toMerge;
    for (const ClassRef &b : bases) toMerge.push_back(b.facts().mro);
    toMerge.push_back(bases);
    std::vector<std::size_t> remain(toMerge.size(), 0);
    std::vector<ClassRef> result{self_};
    while (true) {
      bool anyLeft = false;
      bool progressed = false;
      for (std::size_t i = 0; i < toMerge.size(); ++i) {
        if (remain[i] >= toMerge[i].size()) continue;
        anyLeft = true;
        ClassRef candidate = toMerge[i][remain[i]];
        bool inTail = false;
        for (std::size_t j = 0; j < toMerge.size() && !inTail; ++j)
          for (std::size_t k = remain[j] + 1; k < toMerge[j].size(); ++k)
            if (toMerge[j][k] == candidate) {
              inTail = true;
              break;
            }
        if (inTail) continue;
        result.push_back(candidate);
        for (std::size_t j = 0; j < toMerge.size(); ++j)
          if (remain[j] < toMerge[j].size() && toMerge[j][remain[j]] == candidate) ++remain[j];
        progressed = true;
        break;
      }
      if (!anyLeft) break;
      if (!progressed) {
        std::vector<ClassRef> heads;
        for (std::size_t i = 0; i < toMerge.size(); ++i)
          if (remain[i] < toMerge[i].size() &&
              std::find(heads.begin(), heads.end(), toMerge[i][remain[i]]) == heads.end())
            heads.push_back(toMerge[i][remain[i]]);
        ClassError e;
        e.kind = ClassError::Kind::InconsistentMro;
        e.message = std::string(mc_.owner().graph().pythonMinor() >= 13
                                    ? "Cannot create a consistent method resolution order (MRO) for bases "
                                    : "Cannot create a consistent method resolution\norder (MRO) for bases ") +
                    names(heads);
        e.involved = heads;
        facts.error = std::move(e);
        return facts;
      }
    }
    facts.mro = std::move(result);
    return facts;
  }

  ClassRef self_;
  std::vector<BaseExpr> written_;
  const ClassInfo &info_;
  const ModuleClasses &mc_;
};

} // namespace

const ClassFacts &ModuleClasses::facts(std::uint32_t index) const {
  {
    std::lock_guard lock(mutex_);
    if (facts_[index]) return *facts_[index];
  }
  ClassRef self{this, index};
  std::unique_ptr<ClassFacts> computed;
  if (inProgress.contains(self)) {
    // A cycle through this class's bases: report unknown to the caller, cache nothing.
    static const ClassFacts cycle = unknownFacts("its bases depend on the class itself");
    return cycle;
  }
  if (nesting > 200) {
    static const ClassFacts deep = unknownFacts("the class hierarchy is too deep to analyse");
    return deep;
  }
  inProgress.insert(self);
  ++nesting;
  computed = std::make_unique<ClassFacts>(FactsBuilder(self).run());
  --nesting;
  inProgress.erase(self);
  std::lock_guard lock(mutex_);
  if (!facts_[index]) facts_[index] = std::move(computed);
  return *facts_[index];
}

} // namespace typhon::sema::classes
