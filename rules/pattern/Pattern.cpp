// Pattern compilation: metavariable substitution, parsing, and reduction to significant nodes.
#include "rules/pattern/Pattern.h"

#include <cctype>
#include <set>

namespace typhon {

namespace {

constexpr std::string_view kSingle = "__ty_mv_";
constexpr std::string_view kMulti = "__ty_mvs_";

bool isMetaChar(char c) { return std::isupper(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) || c == '_'; }

/// Replaces `$$$NAME`, `$NAME` and `$_` by identifiers the Python grammar accepts.
std::string substitute(std::string_view src) {
  std::string out;
  for (std::size_t i = 0; i < src.size();) {
    if (src[i] != '$') {
      out += src[i++];
      continue;
    }
    bool multi = src.substr(i, 3) == "$$$";
    std::size_t j = i + (multi ? 3 : 1);
    std::size_t start = j;
    while (j < src.size() && isMetaChar(src[j])) ++j;
    std::string name(src.substr(start, j - start));
    if (!multi && name.empty()) {
      out += src[i++];
      continue;
    }
    out += multi ? kMulti : kSingle;
    out += name == "_" ? "" : name;
    i = j;
  }
  return out;
}

bool metaOf(std::string_view ident, PatternNode &node) {
  if (ident.starts_with(kMulti)) {
    node.meta = PatternNode::Meta::Multi;
    node.metaName = std::string(ident.substr(kMulti.size()));
    return true;
  }
  if (ident.starts_with(kSingle)) {
    node.meta = PatternNode::Meta::Single;
    node.metaName = std::string(ident.substr(kSingle.size()));
    return true;
  }
  return false;
}

PatternNode build(const ParsedModule &m, Node n, int depth) {
  PatternNode p;
  p.kind = n.kind();
  p.named = n.isNamed();
  if (p.kind == NodeKind::Identifier && metaOf(m.textOf(n), p)) return p;
  std::vector<Node> kids;
  for (const Node &c : n.children())
    if (isSignificantChild(c)) kids.push_back(c);
  // A statement that is only a metavariable stands for any statement(s).
  if (p.kind == NodeKind::ExpressionStatement && kids.size() == 1 && kids[0].kind() == NodeKind::Identifier) {
    PatternNode inner;
    if (metaOf(m.textOf(kids[0]), inner)) return inner;
  }
  // Redundant parentheses never matter: `not ($A == $B)` also matches `not a == b`.
  if (p.kind == NodeKind::ParenthesizedExpression) {
    std::vector<Node> named;
    for (const Node &c : kids)
      if (c.isNamed()) named.push_back(c);
    if (named.size() == 1 && named[0].kind() != NodeKind::Yield && named[0].kind() != NodeKind::ListSplat)
      return build(m, named[0], depth + 1);
  }
  if (kids.empty() || depth > 200) {
    p.text = std::string(m.textOf(n));
    return p;
  }
  for (const Node &c : kids) p.children.push_back(build(m, c, depth + 1));
  return p;
}

void collectMeta(const PatternNode &n, std::set<std::string> &out) {
  if (n.meta != PatternNode::Meta::None && !n.metaName.empty()) out.insert(n.metaName);
  for (const PatternNode &c : n.children) collectMeta(c, out);
}

Node firstError(Node n) {
  if (n.isError() || n.isMissing()) return n;
  if (!n.hasError()) return Node();
  for (const Node &c : n.children())
    if (Node e = firstError(c)) return e;
  return n;
}

} // namespace

bool isSignificantChild(Node child) {
  if (child.isExtra()) return false;
  NodeKind k = child.kind();
  return k != NodeKind::Comma && k != NodeKind::Comment && k != NodeKind::LineContinuation;
}

std::expected<Pattern, PatternError> Pattern::compile(std::string_view source) {
  std::string text = substitute(source);
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) return std::unexpected(PatternError{"empty pattern", 0});
  auto file = SourceFile::fromBytes("<pattern>", text);
  if (!file) return std::unexpected(PatternError{"pattern is not valid UTF-8", 0});
  Parser parser;
  auto module = parseModule(parser, *file);
  Node root = module->root();
  if (Node err = firstError(root)) {
    std::uint32_t at = err.startByte();
    return std::unexpected(PatternError{"pattern is not valid Python (syntax error at offset " + std::to_string(at) + ")", at});
  }
  std::vector<Node> statements;
  for (const Node &c : root.children())
    if (isSignificantChild(c)) statements.push_back(c);
  if (statements.empty()) return std::unexpected(PatternError{"pattern has no code", 0});
  Pattern p;
  if (statements.size() > 1) {
    for (const Node &s : statements) p.statements_.push_back(build(*module, s, 0));
    p.root_ = p.statements_.front();
    return p;
  }
  Node only = statements[0];
  std::vector<Node> kids;
  for (const Node &c : only.children())
    if (isSignificantChild(c)) kids.push_back(c);
  // An expression pattern matches the expression, not the statement around it.
  if (only.kind() == NodeKind::ExpressionStatement && kids.size() == 1) only = kids[0];
  p.root_ = build(*module, only, 0);
  return p;
}

static const PatternNode *findKind(const PatternNode &n, NodeKind kind) {
  if (n.kind == kind && n.meta == PatternNode::Meta::None) return &n;
  for (const PatternNode &c : n.children)
    if (const PatternNode *hit = findKind(c, kind)) return hit;
  return nullptr;
}

std::expected<Pattern, PatternError> Pattern::compileSelected(std::string_view context, NodeKind selector) {
  auto whole = compile(context);
  if (!whole) return whole;
  const PatternNode *hit = nullptr;
  for (const PatternNode &s : whole->statements_)
    if (!hit) hit = findKind(s, selector);
  if (!hit) hit = findKind(whole->root_, selector);
  if (!hit) return std::unexpected(PatternError{"the selector kind does not occur in the context", 0});
  Pattern p;
  p.root_ = *hit;
  return p;
}

std::vector<NodeKind> Pattern::rootKinds() const {
  if (isSequence()) return {NodeKind::Module, NodeKind::Block};
  if (root_.meta != PatternNode::Meta::None) return {};
  if (root_.kind == NodeKind::ParenthesizedExpression) return {};
  return {root_.kind};
}

std::vector<std::string> Pattern::metavariables() const {
  std::set<std::string> names;
  collectMeta(root_, names);
  for (const PatternNode &s : statements_) collectMeta(s, names);
  return {names.begin(), names.end()};
}

} // namespace typhon
