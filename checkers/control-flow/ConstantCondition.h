// constant-condition: `if`/`while`/ternary/comprehension tests, `assert` conditions and the left
// operand of `and`/`or` whose truthiness is the same on every run.
#pragma once

#include "checkers/Check.h"

namespace typhon {

class ConstantConditionCheck final : public Check {
public:
  using Check::Check;
  std::vector<NodeKind> kinds() const override;
  void visit(Node node, CheckContext &ctx) const override;

private:
  void reportTest(Node test, bool value, std::string_view construct, CheckContext &ctx) const;
  void visitBoolean(Node node, CheckContext &ctx) const;
};

} // namespace typhon
