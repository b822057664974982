// The built-in rule packs and rule sets, embedded in the binary at build time.
#pragma once

#include <span>
#include <string_view>

namespace typhon {

struct EmbeddedFile {
  std::string_view path; ///< relative to the source root, e.g. "rules/packs/syntax/syntax-error.yaml"
  std::string_view content;
};

std::span<const EmbeddedFile> embeddedRuleFiles();

} // namespace typhon
