// Dead-branch elimination: replaces a constant-test `if`/`while` by the block that runs, dedented
// to the statement's indentation.
#include "passes/fold/DeadBranch.h"

#include "semantic/constant/Evaluate.h"

#include <optional>
#include <unordered_map>

namespace typhon::fold {

using namespace constant;

namespace {

bool containsAny(Node n, std::initializer_list<NodeKind> kinds) {
  return anyNode(n, [&](Node c) {
    for (NodeKind k : kinds)
      if (c.is(k)) return true;
    return false;
  });
}

/// Removing this code would change more than the dead path: `yield` makes a generator, the
/// declarations bind names for the whole scope, imports under `if False:` feed type checkers.
bool isRemovable(Node n) {
  return !containsAny(n, {NodeKind::Yield, NodeKind::GlobalStatement, NodeKind::NonlocalStatement,
                          NodeKind::ImportStatement, NodeKind::ImportFromStatement, NodeKind::FutureImportStatement});
}

bool hasMultilineString(Node n, std::string_view source) {
  return anyNode(n, [&](Node c) {
    return c.is(NodeKind::String) && c.text(source).find_first_of("\r\n") != std::string_view::npos;
  });
}

std::uint32_t lineStart(std::string_view s, std::uint32_t offset) {
  while (offset > 0 && s[offset - 1] != '\n' && s[offset - 1] != '\r') --offset;
  return offset;
}

/// The offset just past the line break ending the line that holds `offset` (or the text's end).
std::uint32_t nextLineStart(std::string_view s, std::uint32_t offset) {
  while (offset < s.size() && s[offset] != '\n' && s[offset] != '\r') ++offset;
  if (offset < s.size() && s[offset] == '\r') ++offset;
  if (offset < s.size() && s[offset] == '\n' && (offset == 0 || s[offset - 1] != '\n')) ++offset;
  return offset;
}

bool onlyBlanks(std::string_view s) { return s.find_first_not_of(" \t\f") == std::string_view::npos; }

class DeadBranches {
public:
  explicit DeadBranches(const ParsedModule &module)
      : source_(module.text()), evaluator_(source_, Limits::analysis()) {}

  void walk(Node root) {
    std::vector<Node> stack{root};
    while (!stack.empty()) {
      Node n = stack.back();
      stack.pop_back();
      if (n.is(NodeKind::IfStatement) && !n.hasError() && visitIf(n)) continue;
      if (n.is(NodeKind::WhileStatement) && !n.hasError() && visitWhile(n)) continue;
      for (std::uint32_t i = n.namedChildCount(); i-- > 0;) stack.push_back(n.namedChild(i));
    }
  }

  std::vector<Fix> fixes;

private:
  std::optional<bool> constantTest(Node statement) {
    auto v = evaluator_.evaluate(statement.field(FieldId::Condition));
    if (!v) return std::nullopt;
    return truthy(*v);
  }

  bool visitIf(Node statement) {
    auto test = constantTest(statement);
    if (!test) return false;
    Node consequence = statement.field(FieldId::Consequence);
    std::vector<Node> alternatives = statement.fieldAll(FieldId::Alternative);
    if (*test) {
      for (Node alt : alternatives)
        if (!isRemovable(alt)) return false;
      return replaceWithBlock(statement, consequence);
    }
    if (!isRemovable(consequence)) return false;
    if (alternatives.empty()) return removeStatement(statement);
    Node first = alternatives.front();
    if (first.is(NodeKind::ElifClause)) {
      // `if 0: A elif c: B` -> `if c: B`
      add(statement.startByte(), first.startByte() + 4, "if");
      return true;
    }
    return replaceWithBlock(statement, first.field(FieldId::Body));
  }

  bool visitWhile(Node statement) {
    auto test = constantTest(statement);
    if (!test || *test) return false;
    if (!isRemovable(statement.field(FieldId::Body))) return false;
    Node orElse = statement.field(FieldId::Alternative);
    if (orElse) return replaceWithBlock(statement, orElse.field(FieldId::Body));
    return removeStatement(statement);
  }

  bool replaceWithBlock(Node statement, Node block) {
    auto text = dedented(statement, block);
    if (!text) return false;
    add(statement.startByte(), statement.endByte(), std::move(*text));
    return true;
  }

  /// The block's text re-indented to the statement's column (the first line without indentation,
  /// as it replaces the statement from its first byte).
  std::optional<std::string> dedented(Node statement, Node block) {
    if (block.isNull() || hasMultilineString(block, source_)) return std::nullopt;
    std::vector<Node> body = operands(block);
    if (body.empty()) return std::nullopt;
    std::uint32_t first = body.front().startByte();
    std::uint32_t start = lineStart(source_, first);
    // A body on its header's line (`else: pass`) is a single line of simple statements.
    if (!onlyBlanks(source_.substr(start, first - start))) return std::string(source_.substr(first, block.endByte() - first));
    std::uint32_t outer = statement.startByte() - lineStart(source_, statement.startByte());
    if (!onlyBlanks(source_.substr(lineStart(source_, statement.startByte()), outer))) return std::nullopt;
    std::uint32_t inner = first - start;
    if (inner <= outer) return std::nullopt;
    std::uint32_t delta = inner - outer;
    std::string out;
    std::uint32_t pos = start;
    bool firstLine = true;
    while (pos < block.endByte()) {
      std::uint32_t next = std::min(nextLineStart(source_, pos), block.endByte());
      std::string_view line = source_.substr(pos, next - pos);
      std::uint32_t strip = 0;
      while (strip < line.size() && strip < (firstLine ? inner : delta) && (line[strip] == ' ' || line[strip] == '\t'))
        ++strip;
      out += line.substr(strip);
      firstLine = false;
      pos = next;
    }
    return out;
  }

  bool removeStatement(Node statement) {
    Node parent = statement.parent();
    // The fixes of one round apply together: the last statement of a block left becomes `pass`.
    std::size_t &removed = removedFrom_[parent.startByte()];
    if (parent.is(NodeKind::Block) && removed + 1 >= operands(parent).size()) {
      add(statement.startByte(), statement.endByte(), "pass");
      return true;
    }
    std::uint32_t start = lineStart(source_, statement.startByte());
    if (!onlyBlanks(source_.substr(start, statement.startByte() - start))) return false;
    std::uint32_t end = nextLineStart(source_, statement.endByte());
    std::string_view tail = source_.substr(statement.endByte(), end - statement.endByte());
    std::size_t hash = tail.find('#');
    if (!onlyBlanks(tail.substr(0, hash == std::string_view::npos ? tail.size() : hash).substr(0, tail.find_first_of("\r\n"))))
      return false;
    add(start, end, "");
    ++removed;
    return true;
  }

  void add(std::uint32_t start, std::uint32_t end, std::string text) {
    fixes.push_back(Fix{Applicability::Unsafe, "Remove the branch that cannot run", {TextEdit{start, end, std::move(text)}}});
  }

  std::string_view source_;
  Evaluator evaluator_;
  std::unordered_map<std::uint32_t, std::size_t> removedFrom_;
};

} // namespace

std::vector<Fix> deadBranchFixes(const ParsedModule &module) {
  DeadBranches pass(module);
  pass.walk(module.root());
  return std::move(pass.fixes);
}

} // namespace typhon::fold
