// abstractmethod-decorator-order: `@abstractmethod` applied over `@property`, `@staticmethod` or `@classmethod`.
#pragma once

#include "checkers/Check.h"

namespace typhon {

class AbstractmethodDecoratorOrderCheck final : public Check {
public:
  using Check::Check;
  std::vector<NodeKind> kinds() const override;
  void visit(Node node, CheckContext &ctx) const override;
};

} // namespace typhon
