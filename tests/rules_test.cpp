// Unit tests of rule entries, rule sets, configuration, selection, globs and gitignore matching.
#include "FixtureSupport.h"

#include "cli/GitIgnore.h"
#include "rules/Config.h"
#include "rules/Glob.h"
#include "rules/RuleSpec.h"

#include <gtest/gtest.h>

namespace typhon {
namespace {

using testing::catalog;

TEST(Glob, StarsAndClasses) {
  EXPECT_TRUE(globMatch("*.py", "a.py"));
  EXPECT_FALSE(globMatch("*.py", "dir/a.py"));
  EXPECT_TRUE(globMatch("**/*.py", "a.py"));
  EXPECT_TRUE(globMatch("**/*.py", "x/y/a.py"));
  EXPECT_TRUE(globMatch("tests/**", "tests/a/b.py"));
  EXPECT_FALSE(globMatch("tests/**", "src/tests.py"));
  EXPECT_TRUE(globMatch("a/**/b", "a/b"));
  EXPECT_TRUE(globMatch("a/**/b", "a/x/y/b"));
  EXPECT_TRUE(globMatch("file?.py", "file1.py"));
  EXPECT_TRUE(globMatch("[!a]x", "bx"));
  EXPECT_FALSE(globMatch("[!a]x", "ax"));
  EXPECT_TRUE(globMatch("[a-c]x", "bx"));
  EXPECT_TRUE(globMatch("syntax-*", "syntax-error"));
  EXPECT_FALSE(globMatch("", "x"));
}

TEST(GitIgnore, GitSemantics) {
  GitIgnoreFile g("/repo", "# comment\n*.gen.py\n/build_out\ndocs/\n!keep.gen.py\nsub/*.py\n");
  using V = GitIgnoreFile::Verdict;
  EXPECT_EQ(g.match("/repo/a.gen.py", false), V::Ignored);
  EXPECT_EQ(g.match("/repo/deep/x/a.gen.py", false), V::Ignored);
  EXPECT_EQ(g.match("/repo/keep.gen.py", false), V::Included);
  EXPECT_EQ(g.match("/repo/build_out", true), V::Ignored);
  EXPECT_EQ(g.match("/repo/x/build_out", true), V::None); // anchored
  EXPECT_EQ(g.match("/repo/x/docs", true), V::Ignored);
  EXPECT_EQ(g.match("/repo/x/docs", false), V::None); // dir-only
  EXPECT_EQ(g.match("/repo/sub/m.py", false), V::Ignored);
  EXPECT_EQ(g.match("/repo/other/sub/m.py", false), V::None);
  EXPECT_EQ(g.match("/elsewhere/a.gen.py", false), V::None);
}

std::expected<RuleSpec, DataError> parseRuleText(const std::string &text) {
  auto doc = parseYaml(text, "r.yaml");
  if (!doc) return std::unexpected(doc.error());
  return parseRuleSpec(*doc, "r.yaml");
}

TEST(RuleSpec, ParsesANativeEntry) {
  auto r = parseRuleText("id: my-rule\ngroup: style\nseverity: info\nmessage: m\nnative: SyntaxError\n"
                         "applicability: unsafe\nvalid: ['x']\ninvalid: [y, z]\noptions: {max: 7}\n");
  ASSERT_TRUE(r) << r.error().format();
  EXPECT_EQ(r->id, "my-rule");
  EXPECT_EQ(r->severity, Severity::Info);
  EXPECT_TRUE(r->fixable);
  EXPECT_EQ(r->applicability, Applicability::Unsafe);
  EXPECT_EQ(r->invalid.size(), 2u);
  EXPECT_EQ(r->options["max"], 7);
}

TEST(RuleSpec, UnknownKeyNamesFileLineColumnAndKey) {
  auto r = parseRuleText("id: my-rule\ngroup: style\nseverity: info\nmessage: m\nnative: X\n  \nsevrity: error\n");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().line, 7u);
  EXPECT_EQ(r.error().column, 1u);
  EXPECT_EQ(r.error().key, "sevrity");
  EXPECT_EQ(r.error().format().substr(0, 11), "r.yaml:7:1:");
}

TEST(RuleSpec, BadValuesAreLocated) {
  auto r = parseRuleText("id: my-rule\ngroup: style\nseverity: fatal\nmessage: m\nnative: X\n");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().line, 3u);
  EXPECT_NE(r.error().message.find("fatal"), std::string::npos);
  r = parseRuleText("id: My_Rule\ngroup: style\nseverity: info\nmessage: m\nnative: X\n");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().key, "id");
  r = parseRuleText("group: style\nseverity: info\nmessage: m\nnative: X\n");
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("`id`"), std::string::npos);
  r = parseRuleText("id: a\ngroup: b\nseverity: info\nmessage: m\nnative: X\nvalid: {a: 1}\n");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().line, 6u);
}

TEST(RuleSpec, MalformedYamlIsAnErrorNotACrash) {
  for (const char *text : {"id: [unclosed\n", "a: b: c\n", "- just\n- a list\n", "\t- tab", "{", "id: &a *a\n",
                           "key: 'unterminated\n", "? complex\n: key\n", "id: x\nid: y\n"}) {
    auto r = parseRuleText(text);
    EXPECT_FALSE(r) << text;
  }
}

TEST(RuleCatalog, BuiltinLoadsAndPathsMatchIds) {
  EXPECT_FALSE(catalog().rules().empty());
  for (const RuleSpec &r : catalog().rules())
    EXPECT_EQ(r.sourceFile, "rules/packs/" + r.group + "/" + r.id + ".yaml");
  EXPECT_TRUE(catalog().findSet("recommended"));
  EXPECT_TRUE(catalog().findSet("all"));
}

TEST(RuleCatalog, RejectsAUnknownNativeAndDuplicates) {
  RuleCatalog c = catalog();
  auto e = c.addRuleText("id: x-y\ngroup: g\nseverity: info\nmessage: m\nnative: NoSuchCheck\n", "u.yaml", false);
  ASSERT_TRUE(e);
  EXPECT_NE(e->message.find("NoSuchCheck"), std::string::npos);
  e = c.addRuleText("id: syntax-error\ngroup: g\nseverity: info\nmessage: m\nnative: SyntaxError\n", "u.yaml", false);
  ASSERT_TRUE(e);
  EXPECT_NE(e->message.find("already defined"), std::string::npos);
}

std::expected<Config, DataError> yamlConfig(const std::string &text) {
  auto doc = parseYaml(text, "typhon.yaml");
  if (!doc) return std::unexpected(doc.error());
  return configFromData(*doc, "typhon.yaml", "/proj");
}

TEST(Config, ParsesEveryKey) {
  auto c = yamlConfig("extends: [all]\npython-version: \"3.12\"\nrules:\n  syntax-error: warning\n"
                      "  unused-suppression: { severity: error, options: { x: 1 } }\n  meta: off\n"
                      "rule-dirs: [lint]\nexclude: [\"gen/**\"]\nper-file-ignores:\n  \"tests/**\": [unused-suppression]\n"
                      "search-paths: [src]\n");
  ASSERT_TRUE(c) << c.error().format();
  EXPECT_EQ(c->extends, std::vector<std::string>{"all"});
  EXPECT_EQ(c->pythonMinor, 12);
  ASSERT_EQ(c->rules.size(), 3u);
  EXPECT_EQ(c->rules[0].severity, Severity::Warning);
  EXPECT_EQ(c->rules[1].options["x"], 1);
  EXPECT_TRUE(c->rules[2].off);
  EXPECT_EQ(c->perFileIgnores.size(), 1u);
}

TEST(Config, UnknownKeyIsLocated) {
  auto c = yamlConfig("extends: [recommended]\nrulez:\n  x: off\n");
  ASSERT_FALSE(c);
  EXPECT_EQ(c.error().line, 2u);
  EXPECT_EQ(c.error().column, 1u);
  EXPECT_EQ(c.error().key, "rulez");
}

TEST(Config, BadSeverityAndVersionAreLocated) {
  auto c = yamlConfig("rules:\n  syntax-error: loud\n");
  ASSERT_FALSE(c);
  EXPECT_EQ(c.error().line, 2u);
  c = yamlConfig("python-version: \"2.7\"\n");
  ASSERT_FALSE(c);
  EXPECT_NE(c.error().message.find("2.7"), std::string::npos);
}

TEST(Config, TomlTable) {
  auto t = parseTomlTable("[project]\nname='x'\n[tool.typhon]\nextends = ['strict']\n[tool.typhon.rules]\n"
                          "syntax-error = 'warning'\n",
                          "pyproject.toml", "tool.typhon");
  ASSERT_TRUE(t);
  ASSERT_TRUE(*t);
  auto c = configFromData(**t, "pyproject.toml", "/p");
  ASSERT_TRUE(c) << c.error().format();
  EXPECT_EQ(c->extends, std::vector<std::string>{"strict"});
  EXPECT_EQ(c->rules.at(0).severity, Severity::Warning);
  auto none = parseTomlTable("[project]\nname='x'\n", "pyproject.toml", "tool.typhon");
  ASSERT_TRUE(none);
  EXPECT_FALSE(*none);
  auto bad = parseTomlTable("[tool.typhon\n", "pyproject.toml", "tool.typhon");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().line, 1u);
  auto unknown = parseTomlTable("[tool.typhon]\nextend = ['x']\n", "pyproject.toml", "tool.typhon");
  ASSERT_TRUE(unknown);
  auto uc = configFromData(**unknown, "pyproject.toml", "/p");
  ASSERT_FALSE(uc);
  EXPECT_EQ(uc.error().line, 2u);
  EXPECT_EQ(uc.error().key, "extend");
}

TEST(Selection, SetsSettingsSelectIgnore) {
  Config config;
  auto all = resolveRules(catalog(), config, {});
  ASSERT_TRUE(all);
  EXPECT_TRUE(all->contains("syntax-error"));

  config.rules.push_back({"unused-suppression", false, Severity::Error, {}, "t", 1, 1});
  config.rules.push_back({"io-*", true, std::nullopt, {}, "t", 2, 1});
  auto r = resolveRules(catalog(), config, {});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->at("unused-suppression").severity, Severity::Error);
  EXPECT_FALSE(r->contains("io-error"));

  CliSelection cli;
  cli.select = {"meta"};
  r = resolveRules(catalog(), config, cli);
  ASSERT_TRUE(r);
  EXPECT_FALSE(r->contains("syntax-error"));
  EXPECT_EQ(r->at("unused-suppression").severity, Severity::Error); // config severity kept
  cli.ignore = {"unused-suppression"};
  r = resolveRules(catalog(), config, cli);
  ASSERT_TRUE(r);
  EXPECT_FALSE(r->contains("unused-suppression"));
}

TEST(Selection, UnknownSelectorsAreErrors) {
  Config config;
  config.rules.push_back({"no-such-rule", true, std::nullopt, {}, "typhon.yaml", 4, 3});
  auto r = resolveRules(catalog(), config, {});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().format(), "typhon.yaml:4:3: `no-such-rule` names no rule or group");
  Config bad;
  bad.extends = {"recomended"};
  r = resolveRules(catalog(), bad, {});
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("recomended"), std::string::npos);
  CliSelection cli;
  cli.select = {"nope"};
  EXPECT_FALSE(resolveRules(catalog(), Config{}, cli));
}

TEST(Selection, PerFileIgnores) {
  Config config;
  config.perFileIgnores = {{"tests/**", {"unused-suppression"}}, {"conftest.py", {"meta"}}};
  Config typo = config;
  typo.perFileIgnores.push_back({"x.py", {"unused-supression"}, 3, 5});
  EXPECT_FALSE(resolveRules(catalog(), typo, {}));
  auto base = resolveRules(catalog(), config, {});
  ASSERT_TRUE(base);
  auto t = applyPerFileIgnores(catalog(), config, *base, "tests/unit/a.py");
  EXPECT_FALSE(t.contains("unused-suppression"));
  EXPECT_TRUE(t.contains("io-error"));
  auto c = applyPerFileIgnores(catalog(), config, *base, "pkg/conftest.py");
  EXPECT_FALSE(c.contains("io-error"));
  auto s = applyPerFileIgnores(catalog(), config, *base, "src/a.py");
  EXPECT_EQ(s.size(), base->size());
}

TEST(Selection, VersionGates) {
  EXPECT_TRUE(*versionGateAdmits("", 3, 8));
  EXPECT_TRUE(*versionGateAdmits(">=3.8", 3, 8));
  EXPECT_FALSE(*versionGateAdmits(">=3.9", 3, 8));
  EXPECT_TRUE(*versionGateAdmits(">=3.8,<3.12", 3, 11));
  EXPECT_FALSE(*versionGateAdmits(">=3.8,<3.12", 3, 12));
  EXPECT_TRUE(*versionGateAdmits(">=3", 3, 0));
  EXPECT_FALSE(versionGateAdmits("3.8", 3, 8));
}

} // namespace
} // namespace typhon
