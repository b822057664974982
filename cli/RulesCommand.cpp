// RulesCommand: listing, explaining and documenting rules.
#include "cli/RulesCommand.h"

#include "rules/RuleDocs.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

namespace typhon {

namespace fs = std::filesystem;

int rulesList(const RuleCatalog &catalog, bool json, const std::string &set) {
  std::set<std::string> inSet;
  if (!set.empty()) {
    auto ids = catalog.expandSet(set);
    if (!ids) {
      std::cerr << "typhon: " << ids.error() << "\n";
      return 2;
    }
    inSet = *ids;
  }
  nlohmann::ordered_json arr = nlohmann::ordered_json::array();
  for (const RuleSpec &r : catalog.rules()) {
    if (!set.empty() && !inSet.contains(r.id)) continue;
    if (json) {
      arr.push_back({{"id", r.id},
                     {"group", r.group},
                     {"severity", severityName(r.severity)},
                     {"fix", r.fixable ? std::string(applicabilityName(r.applicability)) : "none"},
                     {"native", r.native.empty() ? nullptr : nlohmann::ordered_json(r.native)},
                     {"message", r.message}});
      continue;
    }
    std::printf("%-32s %-14s %-8s %s\n", r.id.c_str(), r.group.c_str(), std::string(severityName(r.severity)).c_str(),
                r.message.c_str());
  }
  if (json) std::cout << arr.dump(2) << "\n";
  return 0;
}

int rulesExplain(const RuleCatalog &catalog, const std::string &id) {
  const RuleSpec *r = catalog.find(id);
  if (!r) {
    std::cerr << "typhon: unknown rule `" << id << "` (see `typhon rules list`)\n";
    return 2;
  }
  std::cout << renderRulePage(*r);
  return 0;
}

int rulesDocs(const RuleCatalog &catalog, const fs::path &docsDir, bool check) {
  auto files = renderRuleDocs(catalog);
  int stale = 0;
  for (const auto &[rel, content] : files) {
    fs::path path = docsDir / rel;
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    if (in) ss << in.rdbuf();
    if (in && ss.str() == content) continue;
    if (check) {
      std::cerr << "stale generated file: " << path.string() << " (run `make docs`)\n";
      ++stale;
      continue;
    }
    std::error_code ec;
    fs::create_directories(path.parent_path(), ec);
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << content;
    if (!out) {
      std::cerr << "typhon: cannot write " << path.string() << "\n";
      return 2;
    }
  }
  // Pages of rules that no longer exist are stale too.
  std::error_code ec;
  fs::path rulesDir = docsDir / "rules";
  if (fs::is_directory(rulesDir, ec)) {
    for (auto it = fs::recursive_directory_iterator(rulesDir, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec)) {
      if (!it->is_regular_file() || it->path().extension() != ".md") continue;
      std::string rel = it->path().lexically_relative(docsDir).generic_string();
      if (files.contains(rel)) continue;
      if (check) {
        std::cerr << "generated file of a removed rule: " << it->path().string() << "\n";
        ++stale;
      } else {
        fs::remove(it->path(), ec);
      }
    }
  }
  return stale ? 1 : 0;
}

} // namespace typhon
