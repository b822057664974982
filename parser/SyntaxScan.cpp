// SyntaxScan: CPython's tokenizer errors (brackets, strings, indentation) found by a scan of the text.
#include "parser/SyntaxScan.h"

#include <algorithm>
#include <cstdio>
#include <optional>
#include <string>

namespace typhon::syntax_scan {

namespace {

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


} // namespace

ScanResult scanTokens(std::string_view text, const LineIndex &lines, bool record) {
  return Scanner(text, lines, record).run();
}

} // namespace typhon::syntax_scan
