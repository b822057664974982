// FlatTree: one pre-order cursor pass fills the array; children are linked by index.
#include "semantic/FlatTree.h"

namespace typhon::sema {

FlatTree::FlatTree(Node root) {
  for (std::size_t f = 0; f < static_cast<std::size_t>(FieldId::Count_); ++f)
    fieldIds_[f] = tsFieldId(static_cast<FieldId>(f));
  if (!root) return;
  // About one node per 2.5 bytes of Python source; avoids most reallocation.
  nodes_.reserve(ts_node_end_byte(root.raw()) / 2 + 16);
  // (node index, index of its last child so far) for each ancestor of the cursor's node.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> open;
  TSTreeCursor cursor = ts_tree_cursor_new(root.raw());
  for (;;) {
    TSNode ts = ts_tree_cursor_current_node(&cursor);
    auto index = static_cast<std::uint32_t>(nodes_.size());
    std::uint32_t parent = open.empty() ? FNode::npos : open.back().first;
    nodes_.push_back({ts, ts_node_start_byte(ts), ts_node_end_byte(ts), parent, FNode::npos, FNode::npos,
                      kindOfSymbol(ts_node_symbol(ts)), ts_tree_cursor_current_field_id(&cursor), ts_node_is_named(ts)});
    if (!open.empty()) {
      std::uint32_t &last = open.back().second;
      if (last == FNode::npos)
        nodes_[parent].firstChild = index;
      else
        nodes_[last].nextSibling = index;
      last = index;
    }
    if (ts_tree_cursor_goto_first_child(&cursor)) {
      open.emplace_back(index, FNode::npos);
      continue;
    }
    bool done = false;
    while (!ts_tree_cursor_goto_next_sibling(&cursor)) {
      if (open.empty() || !ts_tree_cursor_goto_parent(&cursor)) {
        done = true;
        break;
      }
      open.pop_back();
    }
    if (done || open.empty()) break;
  }
  ts_tree_cursor_delete(&cursor);
}

Node FNode::node() const { return isNull() ? Node() : Node(tree_->nodes_[index_].ts); }

FNode FNode::parent() const {
  if (isNull()) return {};
  std::uint32_t p = tree_->nodes_[index_].parent;
  return p == npos ? FNode() : FNode(tree_, p);
}

FNode FNode::field(FieldId field) const {
  if (isNull()) return {};
  TSFieldId id = tree_->fieldIds_[static_cast<std::size_t>(field)];
  if (id == 0) return {};
  for (std::uint32_t c = tree_->nodes_[index_].firstChild; c != npos; c = tree_->nodes_[c].nextSibling)
    if (tree_->nodes_[c].field == id) return {tree_, c};
  return {};
}

std::vector<FNode> FNode::fieldAll(FieldId field) const {
  std::vector<FNode> out;
  if (isNull()) return out;
  TSFieldId id = tree_->fieldIds_[static_cast<std::size_t>(field)];
  if (id == 0) return out;
  for (std::uint32_t c = tree_->nodes_[index_].firstChild; c != npos; c = tree_->nodes_[c].nextSibling)
    if (tree_->nodes_[c].field == id) out.emplace_back(tree_, c);
  return out;
}

std::uint32_t FNode::childCount() const {
  std::uint32_t n = 0;
  if (isNull()) return n;
  for (std::uint32_t c = tree_->nodes_[index_].firstChild; c != npos; c = tree_->nodes_[c].nextSibling) ++n;
  return n;
}

std::uint32_t FNode::namedChildCount() const {
  std::uint32_t n = 0;
  if (isNull()) return n;
  for (std::uint32_t c = tree_->nodes_[index_].firstChild; c != npos; c = tree_->nodes_[c].nextSibling)
    n += tree_->nodes_[c].named ? 1 : 0;
  return n;
}

FNode FNode::child(std::uint32_t i) const {
  if (isNull()) return {};
  for (std::uint32_t c = tree_->nodes_[index_].firstChild; c != npos; c = tree_->nodes_[c].nextSibling)
    if (i-- == 0) return {tree_, c};
  return {};
}

FNode FNode::namedChild(std::uint32_t i) const {
  if (isNull()) return {};
  for (std::uint32_t c = tree_->nodes_[index_].firstChild; c != npos; c = tree_->nodes_[c].nextSibling)
    if (tree_->nodes_[c].named && i-- == 0) return {tree_, c};
  return {};
}

FNode::Range::Range(const FlatTree *tree, std::uint32_t first, bool named) : tree_(tree), first_(first), named_(named) {
  while (named_ && first_ != npos && !tree_->nodes_[first_].named) first_ = tree_->nodes_[first_].nextSibling;
}

FNode::Range::Iterator &FNode::Range::Iterator::operator++() {
  do index_ = tree_->nodes_[index_].nextSibling;
  while (named_ && index_ != npos && !tree_->nodes_[index_].named);
  return *this;
}

FNode::Range FNode::children() const {
  return {tree_, isNull() ? npos : tree_->nodes_[index_].firstChild, false};
}

FNode::Range FNode::namedChildren() const {
  return {tree_, isNull() ? npos : tree_->nodes_[index_].firstChild, true};
}

} // namespace typhon::sema
