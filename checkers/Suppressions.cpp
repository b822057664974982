// Suppression comments: parsing directives out of comment text and applying them.
#include "checkers/Suppressions.h"

#include <algorithm>
#include <cctype>

namespace typhon {

namespace {

bool isSpace(char c) { return c == ' ' || c == '\t'; }
bool isCodeChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.'; }

/// Parses a comma/space separated code list from `text[i..end)` into `out`.
void parseCodes(std::string_view text, std::size_t i, std::size_t end, std::uint32_t base,
                std::vector<SuppressionCode> &out) {
  while (i < end) {
    while (i < end && (isSpace(text[i]) || text[i] == ',')) ++i;
    std::size_t start = i;
    while (i < end && isCodeChar(text[i])) ++i;
    if (i == start) break;
    out.push_back({std::string(text.substr(start, i - start)), base + static_cast<std::uint32_t>(start),
                   base + static_cast<std::uint32_t>(i), false});
  }
}

bool consume(std::string_view text, std::size_t &i, std::string_view word) {
  if (text.substr(i, word.size()) != word) return false;
  i += word.size();
  return true;
}

void skipSpaces(std::string_view text, std::size_t &i) {
  while (i < text.size() && isSpace(text[i])) ++i;
}

} // namespace

std::vector<Suppression> parseSuppressions(const ParsedModule &module, Node comment) {
  std::vector<Suppression> out;
  std::string_view text = module.textOf(comment);
  std::uint32_t base = comment.startByte();
  std::uint32_t line = module.source().position(base).line;
  for (std::size_t hash = text.find('#'); hash != std::string_view::npos; hash = text.find('#', hash + 1)) {
    std::size_t i = hash + 1;
    skipSpaces(text, i);
    Suppression s;
    s.line = line;
    s.startByte = base + static_cast<std::uint32_t>(hash);
    s.commentStart = comment.startByte();
    s.commentEnd = comment.endByte();
    std::size_t next = text.find('#', i);
    std::size_t limit = next == std::string_view::npos ? text.size() : next;
    if (consume(text, i, "typhon:")) {
      skipSpaces(text, i);
      if (consume(text, i, "ignore-file")) s.kind = Suppression::Kind::File;
      else if (consume(text, i, "ignore")) s.kind = Suppression::Kind::Line;
      else continue;
      if (i < limit && text[i] == '[') {
        std::size_t close = text.find(']', i);
        if (close == std::string_view::npos || close > limit) close = limit;
        parseCodes(text, i + 1, close, base, s.codes);
        i = close < limit ? close + 1 : close;
      } else if (i < limit && isCodeChar(text[i])) {
        continue; // e.g. "ignored": not a directive
      }
    } else if (consume(text, i, "noqa") || consume(text, i, "NOQA")) {
      s.kind = Suppression::Kind::Noqa;
      skipSpaces(text, i);
      if (i < limit && text[i] == ':') {
        ++i;
        std::size_t end = i;
        while (end < limit && (isCodeChar(text[end]) || isSpace(text[end]) || text[end] == ',')) ++end;
        parseCodes(text, i, end, base, s.codes);
        i = end;
      } else if (i < limit && isCodeChar(text[i])) {
        continue;
      }
    } else if (consume(text, i, "type:")) {
      skipSpaces(text, i);
      if (!consume(text, i, "ignore")) continue;
      s.kind = Suppression::Kind::TypeIgnore;
      if (i < limit && text[i] == '[') {
        std::size_t close = text.find(']', i);
        if (close == std::string_view::npos || close > limit) close = limit;
        parseCodes(text, i + 1, close, base, s.codes);
        i = close < limit ? close + 1 : close;
      } else if (i < limit && isCodeChar(text[i])) {
        continue;
      }
    } else {
      continue;
    }
    std::size_t end = i;
    while (end > hash && isSpace(text[end - 1])) --end;
    s.endByte = base + static_cast<std::uint32_t>(end);
    out.push_back(std::move(s));
  }
  return out;
}

void applySuppressions(std::vector<Suppression> &suppressions, std::vector<Diagnostic> &diagnostics) {
  auto suppresses = [](Suppression &s, const Diagnostic &d) {
    if (s.kind != Suppression::Kind::File && s.line != d.range.start.line) return false;
    if (s.codes.empty()) {
      s.used = true;
      return true;
    }
    for (SuppressionCode &c : s.codes) {
      if (c.name == d.rule) {
        c.used = true;
        s.used = true;
        return true;
      }
    }
    return false;
  };
  std::erase_if(diagnostics, [&](const Diagnostic &d) {
    bool hit = false;
    for (Suppression &s : suppressions) hit = suppresses(s, d) || hit;
    return hit;
  });
}

} // namespace typhon
