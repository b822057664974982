// LineIndex: byte offset <-> 1-based line and code-point / UTF-16 column for one text.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace typhon {

/// A 1-based line and a 1-based column counted in Unicode code points.
struct Position {
  std::uint32_t line = 1;
  std::uint32_t column = 1;
  friend bool operator==(const Position &, const Position &) = default;
  friend auto operator<=>(const Position &, const Position &) = default;
};

struct Range {
  Position start;
  Position end;
  friend bool operator==(const Range &, const Range &) = default;
};

/// Line starts of a UTF-8 text. Python's line breaks are "\n", "\r\n" and a lone "\r".
class LineIndex {
public:
  LineIndex() = default;
  explicit LineIndex(std::string_view text);

  std::uint32_t lineCount() const { return static_cast<std::uint32_t>(starts_.size()); }
  /// Byte offset where 1-based `line` starts (the text's size past the last line).
  std::uint32_t lineStart(std::uint32_t line) const;
  /// Byte offset of the end of `line`'s content, excluding its line break.
  std::uint32_t lineEnd(std::uint32_t line) const;
  /// 1-based line containing byte `offset` (offsets past the end map to the last line).
  std::uint32_t lineOf(std::uint32_t offset) const;
  /// Line and code-point column of byte `offset`.
  Position position(std::uint32_t offset) const;
  /// Zero-based UTF-16 column of byte `offset` on its line (for the LSP).
  std::uint32_t utf16Column(std::uint32_t offset) const;
  /// Byte offset of a 1-based line and code-point column, clamped to the line's end.
  std::uint32_t offsetOf(Position pos) const;
  /// Byte offset of a zero-based line and UTF-16 column, clamped to the line's end.
  std::uint32_t offsetOfUtf16(std::uint32_t line0, std::uint32_t column16) const;

private:
  std::string_view text_;
  std::vector<std::uint32_t> starts_;
};

} // namespace typhon
