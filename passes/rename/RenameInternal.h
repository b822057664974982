// Internals of the rename pass: the loaded project (path-based module resolution, a unit that a
// module graph can later replace) and the planner shared by Rename.cpp and RenameMembers.cpp.
#pragma once

#include "passes/rename/Rename.h"
#include "parser/Tree.h"
#include "semantic/Binder.h"
#include "semantic/SemanticModel.h"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

namespace typhon::rename::detail {

using sema::BindingId;
using sema::kNoId;
using sema::ReferenceId;
using sema::ScopeId;
using sema::SymbolId;

/// Nodes of interest in one module, found in one walk.
struct ModuleIndex {
  std::vector<Node> attributes;  ///< every `attribute` node
  std::vector<Node> calls;       ///< every `call` node
  std::vector<Node> starImports; ///< `from m import *` statements
};

struct Module {
  ProjectFile file;
  std::string name; ///< dotted, empty when unknown
  bool isPackage = false;
  std::shared_ptr<const SourceFile> source;
  std::shared_ptr<const ParsedModule> parsed;
  std::unique_ptr<sema::SemanticModel> model;
  std::size_t syntaxErrors = 0;
  ModuleIndex index;
};

/// The project's modules with simple path-based import resolution.
class Project {
public:
  std::vector<Module> modules;
  std::map<std::string, std::size_t, std::less<>> byName;
  int pythonMinor = 13;

  /// Parses, binds and indexes module `i` unless done already.
  void load(std::size_t i);
  /// Module `i`'s model, loading it first when needed.
  const sema::SemanticModel &model(std::size_t i) {
    load(i);
    return *modules[i].model;
  }

  /// The project module an import's module text (`a.b`, `.x`, `..`) names from module `from`.
  std::optional<std::size_t> resolveImport(std::size_t from, std::string_view moduleText) const;
  /// The absolute dotted name an import's module text names from module `from` (empty if invalid).
  std::string absoluteName(std::size_t from, std::string_view moduleText) const;
  /// The project module an expression certainly denotes (`m`, `pkg.m`), or nullopt.
  std::optional<std::size_t> moduleOf(std::size_t mod, Node expr);

private:
  std::map<std::tuple<std::size_t, std::uint32_t, std::uint32_t>, std::optional<std::size_t>> moduleOfCache_;
};

struct Edit {
  std::uint32_t end = 0;
  std::string text;
};

/// A class of the project: module and class scope.
struct ClassRef {
  std::size_t module = 0;
  ScopeId scope = kNoId;
  friend auto operator<=>(const ClassRef &, const ClassRef &) = default;
};

class Planner {
public:
  Planner(Project &project, std::string oldName, std::string newName)
      : p_(project), old_(std::move(oldName)), new_(std::move(newName)) {}

  /// Renames symbol `sym` of module `mod` (and, for module globals, its imports elsewhere).
  void renameSymbol(std::size_t mod, SymbolId sym);
  /// The class whose method has `expr` (an identifier) as its self/cls parameter.
  std::optional<ClassRef> selfClassOf(std::size_t mod, Node expr) const;
  /// The function scope a call's callee certainly is (not decorated), or kNoId.
  ScopeId certainFunction(std::size_t mod, Node callee) const;
  /// Whether a call's callee (in module `j`) is certainly the function of scope `fscope` of `mod`,
  /// directly or through imports.
  bool callsFunction(std::size_t j, Node callee, std::size_t mod, ScopeId fscope);
  /// Renames the member `old` of class `cls` (class attribute, method, instance attribute).
  void renameMember(ClassRef cls);

  void refuse(std::size_t mod, std::uint32_t offset, std::string note);
  void addEdit(std::size_t mod, std::uint32_t start, std::uint32_t end);

  /// What resolving `name` from `scope` finds with Python's rules: a symbol, or kNoId (builtins).
  SymbolId resolveFrom(const sema::SemanticModel &m, ScopeId scope, std::string_view name) const;
  /// The class a reference certainly denotes (a class binding, or an import of one), if any.
  std::optional<ClassRef> classOf(std::size_t mod, Node expr) const;
  /// The symbol `name` certainly denotes in module `mod` after following from-imports, or kNoId.
  std::pair<std::size_t, SymbolId> followImports(std::size_t mod, SymbolId sym) const;

  Project &p_;
  std::string old_, new_;
  std::map<std::size_t, std::map<std::uint32_t, Edit>> edits;
  std::vector<Place> problems;
  std::string refusalKind; ///< first refusal's headline
  std::set<std::pair<std::size_t, SymbolId>> doneSymbols;
  std::set<ClassRef> doneClasses;

  void checkSymbolCaptures(std::size_t mod, SymbolId sym, const std::vector<ReferenceId> &renamedRefs,
                           const std::set<ScopeId> &gaining);
  void renameImportsOf(std::size_t mod, SymbolId sym);
  void renameKeywordArguments(std::size_t mod, SymbolId sym, BindingId param);
};

/// Indexes a module's attributes, calls and star imports (iteratively).
ModuleIndex indexModule(Node root);
/// Starts the rename at the identifier starting at `offset` of module `mod`.
void startAt(Planner &planner, std::size_t mod, std::uint32_t offset);
/// Refuses when getattr()/setattr()/hasattr()/delattr() name the old name in a literal.
void noteDynamicAccess(Planner &planner, std::string_view what);

/// Whether Python mangles `name` inside a class body (`__x`, not `__x__`).
inline bool isPrivateName(std::string_view name) {
  return name.size() > 2 && name.starts_with("__") && !name.ends_with("__");
}

/// Text of `n` in module `m`.
inline std::string_view textOf(const Module &m, Node n) { return n.text(m.source->text()); }

/// The module text of an import binding (`a.b` of `import a.b`, `.pkg` of `from .pkg import x`).
inline std::string_view importModule(const Module &m, const sema::Binding &b) {
  if (b.kind == sema::BindingKind::Import) {
    Node dotted = b.node.is(NodeKind::AliasedImport) ? b.node.field(FieldId::Name) : b.node;
    return dotted ? textOf(m, dotted) : std::string_view();
  }
  Node stmt = b.node.parent();
  Node name = stmt ? stmt.field(FieldId::ModuleName) : Node();
  return name ? textOf(m, name) : std::string_view();
}

/// The imported member of a from-import binding (`x` of `from m import x as y`).
inline std::string_view importMember(const Module &m, const sema::Binding &b) {
  Node name = b.node.is(NodeKind::AliasedImport) ? b.node.field(FieldId::Name) : b.node;
  return name ? textOf(m, name) : std::string_view();
}

} // namespace typhon::rename::detail
