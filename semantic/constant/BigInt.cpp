// BigInt: sign-magnitude base-2**32 integers; Knuth's algorithm D for division.
#include "semantic/constant/BigInt.h"

#include <algorithm>
#include <bit>
#include <cmath>

namespace typhon::constant {

namespace {
constexpr std::uint64_t kBase = 1ull << 32;
} // namespace

BigInt::BigInt(std::int64_t value) {
  neg_ = value < 0;
  std::uint64_t m = neg_ ? ~static_cast<std::uint64_t>(value) + 1 : static_cast<std::uint64_t>(value);
  while (m) {
    mag_.push_back(static_cast<std::uint32_t>(m));
    m >>= 32;
  }
}

BigInt BigInt::make(bool neg, Limbs mag) {
  trim(mag);
  BigInt out;
  out.neg_ = neg && !mag.empty();
  out.mag_ = std::move(mag);
  return out;
}

void BigInt::trim(Limbs &v) {
  while (!v.empty() && v.back() == 0) v.pop_back();
}

std::optional<BigInt> BigInt::parse(std::string_view digits, int base) {
  if (base < 2 || base > 36) return std::nullopt;
  Limbs mag;
  bool any = false;
  for (char c : digits) {
    if (c == '_') continue;
    int d = -1;
    if (c >= '0' && c <= '9') d = c - '0';
    else if (c >= 'a' && c <= 'z') d = c - 'a' + 10;
    else if (c >= 'A' && c <= 'Z') d = c - 'A' + 10;
    if (d < 0 || d >= base) return std::nullopt;
    any = true;
    std::uint64_t carry = static_cast<std::uint64_t>(d);
    for (std::uint32_t &limb : mag) {
      std::uint64_t cur = static_cast<std::uint64_t>(limb) * static_cast<std::uint64_t>(base) + carry;
      limb = static_cast<std::uint32_t>(cur);
      carry = cur >> 32;
    }
    if (carry) mag.push_back(static_cast<std::uint32_t>(carry));
  }
  if (!any) return std::nullopt;
  return make(false, std::move(mag));
}

std::optional<BigInt> BigInt::fromDouble(double value) {
  if (!std::isfinite(value) || std::trunc(value) != value) return std::nullopt;
  if (value == 0) return BigInt();
  int exp = 0;
  double frac = std::frexp(std::fabs(value), &exp); // value = frac * 2**exp, frac in [0.5, 1)
  auto mant = static_cast<std::uint64_t>(std::ldexp(frac, 53));
  BigInt m;
  m.mag_ = {static_cast<std::uint32_t>(mant), static_cast<std::uint32_t>(mant >> 32)};
  trim(m.mag_);
  int shift = exp - 53;
  BigInt out = shift >= 0 ? m.shiftLeft(static_cast<std::uint64_t>(shift)) : m.shiftRight(static_cast<std::uint64_t>(-shift));
  return value < 0 ? -out : out;
}

std::uint64_t BigInt::bitLength() const {
  if (mag_.empty()) return 0;
  return (mag_.size() - 1) * 32 + (32 - static_cast<std::uint64_t>(std::countl_zero(mag_.back())));
}

std::optional<std::int64_t> BigInt::toInt64() const {
  if (mag_.size() > 2) return std::nullopt;
  std::uint64_t m = 0;
  for (std::size_t i = mag_.size(); i-- > 0;) m = (m << 32) | mag_[i];
  if (!neg_) {
    if (m > static_cast<std::uint64_t>(INT64_MAX)) return std::nullopt;
    return static_cast<std::int64_t>(m);
  }
  if (m > static_cast<std::uint64_t>(INT64_MAX) + 1) return std::nullopt;
  return static_cast<std::int64_t>(~m + 1);
}

bool BigInt::anyBitBelow(std::uint64_t bit) const {
  std::uint64_t full = bit / 32;
  for (std::size_t i = 0; i < mag_.size() && i < full; ++i)
    if (mag_[i]) return true;
  if (full >= mag_.size() || bit % 32 == 0) return false;
  return (mag_[full] & ((1u << (bit % 32)) - 1)) != 0;
}

bool BigInt::testBit(std::uint64_t bit) const {
  std::uint64_t limb = bit / 32;
  if (limb >= mag_.size()) return false;
  return (mag_[limb] >> (bit % 32)) & 1u;
}

std::optional<double> BigInt::roundToDouble(const BigInt &m, std::int64_t e, bool sticky) {
  if (m.isZero()) return 0.0;
  auto n = static_cast<std::int64_t>(m.bitLength());
  std::int64_t top = n - 1 + e;
  if (top >= 1024) return std::nullopt;
  std::int64_t precision = top >= -1022 ? 53 : 53 - (-1022 - top);
  std::int64_t drop = n - precision;
  if (drop <= 0) {
    std::uint64_t v = 0;
    for (std::size_t i = m.mag_.size(); i-- > 0;) v = (v << 32) | m.mag_[i];
    return std::ldexp(static_cast<double>(v), static_cast<int>(e));
  }
  BigInt q = m.shiftRight(static_cast<std::uint64_t>(drop));
  bool half = m.testBit(static_cast<std::uint64_t>(drop - 1));
  bool lower = sticky || m.anyBitBelow(static_cast<std::uint64_t>(drop - 1));
  if (half && (lower || q.isOdd())) q = q + BigInt(1);
  std::uint64_t v = 0;
  for (std::size_t i = q.mag_.size(); i-- > 0;) v = (v << 32) | q.mag_[i];
  double out = std::ldexp(static_cast<double>(v), static_cast<int>(e + drop));
  if (std::isinf(out)) return std::nullopt;
  return out;
}

std::optional<double> BigInt::toDouble() const {
  auto v = roundToDouble(abs(), 0, false);
  if (!v) return std::nullopt;
  return neg_ ? -*v : *v;
}

std::optional<double> BigInt::trueDivide(const BigInt &a, const BigInt &b) {
  bool negative = a.neg_ != b.neg_;
  if (a.bitLength() <= 53 && b.bitLength() <= 53) return *a.toDouble() / *b.toDouble();
  if (a.isZero()) return negative ? -0.0 : 0.0;
  auto na = static_cast<std::int64_t>(a.bitLength());
  auto nb = static_cast<std::int64_t>(b.bitLength());
  std::int64_t shift = nb - na + 55;
  BigInt num = a.abs(), den = b.abs();
  if (shift >= 0) num = num.shiftLeft(static_cast<std::uint64_t>(shift));
  else den = den.shiftLeft(static_cast<std::uint64_t>(-shift));
  BigInt q, r;
  divModTrunc(num, den, q, r);
  auto v = roundToDouble(q, -shift, !r.isZero());
  if (!v) return std::nullopt;
  return negative ? -*v : *v;
}

std::string BigInt::toString() const {
  if (mag_.empty()) return "0";
  Limbs cur = mag_;
  std::vector<std::uint32_t> chunks; // base 10**9, little-endian
  while (!cur.empty()) {
    std::uint64_t rem = 0;
    for (std::size_t i = cur.size(); i-- > 0;) {
      std::uint64_t v = (rem << 32) | cur[i];
      cur[i] = static_cast<std::uint32_t>(v / 1000000000u);
      rem = v % 1000000000u;
    }
    trim(cur);
    chunks.push_back(static_cast<std::uint32_t>(rem));
  }
  std::string out = neg_ ? "-" : "";
  out += std::to_string(chunks.back());
  for (std::size_t i = chunks.size() - 1; i-- > 0;) {
    std::string part = std::to_string(chunks[i]);
    out.append(9 - part.size(), '0');
    out += part;
  }
  return out;
}

BigInt BigInt::operator-() const { return make(!neg_, mag_); }
BigInt BigInt::abs() const { return make(false, mag_); }

int BigInt::compareMag(const Limbs &a, const Limbs &b) {
  if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
  for (std::size_t i = a.size(); i-- > 0;)
    if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
  return 0;
}

int BigInt::compare(const BigInt &a, const BigInt &b) {
  if (a.neg_ != b.neg_) return a.neg_ ? -1 : 1;
  int c = compareMag(a.mag_, b.mag_);
  return a.neg_ ? -c : c;
}

BigInt::Limbs BigInt::addMag(const Limbs &a, const Limbs &b) {
  const Limbs &lo = a.size() < b.size() ? a : b;
  const Limbs &hi = a.size() < b.size() ? b : a;
  Limbs out(hi.size() + 1, 0);
  std::uint64_t carry = 0;
  for (std::size_t i = 0; i < hi.size(); ++i) {
    std::uint64_t s = static_cast<std::uint64_t>(hi[i]) + (i < lo.size() ? lo[i] : 0) + carry;
    out[i] = static_cast<std::uint32_t>(s);
    carry = s >> 32;
  }
  out[hi.size()] = static_cast<std::uint32_t>(carry);
  trim(out);
  return out;
}

BigInt::Limbs BigInt::subMag(const Limbs &a, const Limbs &b) {
  Limbs out(a.size(), 0);
  std::int64_t borrow = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    std::int64_t d = static_cast<std::int64_t>(a[i]) - (i < b.size() ? b[i] : 0) - borrow;
    borrow = d < 0;
    out[i] = static_cast<std::uint32_t>(d + (borrow ? static_cast<std::int64_t>(kBase) : 0));
  }
  trim(out);
  return out;
}

BigInt operator+(const BigInt &a, const BigInt &b) {
  if (a.neg_ == b.neg_) return BigInt::make(a.neg_, BigInt::addMag(a.mag_, b.mag_));
  int c = BigInt::compareMag(a.mag_, b.mag_);
  if (c == 0) return BigInt();
  if (c > 0) return BigInt::make(a.neg_, BigInt::subMag(a.mag_, b.mag_));
  return BigInt::make(b.neg_, BigInt::subMag(b.mag_, a.mag_));
}

BigInt operator-(const BigInt &a, const BigInt &b) { return a + (-b); }

BigInt operator*(const BigInt &a, const BigInt &b) {
  if (a.isZero() || b.isZero()) return BigInt();
  BigInt::Limbs out(a.mag_.size() + b.mag_.size(), 0);
  for (std::size_t i = 0; i < a.mag_.size(); ++i) {
    std::uint64_t carry = 0;
    for (std::size_t j = 0; j < b.mag_.size(); ++j) {
      std::uint64_t cur = static_cast<std::uint64_t>(a.mag_[i]) * b.mag_[j] + out[i + j] + carry;
      out[i + j] = static_cast<std::uint32_t>(cur);
      carry = cur >> 32;
    }
    out[i + b.mag_.size()] = static_cast<std::uint32_t>(carry);
  }
  return BigInt::make(a.neg_ != b.neg_, std::move(out));
}

void BigInt::divModMag(const Limbs &a, const Limbs &b, Limbs &q, Limbs &r) {
  if (compareMag(a, b) < 0) {
    q.clear();
    r = a;
    return;
  }
  if (b.size() == 1) {
    std::uint64_t rem = 0;
    q.assign(a.size(), 0);
    for (std::size_t i = a.size(); i-- > 0;) {
      std::uint64_t cur = (rem << 32) | a[i];
      q[i] = static_cast<std::uint32_t>(cur / b[0]);
      rem = cur % b[0];
    }
    trim(q);
    r.clear();
    if (rem) r.push_back(static_cast<std::uint32_t>(rem));
    return;
  }
  // Knuth, TAOCP vol. 2, 4.3.1, algorithm D (after Hacker's Delight's divmnu).
  int s = std::countl_zero(b.back());
  std::size_t n = b.size(), m = a.size() - n;
  Limbs vn(n), un(a.size() + 1);
  for (std::size_t i = n; i-- > 1;)
    vn[i] = (b[i] << s) | (s ? static_cast<std::uint32_t>(static_cast<std::uint64_t>(b[i - 1]) >> (32 - s)) : 0);
  vn[0] = b[0] << s;
  un[a.size()] = s ? static_cast<std::uint32_t>(static_cast<std::uint64_t>(a.back()) >> (32 - s)) : 0;
  for (std::size_t i = a.size(); i-- > 1;)
    un[i] = (a[i] << s) | (s ? static_cast<std::uint32_t>(static_cast<std::uint64_t>(a[i - 1]) >> (32 - s)) : 0);
  un[0] = a[0] << s;
  q.assign(m + 1, 0);
  for (std::size_t j = m + 1; j-- > 0;) {
    std::uint64_t num = (static_cast<std::uint64_t>(un[j + n]) << 32) | un[j + n - 1];
    std::uint64_t qhat = num / vn[n - 1];
    std::uint64_t rhat = num % vn[n - 1];
    while (qhat >= kBase || qhat * vn[n - 2] > ((rhat << 32) | un[j + n - 2])) {
      --qhat;
      rhat += vn[n - 1];
      if (rhat >= kBase) break;
    }
    std::int64_t borrow = 0;
    std::uint64_t carry = 0;
    for (std::size_t i = 0; i < n; ++i) {
      std::uint64_t p = qhat * vn[i] + carry;
      carry = p >> 32;
      std::int64_t t = static_cast<std::int64_t>(un[i + j]) - borrow - static_cast<std::int64_t>(p & 0xffffffffu);
      un[i + j] = static_cast<std::uint32_t>(t);
      borrow = t < 0 ? 1 : 0;
    }
    std::int64_t t = static_cast<std::int64_t>(un[j + n]) - borrow - static_cast<std::int64_t>(carry);
    un[j + n] = static_cast<std::uint32_t>(t);
    if (t < 0) {
      --qhat;
      std::uint64_t c = 0;
      for (std::size_t i = 0; i < n; ++i) {
        std::uint64_t sum = static_cast<std::uint64_t>(un[i + j]) + vn[i] + c;
        un[i + j] = static_cast<std::uint32_t>(sum);
        c = sum >> 32;
      }
      un[j + n] = static_cast<std::uint32_t>(un[j + n] + c);
    }
    q[j] = static_cast<std::uint32_t>(qhat);
  }
  trim(q);
  r.assign(n, 0);
  for (std::size_t i = 0; i < n; ++i)
    r[i] = (un[i] >> s) | (s ? static_cast<std::uint32_t>(static_cast<std::uint64_t>(un[i + 1]) << (32 - s)) : 0);
  trim(r);
}

void BigInt::divModTrunc(const BigInt &a, const BigInt &b, BigInt &quotient, BigInt &remainder) {
  Limbs q, r;
  divModMag(a.mag_, b.mag_, q, r);
  quotient = make(a.neg_ != b.neg_, std::move(q));
  remainder = make(a.neg_, std::move(r));
}

void BigInt::divModFloor(const BigInt &a, const BigInt &b, BigInt &quotient, BigInt &remainder) {
  divModTrunc(a, b, quotient, remainder);
  if (!remainder.isZero() && remainder.neg_ != b.neg_) {
    quotient = quotient - BigInt(1);
    remainder = remainder + b;
  }
}

BigInt BigInt::shiftLeft(std::uint64_t bits) const {
  if (isZero() || bits == 0) return *this;
  std::size_t limbs = bits / 32;
  unsigned s = bits % 32;
  Limbs out(limbs, 0);
  out.reserve(limbs + mag_.size() + 1);
  std::uint32_t carry = 0;
  for (std::uint32_t limb : mag_) {
    out.push_back((limb << s) | carry);
    carry = s ? static_cast<std::uint32_t>(static_cast<std::uint64_t>(limb) >> (32 - s)) : 0;
  }
  out.push_back(carry);
  return make(neg_, std::move(out));
}

BigInt BigInt::shiftRight(std::uint64_t bits) const {
  if (isZero() || bits == 0) return *this;
  if (neg_) return -((-*this - BigInt(1)).shiftRight(bits)) - BigInt(1);
  std::uint64_t limbs = bits / 32;
  if (limbs >= mag_.size()) return BigInt();
  unsigned s = bits % 32;
  Limbs out(mag_.size() - limbs, 0);
  for (std::size_t i = 0; i < out.size(); ++i) {
    std::uint64_t lo = mag_[i + limbs];
    std::uint64_t hi = i + limbs + 1 < mag_.size() ? mag_[i + limbs + 1] : 0;
    out[i] = static_cast<std::uint32_t>(((hi << 32) | lo) >> s);
  }
  return make(false, std::move(out));
}

BigInt::Limbs BigInt::twos(std::size_t n) const {
  Limbs out(mag_);
  out.resize(n, 0);
  if (!neg_) return out;
  std::uint64_t carry = 1;
  for (std::uint32_t &limb : out) {
    std::uint64_t v = static_cast<std::uint64_t>(static_cast<std::uint32_t>(~limb)) + carry;
    limb = static_cast<std::uint32_t>(v);
    carry = v >> 32;
  }
  return out;
}

BigInt BigInt::fromTwos(Limbs limbs) {
  bool negative = !limbs.empty() && (limbs.back() >> 31);
  if (!negative) return make(false, std::move(limbs));
  std::uint64_t carry = 1;
  for (std::uint32_t &limb : limbs) {
    std::uint64_t v = static_cast<std::uint64_t>(static_cast<std::uint32_t>(~limb)) + carry;
    limb = static_cast<std::uint32_t>(v);
    carry = v >> 32;
  }
  return make(true, std::move(limbs));
}

BigInt operator&(const BigInt &a, const BigInt &b) {
  std::size_t n = std::max(a.mag_.size(), b.mag_.size()) + 1;
  auto ta = a.twos(n), tb = b.twos(n);
  for (std::size_t i = 0; i < n; ++i) ta[i] &= tb[i];
  return BigInt::fromTwos(std::move(ta));
}

BigInt operator|(const BigInt &a, const BigInt &b) {
  std::size_t n = std::max(a.mag_.size(), b.mag_.size()) + 1;
  auto ta = a.twos(n), tb = b.twos(n);
  for (std::size_t i = 0; i < n; ++i) ta[i] |= tb[i];
  return BigInt::fromTwos(std::move(ta));
}

BigInt operator^(const BigInt &a, const BigInt &b) {
  std::size_t n = std::max(a.mag_.size(), b.mag_.size()) + 1;
  auto ta = a.twos(n), tb = b.twos(n);
  for (std::size_t i = 0; i < n; ++i) ta[i] ^= tb[i];
  return BigInt::fromTwos(std::move(ta));
}

BigInt BigInt::invert() const { return -*this - BigInt(1); }

BigInt BigInt::pow(std::uint64_t exponent) const {
  BigInt result(1), base = *this;
  while (exponent) {
    if (exponent & 1) result = result * base;
    exponent >>= 1;
    if (exponent) base = base * base;
  }
  return result;
}

} // namespace typhon::constant
