// End-to-end tests of the typhon executable: exit codes, configuration errors, discovery,
// suppression flags, determinism, and golden output for every format.
#include "CliSupport.h"

#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <regex>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

namespace typhon::testing {
namespace {

namespace fs = std::filesystem;

TEST(Cli, ExitCodes) {
  TempDir dir;
  dir.write("ok.py", "x = 1\n");
  EXPECT_EQ(typhon("check ok.py", dir.path()).rc, 0);
  dir.write("bad.py", "def f(:\n    pass\n");
  CmdResult r = typhon("check .", dir.path());
  EXPECT_EQ(r.rc, 1);
  EXPECT_NE(r.out.find("bad.py:1:"), std::string::npos) << r.out;
  EXPECT_EQ(typhon("check --exit-zero .", dir.path()).rc, 0);
  EXPECT_EQ(typhon(". --exit-zero", dir.path()).rc, 0) << "check is the default command";
  EXPECT_EQ(typhon("check --format yaml .", dir.path()).rc, 2);
  EXPECT_EQ(typhon("check --no-such-flag", dir.path()).rc, 2);
  EXPECT_EQ(typhon("check --python-version 3 .", dir.path()).rc, 2);
  EXPECT_EQ(typhon("--version", dir.path()).rc, 0);
}

TEST(Cli, BadConfigStopsWithLocationAndExit2) {
  TempDir dir;
  dir.write("typhon.yaml", "extends: [recommended]\nrulez:\n  x: off\n");
  dir.write("a.py", "print 'x'\n");
  CmdResult r = typhon("check .", dir.path());
  EXPECT_EQ(r.rc, 2);
  EXPECT_TRUE(r.out.empty()) << "nothing else is run: " << r.out;
  EXPECT_NE(r.err.find("typhon.yaml:2:1: unknown key `rulez`"), std::string::npos) << r.err;

  dir.write("typhon.yaml", "rules:\n  syntax-eror: off\n");
  r = typhon("check .", dir.path());
  EXPECT_EQ(r.rc, 2);
  EXPECT_NE(r.err.find("typhon.yaml:2:3: `syntax-eror` names no rule or group"), std::string::npos) << r.err;

  dir.write("typhon.yaml", "rules: [\n");
  r = typhon("check .", dir.path());
  EXPECT_EQ(r.rc, 2);
  EXPECT_NE(r.err.find("invalid YAML"), std::string::npos) << r.err;
}

TEST(Cli, PyprojectAndNestedConfigs) {
  TempDir dir;
  dir.write("pyproject.toml", "[project]\nname = 'p'\n[tool.typhon.rules]\nsyntax-error = 'warning'\n");
  dir.write("a.py", "print 'x'\n");
  dir.write("sub/typhon.yaml", "rules:\n  syntax-error: off\n");
  dir.write("sub/b.py", "print 'x'\n");
  CmdResult r = typhon("check --format json .", dir.path());
  EXPECT_EQ(r.rc, 1);
  EXPECT_NE(r.out.find("\"severity\": \"warning\""), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("sub/b.py"), std::string::npos) << r.out;
  dir.write("pyproject.toml", "[tool.typhon]\nextend = ['x']\n");
  r = typhon("check a.py", dir.path());
  EXPECT_EQ(r.rc, 2);
  EXPECT_NE(r.err.find("pyproject.toml:2:1"), std::string::npos) << r.err;
}

TEST(Cli, UnreadableAndUndecodableFilesGiveIoErrorAndTheRunGoesOn) {
  TempDir dir;
  dir.write("latin.py", "name = 'Ren\xE9'\n");
  dir.write("good.py", "print 'x'\n");
  fs::create_symlink(dir.path() / "missing.py", dir.path() / "dangling.py");
  fs::create_directories(dir.path() / "dir.py");
  CmdResult r = typhon("check --format json . nothere.py", dir.path());
  EXPECT_EQ(r.rc, 1);
  EXPECT_NE(r.out.find("\"rule\": \"io-error\""), std::string::npos);
  EXPECT_NE(r.out.find("invalid UTF-8"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("broken symbolic link"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("nothere.py"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("good.py"), std::string::npos) << "other files are still checked";
}

TEST(Cli, DiscoveryHonoursGitignoreDefaultsAndExclude) {
  TempDir dir;
  dir.write(".gitignore", "generated/\n*_pb2.py\n");
  dir.write("generated/g.py", "print 'x'\n");
  dir.write("api_pb2.py", "print 'x'\n");
  dir.write(".venv/lib/v.py", "print 'x'\n");
  dir.write("node_modules/n.py", "print 'x'\n");
  dir.write("vendored/v.py", "print 'x'\n");
  dir.write("src/m.py", "print 'x'\n");
  dir.write("src/stub.pyi", "def f() -> int: ...\n");
  dir.write("typhon.yaml", "exclude: [\"vendored/**\"]\n");
  fs::create_directory_symlink(dir.path(), dir.path() / "src" / "loop");
  CmdResult r = typhon("check --format json .", dir.path());
  EXPECT_EQ(r.rc, 1);
  EXPECT_NE(r.out.find("src/m.py"), std::string::npos);
  for (const char *hidden : {"generated/g.py", "api_pb2.py", ".venv", "node_modules", "vendored/v.py", "loop/"})
    EXPECT_EQ(r.out.find(hidden), std::string::npos) << hidden;
  EXPECT_NE(r.out.find("\"files\": 2"), std::string::npos) << r.out;
  CmdResult all = typhon("check --no-gitignore --format json .", dir.path());
  EXPECT_NE(all.out.find("api_pb2.py"), std::string::npos);
  // An explicitly named file is checked even when ignored.
  EXPECT_NE(typhon("check api_pb2.py", dir.path()).out.find("api_pb2.py"), std::string::npos);
}

TEST(Cli, SelectIgnoreAndPerFileIgnores) {
  TempDir dir;
  dir.write("a.py", "print 'x'\ny = 1  # typhon: ignore[nonexistent-rule]\n");
  dir.write("tests/t.py", "y = 1  # typhon: ignore[nonexistent-rule]\n");
  CmdResult r = typhon("check --select unused-suppression --format json .", dir.path());
  EXPECT_EQ(r.out.find("syntax-error"), std::string::npos);
  EXPECT_NE(r.out.find("unused-suppression"), std::string::npos);
  r = typhon("check --ignore meta,syntax-error .", dir.path());
  EXPECT_EQ(r.rc, 0) << r.out;
  EXPECT_EQ(typhon("check --select no-such .", dir.path()).rc, 2);
  dir.write("typhon.yaml", "per-file-ignores:\n  \"tests/**\": [unused-suppression]\n");
  r = typhon("check --format json --select unused-suppression .", dir.path());
  EXPECT_EQ(r.out.find("tests/t.py"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("a.py"), std::string::npos);
}

TEST(Cli, OutputIsDeterministicWhateverTheJobCount) {
  TempDir dir;
  for (int i = 0; i < 40; ++i)
    dir.write("m" + std::to_string(i % 7) + "/f" + std::to_string(i) + ".py", "print 'x'\nz = 1  # typhon: ignore[bad-code]\n");
  CmdResult one = typhon("check --jobs 1 --format json .", dir.path());
  CmdResult two = typhon("check --jobs 2 --format json .", dir.path());
  CmdResult many = typhon("check --jobs 8 --format json .", dir.path());
  std::regex duration("\"duration_ms\": [0-9]+");
  EXPECT_EQ(std::regex_replace(one.out, duration, ""), std::regex_replace(two.out, duration, ""));
  EXPECT_EQ(std::regex_replace(one.out, duration, ""), std::regex_replace(many.out, duration, ""));
}

TEST(Cli, RulesListAndExplain) {
  CmdResult list = typhon("rules list", sourceDir());
  EXPECT_EQ(list.rc, 0);
  EXPECT_NE(list.out.find("syntax-error"), std::string::npos);
  CmdResult json = typhon("rules list --json", sourceDir());
  EXPECT_EQ(json.out.front(), '[');
  CmdResult explain = typhon("rules explain unused-suppression", sourceDir());
  EXPECT_EQ(explain.rc, 0);
  EXPECT_NE(explain.out.find("# unused-suppression"), std::string::npos);
  EXPECT_EQ(typhon("rules explain nope", sourceDir()).rc, 2);
}

TEST(Cli, InitWritesAStarterConfigThatLoads) {
  TempDir dir;
  dir.write("a.py", "x = 1\n");
  EXPECT_EQ(typhon("init", dir.path()).rc, 0);
  EXPECT_TRUE(fs::exists(dir.path() / "typhon.yaml"));
  EXPECT_EQ(typhon("init", dir.path()).rc, 2) << "never overwrites without --force";
  CmdResult r = typhon("check .", dir.path());
  EXPECT_EQ(r.rc, 0) << r.err << r.out;
}

TEST(Cli, FixWritesInPlaceKeepingBomCrlfAndPermissions) {
  TempDir dir;
  dir.write("lint/none.yaml", "id: none-cmp\ngroup: style\nseverity: warning\nmessage: m\nrule:\n  pattern: $A == None\n"
                              "fix: $A is None\n");
  dir.write("typhon.yaml", "rule-dirs: [lint]\n");
  dir.write("a.py", "\xEF\xBB\xBFimport os\r\nif os.sep == None:\r\n    pass\r\n");
  ::chmod((dir.path() / "a.py").c_str(), 0600);
  CmdResult diff = typhon("fix --diff a.py", dir.path());
  EXPECT_EQ(diff.rc, 1);
  EXPECT_NE(diff.out.find("-if os.sep == None:"), std::string::npos) << diff.out;
  EXPECT_NE(diff.out.find("+if os.sep is None:"), std::string::npos);
  EXPECT_EQ(typhon("fix --check a.py", dir.path()).rc, 1);
  CmdResult out = typhon("fix --stdout a.py", dir.path());
  EXPECT_EQ(out.out, "import os\r\nif os.sep is None:\r\n    pass\r\n");
  EXPECT_EQ(readFile(dir.path() / "a.py"), "\xEF\xBB\xBFimport os\r\nif os.sep == None:\r\n    pass\r\n") << "nothing written yet";
  CmdResult fixed = typhon("check --fix a.py", dir.path());
  EXPECT_EQ(fixed.rc, 0) << fixed.out << fixed.err;
  EXPECT_EQ(readFile(dir.path() / "a.py"), "\xEF\xBB\xBFimport os\r\nif os.sep is None:\r\n    pass\r\n");
  EXPECT_EQ(fs::status(dir.path() / "a.py").permissions() & fs::perms::all, fs::perms::owner_read | fs::perms::owner_write);
  EXPECT_EQ(typhon("fix --check a.py", dir.path()).rc, 0) << "a second run changes nothing";
}

TEST(Cli, FixLeavesFilesWithSyntaxErrorsAloneUnlessForced) {
  TempDir dir;
  dir.write("lint/none.yaml", "id: none-cmp\ngroup: style\nseverity: warning\nmessage: m\nrule:\n  pattern: $A == None\n"
                              "fix: $A is None\n");
  dir.write("typhon.yaml", "rule-dirs: [lint]\n");
  dir.write("b.py", "x == None\ndef f(:\n");
  CmdResult r = typhon("fix b.py", dir.path());
  EXPECT_NE(r.err.find("syntax errors"), std::string::npos) << r.err;
  EXPECT_EQ(readFile(dir.path() / "b.py"), "x == None\ndef f(:\n");
  typhon("fix --force b.py", dir.path());
  EXPECT_EQ(readFile(dir.path() / "b.py"), "x is None\ndef f(:\n");
}

TEST(Cli, RewriteAppliesRuleFilesAndAsksInInteractiveMode) {
  TempDir dir;
  dir.write("rw.yaml", "id: keys-loop\ngroup: refactor\nseverity: info\nmessage: m\nrule:\n  pattern: |\n"
                       "    for $K in $D.keys():\n        $$$B\nfix: |\n  for $K in $D:\n      $$$B\n---\n"
                       "id: none-cmp\ngroup: refactor\nseverity: info\nmessage: m\nrule:\n  pattern: $A == None\n"
                       "fix: $A is None\napplicability: unsafe\n");
  std::string code = "def f(d):\n    for k in d.keys():\n        print(k)\n        g(k)\n    return d == None\n";
  dir.write("m.py", code);
  CmdResult diff = typhon("rewrite -r rw.yaml --diff m.py", dir.path());
  EXPECT_EQ(diff.rc, 1);
  EXPECT_NE(diff.out.find("+    for k in d:"), std::string::npos) << diff.out;
  EXPECT_NE(diff.out.find("+    return d is None"), std::string::npos) << "rewrite applies unsafe fixes of its rules";
  EXPECT_EQ(readFile(dir.path() / "m.py"), code);
  dir.write("answers", "n\ny\n");
  CmdResult ask = typhon("rewrite -r rw.yaml -i m.py < answers", dir.path());
  EXPECT_NE(ask.out.find("Apply this change?"), std::string::npos) << ask.out;
  EXPECT_EQ(readFile(dir.path() / "m.py"), "def f(d):\n    for k in d.keys():\n        print(k)\n        g(k)\n    return d is None\n")
      << "the first change was declined, the second accepted";
  dir.write("m.py", code);
  EXPECT_EQ(typhon("rewrite -r missing.yaml m.py", dir.path()).rc, 2);
  dir.write("bad.yaml", "id: x\ngroup: g\nseverity: info\nmessage: m\nrule:\n  pattern: f(\n");
  CmdResult bad = typhon("rewrite -r bad.yaml m.py", dir.path());
  EXPECT_EQ(bad.rc, 2);
  EXPECT_NE(bad.err.find("bad.yaml:6"), std::string::npos) << bad.err;
  typhon("rewrite -r rw.yaml m.py", dir.path());
  EXPECT_EQ(readFile(dir.path() / "m.py"),
            "def f(d):\n    for k in d:\n        print(k)\n        g(k)\n    return d is None\n");
}

// Golden output of every format for tests/golden/project. TYPHON_UPDATE=1 rewrites them.
class GoldenFormat : public ::testing::TestWithParam<std::string> {};

TEST_P(GoldenFormat, MatchesExpected) {
  const std::string format = GetParam();
  fs::path golden = sourceDir() / "tests" / "golden";
  CmdResult r = typhon("check --select syntax-error,unused-suppression,io-error --color never --format " + format + " project",
                 golden);
  EXPECT_EQ(r.rc, 1) << r.err;
  std::string out = std::regex_replace(r.out, std::regex("\"duration_ms\": [0-9]+"), "\"duration_ms\": 0");
  fs::path expected = golden / ("expected." + format);
  if (std::getenv("TYPHON_UPDATE")) {
    std::ofstream(expected, std::ios::binary) << out;
    return;
  }
  ASSERT_TRUE(fs::exists(expected)) << expected << " missing: run with TYPHON_UPDATE=1";
  EXPECT_EQ(readFile(expected), out);
}

INSTANTIATE_TEST_SUITE_P(Formats, GoldenFormat, ::testing::Values("text", "json", "sarif", "github", "junit"));

TEST(Cli, StatisticsAndOutputFile) {
  fs::path golden = sourceDir() / "tests" / "golden";
  CmdResult r = typhon("check --statistics --select syntax-error,io-error project", golden);
  EXPECT_EQ(r.rc, 1);
  EXPECT_NE(r.out.find("syntax-error"), std::string::npos);
  EXPECT_EQ(r.out.find("|"), std::string::npos) << "statistics print no snippets";
  TempDir dir;
  fs::path out = dir.path() / "report.json";
  r = typhon("check --format json --output " + quote(out.string()) + " project", golden);
  EXPECT_TRUE(r.out.empty());
  EXPECT_NE(readFile(out).find("\"version\": 1"), std::string::npos);
}

} // namespace
} // namespace typhon::testing
