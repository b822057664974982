// MroCommand: loads the file's configuration (roots, search-paths, python-version), builds the
// class model of the file and prints each known class's __mro__.
#include "cli/MroCommand.h"

#include "checkers/classes/ClassErrors.h"
#include "cli/CheckRunner.h"
#include "cli/Render.h"
#include "rules/Config.h"
#include "semantic/Binder.h"
#include "semantic/ModuleGraph.h"

#include <nlohmann/json.hpp>

#include <iostream>
#include <set>

namespace typhon {

namespace fs = std::filesystem;
using namespace sema::classes;

int mroCommand(const MroOptions &options, const RuleCatalog &catalog) {
  std::error_code ec;
  fs::path file = fs::absolute(options.file, ec);
  ConfigFinder finder(options.configFile);
  auto config = finder.forDirectory(file.parent_path().lexically_normal());
  if (!config) {
    std::cerr << "typhon: " << config.error().format() << "\n";
    return 2;
  }
  int minor = options.pythonVersion ? options.pythonVersion->second : (*config)->pythonMinor;
  auto source = SourceFile::load(file, options.file);
  if (!source) {
    std::cerr << "typhon: " << source.error().message << "\n";
    return 2;
  }
  Parser parser;
  auto parsed = parseModule(parser, *source);
  sema::SemanticModel semantic = sema::bindModule(*parsed, sema::bindOptionsFor(options.file, minor));
  sema::ModuleGraph graph(moduleGraphOptions(**config, minor));
  ClassModel model(graph);
  std::string moduleName = graph.moduleNameForPath(file);
  auto classes = model.classesFor(*parsed, semantic, moduleName, semantic.isPackageInit());

  // Qualified names defined more than once are ambiguous: left out.
  std::map<std::string, int> seen;
  for (const ClassInfo &c : classes->classes()) ++seen[c.qualname];
  nlohmann::ordered_json out = nlohmann::ordered_json::object();
  std::string text;
  bool found = options.className.empty();
  for (std::uint32_t i = 0; i < classes->classes().size(); ++i) {
    ClassRef ref = classes->ref(i);
    const ClassInfo &info = ref.info();
    if (!options.className.empty() && info.qualname != options.className) continue;
    if (seen[info.qualname] > 1) continue;
    const ClassFacts &facts = ref.facts();
    if (!options.className.empty() && (!facts.known || facts.error)) {
      std::string why = !facts.known ? "not known: " + facts.unknownReason : "cannot be created: " + facts.error->message;
      std::cerr << "typhon: class `" << info.qualname << "` " << why << "\n";
    }
    if (!facts.known || facts.error) continue;
    found = true;
    std::vector<std::string> names = mroNames(facts);
    out[info.qualname] = names;
    text += info.qualname + ":";
    for (std::size_t k = 0; k < names.size(); ++k) text += (k ? ", " : " ") + names[k];
    text += "\n";
  }

  CheckContext ctx(*parsed, FileFacts{});
  std::map<std::string, RuleBinding, std::less<>> bindings;
  for (std::string_view id : {"inconsistent-mro", "duplicate-base", "instance-layout-conflict", "metaclass-conflict"}) {
    const RuleSpec *spec = catalog.find(std::string(id));
    if (spec) bindings.emplace(std::string(id), RuleBinding{std::string(id), spec->group, spec->severity, {}});
  }
  reportClassErrors(ctx, *classes, [&](std::string_view rule) -> const RuleBinding * {
    auto it = bindings.find(rule);
    return it == bindings.end() ? nullptr : &it->second;
  });
  std::vector<Diagnostic> diagnostics = std::move(ctx.diagnostics());
  std::sort(diagnostics.begin(), diagnostics.end(), diagnosticLess);

  if (options.json) {
    RunResult result;
    result.diagnostics = diagnostics;
    result.files = 1;
    nlohmann::ordered_json checked = nlohmann::ordered_json::parse(renderJson(result));
    nlohmann::ordered_json doc{{"classes", out}, {"errors", checked["diagnostics"]}};
    std::cout << doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  } else {
    std::cout << text;
    for (const Diagnostic &d : diagnostics)
      std::cout << d.file << ":" << d.range.start.line << ":" << d.range.start.column << ": "
                << severityName(d.severity) << "[" << d.rule << "] " << d.message << "\n";
  }
  return found ? 0 : 1;
}

} // namespace typhon
