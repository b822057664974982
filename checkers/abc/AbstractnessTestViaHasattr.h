// abstractness-test-via-hasattr: `hasattr(cls, "__abstractmethods__")` as an abstractness test.
#pragma once

#include "checkers/Check.h"

namespace typhon {

class AbstractnessTestViaHasattrCheck final : public Check {
public:
  using Check::Check;
  bool needsSemantic() const override { return true; }
  void begin(CheckContext &ctx) const override;
};

} // namespace typhon
