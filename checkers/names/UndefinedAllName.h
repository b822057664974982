// undefined-all-name: a name listed in __all__ that the module never binds.
#pragma once

#include "checkers/Check.h"

namespace typhon {

class UndefinedAllNameCheck final : public Check {
public:
  using Check::Check;
  bool needsSemantic() const override { return true; }
  void begin(CheckContext &ctx) const override;
};

} // namespace typhon
