// Config: parsing, strict keys with located errors, discovery up the directory tree.
#include "rules/Config.h"

#include "rules/RuleSpec.h"

#include <fstream>
#include <sstream>

namespace typhon {

namespace fs = std::filesystem;

std::optional<std::pair<int, int>> parsePythonVersion(std::string_view text) {
  std::size_t dot = text.find('.');
  if (dot == std::string_view::npos || dot == 0 || dot + 1 >= text.size()) return std::nullopt;
  int major = 0, minor = 0;
  for (char c : text.substr(0, dot)) {
    if (c < '0' || c > '9') return std::nullopt;
    major = major * 10 + (c - '0');
  }
  for (char c : text.substr(dot + 1)) {
    if (c < '0' || c > '9') return std::nullopt;
    minor = minor * 10 + (c - '0');
  }
  if (major != 3 || minor > 99) return std::nullopt;
  return std::pair{major, minor};
}

namespace {

std::optional<DataError> readRuleSetting(const DataReader &r, const std::string &selector, const DataNode &value,
                                         RuleSetting &out) {
  out.selector = selector;
  out.file = r.file();
  out.line = value.keyLine ? value.keyLine : value.line;
  out.column = value.keyLine ? value.keyColumn : value.column;
  auto level = [&](const DataNode &n, const std::string &key) -> std::optional<DataError> {
    if (!n.isScalar()) return r.error(n, key, "expected `off`, `info`, `warning` or `error`");
    if (n.scalar == "off" || n.scalar == "false") {
      out.off = true;
      return std::nullopt;
    }
    auto sev = parseSeverity(n.scalar);
    if (!sev) return r.error(n, key, "expected `off`, `info`, `warning` or `error`, not `" + n.scalar + "`");
    out.severity = sev;
    return std::nullopt;
  };
  if (value.isScalar()) return level(value, selector);
  if (!value.isMap()) return r.error(value, selector, "rule setting for `" + selector + "` must be a level or a mapping");
  if (auto e = r.onlyKeys(value, {"severity", "options"}, "rule setting `" + selector + "`")) return e;
  if (const DataNode *s = value.get("severity"))
    if (auto e = level(*s, "severity")) return e;
  if (const DataNode *o = value.get("options")) {
    if (!o->isMap()) return r.error(*o, "options", "`options` must be a mapping");
    out.options = dataToJson(*o);
  }
  return std::nullopt;
}

std::string readFile(const fs::path &path, bool &ok) {
  std::ifstream in(path, std::ios::binary);
  ok = static_cast<bool>(in);
  std::stringstream ss;
  if (ok) ss << in.rdbuf();
  return ss.str();
}

} // namespace

std::expected<Config, DataError> configFromData(const DataNode &doc, const std::string &file, const fs::path &root) {
  DataReader r(file);
  Config config;
  config.file = file;
  config.root = root;
  if (doc.kind == DataNode::Kind::Null) return config;
  if (!doc.isMap()) return std::unexpected(r.error(doc, "", "the configuration must be a mapping"));
  if (auto e = r.onlyKeys(doc,
                          {"extends", "python-version", "rules", "rule-dirs", "exclude", "per-file-ignores",
                           "search-paths"},
                          "configuration"))
    return std::unexpected(*e);
  if (const DataNode *n = doc.get("extends")) {
    auto v = r.strings(*n, "extends");
    if (!v) return std::unexpected(v.error());
    config.extends = *v;
    config.extendsLine = n->line;
  }
  if (const DataNode *n = doc.get("python-version")) {
    auto v = r.string(*n, "python-version");
    if (!v) return std::unexpected(v.error());
    auto pv = parsePythonVersion(*v);
    if (!pv) return std::unexpected(r.error(*n, "python-version", "`python-version` must look like \"3.12\", not `" + *v + "`"));
    config.pythonMajor = pv->first;
    config.pythonMinor = pv->second;
  }
  if (const DataNode *n = doc.get("rules")) {
    if (!n->isMap() && n->kind != DataNode::Kind::Null)
      return std::unexpected(r.error(*n, "rules", "`rules` must be a mapping of rule, group or glob to a setting"));
    for (const auto &[k, v] : n->entries) {
      RuleSetting setting;
      if (auto e = readRuleSetting(r, k, v, setting)) return std::unexpected(*e);
      config.rules.push_back(std::move(setting));
    }
  }
  for (auto [key, out] : {std::pair{"rule-dirs", &config.ruleDirs}, std::pair{"exclude", &config.exclude},
                          std::pair{"search-paths", &config.searchPaths}}) {
    if (const DataNode *n = doc.get(key)) {
      auto v = r.strings(*n, key);
      if (!v) return std::unexpected(v.error());
      *out = *v;
    }
  }
  if (const DataNode *n = doc.get("per-file-ignores")) {
    if (!n->isMap()) return std::unexpected(r.error(*n, "per-file-ignores", "`per-file-ignores` must map globs to rule lists"));
    for (const auto &[glob, v] : n->entries) {
      auto ids = r.strings(v, glob);
      if (!ids) return std::unexpected(ids.error());
      config.perFileIgnores.push_back({glob, *ids, v.line, v.column});
    }
  }
  return config;
}

/// How messages name a config file: relative to the working directory when inside it.
static std::string displayName(const fs::path &path) {
  std::error_code ec;
  fs::path cwd = fs::current_path(ec);
  fs::path rel = ec ? fs::path() : path.lexically_relative(cwd);
  if (!rel.empty() && !rel.string().starts_with("..")) return rel.generic_string();
  return path.generic_string();
}

std::expected<std::optional<Config>, DataError> loadConfigFile(const fs::path &path) {
  std::string display = displayName(path);
  bool ok = false;
  std::string text = readFile(path, ok);
  if (!ok) return std::unexpected(DataError{display, 0, 0, "", "cannot read configuration file"});
  fs::path root = path.parent_path();
  if (path.filename() == "pyproject.toml") {
    auto table = parseTomlTable(text, display, "tool.typhon");
    if (!table) return std::unexpected(table.error());
    if (!*table) return std::optional<Config>();
    auto config = configFromData(**table, display, root);
    if (!config) return std::unexpected(config.error());
    return std::optional<Config>(std::move(*config));
  }
  auto doc = parseYaml(text, display);
  if (!doc) return std::unexpected(doc.error());
  auto config = configFromData(*doc, display, root);
  if (!config) return std::unexpected(config.error());
  return std::optional<Config>(std::move(*config));
}

ConfigFinder::ConfigFinder(std::optional<fs::path> explicitConfig)
    : explicit_(std::move(explicitConfig)), defaults_(std::make_shared<const Config>()) {}

std::expected<std::shared_ptr<const Config>, DataError> ConfigFinder::forDirectory(const fs::path &dir) {
  std::lock_guard lock(mutex_);
  if (explicit_) {
    auto it = cache_.find(*explicit_);
    if (it != cache_.end()) return it->second;
    auto loaded = loadConfigFile(*explicit_);
    std::expected<std::shared_ptr<const Config>, DataError> result =
        std::unexpected(DataError{explicit_->string(), 0, 0, "", "no [tool.typhon] table in this file"});
    if (!loaded) result = std::unexpected(loaded.error());
    else if (*loaded) result = std::make_shared<const Config>(std::move(**loaded));
    cache_.emplace(*explicit_, result);
    return result;
  }
  std::vector<fs::path> visited;
  std::expected<std::shared_ptr<const Config>, DataError> result = defaults_;
  for (fs::path d = dir;; d = d.parent_path()) {
    if (auto it = cache_.find(d); it != cache_.end()) {
      result = it->second;
      break;
    }
    visited.push_back(d);
    bool found = false;
    for (const char *name : {"typhon.yaml", ".typhon.yaml", "pyproject.toml"}) {
      std::error_code ec;
      fs::path candidate = d / name;
      if (!fs::is_regular_file(candidate, ec)) continue;
      auto loaded = loadConfigFile(candidate);
      if (!loaded) {
        result = std::unexpected(loaded.error());
        found = true;
        break;
      }
      if (!*loaded) continue; // pyproject.toml without [tool.typhon]
      result = std::make_shared<const Config>(std::move(**loaded));
      found = true;
      break;
    }
    if (found || d == d.parent_path() || d.empty()) break;
  }
  for (const fs::path &v : visited) cache_.emplace(v, result);
  return result;
}

} // namespace typhon
