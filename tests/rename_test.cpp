// rename_test: annotated rename cases run through the typhon executable.
//  - tests/rename/cases/NAME.py: first line `# rename: OLD#N NEW` (the N-th whole-word occurrence
//    of OLD after that line is the cursor), then optional `# refuse: TEXT` lines; the expected
//    result is NAME.py.expected (or, with `refuse`, exit 2, TEXT on stderr and nothing written).
//  - tests/rename/projects/NAME/: case.txt (`rename: FILE OLD#N NEW`, optional `refuse: TEXT`),
//    input/ (the project) and expected/ (the files that change).
// TYPHON_UPDATE=1 rewrites the expected files (review them before committing).
#include "CliSupport.h"

#include <gtest/gtest.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

namespace typhon::testing {
namespace {

namespace fs = std::filesystem;

void writeFile(const fs::path &path, const std::string &text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
}

bool identChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || (c & 0x80); }

/// "LINE:COL" of the n-th whole-word occurrence of `word` at or after byte `from`.
std::string locate(const std::string &text, const std::string &word, int n, std::size_t from) {
  for (std::size_t pos = text.find(word, from); pos != std::string::npos; pos = text.find(word, pos + 1)) {
    bool whole = (pos == 0 || !identChar(text[pos - 1])) &&
                 (pos + word.size() >= text.size() || !identChar(text[pos + word.size()]));
    if (!whole || --n > 0) continue;
    std::size_t lineStart = text.rfind('\n', pos == 0 ? 0 : pos - 1);
    lineStart = lineStart == std::string::npos || pos == 0 ? 0 : lineStart + 1;
    int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(pos), '\n'));
    int col = 1;
    for (std::size_t i = lineStart; i < pos; ++i) col += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
    return std::to_string(line) + ":" + std::to_string(col);
  }
  return "";
}

struct Spec {
  std::string file, old, newName;
  int occurrence = 1;
  std::vector<std::string> refusals;
};

/// Parses `OLD#N NEW` (after "rename:", and the file for projects).
bool parseTarget(std::istringstream &in, Spec &spec) {
  std::string target;
  in >> target >> spec.newName;
  std::size_t hash = target.rfind('#');
  if (hash == std::string::npos || spec.newName.empty()) return false;
  spec.old = target.substr(0, hash);
  spec.occurrence = std::atoi(target.c_str() + hash + 1);
  return spec.occurrence > 0;
}

std::map<std::string, std::string> snapshot(const fs::path &root) {
  std::map<std::string, std::string> files;
  for (const auto &e : fs::recursive_directory_iterator(root))
    if (e.is_regular_file()) files[fs::relative(e.path(), root).generic_string()] = readFile(e.path());
  return files;
}

bool updating() { return std::getenv("TYPHON_UPDATE") != nullptr; }

void runCase(const fs::path &inputRoot, const Spec &spec, const fs::path &expectedRoot, const std::string &label) {
  SCOPED_TRACE(label);
  TempDir tmp;
  fs::copy(inputRoot, tmp.path(), fs::copy_options::recursive);
  auto before = snapshot(tmp.path());
  ASSERT_TRUE(before.count(spec.file)) << spec.file;
  const std::string &text = before[spec.file];
  // Occurrences are counted after the header lines (`# rename:`, `# refuse:`).
  std::size_t from = 0;
  while (text.compare(from, 9, "# rename:") == 0 || text.compare(from, 9, "# refuse:") == 0) {
    std::size_t nl = text.find('\n', from);
    if (nl == std::string::npos) break;
    from = nl + 1;
  }
  std::string at = locate(text, spec.old, spec.occurrence, from);
  ASSERT_FALSE(at.empty()) << "no occurrence " << spec.occurrence << " of " << spec.old;
  CmdResult r = typhon("rename " + quote(spec.file + ":" + at) + " " + quote(spec.newName), tmp.path());
  auto after = snapshot(tmp.path());
  if (!spec.refusals.empty()) {
    EXPECT_EQ(r.rc, 2) << r.err;
    for (const std::string &t : spec.refusals) EXPECT_NE(r.err.find(t), std::string::npos) << "missing `" << t << "` in:\n" << r.err;
    EXPECT_EQ(after, before) << "a refused rename wrote files";
    return;
  }
  ASSERT_EQ(r.rc, 0) << r.err;
  for (const auto &[name, content] : after) {
    fs::path expected = expectedRoot / name;
    if (updating()) {
      if (content != before[name]) writeFile(expected, content);
      continue;
    }
    std::string want = fs::exists(expected) ? readFile(expected) : before[name];
    EXPECT_EQ(content, want) << name;
  }
}

fs::path renameDir() { return sourceDir() / "tests" / "rename"; }

TEST(Rename, AnnotatedCases) {
  int cases = 0;
  for (const auto &e : fs::directory_iterator(renameDir() / "cases")) {
    if (e.path().extension() != ".py") continue;
    std::string text = readFile(e.path());
    std::istringstream lines(text);
    std::string line;
    Spec spec;
    spec.file = e.path().filename().string();
    std::getline(lines, line);
    std::istringstream head(line.substr(std::min<std::size_t>(line.size(), 9)));
    ASSERT_TRUE(line.starts_with("# rename:") && parseTarget(head, spec)) << e.path();
    while (std::getline(lines, line) && line.starts_with("# refuse: ")) spec.refusals.push_back(line.substr(10));
    TempDir input;
    fs::copy(e.path(), input.path() / spec.file);
    fs::path expectedRoot = input.path() / "expected";
    fs::create_directories(expectedRoot);
    fs::path expectedFile = e.path().string() + ".expected";
    if (fs::exists(expectedFile)) fs::copy(expectedFile, expectedRoot / spec.file);
    runCase(input.path() / spec.file, spec, expectedRoot, spec.file);
    if (updating() && fs::exists(expectedRoot / spec.file)) fs::copy_file(expectedRoot / spec.file, expectedFile, fs::copy_options::overwrite_existing);
    ++cases;
  }
  EXPECT_GE(cases, 20);
}

TEST(Rename, ProjectCases) {
  int cases = 0;
  for (const auto &e : fs::directory_iterator(renameDir() / "projects")) {
    std::istringstream lines(readFile(e.path() / "case.txt"));
    std::string line;
    Spec spec;
    while (std::getline(lines, line)) {
      if (line.starts_with("rename: ")) {
        std::istringstream in(line.substr(8));
        in >> spec.file;
        ASSERT_TRUE(parseTarget(in, spec)) << e.path();
      } else if (line.starts_with("refuse: ")) {
        spec.refusals.push_back(line.substr(8));
      }
    }
    runCase(e.path() / "input", spec, e.path() / "expected", e.path().filename().string());
    ++cases;
  }
  EXPECT_GE(cases, 6);
}

TEST(Rename, DryRunsWriteNothing) {
  TempDir tmp;
  std::string code = "def f():\n    value = 1\n    return value\n";
  writeFile(tmp.path() / "m.py", code);
  CmdResult diff = typhon("rename m.py:2:5 amount --diff", tmp.path());
  EXPECT_EQ(diff.rc, 1) << diff.err;
  EXPECT_NE(diff.out.find("+    amount = 1"), std::string::npos) << diff.out;
  EXPECT_NE(diff.out.find("-    return value"), std::string::npos) << diff.out;
  CmdResult check = typhon("rename m.py:2:5 amount --check", tmp.path());
  EXPECT_EQ(check.rc, 1);
  EXPECT_NE(check.out.find("would rename 2 occurrences in m.py"), std::string::npos) << check.out;
  CmdResult out = typhon("rename m.py:3:12 amount --stdout", tmp.path());
  EXPECT_EQ(out.rc, 0);
  EXPECT_EQ(out.out, "def f():\n    amount = 1\n    return amount\n");
  EXPECT_EQ(readFile(tmp.path() / "m.py"), code);
}

TEST(Rename, KeepsEncodingBomAndLineEndings) {
  TempDir tmp;
  std::string code = "\xEF\xBB\xBF# -*- coding: utf-8 -*-\r\nv\xC3\xA9rit\xC3\xA9 = 1\r\nprint(v\xC3\xA9rit\xC3\xA9)\r\n";
  writeFile(tmp.path() / "m.py", code);
  CmdResult r = typhon("rename m.py:3:7 truth", tmp.path());
  ASSERT_EQ(r.rc, 0) << r.err;
  EXPECT_EQ(readFile(tmp.path() / "m.py"), "\xEF\xBB\xBF# -*- coding: utf-8 -*-\r\ntruth = 1\r\nprint(truth)\r\n");
}

TEST(Rename, DeepNestingAndLongChains) {
  TempDir tmp;
  writeFile(tmp.path() / "m.py", "old = 1\n");
  std::string chain = "import m\nx = m";
  for (int i = 0; i < 20000; ++i) chain += ".old";
  chain += "\ny = " + std::string(3000, '[') + std::string(3000, ']') + "\n";
  writeFile(tmp.path() / "deep.py", chain);
  auto started = std::chrono::steady_clock::now();
  CmdResult r = typhon("rename m.py:1:1 new", tmp.path());
  auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  ASSERT_EQ(r.rc, 0) << r.err;
  EXPECT_TRUE(readFile(tmp.path() / "deep.py").starts_with("import m\nx = m.new.old.old"));
  EXPECT_EQ(readFile(tmp.path() / "m.py"), "new = 1\n");
  EXPECT_LT(seconds, 30.0) << "the attribute chain is walked quadratically";
}

TEST(Rename, BadLocations) {
  TempDir tmp;
  writeFile(tmp.path() / "m.py", "x = 1\n");
  EXPECT_EQ(typhon("rename m.py:1 y", tmp.path()).rc, 2);
  EXPECT_EQ(typhon("rename m.py:9:1 y", tmp.path()).rc, 2);
  EXPECT_EQ(typhon("rename missing.py:1:1 y", tmp.path()).rc, 2);
  CmdResult same = typhon("rename m.py:1:1 x", tmp.path());
  EXPECT_EQ(same.rc, 0);
  EXPECT_EQ(readFile(tmp.path() / "m.py"), "x = 1\n");
}

} // namespace
} // namespace typhon::testing
