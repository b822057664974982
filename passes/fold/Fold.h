// The constant-folding pass (`typhon fold`): folds constant expressions as CPython's AST optimizer
// does (and the provably equal extras of catalog §3.2), returning one fix per folded expression.
#pragma once

#include "checkers/Diagnostic.h"
#include "parser/Tree.h"

#include <vector>

namespace typhon {

struct FoldOptions {
  /// Also fold comparisons (`1 < 2` -> `True`) and expressions containing them.
  bool foldComparisons = false;
  /// Remove branches under constant tests (`if 0:`, `if False:`, `while 0:`); unsafe fixes.
  bool eliminateDeadBranches = false;
};

/// The folds for one module, as fixes (one Fix per folded outermost expression;
/// Applicability::Safe for folds, Unsafe for dead-branch elimination).
std::vector<Fix> foldModule(const ParsedModule &module, const FoldOptions &options);

} // namespace typhon
