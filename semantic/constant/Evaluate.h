// Evaluation of expression nodes to constants: literals, tuples, unary/binary/boolean operators,
// comparison chains and conditional expressions, bottom-up and left to right, as Python runs them.
#pragma once

#include "parser/Node.h"
#include "semantic/constant/Operations.h"

#include <functional>
#include <optional>
#include <string_view>
#include <unordered_map>

namespace typhon::constant {

/// Evaluates expressions of one source text, remembering each node's result so that a caller
/// walking a tree top-down (the fold pass) pays for every node once.
class Evaluator {
public:
  Evaluator(std::string_view source, Limits limits) : source_(source), limits_(limits) {}

  /// The value of `expr`, or why there is none. Raises errors carry the failing operation's range.
  Result<PyConst> evaluate(Node expr);
  const Limits &limits() const { return limits_; }

private:
  Result<PyConst> compute(Node expr);
  Result<PyConst> unary(Node expr);
  Result<PyConst> binary(Node expr);
  Result<PyConst> boolean(Node expr);
  Result<PyConst> comparison(Node expr);
  Result<PyConst> conditional(Node expr);
  Result<PyConst> tuple(Node expr);
  Result<PyConst> strings(Node expr);

  std::string_view source_;
  Limits limits_;
  int depth_ = 0;
  std::unordered_map<const void *, Result<PyConst>> memo_;
};

/// The value of `expr` under analysis limits, or nullopt when it is not a known constant
/// (including when evaluating it raises).
std::optional<PyConst> evaluateConstant(Node expr, std::string_view source);

/// The named children of `n` that are not comments.
std::vector<Node> operands(Node n);
/// `n` without redundant parentheses (`((x))` -> `x`).
Node stripParentheses(Node n);

/// Whether `pred` holds for `root` or any node below it (iterative: deep trees cannot overflow).
bool anyNode(Node root, const std::function<bool(Node)> &pred);

std::optional<BinaryOp> binaryOpOf(NodeKind operatorKind);
std::optional<CompareOp> compareOpOf(NodeKind operatorKind);

} // namespace typhon::constant
