// RuleSpec: the plain data of one YAML rule entry, and of one rule set; parsed with located errors.
#pragma once

#include "checkers/Diagnostic.h"
#include "rules/DataTree.h"
#include "rules/pattern/PatternRule.h"

#include <nlohmann/json.hpp>

#include <expected>
#include <span>

#include <string>
#include <vector>

namespace typhon {

struct RuleSpec {
  std::string id;
  std::string group;
  Severity severity = Severity::Warning;
  std::string message;
  std::string description;
  std::string url;
  std::string help;
  std::string native; ///< C++ check name; empty for declarative rules
  Applicability applicability = Applicability::Safe;
  bool fixable = false;
  std::string python; ///< version gate, e.g. ">=3.8"
  std::vector<std::string> valid;
  std::vector<std::string> invalid;
  /// For each invalid example, the text expected after applying the fixes (`{code, fixed}` items).
  std::vector<std::optional<std::string>> invalidFixed;
  std::vector<std::string> files;
  std::vector<std::string> ignores;
  nlohmann::json options = nlohmann::json::object();
  /// The compiled declarative rule; null for native rules.
  std::shared_ptr<const PatternRule> pattern;
  std::string sourceFile;
  std::uint32_t sourceLine = 0;
  /// A rule of the project (`rule-dirs`, `rewrite -r`): on by default, unlike built-ins, which sets enable.
  bool project = false;
};

/// A built-in rule set (rules/sets/<name>.yaml): which rules it turns on.
struct RuleSetSpec {
  std::string name;
  std::string description;
  std::vector<std::string> extends;
  std::vector<std::string> include; ///< rule ids, groups or globs
  std::vector<std::string> exclude;
  std::string sourceFile;
};

/// Every key a rule entry may have (product.md §4), for validation and the JSON Schema.
std::span<const std::string_view> ruleKeys();

std::expected<RuleSpec, DataError> parseRuleSpec(const DataNode &doc, const std::string &file);
std::expected<RuleSetSpec, DataError> parseRuleSetSpec(const DataNode &doc, const std::string &file,
                                                       std::string name);
/// Converts a DataNode (options) to JSON, typing scalars that look like numbers or booleans.
nlohmann::json dataToJson(const DataNode &node);

} // namespace typhon
