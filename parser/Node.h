// Node: a value-type view of one tree-sitter node, with typed kinds and fields.
#pragma once

#include "parser/NodeKind.h"

#include <tree_sitter/api.h>

#include <cstdint>
#include <string_view>
#include <vector>

extern "C" const TSLanguage *tree_sitter_python(void);

namespace typhon {

/// The tree-sitter-python language object.
const TSLanguage *pythonLanguage();

class Node {
public:
  Node() : raw_{} {}
  explicit Node(TSNode raw) : raw_(raw) {}

  bool isNull() const { return ts_node_is_null(raw_); }
  explicit operator bool() const { return !isNull(); }
  NodeKind kind() const;
  bool is(NodeKind k) const { return !isNull() && kind() == k; }
  /// tree-sitter's type name (prefer kind()).
  std::string_view type() const { return ts_node_type(raw_); }
  bool isNamed() const { return ts_node_is_named(raw_); }
  bool isMissing() const { return ts_node_is_missing(raw_); }
  bool isExtra() const { return ts_node_is_extra(raw_); }
  bool isError() const { return ts_node_is_error(raw_); }
  bool hasError() const { return ts_node_has_error(raw_); }

  std::uint32_t startByte() const { return ts_node_start_byte(raw_); }
  std::uint32_t endByte() const { return ts_node_end_byte(raw_); }
  std::string_view text(std::string_view source) const {
    return source.substr(startByte(), endByte() - startByte());
  }

  std::uint32_t childCount() const { return ts_node_child_count(raw_); }
  std::uint32_t namedChildCount() const { return ts_node_named_child_count(raw_); }
  Node child(std::uint32_t i) const { return Node(ts_node_child(raw_, i)); }
  Node namedChild(std::uint32_t i) const { return Node(ts_node_named_child(raw_, i)); }
  /// The first child in `field`, or a null node.
  Node field(FieldId field) const;
  /// Every child in `field` (e.g. the `alias` fields of an import).
  std::vector<Node> fieldAll(FieldId field) const;
  /// The field of the i-th child (FieldId::None when it has none).
  FieldId fieldOfChild(std::uint32_t i) const;
  std::vector<Node> children() const;
  std::vector<Node> namedChildren() const;

  Node parent() const { return Node(ts_node_parent(raw_)); }
  Node nextSibling() const { return Node(ts_node_next_sibling(raw_)); }
  Node prevSibling() const { return Node(ts_node_prev_sibling(raw_)); }
  Node nextNamedSibling() const { return Node(ts_node_next_named_sibling(raw_)); }
  Node prevNamedSibling() const { return Node(ts_node_prev_named_sibling(raw_)); }

  const TSNode &raw() const { return raw_; }
  friend bool operator==(const Node &a, const Node &b) { return ts_node_eq(a.raw_, b.raw_); }

private:
  TSNode raw_;
};

/// Maps a tree-sitter symbol to its NodeKind.
NodeKind kindOfSymbol(TSSymbol symbol);
/// tree-sitter's field id for a FieldId (0 if the grammar lacks it).
TSFieldId tsFieldId(FieldId field);

} // namespace typhon
