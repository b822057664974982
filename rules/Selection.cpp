// Selection: sets -> config rule settings -> --select/--ignore -> version gates -> plan.
#include "rules/Selection.h"

#include "checkers/Registry.h"
#include "rules/Glob.h"

#include <algorithm>
#include <sstream>

namespace typhon {

namespace {

RuleBinding defaultBinding(const RuleSpec &spec) {
  return RuleBinding{spec.id, spec.group, spec.severity, spec.options};
}

void mergeOptions(nlohmann::json &into, const nlohmann::json &from) {
  for (auto it = from.begin(); it != from.end(); ++it) into[it.key()] = it.value();
}

} // namespace

std::expected<bool, std::string> versionGateAdmits(std::string_view gate, int major, int minor) {
  std::stringstream ss{std::string(gate)};
  std::string part;
  while (std::getline(ss, part, ',')) {
    std::size_t b = part.find_first_not_of(" \t");
    if (b == std::string::npos) continue;
    part = part.substr(b, part.find_last_not_of(" \t") - b + 1);
    std::string op;
    for (const char *candidate : {">=", "<=", "==", "!=", ">", "<"})
      if (part.starts_with(candidate)) {
        op = candidate;
        break;
      }
    if (op.empty()) return std::unexpected("version gate `" + std::string(gate) + "` needs an operator (>=, <, ==, ...)");
    std::string ver = part.substr(op.size());
    ver.erase(0, ver.find_first_not_of(" \t"));
    int vmaj = 0, vmin = 0;
    if (ver.find('.') == std::string::npos) {
      try {
        vmaj = std::stoi(ver);
      } catch (...) {
        return std::unexpected("bad version `" + ver + "` in gate `" + std::string(gate) + "`");
      }
    } else {
      auto pv = parsePythonVersion(ver);
      if (!pv) return std::unexpected("bad version `" + ver + "` in gate `" + std::string(gate) + "`");
      vmaj = pv->first, vmin = pv->second;
    }
    int cmp = major != vmaj ? (major < vmaj ? -1 : 1) : (minor != vmin ? (minor < vmin ? -1 : 1) : 0);
    bool ok = op == ">=" ? cmp >= 0 : op == "<=" ? cmp <= 0 : op == ">" ? cmp > 0 : op == "<" ? cmp < 0
            : op == "==" ? cmp == 0 : cmp != 0;
    if (!ok) return false;
  }
  return true;
}

std::expected<RuleBindings, DataError> resolveRules(const RuleCatalog &catalog, const Config &config,
                                                    const CliSelection &cli) {
  RuleBindings enabled;
  for (const std::string &set : config.extends) {
    auto ids = catalog.expandSet(set);
    if (!ids) {
      std::string message = ids.error() + " in `extends` (built-in sets:";
      for (const RuleSetSpec &s : catalog.sets()) message += " " + s.name;
      return std::unexpected(DataError{config.file.empty() ? "<defaults>" : config.file, config.extendsLine, 1,
                                       "extends", message + ")"});
    }
    for (const std::string &id : *ids) enabled.emplace(id, defaultBinding(*catalog.find(id)));
  }
  // The project's own rules (rule-dirs) run unless configured off.
  for (const RuleSpec &r : catalog.rules())
    if (r.project) enabled.emplace(r.id, defaultBinding(r));
  // Settings configure severities and options even for rules enabled only later by --select.
  std::map<std::string, RuleBinding> configured;
  for (const RuleSetting &setting : config.rules) {
    std::vector<std::string> ids = catalog.select(setting.selector);
    if (ids.empty())
      return std::unexpected(DataError{setting.file, setting.line, setting.column, setting.selector,
                                       "`" + setting.selector + "` names no rule or group"});
    for (const std::string &id : ids) {
      if (setting.off) {
        enabled.erase(id);
        configured.erase(id);
        continue;
      }
      RuleBinding &b = enabled.contains(id) ? enabled[id] : (enabled[id] = defaultBinding(*catalog.find(id)));
      if (setting.severity) b.severity = *setting.severity;
      mergeOptions(b.options, setting.options);
      configured[id] = b;
    }
  }
  if (!cli.select.empty()) {
    RuleBindings selected;
    for (const std::string &sel : cli.select) {
      std::vector<std::string> ids = catalog.select(sel);
      if (catalog.findSet(sel)) {
        auto more = catalog.expandSet(sel);
        if (more) ids.insert(ids.end(), more->begin(), more->end());
      }
      if (ids.empty()) return std::unexpected(DataError{"--select", 0, 0, sel, "`" + sel + "` names no rule, group or set"});
      for (const std::string &id : ids) {
        auto it = configured.find(id);
        selected[id] = it != configured.end() ? it->second : defaultBinding(*catalog.find(id));
      }
    }
    enabled = std::move(selected);
  }
  for (const std::string &sel : cli.ignore) {
    std::vector<std::string> ids = catalog.select(sel);
    if (ids.empty()) return std::unexpected(DataError{"--ignore", 0, 0, sel, "`" + sel + "` names no rule or group"});
    for (const std::string &id : ids) enabled.erase(id);
  }
  for (const PerFileIgnore &entry : config.perFileIgnores)
    for (const std::string &sel : entry.rules)
      if (catalog.select(sel).empty())
        return std::unexpected(DataError{config.file, entry.line, entry.column, entry.glob,
                                         "`" + sel + "` in per-file-ignores names no rule or group"});
  int major = cli.pythonVersion ? cli.pythonVersion->first : config.pythonMajor;
  int minor = cli.pythonVersion ? cli.pythonVersion->second : config.pythonMinor;
  for (auto it = enabled.begin(); it != enabled.end();) {
    const RuleSpec *spec = catalog.find(it->first);
    auto admits = versionGateAdmits(spec->python, major, minor);
    if (!admits) return std::unexpected(DataError{spec->sourceFile, spec->sourceLine, 1, "python", admits.error()});
    it = *admits ? std::next(it) : enabled.erase(it);
  }
  return enabled;
}

RuleBindings applyPerFileIgnores(const RuleCatalog &catalog, const Config &config, const RuleBindings &bindings,
                                 std::string_view relativePath) {
  RuleBindings out = bindings;
  // A rule's own `files` / `ignores` globs.
  for (auto it = out.begin(); it != out.end();) {
    const RuleSpec *spec = catalog.find(it->first);
    bool keep = true;
    if (spec && !spec->files.empty())
      keep = std::any_of(spec->files.begin(), spec->files.end(), [&](const std::string &g) { return globMatch(g, relativePath); });
    if (spec && keep)
      keep = std::none_of(spec->ignores.begin(), spec->ignores.end(), [&](const std::string &g) { return globMatch(g, relativePath); });
    it = keep ? std::next(it) : out.erase(it);
  }
  for (const auto &[glob, selectors, line, column] : config.perFileIgnores) {
    std::string pattern = glob.find('/') == std::string::npos && !glob.starts_with("**") ? "**/" + glob : glob;
    if (!globMatch(pattern, relativePath) && !globMatch(glob, relativePath)) continue;
    for (const std::string &sel : selectors)
      for (const std::string &id : catalog.select(sel)) out.erase(id);
  }
  return out;
}

std::unique_ptr<CheckPlan> buildPlan(const RuleCatalog &catalog, const RuleBindings &bindings) {
  std::vector<std::unique_ptr<Check>> checks;
  for (const auto &[id, binding] : bindings) {
    const RuleSpec *spec = catalog.find(id);
    if (spec && spec->pattern) {
      checks.push_back(std::make_unique<PatternCheck>(binding, spec->pattern));
      continue;
    }
    if (!spec || spec->native.empty()) continue;
    const NativeCheckInfo *info = findNativeCheck(spec->native);
    if (!info || !info->make) continue;
    checks.push_back(info->make(binding));
  }
  std::set<std::string> known;
  for (const RuleSpec &r : catalog.rules()) known.insert(r.id);
  return std::make_unique<CheckPlan>(std::move(checks), bindings, std::move(known));
}

} // namespace typhon
