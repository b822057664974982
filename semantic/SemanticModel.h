// SemanticModel: the immutable product of binding one module — scopes, symbols, bindings, references.
#pragma once

#include "parser/Node.h"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace typhon::sema {

using ScopeId = std::uint32_t;
using SymbolId = std::uint32_t;
using BindingId = std::uint32_t;
using ReferenceId = std::uint32_t;
inline constexpr std::uint32_t kNoId = UINT32_MAX;

/// Python's blocks. TypeParameters is PEP 695's annotation scope of `def f[T]`, `class C[T]` and
/// `type X[T] = ...`; it runs when the statement runs and, directly inside a class, sees the class.
enum class ScopeKind : std::uint8_t { Module, Class, Function, Lambda, Comprehension, TypeParameters };

struct Scope {
  ScopeKind kind = ScopeKind::Module;
  ScopeId parent = kNoId;
  /// module, class_definition, function_definition, lambda, a comprehension, or (TypeParameters)
  /// the definition or type_alias_statement that declares the parameters.
  Node node;
  /// The function's or class's name; empty for the others.
  std::string_view name;
  /// The outermost for/while loop or comprehension of the enclosing frame that this scope is
  /// created in (null when none): closures created there see later values of loop variables.
  Node loop;
  /// Calls locals(), vars(), exec() or eval() without a namespace: any local may be read.
  bool usesLocals = false;
  /// Has `from m import *` that could not be resolved: any name may be bound here.
  bool hasUnresolvedStarImport = false;
  /// Writes its namespace dynamically (`globals()[...] = `, `globals().update(...)`, `exec`).
  bool dynamicNamespace = false;
  /// Calls `gettext.install()` (or another `install()`), which puts `_` and friends in builtins.
  bool installsGettext = false;
};

/// Whether code of a scope runs as part of its parent's execution (class bodies, comprehensions,
/// annotation scopes) rather than later, when called (functions, lambdas).
inline bool runsInline(ScopeKind kind) {
  return kind == ScopeKind::Class || kind == ScopeKind::Comprehension || kind == ScopeKind::TypeParameters;
}

enum SymbolFlag : std::uint16_t {
  kSymbolParameter = 1 << 0,
  kSymbolDeclaredGlobal = 1 << 1,
  kSymbolDeclaredNonlocal = 1 << 2,
  /// Bound from another function through `global` or `nonlocal`: flow here cannot see those writes.
  kSymbolExternalWrites = 1 << 3,
  /// Has an annotation without a value (`x: int`): local to a function, but not a binding.
  kSymbolAnnotated = 1 << 4,
  /// A nested function declares it `nonlocal` (its cell is shared).
  kSymbolNonlocalTarget = 1 << 5,
};

struct Symbol {
  std::string_view name;
  ScopeId scope = kNoId;
  std::uint16_t flags = 0;
  /// For names declared global/nonlocal here: the symbol they denote (module or enclosing function).
  SymbolId target = kNoId;
  /// Bindings of this name, in source order (a global/nonlocal target also lists the bindings
  /// made through the declaration).
  std::vector<BindingId> bindings;
  /// References resolved to this symbol.
  std::vector<ReferenceId> references;
};

enum class BindingKind : std::uint8_t {
  Assignment,
  AugmentedAssignment,
  AnnotatedAssignment,
  /// `x: int` without a value: declares, does not bind.
  Annotation,
  NamedExpression,
  Parameter,
  Import,
  FromImport,
  FutureImport,
  FunctionDef,
  ClassDef,
  ForTarget,
  ComprehensionTarget,
  WithTarget,
  ExceptHandler,
  MatchCapture,
  Deletion,
  TypeParameter,
  TypeAlias,
};

enum BindingFlag : std::uint16_t {
  /// Inside `if TYPE_CHECKING:`: exists for type checkers only.
  kBindingTypeCheckingOnly = 1 << 0,
  /// One target of a destructuring assignment (`a, b = ...`).
  kBindingUnpacking = 1 << 1,
  /// `import X as X` / `from m import X as X`: an explicit re-export.
  kBindingExplicitReexport = 1 << 2,
  /// `import a.b`: binds `a` and loads the submodule.
  kBindingDottedImport = 1 << 3,
  /// Made through `global`/`nonlocal` from another scope's code.
  kBindingExternal = 1 << 4,
  /// Inside a `try:` body whose handlers catch ImportError (an availability probe).
  kBindingImportGuarded = 1 << 5,
  /// A function decorated with `@overload` or a property accessor (`@x.setter`, `@x.deleter`).
  kBindingOverloadOrAccessor = 1 << 6,
  /// The binding has a decorator.
  kBindingDecorated = 1 << 7,
  /// In code that cannot run (after return/raise, under `if False:` or an impossible version check).
  kBindingUnreachable = 1 << 8,
};

struct Binding {
  BindingKind kind = BindingKind::Assignment;
  std::uint16_t flags = 0;
  SymbolId symbol = kNoId;
  /// The scope whose code performs the binding.
  ScopeId scope = kNoId;
  std::string_view name;
  /// The bound identifier (for `import a.b`, the identifier `a`).
  std::uint32_t nameStart = 0;
  std::uint32_t nameEnd = 0;
  /// The construct: assignment, aliased_import/dotted_name of an import, function_definition,
  /// class_definition, parameter, with_item, except_clause, named_expression, ...
  Node node;
  /// The statement holding it (import statement, expression_statement, definition, ...).
  Node statement;
  /// For imports: the module text (`a.b`, `.pkg`) and the imported member (`x` in `from m import x`).
  std::string_view module;
  std::string_view member;
  /// Start byte of the `try` statement whose body holds this binding (kNoId when none), and of
  /// the `try` statement whose `except` handler holds it.
  std::uint32_t tryBodyOf = kNoId;
  std::uint32_t handlerOf = kNoId;
};

enum class Resolution : std::uint8_t {
  Unresolved,
  /// A name of the scope where it is used.
  Local,
  /// A variable of an enclosing function (a free variable).
  Enclosing,
  /// A module-level name.
  Global,
  Builtin,
  /// Set by the interpreter: `__name__`, `__file__`, class `__module__`, a method's `__class__`.
  Implicit,
  /// Bound only in an enclosing class body, which nested scopes do not see.
  ClassScopeHidden,
  /// Not found, but an unresolved star import or a dynamic namespace may provide it.
  Dynamic,
};

/// Whether the name is bound when the reference runs, from the flow analysis of its frame.
enum class Boundness : std::uint8_t {
  Bound,
  PossiblyUnbound,
  Unbound,
  /// Not analysed: a deferred or free reference (resolved to any binding), unreachable code.
  Unknown,
};

enum ReferenceFlag : std::uint16_t {
  /// Never evaluated where it stands: a deferred or string annotation, a local variable annotation,
  /// a type comment, a lazily evaluated type alias or type parameter bound, an `__all__` entry.
  kRefDeferred = 1 << 0,
  kRefStringAnnotation = 1 << 1,
  kRefTypeComment = 1 << 2,
  /// Inside `if TYPE_CHECKING:`.
  kRefTypingOnly = 1 << 3,
  /// An annotation evaluated at run time.
  kRefAnnotation = 1 << 4,
  /// Inside a `try` whose handlers catch NameError (or everything).
  kRefNameErrorGuarded = 1 << 5,
  /// Inside an ERROR node of the parse.
  kRefInError = 1 << 6,
  /// In code that cannot run (after return/raise/continue/break, `if False:`).
  kRefUnreachable = 1 << 7,
  /// A string of `__all__`.
  kRefDunderAll = 1 << 8,
  /// The target of `del`.
  kRefDelete = 1 << 9,
};

struct Reference {
  std::string_view name;
  std::uint32_t start = 0;
  std::uint32_t end = 0;
  /// The scope where the name is looked up.
  ScopeId scope = kNoId;
  /// The symbol it resolves to (for ClassScopeHidden: the class-body symbol).
  SymbolId symbol = kNoId;
  Resolution resolution = Resolution::Unresolved;
  Boundness boundness = Boundness::Unknown;
  std::uint16_t flags = 0;
  std::uint32_t reachingBegin = 0;
  std::uint32_t reachingCount = 0;
};

/// A `global` or `nonlocal` statement's name.
struct Declaration {
  bool isNonlocal = false;
  ScopeId scope = kNoId;
  Node statement;
  Node name;
  SymbolId symbol = kNoId;
};

/// A scope error CPython's symbol table raises as SyntaxError (message in CPython's words).
struct ScopeError {
  std::uint32_t startByte = 0;
  std::uint32_t endByte = 0;
  std::string message;
};

/// The module's `__all__`, when it is assigned with literal strings.
struct DunderAll {
  struct Entry {
    std::string_view name;
    /// The string literal.
    Node node;
  };
  bool present = false;
  /// False when some part is not a literal list of strings (e.g. `+ other.__all__`).
  bool complete = true;
  std::vector<Entry> entries;
};

/// Everything the binder learned about one module. Immutable once built; it refers to the
/// ParsedModule it was built from (nodes and name views), which must outlive it.
class SemanticModel {
public:
  const std::vector<Scope> &scopes() const { return scopes_; }
  const std::vector<Symbol> &symbols() const { return symbols_; }
  const std::vector<Binding> &bindings() const { return bindings_; }
  const std::vector<Reference> &references() const { return references_; }
  const std::vector<Declaration> &declarations() const { return declarations_; }
  const std::vector<ScopeError> &scopeErrors() const { return scopeErrors_; }
  const DunderAll &dunderAll() const { return dunderAll_; }

  const Scope &scope(ScopeId id) const { return scopes_[id]; }
  const Symbol &symbol(SymbolId id) const { return symbols_[id]; }
  const Binding &binding(BindingId id) const { return bindings_[id]; }
  const Reference &reference(ReferenceId id) const { return references_[id]; }

  /// The bindings a reference may see (for flow-analysed references, those reaching it).
  std::span<const BindingId> reaching(const Reference &ref) const {
    return {reachingPool_.data() + ref.reachingBegin, ref.reachingCount};
  }
  /// The references that may see `binding`.
  std::span<const ReferenceId> usesOf(BindingId binding) const {
    return {usesPool_.data() + usesBegin_[binding], usesBegin_[binding + 1] - usesBegin_[binding]};
  }
  /// Earlier bindings of the same name still reaching a def/class/import when it rebinds the name.
  std::span<const BindingId> shadowedBy(BindingId binding) const {
    return {shadowPool_.data() + shadowBegin_[binding], shadowBegin_[binding + 1] - shadowBegin_[binding]};
  }

  /// The symbol `name` has in `scope` itself (no lookup through parents), or kNoId.
  SymbolId lookupLocal(ScopeId scope, std::string_view name) const;
  /// The innermost scope whose node contains byte `offset`.
  ScopeId scopeAt(std::uint32_t offset) const;
  /// The reference / binding whose name contains byte `offset`, or nullptr.
  const Reference *referenceAt(std::uint32_t offset) const;
  const Binding *bindingAt(std::uint32_t offset) const;
  /// The scope a scope's code runs in: itself for modules, functions and lambdas; otherwise the
  /// nearest such ancestor (class bodies and comprehensions run when their parent does).
  ScopeId frameOf(ScopeId scope) const;

  bool futureAnnotations() const { return futureAnnotations_; }
  bool isStub() const { return isStub_; }
  bool isPackageInit() const { return isPackageInit_; }

private:
  friend class ModelBuilder;
  std::vector<Scope> scopes_;
  std::vector<Symbol> symbols_;
  std::vector<Binding> bindings_;
  std::vector<Reference> references_;
  std::vector<Declaration> declarations_;
  std::vector<ScopeError> scopeErrors_;
  DunderAll dunderAll_;
  std::vector<BindingId> reachingPool_;
  std::vector<ReferenceId> usesPool_;
  std::vector<std::uint32_t> usesBegin_;
  std::vector<BindingId> shadowPool_;
  std::vector<std::uint32_t> shadowBegin_;
  /// Bindings and references sorted by name position, for the position queries.
  std::vector<BindingId> bindingsByPosition_;
  std::vector<ReferenceId> referencesByPosition_;
  /// (scope, name) -> symbol, sorted for lookupLocal.
  std::vector<std::pair<std::pair<ScopeId, std::string_view>, SymbolId>> symbolIndex_;
  bool futureAnnotations_ = false;
  bool isStub_ = false;
  bool isPackageInit_ = false;
};

} // namespace typhon::sema
