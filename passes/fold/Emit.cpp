// Re-emission of constants: Python repr forms, with the source's preferred quote for strings.
#include "passes/fold/Emit.h"

#include "parser/Tree.h"
#include "semantic/constant/Evaluate.h"
#include "semantic/constant/Repr.h"

#include <cmath>

namespace typhon::fold {

using namespace constant;

namespace {

constexpr std::uint64_t kMaxIntBits = 128;
constexpr std::size_t kMaxStrLength = 4096;
constexpr std::size_t kMaxCollectionSize = 256;
constexpr std::size_t kMaxTotalItems = 1024;
/// No literal longer than this is written, whatever its value (`('a' * 4000,) * 100` is a valid
/// CPython constant, but not source anyone wants).
constexpr std::size_t kMaxLiteralText = kMaxStrLength + 16;

void appendEscape(std::string &out, char kind, std::uint32_t value, int width) {
  static const char *hex = "0123456789abcdef";
  out += '\\';
  out += kind;
  for (int i = width - 1; i >= 0; --i) out += hex[(value >> (4 * i)) & 0xf];
}

char chooseQuote(bool hasSingle, bool hasDouble, char preferred) {
  char other = preferred == '"' ? '\'' : '"';
  if (preferred == '"' ? (hasDouble && !hasSingle) : (hasSingle && !hasDouble)) return other;
  return preferred;
}

std::string emitStr(const std::u32string &s, char preferred, bool asciiOnly) {
  char quote = chooseQuote(s.find(U'\'') != std::u32string::npos, s.find(U'"') != std::u32string::npos, preferred);
  std::string out(1, quote);
  for (char32_t c : s) {
    if (c == static_cast<char32_t>(quote) || c == U'\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == U'\n') {
      out += "\\n";
    } else if (c == U'\r') {
      out += "\\r";
    } else if (c == U'\t') {
      out += "\\t";
    } else if (c < 0x7f && c >= 0x20) {
      out += static_cast<char>(c);
    } else if (c >= 0x80 && !asciiOnly && isPrintable(c)) {
      appendUtf8(out, c);
    } else if (c <= 0xff) {
      appendEscape(out, 'x', c, 2);
    } else if (c <= 0xffff) {
      appendEscape(out, 'u', c, 4);
    } else {
      appendEscape(out, 'U', c, 8);
    }
  }
  out += quote;
  return out;
}

std::string emitBytes(const std::string &s, char preferred) {
  char quote = chooseQuote(s.find('\'') != std::string::npos, s.find('"') != std::string::npos, preferred);
  std::string out = "b";
  out += quote;
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    if (c == quote || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c < 0x20 || c >= 0x7f) {
      appendEscape(out, 'x', c, 2);
    } else {
      out += static_cast<char>(c);
    }
  }
  out += quote;
  return out;
}

std::optional<std::string> emitComplex(Complex c) {
  if (!std::isfinite(c.real) || !std::isfinite(c.imag)) return std::nullopt;
  // `-0j` reads as -(0j) and `(1-0j)` as 1 - 0j: a negative zero part has no literal.
  if ((c.real == 0 && std::signbit(c.real)) || (c.imag == 0 && std::signbit(c.imag))) return std::nullopt;
  std::string imag = formatFloatShort(c.imag);
  if (c.real == 0 && !std::signbit(c.imag)) return imag + "j";
  // `-2j` would read as -(2j), whose real part is -0.0: spell the zero real part out.
  if (imag[0] != '-') imag = "+" + imag;
  return "(" + formatFloatShort(c.real) + imag + "j)";
}

} // namespace

static std::optional<std::string> emitValue(const PyConst &value, char preferredQuote, bool asciiOnly);

bool readsBackAs(std::string_view text, const PyConst &value) {
  std::string module = "(" + std::string(text) + ")\n";
  Parser parser;
  Tree tree = parser.parse(module);
  Node root = tree.root();
  if (root.isNull() || root.hasError() || root.namedChildCount() != 1) return false;
  Node statement = root.namedChild(0);
  if (!statement.is(NodeKind::ExpressionStatement) || statement.namedChildCount() != 1) return false;
  Evaluator evaluator(module, Limits::folding());
  auto back = evaluator.evaluate(statement.namedChild(0));
  return back && identical(*back, value);
}

bool isAtom(std::string_view emitted) { return !emitted.empty() && emitted[0] != '-'; }

std::optional<std::string> emitLiteral(const PyConst &value, char preferredQuote, bool asciiOnly) {
  std::optional<std::string> text = emitValue(value, preferredQuote, asciiOnly);
  if (text && text->size() > kMaxLiteralText) return std::nullopt;
  return text;
}

static std::optional<std::string> emitValue(const PyConst &value, char preferredQuote, bool asciiOnly) {
  switch (value.type()) {
  case Type::None: return "None";
  case Type::Ellipsis: return "...";
  case Type::Bool: return value.asBool() ? "True" : "False";
  case Type::Int:
    if (value.asInt().bitLength() > kMaxIntBits) return std::nullopt;
    return value.asInt().toString();
  case Type::Float:
    if (!std::isfinite(value.asFloat())) return std::nullopt;
    return reprFloat(value.asFloat());
  case Type::Complex: return emitComplex(value.asComplex());
  case Type::Str:
    if (value.asStr().size() > kMaxStrLength) return std::nullopt;
    return emitStr(value.asStr(), preferredQuote, asciiOnly);
  case Type::Bytes:
    if (value.asBytes().size() > kMaxStrLength) return std::nullopt;
    return emitBytes(value.asBytes(), preferredQuote);
  case Type::Tuple: {
    const TupleItems &items = value.asTuple();
    if (items.size() > kMaxCollectionSize || totalItems(value) > kMaxTotalItems) return std::nullopt;
    std::string out = "(";
    for (std::size_t i = 0; i < items.size(); ++i) {
      auto item = emitValue(items[i], preferredQuote, asciiOnly);
      if (!item) return std::nullopt;
      if (i) out += ", ";
      out += *item;
    }
    if (items.size() == 1) out += ",";
    return out + ")";
  }
  }
  return std::nullopt;
}

} // namespace typhon::fold
