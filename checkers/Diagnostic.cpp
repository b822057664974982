// Diagnostic helpers: names of severities and applicabilities, output ordering.
#include "checkers/Diagnostic.h"

#include <tuple>

namespace typhon {

std::string_view severityName(Severity s) {
  switch (s) {
  case Severity::Info: return "info";
  case Severity::Warning: return "warning";
  case Severity::Error: return "error";
  }
  return "error";
}

std::optional<Severity> parseSeverity(std::string_view text) {
  if (text == "info") return Severity::Info;
  if (text == "warning") return Severity::Warning;
  if (text == "error") return Severity::Error;
  return std::nullopt;
}

std::string_view applicabilityName(Applicability a) {
  switch (a) {
  case Applicability::Safe: return "safe";
  case Applicability::Unsafe: return "unsafe";
  case Applicability::DisplayOnly: return "display-only";
  }
  return "safe";
}

std::optional<Applicability> parseApplicability(std::string_view text) {
  if (text == "safe") return Applicability::Safe;
  if (text == "unsafe") return Applicability::Unsafe;
  if (text == "display-only") return Applicability::DisplayOnly;
  return std::nullopt;
}

bool diagnosticLess(const Diagnostic &a, const Diagnostic &b) {
  return std::tie(a.file, a.range.start.line, a.range.start.column, a.rule, a.message) <
         std::tie(b.file, b.range.start.line, b.range.start.column, b.rule, b.message);
}

} // namespace typhon
