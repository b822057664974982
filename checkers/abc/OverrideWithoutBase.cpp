// OverrideWithoutBase: for each class the class model knows with certainty, the members decorated
// with typing.override / typing_extensions.override whose name no base along the MRO declares.
#include "checkers/abc/OverrideWithoutBase.h"

#include "semantic/classes/ClassModel.h"
#include "semantic/classes/Resolve.h"

#include <cctype>
#include <string>

namespace typhon {

using namespace sema::classes;

namespace {

bool isOverrideDecorator(const ModuleClasses &mc, Node decorator) {
  Node expr = decorator.namedChildCount() ? decorator.namedChild(0) : Node();
  if (!expr.is(NodeKind::Identifier) && !expr.is(NodeKind::Attribute)) return false;
  detail::Value v = detail::resolveExpression(mc, expr);
  return v.kind == detail::Value::Kind::Named && (v.name == "typing.override" || v.name == "typing_extensions.override");
}

/// Whether a base declares `name`: any binding in its body (annotations included, `x: int`
/// declares an attribute for type checkers), a `__slots__` entry, or, in analysed source, any `.name` attribute
/// written in the class (an instance attribute set in a method).
bool declares(const ClassRef &c, std::string_view name) {
  const ClassInfo &info = c.info();
  const sema::SemanticModel &sem = c.module->semantic();
  if (info.bodyScope != sema::kNoId && sem.lookupLocal(info.bodyScope, name) != sema::kNoId) return true;
  // `__slots__` creates a descriptor for each name; a non-literal one may create any.
  if (info.slotsState == ClassInfo::SlotsState::Dynamic) return true;
  if (info.slots)
    for (const std::string &slot : *info.slots)
      if (slot == name) return true;
  if (c.module->fromTypeshed()) return false;
  std::string_view text = info.node.text(c.module->parsed().text());
  std::string dotted = "." + std::string(name);
  for (std::size_t at = text.find(dotted); at != std::string_view::npos; at = text.find(dotted, at + 1)) {
    std::size_t after = at + dotted.size();
    if (after >= text.size()) return true;
    char ch = text[after];
    if (!(std::isalnum(static_cast<unsigned char>(ch)) || ch == '_')) return true;
  }
  return false;
}

} // namespace

void OverrideWithoutBaseCheck::begin(CheckContext &ctx) const {
  const ModuleClasses *classes = ctx.classes();
  if (!classes) return;
  for (std::uint32_t i = 0; i < classes->classes().size(); ++i) {
    ClassRef cls = classes->ref(i);
    const ClassFacts &facts = cls.facts();
    if (!facts.known || facts.error || facts.mro.empty()) continue;
    Node body = cls.info().node.field(FieldId::Body);
    for (Node stmt : body.namedChildren()) {
      if (!stmt.is(NodeKind::DecoratedDefinition)) continue;
      Node def = stmt.field(FieldId::Definition);
      if (!def.is(NodeKind::FunctionDefinition)) continue;
      Node decorator;
      for (Node d : stmt.namedChildren())
        if (d.is(NodeKind::Decorator) && isOverrideDecorator(*classes, d)) decorator = d;
      if (decorator.isNull()) continue;
      std::string_view name = ctx.textOf(def.field(FieldId::Name));
      bool found = false;
      for (std::size_t k = 1; k < facts.mro.size() && !found; ++k)
        found = declares(facts.mro[k], name);
      if (found) continue;
      ctx.report(*this, decorator.startByte(), decorator.namedChild(0).endByte(),
                 "`" + std::string(name) + "` is decorated with `@override`, but no base of class `" +
                     cls.info().name + "` defines it");
    }
  }
}

} // namespace typhon
