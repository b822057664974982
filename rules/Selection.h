// Selection: which rules run, at what severity and with which options, for a config and the CLI
// flags; and the CheckPlan built from that.
#pragma once

#include "checkers/Engine.h"
#include "rules/Config.h"
#include "rules/RuleCatalog.h"

#include <map>
#include <memory>
#include <string>

namespace typhon {

struct CliSelection {
  std::vector<std::string> select; ///< when non-empty, only these run
  std::vector<std::string> ignore; ///< never run
  std::optional<std::pair<int, int>> pythonVersion; ///< overrides the config's
};

using RuleBindings = std::map<std::string, RuleBinding>;

/// Enabled rules for files governed by `config`. Errors name the config location of an unknown
/// selector or set.
std::expected<RuleBindings, DataError> resolveRules(const RuleCatalog &catalog, const Config &config,
                                                    const CliSelection &cli);

/// Removes the rules `config`'s per-file-ignores name for `relativePath` (relative to config.root).
RuleBindings applyPerFileIgnores(const RuleCatalog &catalog, const Config &config, const RuleBindings &bindings,
                                 std::string_view relativePath);

/// Whether a version gate such as ">=3.8" or ">=3.8,<3.12" admits major.minor. Empty admits all.
std::expected<bool, std::string> versionGateAdmits(std::string_view gate, int major, int minor);

/// Instantiates the native checks of `bindings`.
std::unique_ptr<CheckPlan> buildPlan(const RuleCatalog &catalog, const RuleBindings &bindings);

} // namespace typhon
