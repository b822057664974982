// SourceFile: a Python module's bytes, decoded to UTF-8 (PEP 263 cookie, BOM), with its line index.
#pragma once

#include "parser/LineIndex.h"

#include <expected>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

namespace typhon {

/// Why a file could not be read or decoded. `line`/`column` are 1-based, 0 when unknown.
struct IoError {
  std::string path;
  std::string message;
  std::uint32_t line = 0;
  std::uint32_t column = 0;
};

enum class LineEnding { Lf, CrLf, Cr };

/// Immutable once built; shared between threads and analysis products.
class SourceFile {
public:
  /// Reads `file` from disk; `displayPath` is how diagnostics name it.
  static std::expected<std::shared_ptr<const SourceFile>, IoError>
  load(const std::filesystem::path &file, std::string displayPath);
  /// Decodes `bytes` as Python source (BOM, encoding cookie), validating UTF-8.
  static std::expected<std::shared_ptr<const SourceFile>, IoError> fromBytes(std::string displayPath,
                                                                            std::string bytes);
  /// Wraps text that is already decoded UTF-8 (an edited SourceFile::text()): an encoding cookie in
  /// it is not applied again. Invalid UTF-8 is an error as in fromBytes.
  static std::expected<std::shared_ptr<const SourceFile>, IoError> fromUtf8(std::string displayPath,
                                                                           std::string text);

  SourceFile(const SourceFile &) = delete;
  SourceFile &operator=(const SourceFile &) = delete;

  const std::string &path() const { return path_; }
  /// The UTF-8 text the parser sees: BOM removed, decoded from the declared encoding.
  std::string_view text() const { return text_; }
  /// The declared encoding, normalized ("utf-8" when none is declared).
  const std::string &encoding() const { return encoding_; }
  bool hasBom() const { return bom_; }
  /// The dominant line ending (the first one seen).
  LineEnding lineEnding() const { return lineEnding_; }
  const LineIndex &lines() const { return lines_; }
  Position position(std::uint32_t offset) const { return lines_.position(offset); }
  Range range(std::uint32_t startByte, std::uint32_t endByte) const {
    return {lines_.position(startByte), lines_.position(endByte)};
  }
  /// Text of 1-based `line` without its line break.
  std::string_view lineText(std::uint32_t line) const;
  /// 64-bit content hash of the original bytes (xxh3).
  std::uint64_t contentHash() const { return hash_; }

private:
  SourceFile() = default;
  /// The checks and indexes shared by fromBytes and fromUtf8, on decoded text.
  static std::expected<std::shared_ptr<const SourceFile>, IoError> finishUtf8(std::shared_ptr<SourceFile> file,
                                                                             std::string bytes);
  std::string path_;
  std::string text_;
  std::string encoding_ = "utf-8";
  bool bom_ = false;
  LineEnding lineEnding_ = LineEnding::Lf;
  LineIndex lines_;
  std::uint64_t hash_ = 0;
};

/// The encoding named by a PEP 263 cookie in the first two lines, or empty.
std::string findEncodingCookie(std::string_view bytes);
/// Offset of the first invalid UTF-8 byte in `text`, or npos.
std::size_t findInvalidUtf8(std::string_view text);

} // namespace typhon
