// Rule-loader robustness: every file of tests/rule_corpus/broken/ (malformed YAML, wrong keys,
// types and values, bad patterns, kinds, regexes, unbound metavariables) is rejected with an
// error that names the file and a line, and nothing crashes; the valid built-ins still load.
#include "FixtureSupport.h"

#include <gtest/gtest.h>

namespace typhon::testing {
namespace {

namespace fs = std::filesystem;

TEST(RuleCorpus, EveryBrokenRuleFileIsRejectedWithALocation) {
  fs::path dir = sourceDir() / "tests" / "rule_corpus" / "broken";
  std::vector<fs::path> files;
  for (const auto &e : fs::directory_iterator(dir))
    if (e.path().extension() == ".yaml") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  ASSERT_GE(files.size(), 200u);
  for (const fs::path &f : files) {
    RuleCatalog c = catalog();
    std::string name = f.filename().string();
    auto error = c.addRuleText(readFile(f), name, false);
    if (!error) {
      ADD_FAILURE() << name << " was accepted";
      continue;
    }
    EXPECT_EQ(error->file, name);
    EXPECT_FALSE(error->message.empty()) << name;
    bool emptyDocument = readFile(f).find_first_not_of(" \t\r\n-.") == std::string::npos;
    if (!emptyDocument) {
      EXPECT_GE(error->line, 1u) << name << ": " << error->format();
    }
  }
}

TEST(RuleCorpus, ABadRuleDirectoryKeepsTheOtherRules) {
  RuleCatalog c = catalog();
  auto errors = c.addDirectory(sourceDir() / "tests" / "rule_corpus" / "broken", "broken");
  EXPECT_GE(errors.size(), 200u);
  EXPECT_TRUE(c.find("syntax-error")) << "built-in rules stay loaded";
}

} // namespace
} // namespace typhon::testing
