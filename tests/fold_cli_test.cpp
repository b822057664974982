// End-to-end tests of `typhon fold` (every flag, encodings, syntax errors, discovery) and of the
// edit engine's compile-time validation as the CLI runs it.
#include "CliSupport.h"

#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

namespace typhon::testing {
namespace {

namespace fs = std::filesystem;

TEST(FoldCli, DiffCheckStdoutAndWrite) {
  TempDir dir;
  dir.write("a.py", "x = 2 * 3  # six\ny = f(1 << 4)\n");
  ::chmod((dir.path() / "a.py").c_str(), 0640);
  CmdResult diff = typhon("fold --diff a.py", dir.path());
  EXPECT_EQ(diff.rc, 1) << diff.err;
  EXPECT_NE(diff.out.find("-x = 2 * 3  # six\n"), std::string::npos) << diff.out;
  EXPECT_NE(diff.out.find("+x = 6  # six\n"), std::string::npos) << diff.out;
  EXPECT_NE(diff.out.find("+y = f(16)\n"), std::string::npos) << diff.out;
  EXPECT_NE(diff.err.find("Would fold 2 expressions in 1 file"), std::string::npos) << diff.err;
  CmdResult check = typhon("fold --check a.py", dir.path());
  EXPECT_EQ(check.rc, 1);
  EXPECT_NE(check.out.find("would fix a.py"), std::string::npos) << check.out;
  CmdResult out = typhon("fold --stdout a.py", dir.path());
  EXPECT_EQ(out.rc, 0);
  EXPECT_EQ(out.out, "x = 6  # six\ny = f(16)\n");
  EXPECT_EQ(dir.read("a.py"), "x = 2 * 3  # six\ny = f(1 << 4)\n") << "--diff, --check, --stdout write nothing";
  CmdResult write = typhon("fold a.py", dir.path());
  EXPECT_EQ(write.rc, 0) << write.err;
  EXPECT_NE(write.err.find("Folded 2 expressions in 1 file"), std::string::npos) << write.err;
  EXPECT_EQ(dir.read("a.py"), "x = 6  # six\ny = f(16)\n");
  EXPECT_EQ(fs::status(dir.path() / "a.py").permissions() & fs::perms::all,
            fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  EXPECT_EQ(typhon("fold --check a.py", dir.path()).rc, 0) << "a second run changes nothing";
  EXPECT_EQ(typhon("fold --stdout a.py", dir.path()).out, "x = 6  # six\ny = f(16)\n") << "unchanged file printed as is";
}

TEST(FoldCli, DeadBranchesAndComparisonsOnlyWhenAsked) {
  TempDir dir;
  const std::string text = "if 0:\n    a()\nelse:\n    b()\nok = 1 < 2\n";
  dir.write("d.py", text);
  EXPECT_EQ(typhon("fold --stdout d.py", dir.path()).out, text);
  EXPECT_EQ(typhon("fold --check d.py", dir.path()).rc, 0);
  EXPECT_EQ(typhon("fold --stdout --eliminate-dead-branches d.py", dir.path()).out, "b()\nok = 1 < 2\n");
  EXPECT_EQ(typhon("fold --stdout --unsafe d.py", dir.path()).out, "b()\nok = 1 < 2\n") << "--unsafe is the alias";
  EXPECT_EQ(typhon("fold --stdout --fold-comparisons d.py", dir.path()).out,
            "if 0:\n    a()\nelse:\n    b()\nok = True\n");
  EXPECT_EQ(typhon("fold --unsafe --fold-comparisons d.py", dir.path()).rc, 0);
  EXPECT_EQ(dir.read("d.py"), "b()\nok = True\n");
}

TEST(FoldCli, KeepsBomCrlfAndDeclaredEncoding) {
  TempDir dir;
  dir.write("bom.py", "\xEF\xBB\xBFx = 1 + 1\r\ns = 'caf\xC3\xA9'\r\n");
  dir.write("latin.py", "# -*- coding: latin-1 -*-\r\ns = '\xE9t\xE9'\r\nn = 10 ** 3\r\n");
  CmdResult r = typhon("fold bom.py latin.py", dir.path());
  EXPECT_EQ(r.rc, 0) << r.err;
  EXPECT_EQ(dir.read("bom.py"), "\xEF\xBB\xBFx = 2\r\ns = 'caf\xC3\xA9'\r\n");
  EXPECT_EQ(dir.read("latin.py"), "# -*- coding: latin-1 -*-\r\ns = '\xE9t\xE9'\r\nn = 1000\r\n");
  dir.write("cr.py", "if 0:\r\n    a()\r\nelse:\r\n    b()\r\n    c()\r\n");
  EXPECT_EQ(typhon("fold --unsafe cr.py", dir.path()).rc, 0);
  EXPECT_EQ(dir.read("cr.py"), "b()\r\nc()\r\n") << "inserted text gets the file's line endings";
}

TEST(FoldCli, FilesWithSyntaxErrorsAreLeftAloneUnlessForced) {
  TempDir dir;
  dir.write("b.py", "x = 1 + 1\ndef f(:\n");
  dir.write("indent.py", "x = 1 + 1\n  y = 2\n"); // tree-sitter accepts the unexpected indent
  CmdResult r = typhon("fold b.py indent.py", dir.path());
  EXPECT_EQ(r.rc, 0) << r.err;
  EXPECT_NE(r.err.find("b.py: not fixed: the file has syntax errors"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("indent.py: not fixed: the file has syntax errors"), std::string::npos) << r.err;
  EXPECT_EQ(dir.read("b.py"), "x = 1 + 1\ndef f(:\n");
  EXPECT_EQ(dir.read("indent.py"), "x = 1 + 1\n  y = 2\n");
  EXPECT_EQ(typhon("fold --force b.py", dir.path()).rc, 0);
  EXPECT_EQ(dir.read("b.py"), "x = 2\ndef f(:\n");
}

TEST(FoldCli, DiscoveryConfigJobsAndDeterministicOutput) {
  TempDir dir;
  dir.write("typhon.yaml", "exclude: [\"gen/**\"]\n");
  for (int i = 0; i < 12; ++i) dir.write("pkg/m" + std::to_string(i) + ".py", "v = " + std::to_string(i) + " + 1\n");
  dir.write("gen/skip.py", "v = 1 + 1\n");
  dir.write(".venv/lib.py", "v = 1 + 1\n");
  CmdResult one = typhon("fold --diff -j 1", dir.path());
  CmdResult four = typhon("fold --diff -j 4", dir.path());
  EXPECT_EQ(one.rc, 1);
  EXPECT_EQ(one.out, four.out) << "same output whatever the job count";
  EXPECT_NE(one.out.find("+v = 12\n"), std::string::npos) << one.out;
  EXPECT_EQ(one.out.find("skip.py"), std::string::npos) << "config excludes apply";
  EXPECT_EQ(one.out.find("lib.py"), std::string::npos) << "default-skipped directories";
  EXPECT_NE(one.err.find("Would fold 12 expressions in 12 files (12 checked)"), std::string::npos) << one.err;
  EXPECT_EQ(typhon("fold -j 2", dir.path()).rc, 0);
  EXPECT_EQ(dir.read("pkg/m3.py"), "v = 4\n");
  EXPECT_EQ(dir.read("gen/skip.py"), "v = 1 + 1\n");
  EXPECT_EQ(typhon("fold --check", dir.path()).rc, 0);
}

TEST(FoldCli, UsageErrorsExitTwo) {
  TempDir dir;
  dir.write("a.py", "x = 1\n");
  dir.write("b.py", "x = 1\n");
  EXPECT_EQ(typhon("fold --python-version three a.py", dir.path()).rc, 2);
  EXPECT_EQ(typhon("fold --stdout a.py b.py", dir.path()).rc, 2);
  EXPECT_EQ(typhon("fold --no-such-flag a.py", dir.path()).rc, 2);
  EXPECT_EQ(typhon("fold --python-version 3.8 a.py", dir.path()).rc, 0);
}

TEST(FoldCli, UnreadableFileIsAnIoError) {
  TempDir dir;
  dir.write("bad.py", "# -*- coding: no-such-codec -*-\nx = 1 + 1\n");
  dir.write("ok.py", "x = 1 + 1\n");
  CmdResult r = typhon("fold .", dir.path());
  EXPECT_EQ(r.rc, 2);
  EXPECT_NE(r.err.find("bad.py"), std::string::npos) << r.err;
  EXPECT_EQ(dir.read("ok.py"), "x = 2\n") << "the run goes on";
}

TEST(FixCli, EditsCPythonWouldRejectAreDropped) {
  TempDir dir;
  // Each fix parses for tree-sitter, but CPython's compiler rejects the result.
  dir.write("rw.yaml", "id: to-return\ngroup: refactor\nseverity: info\nmessage: m\nrule:\n  pattern: stop_here()\n"
                       "fix: return 1\n---\n"
                       "id: to-nonlocal\ngroup: refactor\nseverity: info\nmessage: m\nrule:\n  pattern: declare_it()\n"
                       "fix: nonlocal q\n");
  dir.write("a.py", "stop_here()\ndef f():\n    declare_it()\n    stop_here()\n");
  CmdResult r = typhon("rewrite -r rw.yaml a.py", dir.path());
  EXPECT_NE(r.err.find("fix dropped because the result would not parse"), std::string::npos) << r.err;
  EXPECT_EQ(dir.read("a.py"), "stop_here()\ndef f():\n    declare_it()\n    return 1\n");
}

} // namespace
} // namespace typhon::testing
