// except-order-shadowing: an `except` clause of a `try` whose classes are all subclasses of classes
// an earlier clause of the same `try` catches: the handler can never run.
#pragma once

#include "checkers/Check.h"

namespace typhon {

class ExceptOrderShadowingCheck final : public Check {
public:
  using Check::Check;
  bool needsSemantic() const override { return true; }
  bool needsClassModel() const override { return true; }
  std::vector<NodeKind> kinds() const override;
  void visit(Node node, CheckContext &ctx) const override;
};

} // namespace typhon
