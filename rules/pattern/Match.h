// Match: structural matching of a compiled pattern against a syntax tree, binding metavariables.
#pragma once

#include "rules/pattern/Pattern.h"

#include <string>
#include <string_view>
#include <vector>

namespace typhon {

/// What one metavariable is bound to: a node, or (for `$$$X`) a run of sibling nodes.
struct MetaBinding {
  std::string name;
  bool multi = false;
  Node node;
  std::vector<Node> nodes;
};

/// Metavariable bindings of one match (small: a flat vector).
class MetaEnv {
public:
  const MetaBinding *find(std::string_view name) const;
  void bind(MetaBinding b) { bindings_.push_back(std::move(b)); }
  const std::vector<MetaBinding> &all() const { return bindings_; }
  /// Text a binding stands for: a node's text, or the span from the first to the last node.
  std::string textOf(const MetaBinding &b, std::string_view source) const;
  /// Extra string variables made by `transform`.
  void setString(std::string name, std::string value) { strings_.emplace_back(std::move(name), std::move(value)); }
  const std::string *findString(std::string_view name) const;

private:
  std::vector<MetaBinding> bindings_;
  std::vector<std::pair<std::string, std::string>> strings_;
};

/// Matches `pattern` at `node`. On success, `env` holds the bindings (it may be non-empty on
/// entry: existing bindings must agree).
bool matchPattern(const Pattern &pattern, Node node, std::string_view source, MetaEnv &env);
/// For statement-sequence patterns: the consecutive statements of `block` matched, or empty.
std::vector<Node> matchSequence(const Pattern &pattern, Node block, std::string_view source, MetaEnv &env);

/// Token-level equality of two nodes' text (whitespace and comments ignored).
bool sameTokens(Node a, Node b, std::string_view source);

} // namespace typhon
