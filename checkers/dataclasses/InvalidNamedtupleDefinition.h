// invalid-namedtuple-definition: NamedTuple classes and namedtuple() calls that raise when they run.
#pragma once

#include "checkers/Check.h"

namespace typhon {

class InvalidNamedtupleDefinitionCheck final : public Check {
public:
  using Check::Check;
  std::vector<NodeKind> kinds() const override;
  bool needsSemantic() const override { return true; }
  void visit(Node node, CheckContext &ctx) const override;
};

} // namespace typhon
