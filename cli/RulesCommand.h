// `typhon rules list | explain NAME | docs`.
#pragma once

#include "rules/RuleCatalog.h"

#include <filesystem>
#include <string>

namespace typhon {

/// Prints every rule (one line each) or, with `json`, a JSON array. Returns the exit code.
int rulesList(const RuleCatalog &catalog, bool json, const std::string &set);
int rulesExplain(const RuleCatalog &catalog, const std::string &id);
/// Writes docs/rules/** and docs/schema/rule.schema.json under `docsDir`; with `check`, writes
/// nothing and fails (exit 1) when a generated file differs or is missing.
int rulesDocs(const RuleCatalog &catalog, const std::filesystem::path &docsDir, bool check);

} // namespace typhon
