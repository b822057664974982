// undefined-name: a name no enclosing scope binds and no builtin provides.
#pragma once

#include "checkers/Check.h"

namespace typhon {

class UndefinedNameCheck final : public Check {
public:
  using Check::Check;
  bool needsSemantic() const override { return true; }
  void begin(CheckContext &ctx) const override;
};

} // namespace typhon
