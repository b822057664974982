// Tree, Parser, ParsedModule: RAII over TSTree/TSParser and the immutable parse product.
#pragma once

#include "parser/Node.h"
#include "parser/SourceFile.h"

#include <memory>

namespace typhon {

/// Owns a TSTree. Move-only; copy() makes a cheap tree-sitter copy for another thread.
class Tree {
public:
  Tree() = default;
  explicit Tree(TSTree *tree) : tree_(tree) {}
  Tree(Tree &&other) noexcept : tree_(other.tree_) { other.tree_ = nullptr; }
  Tree &operator=(Tree &&other) noexcept;
  Tree(const Tree &) = delete;
  Tree &operator=(const Tree &) = delete;
  ~Tree();

  Tree copy() const { return Tree(tree_ ? ts_tree_copy(tree_) : nullptr); }
  Node root() const { return tree_ ? Node(ts_tree_root_node(tree_)) : Node(); }
  TSTree *raw() const { return tree_; }
  explicit operator bool() const { return tree_ != nullptr; }

private:
  TSTree *tree_ = nullptr;
};

/// Owns a TSParser set to Python. One per thread.
class Parser {
public:
  Parser();
  Parser(const Parser &) = delete;
  Parser &operator=(const Parser &) = delete;
  ~Parser();

  /// Parses UTF-8 `text`; `old` (already edited) enables incremental re-parse.
  Tree parse(std::string_view text, const Tree *old = nullptr);

private:
  TSParser *parser_;
};

/// A source file and its syntax tree; immutable once built.
class ParsedModule {
public:
  ParsedModule(std::shared_ptr<const SourceFile> source, Tree tree)
      : source_(std::move(source)), tree_(std::move(tree)) {}

  const SourceFile &source() const { return *source_; }
  const std::shared_ptr<const SourceFile> &sourcePtr() const { return source_; }
  std::string_view text() const { return source_->text(); }
  const Tree &tree() const { return tree_; }
  Node root() const { return tree_.root(); }
  std::string_view textOf(Node n) const { return n.text(source_->text()); }
  Range rangeOf(Node n) const { return source_->range(n.startByte(), n.endByte()); }

private:
  std::shared_ptr<const SourceFile> source_;
  Tree tree_;
};

std::shared_ptr<const ParsedModule> parseModule(Parser &parser, std::shared_ptr<const SourceFile> source);

} // namespace typhon
