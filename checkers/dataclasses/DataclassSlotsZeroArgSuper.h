// dataclass-slots-zero-arg-super: zero-argument `super()` in a `@dataclass(slots=True)` class before 3.14.
#pragma once

#include "checkers/Check.h"

namespace typhon {

class DataclassSlotsZeroArgSuperCheck final : public Check {
public:
  using Check::Check;
  std::vector<NodeKind> kinds() const override;
  bool needsSemantic() const override { return true; }
  void visit(Node node, CheckContext &ctx) const override;
};

} // namespace typhon
