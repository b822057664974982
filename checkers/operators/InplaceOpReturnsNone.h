// inplace-op-returns-none: an in-place operator method with a path returning None.
#pragma once

#include "checkers/Check.h"

namespace typhon {

class InplaceOpReturnsNoneCheck final : public Check {
public:
  using Check::Check;
  bool needsSemantic() const override { return true; }
  void begin(CheckContext &ctx) const override;
};

} // namespace typhon
