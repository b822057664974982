// Transform: reporting of fixing runs and the interactive rewrite loop.
#include "cli/Transform.h"

#include "passes/EditApply.h"
#include "passes/EditEngine.h"

#include <algorithm>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

namespace typhon {

namespace {

void reportProblems(const RunResult &result) {
  for (const FileChange &c : result.changes) {
    for (const std::string &d : c.dropped)
      std::cerr << c.file << ": fix dropped because the result would not parse or compile: " << d << "\n";
    if (!c.converged) std::cerr << c.file << ": fixes did not converge after 10 rounds; kept the last good state\n";
    if (!c.error.empty()) std::cerr << c.file << ": " << c.error << "\n";
  }
  for (const std::string &f : result.skippedBroken)
    std::cerr << f << ": not fixed: the file has syntax errors (use --force)\n";
}

} // namespace

int reportTransform(const RunResult &result, FixMode mode) {
  reportProblems(result);
  std::size_t changed = 0;
  for (const FileChange &c : result.changes) changed += !c.diff.empty();
  if (mode == FixMode::Stdout) {
    for (const FileChange &c : result.changes)
      if (!c.diff.empty()) {
        std::cout << c.newText;
        return 0;
      }
    // Nothing to change: the file as it is.
    if (!result.sources.empty()) std::cout << result.sources.begin()->second->text();
    return 0;
  }
  for (const FileChange &c : result.changes) {
    if (c.diff.empty()) continue;
    if (mode == FixMode::Diff) std::cout << c.diff;
    else std::cout << "would fix " << c.file << " (" << c.applied << " fix" << (c.applied == 1 ? "" : "es") << ")\n";
  }
  if (mode == FixMode::Check || changed == 0)
    std::cerr << (changed ? std::to_string(changed) + " file" + (changed == 1 ? "" : "s") + " would be changed"
                          : std::string("nothing to change"))
              << "\n";
  return changed ? 1 : 0;
}

void reportWrites(const RunResult &result) {
  reportProblems(result);
  std::size_t files = 0, fixes = 0;
  for (const FileChange &c : result.changes)
    if (!c.diff.empty() && c.error.empty()) ++files, fixes += c.applied;
  if (files) std::cerr << "Fixed " << fixes << " issue" << (fixes == 1 ? "" : "s") << " in " << files << " file" << (files == 1 ? "" : "s") << ".\n";
}

int reportFold(const RunResult &result, FixMode mode) {
  bool ioError = false;
  for (const Diagnostic &d : result.diagnostics)
    if (d.rule == "io-error") {
      std::cerr << d.file << ": " << d.message << "\n";
      ioError = true;
    }
  int rc = 0;
  if (mode == FixMode::Write) reportProblems(result);
  else rc = reportTransform(result, mode);
  std::size_t files = 0, folds = 0;
  for (const FileChange &c : result.changes)
    if (!c.diff.empty() && c.error.empty()) ++files, folds += c.applied;
  bool writeFailed = std::any_of(result.changes.begin(), result.changes.end(), [](const FileChange &c) { return !c.error.empty(); });
  if (mode != FixMode::Stdout)
    std::cerr << (mode == FixMode::Write ? "Folded " : "Would fold ") << folds << " expression" << (folds == 1 ? "" : "s")
              << " in " << files << " file" << (files == 1 ? "" : "s") << " (" << result.files << " checked).\n";
  return ioError || writeFailed ? 2 : rc;
}

int interactiveRewrite(const CheckOptions &options, const RuleCatalog &catalog) {
  auto result = runCheck(options, catalog);
  if (!result) {
    std::cerr << "typhon: " << result.error().message << "\n";
    return 2;
  }
  std::map<std::string, std::vector<const Diagnostic *>> byFile;
  for (const Diagnostic &d : result->diagnostics)
    if (d.fix && d.fix->applicability != Applicability::DisplayOnly && d.rule != "syntax-error") byFile[d.file].push_back(&d);
  bool all = false, quit = false;
  std::size_t applied = 0, filesChanged = 0;
  for (const auto &[file, diags] : byFile) {
    if (quit) break;
    auto it = result->sources.find(file);
    if (it == result->sources.end()) continue;
    const SourceFile &source = *it->second;
    std::vector<const Fix *> accepted;
    for (const Diagnostic *d : diags) {
      if (quit) break;
      if (!all) {
        std::string preview = applyFixes(source.text(), {&*d->fix}).text;
        std::cout << file << ":" << d->range.start.line << ":" << d->range.start.column << ": [" << d->rule << "] "
                  << d->message << "\n"
                  << unifiedDiff(source.text(), preview, file) << "Apply this change? [y]es, [n]o, [a]ll, [q]uit: "
                  << std::flush;
        std::string answer;
        if (!std::getline(std::cin, answer)) answer = "q";
        char c = answer.empty() ? 'n' : static_cast<char>(std::tolower(static_cast<unsigned char>(answer[0])));
        if (c == 'q') {
          quit = true;
          break;
        }
        if (c == 'a') all = true;
        if (c != 'y' && c != 'a') continue;
      }
      accepted.push_back(&*d->fix);
    }
    if (accepted.empty()) continue;
    ApplyResult r = applyFixes(source.text(), accepted);
    if (countSyntaxErrors(r.text) > countSyntaxErrors(source.text())) {
      std::cerr << file << ": the accepted changes together would not parse; file left unchanged\n";
      continue;
    }
    auto bytes = encodeForFile(source, r.text);
    if (!bytes) {
      std::cerr << file << ": " << bytes.error() << "\n";
      continue;
    }
    if (auto w = writeFileAtomically(file, *bytes); !w) {
      std::cerr << file << ": " << w.error() << "\n";
      continue;
    }
    applied += r.applied;
    ++filesChanged;
  }
  std::cerr << "Applied " << applied << " change" << (applied == 1 ? "" : "s") << " in " << filesChanged << " file"
            << (filesChanged == 1 ? "" : "s") << ".\n";
  return 0;
}

} // namespace typhon
