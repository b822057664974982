// assert-misuse: asserts that can never fail (a non-empty tuple) and `assert False` used as control flow.
#pragma once

#include "checkers/Check.h"

namespace typhon {

class AssertMisuseCheck final : public Check {
public:
  using Check::Check;
  std::vector<NodeKind> kinds() const override;
  void visit(Node node, CheckContext &ctx) const override;

private:
  void reportTuple(Node statement, Node condition, Node tuple, CheckContext &ctx) const;
  void reportAssertFalse(Node statement, Node message, CheckContext &ctx) const;
};

} // namespace typhon
