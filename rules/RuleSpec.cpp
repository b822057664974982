// RuleSpec parsing: strict keys, typed values, errors that name the file, line, column and key.
#include "rules/RuleSpec.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace typhon {

namespace {

constexpr std::array<std::string_view, 23> kRuleKeys = {
    "id",      "group",   "severity", "message", "description", "url",    "help",         "rule",
    "constraints", "utils", "transform", "fix",  "applicability", "python", "files", "ignores",
    "valid",   "invalid", "native",   "options", "note",        "metadata", "$schema"};

bool isKebab(std::string_view s) {
  if (s.empty() || !std::islower(static_cast<unsigned char>(s[0]))) return false;
  for (char c : s)
    if (!(std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) || c == '-'))
      return false;
  return !s.ends_with("-") && s.find("--") == std::string_view::npos;
}

} // namespace

std::span<const std::string_view> ruleKeys() { return kRuleKeys; }

nlohmann::json dataToJson(const DataNode &node) {
  switch (node.kind) {
  case DataNode::Kind::Null: return nullptr;
  case DataNode::Kind::Scalar: {
    const std::string &s = node.scalar;
    if (s == "true") return true;
    if (s == "false") return false;
    if (!s.empty() && (std::isdigit(static_cast<unsigned char>(s[0])) || (s[0] == '-' && s.size() > 1))) {
      try {
        std::size_t used = 0;
        long long v = std::stoll(s, &used);
        if (used == s.size()) return v;
        double d = std::stod(s, &used);
        if (used == s.size()) return d;
      } catch (...) {
      }
    }
    return s;
  }
  case DataNode::Kind::Sequence: {
    nlohmann::json arr = nlohmann::json::array();
    for (const DataNode &i : node.items) arr.push_back(dataToJson(i));
    return arr;
  }
  case DataNode::Kind::Map: {
    nlohmann::json obj = nlohmann::json::object();
    for (const auto &[k, v] : node.entries) obj[k] = dataToJson(v);
    return obj;
  }
  }
  return nullptr;
}

std::expected<RuleSpec, DataError> parseRuleSpec(const DataNode &doc, const std::string &file) {
  DataReader r(file);
  if (!doc.isMap()) return std::unexpected(r.error(doc, "", "a rule entry must be a YAML mapping"));
  for (const auto &[k, v] : doc.entries) {
    if (std::find(kRuleKeys.begin(), kRuleKeys.end(), k) == kRuleKeys.end())
      return std::unexpected(r.keyError(v, k, "unknown key `" + k + "` in rule entry"));
  }
  RuleSpec spec;
  spec.sourceFile = file;
  spec.sourceLine = doc.line;
  auto need = [&](const char *key) -> std::expected<std::string, DataError> {
    const DataNode *n = doc.get(key);
    if (!n) return std::unexpected(r.error(doc, key, std::string("missing required key `") + key + "`"));
    return r.string(*n, key);
  };
  auto optional = [&](const char *key, std::string &out) -> std::optional<DataError> {
    const DataNode *n = doc.get(key);
    if (!n) return std::nullopt;
    auto s = r.string(*n, key);
    if (!s) return s.error();
    out = *s;
    return std::nullopt;
  };
  auto list = [&](const char *key, std::vector<std::string> &out) -> std::optional<DataError> {
    const DataNode *n = doc.get(key);
    if (!n) return std::nullopt;
    auto s = r.strings(*n, key);
    if (!s) return s.error();
    out = *s;
    return std::nullopt;
  };

  auto id = need("id");
  if (!id) return std::unexpected(id.error());
  if (!isKebab(*id))
    return std::unexpected(r.error(*doc.get("id"), "id", "rule id `" + *id + "` must be kebab-case (`a-z`, `0-9`, `-`)"));
  spec.id = *id;
  auto group = need("group");
  if (!group) return std::unexpected(group.error());
  if (!isKebab(*group)) return std::unexpected(r.error(*doc.get("group"), "group", "group `" + *group + "` must be kebab-case"));
  spec.group = *group;
  auto severity = need("severity");
  if (!severity) return std::unexpected(severity.error());
  auto sev = parseSeverity(*severity);
  if (!sev)
    return std::unexpected(r.error(*doc.get("severity"), "severity",
                                   "severity must be `info`, `warning` or `error`, not `" + *severity + "`"));
  spec.severity = *sev;
  auto message = need("message");
  if (!message) return std::unexpected(message.error());
  spec.message = *message;
  for (auto [key, out] : {std::pair{"description", &spec.description}, std::pair{"url", &spec.url},
                          std::pair{"help", &spec.help}, std::pair{"native", &spec.native},
                          std::pair{"python", &spec.python}})
    if (auto e = optional(key, *out)) return std::unexpected(*e);
  for (auto [key, out] : {std::pair{"valid", &spec.valid}, std::pair{"files", &spec.files},
                          std::pair{"ignores", &spec.ignores}})
    if (auto e = list(key, *out)) return std::unexpected(*e);
  if (const DataNode *inv = doc.get("invalid")) {
    std::vector<DataNode> items = inv->isSeq() ? inv->items : std::vector<DataNode>{*inv};
    for (const DataNode &item : items) {
      if (item.isScalar()) {
        spec.invalid.push_back(item.scalar);
        spec.invalidFixed.emplace_back();
        continue;
      }
      if (!item.isMap()) return std::unexpected(r.error(item, "invalid", "`invalid` items are code strings or {code, fixed}"));
      if (auto e = r.onlyKeys(item, {"code", "fixed"}, "invalid example")) return std::unexpected(*e);
      const DataNode *code = item.get("code");
      const DataNode *fixed = item.get("fixed");
      if (!code || !code->isScalar()) return std::unexpected(r.error(item, "code", "an invalid example needs `code`"));
      if (fixed && !fixed->isScalar()) return std::unexpected(r.error(*fixed, "fixed", "`fixed` must be a string"));
      spec.invalid.push_back(code->scalar);
      spec.invalidFixed.push_back(fixed ? std::optional<std::string>(fixed->scalar) : std::nullopt);
    }
  }
  if (const DataNode *a = doc.get("applicability")) {
    auto s = r.string(*a, "applicability");
    if (!s) return std::unexpected(s.error());
    auto app = parseApplicability(*s);
    if (!app)
      return std::unexpected(r.error(*a, "applicability",
                                     "applicability must be `safe`, `unsafe` or `display-only`, not `" + *s + "`"));
    spec.applicability = *app;
    spec.fixable = true;
  }
  if (const DataNode *o = doc.get("options")) {
    if (!o->isMap()) return std::unexpected(r.error(*o, "options", "`options` must be a mapping"));
    spec.options = dataToJson(*o);
  }
  bool declarative = doc.get("rule") != nullptr;
  if (spec.native.empty() && !declarative)
    return std::unexpected(r.error(doc, "rule", "a rule needs either `rule:` (a pattern) or `native:` (a C++ check)"));
  if (!spec.native.empty() && declarative)
    return std::unexpected(r.keyError(*doc.get("rule"), "rule", "a rule cannot have both `rule:` and `native:`"));
  if (!declarative) {
    for (const char *key : {"constraints", "utils", "transform", "fix"})
      if (const DataNode *n = doc.get(key))
        return std::unexpected(r.keyError(*n, key, std::string("`") + key + "` applies only to declarative (`rule:`) entries"));
    return spec;
  }
  if (doc.get("fix") && !doc.get("applicability")) spec.fixable = true;
  auto compiled = compilePatternRule(doc, r, spec.message, spec.applicability);
  if (!compiled) return std::unexpected(compiled.error());
  if (!compiled->fix && doc.get("applicability"))
    return std::unexpected(r.keyError(*doc.get("applicability"), "applicability", "`applicability` without a `fix`"));
  spec.fixable = compiled->fix.has_value();
  spec.pattern = std::make_shared<const PatternRule>(std::move(*compiled));
  return spec;
}

std::expected<RuleSetSpec, DataError> parseRuleSetSpec(const DataNode &doc, const std::string &file, std::string name) {
  DataReader r(file);
  if (!doc.isMap()) return std::unexpected(r.error(doc, "", "a rule set must be a YAML mapping"));
  if (auto e = r.onlyKeys(doc, {"description", "extends", "include", "exclude"}, "rule set")) return std::unexpected(*e);
  RuleSetSpec set;
  set.name = std::move(name);
  set.sourceFile = file;
  if (const DataNode *d = doc.get("description")) {
    auto s = r.string(*d, "description");
    if (!s) return std::unexpected(s.error());
    set.description = *s;
  }
  for (auto [key, out] : {std::pair{"extends", &set.extends}, std::pair{"include", &set.include},
                          std::pair{"exclude", &set.exclude}}) {
    if (const DataNode *n = doc.get(key)) {
      auto s = r.strings(*n, key);
      if (!s) return std::unexpected(s.error());
      *out = *s;
    }
  }
  return set;
}

} // namespace typhon
