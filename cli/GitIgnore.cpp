// GitIgnore: pattern parsing and matching per gitignore(5).
#include "cli/GitIgnore.h"

#include "rules/Glob.h"

namespace typhon {

GitIgnoreFile::GitIgnoreFile(std::filesystem::path base, std::string_view text) : base_(std::move(base)) {
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    add(text.substr(pos, nl - pos));
    pos = nl + 1;
  }
}

GitIgnoreFile GitIgnoreFile::fromPatterns(std::filesystem::path base, const std::vector<std::string> &patterns) {
  GitIgnoreFile f;
  f.base_ = std::move(base);
  for (const std::string &p : patterns) f.add(p);
  return f;
}

void GitIgnoreFile::add(std::string_view line) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  while (!line.empty() && line.back() == ' ' && !(line.size() >= 2 && line[line.size() - 2] == '\\'))
    line.remove_suffix(1);
  if (line.empty() || line[0] == '#') return;
  Pattern p;
  if (line[0] == '!') {
    p.negate = true;
    line.remove_prefix(1);
  } else if (line.starts_with("\\!") || line.starts_with("\\#")) {
    line.remove_prefix(1);
  }
  if (!line.empty() && line.back() == '/') {
    p.dirOnly = true;
    line.remove_suffix(1);
  }
  if (line.empty()) return;
  if (line[0] == '/') {
    p.anchored = true;
    line.remove_prefix(1);
  } else if (line.find('/') != std::string_view::npos) {
    p.anchored = true;
  }
  if (line.starts_with("**/")) p.anchored = true; // explicit any-depth prefix
  p.glob = std::string(line);
  patterns_.push_back(std::move(p));
}

GitIgnoreFile::Verdict GitIgnoreFile::match(const std::filesystem::path &path, bool isDir) const {
  std::string rel = path.lexically_relative(base_).generic_string();
  if (rel.empty() || rel.starts_with("..")) return Verdict::None;
  std::string name = path.filename().string();
  for (auto it = patterns_.rbegin(); it != patterns_.rend(); ++it) {
    const Pattern &p = *it;
    if (p.dirOnly && !isDir) continue;
    bool hit = p.anchored ? globMatch(p.glob, rel) : globMatch(p.glob, name);
    if (hit) return p.negate ? Verdict::Included : Verdict::Ignored;
  }
  return Verdict::None;
}

} // namespace typhon
