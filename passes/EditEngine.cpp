// EditEngine: fixpoint application with re-parse validation, file encoding, atomic writes.
#include "passes/EditEngine.h"

#include "parser/SyntaxErrors.h"
#include "passes/EditApply.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <iconv.h>
#include <sys/stat.h>
#include <unistd.h>

namespace typhon {

namespace {

std::shared_ptr<const ParsedModule> parseText(Parser &parser, std::string_view text) {
  auto source = SourceFile::fromUtf8("<edit>", std::string(text));
  if (!source) return nullptr;
  return parseModule(parser, *source);
}

/// Syntax errors of `module`, including those tree-sitter accepts (an empty block left by removed
/// statements, an unexpected indent): the tokenizer-level scan runs even on an error-free tree.
std::size_t errorsIn(const ParsedModule &module) { return findSyntaxErrors(module).size(); }

/// Matches the line endings of inserted text to the file's.
Fix withLineEndings(Fix fix, LineEnding ending) {
  if (ending == LineEnding::Lf) return fix;
  const char *eol = ending == LineEnding::CrLf ? "\r\n" : "\r";
  for (TextEdit &e : fix.edits) {
    std::string out;
    for (std::size_t i = 0; i < e.newText.size(); ++i) {
      char c = e.newText[i];
      if (c == '\n' && (i == 0 || e.newText[i - 1] != '\r')) out += eol;
      else out += c;
    }
    e.newText = std::move(out);
  }
  return fix;
}

} // namespace

std::size_t countSyntaxErrors(std::string_view text) {
  Parser parser;
  auto module = parseText(parser, text);
  return module ? errorsIn(*module) : SIZE_MAX;
}

TransformResult transformToFixpoint(const SourceFile &source, const FixProducer &producer, int maxRounds,
                                    const ErrorCounter &extraErrors) {
  auto errorCount = [&](const ParsedModule &m) { return errorsIn(m) + (extraErrors ? extraErrors(m) : 0); };
  TransformResult result;
  // A dropped fix is usually proposed again next round: report it once.
  auto drop = [&](const Fix &f) {
    if (std::find(result.dropped.begin(), result.dropped.end(), f.title) == result.dropped.end())
      result.dropped.push_back(f.title);
  };
  result.text = std::string(source.text());
  Parser parser;
  auto module = parseText(parser, result.text);
  if (!module) return result;
  std::size_t baseline = errorCount(*module);
  for (result.rounds = 0; result.rounds < maxRounds; ++result.rounds) {
    std::vector<Fix> fixes = producer(*module);
    for (Fix &f : fixes) f = withLineEndings(std::move(f), source.lineEnding());
    std::erase_if(fixes, [](const Fix &f) { return f.edits.empty(); });
    if (fixes.empty()) return result;
    std::vector<const Fix *> all;
    for (const Fix &f : fixes) all.push_back(&f);
    ApplyResult applied = applyFixes(result.text, all);
    auto next = applied.text != result.text ? parseText(parser, applied.text) : nullptr;
    if (next && errorCount(*next) > baseline) {
      // Find the culprits one by one; keep the fixes that re-parse cleanly on their own.
      std::vector<const Fix *> good;
      for (const Fix *f : all) {
        ApplyResult alone = applyFixes(result.text, {f});
        auto m = parseText(parser, alone.text);
        if (m && errorCount(*m) <= baseline) good.push_back(f);
        else drop(*f);
      }
      applied = applyFixes(result.text, good);
      next = applied.text != result.text ? parseText(parser, applied.text) : nullptr;
      if (next && errorCount(*next) > baseline) {
        // Fixes fine alone that break the file together (removing every statement of a block one
        // by one): keep them one by one while the file still parses; the rest are proposed again next round,
        // against the new text (the last statement's removal then leaves `pass`).
        std::vector<const Fix *> kept;
        for (const Fix *f : good) {
          kept.push_back(f);
          ApplyResult trial = applyFixes(result.text, kept);
          auto m = parseText(parser, trial.text);
          if (!m || errorCount(*m) > baseline) kept.pop_back();
        }
        applied = applyFixes(result.text, kept);
        next = applied.text != result.text ? parseText(parser, applied.text) : nullptr;
        if (next && errorCount(*next) > baseline) return result; // cannot happen: kept re-parsed
      }
    }
    if (!next) return result; // nothing changed: fixpoint
    result.text = std::move(applied.text);
    result.applied += applied.applied;
    result.changed = true;
    module = std::move(next);
  }
  // The cap was reached while fixes were still being proposed.
  result.converged = producer(*module).empty();
  return result;
}

std::expected<std::string, std::string> encodeForFile(const SourceFile &original, std::string_view text) {
  std::string body(text);
  if (original.encoding() != "utf-8") {
    iconv_t cd = iconv_open(original.encoding().c_str(), "UTF-8");
    if (cd == reinterpret_cast<iconv_t>(-1)) return std::unexpected("cannot encode to " + original.encoding());
    std::string out(body.size() * 4 + 16, '\0');
    char *in = body.data();
    std::size_t inLeft = body.size();
    char *outPtr = out.data();
    std::size_t outLeft = out.size();
    std::size_t rc = iconv(cd, &in, &inLeft, &outPtr, &outLeft);
    iconv_close(cd);
    if (rc == static_cast<std::size_t>(-1))
      return std::unexpected("the edited text cannot be encoded as " + original.encoding());
    out.resize(out.size() - outLeft);
    body = std::move(out);
  }
  if (original.hasBom()) body.insert(0, "\xEF\xBB\xBF");
  return body;
}

std::expected<void, std::string> writeFileAtomically(const std::filesystem::path &path, std::string_view bytes) {
  struct stat st {};
  bool exists = ::stat(path.c_str(), &st) == 0;
  std::string tmpl = (path.parent_path() / ("." + path.filename().string() + ".typhon-XXXXXX")).string();
  int fd = ::mkstemp(tmpl.data());
  if (fd < 0) return std::unexpected("cannot create a temporary file next to " + path.string() + ": " + std::strerror(errno));
  auto fail = [&](const std::string &what) {
    int err = errno;
    ::close(fd);
    ::unlink(tmpl.c_str());
    return std::unexpected(what + " " + path.string() + ": " + std::strerror(err));
  };
  std::size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return fail("cannot write");
    }
    done += static_cast<std::size_t>(n);
  }
  if (exists && ::fchmod(fd, st.st_mode & 07777) != 0) return fail("cannot set permissions of");
  if (::fsync(fd) != 0) return fail("cannot sync");
  if (::close(fd) != 0) {
    ::unlink(tmpl.c_str());
    return std::unexpected("cannot close the temporary file for " + path.string());
  }
  if (::rename(tmpl.c_str(), path.c_str()) != 0) {
    int err = errno;
    ::unlink(tmpl.c_str());
    return std::unexpected("cannot replace " + path.string() + ": " + std::strerror(err));
  }
  return {};
}

} // namespace typhon
