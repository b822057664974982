// Truthiness known without running the code: constants, and displays, lambdas and generator
// expressions, which are true whatever their contents.
#pragma once

#include "parser/Node.h"

#include <optional>
#include <string_view>

namespace typhon::constant {

/// bool(expr) when it is the same on every run, else nullopt. Evaluation uses analysis limits;
/// an expression that raises has no truthiness.
std::optional<bool> constantTruthiness(Node expr, std::string_view source);

/// A block kept under a false test on purpose: only `yield` statements (making a function a
/// generator), or imports with declarations (`if False: from typing import X` / `class P(Protocol)`,
/// the spelling of `if TYPE_CHECKING:` before it existed).
bool isIntentionallyDeadBlock(Node block);

} // namespace typhon::constant
