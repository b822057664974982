// EditEngine: applies the fixes a producer proposes, round after round to a fixpoint, keeping only
// edits whose result re-parses without new syntax errors; renders diffs; writes files atomically.
#pragma once

#include "checkers/Diagnostic.h"
#include "parser/Tree.h"

#include <expected>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace typhon {

/// Proposes fixes for one parsed module (a round of `--fix`, folding, a rewrite rule set...).
using FixProducer = std::function<std::vector<Fix>(const ParsedModule &)>;

struct TransformResult {
  std::string text;         ///< the final UTF-8 text (BOM stripped, as SourceFile::text())
  bool changed = false;
  int rounds = 0;
  bool converged = true;    ///< false when the round cap was reached (text is the last good state)
  std::size_t applied = 0;  ///< fixes applied over all rounds
  /// Titles of fixes dropped because their result did not parse.
  std::vector<std::string> dropped;
};

/// Number of syntax errors (ERROR and MISSING nodes) in `text`.
std::size_t countSyntaxErrors(std::string_view text);

/// Counts errors a parse alone does not show (CPython's compile-time errors: `return` outside a
/// function, bad `nonlocal`, duplicate parameters...), added to the syntax-error count when an edit
/// is validated.
using ErrorCounter = std::function<std::size_t(const ParsedModule &)>;

/// Runs `producer` on `source`, applies non-overlapping fixes, re-parses, repeats until nothing
/// changes or `maxRounds` is reached. Fixes whose result has more syntax errors (plus the errors
/// `extraErrors` counts) than the input are dropped (and reported in `dropped`).
TransformResult transformToFixpoint(const SourceFile &source, const FixProducer &producer, int maxRounds = 10,
                                    const ErrorCounter &extraErrors = {});

/// The bytes to write for `text` in `original`'s encoding: BOM restored, CRLF/CR line endings of
/// inserted text matched to the file's, re-encoded from UTF-8 when the file declared another encoding.
std::expected<std::string, std::string> encodeForFile(const SourceFile &original, std::string_view text);

/// Writes `bytes` to `path` atomically (temporary file in the same directory, fsync, rename),
/// keeping the file's permission bits.
std::expected<void, std::string> writeFileAtomically(const std::filesystem::path &path, std::string_view bytes);

/// A unified diff of `before` -> `after` with 3 lines of context, headed `a/<name>` / `b/<name>`.
std::string unifiedDiff(std::string_view before, std::string_view after, const std::string &name);

} // namespace typhon
