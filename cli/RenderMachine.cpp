// RenderMachine: the machine-readable formats (json v1, sarif 2.1.0, github, junit).
#include "cli/Render.h"

#include <nlohmann/json.hpp>

#include <map>
#include <set>

namespace typhon {

namespace {

using ojson = nlohmann::ordered_json;

ojson position(const Position &p) { return ojson{{"line", p.line}, {"column", p.column}}; }
ojson range(const Range &r) { return ojson{{"start", position(r.start)}, {"end", position(r.end)}}; }

ojson fixJson(const Diagnostic &d, const RunResult &result) {
  if (!d.fix) return nullptr;
  auto it = result.sources.find(d.file);
  ojson edits = ojson::array();
  for (const TextEdit &e : d.fix->edits) {
    Range r = it != result.sources.end() ? it->second->range(e.startByte, e.endByte) : d.range;
    edits.push_back(ojson{{"range", range(r)}, {"new_text", e.newText}});
  }
  return ojson{{"applicability", applicabilityName(d.fix->applicability)}, {"title", d.fix->title}, {"edits", edits}};
}

std::string sarifLevel(Severity s) {
  switch (s) {
  case Severity::Error: return "error";
  case Severity::Warning: return "warning";
  case Severity::Info: return "note";
  }
  return "warning";
}

std::string escapeGithubData(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '%') out += "%25";
    else if (c == '\r') out += "%0D";
    else if (c == '\n') out += "%0A";
    else out += c;
  }
  return out;
}

std::string escapeGithubProperty(std::string_view s) {
  std::string out;
  for (char c : escapeGithubData(s)) {
    if (c == ':') out += "%3A";
    else if (c == ',') out += "%2C";
    else out += c;
  }
  return out;
}

std::string xml(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
    case '&': out += "&amp;"; break;
    case '<': out += "&lt;"; break;
    case '>': out += "&gt;"; break;
    case '"': out += "&quot;"; break;
    case '\'': out += "&apos;"; break;
    default:
      if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t' && c != '\r') out += "&#xFFFD;";
      else out += c;
    }
  }
  return out;
}

} // namespace

std::string renderJson(const RunResult &result) {
  ojson diagnostics = ojson::array();
  std::size_t counts[3] = {0, 0, 0};
  std::size_t fixable = 0;
  for (const Diagnostic &d : result.diagnostics) {
    ++counts[static_cast<int>(d.severity)];
    if (d.fix) ++fixable;
    diagnostics.push_back(ojson{{"rule", d.rule},
                                {"group", d.group},
                                {"severity", severityName(d.severity)},
                                {"message", d.message},
                                {"file", d.file},
                                {"range", range(d.range)},
                                {"fix", fixJson(d, result)},
                                {"url", ruleUrl(d)}});
  }
  ojson doc{{"version", 1},
            {"tool", ojson{{"name", "typhon"}, {"version", TYPHON_VERSION}}},
            {"diagnostics", diagnostics},
            {"summary", ojson{{"files", result.files},
                              {"errors", counts[2]},
                              {"warnings", counts[1]},
                              {"infos", counts[0]},
                              {"fixable", fixable},
                              {"duration_ms", static_cast<std::int64_t>(result.durationMs + 0.5)}}}};
  return doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string renderSarif(const RunResult &result, const RuleCatalog &catalog) {
  // The rules the results refer to, in id order (keeps reports small and stable).
  std::set<std::string> used;
  for (const Diagnostic &d : result.diagnostics) used.insert(d.rule);
  ojson rules = ojson::array();
  std::map<std::string, std::size_t> index;
  for (const std::string &id : used) {
    const RuleSpec *spec = catalog.find(id);
    if (!spec) continue;
    const RuleSpec &r = *spec;
    index[r.id] = rules.size();
    rules.push_back(ojson{{"id", r.id},
                          {"name", r.id},
                          {"shortDescription", ojson{{"text", r.message}}},
                          {"fullDescription", ojson{{"text", r.description.empty() ? r.message : r.description}}},
                          {"helpUri", "docs/rules/" + r.group + "/" + r.id + ".md"},
                          {"defaultConfiguration", ojson{{"level", sarifLevel(r.severity)}}},
                          {"properties", ojson{{"group", r.group}}}});
  }
  ojson results = ojson::array();
  for (const Diagnostic &d : result.diagnostics) {
    ojson region{{"startLine", d.range.start.line},
                 {"startColumn", d.range.start.column},
                 {"endLine", d.range.end.line},
                 {"endColumn", d.range.end.column}};
    ojson res{{"ruleId", d.rule}};
    if (auto it = index.find(d.rule); it != index.end()) res["ruleIndex"] = it->second;
    res["level"] = sarifLevel(d.severity);
    res["message"] = ojson{{"text", d.message}};
    res["locations"] = ojson::array({ojson{
        {"physicalLocation", ojson{{"artifactLocation", ojson{{"uri", d.file}, {"uriBaseId", "%SRCROOT%"}}},
                                   {"region", region}}}}});
    if (d.fix) {
      auto src = result.sources.find(d.file);
      ojson replacements = ojson::array();
      for (const TextEdit &e : d.fix->edits) {
        Range r = src != result.sources.end() ? src->second->range(e.startByte, e.endByte) : d.range;
        replacements.push_back(ojson{{"deletedRegion", ojson{{"startLine", r.start.line},
                                                             {"startColumn", r.start.column},
                                                             {"endLine", r.end.line},
                                                             {"endColumn", r.end.column}}},
                                     {"insertedContent", ojson{{"text", e.newText}}}});
      }
      res["fixes"] = ojson::array({ojson{{"description", ojson{{"text", d.fix->title}}},
                                         {"artifactChanges", ojson::array({ojson{
                                                                 {"artifactLocation", ojson{{"uri", d.file}}},
                                                                 {"replacements", replacements}}})}}});
    }
    results.push_back(std::move(res));
  }
  ojson doc{{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
            {"version", "2.1.0"},
            {"runs", ojson::array({ojson{{"tool", ojson{{"driver", ojson{{"name", "typhon"},
                                                                        {"version", TYPHON_VERSION},
                                                                        {"informationUri", "docs/README.md"},
                                                                        {"rules", rules}}}}},
                                         {"results", results}}})}};
  return doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string renderGithub(const RunResult &result) {
  std::string out;
  for (const Diagnostic &d : result.diagnostics) {
    std::string kind = d.severity == Severity::Error ? "error" : d.severity == Severity::Warning ? "warning" : "notice";
    out += "::" + kind + " file=" + escapeGithubProperty(d.file) + ",line=" + std::to_string(d.range.start.line) +
           ",col=" + std::to_string(d.range.start.column) + ",endLine=" + std::to_string(d.range.end.line) +
           ",endColumn=" + std::to_string(d.range.end.column) + ",title=" + escapeGithubProperty("typhon (" + d.rule + ")") +
           "::" + escapeGithubData(d.file + ":" + std::to_string(d.range.start.line) + ":" +
                                   std::to_string(d.range.start.column) + ": " + d.rule + " " + d.message) +
           "\n";
  }
  return out;
}

std::string renderJunit(const RunResult &result) {
  std::map<std::string, std::vector<const Diagnostic *>> byFile;
  for (const Diagnostic &d : result.diagnostics) byFile[d.file].push_back(&d);
  std::size_t total = result.diagnostics.size();
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += "<testsuites name=\"typhon\" tests=\"" + std::to_string(total ? total : 1) + "\" failures=\"" +
         std::to_string(total) + "\" errors=\"0\">\n";
  if (byFile.empty()) {
    out += "  <testsuite name=\"typhon\" tests=\"1\" failures=\"0\" errors=\"0\">\n"
           "    <testcase name=\"No diagnostics found\" classname=\"typhon\"/>\n  </testsuite>\n";
  }
  for (const auto &[file, diags] : byFile) {
    out += "  <testsuite name=\"" + xml(file) + "\" tests=\"" + std::to_string(diags.size()) + "\" failures=\"" +
           std::to_string(diags.size()) + "\" errors=\"0\">\n";
    for (const Diagnostic *d : diags) {
      std::string where = std::to_string(d->range.start.line) + ":" + std::to_string(d->range.start.column);
      out += "    <testcase name=\"" + xml(d->rule) + " at " + where + "\" classname=\"" + xml(file) + "\" line=\"" +
             std::to_string(d->range.start.line) + "\">\n";
      out += "      <failure message=\"" + xml(d->message) + "\" type=\"" + std::string(severityName(d->severity)) +
             "\">" + xml(file + ":" + where + ": " + std::string(severityName(d->severity)) + "[" + d->rule + "] " +
                         d->message) +
             "</failure>\n    </testcase>\n";
    }
    out += "  </testsuite>\n";
  }
  out += "</testsuites>\n";
  return out;
}

} // namespace typhon
