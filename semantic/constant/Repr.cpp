// repr() of constants, following CPython's float_repr (PyOS_double_to_string 'r'), complex_repr,
// unicode_repr and bytes_repr.
#include "semantic/constant/Repr.h"

#include <charconv>
#include <cmath>

namespace typhon::constant {

namespace {

/// Shortest round-trip digits of a finite non-zero |value| and the decimal point position:
/// value = 0.DIGITS * 10**decpt.
void shortestDigits(double value, std::string &digits, int &decpt) {
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, std::fabs(value), std::chars_format::scientific);
  std::string_view s(buf, static_cast<std::size_t>(r.ptr - buf));
  std::size_t e = s.find('e');
  digits.clear();
  for (char c : s.substr(0, e))
    if (c != '.') digits += c;
  int exponent = 0;
  std::from_chars(s.data() + e + 1 + (s[e + 1] == '+' ? 1 : 0), s.data() + s.size(), exponent);
  decpt = exponent + 1;
}

std::string formatRepr(double value, bool addDotZero) {
  if (std::isnan(value)) return "nan";
  if (std::isinf(value)) return value < 0 ? "-inf" : "inf";
  std::string out = std::signbit(value) ? "-" : "";
  if (value == 0) return out + (addDotZero ? "0.0" : "0");
  std::string digits;
  int decpt = 0;
  shortestDigits(value, digits, decpt);
  auto n = static_cast<int>(digits.size());
  if (decpt <= -4 || decpt > 16) {
    out += digits[0];
    if (n > 1) out += "." + digits.substr(1);
    int exponent = decpt - 1;
    out += exponent < 0 ? "e-" : "e+";
    std::string e = std::to_string(exponent < 0 ? -exponent : exponent);
    if (e.size() < 2) e = "0" + e;
    return out + e;
  }
  if (decpt <= 0) return out + "0." + std::string(static_cast<std::size_t>(-decpt), '0') + digits;
  if (decpt >= n) return out + digits + std::string(static_cast<std::size_t>(decpt - n), '0') + (addDotZero ? ".0" : "");
  return out + digits.substr(0, static_cast<std::size_t>(decpt)) + "." + digits.substr(static_cast<std::size_t>(decpt));
}

void appendHex(std::string &out, char prefix, std::uint32_t value, int width) {
  static const char *hex = "0123456789abcdef";
  out += '\\';
  out += prefix;
  for (int i = width - 1; i >= 0; --i) out += hex[(value >> (4 * i)) & 0xf];
}

} // namespace

std::string reprFloat(double value) { return formatRepr(value, true); }
std::string formatFloatShort(double value) { return formatRepr(value, false); }

std::string reprComplex(Complex v) {
  if (v.real == 0 && !std::signbit(v.real)) return formatFloatShort(v.imag) + "j";
  std::string im = formatFloatShort(v.imag);
  if (im[0] != '-') im = "+" + im;
  return "(" + formatFloatShort(v.real) + im + "j)";
}

bool isPrintable(char32_t c) {
  if (c < 0x20 || c == 0x7f) return false;
  if (c < 0x7f) return true;
  if (c <= 0xa0 || c == 0xad) return false;                         // C1 controls, NBSP, soft hyphen
  if (c >= 0x600 && c <= 0x605) return false;                        // Arabic number signs (Cf)
  if (c == 0x61c || c == 0x6dd || c == 0x70f || c == 0x8e2 || c == 0x180e) return false;
  if (c == 0x1680) return false;                                     // Ogham space mark (Zs)
  if (c >= 0x2000 && c <= 0x200f) return false;                      // spaces, ZW*, LRM/RLM
  if (c >= 0x2028 && c <= 0x202f) return false;                      // line/paragraph separators, embeddings
  if (c >= 0x205f && c <= 0x206f) return false;                      // math space, invisible operators
  if (c == 0x3000 || c == 0xfeff) return false;
  if (c >= 0xd800 && c <= 0xf8ff) return false;                      // surrogates, private use
  if (c >= 0xfdd0 && c <= 0xfdef) return false;                      // noncharacters
  if (c >= 0xfff9 && c <= 0xfffb) return false;                      // interlinear annotations
  if ((c & 0xfffe) == 0xfffe) return false;                          // U+xxFFFE, U+xxFFFF
  if (c == 0x110bd || c == 0x110cd || (c >= 0x13430 && c <= 0x1343f)) return false;
  if (c >= 0x1bca0 && c <= 0x1bca3) return false;
  if (c >= 0x1d173 && c <= 0x1d17a) return false;
  if (c >= 0xe0000 && c <= 0xe0fff) return false;                    // tags, variation selectors supplement
  if (c >= 0xf0000) return false;                                    // private use planes
  return true;
}

void appendUtf8(std::string &out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xc0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3f));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xe0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3f));
    out += static_cast<char>(0x80 | (c & 0x3f));
  } else {
    out += static_cast<char>(0xf0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3f));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3f));
    out += static_cast<char>(0x80 | (c & 0x3f));
  }
}

std::optional<std::u32string> decodeUtf8(std::string_view text) {
  std::u32string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    auto b = static_cast<unsigned char>(text[i]);
    int len = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 0;
    if (len == 0 || i + static_cast<std::size_t>(len) > text.size()) return std::nullopt;
    char32_t c = len == 1 ? b : len == 2 ? (b & 0x1f) : len == 3 ? (b & 0x0f) : (b & 0x07);
    for (int k = 1; k < len; ++k) {
      auto cont = static_cast<unsigned char>(text[i + static_cast<std::size_t>(k)]);
      if ((cont >> 6) != 2) return std::nullopt;
      c = (c << 6) | (cont & 0x3f);
    }
    out += c;
    i += static_cast<std::size_t>(len);
  }
  return out;
}

std::string reprStr(const std::u32string &value) {
  bool single = value.find(U'\'') != std::u32string::npos;
  bool dbl = value.find(U'"') != std::u32string::npos;
  char32_t quote = single && !dbl ? U'"' : U'\'';
  std::string out(1, static_cast<char>(quote));
  for (char32_t c : value) {
    if (c == quote || c == U'\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == U'\t') {
      out += "\\t";
    } else if (c == U'\n') {
      out += "\\n";
    } else if (c == U'\r') {
      out += "\\r";
    } else if (c < 0x20 || c == 0x7f) {
      appendHex(out, 'x', c, 2);
    } else if (c < 0x7f || isPrintable(c)) {
      appendUtf8(out, c);
    } else if (c <= 0xff) {
      appendHex(out, 'x', c, 2);
    } else if (c <= 0xffff) {
      appendHex(out, 'u', c, 4);
    } else {
      appendHex(out, 'U', c, 8);
    }
  }
  out += static_cast<char>(quote);
  return out;
}

std::string reprBytes(const std::string &value) {
  bool single = value.find('\'') != std::string::npos;
  bool dbl = value.find('"') != std::string::npos;
  char quote = single && !dbl ? '"' : '\'';
  std::string out = "b";
  out += quote;
  for (char ch : value) {
    auto c = static_cast<unsigned char>(ch);
    if (c == quote || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < 0x20 || c >= 0x7f) {
      appendHex(out, 'x', c, 2);
    } else {
      out += static_cast<char>(c);
    }
  }
  out += quote;
  return out;
}

std::string repr(const PyConst &v) {
  switch (v.type()) {
  case Type::None: return "None";
  case Type::Ellipsis: return "Ellipsis";
  case Type::Bool: return v.asBool() ? "True" : "False";
  case Type::Int: return v.asInt().toString();
  case Type::Float: return reprFloat(v.asFloat());
  case Type::Complex: return reprComplex(v.asComplex());
  case Type::Str: return reprStr(v.asStr());
  case Type::Bytes: return reprBytes(v.asBytes());
  case Type::Tuple: {
    const TupleItems &items = v.asTuple();
    std::string out = "(";
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (i) out += ", ";
      out += repr(items[i]);
    }
    if (items.size() == 1) out += ",";
    return out + ")";
  }
  }
  return "?";
}

} // namespace typhon::constant
