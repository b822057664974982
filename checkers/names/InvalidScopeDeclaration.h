// invalid-scope-declaration: global/nonlocal declarations CPython's symbol table rejects.
#pragma once

#include "checkers/Check.h"

namespace typhon {

class InvalidScopeDeclarationCheck final : public Check {
public:
  using Check::Check;
  bool needsSemantic() const override { return true; }
  void begin(CheckContext &ctx) const override;
};

} // namespace typhon
