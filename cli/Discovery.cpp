// Discovery: recursive walk without following directory symlinks (no loops), gitignore stack.
#include "cli/Discovery.h"

#include "cli/GitIgnore.h"

#include <algorithm>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>

namespace typhon {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kSkipped[] = {".git", ".hg", ".svn", ".venv", "venv", "__pycache__", "build", "dist",
                                         "node_modules", ".tox", ".nox", ".mypy_cache", ".pytest_cache",
                                         ".ruff_cache", ".eggs"};

bool isPythonFile(const fs::path &p) {
  auto ext = p.extension();
  return ext == ".py" || ext == ".pyi";
}

std::optional<GitIgnoreFile> readGitIgnore(const fs::path &dir) {
  std::error_code ec;
  fs::path file = dir / ".gitignore";
  if (!fs::is_regular_file(file, ec)) return std::nullopt;
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  std::stringstream ss;
  ss << in.rdbuf();
  return GitIgnoreFile(dir, ss.str());
}

/// .gitignore files of the ancestors of `dir`, up to the repository root (the first with .git).
std::vector<GitIgnoreFile> ancestorIgnores(const fs::path &dir) {
  std::vector<GitIgnoreFile> out;
  std::error_code ec;
  for (fs::path d = dir.parent_path(); !d.empty(); d = d.parent_path()) {
    if (auto g = readGitIgnore(d)) out.insert(out.begin(), std::move(*g));
    if (fs::exists(d / ".git", ec) || d == d.parent_path()) break;
  }
  return out;
}

bool ignoredBy(const std::vector<GitIgnoreFile> &stack, const fs::path &path, bool isDir) {
  for (auto it = stack.rbegin(); it != stack.rend(); ++it) {
    auto v = it->match(path, isDir);
    if (v == GitIgnoreFile::Verdict::Ignored) return true;
    if (v == GitIgnoreFile::Verdict::Included) return false;
  }
  return false;
}

struct Walker {
  const DiscoveryOptions &options;
  DiscoveryResult &result;
  std::set<fs::path> seen;

  void walk(const fs::path &dir, std::vector<GitIgnoreFile> &stack, int depth) {
    if (depth > 256) return;
    bool pushed = false;
    if (options.respectGitignore) {
      if (auto g = readGitIgnore(dir)) {
        stack.push_back(std::move(*g));
        pushed = true;
      }
    }
    std::error_code ec;
    fs::directory_iterator it(dir, fs::directory_options::none, ec);
    if (ec) {
      result.errors.push_back({displayPath(dir), "cannot read directory: " + ec.message()});
      if (pushed) stack.pop_back();
      return;
    }
    std::vector<fs::directory_entry> entries;
    for (; it != fs::directory_iterator(); it.increment(ec)) {
      if (ec) break;
      entries.push_back(*it);
    }
    std::sort(entries.begin(), entries.end());
    for (const auto &entry : entries) {
      const fs::path &p = entry.path();
      std::error_code e2;
      bool isLink = entry.is_symlink(e2);
      bool isDir = !isLink && entry.is_directory(e2);
      if (isDir) {
        if (isDefaultExcludedDir(p.filename().string())) continue;
        if (options.respectGitignore && ignoredBy(stack, p, true)) continue;
        if (options.excluded && options.excluded(p, true)) continue;
        walk(p, stack, depth + 1);
        continue;
      }
      if (!isPythonFile(p)) continue;
      // Symlinked files are followed; symlinked directories are not (no loops).
      if (isLink && !fs::is_regular_file(p, e2)) {
        if (!fs::exists(p, e2)) result.errors.push_back({displayPath(p), "broken symbolic link"});
        continue;
      }
      if (options.respectGitignore && ignoredBy(stack, p, false)) continue;
      if (options.excluded && options.excluded(p, false)) continue;
      add(p);
    }
    if (pushed) stack.pop_back();
  }

  void add(const fs::path &p) {
    if (!seen.insert(p).second) return;
    result.files.push_back({p, displayPath(p)});
  }
};

} // namespace

bool isDefaultExcludedDir(std::string_view name) {
  return std::find(std::begin(kSkipped), std::end(kSkipped), name) != std::end(kSkipped);
}

std::string displayPath(const fs::path &absolute) {
  std::error_code ec;
  fs::path cwd = fs::current_path(ec);
  if (!ec) {
    fs::path rel = absolute.lexically_relative(cwd);
    if (!rel.empty() && !rel.string().starts_with("..")) return rel.generic_string();
  }
  return absolute.generic_string();
}

DiscoveryResult discoverFiles(const std::vector<std::string> &arguments, const DiscoveryOptions &options) {
  DiscoveryResult result;
  Walker walker{options, result, {}};
  for (const std::string &arg : arguments) {
    std::error_code ec;
    fs::path p = fs::absolute(fs::path(arg), ec).lexically_normal();
    if (p.has_filename() == false && p.has_parent_path()) p = p.parent_path();
    if (fs::is_directory(p, ec)) {
      std::vector<GitIgnoreFile> stack = options.respectGitignore ? ancestorIgnores(p) : std::vector<GitIgnoreFile>{};
      walker.walk(p, stack, 0);
      continue;
    }
    if (fs::exists(p, ec)) {
      walker.add(p); // an explicitly named file is always checked
      continue;
    }
    result.errors.push_back({arg, fs::is_symlink(p, ec) ? "broken symbolic link" : "no such file or directory"});
  }
  std::sort(result.files.begin(), result.files.end(),
            [](const DiscoveredFile &a, const DiscoveredFile &b) { return a.display < b.display; });
  return result;
}

} // namespace typhon
