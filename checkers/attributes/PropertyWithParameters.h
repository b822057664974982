// property-with-parameters: a property getter that cannot be called with the instance alone.
#pragma once

#include "checkers/Check.h"

namespace typhon {

class PropertyWithParametersCheck final : public Check {
public:
  using Check::Check;
  std::vector<NodeKind> kinds() const override;
  void visit(Node node, CheckContext &ctx) const override;
};

} // namespace typhon
