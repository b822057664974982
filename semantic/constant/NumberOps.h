// Arithmetic on int, float and complex constants, following CPython's longobject.c,
// floatobject.c and complexobject.c operation by operation.
#pragma once

#include "semantic/constant/Operations.h"

#include <optional>

namespace typhon::constant {

/// float(x) of a bool, int or float; OverflowError when the int is too large.
Result<double> toDouble(const PyConst &value);
/// Exact three-way comparison of two real numbers (bool, int, float); nullopt when one is NaN.
std::optional<int> compareReal(const PyConst &a, const PyConst &b);

Result<PyConst> intBinary(BinaryOp op, const BigInt &a, const BigInt &b, const Limits &limits);
Result<PyConst> floatBinary(BinaryOp op, double a, double b, const Limits &limits);
/// `leftReal`/`rightReal`: the operand was an int or float converted to complex (mixed-mode).
Result<PyConst> complexBinary(BinaryOp op, Complex a, Complex b, bool leftReal, bool rightReal, const Limits &limits);
/// CPython's float_pow.
Result<PyConst> floatPow(double base, double exponent, const Limits &limits);

} // namespace typhon::constant
