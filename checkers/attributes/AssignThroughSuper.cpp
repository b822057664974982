// assign-through-super: `super()` objects only look attributes up; they have no `__setattr__` or
// `__delattr__` of their own, so storing or deleting through them raises AttributeError.
#include "checkers/attributes/AssignThroughSuper.h"

#include "checkers/control-flow/PythonScopes.h"

#include <string>

namespace typhon {

namespace {

enum class Store { None, Assign, Augmented, Delete };

bool isTargetContainer(Node n) {
  switch (n.kind()) {
  case NodeKind::PatternList:
  case NodeKind::TuplePattern:
  case NodeKind::ListPattern:
  case NodeKind::Tuple:
  case NodeKind::List:
  case NodeKind::ParenthesizedExpression:
  case NodeKind::ListSplatPattern:
  case NodeKind::ExpressionList: return true;
  default: return false;
  }
}

/// How the attribute (the last element of `path`, root first) is used as a target.
Store storeKind(const std::vector<Node> &ancestors, Node attribute) {
  Node child = attribute;
  for (std::size_t i = ancestors.size(); i-- > 0; child = ancestors[i]) {
    Node parent = ancestors[i];
    // `with ... as <target>`: the target node (as_pattern_target) has no NodeKind of its own.
    bool isAsTarget =
        i > 0 && ancestors[i - 1].is(NodeKind::AsPattern) && parent == ancestors[i - 1].field(FieldId::Alias);
    if (isTargetContainer(parent) || isAsTarget) continue;
    bool isLeft = child == parent.field(FieldId::Left);
    switch (parent.kind()) {
    case NodeKind::Assignment:
    case NodeKind::ForStatement:
    case NodeKind::ForInClause: return isLeft ? Store::Assign : Store::None;
    case NodeKind::AugmentedAssignment: return isLeft ? Store::Augmented : Store::None;
    case NodeKind::DeleteStatement: return Store::Delete;
    case NodeKind::AsPattern: return child == parent.field(FieldId::Alias) ? Store::Assign : Store::None;
    default: return Store::None;
    }
  }
  return Store::None;
}

/// Whether the module rebinds `super` at top level (then it may not be the builtin).
bool shadowsSuper(Node module, const CheckContext &ctx) {
  for (Node s : module.namedChildren()) {
    if (s.is(NodeKind::DecoratedDefinition)) s = s.field(FieldId::Definition);
    Node name = s.field(FieldId::Name);
    if (s.is(NodeKind::ExpressionStatement)) name = s.namedChild(0).field(FieldId::Left);
    if (name.is(NodeKind::Identifier) && ctx.textOf(name) == "super") return true;
  }
  return false;
}

/// `Base.x.fset(self, value)` for `super().x = value` in a plain method of a class with one base.
std::optional<Fix> setterFix(Node attribute, const CheckContext &ctx) {
  const std::vector<Node> &anc = ctx.ancestors();
  std::size_t n = anc.size();
  // ... block > expression_statement > assignment > attribute, and the call is `super()`.
  if (n < 6 || !anc[n - 1].is(NodeKind::Assignment) || !anc[n - 2].is(NodeKind::ExpressionStatement))
    return std::nullopt;
  Node assignment = anc[n - 1];
  Node value = assignment.field(FieldId::Right);
  bool plain = !assignment.field(FieldId::Type) && value && !value.is(NodeKind::Assignment) &&
               attribute.field(FieldId::Object).field(FieldId::Arguments).namedChildCount() == 0;
  Node def = anc[n - 4];
  Node cls = anc[n - 6];
  if (!plain || !def.is(NodeKind::FunctionDefinition) || !cls.is(NodeKind::ClassDefinition)) return std::nullopt;
  Node bases = cls.field(FieldId::Superclasses);
  if (!bases || bases.namedChildCount() != 1) return std::nullopt;
  Node base = bases.namedChild(0);
  Node self = parameterName(def.field(FieldId::Parameters).namedChild(0));
  if (!(base.is(NodeKind::Identifier) || base.is(NodeKind::Attribute)) || !self.is(NodeKind::Identifier))
    return std::nullopt;
  std::string call = std::string(ctx.textOf(base)) + "." +
                     std::string(ctx.textOf(attribute.field(FieldId::Attribute))) + ".fset(" +
                     std::string(ctx.textOf(self)) + ", " + std::string(ctx.textOf(value)) + ")";
  return Fix{Applicability::Unsafe,
             "Call the base class property's setter: `" + call + "`",
             {TextEdit{assignment.startByte(), assignment.endByte(), call}}};
}

} // namespace

std::vector<NodeKind> AssignThroughSuperCheck::kinds() const { return {NodeKind::Attribute}; }

void AssignThroughSuperCheck::visit(Node node, CheckContext &ctx) const {
  Node object = node.field(FieldId::Object);
  if (!object.is(NodeKind::Call)) return;
  Node callee = object.field(FieldId::Function);
  if (!callee.is(NodeKind::Identifier) || ctx.textOf(callee) != "super") return;
  Store store = storeKind(ctx.ancestors(), node);
  if (store == Store::None || shadowsSuper(ctx.module().root(), ctx)) return;
  std::string name(ctx.textOf(node.field(FieldId::Attribute)));
  switch (store) {
  case Store::Delete:
    return ctx.report(*this, node,
                      "deleting `" + name +
                          "` through `super()` raises `AttributeError`: a `super()` object "
                          "cannot delete attributes");
  case Store::Augmented:
    return ctx.report(*this, node,
                      "augmented assignment to `" + name +
                          "` through `super()` raises `AttributeError`: a `super()` "
                          "object can read `" +
                          name + "` but cannot set it");
  default:
    return ctx.report(*this, node,
                      "assigning `" + name +
                          "` through `super()` raises `AttributeError`: a `super()` object "
                          "cannot set attributes; call the base class's property setter instead",
                      setterFix(node, ctx));
  }
}

} // namespace typhon
