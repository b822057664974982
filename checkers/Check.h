// Check and CheckContext: the interface every native check implements, and its per-file state.
#pragma once

#include "checkers/Diagnostic.h"
#include "parser/Tree.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <memory>
#include <unordered_map>
#include <vector>

namespace typhon {

namespace sema {
class SemanticModel;
namespace classes {
class ClassModel;
class ModuleClasses;
} // namespace classes
} // namespace sema

/// How a rule is configured for this run: identity from its YAML entry, severity and options
/// from the rule sets and configuration.
struct RuleBinding {
  std::string id;
  std::string group;
  Severity severity = Severity::Error;
  nlohmann::json options = nlohmann::json::object();
};

/// Facts about the file being checked that checks may consult.
struct FileFacts {
  /// Target Python version (major, minor) from the configuration.
  int pythonMajor = 3;
  int pythonMinor = 13;
  /// True for test modules (test_*.py, *_test.py, conftest.py, files under tests/ or test/).
  bool isTestFile = false;
  /// The file on disk (for its module name in the module graph); empty for text without a file.
  std::string absolutePath;
  /// The run's class model (module graph of the project and typeshed), shared by the files of a
  /// run; when null and a check needs it, the engine uses one for the current directory.
  sema::classes::ClassModel *classModel = nullptr;
};

class CheckContext;

/// A native check. Instances are immutable and shared by all threads; per-file state lives in
/// CheckContext. The YAML entry (rules/packs/<group>/<id>.yaml) holds its identity and docs.
class Check {
public:
  explicit Check(RuleBinding rule) : rule_(std::move(rule)) {}
  virtual ~Check() = default;
  Check(const Check &) = delete;
  Check &operator=(const Check &) = delete;

  const RuleBinding &rule() const { return rule_; }
  /// The node kinds visit() wants; the driver calls visit() only for these.
  virtual std::vector<NodeKind> kinds() const { return {}; }
  /// Whether the check reads the module's SemanticModel (CheckContext::semantic()); the engine
  /// binds a module only when some enabled check needs it.
  virtual bool needsSemantic() const { return false; }
  /// Whether the check can report anything in this file (a cheap test before the walk; false
  /// takes the check out of this file's walk).
  virtual bool appliesTo(const CheckContext &) const { return true; }
  /// Whether the check reads the class model (CheckContext::classes()); built only when some
  /// enabled check needs it. Implies needsSemantic().
  virtual bool needsClassModel() const { return false; }
  /// Called once per file before the walk.
  virtual void begin(CheckContext &) const {}
  /// Called for every node whose kind is in kinds(), in pre-order.
  virtual void visit(Node, CheckContext &) const {}

private:
  RuleBinding rule_;
};

/// Mutable per-file state of one check run: the walk position and the diagnostics reported.
class CheckContext {
public:
  CheckContext(const ParsedModule &module, FileFacts facts) : module_(module), facts_(facts) {}

  const ParsedModule &module() const { return module_; }
  std::string_view text() const { return module_.text(); }
  std::string_view textOf(Node n) const { return module_.textOf(n); }
  const FileFacts &facts() const { return facts_; }
  /// The module's binder model; null unless an enabled check returns true from needsSemantic().
  const sema::SemanticModel *semantic() const { return semantic_; }
  void setSemantic(const sema::SemanticModel *model) { semantic_ = model; }
  /// The classes of the module with their facts; null unless an enabled check returns true from
  /// needsClassModel().
  const sema::classes::ModuleClasses *classes() const { return classes_; }
  void setClasses(const sema::classes::ModuleClasses *classes) { classes_ = classes; }

  /// Ancestors of the node being visited, root first; ancestors().back() is its parent.
  const std::vector<Node> &ancestors() const { return ancestors_; }
  Node parent() const { return ancestors_.empty() ? Node() : ancestors_.back(); }

  void report(const Check &check, Node node, std::string message, std::optional<Fix> fix = std::nullopt);
  void report(const Check &check, std::uint32_t startByte, std::uint32_t endByte, std::string message,
              std::optional<Fix> fix = std::nullopt);
  /// Reports under an explicit binding (for diagnostics the engine itself produces).
  void report(const RuleBinding &rule, std::uint32_t startByte, std::uint32_t endByte, std::string message,
              std::optional<Fix> fix = std::nullopt);

  std::vector<Diagnostic> &diagnostics() { return diagnostics_; }
  /// Per-file state a check keeps across its visits, keyed by an address the check owns;
  /// default-constructed on first use, dropped with the context.
  template <class T> T &scratch(const void *owner) {
    std::shared_ptr<void> &slot = scratch_[owner];
    if (!slot) slot = std::make_shared<T>();
    return *static_cast<T *>(slot.get());
  }
  /// Used by the driver only.
  std::vector<Node> &mutableAncestors() { return ancestors_; }

private:
  const ParsedModule &module_;
  FileFacts facts_;
  const sema::SemanticModel *semantic_ = nullptr;
  const sema::classes::ModuleClasses *classes_ = nullptr;
  std::vector<Node> ancestors_;
  std::vector<Diagnostic> diagnostics_;
  std::unordered_map<const void *, std::shared_ptr<void>> scratch_;
};

} // namespace typhon
