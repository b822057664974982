// assign-through-super: assigning or deleting an attribute of a `super()` proxy.
#pragma once

#include "checkers/Check.h"

namespace typhon {

class AssignThroughSuperCheck final : public Check {
public:
  using Check::Check;
  std::vector<NodeKind> kinds() const override;
  void visit(Node node, CheckContext &ctx) const override;
};

} // namespace typhon
