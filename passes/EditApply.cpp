// EditApply: deterministic, all-or-nothing splicing of fixes.
#include "passes/EditApply.h"

#include <algorithm>

namespace typhon {

namespace {

bool overlaps(const TextEdit &a, const TextEdit &b) {
  if (a.startByte == a.endByte && b.startByte == b.endByte) return a.startByte == b.startByte;
  return (a.startByte < b.endByte && b.startByte < a.endByte) ||
         (a.startByte == a.endByte && a.startByte > b.startByte && a.startByte < b.endByte) ||
         (b.startByte == b.endByte && b.startByte > a.startByte && b.startByte < a.endByte);
}

} // namespace

ApplyResult applyFixes(std::string_view text, const std::vector<const Fix *> &fixes) {
  std::vector<std::size_t> order(fixes.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  auto firstStart = [&](std::size_t i) {
    std::uint32_t m = UINT32_MAX;
    for (const TextEdit &e : fixes[i]->edits) m = std::min(m, e.startByte);
    return m;
  };
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return firstStart(a) < firstStart(b); });

  ApplyResult result;
  std::vector<TextEdit> accepted;
  for (std::size_t i : order) {
    const Fix &fix = *fixes[i];
    bool valid = !fix.edits.empty();
    for (const TextEdit &e : fix.edits) valid = valid && e.startByte <= e.endByte && e.endByte <= text.size();
    bool clash = false;
    for (const TextEdit &e : fix.edits)
      for (const TextEdit &a : accepted) clash = clash || overlaps(e, a);
    if (!valid || clash) {
      ++result.deferred;
      continue;
    }
    accepted.insert(accepted.end(), fix.edits.begin(), fix.edits.end());
    ++result.applied;
  }
  std::sort(accepted.begin(), accepted.end(),
            [](const TextEdit &a, const TextEdit &b) { return a.startByte < b.startByte; });
  std::size_t pos = 0;
  for (const TextEdit &e : accepted) {
    result.text.append(text.substr(pos, e.startByte - pos));
    result.text.append(e.newText);
    pos = e.endByte;
  }
  result.text.append(text.substr(pos));
  return result;
}

} // namespace typhon
