// unused-import: an imported name that nothing reads.
#pragma once

#include "checkers/Check.h"

namespace typhon {

class UnusedImportCheck final : public Check {
public:
  using Check::Check;
  bool needsSemantic() const override { return true; }
  void begin(CheckContext &ctx) const override;
};

} // namespace typhon
