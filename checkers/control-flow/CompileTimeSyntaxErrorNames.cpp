// compile-time-syntax-error, the name rules of CPython's symtable.c and ast validation:
// assignment expressions in comprehensions (iteration-variable rebinding, iterable expressions,
// class bodies and type aliases), `import *` below module level, and `__debug__` as a target.
// Messages are CPython's (checked against 3.8, 3.10 and 3.13).
#include "checkers/control-flow/CompileTimeSyntaxError.h"

#include "checkers/control-flow/PythonScopes.h"

#include <string>

namespace typhon {

namespace {

/// Collects the identifiers a comprehension target binds (`x`, `(a, b)`, `[*rest]`).
void targetNames(Node target, std::string_view text, std::vector<std::string_view> &out) {
  std::vector<Node> stack{target};
  while (!stack.empty()) {
    Node n = stack.back();
    stack.pop_back();
    if (n.is(NodeKind::Identifier)) {
      out.push_back(n.text(text));
      continue;
    }
    if (n.is(NodeKind::Attribute) || n.is(NodeKind::Subscript)) continue;
    for (Node c : n.namedChildren()) stack.push_back(c);
  }
}

bool contains(Node outer, Node inner) {
  return outer && outer.startByte() <= inner.startByte() && inner.endByte() <= outer.endByte();
}

bool isFunctionBody(Node parent, Node child) {
  return (parent.is(NodeKind::FunctionDefinition) || parent.is(NodeKind::Lambda)) &&
         parent.field(FieldId::Body) == child;
}

} // namespace

void CompileTimeSyntaxErrorCheck::checkNamedExpression(Node node, CheckContext &ctx) const {
  Node target = node.field(FieldId::Name);
  if (!target.is(NodeKind::Identifier)) return;
  std::string_view name = ctx.textOf(target);
  const std::vector<Node> &anc = ctx.ancestors();
  bool inComprehension = false;
  Node child = node;
  for (std::size_t i = anc.size(); i-- > 0; child = anc[i]) {
    Node parent = anc[i];
    if (isFunctionBody(parent, child) || parent.is(NodeKind::Module)) return;
    if (parent.is(NodeKind::ClassDefinition) && parent.field(FieldId::Body) == child) {
      if (inComprehension)
        ctx.report(*this, node, "assignment expression within a comprehension cannot be used in a class body");
      return;
    }
    if (parent.is(NodeKind::TypeAliasStatement)) {
      if (inComprehension)
        ctx.report(*this, node, "assignment expression within a comprehension cannot be used in a type alias");
      return;
    }
    if (!isComprehension(parent)) continue;
    // In an iterable (`for x in <here>`): an error of its own when directly there; through a
    // nested comprehension the rules get subtle: stay silent.
    for (Node c : parent.namedChildren())
      if (c.is(NodeKind::ForInClause) && contains(c.field(FieldId::Right), node)) {
        if (!inComprehension)
          ctx.report(*this, node, "assignment expression cannot be used in a comprehension iterable expression");
        return;
      }
    std::vector<std::string_view> iterationVariables;
    for (Node c : parent.namedChildren())
      if (c.is(NodeKind::ForInClause)) targetNames(c.field(FieldId::Left), ctx.text(), iterationVariables);
    for (std::string_view v : iterationVariables)
      if (v == name)
        return ctx.report(*this, node,
                          "assignment expression cannot rebind comprehension iteration variable '" + std::string(name) +
                              "'");
    inComprehension = true;
  }
}

void CompileTimeSyntaxErrorCheck::checkWildcardImport(Node node, CheckContext &ctx) const {
  Node star;
  for (Node c : node.namedChildren())
    if (c.is(NodeKind::WildcardImport)) star = c;
  if (!star) return;
  for (Node a : ctx.ancestors())
    if (a.is(NodeKind::FunctionDefinition) || a.is(NodeKind::ClassDefinition))
      return ctx.report(*this, node, "import * only allowed at module level");
}

void CompileTimeSyntaxErrorCheck::checkDebugName(Node node, CheckContext &ctx) const {
  if (ctx.textOf(node) != "__debug__") return;
  Node parent = ctx.parent();
  if (!parent) return;
  Node id = node;
  // Walk up through destructuring patterns to the construct that binds.
  while (parent.is(NodeKind::PatternList) || parent.is(NodeKind::TuplePattern) || parent.is(NodeKind::ListPattern) ||
         parent.is(NodeKind::ListSplatPattern) || parent.is(NodeKind::Tuple) || parent.is(NodeKind::List) ||
         parent.is(NodeKind::ParenthesizedExpression) || parent.is(NodeKind::ExpressionList)) {
    if (parent.is(NodeKind::ListSplatPattern) && ctx.ancestors().size() >= 2) {
      Node gp = parent.parent();
      if (gp.is(NodeKind::Parameters) || gp.is(NodeKind::LambdaParameters)) break;
    }
    id = parent;
    parent = parent.parent();
    if (!parent) return;
  }
  bool store = false, del = false;
  switch (parent.kind()) {
  case NodeKind::Assignment:
  case NodeKind::AugmentedAssignment: store = parent.field(FieldId::Left) == id; break;
  case NodeKind::ForStatement:
  case NodeKind::ForInClause: store = parent.field(FieldId::Left) == id; break;
  case NodeKind::NamedExpression:
  case NodeKind::FunctionDefinition:
  case NodeKind::ClassDefinition:
  case NodeKind::KeywordArgument: store = parent.field(FieldId::Name) == id; break;
  case NodeKind::AliasedImport: store = parent.field(FieldId::Alias) == id; break;
  case NodeKind::Parameters:
  case NodeKind::LambdaParameters:
  case NodeKind::ListSplatPattern:
  case NodeKind::DictionarySplatPattern:
  case NodeKind::TypedParameter: store = true; break;
  case NodeKind::DefaultParameter:
  case NodeKind::TypedDefaultParameter: store = parent.field(FieldId::Name) == id; break;
  case NodeKind::DeleteStatement: del = true; break;
  case NodeKind::Attribute: {
    // `x.__debug__ = 1`
    Node holder = parent.parent();
    store = parent.field(FieldId::Attribute) == node &&
            (holder.is(NodeKind::Assignment) || holder.is(NodeKind::AugmentedAssignment)) &&
            holder.field(FieldId::Left) == parent;
    if (store) id = parent;
    break;
  }
  default:
    store = parent.type() == "as_pattern_target";
    break;
  }
  if (del) ctx.report(*this, node, "cannot delete __debug__");
  else if (store) ctx.report(*this, id.is(NodeKind::Attribute) ? id : node, "cannot assign to __debug__");
}

} // namespace typhon
