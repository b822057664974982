// Unit tests of the edit engine: splicing, fixpoint with re-parse validation, encodings, atomic
// writes and unified diffs.
#include "FixtureSupport.h"

#include "passes/EditApply.h"
#include "passes/EditEngine.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

namespace typhon::testing {
namespace {

namespace fs = std::filesystem;

Fix replace(std::uint32_t a, std::uint32_t b, std::string text) {
  return Fix{Applicability::Safe, "replace", {TextEdit{a, b, std::move(text)}}};
}

TEST(EditApply, OverlappingFixesWaitForTheNextRound) {
  Fix first = replace(0, 3, "xyz");
  Fix clash = replace(2, 5, "!!!");
  Fix later = replace(6, 7, "Z");
  ApplyResult r = applyFixes("abcdefg", {&clash, &later, &first});
  EXPECT_EQ(r.text, "xyzdefZ") << "the fix that starts first wins; its overlap waits";
  EXPECT_EQ(r.applied, 2u);
  EXPECT_EQ(r.deferred, 1u);
}

TEST(EditEngine, FixpointDropsFixesThatBreakTheFile) {
  auto src = SourceFile::fromBytes("a.py", "x = 1\ny = 2\n");
  ASSERT_TRUE(src);
  int calls = 0;
  FixProducer producer = [&](const ParsedModule &m) {
    ++calls;
    std::vector<Fix> fixes;
    std::string_view t = m.text();
    if (t.starts_with("x = 1\n")) fixes.push_back(replace(0, 5, "x = 10"));
    if (t.find("y = 2") != std::string_view::npos) fixes.push_back(replace(static_cast<std::uint32_t>(t.find("y = 2")),
                                                                           static_cast<std::uint32_t>(t.find("y = 2") + 5), "y = ("));
    return fixes;
  };
  TransformResult r = transformToFixpoint(**src, producer);
  EXPECT_EQ(r.text, "x = 10\ny = 2\n");
  EXPECT_TRUE(r.changed);
  EXPECT_FALSE(r.dropped.empty());
}

TEST(EditEngine, ExtraErrorCounterRejectsWhatCompileWouldReject) {
  auto src = SourceFile::fromBytes("a.py", "x = 1\ny = 2\n");
  ASSERT_TRUE(src);
  FixProducer producer = [](const ParsedModule &m) {
    std::vector<Fix> fixes;
    if (m.text().starts_with("x = 1")) fixes.push_back(replace(0, 5, "return 1"));
    if (m.text().ends_with("y = 2\n")) fixes.push_back(replace(static_cast<std::uint32_t>(m.text().size() - 6),
                                                               static_cast<std::uint32_t>(m.text().size() - 1), "y = 3"));
    return fixes;
  };
  // `return` at module level parses (tree-sitter) but CPython's compiler rejects it.
  ErrorCounter moduleReturns = [](const ParsedModule &m) {
    std::size_t n = 0;
    for (Node c : m.root().namedChildren()) n += c.is(NodeKind::ReturnStatement);
    return n;
  };
  TransformResult plain = transformToFixpoint(**src, producer);
  EXPECT_EQ(plain.text, "return 1\ny = 3\n");
  TransformResult checked = transformToFixpoint(**src, producer, 10, moduleReturns);
  EXPECT_EQ(checked.text, "x = 1\ny = 3\n");
  EXPECT_EQ(checked.dropped, std::vector<std::string>{"replace"}) << "reported once though proposed every round";
  EXPECT_TRUE(checked.converged);
}

TEST(EditEngine, FixesThatBreakTheFileOnlyTogetherWaitForTheNextRound) {
  auto src = SourceFile::fromBytes("a.py", "def f():\n    a = 1\n    b = 2\nx = 3\n");
  ASSERT_TRUE(src);
  // Each removal is fine alone; together they leave `def f():` without a body.
  FixProducer producer = [](const ParsedModule &m) {
    std::vector<Fix> fixes;
    std::string_view t = m.text();
    std::size_t a = t.find("    a = 1\n"), b = t.find("    b = 2\n");
    bool alone = (a == std::string_view::npos) != (b == std::string_view::npos);
    for (std::size_t at : {a, b})
      if (at != std::string_view::npos)
        fixes.push_back(replace(static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(at + 10), alone ? "    pass\n" : ""));
    return fixes;
  };
  TransformResult r = transformToFixpoint(**src, producer);
  EXPECT_EQ(r.text, "def f():\n    pass\nx = 3\n");
  EXPECT_TRUE(r.dropped.empty());
  EXPECT_TRUE(r.converged);
  // An empty block is a syntax error even where tree-sitter builds no ERROR node.
  EXPECT_GT(countSyntaxErrors("def f():\nx = 3\n"), 0u);
}

TEST(EditEngine, DeclaredEncodingIsNotAppliedTwice) {
  // The text of a latin-1 file is UTF-8 once decoded: re-parsing it must not decode it again.
  auto src = SourceFile::fromBytes("a.py", "# -*- coding: latin-1 -*-\ns = '\xE9\xE9'\nx = 1\n");
  ASSERT_TRUE(src);
  FixProducer producer = [](const ParsedModule &m) {
    std::vector<Fix> fixes;
    if (std::size_t at = m.text().find("x = 1"); at != std::string_view::npos)
      fixes.push_back(replace(static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(at + 5), "x = 2"));
    return fixes;
  };
  TransformResult r = transformToFixpoint(**src, producer);
  EXPECT_EQ(r.text, "# -*- coding: latin-1 -*-\ns = '\xC3\xA9\xC3\xA9'\nx = 2\n");
  EXPECT_TRUE(r.converged);
}

TEST(EditEngine, NonConvergenceIsReported) {
  auto src = SourceFile::fromBytes("a.py", "x = 1\n");
  ASSERT_TRUE(src);
  FixProducer flip = [](const ParsedModule &m) {
    std::string now(m.text().substr(4, 1));
    return std::vector<Fix>{replace(4, 5, now == "1" ? "2" : "1")};
  };
  TransformResult r = transformToFixpoint(**src, flip, 5);
  EXPECT_FALSE(r.converged);
  EXPECT_EQ(r.rounds, 5);
}

TEST(EditEngine, LineEndingsOfInsertedTextFollowTheFile) {
  auto src = SourceFile::fromBytes("a.py", "x = 1\r\n");
  ASSERT_TRUE(src);
  bool done = false;
  FixProducer producer = [&](const ParsedModule &) {
    if (done) return std::vector<Fix>{};
    done = true;
    return std::vector<Fix>{replace(0, 5, "x = 1\ny = 2")};
  };
  TransformResult r = transformToFixpoint(**src, producer);
  EXPECT_EQ(r.text, "x = 1\r\ny = 2\r\n");
}

TEST(EditEngine, EncodeRestoresBomAndDeclaredEncoding) {
  auto bom = SourceFile::fromBytes("a.py", "\xEF\xBB\xBFx = 1\n");
  ASSERT_TRUE(bom);
  EXPECT_EQ(*encodeForFile(**bom, "x = 2\n"), "\xEF\xBB\xBFx = 2\n");
  auto latin = SourceFile::fromBytes("b.py", "# coding: latin-1\ns = 'caf\xE9'\n");
  ASSERT_TRUE(latin);
  EXPECT_EQ(*encodeForFile(**latin, "# coding: latin-1\ns = 'caf\xC3\xA9!'\n"), "# coding: latin-1\ns = 'caf\xE9!'\n");
  EXPECT_FALSE(encodeForFile(**latin, "s = '\xE2\x82\xAC'\n")) << "the euro sign has no Latin-1 byte";
}

TEST(EditEngine, AtomicWriteKeepsPermissions) {
  fs::path dir = fs::temp_directory_path() / ("typhon-write-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  fs::path file = dir / "m.py";
  { std::ofstream(file) << "old\n"; }
  ::chmod(file.c_str(), 0640);
  ASSERT_TRUE(writeFileAtomically(file, "new\n"));
  EXPECT_EQ(readFile(file), "new\n");
  struct stat st {};
  ::stat(file.c_str(), &st);
  EXPECT_EQ(st.st_mode & 0777, 0640u);
  std::size_t entries = 0;
  for ([[maybe_unused]] const auto &e : fs::directory_iterator(dir)) ++entries;
  EXPECT_EQ(entries, 1u) << "no temporary file left behind";
  EXPECT_FALSE(writeFileAtomically(dir / "missing-dir" / "x.py", "x"));
  fs::remove_all(dir);
}

TEST(Diff, UnifiedHunks) {
  std::string before = "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n";
  std::string after = "a\nB\nc\nd\ne\nf\ng\nh\ni\nj\nk\n";
  std::string d = unifiedDiff(before, after, "m.py");
  EXPECT_EQ(d, "--- a/m.py\n+++ b/m.py\n@@ -1,5 +1,5 @@\n a\n-b\n+B\n c\n d\n e\n@@ -8,3 +8,4 @@\n h\n i\n j\n+k\n");
  EXPECT_EQ(unifiedDiff("x\n", "x\n", "m.py"), "");
  EXPECT_EQ(unifiedDiff("x", "y", "m.py"),
            "--- a/m.py\n+++ b/m.py\n@@ -1 +1 @@\n-x\n\\ No newline at end of file\n+y\n\\ No newline at end of file\n");
  EXPECT_EQ(unifiedDiff("", "new\n", "m.py"), "--- a/m.py\n+++ b/m.py\n@@ -0,0 +1 @@\n+new\n");
}

} // namespace
} // namespace typhon::testing
