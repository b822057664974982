// class-body-self-reference: a class body reads the class's own name before the class statement has bound it.
#pragma once

#include "checkers/Check.h"

namespace typhon {

class ClassBodySelfReferenceCheck final : public Check {
public:
  using Check::Check;
  bool needsSemantic() const override { return true; }
  void begin(CheckContext &ctx) const override;
};

} // namespace typhon
