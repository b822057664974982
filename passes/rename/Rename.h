// Rename: scope-aware renaming of a name across a project's modules (`typhon rename`).
// Refuses (with the places involved) whenever the result could change what the code means.
#pragma once

#include "parser/SourceFile.h"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace typhon::rename {

/// One module of the project: a discovered file and its dotted module name (path-based).
struct ProjectFile {
  std::filesystem::path path; ///< absolute
  std::string display;        ///< as messages name it
};

struct RenameRequest {
  std::filesystem::path file; ///< absolute; must be one of the project's files (added if missing)
  std::uint32_t line = 1;     ///< 1-based
  std::uint32_t column = 1;   ///< 1-based, in code points
  std::string newName;
  std::filesystem::path projectRoot; ///< module names are relative to it
  std::vector<ProjectFile> files;
  int pythonMinor = 13;
};

/// A place a refusal is about.
struct Place {
  std::string file;
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  std::string note;
};

struct FileRewrite {
  std::filesystem::path path;
  std::string display;
  std::shared_ptr<const SourceFile> source;
  std::string newText; ///< UTF-8, BOM stripped (encode with encodeForFile)
  std::size_t edits = 0;
};

struct RenameResult {
  bool refused = false;
  std::string message;       ///< why it was refused
  std::vector<Place> places; ///< the conflicts or uncertain places
  std::string oldName;
  std::vector<FileRewrite> rewrites; ///< files that change, in project order
};

/// Whether `name` is a Python identifier that is not a keyword.
bool isValidNewName(std::string_view name);

/// Plans the rename; nothing is written.
RenameResult planRename(const RenameRequest &request);

/// The dotted module name of `file` relative to `root` (`pkg/mod.py` -> `pkg.mod`,
/// `pkg/__init__.py` -> `pkg`); empty when it is not below the root or not a valid name.
std::string moduleNameFor(const std::filesystem::path &root, const std::filesystem::path &file);

} // namespace typhon::rename
