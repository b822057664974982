// Node: kind and field tables built once from the language, child access helpers.
#include "parser/Node.h"

#include <array>
#include <cstring>
#include <string>
#include <unordered_map>

namespace typhon {

namespace {

struct KindRow {
  std::string_view name;
  bool named;
};

#include "NodeKindTable.inc"

static_assert(std::size(kKindRows) == static_cast<std::size_t>(NodeKind::Count_));
static_assert(std::size(kFieldNames) == static_cast<std::size_t>(FieldId::Count_));

/// Immutable symbol and field tables, built on first use (thread-safe static init).
struct LanguageTables {
  std::vector<NodeKind> kindBySymbol;
  std::array<TSFieldId, static_cast<std::size_t>(FieldId::Count_)> tsField{};
  std::vector<FieldId> fieldByTs;

  LanguageTables() {
    const TSLanguage *lang = tree_sitter_python();
    std::unordered_map<std::string, NodeKind> byName;
    for (std::size_t i = 1; i < std::size(kKindRows); ++i)
      byName[std::string(kKindRows[i].name) + (kKindRows[i].named ? "#n" : "#a")] = static_cast<NodeKind>(i);
    std::uint32_t count = ts_language_symbol_count(lang);
    kindBySymbol.assign(count, NodeKind::Unknown);
    for (std::uint32_t s = 0; s < count; ++s) {
      TSSymbolType t = ts_language_symbol_type(lang, static_cast<TSSymbol>(s));
      const char *name = ts_language_symbol_name(lang, static_cast<TSSymbol>(s));
      if (!name) continue;
      auto it = byName.find(std::string(name) + (t == TSSymbolTypeRegular ? "#n" : "#a"));
      if (it != byName.end()) kindBySymbol[s] = it->second;
    }
    std::uint32_t fieldCount = ts_language_field_count(lang);
    fieldByTs.assign(fieldCount + 1, FieldId::None);
    for (std::size_t f = 1; f < std::size(kFieldNames); ++f) {
      TSFieldId id = ts_language_field_id_for_name(lang, kFieldNames[f].data(),
                                                   static_cast<std::uint32_t>(kFieldNames[f].size()));
      tsField[f] = id;
      if (id != 0 && id <= fieldCount) fieldByTs[id] = static_cast<FieldId>(f);
    }
  }
};

const LanguageTables &tables() {
  static const LanguageTables instance;
  return instance;
}

} // namespace

std::string_view kindName(NodeKind kind) {
  auto i = static_cast<std::size_t>(kind);
  return i < std::size(kKindRows) ? kKindRows[i].name : std::string_view();
}

bool kindIsNamed(NodeKind kind) {
  auto i = static_cast<std::size_t>(kind);
  return i < std::size(kKindRows) && kKindRows[i].named;
}

std::string_view fieldName(FieldId field) {
  auto i = static_cast<std::size_t>(field);
  return i < std::size(kFieldNames) ? kFieldNames[i] : std::string_view();
}

const TSLanguage *pythonLanguage() { return tree_sitter_python(); }

NodeKind kindOfSymbol(TSSymbol symbol) {
  if (symbol == static_cast<TSSymbol>(-1)) return NodeKind::Error;
  const auto &t = tables();
  return symbol < t.kindBySymbol.size() ? t.kindBySymbol[symbol] : NodeKind::Unknown;
}

TSFieldId tsFieldId(FieldId field) { return tables().tsField[static_cast<std::size_t>(field)]; }

NodeKind Node::kind() const { return kindOfSymbol(ts_node_symbol(raw_)); }

Node Node::field(FieldId field) const {
  TSFieldId id = tsFieldId(field);
  if (id == 0) return Node();
  return Node(ts_node_child_by_field_id(raw_, id));
}

std::vector<Node> Node::fieldAll(FieldId field) const {
  std::vector<Node> out;
  TSFieldId id = tsFieldId(field);
  if (id == 0 || isNull()) return out;
  TSTreeCursor cursor = ts_tree_cursor_new(raw_);
  if (ts_tree_cursor_goto_first_child(&cursor)) {
    do {
      if (ts_tree_cursor_current_field_id(&cursor) == id) out.emplace_back(ts_tree_cursor_current_node(&cursor));
    } while (ts_tree_cursor_goto_next_sibling(&cursor));
  }
  ts_tree_cursor_delete(&cursor);
  return out;
}

FieldId Node::fieldOfChild(std::uint32_t i) const {
  const char *name = ts_node_field_name_for_child(raw_, i);
  if (!name) return FieldId::None;
  TSFieldId id = ts_language_field_id_for_name(pythonLanguage(), name, static_cast<std::uint32_t>(std::strlen(name)));
  const auto &t = tables();
  return id < t.fieldByTs.size() ? t.fieldByTs[id] : FieldId::None;
}

std::vector<Node> Node::children() const {
  std::vector<Node> out;
  if (isNull()) return out;
  std::uint32_t n = childCount();
  out.reserve(n);
  TSTreeCursor cursor = ts_tree_cursor_new(raw_);
  if (ts_tree_cursor_goto_first_child(&cursor)) {
    do out.emplace_back(ts_tree_cursor_current_node(&cursor));
    while (ts_tree_cursor_goto_next_sibling(&cursor));
  }
  ts_tree_cursor_delete(&cursor);
  return out;
}

std::vector<Node> Node::namedChildren() const {
  std::vector<Node> out;
  for (const Node &c : children())
    if (c.isNamed()) out.push_back(c);
  return out;
}

} // namespace typhon
