// Pattern: Python source with metavariables ($X, $$$X, $_) compiled into a tree to match against.
#pragma once

#include "parser/Tree.h"

#include <expected>
#include <memory>
#include <string>
#include <vector>

namespace typhon {

/// One node of a compiled pattern: a kind with significant children, a leaf text, or a metavariable.
struct PatternNode {
  enum class Meta { None, Single, Multi };
  NodeKind kind = NodeKind::Unknown;
  Meta meta = Meta::None;
  std::string metaName; ///< empty for the `$_` / `$$$` wildcards
  bool named = false;
  std::string text; ///< leaves: the token text
  std::vector<PatternNode> children;
  bool isLeaf() const { return children.empty() && meta == Meta::None; }
};

struct PatternError {
  std::string message;
  std::uint32_t offset = 0; ///< byte offset in the pattern text
};

/// A compiled pattern. `statements` is set when the pattern is a sequence of statements.
class Pattern {
public:
  static std::expected<Pattern, PatternError> compile(std::string_view source);
  /// ast-grep's `{context, selector}`: parse `context`, match only its first `selector` node.
  static std::expected<Pattern, PatternError> compileSelected(std::string_view context, NodeKind selector);

  const PatternNode &root() const { return root_; }
  /// For multi-statement patterns: the statements to find consecutively in a block.
  const std::vector<PatternNode> &statements() const { return statements_; }
  bool isSequence() const { return !statements_.empty(); }
  /// Node kinds a match can start at (empty: any named kind).
  std::vector<NodeKind> rootKinds() const;
  /// Every metavariable name the pattern binds.
  std::vector<std::string> metavariables() const;

private:
  PatternNode root_;
  std::vector<PatternNode> statements_;
};

/// Children that matter for matching: not comments or other extras, not commas, and
/// parenthesized expressions are unwrapped by the matcher.
bool isSignificantChild(Node child);

} // namespace typhon
