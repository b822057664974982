// Literal decoding: the value of an int, float, imaginary, str or bytes literal as Python reads it.
#pragma once

#include "semantic/constant/Value.h"

#include <string_view>

namespace typhon::constant {

/// An `integer` or `float` token (`0x_ff`, `1_000`, `1e-5`, `3j`). Errors: NotConstant for text
/// Python rejects (`012`, `1__0`, a Python 2 `L` suffix); TooLarge past `maxIntBits`.
Result<PyConst> parseNumber(std::string_view text, const Limits &limits);

/// One string literal token with its prefix and quotes (`rb'\x00'`, `"""doc"""`). f-strings and
/// template strings are NotConstant; `\N{...}` escapes are Unsupported (no Unicode database).
Result<PyConst> parseStringLiteral(std::string_view text);

} // namespace typhon::constant
