// Render: format dispatch and the statistics table.
#include "cli/Render.h"

#include <algorithm>
#include <cstdio>
#include <map>

namespace typhon {

std::optional<OutputFormat> parseOutputFormat(std::string_view name) {
  if (name == "text") return OutputFormat::Text;
  if (name == "json") return OutputFormat::Json;
  if (name == "sarif") return OutputFormat::Sarif;
  if (name == "github") return OutputFormat::Github;
  if (name == "junit") return OutputFormat::Junit;
  return std::nullopt;
}

std::string ruleUrl(const Diagnostic &d) { return "docs/rules/" + d.group + "/" + d.rule + ".md"; }

std::string renderStatistics(const RunResult &result, const RuleCatalog &catalog) {
  std::map<std::string, std::pair<std::size_t, std::size_t>> counts; // rule -> (count, fixable)
  for (const Diagnostic &d : result.diagnostics) {
    auto &c = counts[d.rule];
    ++c.first;
    if (d.fix) ++c.second;
  }
  std::vector<std::pair<std::string, std::pair<std::size_t, std::size_t>>> rows(counts.begin(), counts.end());
  std::stable_sort(rows.begin(), rows.end(), [](const auto &a, const auto &b) { return a.second.first > b.second.first; });
  std::string out;
  for (const auto &[rule, c] : rows) {
    const RuleSpec *spec = catalog.find(rule);
    char line[256];
    std::snprintf(line, sizeof line, "%6zu  %-32s %-8s %s%s\n", c.first, rule.c_str(),
                  spec ? std::string(severityName(spec->severity)).c_str() : "", spec ? spec->message.c_str() : "",
                  c.second ? (" [" + std::to_string(c.second) + " fixable]").c_str() : "");
    out += line;
  }
  return out;
}

std::string render(OutputFormat format, const RunResult &result, const RuleCatalog &catalog,
                   const RenderOptions &options) {
  switch (format) {
  case OutputFormat::Text: return options.statistics ? renderStatistics(result, catalog) : renderText(result, catalog, options);
  case OutputFormat::Json: return renderJson(result);
  case OutputFormat::Sarif: return renderSarif(result, catalog);
  case OutputFormat::Github: return renderGithub(result);
  case OutputFormat::Junit: return renderJunit(result);
  }
  return {};
}

} // namespace typhon
