// Literal decoding, after CPython's tokenizer (number syntax) and _PyUnicode_DecodeUnicodeEscape /
// _PyBytes_DecodeEscape (escape sequences).
#include "semantic/constant/Literal.h"

#include "semantic/constant/Repr.h"

#include <cctype>
#include <charconv>
#include <cmath>

namespace typhon::constant {

namespace {

bool isDigitIn(char c, int base) {
  if (base == 16) return std::isxdigit(static_cast<unsigned char>(c)) != 0;
  return c >= '0' && c < static_cast<char>('0' + base);
}

/// Underscores only between digits (or right after a base prefix); at least one digit.
bool validDigits(std::string_view digits, int base, bool afterPrefix) {
  if (digits.empty()) return false;
  bool prevDigit = afterPrefix;
  bool any = false;
  for (char c : digits) {
    if (c == '_') {
      if (!prevDigit) return false;
      prevDigit = false;
      continue;
    }
    if (!isDigitIn(c, base)) return false;
    prevDigit = true;
    any = true;
  }
  return any && prevDigit;
}

std::string withoutUnderscores(std::string_view text) {
  std::string out;
  for (char c : text)
    if (c != '_') out += c;
  return out;
}

/// A decimal float literal body (no `j`): digits, optional fraction, optional exponent.
Result<double> parseFloatBody(std::string_view text) {
  // Validate the shape: [digits][.digits][e[+-]digits] with underscores between digits.
  std::size_t e = text.find_first_of("eE");
  std::string_view mantissa = text.substr(0, e);
  std::string_view exponent = e == std::string_view::npos ? std::string_view() : text.substr(e + 1);
  std::size_t dot = mantissa.find('.');
  std::string_view whole = mantissa.substr(0, dot);
  std::string_view frac = dot == std::string_view::npos ? std::string_view() : mantissa.substr(dot + 1);
  if (whole.empty() && frac.empty()) return fail(Failure::NotConstant);
  if (!whole.empty() && !validDigits(whole, 10, false)) return fail(Failure::NotConstant);
  if (!frac.empty() && !validDigits(frac, 10, false)) return fail(Failure::NotConstant);
  if (e != std::string_view::npos) {
    std::string_view digits = exponent;
    if (!digits.empty() && (digits[0] == '+' || digits[0] == '-')) digits.remove_prefix(1);
    if (!validDigits(digits, 10, false)) return fail(Failure::NotConstant);
  }
  std::string clean = withoutUnderscores(text);
  double value = 0;
  auto r = std::from_chars(clean.data(), clean.data() + clean.size(), value, std::chars_format::general);
  if (r.ec == std::errc::result_out_of_range) {
    // Overflow reads as inf, underflow as 0.0 (as strtod).
    bool negativeExponent = exponent.find('-') != std::string_view::npos;
    return negativeExponent ? 0.0 : HUGE_VAL;
  }
  if (r.ec != std::errc() || r.ptr != clean.data() + clean.size()) return fail(Failure::NotConstant);
  return value;
}

} // namespace

Result<PyConst> parseNumber(std::string_view text, const Limits &limits) {
  if (text.empty()) return fail(Failure::NotConstant);
  char last = text.back();
  if (last == 'j' || last == 'J') {
    auto v = parseFloatBody(text.substr(0, text.size() - 1));
    if (!v) return std::unexpected(v.error());
    return PyConst::complex(0.0, *v);
  }
  if (text.size() > 1 && text[0] == '0' && std::isalpha(static_cast<unsigned char>(text[1]))) {
    char p = static_cast<char>(std::tolower(static_cast<unsigned char>(text[1])));
    int base = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
    if (base == 0) return fail(Failure::NotConstant);
    std::string_view digits = text.substr(2);
    if (!validDigits(digits, base, true)) return fail(Failure::NotConstant);
    if (digits.size() * 4 > limits.maxIntBits * 2 + 64) return fail(Failure::TooLarge);
    auto v = BigInt::parse(digits, base);
    if (!v) return fail(Failure::NotConstant);
    if (v->bitLength() > limits.maxIntBits) return fail(Failure::TooLarge);
    return PyConst::integer(*v);
  }
  if (text.find_first_of(".eE") != std::string_view::npos) {
    auto v = parseFloatBody(text);
    if (!v) return std::unexpected(v.error());
    return PyConst::floating(*v);
  }
  if (!validDigits(text, 10, false)) return fail(Failure::NotConstant); // also rejects `10L`
  std::string clean = withoutUnderscores(text);
  if (clean.size() > 1 && clean[0] == '0' && clean.find_first_not_of('0') != std::string::npos)
    return fail(Failure::NotConstant); // `012`: leading zeros are a SyntaxError
  if (clean.size() > 4300) return fail(Failure::NotConstant); // CPython's int max str digits
  if (clean.size() > limits.maxIntBits / 3 + 2) return fail(Failure::TooLarge);
  auto v = BigInt::parse(clean, 10);
  if (!v) return fail(Failure::NotConstant);
  if (v->bitLength() > limits.maxIntBits) return fail(Failure::TooLarge);
  return PyConst::integer(*v);
}

namespace {

int hexValue(char32_t c) {
  if (c >= '0' && c <= '9') return static_cast<int>(c - '0');
  if (c >= 'a' && c <= 'f') return static_cast<int>(c - 'a' + 10);
  if (c >= 'A' && c <= 'F') return static_cast<int>(c - 'A' + 10);
  return -1;
}

/// Decodes the escapes of a non-raw literal body. `bytes` limits octal values to one byte and
/// keeps `\u`, `\U`, `\N` as literal text, as Python does in bytes literals.
Result<std::u32string> decodeEscapes(const std::u32string &body, bool bytes) {
  std::u32string out;
  for (std::size_t i = 0; i < body.size(); ++i) {
    char32_t c = body[i];
    if (c != U'\\') {
      out += c;
      continue;
    }
    if (i + 1 >= body.size()) return fail(Failure::NotConstant);
    char32_t e = body[++i];
    switch (e) {
    case U'\n': break;
    case U'\\': out += U'\\'; break;
    case U'\'': out += U'\''; break;
    case U'"': out += U'"'; break;
    case U'a': out += 7; break;
    case U'b': out += 8; break;
    case U'f': out += 12; break;
    case U'n': out += 10; break;
    case U'r': out += 13; break;
    case U't': out += 9; break;
    case U'v': out += 11; break;
    case U'x':
    case U'u':
    case U'U': {
      if (bytes && e != U'x') {
        out += U'\\';
        out += e;
        break;
      }
      std::size_t width = e == U'x' ? 2 : e == U'u' ? 4 : 8;
      char32_t value = 0;
      for (std::size_t k = 0; k < width; ++k) {
        if (i + 1 >= body.size() || hexValue(body[i + 1]) < 0) return fail(Failure::NotConstant);
        value = value * 16 + static_cast<char32_t>(hexValue(body[++i]));
      }
      if (value > 0x10ffff) return fail(Failure::NotConstant);
      out += value;
      break;
    }
    case U'N':
      if (bytes) {
        out += U'\\';
        out += e;
        break;
      }
      return fail(Failure::Unsupported);
    default:
      if (e >= U'0' && e <= U'7') {
        char32_t value = e - U'0';
        for (int k = 0; k < 2 && i + 1 < body.size() && body[i + 1] >= U'0' && body[i + 1] <= U'7'; ++k)
          value = value * 8 + (body[++i] - U'0');
        if (bytes && value > 0377) return fail(Failure::Unsupported);
        out += value;
        break;
      }
      out += U'\\'; // an invalid escape keeps its backslash
      out += e;
    }
  }
  return out;
}

} // namespace

Result<PyConst> parseStringLiteral(std::string_view text) {
  std::size_t q = text.find_first_of("'\"");
  if (q == std::string_view::npos) return fail(Failure::NotConstant);
  bool raw = false, bytes = false, unicode = false;
  for (char c : text.substr(0, q)) {
    switch (std::tolower(static_cast<unsigned char>(c))) {
    case 'r': raw = true; break;
    case 'b': bytes = true; break;
    case 'u': unicode = true; break;
    default: return fail(Failure::NotConstant); // f-strings, t-strings
    }
  }
  if (unicode && (raw || bytes)) return fail(Failure::NotConstant);
  std::string_view rest = text.substr(q);
  std::size_t quoteLen = rest.size() >= 6 && rest[1] == rest[0] && rest[2] == rest[0] ? 3 : 1;
  std::string_view quote = rest.substr(0, quoteLen);
  if (rest.size() < 2 * quoteLen || rest.substr(rest.size() - quoteLen) != quote) return fail(Failure::NotConstant);
  std::string_view inner = rest.substr(quoteLen, rest.size() - 2 * quoteLen);
  // The tokenizer reads \r\n and \r as \n.
  std::string normalized;
  normalized.reserve(inner.size());
  for (std::size_t i = 0; i < inner.size(); ++i) {
    if (inner[i] == '\r') {
      normalized += '\n';
      if (i + 1 < inner.size() && inner[i + 1] == '\n') ++i;
      continue;
    }
    normalized += inner[i];
  }
  auto body = decodeUtf8(normalized);
  if (!body) return fail(Failure::NotConstant);
  if (bytes)
    for (char32_t c : *body)
      if (c >= 0x80) return fail(Failure::NotConstant); // bytes can only contain ASCII characters
  std::u32string value = *body;
  if (!raw) {
    auto decoded = decodeEscapes(*body, bytes);
    if (!decoded) return std::unexpected(decoded.error());
    value = std::move(*decoded);
  }
  if (!bytes) return PyConst::str(std::move(value));
  std::string out;
  out.reserve(value.size());
  for (char32_t c : value) out += static_cast<char>(c);
  return PyConst::bytes(std::move(out));
}

} // namespace typhon::constant
