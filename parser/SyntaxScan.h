// SyntaxScan: the tokenizer-style scan behind findSyntaxErrors (internal to parser/): the
// token, error and result types, the character and keyword helpers both halves use, and the scan.
#pragma once

#include "parser/LineIndex.h"
#include "parser/SyntaxErrors.h"

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace typhon::syntax_scan {

// ---------------------------------------------------------------------------------------------
// Token scan. CPython raises bracket, string and indentation errors in its tokenizer, before the
// parser sees the tokens; tree-sitter folds them into ERROR nodes that start wherever recovery
// began (often the start of the statement, or of the file). This scan finds them where CPython
// does, and records the tokens the tree analysis below uses to name the offending token.

enum class Tok : std::uint8_t { Name, Number, String, Op, Newline };

struct Token {
  std::uint32_t start = 0;
  std::uint32_t end = 0;
  Tok kind = Tok::Op;
  std::uint32_t depth = 0; ///< brackets open around the token
};

/// A scan error, and the range whose tree errors are consequences of it (not reported again).
struct ScanError {
  SyntaxError error;
  std::uint32_t spanStart = 0;
  std::uint32_t spanEnd = 0;
  /// Indentation errors explain only the ERROR nodes that end in their span: tree-sitter stops
  /// there, but an ERROR that runs on past it has a cause of its own.
  bool explainsEndsOnly = false;
  /// CPython's parser, not its tokenizer, raises it: a tokenizer error on the same line comes first.
  bool parserClass = false;
  bool neverClosed = false; ///< "'(' was never closed": start is the bracket
};

struct ScanResult {
  std::vector<ScanError> errors;
  std::vector<Token> tokens; ///< outside strings; a Newline token ends each logical line
  /// Ranges inside brackets from the end of a line to a continuation line indented less than
  /// the enclosing block (see textForTreeSitter).
  std::vector<std::pair<std::uint32_t, std::uint32_t>> joins;
};

inline constexpr std::size_t kMaxNesting = 64; // nested strings/replacement fields before giving up
inline constexpr std::size_t kMaxErrors = 100; // per file and source (scan, tree): the rest are noise

inline bool isIdentStart(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80; }
inline bool isIdentChar(unsigned char c) { return isIdentStart(c) || (c >= '0' && c <= '9'); }
inline bool isDigit(char c) { return c >= '0' && c <= '9'; }
inline bool isNewlineChar(char c) { return c == '\n' || c == '\r'; }
inline char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

/// r, u, b, f, t (t-strings: 3.14, accepted by the grammar) and the two-letter combinations.
inline bool isStringPrefix(std::string_view p) {
  if (p.empty() || p.size() > 2) return false;
  bool r = false, u = false, b = false, f = false;
  for (char c : p) {
    c = lower(c);
    if (c == 'r' && !r)
      r = true;
    else if (c == 'u' && !u)
      u = true;
    else if (c == 'b' && !b)
      b = true;
    else if ((c == 'f' || c == 't') && !f)
      f = true;
    else
      return false;
  }
  return !(u && p.size() > 1) && !(b && f);
}

inline bool isOneOf(std::string_view word, std::initializer_list<std::string_view> words) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

/// Keywords that start a compound statement's header (which must end with ':').
inline bool isCompoundKeyword(std::string_view w) {
  return isOneOf(w, {"if", "elif", "else", "for", "while", "with", "try", "except", "finally", "def", "class"});
}

/// Statement keywords that never start a line inside brackets in valid code: seeing one there
/// means a bracket before it was never closed (tree-sitter recovers the same way).
inline bool isStatementOnlyKeyword(std::string_view w) {
  return isOneOf(w, {"def", "class", "return", "import", "while", "with", "try", "except", "finally", "raise", "del",
                     "pass", "break", "continue", "global", "nonlocal", "assert", "elif"});
}

/// Operators that cannot end a statement.
inline bool isOperatorNeedingOperand(std::string_view op) {
  return isOneOf(op, {"=",  "==", "!=", "<",  ">",  "<=",  ">=",  "<>",  "+=", "-=", "*=", "/=", "//=",
                      "%=", "@=", "&=", "|=", "^=", ">>=", "<<=", "**=", "/",  "//", "%",  "@",  "<<",
                      ">>", "&",  "|",  "^",  "->", ":=",  "+",   "-",   "~",  "*",  "**", "."});
}

inline bool isKeyword(std::string_view w) {
  return isOneOf(w, {"False", "None",     "True",  "and",    "as",   "assert", "async",  "await",    "break",
                     "class", "continue", "def",   "del",    "elif", "else",   "except", "finally",  "for",
                     "from",  "global",   "if",    "import", "in",   "is",     "lambda", "nonlocal", "not",
                     "or",    "pass",     "raise", "return", "try",  "while",  "with",   "yield"});
}

/// The code point of the UTF-8 sequence at the start of `t`, and its length.
inline std::pair<std::uint32_t, std::size_t> decodeUtf8(std::string_view t) {
  auto b = [&](std::size_t i) {
    return static_cast<std::uint32_t>(static_cast<unsigned char>(i < t.size() ? t[i] : 0));
  };
  std::uint32_t c = b(0);
  if (c >= 0xF0) return {((c & 0x07) << 18) | ((b(1) & 0x3F) << 12) | ((b(2) & 0x3F) << 6) | (b(3) & 0x3F), 4};
  if (c >= 0xE0) return {((c & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F), 3};
  if (c >= 0xC0) return {((c & 0x1F) << 6) | (b(1) & 0x3F), 2};
  return {c < 0x80 ? c : 0, 1}; // a continuation byte: not a character of its own
}

/// Spaces and format characters CPython calls non-printable (U+00A0 no-break space, zero-width
/// spaces, the BOM in the middle of a file).
inline bool isNonPrintable(std::uint32_t cp) {
  return cp == 0xA0 || cp == 0xAD || (cp >= 0x2000 && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202F) ||
         (cp >= 0x205F && cp <= 0x2064) || cp == 0x3000 || cp == 0xFEFF;
}

/// Non-ASCII characters that are never part of an identifier, even after NFKC normalization:
/// the punctuation and symbols that get pasted into code (dashes, curly quotes, currency signs,
/// arrows, box drawing, emoji). Letters of every script are left to the parser.
inline bool isInvalidCharacter(std::uint32_t cp) {
  static constexpr std::uint32_t kLatin1[] = {0xA7, 0xA9, 0xAB, 0xAE, 0xB0, 0xB1, 0xB6, 0xBB, 0xD7, 0xF7};
  if (isNonPrintable(cp) || std::find(std::begin(kLatin1), std::end(kLatin1), cp) != std::end(kLatin1)) return true;
  return (cp >= 0x2010 && cp <= 0x2027) || (cp >= 0x2030 && cp <= 0x203E) || (cp >= 0x20A0 && cp <= 0x20CF) ||
         (cp >= 0x2190 && cp <= 0x23FF) || (cp >= 0x2500 && cp <= 0x27BF) || (cp >= 0x3001 && cp <= 0x3003) ||
         (cp >= 0x1F300 && cp <= 0x1FAFF);
}

/// CPython's message for a character its tokenizer rejects.
inline std::string invalidCharacterMessage(std::string_view t) {
  auto [cp, len] = decodeUtf8(t);
  char hex[16];
  std::snprintf(hex, sizeof hex, "U+%04X", cp);
  if (isNonPrintable(cp)) return std::string("invalid non-printable character ") + hex;
  return "invalid character '" + std::string(t.substr(0, len)) + "' (" + hex + ")";
}

inline std::string quoted(std::string_view text) {
  std::size_t nl = text.find_first_of("\r\n");
  if (nl != std::string_view::npos) text = text.substr(0, nl);
  std::string q = text.find('\'') != std::string_view::npos && text.find('"') == std::string_view::npos ? "\"" : "'";
  if (text.size() > 40) return q + std::string(text.substr(0, 37)) + "..." + q;
  return q + std::string(text) + q;
}


/// Scans `text`: bracket, string and indentation errors where CPython's tokenizer raises them,
/// the line joins textForTreeSitter needs, and (with `record`) the tokens for the tree analysis.
ScanResult scanTokens(std::string_view text, const LineIndex &lines, bool record);

} // namespace typhon::syntax_scan
