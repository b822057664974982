// Builtins: the names every module sees without binding them, read from typeshed's builtins.pyi
// (or, when typeshed cannot be found, CPython's list compiled in).
#pragma once

#include <expected>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace typhon::sema {

class BuiltinNames {
public:
  /// Whether `name` is a builtin of the target Python 3.`pythonMinor`. Names added in a released
  /// version newer than the target still count (code often guards them), unreleased ones do not.
  bool contains(std::string_view name, int pythonMinor) const;
  /// Where the names came from: the builtins.pyi path, or "the built-in list".
  const std::string &origin() const { return origin_; }
  /// Non-empty when typeshed was not found and the built-in list is used; tell the user once.
  const std::string &notice() const { return notice_; }
  std::size_t size() const { return minMinor_.size(); }
  /// Every name, sorted (for tests and `--verbose` listings).
  std::vector<std::string> names() const;

  /// Adds `name`, available from Python 3.`minMinor` on.
  void add(std::string name, int minMinor);
  void setOrigin(std::string origin, std::string notice) {
    origin_ = std::move(origin);
    notice_ = std::move(notice);
  }

private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, int, Hash, std::equal_to<>> minMinor_;
  std::string origin_;
  std::string notice_;
};

/// Where typeshed is: `explicitDir` when given, else $TYPHON_TYPESHED, else the source tree's
/// third_party/typeshed (compiled in), else <exe>/../share/typhon/typeshed. A directory counts
/// when it has stdlib/builtins.pyi.
std::optional<std::filesystem::path> locateTypeshed(const std::optional<std::filesystem::path> &explicitDir = {});

/// The public top-level names of <typeshedDir>/stdlib/builtins.pyi, parsed with typhon's parser.
std::expected<BuiltinNames, std::string> loadBuiltins(const std::filesystem::path &typeshedDir);

/// CPython 3.13's builtins, for when typeshed is missing.
BuiltinNames fallbackBuiltins();

/// The builtins of this process: loaded once, on first use, from the located typeshed, falling
/// back to the built-in list (with a notice). Immutable afterwards; safe to share between threads.
const BuiltinNames &defaultBuiltins();

} // namespace typhon::sema
