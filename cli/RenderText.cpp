// RenderText: `file:line:col: severity[rule] message`, a source snippet with carets, a summary.
#include "cli/Render.h"

#include <algorithm>

namespace typhon {

namespace {

struct Style {
  bool on;
  std::string paint(std::string_view code, std::string_view text) const {
    if (!on) return std::string(text);
    return "\x1b[" + std::string(code) + "m" + std::string(text) + "\x1b[0m";
  }
};

std::string_view severityColor(Severity s) {
  switch (s) {
  case Severity::Error: return "1;31";
  case Severity::Warning: return "1;33";
  case Severity::Info: return "1;36";
  }
  return "0";
}

std::size_t codePoints(std::string_view s) {
  std::size_t n = 0;
  for (char c : s)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

/// The snippet: the first line of the range with carets under the flagged part.
std::string snippet(const Diagnostic &d, const SourceFile &source, const Style &style) {
  std::uint32_t line = d.range.start.line;
  if (line == 0 || line > source.lines().lineCount()) return {};
  std::string_view text = source.lineText(line);
  std::string number = std::to_string(line);
  std::string gutter(number.size() + 1, ' ');
  std::size_t lineLen = codePoints(text);
  std::size_t startCol = d.range.start.column;
  std::size_t endCol = d.range.end.line == line ? d.range.end.column : lineLen + 1;
  std::size_t width = endCol > startCol ? endCol - startCol : 1;
  if (startCol > lineLen + 1) startCol = lineLen + 1;
  // Keep tabs in the caret line's indentation so carets line up in terminals.
  std::string pad;
  std::size_t col = 1;
  for (std::size_t i = 0; i < text.size() && col < startCol; ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    pad += text[i] == '\t' ? '\t' : ' ';
    ++col;
  }
  while (col < startCol) pad += ' ', ++col;
  std::string out;
  out += gutter + style.paint("1;34", "|") + "\n";
  out += style.paint("1;34", number + " |") + " " + std::string(text) + "\n";
  out += gutter + style.paint("1;34", "|") + " " + pad + style.paint(severityColor(d.severity), std::string(width, '^')) + "\n";
  if (!d.help.empty()) out += gutter + style.paint("1;34", "=") + " help: " + d.help + "\n";
  if (d.fix) out += gutter + style.paint("1;34", "=") + " fix (" + std::string(applicabilityName(d.fix->applicability)) + "): " + d.fix->title + "\n";
  return out;
}

} // namespace

std::string renderText(const RunResult &result, const RuleCatalog &, const RenderOptions &options) {
  Style style{options.color};
  std::string out;
  std::size_t counts[3] = {0, 0, 0};
  std::size_t fixable = 0;
  for (const Diagnostic &d : result.diagnostics) {
    ++counts[static_cast<int>(d.severity)];
    if (d.fix) ++fixable;
    out += style.paint("1", d.file + ":" + std::to_string(d.range.start.line) + ":" +
                                std::to_string(d.range.start.column) + ":") +
           " " + style.paint(severityColor(d.severity), std::string(severityName(d.severity)) + "[" + d.rule + "]") +
           " " + d.message + "\n";
    auto it = result.sources.find(d.file);
    if (it != result.sources.end()) out += snippet(d, *it->second, style);
  }
  auto plural = [](std::size_t n, const char *word) {
    return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
  };
  std::string files = plural(result.files, "file");
  if (result.diagnostics.empty()) {
    out += style.paint("1;32", "All checks passed") + " (" + files + ").\n";
    return out;
  }
  if (!out.empty()) out += "\n";
  out += "Found " + plural(result.diagnostics.size(), "diagnostic") + " (" + plural(counts[2], "error") + ", " +
         plural(counts[1], "warning") + ", " + std::to_string(counts[0]) + " info) in " + files + ".";
  if (fixable) out += " " + std::to_string(fixable) + " fixable.";
  out += "\n";
  return out;
}

} // namespace typhon
