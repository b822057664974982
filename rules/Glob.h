// Glob: gitignore-style wildcard matching (`*`, `**`, `?`, `[...]`) over '/'-separated paths.
#pragma once

#include <string_view>

namespace typhon {

/// Matches `path` against `pattern`. `*` and `?` never cross '/', `**` matches any number of
/// path segments (`a/**/b`, `**/x`, `x/**`), `[abc]`/`[!a-z]` match one character.
bool globMatch(std::string_view pattern, std::string_view path);

/// True when `text` contains a wildcard character.
bool hasWildcard(std::string_view text);

} // namespace typhon
