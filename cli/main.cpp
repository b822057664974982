// typhon: command-line entry point (CLI11). Subcommands: check (default), rules.
#include "cli/CheckRunner.h"
#include "cli/MroCommand.h"
#include "cli/Render.h"
#include "cli/RuleTests.h"
#include "cli/Transform.h"
#include "cli/RulesCommand.h"
#include "cli/RenameCommand.h"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <unistd.h>

using namespace typhon;

namespace {

std::vector<std::string> splitCommas(const std::vector<std::string> &values) {
  std::vector<std::string> out;
  for (const std::string &v : values) {
    std::size_t pos = 0;
    while (pos <= v.size()) {
      std::size_t comma = v.find(',', pos);
      if (comma == std::string::npos) comma = v.size();
      std::string part = v.substr(pos, comma - pos);
      part.erase(0, part.find_first_not_of(" \t"));
      part.erase(part.find_last_not_of(" \t") + 1);
      if (!part.empty()) out.push_back(part);
      pos = comma + 1;
    }
  }
  return out;
}

bool isSubcommand(std::string_view arg) {
  return arg == "check" || arg == "fix" || arg == "rewrite" || arg == "fold" || arg == "rules" || arg == "init" ||
         arg == "help" || arg == "rename" || arg == "mro";
}

constexpr std::string_view kStarterConfig = R"(# typhon configuration (see docs/configuration.md).
extends: [recommended]          # built-in sets: recommended, strict, all, security, modernize
python-version: "3.12"          # the oldest Python version this project supports
rules:                          # per rule id, group or glob: off | info | warning | error
  # debugger-left: error
  # useless-expression: { severity: warning }
exclude: []                     # gitignore-style globs, e.g. "generated/**"
per-file-ignores: {}             # glob -> rules turned off there, e.g. "tests/**": [debugger-left]
)";

int initCommand(const std::string &path, bool force) {
  std::error_code ec;
  if (!force && std::filesystem::exists(path, ec)) {
    std::cerr << "typhon: " << path << " already exists (use --force to overwrite)\n";
    return 2;
  }
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << kStarterConfig;
  if (!out) {
    std::cerr << "typhon: cannot write " << path << "\n";
    return 2;
  }
  std::cout << "wrote " << path << "\n";
  return 0;
}

} // namespace

int main(int argc, char **argv) {
  auto catalog = RuleCatalog::builtin();
  if (!catalog) {
    for (const DataError &e : catalog.error()) std::cerr << "typhon: built-in rule error: " << e.format() << "\n";
    return 2;
  }

  // `typhon [flags] PATH...` means `typhon check [flags] PATH...`.
  std::vector<std::string> args(argv + 1, argv + argc);
  bool wantsTopLevel = !args.empty() && (args[0] == "--help" || args[0] == "-h" || args[0] == "--version" || args[0] == "-V");
  if (!wantsTopLevel && (args.empty() || !isSubcommand(args[0]))) args.insert(args.begin(), "check");
  if (!args.empty() && args[0] == "help") args[0] = "--help";

  CLI::App app{"typhon: a static analyzer and refactoring tool for Python"};
  app.set_version_flag("-V,--version", std::string("typhon ") + TYPHON_VERSION);
  app.require_subcommand(0, 1);

  CheckOptions options;
  std::string configFile, format = "text", output, color = "auto", pythonVersion;
  bool statistics = false, exitZero = false, quiet = false, noGitignore = false, verbose = false;
  std::vector<std::string> select, ignore;

  bool fixFlag = false, unsafeFixes = false, diffFlag = false, checkFlag = false, stdoutFlag = false, force = false;
  bool interactive = false;
  std::vector<std::string> rewriteRules;
  auto common = [&](CLI::App *cmd) {
    cmd->add_option("paths", options.paths, "Files or directories (default: .)");
    cmd->add_option("--config", configFile, "Configuration file (typhon.yaml or pyproject.toml)");
    cmd->add_option("--jobs,-j", options.jobs, "Worker threads (default: one per core)");
    cmd->add_option("--python-version", pythonVersion, "Target Python version, e.g. 3.12");
    cmd->add_option("--color", color, "Colour output")->check(CLI::IsMember({"auto", "always", "never"}));
    cmd->add_flag("--quiet,-q", quiet, "Print diagnostics only, no summary");
    cmd->add_flag("--verbose,-v", verbose, "Print progress information");
    cmd->add_flag("--no-gitignore", noGitignore, "Do not honour .gitignore files");
  };
  auto selecting = [&](CLI::App *cmd) {
    cmd->add_option("--select", select, "Only run these rules, groups, sets or globs (repeatable, comma lists)")
        ->allow_extra_args(false);
    cmd->add_option("--ignore", ignore, "Never run these rules, groups or globs (repeatable, comma lists)")
        ->allow_extra_args(false);
  };
  auto transformFlags = [&](CLI::App *cmd) {
    cmd->add_flag("--diff", diffFlag, "Print a unified diff of the changes; write nothing");
    cmd->add_flag("--check", checkFlag, "Write nothing; exit 1 if anything would change");
    cmd->add_flag("--stdout", stdoutFlag, "Print the transformed source of the (single) file; write nothing");
    cmd->add_flag("--force", force, "Also transform files that already have syntax errors");
  };

  CLI::App *check = app.add_subcommand("check", "Lint and check Python files (the default command)");
  common(check);
  selecting(check);
  check->add_option("--format", format, "Output format")->check(CLI::IsMember({"text", "json", "sarif", "github", "junit"}));
  check->add_option("--output", output, "Write the report to this file");
  check->add_flag("--statistics", statistics, "Print counts per rule instead of each diagnostic");
  check->add_flag("--exit-zero", exitZero, "Exit 0 even when diagnostics are found");
  check->add_flag("--fix", fixFlag, "Apply safe fixes in place, then report what is left");
  check->add_flag("--unsafe-fixes", unsafeFixes, "With --fix: apply unsafe fixes too");
  check->add_flag("--diff", diffFlag, "With --fix: print a diff instead of writing");
  check->add_flag("--force", force, "With --fix: also fix files that already have syntax errors");

  CLI::App *fixCmd = app.add_subcommand("fix", "Apply the rules' fixes (= check --fix)");
  common(fixCmd);
  selecting(fixCmd);
  transformFlags(fixCmd);
  fixCmd->add_flag("--unsafe-fixes", unsafeFixes, "Apply unsafe fixes too");

  CLI::App *rewrite = app.add_subcommand("rewrite", "Apply YAML rewrite rules");
  common(rewrite);
  transformFlags(rewrite);
  rewrite->add_option("-r,--rules", rewriteRules, "YAML rule file(s) whose fixes to apply")->required()->allow_extra_args(false);
  rewrite->add_flag("-i,--interactive", interactive, "Show each change and ask: [y]es, [n]o, [a]ll, [q]uit");

  bool deadBranches = false, foldComparisons = false;
  CLI::App *foldCmd = app.add_subcommand("fold", "Fold constant expressions (CPython-exact)");
  common(foldCmd);
  transformFlags(foldCmd);
  foldCmd->add_flag("--eliminate-dead-branches,--unsafe", deadBranches,
                    "Also remove code under constant tests (if 0:, if False:, while 0:); unsafe");
  foldCmd->add_flag("--fold-comparisons", foldComparisons, "Also fold comparisons of constants (1 < 2 -> True)");

  CLI::App *rules = app.add_subcommand("rules", "List, explain and document rules");
  rules->require_subcommand(1);
  bool listJson = false;
  std::string listSet;
  CLI::App *list = rules->add_subcommand("list", "List every rule");
  list->add_flag("--json", listJson, "JSON output");
  list->add_option("--set", listSet, "Only the rules of this set (recommended, strict, all, ...)");
  std::string explainId;
  CLI::App *explain = rules->add_subcommand("explain", "Show a rule's documentation");
  explain->add_option("rule", explainId, "Rule id")->required();
  std::vector<std::string> testDirs;
  CLI::App *testCmd = rules->add_subcommand("test", "Run every rule's valid/invalid examples");
  testCmd->add_option("dirs", testDirs, "Rule directories (default: the built-in packs)");
  std::string docsDir = "docs";
  bool docsCheck = false;
  CLI::App *docs = rules->add_subcommand("docs", "Generate docs/rules and docs/schema from the rule entries");
  docs->add_option("--output", docsDir, "The docs/ directory");
  docs->add_flag("--check", docsCheck, "Write nothing; exit 1 if a generated file is stale");

  std::string initPath = "typhon.yaml";
  bool initForce = false;
  CLI::App *init = app.add_subcommand("init", "Write a starter typhon.yaml");
  init->add_option("--output", initPath, "Where to write it");
  init->add_flag("--force", initForce, "Overwrite an existing file");

  RenameOptions renameOptions;
  CLI::App *renameCmd = app.add_subcommand("rename", "Rename a name across the project: rename FILE:LINE:COL NEW_NAME");
  renameCmd->add_option("location", renameOptions.location, "FILE:LINE:COL of the name (1-based)")->required();
  renameCmd->add_option("new_name", renameOptions.newName, "The new name")->required();
  renameCmd->add_option("--config", configFile, "Configuration file (typhon.yaml or pyproject.toml)");
  renameCmd->add_flag("--diff", diffFlag, "Print a unified diff of the changes; write nothing");
  renameCmd->add_flag("--check", checkFlag, "Write nothing; exit 1 if anything would change");
  renameCmd->add_flag("--stdout", stdoutFlag, "Print the renamed source of FILE; write nothing");
  renameCmd->add_flag("--no-gitignore", noGitignore, "Do not honour .gitignore files");
  MroOptions mroOptions;
  std::string mroFormat = "text", mroPython, mroConfig;
  CLI::App *mro = app.add_subcommand("mro", "Print the method resolution order of the classes in a file");
  mro->add_option("file", mroOptions.file, "Python file")->required();
  mro->add_option("class", mroOptions.className, "Only this class (qualified name, e.g. Outer.Inner)");
  mro->add_option("--format", mroFormat, "Output format")->check(CLI::IsMember({"text", "json"}));
  mro->add_option("--config", mroConfig, "Configuration file (typhon.yaml or pyproject.toml)");
  mro->add_option("--python-version", mroPython, "Target Python version, e.g. 3.12");

  std::vector<const char *> cargv{argv[0]};
  for (const std::string &a : args) cargv.push_back(a.c_str());
  try {
    app.parse(static_cast<int>(cargv.size()), cargv.data());
  } catch (const CLI::ParseError &e) {
    int rc = app.exit(e);
    return rc == 0 ? 0 : 2;
  }

  if (*init) return initCommand(initPath, initForce);
  if (*mro) {
    mroOptions.json = mroFormat == "json";
    if (!mroConfig.empty()) mroOptions.configFile = std::filesystem::absolute(mroConfig);
    if (!mroPython.empty()) {
      mroOptions.pythonVersion = parsePythonVersion(mroPython);
      if (!mroOptions.pythonVersion) {
        std::cerr << "typhon: --python-version must look like 3.12, not `" << mroPython << "`\n";
        return 2;
      }
    }
    return mroCommand(mroOptions, *catalog);
  }
  if (*list) return rulesList(*catalog, listJson, listSet);
  if (*testCmd) return rulesTest(*catalog, testDirs);
  if (*explain) return rulesExplain(*catalog, explainId);
  if (*docs) return rulesDocs(*catalog, docsDir, docsCheck);
  if (*renameCmd) {
    renameOptions.configFile = configFile;
    renameOptions.respectGitignore = !noGitignore;
    renameOptions.mode = stdoutFlag ? FixMode::Stdout : checkFlag ? FixMode::Check : diffFlag ? FixMode::Diff : FixMode::Write;
    return renameCommand(renameOptions);
  }
  if (!*check && !*fixCmd && !*rewrite && !*foldCmd) return 0;

  if (!configFile.empty()) options.configFile = std::filesystem::absolute(configFile);
  options.selection.select = splitCommas(select);
  options.selection.ignore = splitCommas(ignore);
  options.respectGitignore = !noGitignore;
  if (!pythonVersion.empty()) {
    auto pv = parsePythonVersion(pythonVersion);
    if (!pv) {
      std::cerr << "typhon: --python-version must look like 3.12, not `" << pythonVersion << "`\n";
      return 2;
    }
    options.selection.pythonVersion = pv;
  }
  if (options.paths.empty()) options.paths = {"."};

  bool transforming = fixFlag || *fixCmd || *rewrite || *foldCmd;
  if (*foldCmd) options.fold = FoldOptions{.foldComparisons = foldComparisons, .eliminateDeadBranches = deadBranches};
  if (transforming) {
    options.fixMode = stdoutFlag ? FixMode::Stdout : checkFlag ? FixMode::Check : diffFlag ? FixMode::Diff : FixMode::Write;
    options.unsafeFixes = unsafeFixes;
    options.force = force;
    options.rewriteRuleFiles = rewriteRules;
    if (stdoutFlag && (options.paths.size() != 1 || std::filesystem::is_directory(options.paths[0]))) {
      std::cerr << "typhon: --stdout needs exactly one file\n";
      return 2;
    }
  }
  if (interactive) {
    options.fixMode = FixMode::None;
    return interactiveRewrite(options, *catalog);
  }
  auto result = runCheck(options, *catalog);
  if (!result) {
    std::cerr << "typhon: " << result.error().message << "\n";
    return 2;
  }
  if (*foldCmd) return reportFold(*result, options.fixMode);
  if (transforming && options.fixMode != FixMode::Write) return reportTransform(*result, options.fixMode);
  if (transforming) reportWrites(*result);
  OutputFormat fmt = *parseOutputFormat(format);
  RenderOptions renderOptions;
  renderOptions.statistics = statistics;
  renderOptions.color = color == "always" || (color == "auto" && output.empty() && isatty(STDOUT_FILENO) &&
                                              std::getenv("NO_COLOR") == nullptr);
  std::string text = render(fmt, *result, *catalog, renderOptions);
  if (quiet && fmt == OutputFormat::Text && !statistics) {
    std::size_t summary = text.rfind("\n\n");
    if (!result->diagnostics.empty() && summary != std::string::npos) text = text.substr(0, summary + 1);
    else if (result->diagnostics.empty()) text.clear();
  }
  if (verbose) std::cerr << "typhon: checked " << result->files << " files in " << result->durationMs << " ms\n";
  if (!output.empty()) {
    std::ofstream out(output, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out) {
      std::cerr << "typhon: cannot write " << output << "\n";
      return 2;
    }
  } else {
    std::fwrite(text.data(), 1, text.size(), stdout);
  }
  if (exitZero) return 0;
  for (const Diagnostic &d : result->diagnostics)
    if (d.severity >= Severity::Warning) return 1;
  return 0;
}
