// GitIgnore: .gitignore pattern files, matched with git's rules (anchoring, dir-only, negation).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace typhon {

class GitIgnoreFile {
public:
  /// Parses the patterns of one .gitignore (or an exclude list) rooted at `base`.
  GitIgnoreFile(std::filesystem::path base, std::string_view text);
  /// Adds gitignore-style patterns rooted at `base` (used for config `exclude`).
  static GitIgnoreFile fromPatterns(std::filesystem::path base, const std::vector<std::string> &patterns);

  enum class Verdict { None, Ignored, Included };
  /// The verdict of the last matching pattern for `path` (absolute, under base).
  Verdict match(const std::filesystem::path &path, bool isDir) const;
  const std::filesystem::path &base() const { return base_; }

private:
  struct Pattern {
    std::string glob;
    bool negate = false;
    bool dirOnly = false;
    bool anchored = false;
  };
  GitIgnoreFile() = default;
  void add(std::string_view line);
  std::filesystem::path base_;
  std::vector<Pattern> patterns_;
};

} // namespace typhon
