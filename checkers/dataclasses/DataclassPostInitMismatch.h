// dataclass-post-init-mismatch: `__post_init__` parameters that do not fit the InitVar fields.
#pragma once

#include "checkers/Check.h"

namespace typhon {

class DataclassPostInitMismatchCheck final : public Check {
public:
  using Check::Check;
  std::vector<NodeKind> kinds() const override;
  bool needsSemantic() const override { return true; }
  void visit(Node node, CheckContext &ctx) const override;
};

} // namespace typhon
