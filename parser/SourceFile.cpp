// SourceFile: reading, decoding (PEP 263, BOM, iconv) and UTF-8 validation.
#include "parser/SourceFile.h"

#include <xxhash.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iconv.h>
#include <sstream>
#include <system_error>

namespace typhon {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

/// Normalizes an encoding name the way CPython's tokenizer does for the common spellings.
std::string normalizeEncoding(std::string name) {
  name = lower(name);
  std::replace(name.begin(), name.end(), '_', '-');
  if (name == "utf-8" || name == "utf8" || name.starts_with("utf-8-")) return "utf-8";
  if (name == "latin-1" || name == "iso-8859-1" || name == "iso-latin-1" || name.starts_with("latin-1-") ||
      name.starts_with("iso-8859-1-") || name.starts_with("iso-latin-1-"))
    return "iso-8859-1";
  return name;
}

std::string_view lineAt(std::string_view bytes, std::size_t &pos) {
  std::size_t end = bytes.find_first_of("\r\n", pos);
  if (end == std::string_view::npos) end = bytes.size();
  std::string_view line = bytes.substr(pos, end - pos);
  pos = end;
  if (pos < bytes.size() && bytes[pos] == '\r') ++pos;
  if (pos < bytes.size() && bytes[pos] == '\n') ++pos;
  return line;
}

/// Matches `^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)` on one line.
std::string cookieInLine(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\f')) ++i;
  if (i >= line.size() || line[i] != '#') return {};
  std::size_t at = line.find("coding", i);
  while (at != std::string_view::npos) {
    std::size_t j = at + 6;
    if (j < line.size() && (line[j] == ':' || line[j] == '=')) {
      ++j;
      while (j < line.size() && (line[j] == ' ' || line[j] == '\t')) ++j;
      std::size_t start = j;
      while (j < line.size() &&
             (std::isalnum(static_cast<unsigned char>(line[j])) || line[j] == '-' || line[j] == '_' || line[j] == '.'))
        ++j;
      if (j > start) return std::string(line.substr(start, j - start));
    }
    at = line.find("coding", at + 1);
  }
  return {};
}

bool isBlankOrComment(std::string_view line) {
  for (char c : line) {
    if (c == ' ' || c == '\t' || c == '\f') continue;
    return c == '#';
  }
  return true;
}

std::expected<std::string, std::string> convertToUtf8(const std::string &bytes, const std::string &encoding) {
  iconv_t cd = iconv_open("UTF-8", encoding.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) return std::unexpected("unknown encoding: " + encoding);
  std::string out(bytes.size() * 4 + 16, '\0');
  char *in = const_cast<char *>(bytes.data());
  std::size_t inLeft = bytes.size();
  char *outPtr = out.data();
  std::size_t outLeft = out.size();
  std::size_t rc = iconv(cd, &in, &inLeft, &outPtr, &outLeft);
  iconv_close(cd);
  if (rc == static_cast<std::size_t>(-1))
    return std::unexpected("cannot decode byte " + std::to_string(bytes.size() - inLeft) + " as " + encoding);
  out.resize(out.size() - outLeft);
  return out;
}

} // namespace

std::string findEncodingCookie(std::string_view bytes) {
  if (bytes.starts_with(kBom)) bytes.remove_prefix(kBom.size());
  std::size_t pos = 0;
  std::string_view first = lineAt(bytes, pos);
  if (std::string c = cookieInLine(first); !c.empty()) return c;
  if (!isBlankOrComment(first)) return {};
  return cookieInLine(lineAt(bytes, pos));
}

std::size_t findInvalidUtf8(std::string_view text) {
  const auto *s = reinterpret_cast<const unsigned char *>(text.data());
  std::size_t n = text.size();
  for (std::size_t i = 0; i < n;) {
    unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t len = 0;
    std::uint32_t cp = 0;
    if ((c & 0xE0) == 0xC0) len = 2, cp = c & 0x1F;
    else if ((c & 0xF0) == 0xE0) len = 3, cp = c & 0x0F;
    else if ((c & 0xF8) == 0xF0) len = 4, cp = c & 0x07;
    else return i;
    if (i + len > n) return i;
    for (std::size_t k = 1; k < len; ++k) {
      if ((s[i + k] & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    bool overlong = (len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000);
    bool surrogate = cp >= 0xD800 && cp <= 0xDFFF;
    if (overlong || surrogate || cp > 0x10FFFF) return i;
    i += len;
  }
  return std::string_view::npos;
}

std::expected<std::shared_ptr<const SourceFile>, IoError> SourceFile::load(const std::filesystem::path &file,
                                                                          std::string displayPath) {
  std::error_code ec;
  if (std::filesystem::is_directory(file, ec)) return std::unexpected(IoError{displayPath, "is a directory"});
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    int err = errno;
    return std::unexpected(IoError{displayPath, std::string("cannot read file: ") + std::strerror(err ? err : ENOENT)});
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return std::unexpected(IoError{displayPath, "cannot read file: I/O error"});
  return fromBytes(std::move(displayPath), std::move(buffer).str());
}

std::expected<std::shared_ptr<const SourceFile>, IoError> SourceFile::fromBytes(std::string displayPath,
                                                                               std::string bytes) {
  std::shared_ptr<SourceFile> file(new SourceFile());
  file->path_ = std::move(displayPath);
  file->hash_ = XXH3_64bits(bytes.data(), bytes.size());
  std::string cookie = findEncodingCookie(bytes);
  if (bytes.starts_with(kBom)) {
    file->bom_ = true;
    bytes.erase(0, kBom.size());
    if (!cookie.empty() && normalizeEncoding(cookie) != "utf-8")
      return std::unexpected(IoError{file->path_, "encoding problem: `" + cookie + "` with a UTF-8 byte-order mark", 1, 1});
  }
  if (!cookie.empty()) file->encoding_ = normalizeEncoding(cookie);
  if (file->encoding_ != "utf-8") {
    auto converted = convertToUtf8(bytes, file->encoding_);
    if (!converted) return std::unexpected(IoError{file->path_, converted.error(), 1, 1});
    bytes = std::move(*converted);
  }
  return finishUtf8(std::move(file), std::move(bytes));
}

std::expected<std::shared_ptr<const SourceFile>, IoError> SourceFile::fromUtf8(std::string displayPath,
                                                                              std::string text) {
  std::shared_ptr<SourceFile> file(new SourceFile());
  file->path_ = std::move(displayPath);
  file->hash_ = XXH3_64bits(text.data(), text.size());
  return finishUtf8(std::move(file), std::move(text));
}

std::expected<std::shared_ptr<const SourceFile>, IoError> SourceFile::finishUtf8(std::shared_ptr<SourceFile> file,
                                                                                std::string bytes) {
  if (std::size_t bad = findInvalidUtf8(bytes); bad != std::string::npos) {
    LineIndex probe(bytes);
    Position pos = probe.position(static_cast<std::uint32_t>(bad));
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02x", static_cast<unsigned char>(bytes[bad]));
    return std::unexpected(IoError{file->path_,
                                   std::string("invalid UTF-8: byte ") + hex + " cannot start or continue a character",
                                   pos.line, pos.column});
  }
  if (bytes.size() > 0xFFFFFFF0u) return std::unexpected(IoError{file->path_, "file is larger than 4 GiB"});
  std::size_t brk = bytes.find_first_of("\r\n");
  if (brk != std::string::npos && bytes[brk] == '\r')
    file->lineEnding_ = brk + 1 < bytes.size() && bytes[brk + 1] == '\n' ? LineEnding::CrLf : LineEnding::Cr;
  file->text_ = std::move(bytes);
  file->lines_ = LineIndex(file->text_);
  return file;
}

std::string_view SourceFile::lineText(std::uint32_t line) const {
  std::uint32_t begin = lines_.lineStart(line);
  std::uint32_t end = lines_.lineEnd(line);
  return std::string_view(text_).substr(begin, end - begin);
}

} // namespace typhon
