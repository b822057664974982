// Discovery: the Python files named by the command line, honouring .gitignore, default excludes
// and the configuration's `exclude`.
#pragma once

#include "parser/SourceFile.h"

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace typhon {

struct DiscoveredFile {
  std::filesystem::path path; ///< absolute
  std::string display;        ///< as diagnostics name it (relative to the working directory when inside it)
};

struct DiscoveryResult {
  std::vector<DiscoveredFile> files; ///< sorted by display path, no duplicates
  std::vector<IoError> errors;       ///< arguments that do not exist, unreadable directories
};

struct DiscoveryOptions {
  bool respectGitignore = true;
  /// Extra exclusion (config `exclude`), asked for every directory and file found by walking.
  std::function<bool(const std::filesystem::path &, bool isDir)> excluded;
};

/// Directory names never entered while walking.
bool isDefaultExcludedDir(std::string_view name);

DiscoveryResult discoverFiles(const std::vector<std::string> &arguments, const DiscoveryOptions &options);

/// How diagnostics name `path`: relative to the working directory when inside it.
std::string displayPath(const std::filesystem::path &absolute);

} // namespace typhon
