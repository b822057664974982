// Test support implementation.
#include "FixtureSupport.h"

#include "parser/Tree.h"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace typhon::testing {

std::filesystem::path sourceDir() { return TYPHON_SOURCE_DIR; }

const RuleCatalog &catalog() {
  static const RuleCatalog instance = [] {
    auto c = RuleCatalog::builtin();
    if (!c) throw std::runtime_error("built-in rules do not load: " + c.error().front().format());
    return std::move(*c);
  }();
  return instance;
}

const CheckPlan &allRulesPlan() {
  static const std::unique_ptr<CheckPlan> plan = [] {
    Config config;
    config.extends = {"all"};
    auto bindings = resolveRules(catalog(), config, {});
    if (!bindings) throw std::runtime_error(bindings.error().format());
    return buildPlan(catalog(), *bindings);
  }();
  return *plan;
}

std::unique_ptr<CheckPlan> singleRulePlan(const std::string &ruleId) {
  Config config;
  config.extends = {};
  CliSelection cli;
  cli.select = {ruleId};
  auto bindings = resolveRules(catalog(), config, cli);
  if (!bindings) throw std::runtime_error(bindings.error().format());
  return buildPlan(catalog(), *bindings);
}

std::vector<Diagnostic> checkText(const std::string &path, const std::string &bytes, const CheckPlan &plan,
                                  bool isTestFile, int pythonMinor) {
  auto source = SourceFile::fromBytes(path, bytes);
  if (!source) {
    const RuleBinding *io = plan.binding("io-error");
    RuleBinding fallback{"io-error", "meta", Severity::Error, {}};
    return {ioErrorDiagnostic(source.error(), io ? *io : fallback)};
  }
  Parser parser;
  auto module = parseModule(parser, *source);
  FileFacts facts;
  facts.isTestFile = isTestFile;
  facts.pythonMinor = pythonMinor;
  return checkModule(*module, plan, facts);
}

int fixturePythonMinor(const std::string &text) {
  static constexpr std::string_view marker = "# fixture: python 3.";
  std::size_t at = text.find(marker);
  if (at == std::string::npos) return 13;
  int minor = 0;
  for (std::size_t i = at + marker.size(); i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i)
    minor = minor * 10 + (text[i] - '0');
  return minor > 0 ? minor : 13;
}

std::string readFile(const std::filesystem::path &path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

} // namespace typhon::testing
