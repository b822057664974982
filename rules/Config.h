// Config: typhon.yaml / .typhon.yaml / pyproject.toml [tool.typhon], discovered up the tree.
#pragma once

#include "checkers/Diagnostic.h"
#include "rules/DataTree.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace typhon {

/// One entry under `rules:`: a rule id, group or glob, with `off`, a severity, and options.
struct RuleSetting {
  std::string selector;
  bool off = false;
  std::optional<Severity> severity;
  nlohmann::json options = nlohmann::json::object();
  std::string file;
  std::uint32_t line = 0;
  std::uint32_t column = 0;
};

/// One `per-file-ignores` entry: a glob and the rules it turns off.
struct PerFileIgnore {
  std::string glob;
  std::vector<std::string> rules;
  std::uint32_t line = 0;
  std::uint32_t column = 0;
};

struct Config {
  std::string file; ///< display path of the file it came from; empty for the defaults
  std::filesystem::path root; ///< the directory globs are relative to
  std::vector<std::string> extends{"recommended"};
  int pythonMajor = 3;
  int pythonMinor = 9;
  std::vector<RuleSetting> rules;
  std::vector<std::string> ruleDirs;
  std::vector<std::string> exclude;
  std::vector<std::string> searchPaths;
  std::vector<PerFileIgnore> perFileIgnores;
  std::uint32_t extendsLine = 0;
};

/// Parses "3.12" into (3, 12).
std::optional<std::pair<int, int>> parsePythonVersion(std::string_view text);

/// Builds a Config from a parsed document (YAML or the TOML table).
std::expected<Config, DataError> configFromData(const DataNode &doc, const std::string &file,
                                                const std::filesystem::path &root);

/// Loads a config file. A pyproject.toml without [tool.typhon] gives nullopt.
std::expected<std::optional<Config>, DataError> loadConfigFile(const std::filesystem::path &path);

/// Finds the config governing each directory by walking up; caches per directory; thread-safe.
class ConfigFinder {
public:
  /// `explicitConfig` (from --config) wins over discovery when set.
  explicit ConfigFinder(std::optional<std::filesystem::path> explicitConfig = std::nullopt);
  /// The config for files in `dir` (an absolute, normalized path).
  std::expected<std::shared_ptr<const Config>, DataError> forDirectory(const std::filesystem::path &dir);

private:
  std::optional<std::filesystem::path> explicit_;
  std::mutex mutex_;
  std::map<std::filesystem::path, std::expected<std::shared_ptr<const Config>, DataError>> cache_;
  std::shared_ptr<const Config> defaults_;
};

} // namespace typhon
