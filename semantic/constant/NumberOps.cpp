// Arithmetic on int, float and complex constants. Each function mirrors the CPython routine named
// in its comment; the size checks mirror safe_multiply/safe_power/safe_lshift of Python/ast_opt.c.
#include "semantic/constant/NumberOps.h"

#include <bit>
#include <cmath>

namespace typhon::constant {

namespace {

std::unexpected<EvalError> unsupportedOperands(BinaryOp op, std::string_view a, std::string_view b) {
  return raises("TypeError", "unsupported operand type(s) for " + std::string(spelling(op)) + ": '" + std::string(a) +
                                 "' and '" + std::string(b) + "'");
}

bool sameBits(double a, double b) { return std::bit_cast<std::uint64_t>(a) == std::bit_cast<std::uint64_t>(b); }

bool isOddInteger(double x) { return std::fmod(std::fabs(x), 2.0) == 1.0; }

/// The exact value of base**n (n an integer-valued double) when it is a double; nullopt when the
/// exact value is not representable (a platform pow() may then round differently), or OverflowError
/// when it certainly overflows. `base` is finite, positive and not 1.
Result<std::optional<double>> exactPositivePow(double base, double n) {
  int exp2 = 0;
  double frac = std::frexp(base, &exp2);
  auto mant = static_cast<std::int64_t>(std::ldexp(frac, 53));
  std::int64_t e = exp2 - 53;
  while ((mant & 1) == 0) {
    mant >>= 1;
    ++e;
  }
  double log2Result = std::log2(base) * n;
  if (log2Result > 1024.5) return raises("OverflowError", "(34, 'Numerical result out of range')");
  if (std::fabs(n) > 2100) return std::optional<double>();
  auto k = static_cast<std::int64_t>(n);
  if (mant == 1) { // a power of two: exact unless it underflows past the subnormals
    std::int64_t resultExp = e * k;
    if (resultExp > 1023) return raises("OverflowError", "(34, 'Numerical result out of range')");
    if (resultExp < -1074) return std::optional<double>();
    return std::optional<double>(std::ldexp(1.0, static_cast<int>(resultExp)));
  }
  if (k < 0 || k > 64) return std::optional<double>();
  BigInt m = BigInt(mant).pow(static_cast<std::uint64_t>(k));
  std::int64_t scale = e * k;
  auto bits = static_cast<std::int64_t>(m.bitLength());
  if (bits - 1 + scale >= 1024) return raises("OverflowError", "(34, 'Numerical result out of range')");
  if (bits > 53 || scale < -1074) return std::optional<double>();
  return BigInt::roundToDouble(m, scale, false);
}

Complex cProd(Complex a, Complex b) { return {a.real * b.real - a.imag * b.imag, a.real * b.imag + a.imag * b.real}; }

/// _Py_c_quot; `zeroDivisor` is set where CPython sets errno = EDOM.
Complex cQuot(Complex a, Complex b, bool &zeroDivisor) {
  double absReal = b.real < 0 ? -b.real : b.real;
  double absImag = b.imag < 0 ? -b.imag : b.imag;
  if (absReal >= absImag) {
    if (absReal == 0.0) {
      zeroDivisor = true;
      return {0.0, 0.0};
    }
    double ratio = b.imag / b.real;
    double denom = b.real + b.imag * ratio;
    return {(a.real + a.imag * ratio) / denom, (a.imag - a.real * ratio) / denom};
  }
  if (absImag >= absReal) {
    double ratio = b.real / b.imag;
    double denom = b.real * ratio + b.imag;
    return {(a.real * ratio + a.imag) / denom, (a.imag * ratio - a.real) / denom};
  }
  return {std::nan(""), std::nan("")};
}

Complex cPowu(Complex x, long n) {
  Complex r{1.0, 0.0}, p = x;
  long mask = 1;
  while (mask > 0 && n >= mask) {
    if (n & mask) r = cProd(r, p);
    mask <<= 1;
    p = cProd(p, p);
  }
  return r;
}

bool finite(Complex c) { return std::isfinite(c.real) && std::isfinite(c.imag); }

} // namespace

Result<double> toDouble(const PyConst &v) {
  if (v.is(Type::Float)) return v.asFloat();
  auto d = v.toBigInt().toDouble();
  if (!d) return raises("OverflowError", "int too large to convert to float");
  return *d;
}

std::optional<int> compareReal(const PyConst &a, const PyConst &b) {
  if (a.isIntegral() && b.isIntegral()) return BigInt::compare(a.toBigInt(), b.toBigInt());
  if (a.is(Type::Float) && b.is(Type::Float)) {
    double x = a.asFloat(), y = b.asFloat();
    if (std::isnan(x) || std::isnan(y)) return std::nullopt;
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (a.is(Type::Float)) {
    auto r = compareReal(b, a);
    if (!r) return std::nullopt;
    return -*r;
  }
  // int against float, exactly (float_richcompare).
  double f = b.asFloat();
  if (std::isnan(f)) return std::nullopt;
  if (std::isinf(f)) return f > 0 ? -1 : 1;
  BigInt i = a.toBigInt();
  double fl = std::floor(f);
  int c = BigInt::compare(i, *BigInt::fromDouble(fl));
  if (c != 0) return c;
  return fl == f ? 0 : -1; // i == floor(f) < f
}

Result<PyConst> intBinary(BinaryOp op, const BigInt &a, const BigInt &b, const Limits &limits) {
  switch (op) {
  case BinaryOp::Add: return PyConst::integer(a + b);
  case BinaryOp::Sub: return PyConst::integer(a - b);
  case BinaryOp::Mul:
    if (!a.isZero() && !b.isZero() && a.bitLength() + b.bitLength() > limits.maxIntBits) return fail(Failure::TooLarge);
    return PyConst::integer(a * b);
  case BinaryOp::TrueDiv: {
    if (b.isZero()) return raises("ZeroDivisionError", "division by zero");
    auto q = BigInt::trueDivide(a, b);
    if (!q) return raises("OverflowError", "integer division result too large for a float");
    return PyConst::floating(*q);
  }
  case BinaryOp::FloorDiv:
  case BinaryOp::Mod: {
    if (b.isZero()) return raises("ZeroDivisionError", "integer division or modulo by zero");
    BigInt q, r;
    BigInt::divModFloor(a, b, q, r);
    return PyConst::integer(op == BinaryOp::FloorDiv ? q : r);
  }
  case BinaryOp::Pow: {
    if (b.isNegative()) {
      auto base = a.toDouble();
      if (!base) return raises("OverflowError", "int too large to convert to float");
      auto exponent = b.toDouble();
      if (!exponent) return raises("OverflowError", "int too large to convert to float");
      return floatPow(*base, *exponent, limits);
    }
    if (b.isZero()) return PyConst::integer(BigInt(1));
    if (a.isZero()) return PyConst::integer(BigInt());
    if (a.abs() == BigInt(1)) return PyConst::integer(a.isNegative() && b.isOdd() ? BigInt(-1) : BigInt(1));
    auto n = b.toInt64();
    if (!n || a.bitLength() > limits.maxIntBits / static_cast<std::uint64_t>(*n)) return fail(Failure::TooLarge);
    return PyConst::integer(a.pow(static_cast<std::uint64_t>(*n)));
  }
  case BinaryOp::LShift: {
    if (b.isNegative()) return raises("ValueError", "negative shift count");
    if (a.isZero()) return PyConst::integer(BigInt());
    auto n = b.toInt64();
    if (!n || static_cast<std::uint64_t>(*n) > limits.maxIntBits ||
        a.bitLength() > limits.maxIntBits - static_cast<std::uint64_t>(*n))
      return fail(Failure::TooLarge);
    return PyConst::integer(a.shiftLeft(static_cast<std::uint64_t>(*n)));
  }
  case BinaryOp::RShift: {
    if (b.isNegative()) return raises("ValueError", "negative shift count");
    auto n = b.toInt64();
    if (!n || static_cast<std::uint64_t>(*n) >= a.bitLength()) return PyConst::integer(BigInt(a.isNegative() ? -1 : 0));
    return PyConst::integer(a.shiftRight(static_cast<std::uint64_t>(*n)));
  }
  case BinaryOp::BitAnd: return PyConst::integer(a & b);
  case BinaryOp::BitOr: return PyConst::integer(a | b);
  case BinaryOp::BitXor: return PyConst::integer(a ^ b);
  case BinaryOp::MatMul: return unsupportedOperands(op, "int", "int");
  }
  return fail(Failure::Unsupported);
}

Result<PyConst> floatPow(double iv, double iw, const Limits &limits) {
  if (iw == 0) return PyConst::floating(1.0);
  if (std::isnan(iv)) return PyConst::floating(iv);
  if (std::isnan(iw)) return PyConst::floating(iv == 1.0 ? 1.0 : iw);
  if (std::isinf(iw)) {
    double a = std::fabs(iv);
    if (a == 1.0) return PyConst::floating(1.0);
    if ((iw > 0.0) == (a > 1.0)) return PyConst::floating(std::fabs(iw));
    return PyConst::floating(0.0);
  }
  if (std::isinf(iv)) {
    bool odd = isOddInteger(iw);
    if (iw > 0.0) return PyConst::floating(odd ? iv : std::fabs(iv));
    return PyConst::floating(odd ? std::copysign(0.0, iv) : 0.0);
  }
  if (iv == 0.0) {
    bool odd = isOddInteger(iw);
    if (iw < 0.0) return raises("ZeroDivisionError", "0.0 cannot be raised to a negative power");
    return PyConst::floating(odd ? iv : 0.0);
  }
  bool negate = false;
  if (iv < 0.0) {
    if (iw != std::floor(iw)) return fail(Failure::Unsupported); // a complex result
    iv = -iv;
    negate = isOddInteger(iw);
  }
  if (iv == 1.0) return PyConst::floating(negate ? -1.0 : 1.0);
  double result = 0;
  if (limits.exactOnly) {
    if (iw != std::floor(iw)) return fail(Failure::Unsupported);
    auto exact = exactPositivePow(iv, iw);
    if (!exact) return std::unexpected(exact.error());
    if (!*exact) return fail(Failure::Unsupported);
    result = **exact;
  } else {
    result = std::pow(iv, iw);
    if (std::isinf(result)) return raises("OverflowError", "(34, 'Numerical result out of range')");
  }
  return PyConst::floating(negate ? -result : result);
}

Result<PyConst> floatBinary(BinaryOp op, double a, double b, const Limits &limits) {
  switch (op) {
  case BinaryOp::Add: return PyConst::floating(a + b);
  case BinaryOp::Sub: return PyConst::floating(a - b);
  case BinaryOp::Mul: return PyConst::floating(a * b);
  case BinaryOp::TrueDiv:
    if (b == 0.0) return raises("ZeroDivisionError", "float division by zero");
    return PyConst::floating(a / b);
  case BinaryOp::Mod: { // float_rem
    if (b == 0.0) return raises("ZeroDivisionError", "float modulo");
    double mod = std::fmod(a, b);
    if (mod) {
      if ((b < 0) != (mod < 0)) mod += b;
    } else {
      mod = std::copysign(0.0, b);
    }
    return PyConst::floating(mod);
  }
  case BinaryOp::FloorDiv: { // _float_div_mod
    if (b == 0.0) return raises("ZeroDivisionError", "float floor division by zero");
    double mod = std::fmod(a, b);
    double div = (a - mod) / b;
    if (mod) {
      if ((b < 0) != (mod < 0)) div -= 1.0;
    }
    double floordiv = 0;
    if (div) {
      floordiv = std::floor(div);
      if (div - floordiv > 0.5) floordiv += 1.0;
    } else {
      floordiv = std::copysign(0.0, a / b);
    }
    return PyConst::floating(floordiv);
  }
  case BinaryOp::Pow: return floatPow(a, b, limits);
  default: return unsupportedOperands(op, "float", "float");
  }
}

Result<PyConst> complexBinary(BinaryOp op, Complex a, Complex b, bool leftReal, bool rightReal, const Limits &limits) {
  Complex r{}, alt{};
  bool mixed = leftReal || rightReal;
  switch (op) {
  case BinaryOp::Add:
    r = {a.real + b.real, a.imag + b.imag};
    alt = leftReal ? Complex{a.real + b.real, b.imag} : Complex{a.real + b.real, a.imag};
    break;
  case BinaryOp::Sub:
    r = {a.real - b.real, a.imag - b.imag};
    alt = leftReal ? Complex{a.real - b.real, -b.imag} : Complex{a.real - b.real, a.imag};
    break;
  case BinaryOp::Mul:
    r = cProd(a, b);
    alt = leftReal ? Complex{a.real * b.real, a.real * b.imag} : Complex{a.real * b.real, a.imag * b.real};
    break;
  case BinaryOp::TrueDiv: {
    bool zero = false;
    r = cQuot(a, b, zero);
    if (zero) return raises("ZeroDivisionError", "complex division by zero");
    if (leftReal && limits.exactOnly) return fail(Failure::Unsupported);
    alt = rightReal ? Complex{a.real / b.real, a.imag / b.real} : r;
    break;
  }
  case BinaryOp::Pow: {
    if (b.imag == 0.0 && b.real == std::floor(b.real) && std::fabs(b.real) <= 100.0) {
      auto n = static_cast<long>(b.real);
      bool zero = false;
      r = n > 0 ? cPowu(a, n) : cQuot({1.0, 0.0}, cPowu(a, -n), zero);
      if (std::isinf(r.real) || std::isinf(r.imag)) return raises("OverflowError", "complex exponentiation");
      if (zero) return raises("ZeroDivisionError", "0.0 to a negative or complex power");
      if (leftReal && limits.exactOnly) return fail(Failure::Unsupported);
      alt = r;
      break;
    }
    if (b.real == 0.0 && b.imag == 0.0) return PyConst::complex(1.0, 0.0);
    if (a.real == 0.0 && a.imag == 0.0) {
      if (b.imag != 0.0 || b.real < 0.0) return raises("ZeroDivisionError", "0.0 to a negative or complex power");
      return PyConst::complex(0.0, 0.0);
    }
    return fail(Failure::Unsupported); // _Py_c_pow: transcendental, platform-dependent
  }
  default:
    return unsupportedOperands(op, leftReal ? "float" : "complex", rightReal ? "float" : "complex");
  }
  if (limits.exactOnly) {
    if (!finite(r)) return fail(Failure::Unsupported);
    // CPython 3.14 computes mixed real/complex operations without the implicit zero part, which
    // can change signed zeros: fold only when every version agrees.
    if (mixed && (!sameBits(r.real, alt.real) || !sameBits(r.imag, alt.imag))) return fail(Failure::Unsupported);
  }
  return PyConst::complex(r.real, r.imag);
}

} // namespace typhon::constant
