// Glob: a backtracking matcher with `**` support (linear in practice for real patterns).
#include "rules/Glob.h"

namespace typhon {

namespace {

/// Matches a bracket expression at pattern[p] against c; advances p past it. Returns false on no match.
bool matchClass(std::string_view pat, std::size_t &p, char c, bool &ok) {
  std::size_t i = p + 1;
  bool negate = false;
  if (i < pat.size() && (pat[i] == '!' || pat[i] == '^')) negate = true, ++i;
  bool matched = false;
  bool first = true;
  while (i < pat.size() && (pat[i] != ']' || first)) {
    first = false;
    char lo = pat[i];
    if (lo == '\\' && i + 1 < pat.size()) lo = pat[++i];
    char hi = lo;
    if (i + 2 < pat.size() && pat[i + 1] == '-' && pat[i + 2] != ']') {
      hi = pat[i + 2];
      i += 2;
    }
    if (c >= lo && c <= hi) matched = true;
    ++i;
  }
  if (i >= pat.size()) {
    ok = false; // unterminated: treat '[' literally
    return pat[p] == c && (p += 1, true);
  }
  ok = true;
  p = i + 1;
  return matched != negate && c != '/';
}

bool match(std::string_view pat, std::size_t p, std::string_view s, std::size_t i, int depth) {
  if (depth > 64) return false;
  while (p < pat.size()) {
    char pc = pat[p];
    if (pc == '*' && p + 1 < pat.size() && pat[p + 1] == '*') {
      // `**`: collapse runs; if followed by '/', it may match zero segments.
      std::size_t q = p + 2;
      while (q < pat.size() && pat[q] == '*') ++q;
      bool slashAfter = q < pat.size() && pat[q] == '/';
      std::size_t rest = slashAfter ? q + 1 : q;
      if (rest >= pat.size()) return true;
      for (std::size_t k = i; k <= s.size(); ++k) {
        if (slashAfter && k != i && s[k - 1] != '/') continue;
        if (match(pat, rest, s, k, depth + 1)) return true;
      }
      return false;
    }
    if (pc == '*') {
      for (std::size_t k = i; k <= s.size(); ++k) {
        if (match(pat, p + 1, s, k, depth + 1)) return true;
        if (k < s.size() && s[k] == '/') break;
      }
      return false;
    }
    if (i >= s.size()) return false;
    if (pc == '?') {
      if (s[i] == '/') return false;
      ++p, ++i;
      continue;
    }
    if (pc == '[') {
      bool ok = true;
      if (!matchClass(pat, p, s[i], ok)) return false;
      ++i;
      continue;
    }
    if (pc == '\\' && p + 1 < pat.size()) pc = pat[++p];
    if (pc != s[i]) return false;
    ++p, ++i;
  }
  return i == s.size();
}

} // namespace

bool globMatch(std::string_view pattern, std::string_view path) { return match(pattern, 0, path, 0, 0); }

bool hasWildcard(std::string_view text) { return text.find_first_of("*?[") != std::string_view::npos; }

} // namespace typhon
