// RuleTests: example-driven rule tests, the engine behind `typhon rules test`.
#include "cli/RuleTests.h"

#include "checkers/Engine.h"
#include "passes/EditApply.h"
#include "rules/Selection.h"

#include <iostream>
#include <set>

namespace typhon {

namespace {

std::vector<Diagnostic> checkExample(const std::string &code, const CheckPlan &plan) {
  auto source = SourceFile::fromBytes("example.py", code);
  if (!source) return {};
  Parser parser;
  auto module = parseModule(parser, *source);
  return checkModule(*module, plan, FileFacts{});
}

std::string fixedText(const std::string &code, const CheckPlan &plan, const std::string &rule) {
  std::string text = code;
  for (int round = 0; round < 10; ++round) {
    auto diags = checkExample(text, plan);
    std::vector<const Fix *> fixes;
    for (const Diagnostic &d : diags)
      if (d.rule == rule && d.fix) fixes.push_back(&*d.fix);
    if (fixes.empty()) break;
    std::string next = applyFixes(text, fixes).text;
    if (next == text) break;
    text = std::move(next);
  }
  return text;
}

} // namespace

void runRuleExamples(const RuleCatalog &catalog, const RuleSpec &rule, RuleTestReport &report) {
  Config config;
  config.extends = {};
  CliSelection cli;
  cli.select = {rule.id};
  auto bindings = resolveRules(catalog, config, cli);
  if (!bindings) {
    report.failures.push_back({rule.id, rule.sourceFile, "cannot be selected: " + bindings.error().message, ""});
    return;
  }
  auto plan = buildPlan(catalog, *bindings);
  auto flagged = [&](const std::string &code) {
    for (const Diagnostic &d : checkExample(code, *plan))
      if (d.rule == rule.id) return true;
    return false;
  };
  for (std::size_t i = 0; i < rule.invalid.size(); ++i) {
    const std::string &code = rule.invalid[i];
    if (!flagged(code)) {
      report.failures.push_back({rule.id, rule.sourceFile, "invalid[" + std::to_string(i) + "] is not flagged", code});
      continue;
    }
    const std::optional<std::string> &want = i < rule.invalidFixed.size() ? rule.invalidFixed[i] : std::nullopt;
    if (want) {
      std::string got = fixedText(code, *plan, rule.id);
      if (got != *want) {
        report.failures.push_back({rule.id, rule.sourceFile,
                                   "invalid[" + std::to_string(i) + "] fixes to\n" + got + "\n  expected\n" + *want, code});
        continue;
      }
    }
    ++report.passed;
  }
  for (std::size_t i = 0; i < rule.valid.size(); ++i) {
    if (flagged(rule.valid[i])) {
      report.failures.push_back({rule.id, rule.sourceFile, "valid[" + std::to_string(i) + "] is flagged", rule.valid[i]});
      continue;
    }
    ++report.passed;
  }
}

int rulesTest(const RuleCatalog &builtin, const std::vector<std::string> &dirs) {
  RuleCatalog catalog = builtin;
  std::vector<std::string> ids;
  if (dirs.empty()) {
    for (const RuleSpec &r : builtin.rules()) ids.push_back(r.id);
  } else {
    for (const std::string &dir : dirs) {
      // A directory may hold rules that are also built in (the packs themselves, or a copy being
      // edited): the files on disk are the ones under test.
      RuleCatalog scratch;
      (void)scratch.addDirectory(dir, dir); // errors are reported by the real load below
      std::set<std::string> onDisk;
      for (const RuleSpec &r : scratch.rules()) onDisk.insert(r.id);
      catalog.removeRules(onDisk);
      std::size_t before = catalog.rules().size();
      auto errors = catalog.addDirectory(dir, dir);
      for (const DataError &e : errors) std::cerr << "error: " << e.format() << "\n";
      if (!errors.empty()) return 2;
      for (std::size_t i = before; i < catalog.rules().size(); ++i) ids.push_back(catalog.rules()[i].id);
    }
  }
  RuleTestReport report;
  for (const std::string &id : ids) runRuleExamples(catalog, *catalog.find(id), report);
  for (const ExampleFailure &f : report.failures) {
    std::cout << "FAIL " << f.rule << " (" << f.file << "): " << f.what << "\n";
    if (!f.code.empty()) std::cout << "    | " << f.code << (f.code.ends_with("\n") ? "" : "\n");
  }
  std::cout << report.passed << " passed, " << report.failures.size() << " failed\n";
  return report.failures.empty() ? 0 : 1;
}

} // namespace typhon
