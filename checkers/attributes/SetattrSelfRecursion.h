// setattr-self-recursion: `__setattr__` assigns an attribute of its own instance on every call (RecursionError).
#pragma once

#include "checkers/Check.h"

namespace typhon {

class SetattrSelfRecursionCheck final : public Check {
public:
  using Check::Check;
  bool needsSemantic() const override { return true; }
  void begin(CheckContext &ctx) const override;
};

} // namespace typhon
