// type-checking-import-at-runtime: a name bound only under if TYPE_CHECKING: used where it is evaluated at run time.
#pragma once

#include "checkers/Check.h"

namespace typhon {

class TypeCheckingImportAtRuntimeCheck final : public Check {
public:
  using Check::Check;
  bool needsSemantic() const override { return true; }
  void begin(CheckContext &ctx) const override;
};

} // namespace typhon
