// useless-with-lock: `with` on a lock nobody else can hold, so there is no mutual exclusion.
#pragma once

#include "checkers/Check.h"

namespace typhon {

class UselessWithLockCheck final : public Check {
public:
  using Check::Check;
  std::vector<NodeKind> kinds() const override;
  void visit(Node node, CheckContext &ctx) const override;

private:
  void checkLocalLock(Node with, Node name, CheckContext &ctx) const;
};

} // namespace typhon
