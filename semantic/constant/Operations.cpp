// Operator dispatch on constants: numeric promotion (bool < int < float < complex), sequence
// concatenation and repetition with CPython's folding limits, comparisons and membership.
#include "semantic/constant/Operations.h"

#include "semantic/constant/NumberOps.h"

#include <cmath>

namespace typhon::constant {

std::string_view spelling(UnaryOp op) {
  switch (op) {
  case UnaryOp::Neg: return "-";
  case UnaryOp::Pos: return "+";
  case UnaryOp::Invert: return "~";
  case UnaryOp::Not: return "not";
  }
  return "?";
}

std::string_view spelling(BinaryOp op) {
  static constexpr std::string_view names[] = {"+", "-", "*", "/", "//", "%", "** or pow()", "<<", ">>", "&", "|", "^", "@"};
  return names[static_cast<int>(op)];
}

std::string_view spelling(CompareOp op) {
  static constexpr std::string_view names[] = {"==", "!=", "<", "<=", ">", ">=", "in", "not in", "is", "is not"};
  return names[static_cast<int>(op)];
}

namespace {

std::unexpected<EvalError> typeError(BinaryOp op, const PyConst &a, const PyConst &b) {
  return raises("TypeError", "unsupported operand type(s) for " + std::string(spelling(op)) + ": '" +
                                 std::string(typeName(a.type())) + "' and '" + std::string(typeName(b.type())) + "'");
}

bool isSequence(const PyConst &v) { return v.is(Type::Str) || v.is(Type::Bytes) || v.is(Type::Tuple); }

std::size_t lengthOf(const PyConst &v) {
  if (v.is(Type::Str)) return v.asStr().size();
  if (v.is(Type::Bytes)) return v.asBytes().size();
  return v.asTuple().size();
}

Result<PyConst> concatenate(const PyConst &a, const PyConst &b, const Limits &limits) {
  if (a.is(Type::Str)) {
    if (a.asStr().size() + b.asStr().size() > limits.maxStrLength * 16) return fail(Failure::TooLarge);
    return PyConst::str(a.asStr() + b.asStr());
  }
  if (a.is(Type::Bytes)) {
    if (a.asBytes().size() + b.asBytes().size() > limits.maxStrLength * 16) return fail(Failure::TooLarge);
    return PyConst::bytes(a.asBytes() + b.asBytes());
  }
  if (a.asTuple().size() + b.asTuple().size() > limits.maxCollectionSize * 16) return fail(Failure::TooLarge);
  TupleItems items = a.asTuple();
  items.insert(items.end(), b.asTuple().begin(), b.asTuple().end());
  return PyConst::tuple(std::move(items));
}

/// sequence * count (safe_multiply): counts <= 0 give an empty sequence.
Result<PyConst> repeat(const PyConst &seq, const BigInt &count, const Limits &limits) {
  auto n = count.toInt64();
  if (!n) return raises("OverflowError", "cannot fit 'int' into an index-sized integer");
  std::size_t size = lengthOf(seq);
  std::int64_t times = *n < 0 || size == 0 ? 0 : *n;
  if (seq.is(Type::Tuple)) {
    if (times > 0 && static_cast<std::uint64_t>(times) > limits.maxCollectionSize / size) return fail(Failure::TooLarge);
    if (times > 0 && totalItems(seq) > limits.maxTotalItems / static_cast<std::size_t>(times)) return fail(Failure::TooLarge);
    TupleItems items;
    for (std::int64_t i = 0; i < times; ++i) items.insert(items.end(), seq.asTuple().begin(), seq.asTuple().end());
    return PyConst::tuple(std::move(items));
  }
  if (times > 0 && static_cast<std::uint64_t>(times) > limits.maxStrLength / size) return fail(Failure::TooLarge);
  if (seq.is(Type::Str)) {
    std::u32string out;
    for (std::int64_t i = 0; i < times; ++i) out += seq.asStr();
    return PyConst::str(std::move(out));
  }
  std::string out;
  for (std::int64_t i = 0; i < times; ++i) out += seq.asBytes();
  return PyConst::bytes(std::move(out));
}

Result<PyConst> numeric(BinaryOp op, const PyConst &a, const PyConst &b, const Limits &limits) {
  if (a.isIntegral() && b.isIntegral()) {
    bool bools = a.is(Type::Bool) && b.is(Type::Bool);
    if (bools && op == BinaryOp::BitAnd) return PyConst::boolean(a.asBool() && b.asBool());
    if (bools && op == BinaryOp::BitOr) return PyConst::boolean(a.asBool() || b.asBool());
    if (bools && op == BinaryOp::BitXor) return PyConst::boolean(a.asBool() != b.asBool());
    return intBinary(op, a.toBigInt(), b.toBigInt(), limits);
  }
  if (a.is(Type::Complex) || b.is(Type::Complex)) {
    // complex has no //, %, shifts or bitwise operators: TypeError before any conversion.
    if (op == BinaryOp::FloorDiv || op == BinaryOp::Mod || op >= BinaryOp::LShift) return typeError(op, a, b);
    Complex x{}, y{};
    if (a.is(Type::Complex)) {
      x = a.asComplex();
    } else {
      auto d = toDouble(a);
      if (!d) return std::unexpected(d.error());
      x = {*d, 0.0};
    }
    if (b.is(Type::Complex)) {
      y = b.asComplex();
    } else {
      auto d = toDouble(b);
      if (!d) return std::unexpected(d.error());
      y = {*d, 0.0};
    }
    return complexBinary(op, x, y, !a.is(Type::Complex), !b.is(Type::Complex), limits);
  }
  if (op >= BinaryOp::LShift) return typeError(op, a, b);
  auto x = toDouble(a);
  if (!x) return std::unexpected(x.error());
  auto y = toDouble(b);
  if (!y) return std::unexpected(y.error());
  return floatBinary(op, *x, *y, limits);
}

bool isSingleton(const PyConst &v) { return v.is(Type::None) || v.is(Type::Bool) || v.is(Type::Ellipsis); }

std::unexpected<EvalError> orderError(CompareOp op, const PyConst &a, const PyConst &b) {
  return raises("TypeError", "'" + std::string(spelling(op)) + "' not supported between instances of '" +
                                 std::string(typeName(a.type())) + "' and '" + std::string(typeName(b.type())) + "'");
}

bool orderHolds(CompareOp op, int c) {
  switch (op) {
  case CompareOp::Lt: return c < 0;
  case CompareOp::LtE: return c <= 0;
  case CompareOp::Gt: return c > 0;
  case CompareOp::GtE: return c >= 0;
  default: return false;
  }
}

template <class S> int threeWay(const S &a, const S &b) { return a < b ? -1 : (b < a ? 1 : 0); }

Result<bool> order(CompareOp op, const PyConst &a, const PyConst &b) {
  bool realA = a.isIntegral() || a.is(Type::Float), realB = b.isIntegral() || b.is(Type::Float);
  if (realA && realB) {
    auto c = compareReal(a, b);
    return c ? orderHolds(op, *c) : false;
  }
  if (a.is(Type::Str) && b.is(Type::Str)) return orderHolds(op, threeWay(a.asStr(), b.asStr()));
  if (a.is(Type::Bytes) && b.is(Type::Bytes)) {
    // bytes compare as unsigned bytes; std::string compares chars via char_traits (unsigned).
    return orderHolds(op, threeWay(a.asBytes(), b.asBytes()));
  }
  if (a.is(Type::Tuple) && b.is(Type::Tuple)) {
    if (containsNan(a) || containsNan(b)) return fail(Failure::Unsupported);
    const TupleItems &x = a.asTuple(), &y = b.asTuple();
    for (std::size_t i = 0; i < x.size() && i < y.size(); ++i) {
      auto eq = equals(x[i], y[i]);
      if (!eq) return std::unexpected(eq.error());
      if (!*eq) return order(op, x[i], y[i]);
    }
    return orderHolds(op, threeWay(x.size(), y.size()));
  }
  return orderError(op, a, b);
}

Result<bool> contains(const PyConst &container, const PyConst &item) {
  if (container.is(Type::Str)) {
    if (!item.is(Type::Str))
      return raises("TypeError", "'in <string>' requires string as left operand, not " + std::string(typeName(item.type())));
    return container.asStr().find(item.asStr()) != std::u32string::npos;
  }
  if (container.is(Type::Bytes)) {
    if (item.is(Type::Bytes)) return container.asBytes().find(item.asBytes()) != std::string::npos;
    if (!item.isIntegral()) return raises("TypeError", "a bytes-like object is required, not '" + std::string(typeName(item.type())) + "'");
    auto v = item.toBigInt().toInt64();
    if (!v || *v < 0 || *v > 255) return raises("ValueError", "byte must be in range(0, 256)");
    return container.asBytes().find(static_cast<char>(*v)) != std::string::npos;
  }
  if (container.is(Type::Tuple)) {
    if (containsNan(container) || containsNan(item)) return fail(Failure::Unsupported);
    for (const PyConst &element : container.asTuple()) {
      auto eq = equals(element, item);
      if (!eq) return std::unexpected(eq.error());
      if (*eq) return true;
    }
    return false;
  }
  return raises("TypeError", "argument of type '" + std::string(typeName(container.type())) + "' is not iterable");
}

} // namespace

Result<bool> equals(const PyConst &a, const PyConst &b) {
  bool realA = a.isIntegral() || a.is(Type::Float), realB = b.isIntegral() || b.is(Type::Float);
  if (realA && realB) {
    auto c = compareReal(a, b);
    return c && *c == 0;
  }
  if (a.is(Type::Complex) && b.is(Type::Complex))
    return a.asComplex().real == b.asComplex().real && a.asComplex().imag == b.asComplex().imag;
  if (a.is(Type::Complex) && realB) {
    if (a.asComplex().imag != 0.0) return false;
    auto c = compareReal(PyConst::floating(a.asComplex().real), b);
    return c && *c == 0;
  }
  if (realA && b.is(Type::Complex)) return equals(b, a);
  if (a.type() != b.type()) return false;
  switch (a.type()) {
  case Type::None:
  case Type::Ellipsis: return true;
  case Type::Str: return a.asStr() == b.asStr();
  case Type::Bytes: return a.asBytes() == b.asBytes();
  case Type::Tuple: {
    if (containsNan(a) || containsNan(b)) return fail(Failure::Unsupported);
    const TupleItems &x = a.asTuple(), &y = b.asTuple();
    if (x.size() != y.size()) return false;
    for (std::size_t i = 0; i < x.size(); ++i) {
      auto eq = equals(x[i], y[i]);
      if (!eq || !*eq) return eq;
    }
    return true;
  }
  default: return false;
  }
}

Result<PyConst> unaryOp(UnaryOp op, const PyConst &v, const Limits &) {
  if (op == UnaryOp::Not) return PyConst::boolean(!truthy(v));
  switch (v.type()) {
  case Type::Bool:
    if (op == UnaryOp::Invert) return fail(Failure::Unsupported); // deprecated since 3.12
    [[fallthrough]];
  case Type::Int: {
    BigInt i = v.toBigInt();
    if (op == UnaryOp::Neg) return PyConst::integer(-i);
    if (op == UnaryOp::Pos) return PyConst::integer(i);
    return PyConst::integer(i.invert());
  }
  case Type::Float:
    if (op == UnaryOp::Invert) break;
    return PyConst::floating(op == UnaryOp::Neg ? -v.asFloat() : v.asFloat());
  case Type::Complex:
    if (op == UnaryOp::Invert) break;
    if (op == UnaryOp::Neg) return PyConst::complex(-v.asComplex().real, -v.asComplex().imag);
    return v;
  default: break;
  }
  return raises("TypeError", "bad operand type for unary " + std::string(spelling(op)) + ": '" +
                                 std::string(typeName(v.type())) + "'");
}

Result<PyConst> binaryOp(BinaryOp op, const PyConst &a, const PyConst &b, const Limits &limits) {
  if (a.isNumber() && b.isNumber()) return numeric(op, a, b, limits);
  if (op == BinaryOp::Add && isSequence(a) && a.type() == b.type()) return concatenate(a, b, limits);
  if (op == BinaryOp::Mul && isSequence(a) && b.isIntegral()) return repeat(a, b.toBigInt(), limits);
  if (op == BinaryOp::Mul && a.isIntegral() && isSequence(b)) return repeat(b, a.toBigInt(), limits);
  if (op == BinaryOp::Mod && (a.is(Type::Str) || a.is(Type::Bytes))) return fail(Failure::Unsupported); // formatting
  return typeError(op, a, b);
}

Result<bool> compare(CompareOp op, const PyConst &a, const PyConst &b) {
  switch (op) {
  case CompareOp::Is:
  case CompareOp::IsNot: {
    if (!isSingleton(a) && !isSingleton(b)) return fail(Failure::Unsupported);
    bool same = a.type() == b.type() && (!a.is(Type::Bool) || a.asBool() == b.asBool());
    return op == CompareOp::Is ? same : !same;
  }
  case CompareOp::In:
  case CompareOp::NotIn: {
    auto r = contains(b, a);
    if (!r) return r;
    return op == CompareOp::In ? *r : !*r;
  }
  case CompareOp::Eq:
  case CompareOp::NotEq: {
    auto r = equals(a, b);
    if (!r) return r;
    return op == CompareOp::Eq ? *r : !*r;
  }
  default: return order(op, a, b);
  }
}

} // namespace typhon::constant
