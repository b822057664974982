// Syntax errors found in a parse tree (ERROR and MISSING nodes).
#pragma once

#include "parser/Tree.h"

#include <string>
#include <vector>

namespace typhon {

struct SyntaxError {
  std::uint32_t startByte = 0;
  std::uint32_t endByte = 0;
  std::string message;
};

/// Every ERROR or MISSING node in `module`, in source order, with messages a person can act on.
std::vector<SyntaxError> findSyntaxErrors(const ParsedModule &module);

} // namespace typhon
