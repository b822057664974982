// CheckDriver: the single traversal shared by all checks.
#include "checkers/CheckDriver.h"

namespace typhon {

CheckDriver::CheckDriver(std::vector<const Check *> checks) : checks_(std::move(checks)) {
  for (std::uint32_t i = 0; i < checks_.size(); ++i)
    for (NodeKind kind : checks_[i]->kinds()) byKind_[static_cast<std::size_t>(kind)].push_back(i);
}

void CheckDriver::run(CheckContext &ctx, const std::function<void(Node)> &onComment) const {
  std::vector<char> active(checks_.size(), 0);
  for (std::size_t i = 0; i < checks_.size(); ++i) {
    active[i] = checks_[i]->appliesTo(ctx) ? 1 : 0;
    if (active[i]) checks_[i]->begin(ctx);
  }
  Node root = ctx.module().root();
  if (!root) return;
  std::vector<Node> &ancestors = ctx.mutableAncestors();
  ancestors.clear();
  TSTreeCursor cursor = ts_tree_cursor_new(root.raw());
  for (;;) {
    Node node(ts_tree_cursor_current_node(&cursor));
    NodeKind kind = kindOfSymbol(ts_node_symbol(node.raw()));
    if (kind == NodeKind::Comment && onComment) onComment(node);
    for (std::uint32_t i : byKind_[static_cast<std::size_t>(kind)])
      if (active[i]) checks_[i]->visit(node, ctx);
    if (ts_tree_cursor_goto_first_child(&cursor)) {
      ancestors.push_back(node);
      continue;
    }
    bool done = false;
    while (!ts_tree_cursor_goto_next_sibling(&cursor)) {
      if (!ts_tree_cursor_goto_parent(&cursor)) {
        done = true;
        break;
      }
      ancestors.pop_back();
    }
    if (done) break;
  }
  ts_tree_cursor_delete(&cursor);
  ancestors.clear();
}

} // namespace typhon
