// Suppression comments: `# typhon: ignore[...]`, `# typhon: ignore-file[...]`, `# noqa: ...`,
// `# type: ignore[...]`; parsing, filtering diagnostics, and finding the ones that suppress nothing.
#pragma once

#include "checkers/Diagnostic.h"
#include "parser/Tree.h"

#include <string>
#include <vector>

namespace typhon {

struct SuppressionCode {
  std::string name;
  std::uint32_t startByte = 0; ///< of the code's text, for precise reports
  std::uint32_t endByte = 0;
  bool used = false;
};

struct Suppression {
  enum class Kind { Line, File, Noqa, TypeIgnore };
  Kind kind = Kind::Line;
  std::uint32_t line = 0;
  /// The directive's text range, `#` included.
  std::uint32_t startByte = 0;
  std::uint32_t endByte = 0;
  /// The enclosing comment node's range.
  std::uint32_t commentStart = 0;
  std::uint32_t commentEnd = 0;
  std::vector<SuppressionCode> codes; ///< empty: every rule
  bool used = false;
};

/// Parses every directive in one comment node's text.
std::vector<Suppression> parseSuppressions(const ParsedModule &module, Node comment);

/// Removes suppressed diagnostics, marking the suppressions that did the work.
void applySuppressions(std::vector<Suppression> &suppressions, std::vector<Diagnostic> &diagnostics);

} // namespace typhon
