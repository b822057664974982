// syntax-error against CPython 3.13: every broken snippet is reported on the line CPython reports
// (lines checked against python3.13 itself when it is installed), in CPython's words.
#include "FixtureSupport.h"

#include "parser/SyntaxErrors.h"
#include "parser/Tree.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>

#include <unistd.h>

namespace typhon::testing {
namespace {

namespace fs = std::filesystem;

/// How typhon reaches the error.
enum class Via {
  Tree,    ///< tree-sitter has an ERROR/MISSING node, so `syntax-error` asks the parser layer
  Scan,    ///< tree-sitter accepts the file; only findSyntaxErrors' token scan sees the error
  Checker, ///< a Python 2 form the grammar still parses; the check reports it while visiting
};

struct Case {
  const char *name;
  const char *source;
  std::uint32_t cpythonLine; ///< `SyntaxError.lineno` from python3.13 -c 'compile(...)'
  const char *message;       ///< what typhon's message on that line must contain
  Via via;
};

// CPython 3.13's message is in the comment where typhon words it differently.
const Case kCases[] = {
    {"def_no_colon", "def area(r)\n    return 3.14 * r * r\n", 1, "expected ':'", Via::Tree},
    // The comment holds a ':', which must not count as the header's colon.
    {"def_no_colon_comment", "def area(r)  # note: radius\n    return r\n", 1, "expected ':'", Via::Tree},
    {"class_no_colon", "class Shape\n    pass\n", 1, "expected ':'", Via::Tree},
    {"if_no_colon", "x = 1\nif x > 0\n    print(x)\n", 2, "expected ':'", Via::Tree},
    {"elif_no_colon", "x = 1\nif x:\n    pass\nelif x < 0\n    pass\n", 4, "expected ':'", Via::Tree},
    {"else_no_colon", "x = 1\nif x:\n    pass\nelse\n    pass\n", 4, "expected ':'", Via::Tree},
    {"for_no_colon", "for i in range(3)\n    print(i)\n", 1, "expected ':'", Via::Tree},
    {"while_no_colon", "while True\n    break\n", 1, "expected ':'", Via::Tree},
    {"with_no_colon", "with open('f') as fh\n    fh.read()\n", 1, "expected ':'", Via::Tree},
    // tree-sitter's ERROR starts at `pass` on line 2; the header it belongs to is line 1.
    {"try_no_colon", "try\n    pass\nexcept ValueError:\n    pass\n", 1, "expected ':'", Via::Tree},
    {"except_no_colon", "try:\n    pass\nexcept ValueError\n    pass\n", 3, "expected ':'", Via::Tree},
    {"match_case_no_colon", "match x:\n    case 1\n        pass\n", 2, "expected ':'", Via::Tree},
    {"comment_only_colon_class", "class A  # base: object\n    pass\n", 1, "expected ':'", Via::Tree},
    {"def_missing_parens", "def f:\n    pass\n", 1, "expected '('", Via::Tree},
    // CPython: invalid syntax
    {"keyword_as_name", "class = 1\n", 1, "expected a name after 'class'", Via::Tree},

    // Brackets: tree-sitter's ERROR starts at the statement (`values`), CPython at the bracket.
    {"list_never_closed", "values = [1, 2, 3\n\n\ndef ok():\n    return 1\n", 1, "'[' was never closed", Via::Tree},
    {"call_never_closed", "print('a', 'b'\nx = 1\n", 1, "'(' was never closed", Via::Tree},
    {"paren_never_closed_eof", "total = (1 +\n         2 +\n", 1, "'(' was never closed", Via::Tree},
    {"dict_never_closed", "d = {'a': 1,\n     'b': 2\n\nprint(d)\n", 1, "'{' was never closed", Via::Tree},
    {"incomplete_call_in_block", "def f():\n    g(1,\n    return 2\n", 2, "'(' was never closed", Via::Tree},
    {"keyword_in_brackets", "result = compute(1,\n                 2\ndef compute(a, b):\n    return a + b\n", 1,
     "'(' was never closed", Via::Tree},
    {"eof_in_call_after_operator", "x = f(1 +\n", 1, "'(' was never closed", Via::Tree},
    {"unmatched_close", "x = 1)\n", 1, "unmatched ')'", Via::Tree},
    {"stray_close_brace", "def f():\n    return 1\n}\n", 3, "unmatched '}'", Via::Tree},
    {"mismatched_close", "x = (1, 2]\n", 1, "closing parenthesis ']' does not match opening parenthesis '('",
     Via::Tree},
    {"mismatched_multiline", "x = (1, [2,\n 3)\n", 2,
     "closing parenthesis ')' does not match opening parenthesis '[' on line 1", Via::Tree},

    // Strings.
    {"unterminated_string", "name = 'abc\nprint(name)\n", 1, "unterminated string literal (detected at line 1)",
     Via::Tree},
    {"unterminated_string_dq", "x = 1\nmsg = \"hello world\n", 2, "unterminated string literal (detected at line 2)",
     Via::Tree},
    {"unterminated_triple", "x = 1\ndoc = '''abc\n\ndef f():\n    pass\n", 2,
     "unterminated triple-quoted string literal (detected at line 5)", Via::Tree},
    // tree-sitter reads 'it' and stops at `s`; the string CPython cannot end starts at the last quote.
    {"apostrophe_in_string", "s = 'it's here'\n", 1, "unterminated string literal (detected at line 1)", Via::Tree},
    {"unterminated_fstring", "x = 1\ns = f'abc\n", 2, "unterminated f-string literal (detected at line 2)", Via::Tree},
    {"fstring_unclosed_brace", "x = 1\ns = f'{x'\n", 2, "f-string: expecting '}'", Via::Tree},
    {"fstring_single_brace", "x = f'a}b'\n", 1, "f-string: single '}' is not allowed", Via::Tree},
    {"fstring_field_never_closed", "x = 1\ns = f'{x\n", 2, "'{' was never closed", Via::Tree},
    {"trailing_backslash_eof", "x = 1 + \\\n", 1, "unexpected EOF while parsing", Via::Tree},
    {"backslash_not_at_eol", "x = 1 \\ 2\n", 1, "unexpected character after line continuation character", Via::Tree},

    // Tokens that do not fit.
    // CPython: invalid syntax
    {"dangling_operator", "x = 1 +\n", 1, "expected an expression after '+'", Via::Tree},
    {"double_equals_assign", "x = = 1\n", 1, "expected an expression after '='", Via::Tree},
    {"missing_comma_list", "items = [1, 2 3]\n", 1, "invalid syntax. Perhaps you forgot a comma?", Via::Tree},
    {"missing_comma_call", "f(a b)\n", 1, "invalid syntax. Perhaps you forgot a comma?", Via::Tree},
    {"dict_missing_comma_multiline", "settings = {\n    'debug': True\n    'verbose': False,\n}\n", 2,
     "invalid syntax. Perhaps you forgot a comma?", Via::Tree},
    {"list_missing_comma_multiline", "sizes = [\n    1\n    2,\n]\n", 2, "invalid syntax. Perhaps you forgot a comma?",
     Via::Tree},
    // CPython: invalid syntax
    {"two_names", "foo bar\n", 1, "invalid syntax: unexpected 'bar'", Via::Tree},
    {"lambda_no_colon", "f = lambda x x + 1\n", 1, "invalid syntax: unexpected 'x'", Via::Tree},
    {"dollar", "x = $y\n", 1, "invalid syntax: unexpected '$'", Via::Tree},
    {"return_star_missing_value", "def f():\n    return *\n", 2, "expected an expression after '*'", Via::Tree},
    {"attribute_then_string", "x = os.'path'\n", 1, "expected a name after '.'", Via::Tree},
    {"assign_to_literal", "1 = x\n", 1, "cannot assign to literal here. Maybe you meant '==' instead of '='?",
     Via::Tree},
    {"assign_in_if", "x = 1\nif x = 1:\n    pass\n", 2, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
     Via::Tree},
    {"dict_missing_value", "d = {'a': }\n", 1, "expression expected after dictionary key and ':'", Via::Tree},
    {"ternary_no_else", "y = 1 if True\n", 1, "expected 'else' after 'if' expression", Via::Tree},
    {"import_nothing", "import\n", 1, "Expected one or more names after 'import'", Via::Tree},
    {"from_import_nothing", "from os import\n", 1, "Expected one or more names after 'import'", Via::Tree},
    // CPython: invalid syntax
    {"else_without_if", "x = 1\nelse:\n    pass\n", 2, "'else' does not follow an 'if'", Via::Tree},
    {"except_without_try", "except ValueError:\n    pass\n", 1, "'except' does not follow a 'try' block", Via::Tree},
    {"decorator_no_def", "@property\nx = 1\n", 2, "a decorator must be followed by 'def' or 'class'", Via::Tree},
    {"double_colon_body", "x = 1\nif x: x:\n    pass\n", 2, "unexpected ':' at the end of the line", Via::Tree},
    {"invalid_character", "price = 5 \xe2\x82\xac\n", 1, "invalid character '\xe2\x82\xac' (U+20AC)", Via::Tree},
    {"nbsp_in_code",
     "x =\xc2\xa0"
     "1\n",
     1, "invalid non-printable character U+00A0", Via::Tree},

    // tree-sitter-python accepts these files: only the parser layer's token scan sees the error
    // (the check asks for it when the tree has an ERROR somewhere; see docs/known-limitations.md).
    {"unexpected_indent", "x = 1\n    y = 2\n", 2, "unexpected indent", Via::Scan},
    {"unexpected_indent_first", "  import os\n", 1, "unexpected indent", Via::Scan},
    {"unindent_mismatch", "def f():\n    x = 1\n  y = 2\n", 3, "unindent does not match any outer indentation level",
     Via::Scan},
    {"unindent_mismatch_if", "if True:\n        a = 1\n    b = 2\n", 3,
     "unindent does not match any outer indentation level", Via::Scan},
    {"tab_mix", "if True:\n\tx = 1\n        y = 2\n", 3, "inconsistent use of tabs and spaces in indentation",
     Via::Scan},
    {"expected_indented_block", "def f():\nreturn 1\n", 2,
     "expected an indented block after function definition on line 1", Via::Scan},
    {"expected_indented_block_if", "x = 1\nif x:\nprint(x)\n", 3,
     "expected an indented block after 'if' statement on line 2", Via::Scan},
    {"expected_block_eof", "for i in range(3):\n", 1, "expected an indented block after 'for' statement on line 1",
     Via::Scan},
    {"expected_block_comment_only", "class A:\n    # only a comment\n", 2,
     "expected an indented block after class definition on line 1", Via::Scan},
    {"expected_block_else_eof", "x = 1\nif x:\n    pass\nelse:\n", 4,
     "expected an indented block after 'else' statement on line 4", Via::Scan},
    // CPython: invalid syntax. tree-sitter reads `name: 'doc'` as an annotation across the line break.
    {"annotation_on_next_line", "name:\n    'doc'\n", 1, "unexpected ':' at the end of the line", Via::Scan},
    // CPython: invalid syntax. tree-sitter reads `5` as the value: a line break is whitespace to it
    // where its grammar expects no NEWLINE.
    {"assignment_value_on_next_line", "x =\n    5\n", 1, "expected an expression after '='", Via::Scan},
    // CPython: invalid syntax. tree-sitter still reads Python 2's `x` as a string.
    {"backtick", "x = `y`\n", 1, "backquotes are Python 2 only", Via::Scan},
    {"leading_zero", "mode = 0777\n", 1,
     "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", Via::Scan},
    {"long_suffix", "big = 10L\n", 1, "invalid decimal literal", Via::Scan},

    // Python 2 statements the grammar parses; the check reports them while visiting the tree.
    // CPython: Missing parentheses in call to 'print'. Did you mean print(...)?
    {"print_py2", "print 'hello'\n", 1, "missing parentheses in call to `print`", Via::Checker},
    {"exec_py2", "exec 'x = 1'\n", 1, "missing parentheses in call to `exec`", Via::Checker},
    // CPython: invalid syntax
    {"ltgt", "x = 1\nif x <> 2:\n    pass\n", 2, "`<>` is Python 2 only", Via::Checker},
};

std::shared_ptr<const ParsedModule> parse(const std::string &source) {
  auto file = SourceFile::fromBytes("case.py", source);
  if (!file) return nullptr;
  Parser parser;
  return parseModule(parser, *file);
}

struct Found {
  std::uint32_t line;
  std::string message;
};

std::vector<Found> viaChecker(const std::string &source) {
  static const std::unique_ptr<CheckPlan> plan = singleRulePlan("syntax-error");
  std::vector<Found> out;
  for (const Diagnostic &d : checkText("case.py", source, *plan))
    if (d.rule == "syntax-error") out.push_back({d.range.start.line, d.message});
  return out;
}

std::vector<Found> viaParserLayer(const std::string &source) {
  auto module = parse(source);
  std::vector<Found> out;
  if (!module) return out;
  for (const SyntaxError &e : findSyntaxErrors(*module))
    out.push_back({module->source().position(e.startByte).line, e.message});
  return out;
}

std::string describe(const std::vector<Found> &found) {
  std::string s;
  for (const Found &f : found)
    s += "\n  line " + std::to_string(f.line) + ": " + f.message;
  return s.empty() ? " (nothing)" : s;
}

class AgainstCPython : public ::testing::TestWithParam<Case> {};

TEST_P(AgainstCPython, FirstErrorIsOnCPythonsLine) {
  const Case &c = GetParam();
  auto module = parse(c.source);
  ASSERT_TRUE(module);
  // Keeps the table honest: a grammar update that starts flagging a Via::Scan case shows here.
  EXPECT_EQ(module->root().hasError(), c.via == Via::Tree) << c.name << ": tree-sitter's verdict changed";
  std::vector<Found> found = c.via == Via::Scan ? viaParserLayer(c.source) : viaChecker(c.source);
  ASSERT_FALSE(found.empty()) << c.name << ": no syntax error reported";
  EXPECT_EQ(found.front().line, c.cpythonLine) << c.name << describe(found);
  EXPECT_NE(found.front().message.find(c.message), std::string::npos)
      << c.name << ": expected a message containing \"" << c.message << "\"" << describe(found);
}

INSTANTIATE_TEST_SUITE_P(Snippets, AgainstCPython, ::testing::ValuesIn(kCases),
                         [](const ::testing::TestParamInfo<Case> &info) { return std::string(info.param.name); });

TEST(SyntaxErrors, CheckReportsScanErrorsOnceTheTreeHasAnError) {
  // The check asks the parser layer only when the tree has an ERROR; then the scan's errors
  // elsewhere in the file are reported too.
  auto found = viaChecker("x = 1\n    y = 2\n\ndef f(:\n    pass\n");
  ASSERT_EQ(found.size(), 2u) << describe(found);
  EXPECT_EQ(found[0].line, 2u);
  EXPECT_EQ(found[0].message, "unexpected indent");
  EXPECT_EQ(found[1].line, 4u);
}

// Where typhon's line differs from CPython's, on purpose or because of tree-sitter-python.
TEST(SyntaxErrors, DifferencesFromCPython) {
  // CPython 3.13 reports "invalid syntax" at the string on line 3 (it does not suggest a comma
  // between a name and a string); typhon points at the end of line 2, where the comma is missing.
  auto found = viaChecker("TOKENS = {\n    '!=': NOTEQUAL\n    '%': PERCENT,\n}\n");
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(found.front().line, 2u) << describe(found);
  EXPECT_EQ(found.front().message, "invalid syntax. Perhaps you forgot a comma?");

  // In an implicitly concatenated string spread over lines, CPython reports the comma at the
  // first line of the whole concatenation (line 2); typhon at the line where it is missing.
  found = viaChecker("table = (\n    'a'  # 0\n    'b'  # 1\n    'c'  2\n    'd'  # 3\n)\n");
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(found.front().line, 4u) << describe(found);

  // PEP 696 type parameter defaults (3.13) are not in tree-sitter-python 0.25.0: CPython accepts
  // this file, typhon reports the '='. Listed in docs/known-limitations.md.
  found = viaChecker("class Box[T = int]:\n    pass\n");
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(found.front().line, 1u);
  EXPECT_EQ(found.front().message, "invalid syntax: unexpected '='");

  // A continuation line indented less than its block, after an operator: valid Python that
  // tree-sitter-python's scanner breaks with a DEDENT. findSyntaxErrors re-reads the tree with
  // the line joined (textForTreeSitter), so nothing is reported.
  const std::string dedented = "def f():\n    x = (1 +\n2)\n    return x\n";
  EXPECT_TRUE(parse(dedented)->root().hasError());
  EXPECT_TRUE(viaChecker(dedented).empty()) << describe(viaChecker(dedented));
  auto joined = textForTreeSitter(dedented);
  ASSERT_TRUE(joined);
  EXPECT_EQ(joined->size(), dedented.size());
  EXPECT_EQ(*joined, "def f():\n    x = (1 + 2)\n    return x\n");
}

TEST(SyntaxErrors, ValidCodeHasNoSyntaxError) {
  // Each is accepted by CPython 3.13; the token scan must agree on all of them.
  const char *valid[] = {
      "songs = ['a']\nx = f\"{', '.join(songs)}\"\ny = f'{songs[0]!r:>{10}}'\nz = f\"{f'{f\"{1}\"}'}\"\n",
      "d = {'k': 1}\nx = f'{d['k']}'\n",
      "x = 1\ns = f'{x +\n  1}'\nt = f'''{\n  x # a comment\n}'''\n",
      "x = 1\na = f'{{literal}} {x}'\nb = f'\\N{BULLET} {x}'\nc = rf'\\{x}'\nd = f'{x:{\"<\"}10}'\ne = f'{x=}'\n"
      "g = f'{x!=1}'\n",
      "a = ['x']\ns = f\"{'\\n'.join(a)}\"\n",
      "x = 3\ns = f'{(lambda: x)()}'\nt = f'{x:%H:%M}'\nu = f'{ {\"a\": 1}[\"a\"] }'\n",
      "a = r'\\'' + R\"\\\"\" + b'x' + Rb'y' + u'w' + '''q\n''' + \"\"\"r\"\"\"\nb = 'it\\'s'\nc = 'con\\\ntinued'\n",
      "command = 'go'\nmatch command.split():\n    case [action]:\n        pass\n    case {'k': v, **rest}:\n"
      "        pass\n    case _:\n        pass\nmatch = 1\ncase = 2\n",
      "type Pair[T] = tuple[T, T]\ndef first[T: (int, str), *Ts, **P](x: T) -> T:\n    return x\n",
      "if (n := 10) > 5:\n    pass\nf = lambda x, /, y=1, *a, z, **k: (x, y)\n",
      "import functools\n@functools.cache\n@(lambda f: f)\nasync def g(a, b):\n    async with a as c:\n        pass\n"
      "    return [x async for x in b]\n",
      "x = 1 + \\\n    2\nif x and \\\n   x:\n    y = (1 +\n2)\nz = [\n1,\n    2,\n        ]\n",
      "def f():\n    return {\n'a': 1,\n}\n",
      "if True:\n\tx = 1\n\tif x:\n\t\ty = 2\n",
      "x = 1\r\n\x0c\r\ndef f():\r\n    return x\r\n",
      "def f():\n    # comment\n\n        # odd comment indentation is fine\n    return 1\n",
      "class A: pass\nif True: x = 1; y = 2\ntry: pass\nexcept Exception as e: pass\nfinally: pass\n",
      "try:\n    pass\nexcept* ValueError:\n    pass\n",
      "a = 0x_ff + 0o17 + 0b1 + 1_000 + 1.5e-3 + 2j + .5 + 5. + 00 + 09.5\nb = 1 if a else 2\n",
      "caf\xc3\xa9 = 1\n\xcf\x80 = 3.14\nprint('\xe2\x86\x92 \xe2\x94\x80')  # \xe2\x80\x94 dash in a comment\n",
      "",
      "x = 1",
      "def g():\n    x = (yield\n         from range(3))\n    return x\n",
      "import sys\nprint >> sys.stderr, 'x'\n",
      "s = ('a'\n     'b'\n     f'{1}')\n",
  };
  for (const char *source : valid) {
    auto found = viaParserLayer(source);
    EXPECT_TRUE(found.empty()) << source << describe(found);
  }
}

TEST(SyntaxErrors, RecoveryDoesNotCascade) {
  // One error per scenario, each on its own line, as in the fixture.
  auto found = viaChecker("values = [1, 2\n\n\ndef ok():\n    return 1\n\n\nname = 'abc\n\n\nsize = len(values))\n");
  ASSERT_EQ(found.size(), 3u) << describe(found);
  EXPECT_EQ(found[0].line, 1u);
  EXPECT_EQ(found[1].line, 8u);
  EXPECT_EQ(found[2].line, 11u);
}

/// The python3.13 interpreter, or empty.
std::string findPython313() {
  if (const char *env = std::getenv("TYPHON_PYTHON313")) return env;
  for (const char *candidate :
       {"/root/.pyenv/versions/3.13.0/bin/python3", "/usr/bin/python3.13", "/usr/local/bin/python3.13"})
    if (fs::exists(candidate)) return candidate;
  return "";
}

TEST(SyntaxErrors, TableMatchesCPython) {
  std::string python = findPython313();
  if (python.empty()) GTEST_SKIP() << "python3.13 not found (set TYPHON_PYTHON313)";
  fs::path dir = fs::temp_directory_path() / ("typhon-syntax-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  for (const Case &c : kCases)
    std::ofstream(dir / (std::string(c.name) + ".py"), std::ios::binary) << c.source;
  std::ofstream(dir / "oracle.py") << "import os, sys, warnings\nwarnings.simplefilter('ignore')\n"
                                      "for f in sorted(os.listdir(sys.argv[1])):\n"
                                      "    if f == 'oracle.py': continue\n"
                                      "    try:\n"
                                      "        compile(open(os.path.join(sys.argv[1], f), 'rb').read(), f, 'exec')\n"
                                      "        print(f[:-3], 0)\n"
                                      "    except SyntaxError as e:\n"
                                      "        print(f[:-3], e.lineno)\n";
  std::string command = "'" + python + "' '" + (dir / "oracle.py").string() + "' '" + dir.string() + "'";
  std::map<std::string, std::uint32_t> lines;
  if (FILE *pipe = popen(command.c_str(), "r")) {
    char name[128];
    unsigned line = 0;
    while (std::fscanf(pipe, "%127s %u", name, &line) == 2)
      lines[name] = line;
    pclose(pipe);
  }
  fs::remove_all(dir);
  ASSERT_EQ(lines.size(), std::size(kCases)) << "running " << command;
  for (const Case &c : kCases)
    EXPECT_EQ(lines[c.name], c.cpythonLine) << c.name;
}

} // namespace
} // namespace typhon::testing
