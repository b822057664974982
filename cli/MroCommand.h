// `typhon mro FILE [CLASS] [--format json]`: the C3 linearization of the classes of a file, as
// CPython computes `__mro__`, with the class-creation errors of the file.
#pragma once

#include "rules/RuleCatalog.h"

#include <filesystem>
#include <optional>
#include <string>
#include <utility>

namespace typhon {

struct MroOptions {
  std::string file;
  /// Only this class (its `__qualname__`, e.g. `Outer.Inner`).
  std::string className;
  bool json = false;
  std::optional<std::filesystem::path> configFile;
  std::optional<std::pair<int, int>> pythonVersion;
};

/// Prints the result; returns the exit code (0 ok, 1 the class was not found or is not known,
/// 2 usage or I/O error).
int mroCommand(const MroOptions &options, const RuleCatalog &catalog);

} // namespace typhon
