// The folding pass: a top-down walk that folds each outermost constant operation, or, for
// conditional expressions and `and`/`or` with a constant test, keeps the operand Python would
// evaluate. Every emitted literal is re-parsed and must read back as the identical value.
#include "passes/fold/Fold.h"

#include "passes/fold/DeadBranch.h"
#include "passes/fold/Emit.h"
#include "semantic/constant/Evaluate.h"

#include <cctype>

namespace typhon {

using namespace constant;

namespace {

bool isOperation(Node n) {
  switch (n.kind()) {
  case NodeKind::UnaryOperator:
  case NodeKind::NotOperator:
  case NodeKind::BinaryOperator:
  case NodeKind::BooleanOperator:
  case NodeKind::ComparisonOperator:
  case NodeKind::ConditionalExpression: return true;
  default: return false;
  }
}

/// Subtrees never rewritten: f-string replacement fields (quotes and backslashes are restricted
/// there before 3.12), annotations (their text is kept by `from __future__ import annotations`),
/// match patterns (only literals are allowed there).
bool isOffLimits(Node n) {
  switch (n.kind()) {
  case NodeKind::Interpolation:
  case NodeKind::Type:
  case NodeKind::CasePattern:
  case NodeKind::ComplexPattern: return true;
  default: return false;
  }
}

bool containsKind(Node n, std::initializer_list<NodeKind> kinds) {
  return anyNode(n, [&](Node c) {
    for (NodeKind k : kinds)
      if (c.is(k)) return true;
    return false;
  });
}

bool hasComment(Node n) { return containsKind(n, {NodeKind::Comment}); }

/// `-1`, `-1.5`, `+2`: already the literal spelling of a number.
bool isSignedNumber(Node n) {
  if (!n.is(NodeKind::UnaryOperator)) return false;
  Node op = n.field(FieldId::Operator);
  Node arg = n.field(FieldId::Argument);
  return (op.is(NodeKind::Minus) || op.is(NodeKind::Plus)) && (arg.is(NodeKind::Integer) || arg.is(NodeKind::Float));
}

/// The quote of the first string literal in `n` (`'` when it has none).
char preferredQuote(Node n, std::string_view source) {
  if (n.is(NodeKind::String)) {
    std::string_view text = n.text(source);
    std::size_t q = text.find_first_of("'\"");
    return q == std::string_view::npos ? '\'' : text[q];
  }
  for (std::uint32_t i = 0, count = n.namedChildCount(); i < count; ++i) {
    Node c = n.namedChild(i);
    if (containsKind(c, {NodeKind::String})) return preferredQuote(c, source);
  }
  return '\'';
}

bool isIdentifierByte(char c) {
  auto u = static_cast<unsigned char>(c);
  return std::isalnum(u) || c == '_' || u >= 0x80;
}

class Folder {
public:
  Folder(const ParsedModule &module, const FoldOptions &options)
      : module_(module), source_(module.text()), options_(options), evaluator_(source_, Limits::folding()) {}

  std::vector<Fix> run() {
    std::vector<Node> ancestors;
    walk(module_.root(), ancestors);
    return std::move(fixes_);
  }

private:
  /// Pre-order walk with an explicit stack (deeply nested code cannot overflow the C++ stack).
  void walk(Node root, std::vector<Node> &ancestors) {
    struct Frame {
      Node node;
      std::uint32_t next = 0;
    };
    std::vector<Frame> stack;
    auto enter = [&](Node n) {
      if (isOffLimits(n)) return;
      if (isOperation(n) && !n.hasError() && tryFold(n, ancestors)) return;
      stack.push_back({n, 0});
      ancestors.push_back(n);
    };
    enter(root);
    while (!stack.empty()) {
      Frame &top = stack.back();
      if (top.next < top.node.namedChildCount()) {
        enter(top.node.namedChild(top.next++));
        continue;
      }
      stack.pop_back();
      ancestors.pop_back();
    }
  }

  bool comparisonsAllowed(Node n) const {
    return options_.foldComparisons || !containsKind(n, {NodeKind::ComparisonOperator});
  }

  bool tryFold(Node n, const std::vector<Node> &ancestors) {
    if (isStatementLevel(ancestors) || hasComment(n) || !comparisonsAllowed(n)) return false;
    auto value = evaluator_.evaluate(n);
    if (value) return foldToLiteral(n, *value, ancestors);
    if (value.error().kind != Failure::NotConstant) return false;
    if (n.is(NodeKind::ConditionalExpression)) return foldConditional(n);
    if (n.is(NodeKind::BooleanOperator)) return foldBoolean(n);
    return false;
  }

  /// An expression statement (or its parenthesized expression): folding it could make a docstring.
  static bool isStatementLevel(const std::vector<Node> &ancestors) {
    for (std::size_t i = ancestors.size(); i-- > 0;) {
      if (ancestors[i].is(NodeKind::ExpressionStatement)) return true;
      if (!ancestors[i].is(NodeKind::ParenthesizedExpression)) return false;
    }
    return false;
  }

  bool foldToLiteral(Node n, const PyConst &value, const std::vector<Node> &ancestors) {
    // A constant value may still skip code (`0 and f()`); that code must not matter unrun.
    if (isSignedNumber(n) || !isDroppable(n)) return false;
    auto text = fold::emitLiteral(value, preferredQuote(n, source_), module_.source().encoding() != "utf-8");
    if (!text || !fold::readsBackAs(*text, value)) return false;
    // Take enclosing parentheses that hold only this expression along.
    Node target = n;
    std::size_t parentIndex = ancestors.size();
    while (parentIndex > 0 && ancestors[parentIndex - 1].is(NodeKind::ParenthesizedExpression) &&
           operands(ancestors[parentIndex - 1]).size() == 1 && !hasComment(ancestors[parentIndex - 1])) {
      target = ancestors[--parentIndex];
    }
    Node parent = parentIndex > 0 ? ancestors[parentIndex - 1] : Node();
    std::string replacement = *text;
    if (needsParentheses(replacement, parent, target)) replacement = "(" + replacement + ")";
    addFix(target, std::move(replacement), "Fold to `" + *text + "`");
    return true;
  }

  static bool needsParentheses(const std::string &text, Node parent, Node target) {
    if (parent.isNull()) return false;
    bool isObject = (parent.is(NodeKind::Attribute) && parent.field(FieldId::Object) == target) ||
                    (parent.is(NodeKind::Subscript) && parent.field(FieldId::Value) == target) ||
                    (parent.is(NodeKind::Call) && parent.field(FieldId::Function) == target);
    if (isObject) return !fold::isAtom(text) || std::isdigit(static_cast<unsigned char>(text[0]));
    if (fold::isAtom(text)) return false;
    if (parent.is(NodeKind::Await) || parent.is(NodeKind::UnaryOperator)) return true;
    return parent.is(NodeKind::BinaryOperator) && parent.field(FieldId::Operator).is(NodeKind::StarStar) &&
           parent.field(FieldId::Left) == target;
  }

  /// `a if C else b` with a constant C: the branch Python evaluates.
  bool foldConditional(Node n) {
    std::vector<Node> parts = operands(n);
    if (parts.size() != 3) return false;
    auto test = evaluator_.evaluate(parts[1]);
    if (!test) return false;
    Node kept = truthy(*test) ? parts[0] : parts[2];
    Node dropped = truthy(*test) ? parts[2] : parts[0];
    if (!isDroppable(dropped)) return false;
    addFix(n, std::string(kept.text(source_)), "Keep the branch the constant condition selects");
    return true;
  }

  /// `C and x` with a truthy C, `C or x` with a falsy C: the value is `x`.
  bool foldBoolean(Node n) {
    auto left = evaluator_.evaluate(n.field(FieldId::Left));
    if (!left) return false;
    Node right = n.field(FieldId::Right);
    addFix(n, std::string(right.text(source_)), "Drop the constant operand");
    return true;
  }

  /// Code that is never evaluated may still matter: `yield` makes a generator, `:=` binds a name.
  static bool isDroppable(Node n) {
    return !containsKind(n, {NodeKind::Yield, NodeKind::NamedExpression, NodeKind::Await});
  }

  void addFix(Node target, std::string replacement, std::string title) {
    std::uint32_t start = target.startByte(), end = target.endByte();
    if (start > 0 && isIdentifierByte(source_[start - 1]) && isIdentifierByte(replacement.front()))
      replacement.insert(replacement.begin(), ' ');
    if (end < source_.size() && isIdentifierByte(source_[end]) && isIdentifierByte(replacement.back()))
      replacement += ' ';
    fixes_.push_back(Fix{Applicability::Safe, std::move(title), {TextEdit{start, end, std::move(replacement)}}});
  }

  const ParsedModule &module_;
  std::string_view source_;
  const FoldOptions &options_;
  Evaluator evaluator_;
  std::vector<Fix> fixes_;
};

} // namespace

std::vector<Fix> foldModule(const ParsedModule &module, const FoldOptions &options) {
  std::vector<Fix> fixes = Folder(module, options).run();
  if (options.eliminateDeadBranches) {
    std::vector<Fix> dead = fold::deadBranchFixes(module);
    fixes.insert(fixes.end(), std::make_move_iterator(dead.begin()), std::make_move_iterator(dead.end()));
  }
  return fixes;
}

} // namespace typhon
