// Layout (internal to classes/): CPython's instance-layout facts of a class — whether it accepts
// subclasses, whether it is variable-sized, and its solid base — measured on CPython for stdlib
// classes (LayoutTable.inc) and computed from __slots__ for analysed source.
#pragma once

#include "semantic/classes/ClassModel.h"

namespace typhon::sema::classes {

struct LayoutFacts {
  bool known = false;
  bool acceptsSubclasses = true;
  bool variableSize = false;
  /// For stdlib classes from the table; for analysed classes see ClassFacts::solidBase.
  ClassRef solidBase;
};

/// Layout facts of `cls` that do not depend on computing its own ClassFacts for typeshed
/// classes (the table), or derived from its facts for analysed classes.
LayoutFacts layoutOf(ClassRef cls);

} // namespace typhon::sema::classes
