// Engine: checks one parsed module with a plan (the enabled checks and their bindings).
#pragma once

#include "checkers/CheckDriver.h"
#include "parser/SourceFile.h"

#include <map>
#include <memory>
#include <set>
#include <string>

namespace typhon {

/// The compiled set of rules for a group of files: immutable, shared by threads.
class CheckPlan {
public:
  /// `bindings` holds every enabled rule (native checks and engine-reported ones);
  /// `knownRules` every rule id that exists, enabled or not (for suppression checking).
  CheckPlan(std::vector<std::unique_ptr<Check>> checks, std::map<std::string, RuleBinding> bindings,
            std::set<std::string> knownRules);

  const CheckDriver &driver() const { return driver_; }
  /// The binding of an enabled rule, or nullptr when it is off.
  const RuleBinding *binding(std::string_view id) const;
  bool isKnownRule(std::string_view id) const { return knownRules_.contains(std::string(id)); }
  const std::map<std::string, RuleBinding> &bindings() const { return bindings_; }
  /// Whether an enabled check reads the class model (the run then builds one per configuration).
  bool needsClassModel() const { return needsClassModel_; }

private:
  std::vector<std::unique_ptr<Check>> checks_;
  std::map<std::string, RuleBinding> bindings_;
  std::set<std::string> knownRules_;
  CheckDriver driver_;
  bool needsClassModel_ = false;
};

/// Runs every check of `plan` over `module` in one walk, applies suppression comments and
/// reports unused ones. The result is sorted in output order.
std::vector<Diagnostic> checkModule(const ParsedModule &module, const CheckPlan &plan, const FileFacts &facts);

/// The `io-error` diagnostic for a file that could not be read or decoded.
Diagnostic ioErrorDiagnostic(const IoError &error, const RuleBinding &rule);

/// Test-file heuristic used for FileFacts::isTestFile.
bool looksLikeTestFile(std::string_view path);

} // namespace typhon
