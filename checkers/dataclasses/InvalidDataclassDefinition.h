// invalid-dataclass-definition: `@dataclass` options and class bodies that make the decorator raise.
#pragma once

#include "checkers/Check.h"

namespace typhon {

class InvalidDataclassDefinitionCheck final : public Check {
public:
  using Check::Check;
  std::vector<NodeKind> kinds() const override;
  bool needsSemantic() const override { return true; }
  void visit(Node node, CheckContext &ctx) const override;
};

} // namespace typhon
