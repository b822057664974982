// invalid-enum-definition: `EnumType` refuses to extend an enum that already has members, and its
// class namespace refuses to bind a member name again (or to make a member of a name already
// bound to a method). Both raise TypeError when the class statement runs. Enums are recognized
// through the bases' import bindings (enum.Enum, IntEnum, StrEnum, Flag, IntFlag, ReprEnum) and
// enum classes of this module.
#include "checkers/dataclasses/InvalidEnumDefinition.h"

#include "checkers/dataclasses/ClassFacts.h"
#include "checkers/names/NamesSupport.h"

#include <unordered_map>

namespace typhon {

namespace {

enum class Kind { Member, Descriptor, Unknown };

struct Entry {
  Kind kind;
  Node value; // the member's value, or the function definition
};

/// Names the enum namespace never makes members: dunders, _sunder_ names, and private names
/// (`__x`, mangled by the compiler). `_x` is an ordinary name and can be a member.
bool isPrivateOrSpecial(std::string_view name) {
  std::size_t n = name.size();
  bool dunder = n > 4 && name.starts_with("__") && name.ends_with("__") && name[2] != '_' && name[n - 3] != '_';
  bool sunder = n > 2 && name[0] == '_' && name[n - 1] == '_' && name[1] != '_' && name[n - 2] != '_';
  bool privateName = n > 2 && name.starts_with("__") && !name.ends_with("__");
  return dunder || sunder || privateName || (name.starts_with("__") && name.ends_with("__"));
}

/// What binding `value` to a name in an enum body makes of it.
Kind valueKind(const dc::Facts &facts, Node value) {
  switch (value.kind()) {
  case NodeKind::Integer:
  case NodeKind::Float:
  case NodeKind::String:
  case NodeKind::ConcatenatedString:
  case NodeKind::True:
  case NodeKind::False:
  case NodeKind::None:
  case NodeKind::Tuple:
  case NodeKind::UnaryOperator: return Kind::Member;
  case NodeKind::Lambda: return Kind::Descriptor;
  case NodeKind::Call: {
    std::string q = facts.qualifiedName(value.field(FieldId::Function));
    if (q == "enum.auto" || q == "enum.member") return Kind::Member;
    return Kind::Unknown;
  }
  default: return Kind::Unknown;
  }
}

/// Python's repr of a simple literal value, or "" when not known exactly.
std::string literalRepr(const dc::Facts &facts, Node value) {
  std::string_view t = facts.text(value);
  if (value.is(NodeKind::True) || value.is(NodeKind::False) || value.is(NodeKind::None)) return std::string(t);
  if (value.is(NodeKind::Integer)) {
    if (t.size() > 1 && t[0] == '0') return {};
    for (char c : t)
      if (c < '0' || c > '9') return {};
    return std::string(t);
  }
  if (value.is(NodeKind::String) && t.size() >= 2 && (t[0] == '\'' || t[0] == '"') && t.find('\\') == std::string_view::npos &&
      !(t.size() >= 6 && t[1] == t[0] && t[2] == t[0])) {
    return dc::pyRepr(t.substr(1, t.size() - 2));
  }
  return {};
}

/// Whether a local enum class defines members (bindings of non-underscore names to member values).
bool hasMembers(const dc::Facts &facts, Node classDef) {
  for (Node s : dc::bodyStatements(classDef)) {
    Node a = s.is(NodeKind::ExpressionStatement) ? s.namedChild(0) : Node();
    if (!a.is(NodeKind::Assignment)) continue;
    Node left = a.field(FieldId::Left), value = a.field(FieldId::Right);
    if (left.is(NodeKind::Identifier) && value && !isPrivateOrSpecial(facts.text(left)) &&
        valueKind(facts, value) == Kind::Member)
      return true;
  }
  return false;
}

} // namespace

std::vector<NodeKind> InvalidEnumDefinitionCheck::kinds() const { return {NodeKind::ClassDefinition}; }

void InvalidEnumDefinitionCheck::visit(Node node, CheckContext &ctx) const {
  const sema::SemanticModel *model = names::modelFor(ctx);
  if (!model) return;
  dc::Facts facts(ctx, *model);
  if (!dc::isEnumClass(facts, node)) return;
  Node bases = node.field(FieldId::Superclasses);
  // A metaclass other than EnumType may allow anything.
  for (Node b : bases.namedChildren()) {
    if (!b.is(NodeKind::KeywordArgument)) continue;
    std::string q = facts.qualifiedName(b.field(FieldId::Value));
    if (q != "enum.EnumMeta" && q != "enum.EnumType") return;
  }
  std::string_view name = dc::definitionName(facts, node);
  // Extending an enum with members.
  for (Node b : bases.namedChildren()) {
    if (b.is(NodeKind::KeywordArgument)) continue;
    Node local = facts.localClass(b);
    if (local && !(local == node) && dc::isEnumClass(facts, local) && hasMembers(facts, local)) {
      ctx.report(*this, b,
                 "class creation raises `TypeError`: <enum '" + std::string(name) + "'> cannot extend <enum '" +
                     std::string(dc::definitionName(facts, local)) + "'>: an enum with members cannot be subclassed");
      return;
    }
  }
  // Rebinding a member name.
  for (Node s : dc::bodyStatements(node)) {
    if (s.is(NodeKind::ExpressionStatement) && s.namedChild(0).is(NodeKind::Assignment)) {
      Node a = s.namedChild(0);
      Node left = a.field(FieldId::Left);
      if (left.is(NodeKind::Identifier) && facts.text(left) == "_ignore_") return;
    }
  }
  std::unordered_map<std::string_view, Entry> seen;
  for (Node s : dc::bodyStatements(node)) {
    Node target, value;
    Kind kind = Kind::Unknown;
    if (s.is(NodeKind::FunctionDefinition)) {
      target = s.field(FieldId::Name);
      kind = s.parent().is(NodeKind::DecoratedDefinition) ? Kind::Unknown : Kind::Descriptor;
      value = s;
    } else if (s.is(NodeKind::ExpressionStatement) && s.namedChild(0).is(NodeKind::Assignment)) {
      Node a = s.namedChild(0);
      target = a.field(FieldId::Left);
      value = a.field(FieldId::Right);
      if (!target.is(NodeKind::Identifier) || !value) continue;
      kind = valueKind(facts, value);
    } else {
      // Other statements (loops, conditionals, classes, imports) may bind anything: stop here.
      if (s.is(NodeKind::ExpressionStatement) || s.is(NodeKind::PassStatement)) continue;
      return;
    }
    if (!target) continue;
    std::string_view key = facts.text(target);
    if (isPrivateOrSpecial(key)) continue;
    auto it = seen.find(key);
    if (it == seen.end()) {
      seen.emplace(key, Entry{kind, value});
      continue;
    }
    const Entry &before = it->second;
    std::string shown;
    if (before.kind == Kind::Member) {
      std::string repr = literalRepr(facts, before.value);
      shown = repr.empty() ? "its first value" : repr;
    } else if (before.kind == Kind::Descriptor && kind == Kind::Member) {
      shown = "<function " + std::string(name) + "." + std::string(key) + " at 0x...>";
    } else {
      it->second = Entry{kind, value};
      continue;
    }
    if (kind == Kind::Unknown && before.kind != Kind::Member) continue;
    ctx.report(*this, target,
               "class creation raises `TypeError`: " + dc::pyRepr(key) + " already defined as " + shown +
                   ": an enum member name cannot be bound twice");
    return;
  }
}

} // namespace typhon
