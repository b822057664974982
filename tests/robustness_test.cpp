// Robustness: seeded random mutations of every fixture and example, and random bytes, through the
// whole decode -> parse -> check pipeline with every rule on. Nothing may crash, and every
// diagnostic must point inside the file.
#include "FixtureSupport.h"

#include <gtest/gtest.h>

#include <random>

namespace typhon::testing {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> corpus() {
  std::vector<std::string> out;
  for (const char *dir : {"tests/fixtures", "examples", "tests/golden/project"}) {
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(sourceDir() / dir, ec); !ec && it != fs::recursive_directory_iterator();
         ++it)
      if (it->path().extension() == ".py") out.push_back(readFile(it->path()));
  }
  return out;
}

std::string mutate(const std::string &text, std::mt19937 &rng) {
  static const std::vector<std::string> tokens = {"(", ")", "[", "]", "{", "}", ":", "\n", "    ", "\t", "'", "\"",
                                                   "\"\"\"", "\\", "#", "def ", "class ", "lambda", "yield", "await ",
                                                   "async ", "return", "@", "*", "**", "=", ":=", "\r", "\r\n",
                                                   "\xC3\xA9", "\xF0\x9F\x98\x80", "\xFF", "\x00", "finally:", "break"};
  std::string s = text;
  int edits = 1 + static_cast<int>(rng() % 6);
  for (int i = 0; i < edits; ++i) {
    std::size_t pos = s.empty() ? 0 : rng() % (s.size() + 1);
    switch (rng() % 4) {
    case 0: s.insert(pos, tokens[rng() % tokens.size()]); break;
    case 1:
      if (!s.empty() && pos < s.size()) s.erase(pos, 1 + rng() % 8);
      break;
    case 2:
      if (!s.empty() && pos < s.size()) s[pos] = static_cast<char>(rng() % 256);
      break;
    default: s = s.substr(0, pos); break;
    }
  }
  return s;
}

void expectSane(const std::string &text, const std::vector<Diagnostic> &diags) {
  auto source = SourceFile::fromBytes("m.py", text);
  std::uint32_t lines = source ? (*source)->lines().lineCount() : 1u << 30;
  for (const Diagnostic &d : diags) {
    EXPECT_GE(d.range.start.line, 1u);
    EXPECT_GE(d.range.start.column, 1u);
    EXPECT_LE(d.range.start.line, lines) << d.rule << ": " << d.message;
    EXPECT_LE(d.range.start, d.range.end) << d.rule;
    EXPECT_FALSE(d.message.empty());
    if (d.fix) {
      for (const TextEdit &e : d.fix->edits) {
        EXPECT_LE(e.startByte, e.endByte);
      }
    }
  }
}

TEST(Robustness, MutatedSourcesNeverCrash) {
  std::mt19937 rng(20261121);
  auto texts = corpus();
  ASSERT_FALSE(texts.empty());
  for (int round = 0; round < 1500; ++round) {
    std::string text = mutate(texts[rng() % texts.size()], rng);
    auto diags = checkText("m.py", text, allRulesPlan());
    expectSane(text, diags);
    if (::testing::Test::HasFailure()) {
      ADD_FAILURE() << "input was:\n" << text;
      return;
    }
  }
}

TEST(Robustness, RandomBytesNeverCrash) {
  std::mt19937 rng(7);
  for (int round = 0; round < 300; ++round) {
    std::string text(rng() % 2000, '\0');
    for (char &c : text) c = static_cast<char>(rng() % 128); // mostly decodable, to reach the parser
    auto diags = checkText("r.py", text, allRulesPlan());
    expectSane(text, diags);
  }
}

TEST(Robustness, PathologicalInputs) {
  std::vector<std::string> inputs = {
      "",
      "\n\n\n",
      std::string(100000, '('),
      std::string(20000, '[') + std::string(20000, ']'),
      "x = " + std::string(200000, '1') + "\n",
      "\"\"\"" + std::string(100000, 'a'),
      std::string(3000, ' ') + "x\n",
      [] {
        std::string s;
        for (int i = 0; i < 500; ++i) s += std::string(static_cast<std::size_t>(i), ' ') + "if x:\n";
        return s;
      }(),
      "def f(" + std::string(5000, 'a') + "):\n  pass\n",
      "\xEF\xBB\xBF",
      "# coding: utf-16\nx = 1\n",
  };
  for (const std::string &text : inputs) {
    auto diags = checkText("p.py", text, allRulesPlan());
    expectSane(text, diags);
  }
}

} // namespace
} // namespace typhon::testing
