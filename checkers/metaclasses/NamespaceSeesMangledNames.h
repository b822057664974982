// namespace-sees-mangled-names: a filter for `__private` keys over a class namespace, whose keys are already mangled.
#pragma once

#include "checkers/Check.h"

namespace typhon {

class NamespaceSeesMangledNamesCheck final : public Check {
public:
  using Check::Check;
  std::vector<NodeKind> kinds() const override { return {NodeKind::BooleanOperator}; }
  void visit(Node node, CheckContext &ctx) const override;
};

} // namespace typhon
