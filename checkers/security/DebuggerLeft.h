// debugger-left: debugger entry points and profiling decorators left in non-test code.
#pragma once

#include "checkers/Check.h"

namespace typhon {

class DebuggerLeftCheck final : public Check {
public:
  using Check::Check;
  std::vector<NodeKind> kinds() const override;
  bool appliesTo(const CheckContext &ctx) const override;
  void visit(Node node, CheckContext &ctx) const override;

private:
  void checkCall(Node call, CheckContext &ctx) const;
  void checkDecorator(Node decorator, CheckContext &ctx) const;
};

} // namespace typhon
