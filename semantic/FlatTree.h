// FlatTree: a module's syntax tree copied once into an array (one cursor pass), so that the
// binder can navigate children and fields by index instead of re-walking tree-sitter cursors.
#pragma once

#include "parser/Node.h"

#include <cstdint>
#include <iterator>
#include <vector>

namespace typhon::sema {

class FlatTree;

/// A node of a FlatTree; the same navigation as Node, by index. Null when index is npos.
class FNode {
public:
  static constexpr std::uint32_t npos = UINT32_MAX;

  FNode() = default;
  FNode(const FlatTree *tree, std::uint32_t index) : tree_(tree), index_(index) {}

  bool isNull() const { return index_ == npos; }
  explicit operator bool() const { return index_ != npos; }
  friend bool operator==(const FNode &a, const FNode &b) { return a.index_ == b.index_; }

  NodeKind kind() const;
  bool is(NodeKind k) const { return !isNull() && kind() == k; }
  bool isNamed() const;
  std::uint32_t startByte() const;
  std::uint32_t endByte() const;
  std::string_view text(std::string_view source) const {
    return source.substr(startByte(), endByte() - startByte());
  }
  /// The tree-sitter node (for storing in the model and for tree-sitter APIs).
  Node node() const;

  FNode parent() const;
  FNode field(FieldId field) const;
  std::vector<FNode> fieldAll(FieldId field) const;
  std::uint32_t childCount() const;
  std::uint32_t namedChildCount() const;
  FNode child(std::uint32_t i) const;
  FNode namedChild(std::uint32_t i) const;

  /// Children (all, or named only) as a range that allocates nothing; converts to a vector.
  class Range {
  public:
    class Iterator {
    public:
      using iterator_category = std::forward_iterator_tag;
      using value_type = FNode;
      using difference_type = std::ptrdiff_t;
      using pointer = void;
      using reference = FNode;
      Iterator() = default;
      Iterator(const FlatTree *tree, std::uint32_t index, bool named) : tree_(tree), index_(index), named_(named) {}
      FNode operator*() const { return {tree_, index_}; }
      Iterator &operator++();
      friend bool operator==(const Iterator &a, const Iterator &b) { return a.index_ == b.index_; }

      Iterator operator++(int) {
        Iterator old = *this;
        ++*this;
        return old;
      }

    private:
      const FlatTree *tree_ = nullptr;
      std::uint32_t index_ = FNode::npos;
      bool named_ = false;
    };
    Range(const FlatTree *tree, std::uint32_t first, bool named);
    Iterator begin() const { return {tree_, first_, named_}; }
    Iterator end() const { return {tree_, FNode::npos, named_}; }
    bool empty() const { return first_ == FNode::npos; }
    operator std::vector<FNode>() const { return {begin(), end()}; }

  private:
    const FlatTree *tree_;
    std::uint32_t first_;
    bool named_;
  };
  Range children() const;
  Range namedChildren() const;

private:
  friend class FlatTree;
  const FlatTree *tree_ = nullptr;
  std::uint32_t index_ = npos;
};

class FlatTree {
public:
  /// Copies the tree under `root` (an empty tree when root is null).
  explicit FlatTree(Node root);

  FNode root() const { return nodes_.empty() ? FNode() : FNode(this, 0); }

private:
  friend class FNode;
  friend class FNode::Range;
  friend class FNode::Range::Iterator;
  struct Entry {
    TSNode ts;
    std::uint32_t start, end, parent, firstChild, nextSibling;
    NodeKind kind;
    TSFieldId field;
    bool named;
  };
  std::vector<Entry> nodes_;
  TSFieldId fieldIds_[static_cast<std::size_t>(FieldId::Count_)] = {};
};

inline NodeKind FNode::kind() const { return tree_->nodes_[index_].kind; }
inline bool FNode::isNamed() const { return tree_->nodes_[index_].named; }
inline std::uint32_t FNode::startByte() const { return tree_->nodes_[index_].start; }
inline std::uint32_t FNode::endByte() const { return tree_->nodes_[index_].end; }

} // namespace typhon::sema
