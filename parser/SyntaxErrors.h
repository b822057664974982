// Syntax errors of a parsed module: tree-sitter's ERROR/MISSING nodes and the tokenizer-level
// errors (brackets, strings, indentation) the grammar misses, with CPython-style messages.
#pragma once

#include "parser/Tree.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace typhon {

struct SyntaxError {
  std::uint32_t startByte = 0;
  std::uint32_t endByte = 0;
  std::string message;
};

/// The syntax errors of `module`, in source order, at most one per line. Messages follow CPython
/// 3.13's ("'[' was never closed", "expected ':'", "unexpected indent", "invalid syntax" ...)
/// and point at the offending token, not at the start of the statement tree-sitter gave up on.
///
/// Tokenizer-level errors are found by a scan of the text that runs even when the tree has no
/// ERROR node, because tree-sitter-python accepts some invalid files (an unexpected indent, an
/// unindent to no outer level, inconsistent tabs, an empty block, backquotes). The scan is linear
/// and allocates nothing per token unless the tree has errors.
std::vector<SyntaxError> findSyntaxErrors(const ParsedModule &module);

/// tree-sitter-python 0.25.0's external scanner emits a DEDENT inside brackets when a continuation
/// line is indented less than the enclosing block and no closing bracket may come next:
///     def f():
///         return (bar.
///     baz)            # valid Python; tree-sitter makes the rest of the file an ERROR
/// Returns `text` with those line breaks (and the comments and backslashes between them) replaced
/// by spaces -- same length, so every offset is unchanged, and the same meaning to CPython, for
/// which line breaks inside brackets are whitespace -- or nullopt when no line needs it. Parse
/// this text when the tree of the original has errors; keep the original as the source text.
/// findSyntaxErrors does so itself.
std::optional<std::string> textForTreeSitter(std::string_view text);

} // namespace typhon
