// DunderAll: reads the names a module-level statement puts into `__all__`.
#pragma once

#include "semantic/SemanticModel.h"

namespace typhon::sema {

/// What one statement does to `__all__`.
struct DunderAllUpdate {
  /// The statement assigns or extends `__all__`.
  bool isDunderAll = false;
  /// `__all__ = ...` (as opposed to `+=`, `.extend()`, `.append()`).
  bool replaces = false;
  /// Every element is a string literal.
  bool complete = true;
  std::vector<DunderAll::Entry> entries;
};

/// `__all__ = [...]`, `__all__ = (...)`, `__all__ += [...]`, `__all__.extend([...])`,
/// `__all__.append("x")`, and `+` chains of those (other operands make the update incomplete).
DunderAllUpdate dunderAllUpdate(Node expressionStatement, std::string_view text);

} // namespace typhon::sema
