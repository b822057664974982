// abstractmethod-decorator-order: `abstractmethod` sets `__isabstractmethod__` on what it
// decorates; property, staticmethod and classmethod objects expose it read-only, so the
// decoration raises AttributeError when the class body runs (verified on CPython 3.8-3.13).
#include "checkers/abc/AbstractmethodDecoratorOrder.h"

#include <optional>
#include <string>

namespace typhon {

namespace {

/// Names `from abc import abstractmethod [as name]` binds at module level (also under if/try).
bool importsAbstractmethodAs(Node block, std::string_view name, const CheckContext &ctx) {
  for (Node s : block.namedChildren()) {
    if (s.is(NodeKind::IfStatement) || s.is(NodeKind::TryStatement) || s.is(NodeKind::ElseClause) ||
        s.is(NodeKind::ElifClause) || s.is(NodeKind::ExceptClause) || s.is(NodeKind::FinallyClause) ||
        s.is(NodeKind::Block)) {
      if (importsAbstractmethodAs(s, name, ctx)) return true;
      continue;
    }
    if (!s.is(NodeKind::ImportFromStatement) || ctx.textOf(s.field(FieldId::ModuleName)) != "abc") continue;
    for (Node item : s.fieldAll(FieldId::Name)) {
      Node imported = item.is(NodeKind::AliasedImport) ? item.field(FieldId::Name) : item;
      Node bound = item.is(NodeKind::AliasedImport) ? item.field(FieldId::Alias) : item;
      if (ctx.textOf(imported) == "abstractmethod" && ctx.textOf(bound) == name) return true;
    }
  }
  return false;
}

bool isAbstractmethod(Node decorator, const CheckContext &ctx) {
  Node expr = decorator.namedChild(0);
  if (expr.is(NodeKind::Attribute)) return ctx.textOf(expr) == "abc.abstractmethod";
  return expr.is(NodeKind::Identifier) && importsAbstractmethodAs(ctx.module().root(), ctx.textOf(expr), ctx);
}

/// What the decorator produces, when it is an object whose `__isabstractmethod__` is read-only.
std::optional<std::string> descriptorKind(Node decorator, const CheckContext &ctx) {
  Node expr = decorator.namedChild(0);
  std::string_view text = ctx.textOf(expr);
  if (text == "property" || text == "staticmethod" || text == "classmethod") return std::string(text);
  if (!expr.is(NodeKind::Attribute) || !expr.field(FieldId::Object).is(NodeKind::Identifier)) return std::nullopt;
  std::string_view attr = ctx.textOf(expr.field(FieldId::Attribute));
  if (attr == "setter" || attr == "getter" || attr == "deleter") return "property";
  return std::nullopt;
}

bool isBlank(std::string_view s) { return s.find_first_not_of(" \t\r\n") == std::string_view::npos; }

/// Moves the `@abstractmethod` line to just above the `def`, when only whitespace separates the
/// decorators (comments between them would move with it otherwise).
std::optional<Fix> moveInnermost(Node decorator, Node next, Node def, const CheckContext &ctx) {
  std::string_view text = ctx.text();
  std::uint32_t lineStart = decorator.startByte();
  while (lineStart > 0 && text[lineStart - 1] != '\n' && text[lineStart - 1] != '\r')
    --lineStart;
  std::string_view indent = text.substr(lineStart, decorator.startByte() - lineStart);
  std::string_view gap = text.substr(decorator.endByte(), next.startByte() - decorator.endByte());
  if (!isBlank(indent) || !isBlank(gap)) return std::nullopt;
  std::string moved = std::string(ctx.textOf(decorator)) + "\n" + std::string(indent);
  return Fix{
      Applicability::Safe,
      "Make `@abstractmethod` the innermost decorator",
      {TextEdit{decorator.startByte(), next.startByte(), ""}, TextEdit{def.startByte(), def.startByte(), moved}}};
}

} // namespace

std::vector<NodeKind> AbstractmethodDecoratorOrderCheck::kinds() const { return {NodeKind::DecoratedDefinition}; }

void AbstractmethodDecoratorOrderCheck::visit(Node node, CheckContext &ctx) const {
  Node def = node.field(FieldId::Definition);
  if (!def.is(NodeKind::FunctionDefinition)) return;
  std::vector<Node> decorators;
  for (Node c : node.namedChildren())
    if (c.is(NodeKind::Decorator)) decorators.push_back(c);
  for (std::size_t i = 0; i + 1 < decorators.size(); ++i) {
    std::optional<std::string> kind = descriptorKind(decorators[i + 1], ctx);
    if (!kind || !isAbstractmethod(decorators[i], ctx)) continue;
    std::string below(ctx.textOf(decorators[i + 1]));
    ctx.report(*this, decorators[i],
               "`@abstractmethod` above `" + below + "` raises `AttributeError` when the class is created: `" + *kind +
                   "` objects do not allow setting `__isabstractmethod__`; put `@abstractmethod` innermost",
               moveInnermost(decorators[i], decorators[i + 1], def, ctx));
    return;
  }
}

} // namespace typhon
