// `typhon rename FILE:LINE:COL NEW_NAME`: scope-aware rename across the project's modules.
#pragma once

#include "cli/CheckRunner.h"

#include <string>

namespace typhon {

struct RenameOptions {
  std::string location; ///< FILE:LINE:COL (1-based line, code-point column)
  std::string newName;
  std::string configFile;
  FixMode mode = FixMode::Write; ///< Write, Diff, Check or Stdout
  bool respectGitignore = true;
};

/// Runs the rename; returns the exit code (0 done, 1 dry run with changes, 2 refused or error).
int renameCommand(const RenameOptions &options);

} // namespace typhon
