// Renderers: text, json (schema v1), sarif 2.1.0, github annotations, junit; and statistics.
#pragma once

#include "checkers/Diagnostic.h"
#include "cli/CheckRunner.h"
#include "rules/RuleCatalog.h"

#include <optional>
#include <string>

namespace typhon {

enum class OutputFormat { Text, Json, Sarif, Github, Junit };

std::optional<OutputFormat> parseOutputFormat(std::string_view name);

struct RenderOptions {
  bool color = false;
  bool statistics = false;
};

std::string render(OutputFormat format, const RunResult &result, const RuleCatalog &catalog,
                   const RenderOptions &options);

std::string renderText(const RunResult &result, const RuleCatalog &catalog, const RenderOptions &options);
std::string renderStatistics(const RunResult &result, const RuleCatalog &catalog);
std::string renderJson(const RunResult &result);
std::string renderSarif(const RunResult &result, const RuleCatalog &catalog);
std::string renderGithub(const RunResult &result);
std::string renderJunit(const RunResult &result);

/// The documentation path of a rule, as JSON's `url` gives it.
std::string ruleUrl(const Diagnostic &d);

} // namespace typhon
