// BigInt: a small arbitrary-precision signed integer with Python's int semantics (floor division,
// infinite two's complement bitwise operations, correctly rounded conversion to double).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace typhon::constant {

class BigInt {
public:
  BigInt() = default;
  BigInt(std::int64_t value); // NOLINT(google-explicit-constructor): ints convert naturally

  /// Parses digits in `base` (2..36); underscores are skipped. nullopt on any other character.
  static std::optional<BigInt> parse(std::string_view digits, int base);
  /// The exact integer value of an integral finite double.
  static std::optional<BigInt> fromDouble(double value);

  bool isZero() const { return mag_.empty(); }
  bool isNegative() const { return neg_; }
  bool isOdd() const { return !mag_.empty() && (mag_[0] & 1u); }
  int sign() const { return neg_ ? -1 : (mag_.empty() ? 0 : 1); }
  /// Number of bits of |value| (0 for 0), as Python's int.bit_length().
  std::uint64_t bitLength() const;
  std::optional<std::int64_t> toInt64() const;
  /// Correctly rounded (half-even) conversion; nullopt when |value| rounds to 2**1024 or more.
  std::optional<double> toDouble() const;
  std::string toString() const;

  BigInt operator-() const;
  BigInt abs() const;
  friend BigInt operator+(const BigInt &a, const BigInt &b);
  friend BigInt operator-(const BigInt &a, const BigInt &b);
  friend BigInt operator*(const BigInt &a, const BigInt &b);
  /// Division truncating toward zero; `b` must not be zero.
  static void divModTrunc(const BigInt &a, const BigInt &b, BigInt &quotient, BigInt &remainder);
  /// Python's divmod: the quotient is floored and the remainder has the divisor's sign.
  static void divModFloor(const BigInt &a, const BigInt &b, BigInt &quotient, BigInt &remainder);
  BigInt shiftLeft(std::uint64_t bits) const;
  /// Arithmetic shift (floors, as Python's >>).
  BigInt shiftRight(std::uint64_t bits) const;
  friend BigInt operator&(const BigInt &a, const BigInt &b);
  friend BigInt operator|(const BigInt &a, const BigInt &b);
  friend BigInt operator^(const BigInt &a, const BigInt &b);
  /// Python's ~x == -x - 1.
  BigInt invert() const;
  BigInt pow(std::uint64_t exponent) const;

  static int compare(const BigInt &a, const BigInt &b);
  friend bool operator==(const BigInt &a, const BigInt &b) = default;

  /// `mantissa * 2**exponent` (+ a fraction below its last bit when `sticky`), rounded half-even
  /// to a double, subnormals included. `mantissa` must be non-negative. nullopt on overflow.
  static std::optional<double> roundToDouble(const BigInt &mantissa, std::int64_t exponent, bool sticky);
  /// a / b correctly rounded (Python's int true division); nullopt on overflow. `b` non-zero.
  static std::optional<double> trueDivide(const BigInt &a, const BigInt &b);

private:
  using Limbs = std::vector<std::uint32_t>;
  static BigInt make(bool neg, Limbs mag);
  static int compareMag(const Limbs &a, const Limbs &b);
  static Limbs addMag(const Limbs &a, const Limbs &b);
  static Limbs subMag(const Limbs &a, const Limbs &b); // |a| >= |b|
  static void divModMag(const Limbs &a, const Limbs &b, Limbs &q, Limbs &r);
  static void trim(Limbs &v);
  bool testBit(std::uint64_t bit) const;
  /// Whether any bit below `bit` is set in the magnitude.
  bool anyBitBelow(std::uint64_t bit) const;
  /// Two's complement limbs of width `n` (n large enough).
  Limbs twos(std::size_t n) const;
  static BigInt fromTwos(Limbs limbs);

  bool neg_ = false;
  Limbs mag_; // little-endian base 2**32, no high zero limbs
};

} // namespace typhon::constant
