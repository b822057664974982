// class-scope-name-in-nested-scope: a class-body name read from a method, lambda or comprehension, which do not see class scopes.
#pragma once

#include "checkers/Check.h"

namespace typhon {

class ClassScopeNameInNestedScopeCheck final : public Check {
public:
  using Check::Check;
  bool needsSemantic() const override { return true; }
  void begin(CheckContext &ctx) const override;
};

} // namespace typhon
