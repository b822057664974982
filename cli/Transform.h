// Transform reporting for `fix`, `check --fix`, `rewrite` (diff/check/stdout/write) and the
// interactive rewrite loop.
#pragma once

#include "cli/CheckRunner.h"

namespace typhon {

/// Prints what a non-writing transformation found (--diff, --check, --stdout); returns the exit code.
int reportTransform(const RunResult &result, FixMode mode);
/// Prints to stderr what a writing transformation did (fixed counts, dropped fixes, failures).
void reportWrites(const RunResult &result);
/// What `typhon fold` did or would do (any mode), with its summary on stderr; returns the exit code.
int reportFold(const RunResult &result, FixMode mode);
/// `rewrite -i`: shows each change and asks [y]es, [n]o, [a]ll, [q]uit on standard input.
int interactiveRewrite(const CheckOptions &options, const RuleCatalog &catalog);

} // namespace typhon
