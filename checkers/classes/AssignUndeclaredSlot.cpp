// assign-undeclared-slot: the instances of a class whose every MRO class declares a literal
// `__slots__` without "__dict__" (up to `object`) can only store the listed slots. Assigning
// another attribute through the method's first parameter raises AttributeError, unless the class
// namespace of some MRO class binds the name (a property, a descriptor, a class variable: all
// skipped, conservatively). Classes whose own `__slots__` is empty (abstract mixins meant for
// subclasses that add a `__dict__`), decorated methods and methods rebinding `self` are skipped.
#include "checkers/classes/AssignUndeclaredSlot.h"

#include "checkers/support/FunctionShape.h"
#include "parser/Tree.h"
#include "semantic/classes/ClassModel.h"

#include <algorithm>
#include <set>
#include <string>
#include <vector>

namespace typhon {

using namespace sema;
using namespace sema::classes;

namespace {

/// The slots of every instance of `cls` when no MRO class provides `__dict__`; nullopt otherwise
/// or when not known.
std::optional<std::set<std::string>> closedSlots(ClassRef cls) {
  const ClassFacts &f = cls.facts();
  if (!f.known || f.error || f.mro.empty() || f.variableSize) return std::nullopt;
  std::set<std::string> out;
  for (const ClassRef &c : f.mro) {
    if (c.module->fromTypeshed()) {
      if (c.module->moduleName() == "builtins" && c.info().qualname == "object") continue;
      return std::nullopt;
    }
    const ClassInfo &ci = c.info();
    if (ci.slotsState != ClassInfo::SlotsState::Literal || !ci.slots) return std::nullopt;
    if (!ci.decorators.empty()) return std::nullopt; // e.g. @dataclass(slots=True) replaces the class
    for (const std::string &s : *ci.slots) {
      if (s == "__dict__") return std::nullopt;
      out.insert(s);
    }
  }
  return out;
}

bool isSlotsLiteralEmpty(const ClassInfo &info) { return info.slots && info.slots->empty(); }

/// The `self.x = ...` targets in a function body, not descending into nested functions, lambdas
/// or classes (where `self` may be another object). Iterative.
void collectSelfAssignments(Node body, std::string_view self, std::string_view text, std::vector<Node> &out) {
  std::vector<Node> stack{body};
  while (!stack.empty()) {
    Node n = stack.back();
    stack.pop_back();
    if (n.is(NodeKind::FunctionDefinition) || n.is(NodeKind::ClassDefinition) || n.is(NodeKind::Lambda)) continue;
    if (n.is(NodeKind::Assignment) || n.is(NodeKind::AugmentedAssignment)) {
      std::vector<Node> targets{n.field(FieldId::Left)};
      while (!targets.empty()) {
        Node t = targets.back();
        targets.pop_back();
        if (t.is(NodeKind::Attribute)) {
          Node obj = t.field(FieldId::Object);
          if (obj.is(NodeKind::Identifier) && obj.text(text) == self) out.push_back(t);
        } else if (t.is(NodeKind::PatternList) || t.is(NodeKind::TuplePattern) || t.is(NodeKind::ListPattern) ||
                   t.is(NodeKind::ParenthesizedExpression)) {
          for (Node c : t.namedChildren()) targets.push_back(c);
        }
      }
    }
    for (Node c : n.namedChildren()) stack.push_back(c);
  }
}

} // namespace

void AssignUndeclaredSlotCheck::begin(CheckContext &ctx) const {
  const ModuleClasses *classes = ctx.classes();
  if (!classes) return;
  std::string_view text = classes->parsed().text();
  const SemanticModel &sem = classes->semantic();
  for (std::uint32_t i = 0; i < classes->classes().size(); ++i) {
    ClassRef cls = classes->ref(i);
    const ClassInfo &info = cls.info();
    if (isSlotsLiteralEmpty(info)) continue;
    auto slots = closedSlots(cls);
    if (!slots) continue;
    Node body = info.node.field(FieldId::Body);
    if (body.isNull()) continue;
    for (Node def : body.namedChildren()) {
      if (!def.is(NodeKind::FunctionDefinition)) continue; // decorated methods are skipped
      std::vector<Node> params = support::positionalParameters(def.field(FieldId::Parameters));
      if (params.empty()) continue;
      std::string_view self = params.front().text(text);
      Node fbody = def.field(FieldId::Body);
      if (fbody.isNull()) continue;
      ScopeId scope = sem.scopeAt(fbody.startByte());
      if (scope == kNoId) continue;
      SymbolId sym = sem.lookupLocal(scope, self);
      if (sym == kNoId || sem.symbol(sym).bindings.size() != 1) continue; // `self` rebound
      std::vector<Node> targets;
      collectSelfAssignments(fbody, self, text, targets);
      std::set<std::string> reported;
      for (Node t : targets) {
        std::string attr(t.field(FieldId::Attribute).text(text));
        if (slots->contains(attr) || reported.contains(attr)) continue;
        if (attr.starts_with("__") && !attr.ends_with("__")) continue; // mangled: compare mangled slots
        auto m = lookupMember(cls, attr);
        if (!m || m->owner) continue; // a class-level binding (property, descriptor, class variable)
        reported.insert(attr);
        ctx.report(*this, t,
                   "`" + std::string(self) + "." + attr + "` is not a slot of `" + info.name +
                       "` and its instances have no `__dict__` (every class of its MRO declares `__slots__`): "
                       "`AttributeError: '" + info.name + "' object has no attribute '" + attr + "'` when this runs");
      }
    }
  }
}

} // namespace typhon
