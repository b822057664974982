// Syntax errors: a CPython-like token scan (brackets, strings, indentation) plus tree-sitter's
// ERROR/MISSING nodes, turned into CPython 3.13-style messages at the offending token.
#include "parser/SyntaxErrors.h"

#include "parser/SyntaxScan.h"

#include <algorithm>
#include <cstdio>
#include <optional>
#include <string>

namespace typhon {

using namespace syntax_scan;

namespace {

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
  ScanResult scan = scanTokens(text, lines, false);
  if (scan.joins.empty()) return std::nullopt;
  return joinLines(text, scan.joins);
}

std::vector<SyntaxError> findSyntaxErrors(const ParsedModule &module) {
  Node root = module.root();
  bool treeErrors = root && root.hasError();
  ScanResult scan = scanTokens(module.text(), module.source().lines(), treeErrors);

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
