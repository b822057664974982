// RuleCatalog: every rule entry (built-in packs and the project's rule-dirs) and the rule sets.
#pragma once

#include "rules/RuleSpec.h"

#include <filesystem>
#include <set>
#include <string>
#include <vector>

namespace typhon {

class RuleCatalog {
public:
  /// The rules and sets embedded in the binary. Errors here are bugs in the packs; tests keep them out.
  static std::expected<RuleCatalog, std::vector<DataError>> builtin();

  /// Adds every `*.yaml`/`*.yml` rule file under `dir`. Returns the errors (other rules stay loaded).
  std::vector<DataError> addDirectory(const std::filesystem::path &dir, const std::string &displayDir);
  /// Adds one rule from YAML text. `builtinPath` enforces rules/packs/<group>/<id>.yaml.
  std::optional<DataError> addRuleText(std::string_view text, const std::string &file, bool builtinPath);

  /// Adds every rule of a YAML stream (one or more `---` separated entries); returns their ids.
  std::expected<std::vector<std::string>, std::vector<DataError>> addRuleStream(std::string_view text,
                                                                                const std::string &file);

  /// Drops the rules with these ids (`typhon rules test rules/packs` reloads the built-in packs from disk).
  void removeRules(const std::set<std::string> &ids);

  const std::vector<RuleSpec> &rules() const { return rules_; }
  const RuleSpec *find(std::string_view id) const;
  bool hasGroup(std::string_view group) const;
  std::vector<std::string> groups() const;
  const std::vector<RuleSetSpec> &sets() const { return sets_; }
  const RuleSetSpec *findSet(std::string_view name) const;

  /// Rule ids a selector names: a rule id, a group, or a glob over ids and `group/id`.
  /// Empty when it names nothing.
  std::vector<std::string> select(std::string_view selector) const;
  /// The ids a set turns on (following `extends`), or an error naming an unknown set or a cycle.
  std::expected<std::set<std::string>, std::string> expandSet(std::string_view name) const;

private:
  std::expected<std::set<std::string>, std::string> expandSet(std::string_view name, int depth) const;
  std::vector<RuleSpec> rules_;
  std::vector<RuleSetSpec> sets_;
};

} // namespace typhon
