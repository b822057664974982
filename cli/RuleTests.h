// RuleTests: runs every rule's `valid` / `invalid` examples (and `fixed` expectations).
#pragma once

#include "rules/RuleCatalog.h"

#include <string>
#include <vector>

namespace typhon {

struct ExampleFailure {
  std::string rule;
  std::string file;
  std::string what; ///< e.g. "invalid[2] not flagged"
  std::string code;
};

struct RuleTestReport {
  std::size_t passed = 0;
  std::vector<ExampleFailure> failures;
};

/// Runs the examples of `rule` with only that rule enabled (`syntax-error` aside).
void runRuleExamples(const RuleCatalog &catalog, const RuleSpec &rule, RuleTestReport &report);

/// `typhon rules test [DIR...]`: with no DIR, the built-in packs; prints failures and
/// "N passed, N failed". Returns the exit code.
int rulesTest(const RuleCatalog &builtin, const std::vector<std::string> &dirs);

} // namespace typhon
