// Golden fixture runner: every tests/fixtures/<group>/<rule>.py is checked with every rule on;
// `# error: [rule]` (or warning/info, optionally `@LINE`) comments are the expected diagnostics;
// missing and unexpected diagnostics both fail. Fixable fixtures compare with <rule>.py.fixed.
// TYPHON_UPDATE=1 rewrites the .fixed files. A `# fixture: python 3.N` line sets the target version.
#include "FixtureSupport.h"

#include "checkers/Registry.h"
#include "passes/EditApply.h"
#include "parser/SyntaxErrors.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <regex>
#include <set>
#include <tuple>

namespace typhon::testing {
namespace {

namespace fs = std::filesystem;

struct Expectation {
  std::uint32_t line;
  std::string severity;
  std::string rule;
  friend auto operator<=>(const Expectation &, const Expectation &) = default;
};

std::vector<fs::path> fixtureFiles() {
  std::vector<fs::path> out;
  fs::path root = sourceDir() / "tests" / "fixtures";
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(root, ec); !ec && it != fs::recursive_directory_iterator(); ++it) {
    if (it->path().extension() != ".py") continue;
    if (it->path().string().find("/typeshed/") != std::string::npos) continue;
    out.push_back(it->path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::multiset<Expectation> parseExpectations(const std::string &text) {
  static const std::regex marker(R"(#\s*(error|warning|info)(@(\d+))?:\s*\[([a-z0-9, -]+)\])");
  std::multiset<Expectation> out;
  std::uint32_t line = 1;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    std::string lineText = text.substr(pos, nl - pos);
    for (std::sregex_iterator it(lineText.begin(), lineText.end(), marker), end; it != end; ++it) {
      std::uint32_t target = (*it)[3].matched ? static_cast<std::uint32_t>(std::stoul((*it)[3])) : line;
      std::string rules = (*it)[4];
      std::size_t start = 0;
      while (start <= rules.size()) {
        std::size_t comma = rules.find(',', start);
        if (comma == std::string::npos) comma = rules.size();
        std::string r = rules.substr(start, comma - start);
        r.erase(0, r.find_first_not_of(' '));
        r.erase(r.find_last_not_of(' ') + 1);
        if (!r.empty()) out.insert({target, (*it)[1], r});
        start = comma + 1;
      }
    }
    ++line;
    pos = nl + 1;
  }
  return out;
}

std::string describe(const Expectation &e) {
  return "line " + std::to_string(e.line) + ": " + e.severity + "[" + e.rule + "]";
}

/// Applies every fix (safe and unsafe) until nothing changes (at most 10 rounds).
std::string applyAllFixes(const std::string &path, std::string text, int &rounds) {
  for (rounds = 0; rounds < 10; ++rounds) {
    auto diags = checkText(path, text, allRulesPlan(), false, fixturePythonMinor(text));
    std::vector<const Fix *> fixes;
    for (const Diagnostic &d : diags)
      if (d.fix) fixes.push_back(&*d.fix);
    if (fixes.empty()) break;
    ApplyResult r = applyFixes(text, fixes);
    if (r.text == text) break;
    text = std::move(r.text);
  }
  return text;
}

class FixtureTest : public ::testing::TestWithParam<fs::path> {};

TEST_P(FixtureTest, DiagnosticsMatchAnnotations) {
  const fs::path &file = GetParam();
  std::string text = readFile(file);
  std::string display = fs::relative(file, sourceDir() / "tests" / "fixtures").generic_string();
  auto expected = parseExpectations(text);
  auto diags = checkText(display, text, allRulesPlan(), display.find("test_") != std::string::npos,
                         fixturePythonMinor(text));
  std::multiset<Expectation> actual;
  std::map<Expectation, std::string> messages;
  for (const Diagnostic &d : diags) {
    Expectation e{d.range.start.line, std::string(severityName(d.severity)), d.rule};
    actual.insert(e);
    messages[e] = d.message;
  }
  for (const Expectation &e : expected)
    if (actual.count(e) < expected.count(e)) ADD_FAILURE() << display << ": missing " << describe(e);
  for (const Expectation &e : actual)
    if (expected.count(e) < actual.count(e))
      ADD_FAILURE() << display << ": unexpected " << describe(e) << " " << messages[e];

  bool fixable = std::any_of(diags.begin(), diags.end(), [](const Diagnostic &d) { return d.fix.has_value(); });
  fs::path fixedPath = file.string() + ".fixed";
  if (!fixable) {
    EXPECT_FALSE(fs::exists(fixedPath)) << display << ": has a .fixed file but no diagnostic offers a fix";
    return;
  }
  int rounds = 0;
  std::string fixed = applyAllFixes(display, text, rounds);
  EXPECT_LT(rounds, 10) << display << ": fixes did not converge";
  // The fixed text must not add syntax errors.
  auto before = checkText(display, text, *singleRulePlan("syntax-error"));
  auto after = checkText(display, fixed, *singleRulePlan("syntax-error"));
  EXPECT_LE(after.size(), before.size()) << display << ": fixes introduced a syntax error";
  if (std::getenv("TYPHON_UPDATE")) {
    std::ofstream(fixedPath, std::ios::binary) << fixed;
    return;
  }
  ASSERT_TRUE(fs::exists(fixedPath)) << display << ": fixable, but " << fixedPath.filename()
                                     << " is missing (run the tests with TYPHON_UPDATE=1)";
  EXPECT_EQ(readFile(fixedPath), fixed) << display << ": fixed output differs from " << fixedPath.filename();
}

std::string fixtureName(const ::testing::TestParamInfo<fs::path> &info) {
  std::string name = fs::relative(info.param, sourceDir() / "tests" / "fixtures").generic_string();
  for (char &c : name)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return name;
}

INSTANTIATE_TEST_SUITE_P(Fixtures, FixtureTest, ::testing::ValuesIn(fixtureFiles()), fixtureName);

TEST(FixtureCoverage, EveryRuleHasAFixtureAndEveryFixtureARule) {
  std::set<std::string> fixtures;
  for (const fs::path &f : fixtureFiles())
    fixtures.insert(fs::relative(f, sourceDir() / "tests" / "fixtures").generic_string());
  for (const RuleSpec &r : catalog().rules()) {
    std::string want = r.group + "/" + r.id + ".py";
    EXPECT_TRUE(fixtures.contains(want)) << "rule " << r.id << " has no fixture tests/fixtures/" << want;
    fixtures.erase(want);
  }
  for (const std::string &f : fixtures)
    ADD_FAILURE() << "fixture tests/fixtures/" << f << " names no rule (expected <group>/<rule-id>.py)";
}

TEST(FixtureCoverage, EveryNativeCheckHasAYamlEntry) {
  std::set<std::string> used;
  for (const RuleSpec &r : catalog().rules())
    if (!r.native.empty()) used.insert(r.native);
  for (const NativeCheckInfo &info : nativeChecks())
    EXPECT_TRUE(used.contains(std::string(info.name))) << "native check " << info.name << " has no YAML entry";
}

TEST(RuleExamples, InvalidExamplesAreFlaggedAndValidOnesAreNot) {
  for (const RuleSpec &r : catalog().rules()) {
    auto plan = singleRulePlan(r.id);
    for (const std::string &code : r.invalid) {
      auto diags = checkText("example.py", code, *plan);
      bool hit = std::any_of(diags.begin(), diags.end(), [&](const Diagnostic &d) { return d.rule == r.id; });
      EXPECT_TRUE(hit) << r.id << ": invalid example not flagged:\n" << code;
    }
    for (const std::string &code : r.valid) {
      auto diags = checkText("example.py", code, *plan);
      for (const Diagnostic &d : diags)
        EXPECT_NE(d.rule, r.id) << r.id << ": valid example flagged (" << d.message << "):\n" << code;
    }
  }
}

} // namespace
} // namespace typhon::testing
