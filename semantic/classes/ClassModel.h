// ClassModel: every class statement of a module with its bases resolved across modules (into
// typeshed's stdlib, builtins included), and what CPython computes when it creates the class:
// __bases__ after __mro_entries__, __mro__ (C3), the metaclass, the instance layout (solid base),
// or the TypeError the class statement raises instead. Unresolvable classes are "unknown": no
// verdict is ever guessed for them or their subclasses.
//
// Thread-safety: a ClassModel is shared by the threads of a run; ModuleClasses of graph modules
// are built once and their facts computed lazily under a lock (computations run unlocked, the
// first stored result wins; results are deterministic).
#pragma once

#include "parser/Node.h"
#include "semantic/SemanticModel.h"

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace typhon {
class ParsedModule;
}

namespace typhon::sema {
class ModuleGraph;
struct Module;
}

namespace typhon::sema::classes {

class ClassModel;
class ModuleClasses;
struct ClassInfo;
struct ClassFacts;

/// A class: its module's class list and its index there. Null when `module` is null.
struct ClassRef {
  const ModuleClasses *module = nullptr;
  std::uint32_t index = 0;

  explicit operator bool() const { return module != nullptr; }
  friend bool operator==(const ClassRef &a, const ClassRef &b) { return a.module == b.module && a.index == b.index; }
  const ClassInfo &info() const;
  /// Facts computed on first use (see ClassFacts).
  const ClassFacts &facts() const;
  /// `module.qualname`, e.g. `builtins.int`, `pkg.mod.Outer.Inner`.
  std::string fullName() const;
};

enum class BaseStatus : std::uint8_t {
  /// Denotes a class with certainty (`cls`).
  Class,
  /// `Generic[...]`, `Protocol[...]` (or a PEP 695 parameter list): its `__mro_entries__` gives
  /// `cls` (typing.Generic / typing.Protocol).
  MroEntries,
  /// A call, another subscript, a conditional or multiple definition, an unknown module, a
  /// decorated class whose decorator may replace it... (`why` says which).
  Unknown,
};

/// One positional base of a class statement.
struct BaseExpr {
  /// The expression (null for the implicit typing.Generic of `class C[T]:`).
  Node node;
  std::string_view text;
  BaseStatus status = BaseStatus::Unknown;
  ClassRef cls;
  std::string why;
};

/// A keyword of the class statement (`metaclass=M`, `total=False`); `name` is empty for `**kw`.
struct ClassKeyword {
  std::string_view name;
  Node value;
};

/// A class decorator and, when certain, the dotted name of what it denotes
/// (`dataclasses.dataclass`, `typing.final`, `functools.total_ordering`).
struct DecoratorInfo {
  Node node;
  /// The decorator expression without arguments (`dataclass` of `@dataclass(frozen=True)`).
  Node callee;
  std::string resolvedName;
  /// `@d(...)` rather than `@d`.
  bool isCall = false;
};

/// A class statement, as written and with its names resolved.
struct ClassInfo {
  /// `__name__` and `__qualname__` (`Outer.Inner`, `f.<locals>.C`).
  std::string name;
  std::string qualname;
  /// class_definition node, its name identifier, and the argument list (null without parentheses).
  Node node;
  Node nameNode;
  Node arguments;
  /// The class body's scope and the scope the statement runs in (in the module's SemanticModel).
  ScopeId bodyScope = kNoId;
  ScopeId definingScope = kNoId;
  /// The ClassDef binding of the name.
  BindingId binding = kNoId;
  /// Positional bases as written (node and text only; ClassFacts::writtenBases has them resolved).
  std::vector<BaseExpr> bases;
  /// `*bases` or `**kwargs` in the class statement: the bases and keywords are not known.
  bool hasStarArguments = false;
  std::vector<ClassKeyword> keywords;
  /// The `metaclass=` value (null when none).
  Node metaclassExpr;
  std::vector<DecoratorInfo> decorators;
  /// `__slots__` when the body assigns it a literal string or a tuple/list of literal strings
  /// (nullopt when absent or not a literal; see slotsState).
  std::optional<std::vector<std::string>> slots;
  enum class SlotsState : std::uint8_t { Absent, Literal, Dynamic } slotsState = SlotsState::Absent;
  /// `class C[T]:` (PEP 695).
  bool hasTypeParameters = false;
  /// Declared in a stub file; with @final (typing.final) for stub classes.
  bool isFinal = false;
  /// Nested in a function (its name is a local).
  bool inFunction = false;

  /// Whether the body binds `name` (a member of the class namespace).
  bool definesMember(const SemanticModel &model, std::string_view name) const;
};

/// An error CPython raises when creating the class (TypeError), in CPython's words.
struct ClassError {
  enum class Kind : std::uint8_t { MetaclassConflict, NotAcceptableBase, LayoutConflict, DuplicateBase, InconsistentMro };
  Kind kind = Kind::InconsistentMro;
  /// CPython's message, e.g. `Cannot create a consistent method resolution order (MRO) for bases A, B`.
  std::string message;
  /// The classes the message is about: the duplicate base, the stuck merge heads, the two
  /// conflicting bases or metaclasses, the unacceptable base.
  std::vector<ClassRef> involved;
  /// Index into ClassInfo::bases of the base to point at (SIZE_MAX: the whole statement).
  std::size_t baseIndex = SIZE_MAX;
};

/// What creating the class yields. Meaningful only when `known`.
struct ClassFacts {
  /// False when some base, the metaclass or a base's facts cannot be determined with certainty.
  bool known = false;
  std::string unknownReason;
  /// The bases as written (ClassInfo::bases) with their resolution (status, cls, why); filled
  /// as far as resolution got, also for unknown classes.
  std::vector<BaseExpr> writtenBases;
  /// `__bases__` after `__mro_entries__` (empty means object).
  std::vector<ClassRef> bases;
  /// The TypeError the class statement raises, the first one in CPython's order: metaclass
  /// conflict, unacceptable base, instance lay-out conflict, duplicate base, inconsistent MRO.
  std::optional<ClassError> error;
  /// `__mro__` (the class first); empty when `error` is set.
  std::vector<ClassRef> mro;
  /// `type(C)`; null when not known (e.g. a metaclass given by a function).
  ClassRef metaclass;
  /// CPython's solid_base(C) (the class whose C struct defines the instance layout); null when
  /// not known (e.g. a stub class whose runtime layout typhon does not know).
  ClassRef solidBase;
  /// The instances are variable-sized (tp_itemsize != 0: int, tuple, bytes and their subclasses).
  bool variableSize = false;
};

/// The classes of one module, in source order (outer classes before the classes nested in them).
class ModuleClasses {
public:
  ModuleClasses(ClassModel &owner, const ParsedModule &parsed, const SemanticModel &semantic, std::string moduleName,
                bool isPackage, bool fromTypeshed);
  ~ModuleClasses();
  ModuleClasses(const ModuleClasses &) = delete;
  ModuleClasses &operator=(const ModuleClasses &) = delete;

  const std::vector<ClassInfo> &classes() const { return classes_; }
  ClassRef ref(std::uint32_t index) const { return {this, index}; }
  /// The class whose class_definition node starts at `startByte`, or null.
  ClassRef classAt(std::uint32_t startByte) const;
  /// A top-level (or nested, `Outer.Inner`) class by qualified name, or null.
  ClassRef byQualname(std::string_view qualname) const;
  /// Computed once, on first use; thread-safe.
  const ClassFacts &facts(std::uint32_t index) const;

  const std::string &moduleName() const { return moduleName_; }
  bool isPackage() const { return isPackage_; }
  bool fromTypeshed() const { return fromTypeshed_; }
  const ParsedModule &parsed() const { return parsed_; }
  const SemanticModel &semantic() const { return semantic_; }
  ClassModel &owner() const { return owner_; }

private:
  friend class ClassCollector;
  ClassModel &owner_;
  const ParsedModule &parsed_;
  const SemanticModel &semantic_;
  std::string moduleName_;
  bool isPackage_;
  bool fromTypeshed_;
  std::vector<ClassInfo> classes_;
  std::map<std::uint32_t, std::uint32_t> byStart_;
  mutable std::mutex mutex_;
  mutable std::vector<std::unique_ptr<ClassFacts>> facts_;
};

/// The class model of a run, over a ModuleGraph. Thread-safe.
class ClassModel {
public:
  explicit ClassModel(ModuleGraph &graph);
  ~ClassModel();
  ClassModel(const ClassModel &) = delete;
  ClassModel &operator=(const ClassModel &) = delete;

  ModuleGraph &graph() const { return graph_; }
  /// The classes of a graph module (built once); null when the module cannot be loaded.
  const ModuleClasses *classesOf(std::string_view moduleName) const;
  const ModuleClasses *classesOf(const Module &module) const;
  /// The classes of a module outside the graph's cache (the file being checked, which may be
  /// an edited version of a file on disk). `parsed` and `semantic` must outlive the result.
  std::unique_ptr<ModuleClasses> classesFor(const ParsedModule &parsed, const SemanticModel &semantic,
                                            std::string moduleName, bool isPackage) const;
  /// A class of builtins (`object`, `type`, `int`), or null when typeshed is missing.
  ClassRef builtin(std::string_view name) const;
  /// `qualname` in module `moduleName` (following re-exports), or null.
  ClassRef lookup(std::string_view moduleName, std::string_view qualname) const;
  /// typhon's stand-in for the runtime classes typing.Generic and typing.Protocol (and the
  /// metaclass typing._ProtocolMeta), whose typeshed declarations are special forms.
  const ModuleClasses &runtimeTyping() const;

private:
  struct Shim;
  ModuleGraph &graph_;
  mutable std::mutex mutex_;
  mutable std::map<const Module *, std::unique_ptr<ModuleClasses>> modules_;
  mutable std::once_flag shimOnce_;
  mutable std::unique_ptr<Shim> shim_;
};

/// The class an expression of module `mc` (a name, an attribute chain, parenthesized) denotes at
/// that position, when certain; null otherwise.
ClassRef classOfExpression(const ModuleClasses &mc, Node expr);

/// `__mro__` names as CPython prints them (`__name__` of each class).
std::vector<std::string> mroNames(const ClassFacts &facts);

// ---- Members, ABCs, dataclasses (see ClassMembers.cpp) -------------------------------------

/// Where a name is found by attribute lookup on the class: the first class along the MRO whose
/// body binds it. Null `owner` when no class defines it; nullopt when the MRO is not known.
struct MemberLookup {
  ClassRef owner;
  SymbolId symbol = kNoId;
};
std::optional<MemberLookup> lookupMember(ClassRef cls, std::string_view name);

/// `__abstractmethods__` as ABCMeta computes it (sorted names): members of the class decorated
/// with @abstractmethod (or abstract properties etc.), plus inherited abstract names that
/// `getattr(cls, name)` still finds abstract. nullopt when not known (unknown MRO, a member whose
/// abstractness cannot be decided). Meaningful for classes whose metaclass derives from ABCMeta.
std::optional<std::vector<std::string>> abstractMethods(ClassRef cls);
/// Whether the final value of `name` in the class body has `__isabstractmethod__` set (false when
/// the body does not bind it; nullopt when not known: an unknown decorator over @abstractmethod,
/// a value that is neither a function nor a literal).
std::optional<bool> isAbstractMember(ClassRef cls, std::string_view name);
/// Whether the metaclass derives from abc.ABCMeta (nullopt when unknown).
std::optional<bool> isAbcMetaclass(ClassRef cls);

/// The `@dataclass` decorator's parameters, when the class has one.
struct DataclassOptions {
  Node decorator;
  bool init = true, repr = true, eq = true, order = false, unsafeHash = false, frozen = false;
  bool matchArgs = true, kwOnly = false, slots = false, weakrefSlot = false;
  /// A parameter whose value is not a literal True/False.
  bool hasDynamicOption = false;
};
std::optional<DataclassOptions> dataclassOptions(ClassRef cls);

/// A dataclass field, as `__dataclass_fields__` lists it: dataclasses.fields() plus the ClassVar
/// and InitVar pseudo-fields (flagged).
struct DataclassField {
  std::string name;
  /// The class whose body declares it, and the annotated assignment / annotation statement.
  ClassRef owner;
  Node node;
  Node annotation;
  Node defaultValue;
  bool hasDefault = false;
  bool hasDefaultFactory = false;
  bool kwOnly = false;
  bool init = true;
  bool isClassVar = false;
  bool isInitVar = false;
};
/// Fields in MRO order (base classes' fields first, overridden in place), honouring kw_only,
/// `_: KW_ONLY` and `field(...)`. nullopt when the class or a dataclass base is not known.
std::optional<std::vector<DataclassField>> dataclassFields(ClassRef cls);

} // namespace typhon::sema::classes
