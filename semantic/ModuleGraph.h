// ModuleGraph: finds, reads, parses and binds the modules a module imports — lazily, each at most
// once per run, shared immutably between threads.
#pragma once

#include "parser/Tree.h"
#include "semantic/SemanticModel.h"

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace typhon::sema {

/// One module of the graph. Immutable once loaded.
struct Module {
  /// Dotted name (`pkg.sub`).
  std::string name;
  /// The file read (`pkg/sub.pyi`, `pkg/__init__.py`); empty for a namespace package.
  std::filesystem::path path;
  /// A package: `__init__.py[i]` or a namespace package.
  bool isPackage = false;
  bool isNamespacePackage = false;
  bool isStub = false;
  /// Found under typeshed's stdlib/ (declarations only; see classes/ for how they are trusted).
  bool fromTypeshed = false;
  /// Where submodules are looked for (the package's directory, or every portion of a namespace
  /// package).
  std::vector<std::filesystem::path> submoduleDirs;
  /// Null for namespace packages.
  std::shared_ptr<const ParsedModule> parsed;
  std::unique_ptr<SemanticModel> model;
};

struct ModuleGraphOptions {
  /// Import roots in priority order: the project root, then `search-paths`. typeshed's stdlib/
  /// comes after them.
  std::vector<std::filesystem::path> roots;
  /// typeshed's directory; located like the builtins (locateTypeshed()) when unset.
  std::optional<std::filesystem::path> typeshed;
  /// Target Python 3.minor: typeshed's stdlib/VERSIONS decides which stdlib modules exist.
  int pythonMinor = 13;
};

class ModuleGraph {
public:
  explicit ModuleGraph(ModuleGraphOptions options);
  ~ModuleGraph();
  ModuleGraph(const ModuleGraph &) = delete;
  ModuleGraph &operator=(const ModuleGraph &) = delete;

  /// The module `dottedName`, loading it (and its parent packages) on first use; null when it
  /// cannot be found, read or parsed. Thread-safe; the result lives as long as the graph.
  const Module *module(std::string_view dottedName);

  /// The dotted name a file would be imported under: relative to the first root containing it,
  /// else to the highest ancestor directory that is still a package (has `__init__.py[i]`).
  /// Empty when the path's components are not identifiers.
  std::string moduleNameForPath(const std::filesystem::path &file) const;

  /// The absolute module named by an import in module `importer` (`isPackage`: it is a
  /// package's `__init__`): `a.b` stays, `.x` / `..` are resolved against the importer's
  /// package. Empty when the relative import climbs above the top-level package.
  static std::string absoluteName(std::string_view importer, bool isPackage, std::string_view spec);

  const ModuleGraphOptions &options() const { return options_; }
  int pythonMinor() const { return options_.pythonMinor; }
  /// Modules loaded so far (for tests and --verbose).
  std::size_t loadedCount() const;

private:
  struct Entry;
  struct Location;
  std::optional<Location> find(std::string_view dottedName);
  std::unique_ptr<Module> load(std::string_view dottedName);
  bool stdlibHas(std::string_view dottedName) const;

  ModuleGraphOptions options_;
  std::optional<std::filesystem::path> stdlibDir_;
  /// VERSIONS: module -> (first minor, last minor or INT_MAX).
  std::map<std::string, std::pair<int, int>, std::less<>> versions_;
  mutable std::mutex mutex_;
  std::map<std::string, std::unique_ptr<Entry>, std::less<>> entries_;
};

} // namespace typhon::sema
