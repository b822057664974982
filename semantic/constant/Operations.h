// Python's operators on constants: unary, binary (with CPython's folding size limits) and
// comparisons. Pure functions; anything Python would raise comes back as Failure::Raises.
#pragma once

#include "semantic/constant/Value.h"

#include <string_view>

namespace typhon::constant {

enum class UnaryOp : std::uint8_t { Neg, Pos, Invert, Not };
enum class BinaryOp : std::uint8_t { Add, Sub, Mul, TrueDiv, FloorDiv, Mod, Pow, LShift, RShift, BitAnd, BitOr, BitXor, MatMul };
enum class CompareOp : std::uint8_t { Eq, NotEq, Lt, LtE, Gt, GtE, In, NotIn, Is, IsNot };

std::string_view spelling(UnaryOp op);
std::string_view spelling(BinaryOp op);
std::string_view spelling(CompareOp op);

Result<PyConst> unaryOp(UnaryOp op, const PyConst &operand, const Limits &limits);
Result<PyConst> binaryOp(BinaryOp op, const PyConst &left, const PyConst &right, const Limits &limits);
/// One comparison (`a < b`); chains are evaluated by the caller, pairwise.
Result<bool> compare(CompareOp op, const PyConst &left, const PyConst &right);

/// `a == b` as Python computes it for constants (1 == 1.0 == True, exact int/float comparison).
/// Unsupported when a NaN inside a tuple would make the answer depend on object identity.
Result<bool> equals(const PyConst &a, const PyConst &b);

} // namespace typhon::constant
