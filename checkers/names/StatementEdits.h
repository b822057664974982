// StatementEdits: text edits that remove a whole simple statement, or some items of its
// comma-separated list, leaving valid code (a block keeps `pass`; comments stay).
#pragma once

#include "checkers/Check.h"

#include <vector>

namespace typhon::names {

/// Edits removing `statement`: with its line when it is alone on it, with a `;` neighbour when it
/// shares the line, replaced by `pass` when it is the only statement of a block (or when
/// `replaceByPass`, for the last of several statements that all leave a block).
std::vector<TextEdit> removeStatement(const CheckContext &ctx, Node statement, bool replaceByPass = false);

/// Edits removing the `drop` items (a subset of `items`, in source order) from a comma-separated
/// list; removes the whole statement when every item goes.
std::vector<TextEdit> removeListItems(const CheckContext &ctx, Node statement, const std::vector<Node> &items,
                                      const std::vector<bool> &drop);

} // namespace typhon::names
