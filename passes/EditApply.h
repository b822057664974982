// EditApply: splices non-overlapping fixes into a text; overlapping ones wait for the next round.
#pragma once

#include "checkers/Diagnostic.h"

#include <string>
#include <string_view>
#include <vector>

namespace typhon {

struct ApplyResult {
  std::string text;
  std::size_t applied = 0; ///< fixes applied
  std::size_t deferred = 0; ///< fixes skipped because they overlap an earlier one
};

/// Applies each fix whole or not at all. Fixes are taken in order of their first edit's start
/// (ties: the order given); a fix overlapping an accepted one is deferred.
ApplyResult applyFixes(std::string_view text, const std::vector<const Fix *> &fixes);

} // namespace typhon
