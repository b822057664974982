// RuleTree: ast-grep's rule operators for Python (pattern, kind, regex, nthChild, inside, has,
// follows, precedes, all, any, not, matches), compiled from a rule entry into an immutable tree.
#pragma once

#include "rules/DataTree.h"
#include "rules/pattern/Match.h"

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <unordered_map>
#include <string>
#include <vector>

namespace re2 {
class RE2;
}

namespace typhon {

struct RuleNode {
  enum class Op { Pattern, Kind, Regex, NthChild, Inside, Has, Follows, Precedes, All, Any, Not, Matches, Type };
  enum class StopBy { Neighbor, End, Rule };
  Op op = Op::All;
  std::shared_ptr<const Pattern> pattern;
  NodeKind kind = NodeKind::Unknown;
  std::shared_ptr<const re2::RE2> regex;
  int position = 0; ///< nthChild, 1-based
  bool reverse = false;
  std::vector<RuleNode> children; ///< all/any: the operands; relational/not: [target] (+ [stopBy rule])
  StopBy stopBy = StopBy::Neighbor;
  FieldId field = FieldId::None;
  std::string name; ///< matches: the util id; type: the type name
};

/// Results of metavariable-free `has` rules per (rule node, tree node), kept for one file.
struct RuleMemoKey {
  const RuleNode *rule;
  const void *node;
  bool operator==(const RuleMemoKey &) const = default;
};
struct RuleMemoHash {
  std::size_t operator()(const RuleMemoKey &k) const {
    return std::hash<const void *>()(k.rule) * 31 ^ std::hash<const void *>()(k.node);
  }
};
using RuleMemo = std::unordered_map<RuleMemoKey, bool, RuleMemoHash>;

/// Where a rule runs: the source, the utils, and the ancestors of the node being visited;
/// optionally the memo for the rule's metavariable-free `has` nodes (`pure`).
struct RuleScope {
  std::string_view source;
  const std::map<std::string, RuleNode> *utils = nullptr;
  Node visited;
  const std::vector<Node> *visitedAncestors = nullptr;
  const std::set<const RuleNode *> *pure = nullptr;
  RuleMemo *memo = nullptr;
};

/// The `has` nodes of a rule (and its utils) whose result cannot depend on metavariables.
std::set<const RuleNode *> pureHasNodes(const RuleNode &root, const std::map<std::string, RuleNode> &utils);

/// Compiles a rule object (the value of `rule:`, a constraint, or a util). `key` names it in errors.
std::expected<RuleNode, DataError> compileRuleNode(const DataNode &node, const DataReader &reader,
                                                   const std::string &key);

/// Evaluates `rule` at `node`; bindings accumulate in `env` (unchanged on failure).
bool evalRule(const RuleNode &rule, Node node, const RuleScope &scope, MetaEnv &env, int depth = 0);

/// Node kinds a match of `rule` can start at; nullopt when any kind can.
std::optional<std::vector<NodeKind>> rootKindsOf(const RuleNode &rule, const std::map<std::string, RuleNode> &utils,
                                                 int depth = 0);

/// Identifiers that every match of `rule` certainly contains as text, as clauses: each clause
/// lists words of which at least one occurs (a pattern's identifier leaves are one clause each;
/// `any` gives one clause with a word of every alternative; `all`, `has` and `matches` pass
/// theirs on). A file or node that fails a clause cannot match, which lets the check skip it.
/// `withinNode` is cleared when some words may lie outside the matched node's own text
/// (statement-sequence patterns).
struct RequiredWords {
  std::vector<std::vector<std::string>> clauses;
  bool withinNode = true;
  /// Whether `text` satisfies every clause.
  bool satisfiedBy(std::string_view text) const;
};
/// `constraints` add the words of constraints on metavariables every match binds inside the node.
RequiredWords requiredWordsOf(const RuleNode &rule, const std::map<std::string, RuleNode> &utils,
                              const std::map<std::string, RuleNode> &constraints = {});
/// The literal alternatives of a regex of the form `^word$` / `^(a|b|c)$` (`\.` for a dot);
/// empty for any other regex.
std::vector<std::string> regexLiteralAlternatives(std::string_view regex);

/// Metavariables a rule can bind (patterns anywhere in it).
void collectRuleMetavariables(const RuleNode &rule, std::vector<std::string> &out);

/// The type name of a literal expression (`str`, `int`, `list`, ...), or empty when unknown.
std::string literalTypeOf(Node node, std::string_view source);

/// NodeKind of a tree-sitter kind name (named kinds only); Unknown if none.
NodeKind namedKindByName(std::string_view name);
FieldId fieldByName(std::string_view name);

} // namespace typhon
