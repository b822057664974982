// The class-creation checks of the `classes` group: inconsistent-mro, duplicate-base,
// instance-layout-conflict and metaclass-conflict. Each reports the class statements of the
// module whose creation raises that TypeError, from the class model.
#pragma once

#include "checkers/Check.h"

namespace typhon {

class ClassCreationCheck : public Check {
public:
  using Check::Check;
  bool needsSemantic() const override { return true; }
  bool needsClassModel() const override { return true; }
  void begin(CheckContext &ctx) const override;
};

class InconsistentMroCheck final : public ClassCreationCheck {
  using ClassCreationCheck::ClassCreationCheck;
};
class DuplicateBaseCheck final : public ClassCreationCheck {
  using ClassCreationCheck::ClassCreationCheck;
};
class InstanceLayoutConflictCheck final : public ClassCreationCheck {
  using ClassCreationCheck::ClassCreationCheck;
};
class MetaclassConflictCheck final : public ClassCreationCheck {
  using ClassCreationCheck::ClassCreationCheck;
};

} // namespace typhon
