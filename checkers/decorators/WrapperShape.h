// WrapperShape: finds the classic decorator shape — `def deco(fn): def wrapper(...): ... fn(...)
// ...; return wrapper` — shared by wrapper-drops-result and decorator-without-wraps.
#pragma once

#include "checkers/Check.h"

#include <string_view>
#include <vector>

namespace typhon::support {

struct WrapperShape {
  Node decorator;            // the outer function
  Node wrapper;              // the inner function it returns
  std::string_view wrapped;  // the outer function's parameter holding the wrapped callable
};

/// Every (decorator, wrapper) pair in the module: the outer function returns the inner function
/// by name (`return wrapper`), and the inner function calls the outer function's last positional
/// parameter.
std::vector<WrapperShape> findWrappers(const CheckContext &ctx);

} // namespace typhon::support
