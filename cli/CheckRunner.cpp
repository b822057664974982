// CheckRunner: the `typhon check` pipeline, parallel over files with deterministic output.
#include "cli/CheckRunner.h"

#include "semantic/classes/ClassModel.h"

#include "checkers/Engine.h"
#include "cli/Discovery.h"
#include "cli/GitIgnore.h"
#include "parser/SyntaxErrors.h"
#include "parser/Tree.h"
#include "passes/EditEngine.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>

namespace typhon {

namespace fs = std::filesystem;

namespace {

/// Everything derived from one configuration: its catalog (with rule-dirs), bindings, excludes.
struct ConfigState {
  ConfigState(std::shared_ptr<const Config> c, const RuleCatalog &builtin)
      : config(std::move(c)), catalog(builtin), exclude(GitIgnoreFile::fromPatterns(config->root, config->exclude)) {}
  std::shared_ptr<const Config> config;
  RuleCatalog catalog;
  RuleBindings bindings;
  GitIgnoreFile exclude;
  bool fileFilters = false; ///< per-file-ignores or rules with `files`/`ignores` globs
  std::mutex planMutex;
  std::map<std::string, std::shared_ptr<const CheckPlan>> plans; ///< keyed by per-file-ignored rule ids
  /// The module graph and class model of files under this configuration, per target version;
  /// built when a plan first needs them, shared by the threads.
  std::mutex classMutex;
  std::map<int, std::pair<std::unique_ptr<sema::ModuleGraph>, std::unique_ptr<sema::classes::ClassModel>>> classModels;

  sema::classes::ClassModel *classModel(int pythonMinor) {
    std::lock_guard lock(classMutex);
    auto &entry = classModels[pythonMinor];
    if (!entry.second) {
      entry.first = std::make_unique<sema::ModuleGraph>(moduleGraphOptions(*config, pythonMinor));
      entry.second = std::make_unique<sema::classes::ClassModel>(*entry.first);
    }
    return entry.second.get();
  }
};

class Session {
public:
  Session(const CheckOptions &options, const RuleCatalog &builtin)
      : options_(options), builtin_(builtin), finder_(options.configFile) {}

  std::expected<ConfigState *, RunError> stateFor(const fs::path &dir) {
    auto config = finder_.forDirectory(dir);
    if (!config) return std::unexpected(RunError{config.error().format()});
    std::lock_guard lock(mutex_);
    auto it = states_.find(config->get());
    if (it != states_.end()) return it->second.get();
    auto state = std::make_unique<ConfigState>(*config, builtin_);
    for (const std::string &d : (*config)->ruleDirs) {
      fs::path dirPath = (*config)->root / d;
      auto errors = state->catalog.addDirectory(dirPath, displayPath(dirPath));
      if (!errors.empty()) {
        std::string message;
        for (const DataError &e : errors) message += (message.empty() ? "" : "\n") + e.format();
        return std::unexpected(RunError{message});
      }
    }
    CliSelection selection = options_.selection;
    if (!options_.rewriteRuleFiles.empty()) {
      selection.select.clear();
      for (const std::string &file : options_.rewriteRuleFiles) {
        std::ifstream in(file, std::ios::binary);
        if (!in) return std::unexpected(RunError{file + ": cannot read rule file"});
        std::stringstream ss;
        ss << in.rdbuf();
        auto ids = state->catalog.addRuleStream(ss.str(), file);
        if (!ids) {
          std::string message;
          for (const DataError &e : ids.error()) message += (message.empty() ? "" : "\n") + e.format();
          return std::unexpected(RunError{message});
        }
        selection.select.insert(selection.select.end(), ids->begin(), ids->end());
      }
      selection.ignore.clear();
    }
    auto bindings = resolveRules(state->catalog, **config, selection);
    if (!bindings) return std::unexpected(RunError{bindings.error().format()});
    state->bindings = std::move(*bindings);
    state->fileFilters = !(*config)->perFileIgnores.empty();
    for (const auto &[id, b] : state->bindings) {
      const RuleSpec *spec = state->catalog.find(id);
      if (spec && (!spec->files.empty() || !spec->ignores.empty())) state->fileFilters = true;
    }
    ConfigState *raw = state.get();
    states_.emplace(config->get(), std::move(state));
    return raw;
  }

  bool excluded(const fs::path &p, bool) {
    auto state = stateFor(p.parent_path());
    if (!state) return false; // reported when the file's config is loaded
    return (*state)->exclude.match(p, fs::is_directory(p)) == GitIgnoreFile::Verdict::Ignored;
  }

  std::shared_ptr<const CheckPlan> planFor(ConfigState &state, const std::string &relative) {
    RuleBindings bindings = state.fileFilters
                                ? applyPerFileIgnores(state.catalog, *state.config, state.bindings, relative)
                                : RuleBindings();
    std::string key;
    if (state.fileFilters)
      for (const auto &[id, b] : state.bindings)
        if (!bindings.contains(id)) key += id + ",";
    std::lock_guard lock(state.planMutex);
    auto it = state.plans.find(key);
    if (it != state.plans.end()) return it->second;
    std::shared_ptr<const CheckPlan> plan =
        buildPlan(state.catalog, state.fileFilters ? bindings : state.bindings);
    state.plans.emplace(key, plan);
    return plan;
  }

private:
  const CheckOptions &options_;
  const RuleCatalog &builtin_;
  ConfigFinder finder_;
  std::mutex mutex_;
  std::map<const Config *, std::unique_ptr<ConfigState>> states_;
};

/// The checks whose errors CPython's compiler reports though the file parses (`return` outside a
/// function, bad `nonlocal`/`global`, duplicate parameters...): an edit must not add any.
std::unique_ptr<CheckPlan> compileErrorPlan(const RuleCatalog &catalog) {
  RuleBindings bindings;
  for (const char *id : {"compile-time-syntax-error", "invalid-scope-declaration"})
    if (const RuleSpec *spec = catalog.find(id)) bindings.emplace(id, RuleBinding{id, spec->group, Severity::Error, {}});
  return buildPlan(catalog, bindings);
}

RuleBinding ioErrorBinding(const RuleCatalog &catalog) {
  const RuleSpec *spec = catalog.find("io-error");
  return RuleBinding{"io-error", spec ? spec->group : "meta", spec ? spec->severity : Severity::Error, {}};
}

} // namespace

std::expected<RunResult, RunError> runCheck(const CheckOptions &options, const RuleCatalog &builtin) {
  auto started = std::chrono::steady_clock::now();
  Session session(options, builtin);
  DiscoveryOptions discovery;
  discovery.respectGitignore = options.respectGitignore;
  discovery.excluded = [&](const fs::path &p, bool isDir) { return session.excluded(p, isDir); };
  DiscoveryResult found = discoverFiles(options.paths, discovery);

  // Configuration errors stop the run before anything is checked.
  std::vector<ConfigState *> states(found.files.size());
  for (std::size_t i = 0; i < found.files.size(); ++i) {
    auto state = session.stateFor(found.files[i].path.parent_path());
    if (!state) return std::unexpected(state.error());
    states[i] = *state;
  }
  if (found.files.empty() && found.errors.empty()) {
    std::error_code ec;
    auto state = session.stateFor(fs::current_path(ec));
    if (!state) return std::unexpected(state.error());
  }

  RunResult result;
  result.files = found.files.size();
  const RuleBinding ioBinding = ioErrorBinding(builtin);
  std::vector<std::vector<Diagnostic>> perFile(found.files.size());
  std::vector<std::shared_ptr<const SourceFile>> sources(found.files.size());
  std::atomic<std::size_t> next{0};
  std::vector<std::optional<FileChange>> changes(found.files.size());
  std::vector<char> broken(found.files.size(), 0);
  bool rewriting = !options.rewriteRuleFiles.empty();
  auto allowed = [&](Applicability a) {
    if (a == Applicability::Safe) return true;
    return a == Applicability::Unsafe && (options.unsafeFixes || rewriting);
  };
  const std::unique_ptr<CheckPlan> compileErrors = compileErrorPlan(builtin);
  auto fixFile = [&](std::size_t i, const SourceFile &source, const CheckPlan &plan, const FileFacts &facts,
                     bool hasSyntaxErrors) {
    if (hasSyntaxErrors && !options.force) {
      broken[i] = 1;
      return;
    }
    FixProducer producer = [&](const ParsedModule &m) {
      if (options.fold) return foldModule(m, *options.fold);
      std::vector<Fix> fixes;
      for (Diagnostic &d : checkModule(m, plan, facts))
        if (d.fix && allowed(d.fix->applicability) && (!rewriting || d.rule != "syntax-error")) fixes.push_back(*d.fix);
      return fixes;
    };
    ErrorCounter compileErrorCount = [&](const ParsedModule &m) {
      std::size_t n = 0;
      for (const Diagnostic &d : checkModule(m, *compileErrors, facts))
        n += d.rule == "compile-time-syntax-error" || d.rule == "invalid-scope-declaration";
      return n;
    };
    TransformResult tr = transformToFixpoint(source, producer, 10, compileErrorCount);
    if (!tr.changed && tr.dropped.empty()) return;
    FileChange change;
    change.file = source.path();
    change.applied = tr.applied;
    change.converged = tr.converged;
    change.dropped = tr.dropped;
    if (tr.changed) change.diff = unifiedDiff(source.text(), tr.text, source.path());
    if (options.fixMode == FixMode::Stdout) change.newText = tr.text;
    if (options.fixMode == FixMode::Write && tr.changed) {
      auto bytes = encodeForFile(source, tr.text);
      auto written = bytes ? writeFileAtomically(found.files[i].path, *bytes)
                           : std::expected<void, std::string>(std::unexpected(bytes.error()));
      if (!written) change.error = written.error();
    }
    // What is left to report: the fixed text's diagnostics (the original's when nothing was written).
    if (tr.changed && options.fixMode == FixMode::Write && change.error.empty() && !options.fold) {
      auto fixedSource = SourceFile::fromUtf8(source.path(), tr.text);
      Parser p;
      if (fixedSource) {
        auto fixedModule = parseModule(p, *fixedSource);
        perFile[i] = checkModule(*fixedModule, plan, facts);
        sources[i] = *fixedSource;
      }
    }
    changes[i] = std::move(change);
  };
  auto worker = [&] {
    Parser parser;
    for (std::size_t i = next++; i < found.files.size(); i = next++) {
      const DiscoveredFile &file = found.files[i];
      ConfigState &state = *states[i];
      auto source = SourceFile::load(file.path, file.display);
      if (!source) {
        perFile[i].push_back(ioErrorDiagnostic(source.error(), ioBinding));
        continue;
      }
      std::string relative = file.path.lexically_relative(state.config->root).generic_string();
      if (state.config->file.empty()) relative = file.display;
      auto plan = session.planFor(state, relative);
      auto module = parseModule(parser, *source);
      FileFacts facts;
      facts.pythonMajor = options.selection.pythonVersion ? options.selection.pythonVersion->first : state.config->pythonMajor;
      facts.pythonMinor = options.selection.pythonVersion ? options.selection.pythonVersion->second : state.config->pythonMinor;
      facts.isTestFile = looksLikeTestFile(relative);
      if (plan->needsClassModel()) {
        std::error_code ec;
        facts.absolutePath = fs::absolute(file.path, ec).string();
        facts.classModel = state.classModel(facts.pythonMinor);
      }
      if (options.fold) {
        // Tokenizer-level errors (an unexpected indent...) count too: such a file is left alone.
        fixFile(i, **source, *plan, facts, module->root().hasError() || !findSyntaxErrors(*module).empty());
        sources[i] = *source;
        continue;
      }
      perFile[i] = checkModule(*module, *plan, facts);
      if (options.fixMode != FixMode::None) {
        bool any = std::any_of(perFile[i].begin(), perFile[i].end(), [](const Diagnostic &d) { return d.fix.has_value(); });
        if (any) fixFile(i, **source, *plan, facts, module->root().hasError());
      }
      if (!perFile[i].empty() && !sources[i]) sources[i] = *source;
    }
  };
  unsigned jobs = options.jobs ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
  jobs = static_cast<unsigned>(std::min<std::size_t>(jobs, std::max<std::size_t>(1, found.files.size())));
  std::vector<std::thread> threads;
  for (unsigned t = 1; t < jobs; ++t) threads.emplace_back(worker);
  worker();
  for (auto &t : threads) t.join();

  for (const IoError &e : found.errors) result.diagnostics.push_back(ioErrorDiagnostic(e, ioBinding));
  for (std::size_t i = 0; i < changes.size(); ++i) {
    if (changes[i]) result.changes.push_back(std::move(*changes[i]));
    if (broken[i]) result.skippedBroken.push_back(found.files[i].display);
  }
  for (std::size_t i = 0; i < perFile.size(); ++i) {
    for (Diagnostic &d : perFile[i]) result.diagnostics.push_back(std::move(d));
    if (sources[i]) result.sources.emplace(found.files[i].display, sources[i]);
  }
  std::stable_sort(result.diagnostics.begin(), result.diagnostics.end(), diagnosticLess);
  result.durationMs =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  return result;
}

sema::ModuleGraphOptions moduleGraphOptions(const Config &config, int pythonMinor) {
  sema::ModuleGraphOptions out;
  std::error_code ec;
  fs::path root = config.file.empty() || config.root.empty() ? fs::current_path(ec) : config.root;
  out.roots.push_back(root);
  for (const std::string &p : config.searchPaths) {
    fs::path dir(p);
    out.roots.push_back(dir.is_absolute() ? dir : root / dir);
  }
  out.pythonMinor = pythonMinor;
  return out;
}

} // namespace typhon
