// PyConst: the value model of constant folding — Python's immutable built-in constants — and the
// error values evaluation returns instead of raising.
#pragma once

#include "semantic/constant/BigInt.h"

#include <cstdint>
#include <expected>
#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace typhon::constant {

enum class Type : std::uint8_t { None, Ellipsis, Bool, Int, Float, Complex, Str, Bytes, Tuple };

struct Complex {
  double real = 0;
  double imag = 0;
};

class PyConst;
using TupleItems = std::vector<PyConst>;

/// A constant of one of Python's immutable built-in types. Cheap to copy (tuples are shared).
class PyConst {
public:
  static PyConst none() { return PyConst(Storage(std::in_place_index<0>)); }
  static PyConst ellipsis() { return PyConst(Storage(std::in_place_index<1>)); }
  static PyConst boolean(bool v) { return PyConst(Storage(std::in_place_index<2>, v)); }
  static PyConst integer(BigInt v) { return PyConst(Storage(std::in_place_index<3>, std::move(v))); }
  static PyConst floating(double v) { return PyConst(Storage(std::in_place_index<4>, v)); }
  static PyConst complex(double real, double imag) {
    return PyConst(Storage(std::in_place_index<5>, Complex{real, imag}));
  }
  static PyConst str(std::u32string v) { return PyConst(Storage(std::in_place_index<6>, std::move(v))); }
  static PyConst bytes(std::string v) { return PyConst(Storage(std::in_place_index<7>, BytesBox{std::move(v)})); }
  static PyConst tuple(TupleItems items) {
    return PyConst(Storage(std::in_place_index<8>, std::make_shared<const TupleItems>(std::move(items))));
  }

  Type type() const { return static_cast<Type>(value_.index()); }
  bool is(Type t) const { return type() == t; }
  /// bool, int, float or complex.
  bool isNumber() const;
  /// bool or int (Python's int, of which bool is a subclass).
  bool isIntegral() const { return is(Type::Bool) || is(Type::Int); }

  bool asBool() const { return std::get<2>(value_); }
  const BigInt &asInt() const { return std::get<3>(value_); }
  /// The int value of a bool or int.
  BigInt toBigInt() const { return is(Type::Bool) ? BigInt(asBool() ? 1 : 0) : asInt(); }
  double asFloat() const { return std::get<4>(value_); }
  Complex asComplex() const { return std::get<5>(value_); }
  const std::u32string &asStr() const { return std::get<6>(value_); }
  const std::string &asBytes() const { return std::get<7>(value_).data; }
  const TupleItems &asTuple() const { return *std::get<8>(value_); }

private:
  struct BytesBox {
    std::string data;
  };
  using Storage = std::variant<std::monostate, std::monostate, bool, BigInt, double, Complex, std::u32string, BytesBox,
                               std::shared_ptr<const TupleItems>>;
  explicit PyConst(Storage v) : value_(std::move(v)) {}
  Storage value_;
};

/// Python's type name: "int", "float", "str", "NoneType", ...
std::string_view typeName(Type t);
/// bool(value).
bool truthy(const PyConst &value);
/// Same type and same value, floats compared bit for bit (so -0.0 differs from 0.0, and a NaN
/// equals the same NaN): what re-emission must reproduce.
bool identical(const PyConst &a, const PyConst &b);
/// Items of a tuple including those of nested tuples (CPython's check_complexity count).
std::size_t totalItems(const PyConst &value);
/// Whether a float or complex NaN occurs anywhere in the value.
bool containsNan(const PyConst &value);

/// Why a value could not be computed.
enum class Failure : std::uint8_t {
  /// Some operand is not a constant (a name, a call, a list display, ...).
  NotConstant,
  /// Constant, but the operation is not modelled or depends on the platform (float `**`, `%`
  /// formatting, `~True`, `\N{...}` escapes).
  Unsupported,
  /// The result would exceed the size limits in force.
  TooLarge,
  /// Python raises when evaluating it; `exception` names the exception.
  Raises,
};

struct EvalError {
  Failure kind = Failure::NotConstant;
  /// For Raises: "ZeroDivisionError", "OverflowError", "ValueError", "TypeError".
  std::string exception;
  std::string message;
  /// The source range of the operation that fails (0, 0 when not known).
  std::uint32_t startByte = 0;
  std::uint32_t endByte = 0;
};

template <class T> using Result = std::expected<T, EvalError>;

inline std::unexpected<EvalError> fail(Failure kind) { return std::unexpected(EvalError{kind, {}, {}}); }
inline std::unexpected<EvalError> raises(std::string exception, std::string message) {
  return std::unexpected(EvalError{Failure::Raises, std::move(exception), std::move(message)});
}

/// Size limits. `folding()` are CPython's AST optimizer limits (Python/ast_opt.c), applied per
/// operation as CPython does; `analysis()` bounds what checks compute.
struct Limits {
  std::uint64_t maxIntBits = 128;
  std::size_t maxStrLength = 4096;
  std::size_t maxCollectionSize = 256;
  std::size_t maxTotalItems = 1024;
  /// Refuse results that depend on the platform's libm or on the CPython version (float `**`
  /// unless exact, version-dependent signed zeros of mixed complex arithmetic).
  bool exactOnly = true;

  static Limits folding() { return {}; }
  static Limits analysis() { return {4096, 65536, 4096, 65536, false}; }
};

} // namespace typhon::constant
