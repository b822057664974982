// namespace-annotations-missing: reading `__annotations__` from a class namespace, where lazy annotations (3.14) leave it absent.
#pragma once

#include "checkers/Check.h"

namespace typhon {

class NamespaceAnnotationsMissingCheck final : public Check {
public:
  using Check::Check;
  std::vector<NodeKind> kinds() const override { return {NodeKind::Subscript, NodeKind::Call}; }
  void visit(Node node, CheckContext &ctx) const override;
};

} // namespace typhon
