// CheckRunner: discovery -> configuration -> parallel parse and check -> sorted diagnostics.
#pragma once

#include "checkers/Diagnostic.h"
#include "rules/RuleCatalog.h"
#include "rules/Selection.h"

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace typhon {

struct CheckOptions {
  std::vector<std::string> paths{"."};
  std::optional<std::filesystem::path> configFile;
  CliSelection selection;
  unsigned jobs = 0; ///< 0: one per core
  bool respectGitignore = true;
};

struct RunResult {
  std::vector<Diagnostic> diagnostics; ///< in output order
  std::size_t files = 0;
  double durationMs = 0;
  /// Sources of files with diagnostics, by display path (for snippets).
  std::map<std::string, std::shared_ptr<const SourceFile>> sources;
};

/// A configuration or rule-file error: the run stops with exit code 2.
struct RunError {
  std::string message;
};

std::expected<RunResult, RunError> runCheck(const CheckOptions &options, const RuleCatalog &builtin);

} // namespace typhon
