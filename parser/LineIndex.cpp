// LineIndex: line table construction and offset conversions.
#include "parser/LineIndex.h"

#include <algorithm>

namespace typhon {

static bool isContinuationByte(unsigned char c) { return (c & 0xC0) == 0x80; }

/// Length in bytes of the UTF-8 sequence introduced by lead byte `c` (1 for invalid leads).
static std::uint32_t sequenceLength(unsigned char c) {
  if (c < 0x80) return 1;
  if ((c & 0xE0) == 0xC0) return 2;
  if ((c & 0xF0) == 0xE0) return 3;
  if ((c & 0xF8) == 0xF0) return 4;
  return 1;
}

LineIndex::LineIndex(std::string_view text) : text_(text) {
  starts_.push_back(0);
  for (std::uint32_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\r') {
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
      starts_.push_back(i + 1);
    } else if (c == '\n') {
      starts_.push_back(i + 1);
    }
  }
}

std::uint32_t LineIndex::lineStart(std::uint32_t line) const {
  if (line == 0) return 0;
  if (line > starts_.size()) return static_cast<std::uint32_t>(text_.size());
  return starts_[line - 1];
}

std::uint32_t LineIndex::lineEnd(std::uint32_t line) const {
  if (line == 0 || line > starts_.size()) return static_cast<std::uint32_t>(text_.size());
  std::uint32_t end = line < starts_.size() ? starts_[line] : static_cast<std::uint32_t>(text_.size());
  std::uint32_t begin = starts_[line - 1];
  while (end > begin && (text_[end - 1] == '\n' || text_[end - 1] == '\r')) --end;
  return end;
}

std::uint32_t LineIndex::lineOf(std::uint32_t offset) const {
  auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  return static_cast<std::uint32_t>(it - starts_.begin());
}

Position LineIndex::position(std::uint32_t offset) const {
  offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(text_.size()));
  std::uint32_t line = lineOf(offset);
  std::uint32_t column = 1;
  for (std::uint32_t i = starts_[line - 1]; i < offset; ++i)
    if (!isContinuationByte(static_cast<unsigned char>(text_[i]))) ++column;
  return {line, column};
}

std::uint32_t LineIndex::utf16Column(std::uint32_t offset) const {
  offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(text_.size()));
  std::uint32_t line = lineOf(offset);
  std::uint32_t column = 0;
  for (std::uint32_t i = starts_[line - 1]; i < offset;) {
    std::uint32_t len = sequenceLength(static_cast<unsigned char>(text_[i]));
    column += len == 4 ? 2 : 1;
    i += len;
  }
  return column;
}

std::uint32_t LineIndex::offsetOf(Position pos) const {
  if (pos.line == 0) return 0;
  if (pos.line > starts_.size()) return static_cast<std::uint32_t>(text_.size());
  std::uint32_t i = starts_[pos.line - 1];
  std::uint32_t end = lineEnd(pos.line);
  for (std::uint32_t col = 1; col < pos.column && i < end; ++col)
    i += std::min(sequenceLength(static_cast<unsigned char>(text_[i])), end - i);
  return i;
}

std::uint32_t LineIndex::offsetOfUtf16(std::uint32_t line0, std::uint32_t column16) const {
  if (line0 >= starts_.size()) return static_cast<std::uint32_t>(text_.size());
  std::uint32_t i = starts_[line0];
  std::uint32_t end = lineEnd(line0 + 1);
  std::uint32_t units = 0;
  while (i < end && units < column16) {
    std::uint32_t len = sequenceLength(static_cast<unsigned char>(text_[i]));
    units += len == 4 ? 2 : 1;
    i += std::min(len, end - i);
  }
  return i;
}

} // namespace typhon
