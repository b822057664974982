// AbcClassChecks: abstract-class-instantiated, abstractmethod-without-abcmeta and
// abstract-shadows-mixin, on top of the
// class model (ClassModel.h: facts, abstractMethods, isAbcMetaclass).
#include "checkers/abc/AbcClassChecks.h"

#include "semantic/classes/ClassModel.h"
#include "semantic/classes/Resolve.h"

#include <string>

namespace typhon {

using namespace sema::classes;

namespace {

/// Whether `C()` reaches object.__new__, which raises for abstract classes: every class of the
/// MRO is either analysed source that does not define `__new__`, or `object` / `abc.ABC`. A
/// builtin base (list, int, dict...) supplies its own tp_new, which does not check abstractness;
/// a user `__new__` may return anything.
bool reachesObjectNew(const ClassFacts &facts) {
  for (const ClassRef &c : facts.mro) {
    if (c.module->fromTypeshed()) {
      std::string name = c.fullName();
      if (name != "builtins.object" && name != "abc.ABC") return false;
      continue;
    }
    if (c.info().definesMember(c.module->semantic(), "__new__")) return false;
  }
  return true;
}

/// CPython's TypeError for `C()` (Objects/typeobject.c, object_new), in the target version's words.
std::string cpythonMessage(const std::string &name, const std::vector<std::string> &abstract, const FileFacts &ff) {
  bool modern = ff.pythonMajor > 3 || (ff.pythonMajor == 3 && ff.pythonMinor >= 12);
  std::string list;
  for (const std::string &m : abstract) {
    if (!list.empty()) list += ", ";
    list += modern ? "'" + m + "'" : m;
  }
  std::string plural = abstract.size() == 1 ? "method " : "methods ";
  if (modern) return "Can't instantiate abstract class " + name + " without an implementation for abstract " + plural + list;
  return "Can't instantiate abstract class " + name + " with abstract " + plural + list;
}

bool isAbstractmethodDecorator(const ModuleClasses &mc, Node decorator) {
  Node expr = decorator.namedChildCount() ? decorator.namedChild(0) : Node();
  if (!expr.is(NodeKind::Identifier) && !expr.is(NodeKind::Attribute)) return false;
  sema::classes::detail::Value v = sema::classes::detail::resolveExpression(mc, expr);
  if (v.kind != sema::classes::detail::Value::Kind::Named) return false;
  return v.name == "abc.abstractmethod" || v.name == "abc.abstractproperty" ||
         v.name == "abc.abstractclassmethod" || v.name == "abc.abstractstaticmethod";
}

} // namespace

std::vector<NodeKind> AbstractClassInstantiatedCheck::kinds() const { return {NodeKind::Call}; }

void AbstractClassInstantiatedCheck::visit(Node node, CheckContext &ctx) const {
  const ModuleClasses *classes = ctx.classes();
  if (!classes) return;
  Node callee = node.field(FieldId::Function);
  if (!callee.is(NodeKind::Identifier) && !callee.is(NodeKind::Attribute)) return;
  sema::classes::detail::Value v = sema::classes::detail::resolveExpression(*classes, callee);
  if (v.kind != sema::classes::detail::Value::Kind::Class || !v.cls) return;
  ClassRef cls = v.cls;
  const ClassFacts &facts = cls.facts();
  if (!facts.known || facts.error || facts.mro.empty() || !facts.metaclass) return;
  if (isAbcMetaclass(cls) != std::optional<bool>(true)) return;
  // The class model gives no verdict for metaclasses that may act in __call__; ABCMeta itself
  // and analysed subclasses without __call__/__new__ are the only ones left here.
  if (!reachesObjectNew(facts)) return;
  std::optional<std::vector<std::string>> abstract = abstractMethods(cls);
  if (!abstract || abstract->empty()) return;
  const std::string &name = cls.info().name;
  ctx.report(*this, node,
             "calling `" + std::string(ctx.textOf(callee)) + "` raises `TypeError: " +
                 cpythonMessage(name, *abstract, ctx.facts()) + "`");
}

void AbstractmethodWithoutAbcmetaCheck::begin(CheckContext &ctx) const {
  const ModuleClasses *classes = ctx.classes();
  if (!classes) return;
  const std::vector<ClassInfo> &all = classes->classes();
  for (std::uint32_t i = 0; i < all.size(); ++i) {
    ClassRef cls = classes->ref(i);
    const ClassFacts &facts = cls.facts();
    if (!facts.known || facts.error || !facts.metaclass) continue;
    if (isAbcMetaclass(cls) != std::optional<bool>(false)) continue;
    // Not even a subclass with an ABCMeta metaclass enforces it: ABCMeta collects only the
    // names of the class body and the bases' `__abstractmethods__`, which this class lacks.
    Node body = cls.info().node.field(FieldId::Body);
    for (Node stmt : body.namedChildren()) {
      if (!stmt.is(NodeKind::DecoratedDefinition)) continue;
      for (Node d : stmt.namedChildren()) {
        if (!d.is(NodeKind::Decorator) || !isAbstractmethodDecorator(*classes, d)) continue;
        ctx.report(*this, d.startByte(), d.namedChild(0).endByte(),
                   "`@abstractmethod` in class `" + cls.info().name + "`, whose metaclass `" +
                       facts.metaclass.info().name +
                       "` does not derive from `ABCMeta`: it is never enforced and the class can be instantiated");
        break;
      }
    }
  }
}

namespace {

/// Whether `mro` lists `a` before `b`.
bool precedes(const std::vector<ClassRef> &mro, const ClassRef &a, const ClassRef &b) {
  bool seenA = false;
  for (const ClassRef &c : mro) {
    if (c == a) seenA = true;
    if (c == b) return seenA;
  }
  return false;
}

} // namespace

void AbstractShadowsMixinCheck::begin(CheckContext &ctx) const {
  const ModuleClasses *classes = ctx.classes();
  if (!classes) return;
  for (std::uint32_t i = 0; i < classes->classes().size(); ++i) {
    ClassRef cls = classes->ref(i);
    const ClassFacts &facts = cls.facts();
    if (!facts.known || facts.error || facts.mro.size() < 3) continue;
    if (isAbcMetaclass(cls) != std::optional<bool>(true)) continue;
    std::optional<std::vector<std::string>> abstract = abstractMethods(cls);
    if (!abstract) continue;
    std::string shadowed;
    for (const std::string &name : *abstract) {
      std::optional<MemberLookup> found = lookupMember(cls, name);
      if (!found || !found->owner || found->owner == cls) continue;
      // The first later class of the MRO whose body defines `name` concretely.
      ClassRef concrete;
      bool after = false, unknown = false;
      for (const ClassRef &c : facts.mro) {
        if (c == found->owner) {
          after = true;
          continue;
        }
        if (!after || !c.info().definesMember(c.module->semantic(), name)) continue;
        std::optional<bool> isAbstract = isAbstractMember(c, name);
        if (!isAbstract) {
          unknown = true;
          break;
        }
        if (!*isAbstract) {
          concrete = c;
          break;
        }
      }
      if (unknown || !concrete) continue;
      // Reported where the shadowing arises: not when one base already orders both classes so.
      bool inherited = false;
      for (const ClassRef &b : facts.bases)
        if (precedes(b.facts().mro, found->owner, concrete)) inherited = true;
      if (inherited) continue;
      if (!shadowed.empty()) shadowed += "; ";
      shadowed += "the abstract `" + found->owner.info().name + "." + name + "` comes before `" +
                  concrete.info().name + "." + name + "`";
    }
    if (shadowed.empty()) continue;
    const ClassInfo &info = cls.info();
    std::uint32_t start = info.nameNode.startByte();
    std::uint32_t end = info.arguments.isNull() ? info.nameNode.endByte() : info.arguments.endByte();
    ctx.report(*this, start, end,
               "class `" + info.name + "` stays abstract: in its MRO " + shadowed +
                   ", so instantiating it raises TypeError; list the implementing base first or define "
                   "the method in the class");
  }
}

} // namespace typhon
