// Test support: the rule catalog, a plan with every rule on, and checking a source text.
#pragma once

#include "checkers/Engine.h"
#include "rules/RuleCatalog.h"
#include "rules/Selection.h"

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace typhon::testing {

std::filesystem::path sourceDir();
const RuleCatalog &catalog();
/// A plan with every rule enabled at its default severity (the `all` set).
const CheckPlan &allRulesPlan();
/// A plan with only `ruleId` enabled.
std::unique_ptr<CheckPlan> singleRulePlan(const std::string &ruleId);

/// Checks `bytes` as file `path` for target Python 3.`pythonMinor`; an undecodable file gives its
/// io-error diagnostic.
std::vector<Diagnostic> checkText(const std::string &path, const std::string &bytes, const CheckPlan &plan,
                                  bool isTestFile = false, int pythonMinor = 13);

/// The target a fixture asks for with a `# fixture: python 3.N` line (13 when none).
int fixturePythonMinor(const std::string &text);

std::string readFile(const std::filesystem::path &path);

} // namespace typhon::testing
