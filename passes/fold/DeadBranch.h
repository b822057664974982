// Dead-branch elimination: `if`/`while` statements whose test is a constant keep only the code
// that can run (unsafe fixes: definitions and comments in the removed code go with it).
#pragma once

#include "checkers/Diagnostic.h"
#include "parser/Tree.h"

#include <vector>

namespace typhon::fold {

/// One unsafe fix per `if`/`while` statement whose test folds to a constant: `if 0: A else: B`
/// becomes B, `if 1: A else: B` becomes A, `while 0: A` disappears (or becomes `pass`).
/// Statements whose removed part holds `yield`, `global`, `nonlocal` or imports are left alone.
std::vector<Fix> deadBranchFixes(const ParsedModule &module);

} // namespace typhon::fold
