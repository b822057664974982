// Shared facts of the dataclass, enum and NamedTuple checks: what a name or dotted expression is
// bound to (through the binder's import bindings, never by spelling alone), `@dataclass` options,
// dataclass fields, and enum classes. Everything here answers "unknown" rather than guess.
#pragma once

#include "checkers/Check.h"
#include "semantic/SemanticModel.h"

#include <optional>
#include <string>
#include <vector>

namespace typhon::dc {

/// Resolves expressions of one module.
class Facts {
public:
  Facts(const CheckContext &ctx, const sema::SemanticModel &model) : ctx_(ctx), model_(model) {}

  const CheckContext &ctx() const { return ctx_; }
  const sema::SemanticModel &model() const { return model_; }
  std::string_view text(Node n) const { return ctx_.textOf(n); }

  /// The fully qualified name an identifier or dotted attribute denotes when every binding that
  /// reaches it is an import of the same thing: "dataclasses.dataclass", "enum.Enum",
  /// "builtins.list" (`typing_extensions.X` is reported as `typing.X`). Empty when unknown.
  std::string qualifiedName(Node expr) const;
  /// The class_definition node a name denotes in this module (every reaching binding is that
  /// class statement), or a null node.
  Node localClass(Node expr) const;

private:
  std::string qualifiedName(Node expr, int depth) const;
  /// The bindings a reference at `identifier` may see (empty when not resolved in this module).
  std::vector<const sema::Binding *> bindingsOf(Node identifier, bool &builtin) const;

  const CheckContext &ctx_;
  const sema::SemanticModel &model_;
};

/// A tri-state option of `@dataclass(...)`.
enum class Opt { False, True, Unknown };

struct DataclassOptions {
  Node decorator;
  Opt init = Opt::True, eq = Opt::True, order = Opt::False, unsafeHash = Opt::False, frozen = Opt::False,
      slots = Opt::False, kwOnly = Opt::False;
  /// Keyword arguments by name, for reporting: `order=True`...
  Node orderArg, eqArg, unsafeHashArg, frozenArg, slotsArg;
  /// `**kwargs` or positional arguments: some options cannot be known.
  bool opaque = false;
};

/// The `@dataclass` options of a class_definition (whose parent may be a decorated_definition),
/// or nullopt when no decorator resolves to `dataclasses.dataclass`.
std::optional<DataclassOptions> dataclassOptions(const Facts &facts, Node classDef);

struct Field {
  Node name;       // identifier
  Node annotation; // the `type` node
  Node value;      // right-hand side, or null
  bool hasDefault = false;
  /// The default is a value the decorator leaves as class attribute (not a default_factory).
  bool classAttributeDefault = false;
  bool kwOnly = false;
  bool init = true;
  bool initVar = false;
  /// `x = field(...)` without annotation: not a field (invalid-dataclass-definition).
  bool unannotatedField = false;
};

/// The fields a class body declares, in order (ClassVar and the `KW_ONLY` marker left out), or
/// nullopt when the body makes them unknowable (annotations inside nested statements).
/// `kwOnlyDefault` is the decorator's `kw_only`.
std::optional<std::vector<Field>> ownFields(const Facts &facts, Node classDef, bool kwOnlyDefault);

/// The single `dataclasses.field(...)` call a value is, or null.
Node fieldCall(const Facts &facts, Node value);
/// The keyword_argument node `name=...` of a call, or null.
Node keywordArgument(const Facts &facts, Node call, std::string_view name);
/// Literal `True`/`False` (anything else: Unknown).
Opt literalBool(Node n);

/// The class body's direct statements, with decorated definitions unwrapped to their definition.
std::vector<Node> bodyStatements(Node classDef);
/// The name of a class or function definition (text), or "".
std::string_view definitionName(const Facts &facts, Node def);

/// Whether a class is an enum: some base resolves to a class of the `enum` module
/// (Enum, IntEnum, StrEnum, Flag, IntFlag, ReprEnum) or to an enum class of this module.
/// Unknown bases make the answer false.
bool isEnumClass(const Facts &facts, Node classDef, int depth = 0);

/// Every dataclass field of a class in order, as `dataclasses` collects them: the fields of the
/// base dataclasses (a field redefined later keeps its first position), then its own. nullopt
/// when some base is not a class of this module, there are several bases, or a body is unknowable.
std::optional<std::vector<Field>> hierarchyFields(const Facts &facts, Node classDef, int depth = 0);

/// A function definition directly in the class body (the last one of that name), or null.
Node findMethod(const Facts &facts, Node classDef, std::string_view name);

/// How to spell `dataclasses.field` in the class body: "field" when imported so at module level,
/// "dc.field" for `import dataclasses as dc`, "" when neither (no fix then).
std::string fieldSpelling(const Facts &facts, Node classDef);

/// Python's repr() of a str without escapes beyond quotes and backslashes.
std::string pyRepr(std::string_view s);

/// The qualified name of `__qualname__` for a class visited with the given ancestors.
std::string qualifiedClassName(const Facts &facts, Node classDef, const std::vector<Node> &ancestors);

} // namespace typhon::dc
