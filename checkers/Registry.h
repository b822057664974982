// The native registry: native check names (as written after `native:` in YAML) to factories.
#pragma once

#include "checkers/Check.h"

#include <memory>
#include <span>
#include <string_view>

namespace typhon {

struct NativeCheckInfo {
  std::string_view name;
  /// Creates the check; nullptr for rules the engine itself reports (unused-suppression, io-error).
  std::unique_ptr<Check> (*make)(RuleBinding);
};

std::span<const NativeCheckInfo> nativeChecks();
const NativeCheckInfo *findNativeCheck(std::string_view name);

} // namespace typhon
