// dataclass-mutable-default: a dataclass field whose default is a list, dict or set display or call.
#pragma once

#include "checkers/Check.h"

namespace typhon {

class DataclassMutableDefaultCheck final : public Check {
public:
  using Check::Check;
  std::vector<NodeKind> kinds() const override;
  bool needsSemantic() const override { return true; }
  void visit(Node node, CheckContext &ctx) const override;
};

} // namespace typhon
