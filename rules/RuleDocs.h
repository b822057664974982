// RuleDocs: renders docs/rules/<group>/<id>.md, the rule index and docs/schema/rule.schema.json.
#pragma once

#include "rules/RuleCatalog.h"

#include <map>
#include <string>

namespace typhon {

/// Generated documentation files, keyed by path relative to docs/.
std::map<std::string, std::string> renderRuleDocs(const RuleCatalog &catalog);

/// The rule's documentation page as markdown (also what `typhon rules explain` prints).
std::string renderRulePage(const RuleSpec &rule);

/// The JSON Schema of the rule format.
std::string renderRuleSchema();

} // namespace typhon
