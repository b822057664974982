// StatementEdits: removals computed on the original text, never re-printing the tree.
#include "checkers/names/StatementEdits.h"

#include <algorithm>
#include <optional>

namespace typhon::names {

namespace {

bool isBlank(char c) { return c == ' ' || c == '\t'; }

/// Statements of `block` other than comments.
std::size_t statementCount(Node block) {
  std::size_t n = 0;
  for (Node c : block.namedChildren())
    if (!c.is(NodeKind::Comment)) ++n;
  return n;
}

} // namespace

std::vector<TextEdit> removeStatement(const CheckContext &ctx, Node statement, bool replaceByPass) {
  std::string_view text = ctx.text();
  Node parent = statement.parent();
  if (replaceByPass || (parent.is(NodeKind::Block) && statementCount(parent) == 1))
    return {TextEdit{statement.startByte(), statement.endByte(), "pass"}};
  std::uint32_t start = statement.startByte();
  std::uint32_t end = statement.endByte();
  std::uint32_t after = end;
  while (after < text.size() && isBlank(text[after])) ++after;
  if (after < text.size() && text[after] == ';') {
    ++after;
    while (after < text.size() && isBlank(text[after])) ++after;
    // `x; import os` keeps `x`; `import os; x` keeps `x` at the statement's position.
    return {TextEdit{start, after, ""}};
  }
  std::uint32_t before = start;
  while (before > 0 && isBlank(text[before - 1])) --before;
  if (before > 0 && text[before - 1] == ';') return {TextEdit{before - 1, end, ""}};
  bool aloneOnLine = before == 0 || text[before - 1] == '\n' || text[before - 1] == '\r';
  if (!aloneOnLine) return {TextEdit{start, end, ""}};
  if (after < text.size() && text[after] == '#') return {TextEdit{start, after, ""}};
  std::uint32_t lineEnd = after;
  if (lineEnd < text.size() && text[lineEnd] == '\r') ++lineEnd;
  if (lineEnd < text.size() && text[lineEnd] == '\n') ++lineEnd;
  return {TextEdit{before, lineEnd, ""}};
}

/// When `item` sits alone on its line (with its comma and comment), that whole line.
std::optional<TextEdit> ownLine(std::string_view text, Node item) {
  std::uint32_t start = item.startByte();
  while (start > 0 && isBlank(text[start - 1])) --start;
  if (start > 0 && text[start - 1] != '\n') return std::nullopt;
  std::uint32_t end = item.endByte();
  while (end < text.size() && isBlank(text[end])) ++end;
  if (end < text.size() && text[end] == ',') ++end;
  while (end < text.size() && isBlank(text[end])) ++end;
  if (end < text.size() && text[end] == '#')
    while (end < text.size() && text[end] != '\n' && text[end] != '\r') ++end;
  if (end < text.size() && text[end] == '\r') ++end;
  if (end >= text.size() || text[end] != '\n') return std::nullopt;
  return TextEdit{start, end + 1, ""};
}

std::vector<TextEdit> removeListItems(const CheckContext &ctx, Node statement, const std::vector<Node> &items,
                                      const std::vector<bool> &drop) {
  if (std::all_of(drop.begin(), drop.end(), [](bool d) { return d; })) return removeStatement(ctx, statement);
  std::vector<TextEdit> edits;
  // One item per line (a parenthesized list): drop whole lines, with the items' comments.
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (!drop[i]) continue;
    std::optional<TextEdit> line = ownLine(ctx.text(), items[i]);
    if (!line) {
      edits.clear();
      break;
    }
    edits.push_back(*line);
  }
  if (!edits.empty()) return edits;
  std::size_t i = 0;
  while (i < items.size()) {
    if (!drop[i]) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j + 1 < items.size() && drop[j + 1]) ++j;
    if (j + 1 < items.size())
      edits.push_back({items[i].startByte(), items[j + 1].startByte(), ""});
    else
      edits.push_back({items[i - 1].endByte(), items[j].endByte(), ""});
    i = j + 1;
  }
  return edits;
}

} // namespace typhon::names
