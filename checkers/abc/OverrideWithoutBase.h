// override-without-base: `@override` (typing / typing_extensions) on a method whose name no
// later class of the MRO defines, from the class model.
#pragma once

#include "checkers/Check.h"

namespace typhon {

class OverrideWithoutBaseCheck final : public Check {
public:
  using Check::Check;
  bool needsSemantic() const override { return true; }
  bool needsClassModel() const override { return true; }
  void begin(CheckContext &ctx) const override;
};

} // namespace typhon
