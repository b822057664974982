// Python's repr() of constants: shortest round-trip floats, complex, str/bytes quoting and escapes.
#pragma once

#include "semantic/constant/Value.h"

#include <optional>
#include <string>
#include <string_view>

namespace typhon::constant {

/// repr(float): shortest digits that round-trip, fixed notation for decimal exponents in
/// (-4, 16], exponent form (`1e+16`, `1e-05`) otherwise, `.0` added to integral fixed values.
std::string reprFloat(double value);
/// The same digits without the added `.0` (complex components: `(1+2j)`).
std::string formatFloatShort(double value);
std::string reprComplex(Complex value);
/// repr(str), quoting with `'` unless the text has `'` and no `"`.
std::string reprStr(const std::u32string &value);
std::string reprBytes(const std::string &value);
std::string repr(const PyConst &value);

/// str.isprintable() for one character. Exact for ASCII and Latin-1; beyond, an approximation
/// without the Unicode database: separators, format characters, surrogates, private use and
/// noncharacters are non-printable, every other code point is printable.
bool isPrintable(char32_t c);

void appendUtf8(std::string &out, char32_t c);
/// UTF-8 to code points; nullopt on malformed input.
std::optional<std::u32string> decodeUtf8(std::string_view text);

} // namespace typhon::constant
