// invalid-slots and class-keyword-rejected: class statements whose `__slots__` or keywords make
// type.__new__ (or object.__init_subclass__) raise, decided from the class model. Classes whose
// bases, metaclass or MRO are not known with certainty are skipped.
#pragma once

#include "checkers/Check.h"

namespace typhon {

class InvalidSlotsCheck final : public Check {
public:
  using Check::Check;
  bool needsSemantic() const override { return true; }
  bool needsClassModel() const override { return true; }
  void begin(CheckContext &ctx) const override;
};

class ClassKeywordRejectedCheck final : public Check {
public:
  using Check::Check;
  bool needsSemantic() const override { return true; }
  bool needsClassModel() const override { return true; }
  void begin(CheckContext &ctx) const override;
};

} // namespace typhon
