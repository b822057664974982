// Re-emission of folded constants as Python source (catalog §3.6): literals that read back as the
// identical value, within CPython's folding size limits.
#pragma once

#include "semantic/constant/Value.h"

#include <optional>
#include <string>

namespace typhon::fold {

/// Source text for `value`, or nullopt when it has no exact literal (inf, nan, signed zeros of
/// complex parts, frozensets) or exceeds the emission limits (ints over 128 bits, str/bytes over
/// 4096 items, tuples over 256 items or 1024 nested items, any literal over about 4 KiB of text).
/// Strings use `preferredQuote` (`'` or
/// `"`) unless the text contains it and not the other. `asciiOnly` escapes every non-ASCII
/// character (for files in a declared encoding that may not represent it).
std::optional<std::string> emitLiteral(const constant::PyConst &value, char preferredQuote = '\'',
                                       bool asciiOnly = false);

/// The round-trip invariant every emitted literal satisfies: `text`, parsed as an expression and
/// evaluated under folding limits, gives a value identical to `value` (same type, same bits).
bool readsBackAs(std::string_view text, const constant::PyConst &value);

/// Whether emitted text binds as an atom (no unary minus at its head): `3`, `'a'`, `(1+2j)`.
bool isAtom(std::string_view emitted);

} // namespace typhon::fold
