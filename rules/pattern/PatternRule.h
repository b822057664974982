// PatternRule: a compiled declarative rule (rule tree, constraints, utils, transform, fix), and the
// Check that runs it inside the single tree walk.
#pragma once

#include "checkers/Check.h"
#include "rules/pattern/RuleTree.h"
#include "rules/pattern/Template.h"

#include <map>
#include <memory>
#include <optional>
#include <string>

namespace typhon {

struct PatternRule {
  RuleNode root;
  std::map<std::string, RuleNode> constraints;
  std::map<std::string, RuleNode> utils;
  std::vector<Transform> transforms;
  std::optional<std::string> fix;
  std::string message;
  Applicability applicability = Applicability::Safe;
};

/// One match of a rule: the range it covers, its bindings, message and fix.
struct PatternMatch {
  std::uint32_t startByte = 0;
  std::uint32_t endByte = 0;
  std::string message;
  std::optional<Fix> fix;
};

/// Compiles the declarative parts of a rule entry (`rule`, `constraints`, `utils`, `transform`, `fix`).
std::expected<PatternRule, DataError> compilePatternRule(const DataNode &doc, const DataReader &reader,
                                                         const std::string &message, Applicability applicability);

/// Matches `rule` at `node` (whose ancestors are given); nullopt when it does not match.
/// `pure`/`memo` (optional): the rule's metavariable-free `has` nodes and this file's memo of them.
std::optional<PatternMatch> matchPatternRule(const PatternRule &rule, Node node, const std::vector<Node> &ancestors,
                                             std::string_view source, const std::set<const RuleNode *> *pure = nullptr,
                                             RuleMemo *memo = nullptr);

class PatternCheck final : public Check {
public:
  PatternCheck(RuleBinding binding, std::shared_ptr<const PatternRule> rule);
  std::vector<NodeKind> kinds() const override { return kinds_; }
  /// False for files that lack one of the identifiers every match contains.
  bool appliesTo(const CheckContext &ctx) const override;
  void visit(Node node, CheckContext &ctx) const override;

private:
  std::shared_ptr<const PatternRule> rule_;
  std::vector<NodeKind> kinds_;
  RequiredWords required_;
  std::set<const RuleNode *> pure_;
};

} // namespace typhon
