// invalid-enum-definition: subclassing an enum that has members; binding a member name twice.
#pragma once

#include "checkers/Check.h"

namespace typhon {

class InvalidEnumDefinitionCheck final : public Check {
public:
  using Check::Check;
  std::vector<NodeKind> kinds() const override;
  bool needsSemantic() const override { return true; }
  void visit(Node node, CheckContext &ctx) const override;
};

} // namespace typhon
