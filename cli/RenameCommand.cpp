// RenameCommand: locates the project (config directory, else the file's directory), lists its
// modules with the CLI's discovery, plans the rename and writes (or shows) the result.
#include "cli/RenameCommand.h"

#include "cli/Discovery.h"
#include "cli/GitIgnore.h"
#include "passes/EditEngine.h"
#include "passes/rename/Rename.h"
#include "rules/Config.h"

#include <charconv>
#include <iostream>

namespace typhon {

namespace fs = std::filesystem;

namespace {

bool parseNumber(std::string_view s, std::uint32_t &out) {
  if (s.empty()) return false;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && ptr == s.data() + s.size() && out > 0;
}

} // namespace

int renameCommand(const RenameOptions &options) {
  std::string_view loc = options.location;
  std::size_t c2 = loc.rfind(':');
  std::size_t c1 = c2 == std::string_view::npos || c2 == 0 ? std::string_view::npos : loc.rfind(':', c2 - 1);
  rename::RenameRequest request;
  if (c1 == std::string_view::npos || !parseNumber(loc.substr(c1 + 1, c2 - c1 - 1), request.line) ||
      !parseNumber(loc.substr(c2 + 1), request.column)) {
    std::cerr << "typhon: rename needs FILE:LINE:COL (1-based), not `" << options.location << "`\n";
    return 2;
  }
  std::error_code ec;
  request.file = fs::weakly_canonical(fs::absolute(std::string(loc.substr(0, c1))), ec);
  if (ec || !fs::is_regular_file(request.file, ec)) {
    std::cerr << "typhon: " << loc.substr(0, c1) << ": no such file\n";
    return 2;
  }
  request.newName = options.newName;

  ConfigFinder finder(options.configFile.empty() ? std::nullopt
                                                 : std::optional<fs::path>(fs::absolute(options.configFile)));
  auto config = finder.forDirectory(request.file.parent_path());
  if (!config) {
    std::cerr << "typhon: " << config.error().format() << "\n";
    return 2;
  }
  bool hasConfig = !(*config)->file.empty();
  request.projectRoot = hasConfig ? fs::weakly_canonical((*config)->root, ec) : request.file.parent_path();
  request.pythonMinor = (*config)->pythonMinor;

  DiscoveryOptions discovery;
  discovery.respectGitignore = options.respectGitignore;
  GitIgnoreFile exclude = GitIgnoreFile::fromPatterns(request.projectRoot, (*config)->exclude);
  discovery.excluded = [&](const fs::path &p, bool isDir) {
    return hasConfig && exclude.match(p, isDir) == GitIgnoreFile::Verdict::Ignored;
  };
  DiscoveryResult found = discoverFiles({request.projectRoot.string()}, discovery);
  for (const DiscoveredFile &f : found.files) {
    fs::path canonical = fs::weakly_canonical(f.path, ec);
    request.files.push_back({ec ? f.path : canonical, f.display});
  }
  for (rename::ProjectFile &f : request.files)
    if (f.path == request.file) f.display = displayPath(request.file);

  rename::RenameResult result = rename::planRename(request);
  if (result.refused) {
    std::cerr << "typhon: rename refused: " << result.message << "\n";
    for (const rename::Place &p : result.places)
      std::cerr << "  " << p.file << ":" << p.line << ":" << p.column << ": " << p.note << "\n";
    std::cerr << "nothing was written\n";
    return 2;
  }
  if (result.rewrites.empty()) {
    std::cerr << "nothing to change\n";
    if (options.mode == FixMode::Stdout) {
      auto source = SourceFile::load(request.file, displayPath(request.file));
      if (source) std::cout << (*source)->text();
    }
    return 0;
  }
  std::size_t edits = 0;
  for (const rename::FileRewrite &r : result.rewrites) edits += r.edits;
  std::string summary = std::to_string(edits) + " occurrence" + (edits == 1 ? "" : "s") + " in " +
                        std::to_string(result.rewrites.size()) + " file" + (result.rewrites.size() == 1 ? "" : "s");
  switch (options.mode) {
  case FixMode::Stdout: {
    bool printed = false;
    for (const rename::FileRewrite &r : result.rewrites)
      if (r.path == request.file) {
        std::cout << r.newText;
        printed = true;
      } else {
        std::cerr << "typhon: " << r.display << " would change too (use --diff to see every file)\n";
      }
    if (!printed) {
      auto source = SourceFile::load(request.file, displayPath(request.file));
      if (source) std::cout << (*source)->text();
    }
    return 0;
  }
  case FixMode::Diff:
    for (const rename::FileRewrite &r : result.rewrites) std::cout << unifiedDiff(r.source->text(), r.newText, r.display);
    return 1;
  case FixMode::Check:
    for (const rename::FileRewrite &r : result.rewrites)
      std::cout << "would rename " << r.edits << " occurrence" << (r.edits == 1 ? "" : "s") << " in " << r.display << "\n";
    std::cerr << result.rewrites.size() << " file" << (result.rewrites.size() == 1 ? "" : "s") << " would be changed\n";
    return 1;
  default: break;
  }
  // Encode everything first so that a failure writes nothing; then write each file atomically.
  std::vector<std::string> bytes;
  for (const rename::FileRewrite &r : result.rewrites) {
    auto encoded = encodeForFile(*r.source, r.newText);
    if (!encoded) {
      std::cerr << "typhon: " << r.display << ": " << encoded.error() << "; nothing was written\n";
      return 2;
    }
    bytes.push_back(std::move(*encoded));
  }
  for (std::size_t i = 0; i < result.rewrites.size(); ++i)
    if (auto w = writeFileAtomically(result.rewrites[i].path, bytes[i]); !w) {
      std::cerr << "typhon: " << result.rewrites[i].display << ": " << w.error() << "\n";
      return 2;
    }
  std::cerr << "Renamed `" << result.oldName << "` to `" << options.newName << "`: " << summary << ".\n";
  return 0;
}

} // namespace typhon
