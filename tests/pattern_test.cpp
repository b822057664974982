// Unit tests of the pattern language and rule operators: metavariables, trivia, relational and
// composite operators, constraints, transforms, fixes and located compile errors.
#include "FixtureSupport.h"

#include "rules/RuleSpec.h"
#include "rules/pattern/PatternRule.h"

#include <gtest/gtest.h>

namespace typhon::testing {
namespace {

struct Found {
  std::vector<std::string> texts;
  std::vector<std::string> messages;
  std::vector<std::string> fixes;
};

std::expected<RuleSpec, DataError> ruleFromYaml(const std::string &body) {
  std::string text = "id: t-rule\ngroup: test\nseverity: warning\nmessage: \"m {{A}}\"\n" + body;
  auto doc = parseYaml(text, "t.yaml");
  if (!doc) return std::unexpected(doc.error());
  return parseRuleSpec(*doc, "t.yaml");
}

/// Runs a rule (YAML body after the common header) over `code`; returns matched texts.
Found run(const std::string &body, const std::string &code) {
  auto spec = ruleFromYaml(body);
  EXPECT_TRUE(spec) << spec.error().format();
  Found out;
  if (!spec) return out;
  RuleCatalog catalog = testing::catalog();
  std::string yaml = "id: t-rule\ngroup: test\nseverity: warning\nmessage: \"m {{A}}\"\n" + body;
  if (auto e = catalog.addRuleText(yaml, "t.yaml", false)) {
    ADD_FAILURE() << e->format();
    return out;
  }
  Config config;
  config.extends = {};
  CliSelection cli;
  cli.select = {"t-rule"};
  auto bindings = resolveRules(catalog, config, cli);
  auto plan = buildPlan(catalog, *bindings);
  for (const Diagnostic &d : checkText("t.py", code, *plan)) {
    if (d.rule != "t-rule") continue;
    out.texts.push_back(code.substr(d.startByte, d.endByte - d.startByte));
    out.messages.push_back(d.message);
    if (d.fix) out.fixes.push_back(d.fix->edits.at(0).newText);
  }
  return out;
}

using Texts = std::vector<std::string>;

TEST(Pattern, SingleMetavariablesAndLiterals) {
  auto f = run("rule:\n  pattern: $A == None\n", "x == None\ny = (a.b == None)\nz = x == 0\n");
  EXPECT_EQ(f.texts, (Texts{"x == None", "a.b == None"}));
  EXPECT_EQ(f.messages.at(1), "m a.b");
}

TEST(Pattern, TriviaDoesNotDefeatAMatch) {
  auto f = run("rule:\n  pattern: f($A, $B)\n", "f(1, 2,)\nf(  (1),  # c\n  2)\nf(1)\nf(1, 2, 3)\n");
  EXPECT_EQ(f.texts.size(), 2u);
  f = run("rule:\n  pattern: not ($A == $B)\n", "not a == b\nnot (a == b)\n");
  EXPECT_EQ(f.texts.size(), 2u);
}

TEST(Pattern, MultiMetavariablesInArgumentsParametersAndBodies) {
  auto f = run("rule:\n  pattern: print($$$ARGS, file=$F)\n", "print(file=x)\nprint(1, 2, file=x)\nprint(1)\n");
  EXPECT_EQ(f.texts, (Texts{"print(file=x)", "print(1, 2, file=x)"}));
  f = run("rule:\n  pattern: |\n    def $F(self, $$$P):\n        $$$B\n",
          "class C:\n    def m(self):\n        pass\n    def n(this, a):\n        pass\n");
  EXPECT_EQ(f.texts.size(), 1u);
  f = run("rule:\n  pattern: |\n    try:\n        $$$B\n    except:\n        pass\n",
          "try:\n    a()\n    b()\nexcept:\n    pass\ntry:\n    a()\nexcept ValueError:\n    pass\n");
  EXPECT_EQ(f.texts.size(), 1u);
}

TEST(Pattern, RepeatedMetavariableMustMatchEqualTokens) {
  auto f = run("rule:\n  pattern: $X == $X\n", "a == a\na.b == a . b\na == b\n");
  EXPECT_EQ(f.texts, (Texts{"a == a", "a.b == a . b"}));
}

TEST(Pattern, WildcardsDoNotBind) {
  auto f = run("rule:\n  pattern: $_ + $_\n", "1 + 2\n");
  EXPECT_EQ(f.texts.size(), 1u);
}

TEST(Pattern, StatementSequences) {
  auto f = run("rule:\n  pattern: |\n    $X = $Y\n    return $X\n",
               "def f():\n    a = g()\n    return a\ndef h():\n    a = g()\n    return b\n");
  EXPECT_EQ(f.texts, (Texts{"a = g()\n    return a"}));
}

TEST(Pattern, DecoratedDefinitionsImportsWithAndComprehensions) {
  EXPECT_EQ(run("rule:\n  pattern: |\n    @property\n    def $F(self, $A): $$$B\n",
                "class C:\n    @property\n    def x(self, y): return y\n    @property\n    def z(self): return 1\n")
                .texts.size(),
            1u);
  EXPECT_EQ(run("rule:\n  pattern: from $M import *\n", "from os import *\nfrom os import path\n").texts.size(), 1u);
  EXPECT_EQ(run("rule:\n  pattern: import $M as $M\n", "import os as os\nimport os as o\n").texts.size(), 1u);
  EXPECT_EQ(run("rule:\n  pattern: |\n    with open($P) as $F:\n        $$$B\n", "with open(p) as f:\n    f.read()\n").texts.size(), 1u);
  EXPECT_EQ(run("rule:\n  pattern: '[$X for $X in $IT]'\n", "[a for a in b]\n[a + 1 for a in b]\n").texts.size(), 1u);
  EXPECT_EQ(run("rule:\n  pattern: f\"{$X}\"\n", "f\"{a}\"\nf\"{a} b\"\n").texts.size(), 1u);
}

TEST(Operators, KindRegexAndNthChild) {
  EXPECT_EQ(run("rule:\n  kind: identifier\n  regex: ^tmp_\n", "tmp_a = tmp\n").texts, (Texts{"tmp_a"}));
  auto f = run("rule:\n  kind: integer\n  nthChild: 2\n", "f(1, 2, 3)\n");
  EXPECT_EQ(f.texts, (Texts{"2"}));
  f = run("rule:\n  kind: integer\n  nthChild: { position: 1, reverse: true }\n", "f(1, 2, 3)\n");
  EXPECT_EQ(f.texts, (Texts{"3"}));
}

TEST(Operators, InsideWithStopByAndField) {
  std::string code = "def f():\n    if x:\n        print(1)\nprint(2)\n";
  EXPECT_EQ(run("rule:\n  pattern: print($A)\n  inside: { kind: function_definition, stopBy: end }\n", code).texts,
            (Texts{"print(1)"}));
  EXPECT_TRUE(run("rule:\n  pattern: print($A)\n  inside: { kind: function_definition }\n", code).texts.empty())
      << "stopBy defaults to neighbor";
  EXPECT_TRUE(run("rule:\n  pattern: print($A)\n  inside:\n    kind: function_definition\n    stopBy: { kind: if_statement }\n",
                  code)
                  .texts.empty());
  EXPECT_EQ(run("rule:\n  kind: identifier\n  inside: { kind: call, field: function }\n", "f(g)\n").texts, (Texts{"f"}));
}

TEST(Operators, HasFollowsPrecedes) {
  EXPECT_EQ(run("rule:\n  kind: function_definition\n  has: { kind: yield, stopBy: end }\n",
                "def g():\n    yield 1\ndef h():\n    return 1\n")
                .texts.size(),
            1u);
  EXPECT_EQ(run("rule:\n  kind: call\n  has: { kind: keyword_argument, field: arguments }\n", "f(a=1)\n").texts.size(), 0u)
      << "`arguments` holds an argument_list, not the keyword argument itself";
  auto f = run("rule:\n  pattern: $X = 1\n  follows: { pattern: import os }\n", "import os\nx = 1\ny = 1\n");
  EXPECT_EQ(f.texts, (Texts{"x = 1"}));
  f = run("rule:\n  pattern: import os\n  precedes: { pattern: $Y = 2, stopBy: end }\n", "import os\nx = 1\ny = 2\n");
  EXPECT_EQ(f.texts, (Texts{"import os"}));
}

TEST(Operators, AllAnyNotMatches) {
  auto f = run("rule:\n  any:\n    - pattern: os.system($A)\n    - pattern: os.popen($A)\n  not: { has: { kind: string, stopBy: end } }\n",
               "os.system(cmd)\nos.popen(c)\nos.system('ls')\n");
  EXPECT_EQ(f.texts, (Texts{"os.system(cmd)", "os.popen(c)"}));
  f = run("utils:\n  is-open: { pattern: open($$$A) }\nrule:\n  matches: is-open\n", "open(p)\nclose(p)\n");
  EXPECT_EQ(f.texts.size(), 1u);
  f = run("rule:\n  all:\n    - kind: call\n    - regex: ^len\n", "len(x)\nmax(x)\n");
  EXPECT_EQ(f.texts.size(), 1u);
}

TEST(Operators, Constraints) {
  auto f = run("rule:\n  pattern: $F($A)\nconstraints:\n  F: { regex: ^(eval|exec)$ }\n  A: { not: { kind: string } }\n",
               "eval(x)\neval('1')\nprint(x)\n");
  EXPECT_EQ(f.texts, (Texts{"eval(x)"}));
  f = run("rule:\n  pattern: $A + $B\nconstraints:\n  A: { type: str }\n", "'a' + b\n1 + b\n");
  EXPECT_EQ(f.texts, (Texts{"'a' + b"}));
}

TEST(Fixes, TemplatesTransformsAndIndentation) {
  auto f = run("rule:\n  pattern: $A == None\nfix: $A is None\n", "if x == None: pass\n");
  EXPECT_EQ(f.fixes, (Texts{"x is None"}));
  f = run("rule:\n  pattern: get_$N()\n", "get_x()\n");
  EXPECT_TRUE(f.texts.empty()) << "metavariables are whole identifiers";
  f = run("rule:\n  pattern: $F()\ntransform:\n  G: { replace: { source: $F, replace: '^get_', by: 'fetch_' } }\n"
          "  H: { convert: { source: $G, toCase: upperCase } }\n  I: { substring: { source: $F, startChar: 1, endChar: -1 } }\n"
          "fix: $H($I)\n",
          "get_x()\n");
  EXPECT_EQ(f.fixes, (Texts{"FETCH_X(et_)"}));
  f = run("rule:\n  pattern: |\n    for $K in $D.keys():\n        $$$B\nfix: |\n  for $K in $D:\n      $$$B\n",
          "def f():\n    for k in d.keys():\n        a(k)\n        b(k)\n");
  EXPECT_EQ(f.fixes, (Texts{"for k in d:\n        a(k)\n        b(k)"}));
}

TEST(Errors, CompileErrorsAreLocated) {
  struct Case {
    std::string body;
    std::uint32_t line;
    std::string needle;
  };
  std::vector<Case> cases = {
      {"rule:\n  pattern: $A ==\n", 6, "invalid pattern"},
      {"rule:\n  kind: no_such_kind\n", 6, "unknown node kind"},
      {"rule:\n  regex: '(unclosed'\n", 6, "invalid regex"},
      {"rule:\n  pattern: $A\n  inside: { kind: call, stopBy: sideways }\n", 7, ""},
      {"rule:\n  patern: $A\n", 6, "unknown rule key `patern`"},
      {"rule:\n  pattern: f($A)\nfix: g($B)\n", 7, "`$B`"},
      {"rule:\n  pattern: f($A)\nconstraints:\n  Z: { kind: call }\n", 8, "never binds"},
      {"rule:\n  matches: nope\n", 6, "names no entry of `utils`"},
      {"rule:\n  pattern: f($A)\ntransform:\n  B: { upcase: { source: $A } }\n", 8, "unknown transform"},
      {"rule:\n  all: { kind: call }\n", 6, "list"},
      {"rule:\n  inside: { kind: call, field: nofield }\n", 6, "unknown field"},
      {"rule: {}\n", 5, "rule object"},
      {"native: SyntaxError\nrule:\n  kind: call\n", 6, "both"},
  };
  for (const Case &c : cases) {
    auto spec = ruleFromYaml(c.body);
    ASSERT_FALSE(spec) << c.body;
    EXPECT_EQ(spec.error().file, "t.yaml");
    EXPECT_EQ(spec.error().line, c.line) << c.body << " -> " << spec.error().format();
    EXPECT_GT(spec.error().column, 0u);
    EXPECT_NE(spec.error().message.find(c.needle), std::string::npos) << spec.error().format();
  }
}

} // namespace
} // namespace typhon::testing

namespace typhon::testing {
namespace {

TEST(Prefilter, RegexLiteralAlternatives) {
  EXPECT_EQ(regexLiteralAlternatives("^eval$"), (std::vector<std::string>{"eval"}));
  EXPECT_EQ(regexLiteralAlternatives("^(run|call|Popen)$"), (std::vector<std::string>{"run", "call", "Popen"}));
  EXPECT_EQ(regexLiteralAlternatives("^(?:os\\.system|popen)$"), (std::vector<std::string>{"os.system", "popen"}));
  EXPECT_TRUE(regexLiteralAlternatives("eval").empty());       // unanchored: may match inside a word
  EXPECT_TRUE(regexLiteralAlternatives("^(a|b.*)$").empty());  // not literal
  EXPECT_TRUE(regexLiteralAlternatives("(?i)^select$").empty());
  EXPECT_TRUE(regexLiteralAlternatives("^(a||b)$").empty());
}

// The prefilter (identifiers and literal constraint alternatives every match contains) must
// never hide a match: the same rules still find everything they found without it.
TEST(Prefilter, NeverHidesAMatch) {
  std::string rule = "rule:\n  any:\n    - pattern: $OBJ.$M($Q)\n    - pattern: $M($Q)\n"
                     "constraints:\n  M: { regex: \"^(execute|run)$\" }\n";
  EXPECT_EQ(run(rule, "cur.execute(q)\nrun(x)\nother(y)\n").texts, (Texts{"cur.execute(q)", "run(x)"}));
  EXPECT_TRUE(run(rule, "cur.other(q)\n").texts.empty());
  // Alternatives of `any` make one clause: a file with only the second alternative still matches.
  std::string any = "rule:\n  any:\n    - pattern: os.system($A)\n    - pattern: subprocess.getoutput($A)\n";
  EXPECT_EQ(run(any, "import subprocess\nsubprocess.getoutput(c)\n").texts, (Texts{"subprocess.getoutput(c)"}));
  // A metavariable bound by only one alternative does not constrain the other.
  std::string partial = "rule:\n  any:\n    - pattern: $F($A)\n    - pattern: print($A, $$$)\n"
                        "constraints:\n  F: { regex: \"^eval$\" }\n";
  EXPECT_EQ(run(partial, "print(1, 2)\n").texts, (Texts{"print(1, 2)"}));
  // Words in a statement sequence may lie after the first statement.
  std::string seq = "rule:\n  pattern: |\n    $X = open($P)\n    $X.close()\n";
  EXPECT_EQ(run(seq, "f = open(p)\nf.close()\n").texts.size(), 1u);
}

} // namespace
} // namespace typhon::testing
