// CheckRunner: discovery -> configuration -> parallel parse and check -> sorted diagnostics.
#pragma once

#include "checkers/Diagnostic.h"
#include "passes/fold/Fold.h"
#include "rules/Config.h"
#include "rules/RuleCatalog.h"
#include "semantic/ModuleGraph.h"
#include "rules/Selection.h"

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace typhon {

/// What `--fix`, `fix`, `rewrite` do with the fixes they compute.
enum class FixMode { None, Write, Diff, Check, Stdout };

struct CheckOptions {
  std::vector<std::string> paths{"."};
  std::optional<std::filesystem::path> configFile;
  CliSelection selection;
  unsigned jobs = 0; ///< 0: one per core
  bool respectGitignore = true;
  FixMode fixMode = FixMode::None;
  bool unsafeFixes = false;     ///< apply unsafe fixes too
  bool force = false;           ///< also transform files that already have syntax errors
  /// `rewrite -r FILE`: rule files whose rules are the only ones run; every fix of theirs applies.
  std::vector<std::string> rewriteRuleFiles;
  /// `fold`: constant folding instead of the rules (no diagnostics; every file is transformed).
  std::optional<FoldOptions> fold;
};

/// One file a transformation changed (or would change).
struct FileChange {
  std::string file;
  std::string diff;
  std::string newText;      ///< UTF-8, for --stdout
  std::size_t applied = 0;  ///< fixes applied
  bool converged = true;
  std::vector<std::string> dropped; ///< fixes dropped because the result did not parse
  std::string error;        ///< the write failed
};

struct RunResult {
  std::vector<Diagnostic> diagnostics; ///< in output order
  std::size_t files = 0;
  double durationMs = 0;
  /// Sources of files with diagnostics, by display path (for snippets).
  std::map<std::string, std::shared_ptr<const SourceFile>> sources;
  /// Files changed by a fixing run, in path order.
  std::vector<FileChange> changes;
  /// Files left alone because they already had syntax errors (no --force).
  std::vector<std::string> skippedBroken;
};

/// A configuration or rule-file error: the run stops with exit code 2.
struct RunError {
  std::string message;
};

std::expected<RunResult, RunError> runCheck(const CheckOptions &options, const RuleCatalog &builtin);

/// The module graph's options for files governed by `config`: the project root (the config's
/// directory, or the current directory without a config file), then `search-paths`.
sema::ModuleGraphOptions moduleGraphOptions(const Config &config, int pythonMinor);

} // namespace typhon
