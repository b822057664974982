// dataclass-field-order: a field without a default after one with a default in a dataclass __init__.
#pragma once

#include "checkers/Check.h"

namespace typhon {

class DataclassFieldOrderCheck final : public Check {
public:
  using Check::Check;
  std::vector<NodeKind> kinds() const override;
  bool needsSemantic() const override { return true; }
  void visit(Node node, CheckContext &ctx) const override;
};

} // namespace typhon
