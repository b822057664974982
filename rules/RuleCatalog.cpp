// RuleCatalog: loading rule entries and sets, selectors, set expansion.
#include "rules/RuleCatalog.h"

#include "checkers/Registry.h"
#include "rules/Embedded.h"
#include "rules/Glob.h"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace typhon {

namespace {

std::string stem(std::string_view path) {
  std::size_t slash = path.find_last_of('/');
  std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  std::size_t dot = name.find_last_of('.');
  return std::string(dot == std::string_view::npos ? name : name.substr(0, dot));
}

std::string parentName(std::string_view path) {
  std::size_t slash = path.find_last_of('/');
  if (slash == std::string_view::npos) return "";
  std::string_view dir = path.substr(0, slash);
  std::size_t prev = dir.find_last_of('/');
  return std::string(prev == std::string_view::npos ? dir : dir.substr(prev + 1));
}

} // namespace

std::expected<RuleCatalog, std::vector<DataError>> RuleCatalog::builtin() {
  RuleCatalog catalog;
  std::vector<DataError> errors;
  for (const EmbeddedFile &f : embeddedRuleFiles()) {
    std::string path(f.path);
    if (path.starts_with("rules/packs/")) {
      if (auto e = catalog.addRuleText(f.content, path, true)) errors.push_back(*e);
    } else if (path.starts_with("rules/sets/")) {
      auto doc = parseYaml(f.content, path);
      if (!doc) {
        errors.push_back(doc.error());
        continue;
      }
      auto set = parseRuleSetSpec(*doc, path, stem(path));
      if (!set) errors.push_back(set.error());
      else catalog.sets_.push_back(std::move(*set));
    }
  }
  for (const RuleSetSpec &set : catalog.sets_) {
    auto ids = catalog.expandSet(set.name);
    if (!ids) errors.push_back(DataError{set.sourceFile, 1, 1, "", ids.error()});
    for (const std::string &sel : set.include)
      if (catalog.select(sel).empty() && !catalog.findSet(sel))
        errors.push_back(DataError{set.sourceFile, 1, 1, "include", "`" + sel + "` names no rule or group"});
  }
  if (!errors.empty()) return std::unexpected(errors);
  return catalog;
}

std::optional<DataError> RuleCatalog::addRuleText(std::string_view text, const std::string &file, bool builtinPath) {
  auto doc = parseYaml(text, file);
  if (!doc) return doc.error();
  auto spec = parseRuleSpec(*doc, file);
  if (!spec) return spec.error();
  DataReader r(file);
  if (builtinPath && (stem(file) != spec->id || parentName(file) != spec->group))
    return r.error(*doc, "id", "rule `" + spec->id + "` of group `" + spec->group + "` must live in rules/packs/" +
                                   spec->group + "/" + spec->id + ".yaml");
  if (!spec->native.empty() && !findNativeCheck(spec->native))
    return r.error(*doc->get("native"), "native", "no native check named `" + spec->native + "`");
  if (find(spec->id))
    return r.error(*doc->get("id"), "id", "rule `" + spec->id + "` is already defined in " + find(spec->id)->sourceFile);
  spec->project = !builtinPath;
  rules_.push_back(std::move(*spec));
  return std::nullopt;
}

std::expected<std::vector<std::string>, std::vector<DataError>> RuleCatalog::addRuleStream(std::string_view text,
                                                                                         const std::string &file) {
  auto docs = parseYamlAll(text, file);
  if (!docs) return std::unexpected(std::vector<DataError>{docs.error()});
  std::vector<std::string> ids;
  std::vector<DataError> errors;
  for (const DataNode &doc : *docs) {
    auto spec = parseRuleSpec(doc, file);
    if (!spec) {
      errors.push_back(spec.error());
      continue;
    }
    if (!spec->native.empty() && !findNativeCheck(spec->native)) {
      errors.push_back(DataReader(file).error(*doc.get("native"), "native", "no native check named `" + spec->native + "`"));
      continue;
    }
    if (find(spec->id)) {
      errors.push_back(DataReader(file).error(*doc.get("id"), "id", "rule `" + spec->id + "` is already defined"));
      continue;
    }
    ids.push_back(spec->id);
    spec->project = true;
    rules_.push_back(std::move(*spec));
  }
  if (docs->empty()) errors.push_back(DataError{file, 0, 0, "", "no rule in this file"});
  if (!errors.empty()) return std::unexpected(errors);
  return ids;
}

void RuleCatalog::removeRules(const std::set<std::string> &ids) {
  std::erase_if(rules_, [&](const RuleSpec &r) { return ids.contains(r.id); });
}

std::vector<DataError> RuleCatalog::addDirectory(const std::filesystem::path &dir, const std::string &displayDir) {
  std::vector<DataError> errors;
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    errors.push_back(DataError{displayDir, 0, 0, "rule-dirs", "rule directory does not exist"});
    return errors;
  }
  std::vector<std::filesystem::path> files;
  auto it = std::filesystem::recursive_directory_iterator(dir, std::filesystem::directory_options::skip_permission_denied, ec);
  for (; !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
    auto ext = it->path().extension();
    if ((ext == ".yaml" || ext == ".yml") && it->is_regular_file(ec)) files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  for (const auto &f : files) {
    std::string display = displayDir + "/" + std::filesystem::relative(f, dir, ec).generic_string();
    std::ifstream in(f, std::ios::binary);
    if (!in) {
      errors.push_back(DataError{display, 0, 0, "", "cannot read rule file"});
      continue;
    }
    std::stringstream ss;
    ss << in.rdbuf();
    if (auto e = addRuleText(ss.str(), display, false)) errors.push_back(*e);
  }
  return errors;
}

const RuleSpec *RuleCatalog::find(std::string_view id) const {
  auto it = std::find_if(rules_.begin(), rules_.end(), [&](const RuleSpec &r) { return r.id == id; });
  return it == rules_.end() ? nullptr : &*it;
}

bool RuleCatalog::hasGroup(std::string_view group) const {
  return std::any_of(rules_.begin(), rules_.end(), [&](const RuleSpec &r) { return r.group == group; });
}

std::vector<std::string> RuleCatalog::groups() const {
  std::set<std::string> out;
  for (const RuleSpec &r : rules_) out.insert(r.group);
  return {out.begin(), out.end()};
}

const RuleSetSpec *RuleCatalog::findSet(std::string_view name) const {
  auto it = std::find_if(sets_.begin(), sets_.end(), [&](const RuleSetSpec &s) { return s.name == name; });
  return it == sets_.end() ? nullptr : &*it;
}

std::vector<std::string> RuleCatalog::select(std::string_view selector) const {
  std::vector<std::string> out;
  bool glob = hasWildcard(selector);
  for (const RuleSpec &r : rules_) {
    bool hit = glob ? (globMatch(selector, r.id) || globMatch(selector, r.group + "/" + r.id))
                    : (r.id == selector || r.group == selector);
    if (hit) out.push_back(r.id);
  }
  return out;
}

std::expected<std::set<std::string>, std::string> RuleCatalog::expandSet(std::string_view name) const {
  return expandSet(name, 0);
}

std::expected<std::set<std::string>, std::string> RuleCatalog::expandSet(std::string_view name, int depth) const {
  if (depth > 16) return std::unexpected("rule set `" + std::string(name) + "` extends itself");
  const RuleSetSpec *set = findSet(name);
  if (!set) return std::unexpected("unknown rule set `" + std::string(name) + "`");
  std::set<std::string> ids;
  for (const std::string &base : set->extends) {
    auto more = expandSet(base, depth + 1);
    if (!more) return more;
    ids.insert(more->begin(), more->end());
  }
  for (const std::string &sel : set->include)
    for (std::string &id : select(sel)) ids.insert(std::move(id));
  for (const std::string &sel : set->exclude)
    for (const std::string &id : select(sel)) ids.erase(id);
  return ids;
}

} // namespace typhon
