// Diff: unified diffs of two texts (LCS on the changed middle, 3 lines of context).
#include "passes/EditEngine.h"

#include <algorithm>

namespace typhon {

namespace {

std::vector<std::string_view> splitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t nl = text.find('\n', pos);
    std::size_t end = nl == std::string_view::npos ? text.size() : nl + 1;
    lines.push_back(text.substr(pos, end - pos));
    pos = end;
  }
  return lines;
}

enum class OpKind { Equal, Delete, Insert };
struct Op {
  OpKind kind;
  std::size_t a; ///< index in before (Equal/Delete)
  std::size_t b; ///< index in after (Equal/Insert)
};

/// Edit script of a[lo..ha) -> b[lo..hb) via an LCS table; a plain replacement when too large.
void middleOps(const std::vector<std::string_view> &a, const std::vector<std::string_view> &b, std::size_t lo,
               std::size_t ha, std::size_t hb, std::vector<Op> &ops) {
  std::size_t n = ha - lo, m = hb - lo;
  if (n * m > 16'000'000) {
    for (std::size_t i = 0; i < n; ++i) ops.push_back({OpKind::Delete, lo + i, 0});
    for (std::size_t j = 0; j < m; ++j) ops.push_back({OpKind::Insert, 0, lo + j});
    return;
  }
  std::vector<std::uint32_t> t((n + 1) * (m + 1), 0);
  auto at = [&](std::size_t i, std::size_t j) -> std::uint32_t & { return t[i * (m + 1) + j]; };
  for (std::size_t i = n; i-- > 0;)
    for (std::size_t j = m; j-- > 0;)
      at(i, j) = a[lo + i] == b[lo + j] ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
  std::size_t i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[lo + i] == b[lo + j]) {
      ops.push_back({OpKind::Equal, lo + i, lo + j});
      ++i, ++j;
    } else if (i < n && (j == m || at(i + 1, j) >= at(i, j + 1))) {
      ops.push_back({OpKind::Delete, lo + i, 0});
      ++i;
    } else {
      ops.push_back({OpKind::Insert, 0, lo + j});
      ++j;
    }
  }
}

std::string line(char tag, std::string_view text) {
  std::string out(1, tag);
  out += text;
  if (text.empty() || text.back() != '\n') out += "\n\\ No newline at end of file\n";
  return out;
}

} // namespace

std::string unifiedDiff(std::string_view before, std::string_view after, const std::string &name) {
  if (before == after) return {};
  auto a = splitLines(before);
  auto b = splitLines(after);
  std::size_t prefix = 0;
  while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
  std::size_t suffix = 0;
  while (suffix < a.size() - prefix && suffix < b.size() - prefix && a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix])
    ++suffix;
  std::vector<Op> ops;
  for (std::size_t i = 0; i < prefix; ++i) ops.push_back({OpKind::Equal, i, i});
  middleOps(a, b, prefix, a.size() - suffix, b.size() - suffix, ops);
  for (std::size_t k = suffix; k-- > 0;) ops.push_back({OpKind::Equal, a.size() - 1 - k, b.size() - 1 - k});

  constexpr std::size_t kContext = 3;
  std::string out = "--- a/" + name + "\n+++ b/" + name + "\n";
  std::size_t i = 0;
  while (i < ops.size()) {
    while (i < ops.size() && ops[i].kind == OpKind::Equal) ++i;
    if (i == ops.size()) break;
    std::size_t start = i >= kContext ? i - kContext : 0;
    std::size_t end = i;
    // Extend over changes separated by at most 2 * context equal lines.
    for (;;) {
      while (end < ops.size() && ops[end].kind != OpKind::Equal) ++end;
      std::size_t run = end;
      while (run < ops.size() && ops[run].kind == OpKind::Equal) ++run;
      if (run < ops.size() && run - end <= 2 * kContext) {
        end = run;
        continue;
      }
      end = std::min(ops.size(), end + kContext);
      break;
    }
    std::size_t aStart = 0, aCount = 0, bStart = 0, bCount = 0;
    bool aSet = false, bSet = false;
    std::string body;
    for (std::size_t k = start; k < end; ++k) {
      const Op &op = ops[k];
      if (op.kind != OpKind::Insert) {
        if (!aSet) aStart = op.a, aSet = true;
        ++aCount;
      }
      if (op.kind != OpKind::Delete) {
        if (!bSet) bStart = op.b, bSet = true;
        ++bCount;
      }
      if (op.kind == OpKind::Equal) body += line(' ', a[op.a]);
      else if (op.kind == OpKind::Delete) body += line('-', a[op.a]);
      else body += line('+', b[op.b]);
    }
    // Empty sides are numbered after the preceding line, as diff(1) does.
    if (!aSet) {
      for (std::size_t k = start; k < end; ++k)
        if (ops[k].kind == OpKind::Insert) {
          std::size_t before2 = 0;
          for (std::size_t q = 0; q < k; ++q) before2 += ops[q].kind != OpKind::Insert;
          aStart = before2 - 1 + 1;
          break;
        }
    } else {
      ++aStart;
    }
    if (!bSet) {
      std::size_t before2 = 0;
      for (std::size_t q = 0; q < start; ++q) before2 += ops[q].kind != OpKind::Delete;
      bStart = before2;
    } else {
      ++bStart;
    }
    out += "@@ -" + std::to_string(aStart) + (aCount == 1 ? "" : "," + std::to_string(aCount)) + " +" +
           std::to_string(bStart) + (bCount == 1 ? "" : "," + std::to_string(bCount)) + " @@\n" + body;
    i = end;
  }
  return out;
}

} // namespace typhon
