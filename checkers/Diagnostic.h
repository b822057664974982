// Diagnostic, Fix and TextEdit: what checks report and what fixes propose.
#pragma once

#include "parser/LineIndex.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace typhon {

enum class Severity { Info = 0, Warning = 1, Error = 2 };

std::string_view severityName(Severity s);
/// Parses "info", "warning", "error"; nullopt otherwise.
std::optional<Severity> parseSeverity(std::string_view text);

/// Replace bytes [startByte, endByte) of SourceFile::text() with `newText`.
struct TextEdit {
  std::uint32_t startByte = 0;
  std::uint32_t endByte = 0;
  std::string newText;
  friend bool operator==(const TextEdit &, const TextEdit &) = default;
};

enum class Applicability { Safe, Unsafe, DisplayOnly };

std::string_view applicabilityName(Applicability a);
std::optional<Applicability> parseApplicability(std::string_view text);

struct Fix {
  Applicability applicability = Applicability::Safe;
  std::string title;
  std::vector<TextEdit> edits;
};

struct Diagnostic {
  std::string rule;
  std::string group;
  Severity severity = Severity::Error;
  std::string message;
  std::string file;
  std::uint32_t startByte = 0;
  std::uint32_t endByte = 0;
  Range range;
  std::optional<Fix> fix;
  /// Extra advice shown under the snippet; empty when the rule has none.
  std::string help;
};

/// Output order: file, line, column, rule (then message, for total determinism).
bool diagnosticLess(const Diagnostic &a, const Diagnostic &b);

} // namespace typhon
