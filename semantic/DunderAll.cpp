// DunderAll: literal `__all__` assignments and extensions.
#include "semantic/DunderAll.h"

namespace typhon::sema {

namespace {

bool isPlainString(Node s, std::string_view text) {
  if (!s.is(NodeKind::String)) return false;
  std::string_view prefix = s.child(0).text(text);
  if (prefix.find_first_of("bBfFtT") != std::string_view::npos) return false;
  for (Node c : s.namedChildren())
    if (c.is(NodeKind::Interpolation) || c.is(NodeKind::EscapeSequence)) return false;
  return true;
}

std::string_view stringValue(Node s, std::string_view text) {
  for (Node c : s.namedChildren())
    if (c.is(NodeKind::StringContent)) return c.text(text);
  return {};
}

/// Adds the strings of a list/tuple/`+` expression; false when something is not a literal.
bool collect(Node e, std::string_view text, std::vector<DunderAll::Entry> &out, int depth = 0) {
  if (depth > 200) return false;
  while (e.is(NodeKind::ParenthesizedExpression) && e.namedChildCount() == 1) e = e.namedChild(0);
  if (e.is(NodeKind::BinaryOperator)) {
    bool left = collect(e.field(FieldId::Left), text, out, depth + 1);
    bool right = collect(e.field(FieldId::Right), text, out, depth + 1);
    return left && right;
  }
  if (!e.is(NodeKind::List) && !e.is(NodeKind::Tuple) && !e.is(NodeKind::ParenthesizedExpression)) return false;
  bool complete = true;
  for (Node item : e.namedChildren()) {
    if (item.is(NodeKind::Comment)) continue;
    if (!isPlainString(item, text)) {
      complete = false;
      continue;
    }
    out.push_back({stringValue(item, text), item});
  }
  return complete;
}

} // namespace

DunderAllUpdate dunderAllUpdate(Node statement, std::string_view text) {
  DunderAllUpdate update;
  Node e = statement.namedChildCount() > 0 ? statement.namedChild(0) : Node();
  if (e.is(NodeKind::Assignment) || e.is(NodeKind::AugmentedAssignment)) {
    if (e.field(FieldId::Left).text(text) != "__all__") return update;
    Node right = e.field(FieldId::Right);
    update.isDunderAll = true;
    update.replaces = e.is(NodeKind::Assignment);
    if (!right) return update;
    update.complete = collect(right, text, update.entries);
    return update;
  }
  if (!e.is(NodeKind::Call)) return update;
  Node function = e.field(FieldId::Function);
  if (!function.is(NodeKind::Attribute) || function.field(FieldId::Object).text(text) != "__all__") return update;
  std::string_view method = function.field(FieldId::Attribute).text(text);
  if (method != "extend" && method != "append" && method != "remove") return update;
  update.isDunderAll = true;
  Node args = e.field(FieldId::Arguments);
  std::vector<Node> values;
  for (Node a : args.namedChildren())
    if (!a.is(NodeKind::Comment)) values.push_back(a);
  if (method == "remove" || values.size() != 1) {
    update.complete = method == "remove";
    return update;
  }
  if (method == "append") {
    if (isPlainString(values[0], text))
      update.entries.push_back({stringValue(values[0], text), values[0]});
    else
      update.complete = false;
    return update;
  }
  update.complete = collect(values[0], text, update.entries);
  return update;
}

} // namespace typhon::sema
