// descriptor-reused-for-two-names: one `__set_name__` descriptor bound to two class attributes.
#pragma once

#include "checkers/Check.h"

namespace typhon {

class DescriptorReusedForTwoNamesCheck final : public Check {
public:
  using Check::Check;
  bool needsSemantic() const override { return true; }
  void begin(CheckContext &ctx) const override;
};

} // namespace typhon
