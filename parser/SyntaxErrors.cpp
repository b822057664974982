// Syntax errors: a CPython-like token scan (brackets, strings, indentation) plus tree-sitter's
// ERROR/MISSING nodes, turned into CPython 3.13-style messages at the offending token.
#include "parser/SyntaxErrors.h"

#include <algorithm>
#include <cstdio>
#include <optional>
#include <string>

namespace typhon {

namespace {

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

constexpr std::size_t kMaxNesting = 64; // nested strings/replacement fields before giving up
constexpr std::size_t kMaxErrors = 100; // per file and source (scan, tree): the rest are noise

bool isIdentStart(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80; }
bool isIdentChar(unsigned char c) { return isIdentStart(c) || (c >= '0' && c <= '9'); }
bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isNewlineChar(char c) { return c == '\n' || c == '\r'; }
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

/// r, u, b, f, t (t-strings: 3.14, accepted by the grammar) and the two-letter combinations.
bool isStringPrefix(std::string_view p) {
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

bool isOneOf(std::string_view word, std::initializer_list<std::string_view> words) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

/// Keywords that start a compound statement's header (which must end with ':').
bool isCompoundKeyword(std::string_view w) {
  return isOneOf(w, {"if", "elif", "else", "for", "while", "with", "try", "except", "finally", "def", "class"});
}

/// Statement keywords that never start a line inside brackets in valid code: seeing one there
/// means a bracket before it was never closed (tree-sitter recovers the same way).
bool isStatementOnlyKeyword(std::string_view w) {
  return isOneOf(w, {"def", "class", "return", "import", "while", "with", "try", "except", "finally", "raise", "del",
                     "pass", "break", "continue", "global", "nonlocal", "assert", "elif"});
}

/// Operators that cannot end a statement.
bool isOperatorNeedingOperand(std::string_view op) {
  return isOneOf(op, {"=",  "==", "!=", "<",  ">",  "<=",  ">=",  "<>",  "+=", "-=", "*=", "/=", "//=",
                      "%=", "@=", "&=", "|=", "^=", ">>=", "<<=", "**=", "/",  "//", "%",  "@",  "<<",
                      ">>", "&",  "|",  "^",  "->", ":=",  "+",   "-",   "~",  "*",  "**", "."});
}

bool isKeyword(std::string_view w) {
  return isOneOf(w, {"False", "None",     "True",  "and",    "as",   "assert", "async",  "await",    "break",
                     "class", "continue", "def",   "del",    "elif", "else",   "except", "finally",  "for",
                     "from",  "global",   "if",    "import", "in",   "is",     "lambda", "nonlocal", "not",
                     "or",    "pass",     "raise", "return", "try",  "while",  "with",   "yield"});
}

/// The code point of the UTF-8 sequence at the start of `t`, and its length.
std::pair<std::uint32_t, std::size_t> decodeUtf8(std::string_view t) {
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
bool isNonPrintable(std::uint32_t cp) {
  return cp == 0xA0 || cp == 0xAD || (cp >= 0x2000 && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202F) ||
         (cp >= 0x205F && cp <= 0x2064) || cp == 0x3000 || cp == 0xFEFF;
}

/// Non-ASCII characters that are never part of an identifier, even after NFKC normalization:
/// the punctuation and symbols that get pasted into code (dashes, curly quotes, currency signs,
/// arrows, box drawing, emoji). Letters of every script are left to the parser.
bool isInvalidCharacter(std::uint32_t cp) {
  static constexpr std::uint32_t kLatin1[] = {0xA7, 0xA9, 0xAB, 0xAE, 0xB0, 0xB1, 0xB6, 0xBB, 0xD7, 0xF7};
  if (isNonPrintable(cp) || std::find(std::begin(kLatin1), std::end(kLatin1), cp) != std::end(kLatin1)) return true;
  return (cp >= 0x2010 && cp <= 0x2027) || (cp >= 0x2030 && cp <= 0x203E) || (cp >= 0x20A0 && cp <= 0x20CF) ||
         (cp >= 0x2190 && cp <= 0x23FF) || (cp >= 0x2500 && cp <= 0x27BF) || (cp >= 0x3001 && cp <= 0x3003) ||
         (cp >= 0x1F300 && cp <= 0x1FAFF);
}

/// CPython's message for a character its tokenizer rejects.
std::string invalidCharacterMessage(std::string_view t) {
  auto [cp, len] = decodeUtf8(t);
  char hex[16];
  std::snprintf(hex, sizeof hex, "U+%04X", cp);
  if (isNonPrintable(cp)) return std::string("invalid non-printable character ") + hex;
  return "invalid character '" + std::string(t.substr(0, len)) + "' (" + hex + ")";
}

std::string quoted(std::string_view text) {
  std::size_t nl = text.find_first_of("\r\n");
  if (nl != std::string_view::npos) text = text.substr(0, nl);
  std::string q = text.find('\'') != std::string_view::npos && text.find('"') == std::string_view::npos ? "\"" : "'";
  if (text.size() > 40) return q + std::string(text.substr(0, 37)) + "..." + q;
  return q + std::string(text) + q;
}

class Scanner {
public:
  Scanner(std::string_view text, const LineIndex &lines, bool record) : lines_(lines), s_(text), record_(record) {}

  ScanResult run() {
    bool lineStart = true;
    for (;;) {
      if (lineStart) {
        lineStart = false;
        if (opens_.empty()) {
          if (!beginLogicalLine()) break;
        } else {
          recoverAtStatementKeyword();
        }
      }
      skipBlanks();
      if (eof()) break;
      char c = s_[i_];
      if (c == '#') {
        i_ = lineEndFrom(i_);
        continue;
      }
      if (isNewlineChar(c)) {
        std::size_t nl = i_;
        skipNewline();
        if (opens_.empty())
          endLogicalLine(nl);
        else
          noteDedentedContinuation();
        lineStart = true;
        continue;
      }
      if (c == '\\') {
        continuation();
        continue;
      }
      token(false);
    }
    finish();
    return std::move(out_);
  }

private:
  enum class Status { Ok, Abandoned, Eof };
  struct Open {
    char ch;
    std::size_t at;
    bool field;         ///< an f-string replacement field's '{'
    std::size_t errors; ///< scan errors before it: a later one, not this bracket, is what CPython reports
  };
  struct Level {
    int col;
    int alt; ///< column with tabs counted as 1 (CPython's check for inconsistent tabs)
  };
  struct FMode {
    char quote;
    bool triple;
  };

  bool eof() const { return i_ >= s_.size(); }
  char at(std::size_t k) const { return k < s_.size() ? s_[k] : '\0'; }
  std::size_t lineEndFrom(std::size_t k) const {
    while (k < s_.size() && !isNewlineChar(s_[k]))
      ++k;
    return k;
  }
  void skipNewline() { i_ += (s_[i_] == '\r' && at(i_ + 1) == '\n') ? 2 : 1; }
  void skipBlanks() {
    while (!eof() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\f'))
      ++i_;
  }
  std::string lineNumber(std::size_t offset) const {
    return std::to_string(lines_.lineOf(static_cast<std::uint32_t>(offset)));
  }
  std::string_view text(std::size_t a, std::size_t b) const { return s_.substr(a, b - a); }
  /// End of the word or character at `k` (to underline the first token of a line).
  std::size_t wordEnd(std::size_t k) const {
    std::size_t e = k;
    while (e < s_.size() && isIdentChar(static_cast<unsigned char>(s_[e])))
      ++e;
    return e > k ? e : std::min(k + 1, s_.size());
  }

  void error(std::size_t start, std::size_t end, std::string message, std::size_t spanStart, std::size_t spanEnd,
             bool endsOnly = false, bool parserClass = false) {
    if (out_.errors.size() >= kMaxErrors) return;
    auto u = [](std::size_t v) { return static_cast<std::uint32_t>(v); };
    out_.errors.push_back({{u(start), u(end), std::move(message)}, u(spanStart), u(spanEnd), endsOnly, parserClass});
  }

  // --- logical lines and indentation (CPython's tokenizer, tabsize 8) ---

  /// The indentation from k (CPython's columns, tabs to multiples of 8); k ends past it.
  Level measure(std::size_t &k) const {
    Level l{0, 0};
    for (; k < s_.size(); ++k) {
      char c = s_[k];
      if (c == ' ')
        ++l.col, ++l.alt;
      else if (c == '\t')
        l.col = (l.col / 8 + 1) * 8, ++l.alt;
      else if (c == '\f')
        l.col = l.alt = 0;
      else
        break;
    }
    return l;
  }

  /// Skips blank and comment-only lines, checks the indentation of the next line. False at EOF.
  bool beginLogicalLine() {
    for (;;) {
      auto [col, alt] = measure(i_);
      if (eof()) return false;
      if (s_[i_] == '#') {
        i_ = lineEndFrom(i_);
        lastContentEnd_ = i_;
        if (eof()) return false;
      }
      if (isNewlineChar(s_[i_])) {
        skipNewline();
        continue;
      }
      startLine();
      indent(col, alt, i_);
      return true;
    }
  }

  void startLine() {
    inLine_ = true;
    lineTokens_ = 0;
    lastColon_ = lambdaAtTop_ = false;
    colonsAtTop_ = 0;
  }

  void indent(int col, int alt, std::size_t at) {
    bool expecting = expectBlock_, lenient = lenient_;
    expectBlock_ = lenient_ = false;
    // An indentation error explains the tree errors on its line.
    std::size_t from = at, lineEnd = lineEndFrom(at);
    while (from > 0 && !isNewlineChar(s_[from - 1]))
      --from;
    Level top = levels_.back();
    if (col > top.col) {
      levels_.push_back({col, alt});
      if (alt <= top.alt)
        tabError(at, from, lineEnd);
      else if (!expecting && !lenient)
        error(at, wordEnd(at), "unexpected indent", from, lineEnd, true, true);
      return;
    }
    if (expecting) blockExpected(at, from, lineEnd);
    if (col == top.col) {
      if (!expecting && alt != top.alt) tabError(at, from, lineEnd);
      return;
    }
    std::size_t n = levels_.size();
    while (n > 1 && col < levels_[n - 1].col)
      --n;
    if (col != levels_[n - 1].col) {
      // The line stays in the current block, so the lines after it are judged as they were meant.
      if (!expecting)
        error(at, wordEnd(at), "unindent does not match any outer indentation level", from, lineEnd, true);
      return;
    }
    levels_.resize(n);
    if (!expecting && alt != levels_.back().alt) {
      tabError(at, from, lineEnd);
    }
  }

  void tabError(std::size_t at, std::size_t from, std::size_t lineEnd) {
    error(at, wordEnd(at), "inconsistent use of tabs and spaces in indentation", from, lineEnd, true);
  }

  void blockExpected(std::size_t at, std::size_t from, std::size_t end) {
    std::string_view kw = text(headerKwStart_, headerKwEnd_);
    std::string what = kw == "def"     ? "function definition"
                       : kw == "class" ? "class definition"
                                       : "'" + std::string(kw) + "' statement";
    error(at, at, "expected an indented block after " + what + " on line " + lineNumber(headerKwStart_), from, end,
          true, true);
  }

  void endLogicalLine(std::size_t at) {
    if (!inLine_) return;
    inLine_ = false;
    if (record_)
      out_.tokens.push_back({static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(at), Tok::Newline, 0});
    std::string_view kw = lineTokens_ > 0 ? text(kwStart_, kwEnd_) : std::string_view();
    bool compound = isCompoundKeyword(kw) || kw == "match" || kw == "case";
    expectBlock_ = lastColon_ && compound;
    // A compound header without its ':' is reported by the tree analysis, a stray ':' below; the
    // next line is not an "unexpected indent" on top of that.
    lenient_ = (!lastColon_ && colonsAtTop_ == 0 && compound) || (lastColon_ && !compound);
    // Only a compound header ends with ':', once. tree-sitter accepts `name:` with the annotation
    // on the next line, and `if a: b:` as an annotated body.
    if (lastColon_ && (!compound || (colonsAtTop_ > 1 && !lambdaAtTop_)))
      error(lastColonAt_, lastColonAt_ + 1, "invalid syntax: unexpected ':' at the end of the line", kwStart_, at,
            false, true);
    if (expectBlock_) headerKwStart_ = kwStart_, headerKwEnd_ = kwEnd_;
    // tree-sitter reads the next line as the operand of `x =` (a line break is whitespace where
    // its grammar allows no NEWLINE); for CPython the statement ends there.
    std::string_view last = lineTokens_ > 0 ? text(lastStart_, lastEnd_) : std::string_view();
    bool operatorAtEnd = lastKind_ == Tok::Op && isOperatorNeedingOperand(last) && !(last == "*" && prevWasImport_);
    bool keywordAtEnd = lastKind_ == Tok::Name && isOneOf(last, {"and", "or", "not", "in", "is"});
    if (opens_.empty() && (operatorAtEnd || keywordAtEnd))
      error(lastEnd_, lastEnd_,
            std::string("invalid syntax: expected ") + (last == "." ? "a name" : "an expression") + " after " +
                quoted(last),
            kwStart_, at, false, true);
  }

  /// Inside brackets at the start of a physical line: a statement keyword means the innermost
  /// bracket was never closed. Reports it and starts a new logical line there.
  void recoverAtStatementKeyword() {
    std::size_t k = i_;
    auto [col, alt] = measure(k);
    std::size_t e = k;
    while (e < s_.size() && isIdentChar(static_cast<unsigned char>(s_[e])))
      ++e;
    if (e == k || !isStatementOnlyKeyword(text(k, e))) return;
    if (!out_.joins.empty() && out_.joins.back().second == k) out_.joins.pop_back(); // not a continuation
    neverClosed(k);
    endLogicalLine(k);
    opens_.clear();
    lenient_ = true;
    i_ = k;
    startLine();
    indent(col, alt, k);
  }

  void neverClosed(std::size_t end) {
    const Open &o = opens_.back();
    if (out_.errors.size() != o.errors) return;
    std::size_t before = out_.errors.size();
    error(o.at, o.at + 1, "'" + std::string(1, o.ch) + "' was never closed", o.at, end);
    if (out_.errors.size() > before) out_.errors.back().neverClosed = true;
  }

  /// After a line break inside brackets: if the next code line (or a comment line before it) is
  /// indented less than the enclosing block, tree-sitter-python's scanner emits a DEDENT there
  /// when no closing bracket may come next (`x = (a +` / `b)`), so note the range to join.
  void noteDedentedContinuation() {
    int top = levels_.back().col;
    if (top == 0 || nesting_ > 0) return;
    bool dedented = false;
    for (std::size_t k = i_;;) {
      int col = measure(k).col;
      if (k >= s_.size()) return;
      bool blank = isNewlineChar(s_[k]);
      if (!blank && col < top) dedented = true;
      if (!blank && s_[k] != '#') {
        if (dedented) out_.joins.emplace_back(static_cast<std::uint32_t>(lastCodeEnd_), static_cast<std::uint32_t>(k));
        return;
      }
      k = lineEndFrom(k);
      if (k < s_.size()) k += (s_[k] == '\r' && k + 1 < s_.size() && s_[k + 1] == '\n') ? 2 : 1;
    }
  }

  void continuation() {
    std::size_t bs = i_++;
    if (!eof() && isNewlineChar(s_[i_])) {
      skipNewline();
      if (eof()) error(bs, bs + 1, "unexpected EOF while parsing", bs, s_.size());
      return;
    }
    if (eof()) {
      error(bs, bs + 1, "unexpected EOF while parsing", bs, s_.size());
      return;
    }
    error(bs, bs + 1, "unexpected character after line continuation character", bs, lineEndFrom(bs));
  }

  void finish() {
    bool closed = opens_.empty();
    if (!closed) neverClosed(s_.size());
    endLogicalLine(s_.size());
    if (closed && expectBlock_) blockExpected(lastContentEnd_, lastContentEnd_, s_.size());
  }

  // --- tokens ---

  void note(std::size_t start, Tok kind, bool inField) {
    lastContentEnd_ = i_;
    if (inField) return;
    lastCodeEnd_ = i_;
    if (lineTokens_ == 0 || (lineTokens_ == 1 && text(kwStart_, kwEnd_) == "async")) kwStart_ = start, kwEnd_ = i_;
    ++lineTokens_;
    lastColon_ = kind == Tok::Op && i_ - start == 1 && s_[start] == ':' && opens_.empty();
    if (lastColon_) ++colonsAtTop_, lastColonAt_ = start;
    if (opens_.empty() && text(start, i_) == "lambda") lambdaAtTop_ = true;
    prevWasImport_ = lineTokens_ > 1 && text(lastStart_, lastEnd_) == "import";
    lastStart_ = start, lastEnd_ = i_, lastKind_ = kind;
    if (record_)
      out_.tokens.push_back({static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(i_), kind,
                             static_cast<std::uint32_t>(opens_.size())});
  }

  /// Length of the operator at k: CPython's three- and two-character operators, else one.
  std::size_t opLength(std::size_t k) const {
    char c = s_[k], d = at(k + 1), e = at(k + 2);
    if (c == '.') return d == '.' && e == '.' ? 3 : 1;
    if ((c == '*' || c == '/' || c == '>' || c == '<') && d == c) return e == '=' ? 3 : 2;
    if (d == '=' && std::string_view("<>=!:+-*/%&|^@").find(c) != std::string_view::npos) return 2;
    if ((c == '-' && d == '>') || (c == '<' && d == '>')) return 2;
    return 1;
  }

  void number() {
    std::size_t st = i_;
    auto digits = [this] {
      while (!eof() && (isDigit(s_[i_]) || s_[i_] == '_'))
        ++i_;
    };
    char x = lower(at(i_ + 1));
    if (s_[i_] == '0' && (x == 'x' || x == 'o' || x == 'b')) {
      i_ += 2;
      while (!eof() && isIdentChar(static_cast<unsigned char>(s_[i_])))
        ++i_;
      return;
    }
    digits();
    bool integer = true;
    if (at(i_) == '.') integer = false, ++i_, digits();
    char sign = at(i_ + 1);
    if (lower(at(i_)) == 'e' && (isDigit(sign) || ((sign == '+' || sign == '-') && isDigit(at(i_ + 2))))) {
      integer = false;
      i_ += 2;
      digits();
    }
    if (lower(at(i_)) == 'j') integer = false, ++i_;
    if (integer && s_[st] == '0' && text(st, i_).find_first_not_of("0_") != std::string_view::npos)
      error(st, i_, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
            st, i_);
    // `1if x else 2` is valid (with a warning); `10L` and `1abc` are not.
    std::size_t e = i_;
    while (e < s_.size() && isIdentChar(static_cast<unsigned char>(s_[e])))
      ++e;
    if (e == i_) return;
    std::string_view rest = text(i_, e);
    for (std::string_view kw : {"and", "else", "for", "if", "in", "is", "not", "or"})
      if (rest.starts_with(kw)) return;
    error(st, e, "invalid decimal literal", st, e);
    i_ = e;
  }

  Status token(bool inField) {
    std::size_t st = i_;
    unsigned char c = static_cast<unsigned char>(s_[i_]);
    if (isIdentStart(c)) {
      if (c >= 0x80 && invalidCharacterAt(st)) return Status::Ok;
      while (!eof() && isIdentChar(static_cast<unsigned char>(s_[i_]))) {
        if (static_cast<unsigned char>(s_[i_]) >= 0xC0 && isInvalidCharacter(decodeUtf8(s_.substr(i_)).first)) break;
        ++i_;
      }
      if (!eof() && (s_[i_] == '"' || s_[i_] == '\'') && isStringPrefix(text(st, i_))) return string(st, inField);
      note(st, Tok::Name, inField);
      return Status::Ok;
    }
    if (isDigit(static_cast<char>(c)) || (c == '.' && isDigit(at(i_ + 1)))) {
      number();
      note(st, Tok::Number, inField);
      return Status::Ok;
    }
    if (c == '"' || c == '\'') return string(st, inField);
    ++i_;
    if (c == '`') {
      // tree-sitter-python still reads Python 2's `x` as a string.
      error(st, i_, "invalid syntax: backquotes are Python 2 only; use repr()", st, i_, false, true);
      return Status::Ok;
    }
    if (c == '(' || c == '[' || c == '{') {
      note(st, Tok::Op, inField);
      opens_.push_back({static_cast<char>(c), st, false, out_.errors.size()});
      return Status::Ok;
    }
    if (c == ')' || c == ']' || c == '}') {
      close(static_cast<char>(c), st);
      note(st, Tok::Op, inField);
      return Status::Ok;
    }
    i_ = st + opLength(st);
    note(st, Tok::Op, inField);
    return Status::Ok;
  }

  /// Reports and skips an invalid character at `st` (CPython's tokenizer rejects it).
  bool invalidCharacterAt(std::size_t st) {
    auto [cp, len] = decodeUtf8(s_.substr(st));
    if (!isInvalidCharacter(cp)) return false;
    i_ = std::min(st + len, s_.size());
    error(st, i_, invalidCharacterMessage(s_.substr(st)), st, i_);
    return true;
  }

  void close(char c, std::size_t st) {
    char want = c == ')' ? '(' : c == ']' ? '[' : '{';
    if (opens_.empty()) {
      error(st, st + 1, "unmatched '" + std::string(1, c) + "'", st, lineEndFrom(st));
      return;
    }
    Open top = opens_.back();
    if (top.ch == want && !(top.field && c != '}')) {
      opens_.pop_back();
      return;
    }
    if (top.field) {
      error(st, st + 1, "f-string: unmatched '" + std::string(1, c) + "'", st, st + 1);
      return;
    }
    std::string message = "closing parenthesis '" + std::string(1, c) + "' does not match opening parenthesis '" +
                          std::string(1, top.ch) + "'";
    if (lineNumber(top.at) != lineNumber(st)) message += " on line " + lineNumber(top.at);
    error(st, st + 1, message, top.at, st + 1);
    opens_.pop_back();
    if (!opens_.empty() && opens_.back().ch == want) opens_.pop_back();
  }

  /// A string literal from `st` (its prefix); i_ is at the opening quote.
  Status string(std::size_t st, bool inField) {
    bool raw = false, fmt = false;
    for (std::size_t k = st; k < i_; ++k) {
      raw = raw || lower(s_[k]) == 'r';
      fmt = fmt || lower(s_[k]) == 'f' || lower(s_[k]) == 't';
    }
    char q = s_[i_];
    bool triple = at(i_ + 1) == q && at(i_ + 2) == q;
    i_ += triple ? 3 : 1;
    std::size_t openEnd = i_;
    if (nesting_ >= kMaxNesting) {
      i_ = lineEndFrom(i_);
      error(st, openEnd, "f-string: expressions nested too deeply", st, i_);
      return Status::Abandoned;
    }
    std::size_t base = opens_.size();
    ++nesting_;
    if (fmt) fmodes_.push_back({q, triple});
    Status status = stringBody(st, openEnd, q, triple, raw, fmt);
    if (fmt) fmodes_.pop_back();
    --nesting_;
    if (status == Status::Abandoned && nesting_ == 0) opens_.resize(std::min(opens_.size(), base));
    if (status != Status::Eof) note(st, Tok::String, inField);
    return status;
  }

  Status stringBody(std::size_t st, std::size_t openEnd, char q, bool triple, bool raw, bool fmt) {
    for (;;) {
      if (eof()) return unterminated(st, openEnd, q, triple, fmt);
      char c = s_[i_];
      if (c == '\\') {
        char d = at(i_ + 1);
        if (fmt && (d == '{' || d == '}')) {
          ++i_;
          continue;
        }
        if (fmt && !raw && d == 'N' && at(i_ + 2) == '{') { // \N{NAME} is an escape, not a field
          std::size_t k = i_ + 3;
          while (k < s_.size() && s_[k] != '}' && s_[k] != q && !isNewlineChar(s_[k]))
            ++k;
          i_ = at(k) == '}' ? k + 1 : i_ + 2;
          continue;
        }
        ++i_;
        if (!eof()) i_ += (s_[i_] == '\r' && at(i_ + 1) == '\n') ? 2 : 1;
        continue;
      }
      if (c == q) {
        if (!triple) {
          ++i_;
          return Status::Ok;
        }
        if (at(i_ + 1) == q && at(i_ + 2) == q) {
          i_ += 3;
          return Status::Ok;
        }
        ++i_;
        continue;
      }
      if (isNewlineChar(c) && !triple) return unterminated(st, openEnd, q, triple, fmt);
      if (fmt && (c == '{' || c == '}') && at(i_ + 1) == c) {
        i_ += 2;
        continue;
      }
      if (fmt && c == '{') {
        Status s = field();
        if (s != Status::Ok) return s;
        continue;
      }
      if (fmt && c == '}') {
        error(i_, i_ + 1, "f-string: single '}' is not allowed", i_, i_ + 1);
      }
      ++i_;
    }
  }

  Status unterminated(std::size_t st, std::size_t openEnd, char q, bool triple, bool fmt) {
    i_ = triple ? s_.size() : lineEndFrom(i_);
    // In a replacement field, the enclosing f-string's own quote means its '}' is missing.
    std::size_t outer = fmodes_.size() - (fmt ? 1 : 0);
    if (outer > 0 && fmodes_[outer - 1].quote == q && fmodes_[outer - 1].triple == triple) {
      error(st, openEnd, "f-string: expecting '}'", st, i_);
      return Status::Abandoned;
    }
    std::size_t detected = triple ? (s_.empty() ? 0 : s_.size() - 1) : i_;
    std::string message = std::string("unterminated ") + (triple ? "triple-quoted " : "") +
                          (fmt ? "f-string" : "string") + " literal (detected at line " + lineNumber(detected) + ")";
    error(st, openEnd, message, st, i_);
    return Status::Abandoned;
  }

  /// An f-string replacement field; i_ is at its '{'.
  Status field() {
    opens_.push_back({'{', i_++, true, out_.errors.size()});
    std::size_t base = opens_.size();
    for (;;) {
      skipBlanks();
      if (eof()) return Status::Eof;
      char c = s_[i_];
      if (isNewlineChar(c)) {
        skipNewline();
        continue;
      }
      if (c == '#') {
        i_ = lineEndFrom(i_);
        continue;
      }
      if (c == '\\') {
        continuation();
        continue;
      }
      if (opens_.size() == base) {
        if (c == '}') {
          ++i_;
          opens_.pop_back();
          return Status::Ok;
        }
        if (c == ':') {
          ++i_;
          return formatSpec();
        }
        if (c == '!' && at(i_ + 1) != '=') {
          ++i_;
          while (!eof() && isIdentChar(static_cast<unsigned char>(s_[i_])))
            ++i_;
          continue;
        }
      }
      Status s = token(true);
      if (s != Status::Ok) return s;
      if (opens_.size() < base) return Status::Ok; // a mismatched bracket closed the field
    }
  }

  Status formatSpec() {
    FMode mode = fmodes_.back();
    for (;;) {
      if (eof()) return Status::Eof;
      char c = s_[i_];
      if (c == '{' && at(i_ + 1) != '{') {
        Status s = field();
        if (s != Status::Ok) return s;
        continue;
      }
      if (c == '}') {
        ++i_;
        opens_.pop_back();
        return Status::Ok;
      }
      if (c == mode.quote && (!mode.triple || (at(i_ + 1) == c && at(i_ + 2) == c))) {
        std::size_t end = lineEndFrom(i_);
        error(i_, i_ + 1, "f-string: expecting '}'", i_, end);
        i_ = end;
        return Status::Abandoned;
      }
      i_ += (c == '\\' || c == '{') ? 2 : 1;
    }
  }

  const LineIndex &lines_;
  std::string_view s_;
  bool record_;
  std::size_t i_ = 0;
  ScanResult out_;
  std::vector<Open> opens_;
  std::vector<Level> levels_{{0, 0}};
  std::vector<FMode> fmodes_;
  std::size_t nesting_ = 0;
  // The logical line being read: its first keyword (after `async`), token count, colons.
  bool inLine_ = false;
  std::size_t kwStart_ = 0, kwEnd_ = 0;
  int lineTokens_ = 0;
  bool lastColon_ = false;
  int colonsAtTop_ = 0;
  std::size_t lastColonAt_ = 0;
  bool lambdaAtTop_ = false;
  // What the previous logical line asks of the next one.
  bool expectBlock_ = false;
  bool lenient_ = false;
  std::size_t headerKwStart_ = 0, headerKwEnd_ = 0;
  std::size_t lastContentEnd_ = 0;
  std::size_t lastCodeEnd_ = 0;
  std::size_t lastStart_ = 0, lastEnd_ = 0; ///< the last token of the logical line
  Tok lastKind_ = Tok::Op;
  bool prevWasImport_ = false; ///< the token before it is `import` (`from m import *`)
};

// ---------------------------------------------------------------------------------------------
// Tree errors. An ERROR node holds the tokens tree-sitter could not fit, often behind a long
// prefix it parsed fine; the analysis finds the token CPython would stop at and says why.

class TreeErrors {
public:
  TreeErrors(std::string_view text, const std::vector<Token> &tokens) : s_(text), toks_(tokens) {
    lineOf_.resize(toks_.size());
    for (std::size_t k = 0, b = 0; k < toks_.size(); ++k) {
      lineOf_[k] = b;
      if (toks_[k].kind == Tok::Newline) b = k + 1;
    }
  }

  /// What an ERROR node means, and whether that is certain or only tree-sitter's best guess
  /// (which an error found by the scan nearby explains better).
  struct Described {
    SyntaxError error;
    bool certain = true;
  };

  Described describeError(Node e) const {
    std::size_t k0 = firstTokenAt(e.startByte());
    if (k0 >= toks_.size()) return {{e.startByte(), e.endByte(), "invalid syntax"}, false};
    auto [b, end] = logicalLine(k0);
    // A compound header without its ':' is certain, wherever tree-sitter's recovery began: check
    // each logical line the ERROR touches, and the one before it (`try` + ERROR + `:`).
    std::size_t lb = b > 0 ? logicalLine(b - 1).first : b;
    std::size_t last = firstTokenAt(e.endByte());
    while (lb < toks_.size() && lb <= last) {
      auto [hb, he] = logicalLine(lb);
      if (auto h = headerError(hb, he)) return {*h};
      lb = he + 1;
    }
    if (auto a = assignmentToValue(e)) return {*a};
    std::optional<Described> found;
    std::uint32_t foundAt = UINT32_MAX;
    auto [nested, wrapper] = skippedTokens(e);
    if (nested) {
      if (Node leaf = offendingLeaf(nested)) {
        found = Described{describeLeaf(leaf), !wrapper};
        foundAt = leaf.startByte();
      }
    }
    // From the token before the ERROR: its first token may be the one that does not fit.
    std::optional<Adjacency> adjacent = badAdjacency(b, k0 > 0 ? k0 - 1 : 0, e.endByte());
    if (adjacent && adjacent->pairStart <= foundAt) found = Described{adjacent->error};
    if (found) return *found;
    std::size_t next = firstTokenAt(e.endByte());
    Node parent = e.parent();
    bool statementLevel = !parent || parent.kind() == NodeKind::Module || parent.kind() == NodeKind::Block;
    if (!statementLevel) {
      // Inside an expression or a clause, the ERROR holds exactly the tokens that did not fit.
      if (Node leaf = offendingLeaf(e)) return {describeLeaf(leaf)};
    }
    if (auto t = ternaryWithoutElse(b, e.endByte())) return {*t};
    if (e.namedChildCount() > 0 && e.namedChild(e.namedChildCount() - 1).kind() == NodeKind::Decorator) {
      while (next < toks_.size() && toks_[next].kind == Tok::Newline)
        ++next;
      if (next < toks_.size()) return {at(next, "invalid syntax: a decorator must be followed by 'def' or 'class'")};
    }
    if (next < toks_.size() && toks_[next].kind != Tok::Newline)
      return {at(next, "invalid syntax: unexpected " + quoted(text(next))), false};
    Node leaf = firstRealLeaf(e);
    if (!leaf) return {{e.startByte(), e.endByte(), "invalid syntax"}, false};
    return {describeLeaf(leaf), false};
  }

  /// Start of the first token at or after `offset` (the end of the text if none).
  std::uint32_t nextTokenStart(std::uint32_t offset) const {
    std::size_t k = firstTokenAt(offset);
    while (k < toks_.size() && toks_[k].kind == Tok::Newline)
      ++k;
    return k < toks_.size() ? toks_[k].start : static_cast<std::uint32_t>(s_.size());
  }

  /// The index of the first token of the logical line holding `offset`.
  std::size_t logicalLineOf(std::uint32_t offset) const {
    std::size_t k = firstTokenAt(offset);
    return k < toks_.size() ? logicalLine(k).first : toks_.size();
  }

  SyntaxError describeMissing(Node missing) const {
    std::uint32_t pos = missing.startByte();
    std::string_view type = missing.type();
    if (!missing.isNamed()) return {pos, pos, "expected '" + std::string(type) + "'"};
    if (type == "identifier") return {pos, pos, "invalid syntax: expected a name"};
    if (type == "block") return {pos, pos, "expected an indented block"};
    return {pos, pos, "invalid syntax: expected " + std::string(type == "expression" ? "an expression" : type)};
  }

private:
  std::string_view text(std::size_t k) const { return s_.substr(toks_[k].start, toks_[k].end - toks_[k].start); }
  SyntaxError at(std::size_t k, std::string message) const {
    return {toks_[k].start, toks_[k].end, std::move(message)};
  }
  SyntaxError after(std::size_t k, std::string message) const {
    return {toks_[k].end, toks_[k].end, std::move(message)};
  }

  std::size_t firstTokenAt(std::uint32_t offset) const {
    return std::lower_bound(toks_.begin(), toks_.end(), offset,
                            [](const Token &t, std::uint32_t o) { return t.start < o; }) -
           toks_.begin();
  }

  /// Tokens [b, e) of the logical line holding token k (a Newline token belongs to the line it ends).
  std::pair<std::size_t, std::size_t> logicalLine(std::size_t k) const {
    std::size_t e = k;
    while (e < toks_.size() && toks_[e].kind != Tok::Newline)
      ++e;
    return {lineOf_[k], e};
  }

  bool isOperandEnd(std::size_t k) const {
    Tok kind = toks_[k].kind;
    std::string_view t = text(k);
    if (kind == Tok::Name) return !isKeyword(t) || isOneOf(t, {"True", "False", "None"});
    if (kind == Tok::Number || kind == Tok::String) return true;
    return kind == Tok::Op && isOneOf(t, {")", "]", "}", "..."});
  }

  bool isOperandStart(std::size_t k, std::size_t prev) const {
    Tok kind = toks_[k].kind;
    std::string_view t = text(k);
    if (kind == Tok::Name) return !isKeyword(t) || isOneOf(t, {"True", "False", "None", "lambda", "await"});
    if (kind == Tok::String) return toks_[prev].kind != Tok::String; // "a" "b" is one literal
    return kind == Tok::Number || (kind == Tok::Op && t == "...");
  }

  /// An operator that needs an operand after it (unary + - ~ and * ** excepted).
  static bool isBinaryOnly(std::string_view t) {
    return isOneOf(t, {"=",  "==", "!=", "<",  ">",  "<=",  ">=",  "<>",  "+=", "-=", "*=", "/=", "//=",
                       "%=", "@=", "&=", "|=", "^=", ">>=", "<<=", "**=", "/",  "//", "%",  "@",  "<<",
                       ">>", "&",  "|",  "^",  ".",  "->",  ":=",  "and", "or", "in", "is", "not"});
  }
  /// What cannot follow a binary operator: the end of the line, a closer, another operator.
  bool cannotFollowOperator(std::size_t k) const {
    if (toks_[k].kind == Tok::Newline) return true;
    std::string_view t = text(k);
    if (isOneOf(t, {")", "]", "}", ","})) return true;
    return toks_[k].kind == Tok::Op && t != "." && isBinaryOnly(t); // `from .. import`: `.` may repeat
  }

  struct Adjacency {
    SyntaxError error;
    std::uint32_t pairStart; ///< where the first token of the pair starts
  };

  std::optional<Adjacency> badAdjacency(std::size_t b, std::size_t from, std::uint32_t end) const {
    std::uint32_t pairStart = 0;
    std::optional<SyntaxError> e = badPair(b, from, end, pairStart);
    if (!e) return std::nullopt;
    return Adjacency{*e, pairStart};
  }

  /// The first pair of tokens that cannot be adjacent in Python, from token `from` (in the
  /// logical line starting at token b) to the first token after `end`: two operands without an
  /// operator, an operator without an operand. `pairStart` receives the pair's start.
  std::optional<SyntaxError> badPair(std::size_t b, std::size_t from, std::uint32_t end,
                                     std::uint32_t &pairStart) const {
    std::size_t stop = std::min(firstTokenAt(end) + 1, toks_.size());
    std::size_t lineStart = b;
    for (std::size_t k = std::max(b, from) + 1; k < stop; ++k) {
      std::size_t p = k - 1;
      if (toks_[p].kind == Tok::Newline) {
        lineStart = k;
        continue;
      }
      std::string_view pt = text(p);
      pairStart = toks_[p].start;
      if (isOperandEnd(p) && isOperandStart(k, p)) {
        if (p == lineStart && isOneOf(pt, {"print", "exec"}))
          return at(p, "Missing parentheses in call to '" + std::string(pt) + "'. Did you mean " + std::string(pt) +
                           "(...)?");
        if (p == lineStart && isOneOf(pt, {"match", "case", "type"})) continue; // soft keywords
        if (toks_[k].depth > 0) return after(p, "invalid syntax. Perhaps you forgot a comma?");
        return at(k, "invalid syntax: unexpected " + quoted(text(k)));
      }
      bool needsOperand = toks_[p].kind == Tok::Op ? isBinaryOnly(pt) : isOneOf(pt, {"and", "or", "in", "is", "not"});
      bool needsName = toks_[p].kind == Tok::Name && isOneOf(pt, {"import", "from", "as", "global", "nonlocal", "def",
                                                                  "class", "del", "assert", "lambda", "await"});
      bool unaryAtEnd = toks_[p].kind == Tok::Op && isOneOf(pt, {"+", "-", "~", "*", "**"}) &&
                        toks_[k].kind == Tok::Newline && !(p > 0 && text(p - 1) == "import");
      bool attribute = pt == "." && toks_[k].kind != Tok::Name && p > 0 && isOperandEnd(p - 1);
      if ((needsOperand && cannotFollowOperator(k)) || unaryAtEnd || attribute ||
          (needsName && toks_[k].kind == Tok::Newline)) {
        std::string what = toks_[k].kind == Tok::Newline ? "" : ", not " + quoted(text(k));
        if (pt == "import") return after(p, "Expected one or more names after 'import'");
        if (pt == "." && toks_[k].kind != Tok::Newline)
          return at(k, "invalid syntax: expected a name after '.'" + what);
        if (needsName || pt == ".") return after(p, "invalid syntax: expected a name after " + quoted(pt) + what);
        return toks_[k].kind == Tok::Newline
                   ? after(p, "invalid syntax: expected an expression after " + quoted(pt))
                   : at(k, "invalid syntax: expected an expression after " + quoted(pt) + what);
      }
    }
    return std::nullopt;
  }

  /// A compound statement header on the logical line [b, e) that lacks its ':' or its name.
  std::optional<SyntaxError> headerError(std::size_t b, std::size_t e) const {
    if (b >= e) return std::nullopt;
    std::size_t k = b;
    if (text(k) == "async" && k + 1 < e) ++k;
    std::string_view kw = text(k);
    bool soft = isOneOf(kw, {"match", "case"}) && k + 1 < e &&
                (toks_[k + 1].kind == Tok::Number || toks_[k + 1].kind == Tok::String ||
                 (toks_[k + 1].kind == Tok::Name &&
                  (!isKeyword(text(k + 1)) || isOneOf(text(k + 1), {"True", "False", "None"}))));
    if (!soft && (toks_[k].kind != Tok::Name || !isCompoundKeyword(kw))) return std::nullopt;
    if (kw == "def" || kw == "class") {
      if (k + 1 >= e) return after(k, "invalid syntax: expected a name after '" + std::string(kw) + "'");
      if (toks_[k + 1].kind != Tok::Name || isKeyword(text(k + 1)))
        return at(k + 1, "invalid syntax: expected a name after '" + std::string(kw) + "', not " + quoted(text(k + 1)));
      if (kw == "def" && (k + 2 >= e || (text(k + 2) != "(" && text(k + 2) != "[")))
        return k + 2 >= e ? after(k + 1, "expected '('") : at(k + 2, "expected '('");
    }
    if (isOneOf(kw, {"else", "try", "finally"}) && (k + 1 >= e || text(k + 1) != ":")) return after(k, "expected ':'");
    for (std::size_t j = k + 1; j < e; ++j)
      if (toks_[j].depth == toks_[b].depth && text(j) == ":") return std::nullopt;
    return after(e - 1, "expected ':'");
  }

  /// `1 = x`, `f() = x`: CPython names what cannot be assigned to.
  std::optional<SyntaxError> assignmentToValue(Node e) const {
    if (e.childCount() < 2 || e.child(1).type() != "=") return std::nullopt;
    Node target = e.child(0);
    std::string_view kind = target.type();
    std::string what;
    if (isOneOf(kind, {"integer", "float", "string", "concatenated_string", "true", "false", "none"}))
      what = "literal";
    else if (kind == "call")
      what = "function call";
    else
      return std::nullopt;
    return SyntaxError{target.startByte(), target.endByte(),
                       "cannot assign to " + what + " here. Maybe you meant '==' instead of '='?"};
  }

  /// `x = a if b` with no `else` (and no `for` before it, as in a comprehension's filter).
  std::optional<SyntaxError> ternaryWithoutElse(std::size_t b, std::uint32_t end) const {
    std::size_t stop = std::min(firstTokenAt(end) + 1, toks_.size());
    for (std::size_t k = b + 1; k < stop; ++k) {
      if (text(k) != "if" || toks_[k - 1].kind == Tok::Newline || text(k - 1) == "else") continue;
      std::uint32_t d = toks_[k].depth;
      bool comprehension = false, hasElse = false;
      for (std::size_t j = k; j-- > b && toks_[j].depth >= d && toks_[j].kind != Tok::Newline;)
        comprehension = comprehension || (toks_[j].depth == d && text(j) == "for");
      for (std::size_t j = k + 1; j < toks_.size() && toks_[j].depth >= d && toks_[j].kind != Tok::Newline; ++j)
        hasElse = hasElse || (toks_[j].depth == d && text(j) == "else");
      if (!comprehension && !hasElse) return at(k, "expected 'else' after 'if' expression");
    }
    return std::nullopt;
  }

  /// An ERROR that wraps whole statements is tree-sitter's recovery around them, not the tokens
  /// it skipped.
  static bool wrapsStatements(Node error) {
    for (std::uint32_t i = 0, n = error.childCount(); i < n; ++i) {
      std::string_view t = error.child(i).type();
      if (t.ends_with("_statement") || t.ends_with("_definition") || t == "block" || t.ends_with("_clause"))
        return true;
    }
    return false;
  }

  /// The first ERROR inside `e` that holds skipped tokens (rather than wrapping statements), else
  /// the first ERROR inside it (and true: only a wrapper), else null.
  static std::pair<Node, bool> skippedTokens(Node e) {
    Node firstWrapper;
    std::vector<Node> stack;
    for (std::uint32_t i = e.childCount(); i-- > 0;)
      stack.push_back(e.child(i));
    while (!stack.empty()) {
      Node n = stack.back();
      stack.pop_back();
      if (n.isError()) {
        if (!wrapsStatements(n)) return {n, false};
        if (!firstWrapper) firstWrapper = n;
      }
      if (!n.hasError()) continue;
      for (std::uint32_t i = n.childCount(); i-- > 0;)
        stack.push_back(n.child(i));
    }
    return {firstWrapper, true};
  }

  /// The token in ERROR `x` that did not fit. Its first child, unless that is a whole operand
  /// where an operand was expected (`help=` + ERROR(`'text'` `:`)): then the token after it.
  Node offendingLeaf(Node x) const {
    Node leaf = firstRealLeaf(x);
    if (!leaf || x.childCount() < 2) return leaf;
    Node first = x.child(0);
    std::size_t k = firstTokenAt(leaf.startByte());
    bool operandExpected = k > 0 && k < toks_.size() && toks_[k - 1].kind != Tok::Newline && !isOperandEnd(k - 1);
    if (!operandExpected || !first.isNamed() || first.hasError() || first.isError()) return leaf;
    for (std::uint32_t i = 1; i < x.childCount(); ++i)
      if (Node next = firstRealLeaf(x.child(i))) return next;
    return leaf;
  }

  /// The leftmost leaf of `n` that is a real token: not a comment, not zero-width.
  static Node firstRealLeaf(Node n) {
    std::vector<Node> stack{n};
    while (!stack.empty()) {
      Node c = stack.back();
      stack.pop_back();
      if (c.kind() == NodeKind::Comment || c.kind() == NodeKind::LineContinuation) continue;
      if (c.childCount() == 0) {
        if (c.endByte() > c.startByte()) return c;
        continue;
      }
      for (std::uint32_t i = c.childCount(); i-- > 0;)
        stack.push_back(c.child(i));
    }
    return Node();
  }

  SyntaxError describeLeaf(Node leaf) const {
    std::string_view t = leaf.text(s_);
    std::uint32_t s = leaf.startByte(), e = leaf.endByte();
    if (static_cast<unsigned char>(t[0]) >= 0x80) return {s, e, invalidCharacterMessage(t)};
    std::size_t k = firstTokenAt(s);
    bool lineFirst = k < toks_.size() && (k == 0 || toks_[k - 1].kind == Tok::Newline);
    if (lineFirst && isOneOf(t, {"else", "elif", "except", "finally"})) {
      std::string_view follows = t == "elif" ? "an 'if'" : t == "else" ? "an 'if', 'for', 'while' or 'try'" : "a 'try'";
      return {s, e, "invalid syntax: '" + std::string(t) + "' does not follow " + std::string(follows) + " block"};
    }
    Node parent = leaf.parent();
    while (parent && parent.isError())
      parent = parent.parent();
    NodeKind pk = parent ? parent.kind() : NodeKind::Unknown;
    if (t == "=" && (pk == NodeKind::IfStatement || pk == NodeKind::ElifClause || pk == NodeKind::WhileStatement))
      return {s, e, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?"};
    if (t == ":" && (pk == NodeKind::Dictionary || pk == NodeKind::Set) && k + 1 < toks_.size() &&
        isOneOf(text(k + 1), {"}", ","}))
      return {s, e, "expression expected after dictionary key and ':'"};
    return {s, e, "invalid syntax: unexpected " + quoted(t)};
  }

  std::string_view s_;
  const std::vector<Token> &toks_;
  std::vector<std::size_t> lineOf_; ///< first token of each token's logical line
};

std::string joinLines(std::string_view text, const std::vector<std::pair<std::uint32_t, std::uint32_t>> &joins) {
  std::string out(text);
  for (auto [from, to] : joins)
    for (std::uint32_t k = from; k < to && k < out.size(); ++k)
      if (out[k] != ' ' && out[k] != '\t') out[k] = ' ';
  return out;
}

/// Whether [a0, a1) and [b0, b1) overlap, an empty range counting as one byte wide.
bool overlaps(std::uint32_t a0, std::uint32_t a1, std::uint32_t b0, std::uint32_t b1) {
  return a0 < std::max(b1, b0 + 1) && b0 < std::max(a1, a0 + 1);
}

/// The text whose tree the analysis reads, or empty for the module's own: the scanner gaps joined
/// (see textForTreeSitter) and the brackets that are never closed blanked, because tree-sitter's
/// recovery from one swallows the statements after it, where the scan resumes.
std::string textToReread(std::string_view text, const ScanResult &scan) {
  std::string patched;
  if (!scan.joins.empty()) patched = joinLines(text, scan.joins);
  for (const ScanError &e : scan.errors) {
    if (!e.neverClosed) continue;
    if (patched.empty()) patched = std::string(text);
    patched[e.error.startByte] = ' ';
  }
  return patched;
}

} // namespace

std::optional<std::string> textForTreeSitter(std::string_view text) {
  LineIndex lines(text);
  ScanResult scan = Scanner(text, lines, false).run();
  if (scan.joins.empty()) return std::nullopt;
  return joinLines(text, scan.joins);
}

std::vector<SyntaxError> findSyntaxErrors(const ParsedModule &module) {
  Node root = module.root();
  bool treeErrors = root && root.hasError();
  ScanResult scan = Scanner(module.text(), module.source().lines(), treeErrors).run();

  // On one line: the scan's tokenizer errors (CPython raises them first), its parser errors, then
  // the tree errors the scan does not explain.
  struct Ranked {
    std::uint32_t line;
    int priority;
    SyntaxError error;
  };
  std::vector<Ranked> all;
  const LineIndex &lines = module.source().lines();
  for (ScanError &e : scan.errors)
    all.push_back({lines.lineOf(e.error.startByte), e.parserClass ? 1 : 0, e.error});

  if (treeErrors) {
    Tree reparsed;
    if (std::string patched = textToReread(module.text(), scan); !patched.empty()) {
      Parser parser;
      reparsed = parser.parse(patched);
      if (reparsed) root = reparsed.root();
    }
    TreeErrors tree(module.text(), scan.tokens);
    // A tree error inside the span of a scan error is its echo; so is a guess that touches one.
    auto explained = [&](std::uint32_t start, std::uint32_t end, bool certain) {
      for (const ScanError &e : scan.errors) {
        bool touches = overlaps(start, end, e.spanStart, e.spanEnd);
        if (!certain && touches) return true;
        if (e.explainsEndsOnly ? overlaps(end - (end > start), end, e.spanStart, e.spanEnd) : touches) return true;
      }
      return false;
    };
    std::vector<std::size_t> reportedLines; // logical lines with a tree error: the next ones are echoes
    std::vector<Node> stack{root};
    while (!stack.empty() && reportedLines.size() < kMaxErrors) {
      Node n = stack.back();
      stack.pop_back();
      if (n.isMissing() || n.isError()) {
        // A MISSING node sits after the previous token; it stands for the gap up to the next one.
        std::uint32_t end = n.isMissing() ? tree.nextTokenStart(n.startByte()) : n.endByte();
        if (explained(n.startByte(), end, true)) continue;
        auto [e, certain] = n.isMissing() ? TreeErrors::Described{tree.describeMissing(n)} : tree.describeError(n);
        if (!certain && explained(n.startByte(), end, false)) continue;
        // A guess on the logical line of an error already reported (or starting in it) is its echo.
        std::size_t logical = tree.logicalLineOf(certain ? e.startByte : std::min(e.startByte, n.startByte()));
        if (std::find(reportedLines.begin(), reportedLines.end(), logical) != reportedLines.end()) continue;
        reportedLines.push_back(logical);
        all.push_back({lines.lineOf(e.startByte), 2, std::move(e)});
        continue;
      }
      for (std::uint32_t i = n.childCount(); i-- > 0;) {
        Node c = n.child(i);
        if (c.hasError() || c.isMissing()) stack.push_back(c);
      }
    }
  }

  std::stable_sort(all.begin(), all.end(), [](const Ranked &a, const Ranked &b) {
    if (a.line != b.line) return a.line < b.line;
    if (a.priority != b.priority) return a.priority < b.priority;
    return a.error.startByte < b.error.startByte;
  });
  std::vector<SyntaxError> out;
  std::uint32_t lastLine = 0;
  for (Ranked &r : all) {
    if (r.line == lastLine) continue; // one error per line: the rest are its echoes
    lastLine = r.line;
    out.push_back(std::move(r.error));
  }
  return out;
}

} // namespace typhon
