// FinalOverridden: for each class the class model knows with certainty, its direct bases
// decorated with typing.final / typing_extensions.final, and the methods of its body whose
// nearest definition further along the MRO is decorated with it.
#include "checkers/typing/FinalOverridden.h"

#include "semantic/classes/ClassModel.h"
#include "semantic/classes/Resolve.h"

#include <string>

namespace typhon {

using namespace sema::classes;

namespace {

bool isFinalName(std::string_view name) { return name == "typing.final" || name == "typing_extensions.final"; }

bool isFinalDecorator(const ModuleClasses &mc, Node decorator) {
  Node expr = decorator.namedChildCount() ? decorator.namedChild(0) : Node();
  if (!expr.is(NodeKind::Identifier) && !expr.is(NodeKind::Attribute)) return false;
  detail::Value v = detail::resolveExpression(mc, expr);
  return v.kind == detail::Value::Kind::Named && isFinalName(v.name);
}

bool isFinalClass(const ClassRef &c) {
  for (const DecoratorInfo &d : c.info().decorators) {
    if (d.isCall || d.callee.isNull()) continue;
    detail::Value v = detail::resolveExpression(*c.module, d.callee);
    if (v.kind == detail::Value::Kind::Named && isFinalName(v.name)) return true;
  }
  return false;
}

/// The function definitions of a class body by name (last one wins, as in the namespace), with
/// their decorated_definition wrapper when they have one.
struct Method {
  Node def;
  Node wrapper;
};
std::optional<Method> methodOf(const ClassRef &c, std::string_view name) {
  std::optional<Method> found;
  std::string_view text = c.module->parsed().text();
  Node body = c.info().node.field(FieldId::Body);
  for (Node stmt : body.namedChildren()) {
    Node def = stmt.is(NodeKind::DecoratedDefinition) ? stmt.field(FieldId::Definition) : stmt;
    if (!def.is(NodeKind::FunctionDefinition)) continue;
    if (def.field(FieldId::Name).text(text) == name)
      found = Method{def, stmt.is(NodeKind::DecoratedDefinition) ? stmt : Node()};
  }
  return found;
}

bool definedInBody(const ClassRef &c, std::string_view name) {
  const ClassInfo &info = c.info();
  return info.bodyScope != sema::kNoId && c.module->semantic().lookupLocal(info.bodyScope, name) != sema::kNoId;
}

} // namespace

void FinalOverriddenCheck::begin(CheckContext &ctx) const {
  const ModuleClasses *classes = ctx.classes();
  if (!classes) return;
  for (std::uint32_t i = 0; i < classes->classes().size(); ++i) {
    ClassRef cls = classes->ref(i);
    const ClassFacts &facts = cls.facts();
    if (!facts.known || facts.error || facts.mro.empty()) continue;
    const ClassInfo &info = cls.info();
    // Subclassing a final class: reported at the base expression.
    for (const BaseExpr &b : facts.writtenBases) {
      if (b.status != BaseStatus::Class || !b.cls || !isFinalClass(b.cls) || b.node.isNull()) continue;
      ctx.report(*this, b.node, "class `" + info.name + "` subclasses `" + b.cls.info().name +
                                    "`, which is decorated with `@final` and must not be subclassed");
    }
    // Overriding a final method: the nearest definition along the MRO is @final.
    Node body = info.node.field(FieldId::Body);
    for (Node stmt : body.namedChildren()) {
      Node def = stmt.is(NodeKind::DecoratedDefinition) ? stmt.field(FieldId::Definition) : stmt;
      if (!def.is(NodeKind::FunctionDefinition)) continue;
      Node nameNode = def.field(FieldId::Name);
      std::string_view name = ctx.textOf(nameNode);
      for (std::size_t k = 1; k < facts.mro.size(); ++k) {
        const ClassRef &base = facts.mro[k];
        if (!definedInBody(base, name)) continue;
        std::optional<Method> m = methodOf(base, name);
        bool final = false;
        if (m && !m->wrapper.isNull())
          for (Node d : m->wrapper.namedChildren())
            if (d.is(NodeKind::Decorator) && isFinalDecorator(*base.module, d)) final = true;
        if (final)
          ctx.report(*this, nameNode, "method `" + std::string(name) + "` of class `" + info.name +
                                          "` overrides `" + base.info().name + "." + std::string(name) +
                                          "`, which is decorated with `@final`");
        break; // only the nearest definition counts
      }
    }
  }
}

} // namespace typhon
