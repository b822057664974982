// PyConst helpers: type names, truthiness, identity for round-trip checks, item counts.
#include "semantic/constant/Value.h"

#include <bit>
#include <cmath>

namespace typhon::constant {

bool PyConst::isNumber() const {
  switch (type()) {
  case Type::Bool:
  case Type::Int:
  case Type::Float:
  case Type::Complex: return true;
  default: return false;
  }
}

std::string_view typeName(Type t) {
  switch (t) {
  case Type::None: return "NoneType";
  case Type::Ellipsis: return "ellipsis";
  case Type::Bool: return "bool";
  case Type::Int: return "int";
  case Type::Float: return "float";
  case Type::Complex: return "complex";
  case Type::Str: return "str";
  case Type::Bytes: return "bytes";
  case Type::Tuple: return "tuple";
  }
  return "object";
}

bool truthy(const PyConst &v) {
  switch (v.type()) {
  case Type::None: return false;
  case Type::Ellipsis: return true;
  case Type::Bool: return v.asBool();
  case Type::Int: return !v.asInt().isZero();
  case Type::Float: return v.asFloat() != 0.0; // NaN is true
  case Type::Complex: return v.asComplex().real != 0.0 || v.asComplex().imag != 0.0;
  case Type::Str: return !v.asStr().empty();
  case Type::Bytes: return !v.asBytes().empty();
  case Type::Tuple: return !v.asTuple().empty();
  }
  return true;
}

static bool sameBits(double a, double b) { return std::bit_cast<std::uint64_t>(a) == std::bit_cast<std::uint64_t>(b); }

bool identical(const PyConst &a, const PyConst &b) {
  if (a.type() != b.type()) return false;
  switch (a.type()) {
  case Type::None:
  case Type::Ellipsis: return true;
  case Type::Bool: return a.asBool() == b.asBool();
  case Type::Int: return a.asInt() == b.asInt();
  case Type::Float: return sameBits(a.asFloat(), b.asFloat());
  case Type::Complex:
    return sameBits(a.asComplex().real, b.asComplex().real) && sameBits(a.asComplex().imag, b.asComplex().imag);
  case Type::Str: return a.asStr() == b.asStr();
  case Type::Bytes: return a.asBytes() == b.asBytes();
  case Type::Tuple: {
    const TupleItems &x = a.asTuple(), &y = b.asTuple();
    if (x.size() != y.size()) return false;
    for (std::size_t i = 0; i < x.size(); ++i)
      if (!identical(x[i], y[i])) return false;
    return true;
  }
  }
  return false;
}

std::size_t totalItems(const PyConst &v) {
  if (!v.is(Type::Tuple)) return 0;
  std::size_t n = v.asTuple().size();
  for (const PyConst &item : v.asTuple()) n += totalItems(item);
  return n;
}

bool containsNan(const PyConst &v) {
  switch (v.type()) {
  case Type::Float: return std::isnan(v.asFloat());
  case Type::Complex: return std::isnan(v.asComplex().real) || std::isnan(v.asComplex().imag);
  case Type::Tuple:
    for (const PyConst &item : v.asTuple())
      if (containsNan(item)) return true;
    return false;
  default: return false;
  }
}

} // namespace typhon::constant
