// CheckContext: diagnostic reporting with positions computed from the source's line index.
#include "checkers/Check.h"

namespace typhon {

void CheckContext::report(const Check &check, Node node, std::string message, std::optional<Fix> fix) {
  report(check.rule(), node.startByte(), node.endByte(), std::move(message), std::move(fix));
}

void CheckContext::report(const Check &check, std::uint32_t startByte, std::uint32_t endByte, std::string message,
                          std::optional<Fix> fix) {
  report(check.rule(), startByte, endByte, std::move(message), std::move(fix));
}

void CheckContext::report(const RuleBinding &rule, std::uint32_t startByte, std::uint32_t endByte,
                          std::string message, std::optional<Fix> fix) {
  Diagnostic d;
  d.rule = rule.id;
  d.group = rule.group;
  d.severity = rule.severity;
  d.message = std::move(message);
  d.file = module_.source().path();
  d.startByte = startByte;
  d.endByte = std::max(startByte, endByte);
  d.range = module_.source().range(d.startByte, d.endByte);
  d.fix = std::move(fix);
  diagnostics_.push_back(std::move(d));
}

} // namespace typhon
