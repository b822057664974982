// Engine: one file through the driver, suppressions and unused-suppression reporting.
#include "checkers/Engine.h"

#include "checkers/Suppressions.h"
#include "semantic/Binder.h"
#include "semantic/ModuleGraph.h"
#include "semantic/classes/ClassModel.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <mutex>

namespace typhon {

namespace {

std::vector<const Check *> rawPointers(const std::vector<std::unique_ptr<Check>> &checks) {
  std::vector<const Check *> out;
  for (const auto &c : checks) out.push_back(c.get());
  return out;
}

/// The class model used when the caller provides none (rule tests, fixtures): one per target
/// version, over the current directory and typeshed, for the whole process.
sema::classes::ClassModel &defaultClassModel(int pythonMinor) {
  struct Entry {
    std::unique_ptr<sema::ModuleGraph> graph;
    std::unique_ptr<sema::classes::ClassModel> model;
  };
  static std::mutex mutex;
  static std::map<int, Entry> models;
  std::lock_guard lock(mutex);
  Entry &e = models[pythonMinor];
  if (!e.model) {
    sema::ModuleGraphOptions options;
    std::error_code ec;
    options.roots.push_back(std::filesystem::current_path(ec));
    options.pythonMinor = pythonMinor;
    e.graph = std::make_unique<sema::ModuleGraph>(std::move(options));
    e.model = std::make_unique<sema::classes::ClassModel>(*e.graph);
  }
  return *e.model;
}

bool isUnsuppressible(std::string_view rule) { return rule == "syntax-error" || rule == "io-error"; }

std::string_view directiveName(Suppression::Kind kind) {
  switch (kind) {
  case Suppression::Kind::Line: return "# typhon: ignore";
  case Suppression::Kind::File: return "# typhon: ignore-file";
  case Suppression::Kind::Noqa: return "# noqa";
  case Suppression::Kind::TypeIgnore: return "# type: ignore";
  }
  return "";
}

/// The comment text with the unused parts of `s` removed (whole directive when nothing is left).
Fix removalFix(const ParsedModule &module, const Suppression &s, bool wholeDirective) {
  std::string_view text = module.text();
  Fix fix;
  fix.applicability = Applicability::Safe;
  if (!wholeDirective) {
    fix.title = "Remove the unused rule codes";
    std::string kept;
    for (const SuppressionCode &c : s.codes) {
      if (!c.used) continue;
      if (!kept.empty()) kept += ", ";
      kept += c.name;
    }
    std::uint32_t first = s.codes.front().startByte;
    std::uint32_t last = s.codes.back().endByte;
    fix.edits.push_back({first, last, kept});
    return fix;
  }
  fix.title = "Remove the unused suppression comment";
  std::uint32_t start = s.startByte;
  std::uint32_t end = s.endByte;
  bool onlyDirective = text.substr(end, s.commentEnd - end).find_first_not_of(" \t") == std::string_view::npos;
  if (onlyDirective && start == s.commentStart) {
    // The whole comment goes, with the whitespace before it.
    while (start > 0 && (text[start - 1] == ' ' || text[start - 1] == '\t')) --start;
    end = s.commentEnd;
  } else if (onlyDirective) {
    while (start > s.commentStart && (text[start - 1] == ' ' || text[start - 1] == '\t')) --start;
    end = s.commentEnd;
  } else {
    while (end < s.commentEnd && (text[end] == ' ' || text[end] == '\t')) ++end;
  }
  fix.edits.push_back({start, end, ""});
  return fix;
}

void reportUnused(const ParsedModule &module, const CheckPlan &plan, const RuleBinding &rule,
                  const std::vector<Suppression> &suppressions, CheckContext &ctx) {
  for (const Suppression &s : suppressions) {
    bool ours = s.kind == Suppression::Kind::Line || s.kind == Suppression::Kind::File;
    if (s.kind == Suppression::Kind::TypeIgnore) continue; // mypy's; honoured, never policed
    if (s.codes.empty()) {
      if (ours && !s.used)
        ctx.report(rule, s.startByte, s.endByte,
                   "unused `" + std::string(directiveName(s.kind)) + "`: nothing is reported " +
                       (s.kind == Suppression::Kind::File ? "in this file" : "on this line"),
                   removalFix(module, s, true));
      continue;
    }
    std::vector<const SuppressionCode *> unused;
    for (const SuppressionCode &c : s.codes) {
      if (c.name == rule.id) continue; // judged by whether it hides one of these reports
      bool known = plan.isKnownRule(c.name);
      if (!known && !ours) continue;     // another tool's code in a noqa comment
      if (known && !plan.binding(c.name)) continue; // rule not enabled: cannot tell
      if (!c.used) unused.push_back(&c);
    }
    if (unused.empty()) continue;
    bool whole = unused.size() == s.codes.size();
    for (const SuppressionCode *c : unused) {
      std::string message = isUnsuppressible(c->name)
                                ? "`" + c->name + "` cannot be suppressed: the file must be fixed"
                            : plan.isKnownRule(c->name)
                                ? "unused suppression: `" + c->name + "` is not reported " +
                                      (s.kind == Suppression::Kind::File ? "in this file" : "on this line")
                                : "unknown rule `" + c->name + "` in suppression comment";
      ctx.report(rule, c->startByte, c->endByte, std::move(message), removalFix(module, s, whole));
    }
  }
}

} // namespace

CheckPlan::CheckPlan(std::vector<std::unique_ptr<Check>> checks, std::map<std::string, RuleBinding> bindings,
                     std::set<std::string> knownRules)
    : checks_(std::move(checks)), bindings_(std::move(bindings)), knownRules_(std::move(knownRules)),
      driver_(rawPointers(checks_)) {
  for (const auto &c : checks_) needsClassModel_ = needsClassModel_ || c->needsClassModel();
}

const RuleBinding *CheckPlan::binding(std::string_view id) const {
  auto it = bindings_.find(std::string(id));
  return it == bindings_.end() ? nullptr : &it->second;
}

std::vector<Diagnostic> checkModule(const ParsedModule &module, const CheckPlan &plan, const FileFacts &facts) {
  CheckContext ctx(module, facts);
  std::optional<sema::SemanticModel> model;
  std::unique_ptr<sema::classes::ModuleClasses> classes;
  const auto &checks = plan.driver().checks();
  bool wantClasses = std::any_of(checks.begin(), checks.end(), [](const Check *c) { return c->needsClassModel(); });
  if (wantClasses || std::any_of(checks.begin(), checks.end(), [](const Check *c) { return c->needsSemantic(); })) {
    model = sema::bindModule(module, sema::bindOptionsFor(module.source().path(), facts.pythonMinor));
    ctx.setSemantic(&*model);
  }
  if (wantClasses) {
    sema::classes::ClassModel &classModel = facts.classModel ? *facts.classModel : defaultClassModel(facts.pythonMinor);
    std::string name = facts.absolutePath.empty() ? std::string()
                                                  : classModel.graph().moduleNameForPath(facts.absolutePath);
    classes = classModel.classesFor(module, *model, std::move(name), model->isPackageInit());
    ctx.setClasses(classes.get());
  }
  std::vector<Suppression> suppressions;
  plan.driver().run(ctx, [&](Node comment) {
    auto found = parseSuppressions(module, comment);
    suppressions.insert(suppressions.end(), std::make_move_iterator(found.begin()),
                        std::make_move_iterator(found.end()));
  });
  std::vector<Diagnostic> diagnostics = std::move(ctx.diagnostics());
  std::vector<Diagnostic> fixed;
  std::erase_if(diagnostics, [&](Diagnostic &d) {
    if (!isUnsuppressible(d.rule)) return false;
    fixed.push_back(std::move(d));
    return true;
  });
  applySuppressions(suppressions, diagnostics);
  if (const RuleBinding *unused = plan.binding("unused-suppression")) {
    CheckContext extra(module, facts);
    reportUnused(module, plan, *unused, suppressions, extra);
    // `# typhon: ignore[unused-suppression]` may silence these reports on its own line.
    std::vector<Suppression> selfSuppressions;
    for (const Suppression &s : suppressions)
      for (const SuppressionCode &c : s.codes)
        if (c.name == unused->id) selfSuppressions.push_back(s);
    applySuppressions(selfSuppressions, extra.diagnostics());
    for (Diagnostic &d : extra.diagnostics()) diagnostics.push_back(std::move(d));
  }
  for (Diagnostic &d : fixed) diagnostics.push_back(std::move(d));
  std::sort(diagnostics.begin(), diagnostics.end(), diagnosticLess);
  return diagnostics;
}

Diagnostic ioErrorDiagnostic(const IoError &error, const RuleBinding &rule) {
  Diagnostic d;
  d.rule = rule.id;
  d.group = rule.group;
  d.severity = rule.severity;
  d.message = error.message;
  d.file = error.path;
  d.range.start = {error.line ? error.line : 1, error.column ? error.column : 1};
  d.range.end = d.range.start;
  return d;
}

bool looksLikeTestFile(std::string_view path) {
  std::string_view name = path.substr(path.find_last_of('/') == std::string_view::npos ? 0 : path.find_last_of('/') + 1);
  if (name.starts_with("test_") || name.ends_with("_test.py") || name == "conftest.py" || name == "tests.py")
    return true;
  return path.starts_with("tests/") || path.starts_with("test/") || path.find("/tests/") != std::string_view::npos ||
         path.find("/test/") != std::string_view::npos;
}

} // namespace typhon
