// ModuleGraph: import resolution over the project roots and typeshed's stdlib, with a
// once-per-module, thread-safe cache.
#include "semantic/ModuleGraph.h"

#include "semantic/Binder.h"
#include "semantic/Builtins.h"

#include <climits>
#include <mutex>
#include <fstream>

namespace typhon::sema {

namespace fs = std::filesystem;

struct ModuleGraph::Entry {
  // A mutex and a flag rather than std::once_flag: loads nest (a module loads its parent
  // packages) and run concurrently, and libstdc++'s call_once crashed under that (SIGBUS/SIGSEGV
  // in ModuleGraph.ThreadSafeLoading, about 1 run in 6).
  std::mutex mutex;
  bool loaded = false;
  std::unique_ptr<Module> module;
};

struct ModuleGraph::Location {
  fs::path file; // empty for a namespace package
  bool isPackage = false;
  bool fromTypeshed = false;
  std::vector<fs::path> submoduleDirs;
};

namespace {

bool isIdentifier(std::string_view s) {
  if (s.empty()) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    bool ok = c == '_' || std::isalpha(c) || c >= 0x80 || (i > 0 && std::isdigit(c));
    if (!ok) return false;
  }
  return true;
}

std::vector<std::string_view> splitDots(std::string_view name) {
  std::vector<std::string_view> parts;
  std::size_t pos = 0;
  while (pos <= name.size()) {
    std::size_t dot = name.find('.', pos);
    if (dot == std::string_view::npos) dot = name.size();
    parts.push_back(name.substr(pos, dot - pos));
    pos = dot + 1;
  }
  return parts;
}

bool isFile(const fs::path &p) {
  std::error_code ec;
  return fs::is_regular_file(p, ec);
}
bool isDir(const fs::path &p) {
  std::error_code ec;
  return fs::is_directory(p, ec);
}

/// One name looked up in one directory: a regular package, a module file, or a namespace portion.
struct DirHit {
  enum Kind { None, Package, File, Portion } kind = None;
  fs::path file;
  fs::path dir;
};

DirHit lookIn(const fs::path &dir, std::string_view name) {
  fs::path sub = dir / std::string(name);
  if (isDir(sub)) {
    if (isFile(sub / "__init__.pyi")) return {DirHit::Package, sub / "__init__.pyi", sub};
    if (isFile(sub / "__init__.py")) return {DirHit::Package, sub / "__init__.py", sub};
  }
  if (isFile(dir / (std::string(name) + ".pyi"))) return {DirHit::File, dir / (std::string(name) + ".pyi"), {}};
  if (isFile(dir / (std::string(name) + ".py"))) return {DirHit::File, dir / (std::string(name) + ".py"), {}};
  if (isDir(sub)) return {DirHit::Portion, {}, sub};
  return {};
}

} // namespace

ModuleGraph::ModuleGraph(ModuleGraphOptions options) : options_(std::move(options)) {
  std::optional<fs::path> typeshed = options_.typeshed ? locateTypeshed(options_.typeshed) : locateTypeshed();
  if (!typeshed) return;
  stdlibDir_ = *typeshed / "stdlib";
  std::ifstream in(*stdlibDir_ / "VERSIONS");
  std::string line;
  while (std::getline(in, line)) {
    if (std::size_t hash = line.find('#'); hash != std::string::npos) line.resize(hash);
    std::size_t colon = line.find(':');
    if (colon == std::string::npos) continue;
    std::string name = line.substr(0, colon);
    std::string range = line.substr(colon + 1);
    name.erase(0, name.find_first_not_of(" \t"));
    name.erase(name.find_last_not_of(" \t\r") + 1);
    range.erase(0, range.find_first_not_of(" \t"));
    range.erase(range.find_last_not_of(" \t\r") + 1);
    std::size_t dash = range.find('-');
    if (dash == std::string::npos) continue;
    auto minorOf = [](std::string_view v) -> int {
      std::size_t dot = v.find('.');
      if (dot == std::string_view::npos || v.substr(0, dot) != "3") return v.empty() ? INT_MAX : 0;
      int m = 0;
      for (char c : v.substr(dot + 1)) {
        if (c < '0' || c > '9') break;
        m = m * 10 + (c - '0');
      }
      return m;
    };
    int first = minorOf(range.substr(0, dash));
    std::string_view last = std::string_view(range).substr(dash + 1);
    versions_[name] = {first, last.empty() ? INT_MAX : minorOf(last)};
  }
}

ModuleGraph::~ModuleGraph() = default;

bool ModuleGraph::stdlibHas(std::string_view dottedName) const {
  // The most specific listed prefix decides.
  std::string_view name = dottedName;
  while (true) {
    auto it = versions_.find(name);
    if (it != versions_.end())
      return options_.pythonMinor >= it->second.first && options_.pythonMinor <= it->second.second;
    std::size_t dot = name.rfind('.');
    if (dot == std::string_view::npos) return versions_.empty(); // unlisted: only trust without VERSIONS
    name = name.substr(0, dot);
  }
}

std::optional<ModuleGraph::Location> ModuleGraph::find(std::string_view dottedName) {
  std::vector<std::string_view> parts = splitDots(dottedName);
  for (std::string_view p : parts)
    if (!isIdentifier(p)) return std::nullopt;
  if (parts.size() > 1) {
    // A submodule: looked up in its parent package's directories only.
    std::size_t dot = dottedName.rfind('.');
    const Module *parent = module(dottedName.substr(0, dot));
    if (!parent || !parent->isPackage) return std::nullopt;
    std::vector<fs::path> portions;
    for (const fs::path &dir : parent->submoduleDirs) {
      DirHit hit = lookIn(dir, parts.back());
      if (hit.kind == DirHit::Package) return Location{hit.file, true, parent->fromTypeshed, {hit.dir}};
      if (hit.kind == DirHit::File) return Location{hit.file, false, parent->fromTypeshed, {}};
      if (hit.kind == DirHit::Portion) portions.push_back(hit.dir);
    }
    if (parent->fromTypeshed && !stdlibHas(dottedName)) return std::nullopt;
    if (!portions.empty()) return Location{{}, true, parent->fromTypeshed, portions};
    return std::nullopt;
  }
  std::vector<fs::path> portions;
  for (const fs::path &root : options_.roots) {
    DirHit hit = lookIn(root, parts[0]);
    if (hit.kind == DirHit::Package) return Location{hit.file, true, false, {hit.dir}};
    if (hit.kind == DirHit::File) return Location{hit.file, false, false, {}};
    if (hit.kind == DirHit::Portion) portions.push_back(hit.dir);
  }
  if (stdlibDir_ && stdlibHas(dottedName)) {
    DirHit hit = lookIn(*stdlibDir_, parts[0]);
    if (hit.kind == DirHit::Package) return Location{hit.file, true, true, {hit.dir}};
    if (hit.kind == DirHit::File) return Location{hit.file, false, true, {}};
  }
  if (!portions.empty()) return Location{{}, true, false, portions};
  return std::nullopt;
}

std::unique_ptr<Module> ModuleGraph::load(std::string_view dottedName) {
  std::optional<Location> where = find(dottedName);
  if (!where) return nullptr;
  auto module = std::make_unique<Module>();
  module->name = std::string(dottedName);
  module->path = where->file;
  module->isPackage = where->isPackage;
  module->isNamespacePackage = where->file.empty();
  module->fromTypeshed = where->fromTypeshed;
  module->submoduleDirs = where->submoduleDirs;
  if (module->isNamespacePackage) return module;
  module->isStub = where->file.extension() == ".pyi";
  auto source = SourceFile::load(where->file, where->file.generic_string());
  if (!source) return nullptr;
  thread_local Parser parser;
  module->parsed = parseModule(parser, *source);
  if (!module->parsed || module->parsed->root().isNull() || module->parsed->root().hasError()) return nullptr;
  BindOptions bind = bindOptionsFor(where->file.generic_string(), options_.pythonMinor);
  bind.exactVersion = module->fromTypeshed;
  module->model = std::make_unique<SemanticModel>(bindModule(*module->parsed, bind));
  return module;
}

const Module *ModuleGraph::module(std::string_view dottedName) {
  if (dottedName.empty()) return nullptr;
  Entry *entry;
  {
    std::lock_guard lock(mutex_);
    auto it = entries_.find(dottedName);
    if (it == entries_.end()) it = entries_.emplace(std::string(dottedName), std::make_unique<Entry>()).first;
    entry = it->second.get();
  }
  // Loading a module loads its parent packages first (never its imports), so this cannot cycle.
  // Locks are taken child before parent only, so they cannot deadlock.
  std::lock_guard lock(entry->mutex);
  if (!entry->loaded) {
    entry->module = load(dottedName);
    entry->loaded = true;
  }
  return entry->module.get();
}

std::size_t ModuleGraph::loadedCount() const {
  std::lock_guard lock(mutex_);
  return entries_.size();
}

std::string ModuleGraph::moduleNameForPath(const fs::path &file) const {
  std::error_code ec;
  fs::path abs = fs::weakly_canonical(fs::absolute(file, ec), ec);
  auto dotted = [](const fs::path &relative) -> std::string {
    std::string out;
    std::vector<std::string> parts;
    for (const fs::path &p : relative) parts.push_back(p.string());
    if (parts.empty()) return "";
    std::string last = parts.back();
    if (last.ends_with(".pyi")) last.resize(last.size() - 4);
    else if (last.ends_with(".py")) last.resize(last.size() - 3);
    if (last == "__init__") parts.pop_back();
    else parts.back() = last;
    for (const std::string &p : parts) {
      if (!isIdentifier(p)) return "";
      if (!out.empty()) out += '.';
      out += p;
    }
    return out;
  };
  for (const fs::path &root : options_.roots) {
    fs::path r = fs::weakly_canonical(fs::absolute(root, ec), ec);
    fs::path rel = abs.lexically_relative(r);
    if (!rel.empty() && *rel.begin() != "..") return dotted(rel);
  }
  fs::path top = abs.parent_path();
  while (top.has_parent_path() && top != top.parent_path() &&
         (isFile(top / "__init__.py") || isFile(top / "__init__.pyi")))
    top = top.parent_path();
  return dotted(abs.lexically_relative(top));
}

std::string ModuleGraph::absoluteName(std::string_view importer, bool isPackage, std::string_view spec) {
  std::size_t level = 0;
  while (level < spec.size() && spec[level] == '.') ++level;
  if (level == 0) return std::string(spec);
  std::string_view rest = spec.substr(level);
  std::string_view base = importer;
  // Level 1 is the importer's package: the importer itself when it is a package.
  std::size_t climb = isPackage ? level - 1 : level;
  for (std::size_t i = 0; i < climb; ++i) {
    if (base.empty()) return "";
    std::size_t dot = base.rfind('.');
    base = dot == std::string_view::npos ? std::string_view() : base.substr(0, dot);
  }
  if (base.empty()) return "";
  std::string out(base);
  if (!rest.empty()) out += "." + std::string(rest);
  return out;
}

} // namespace typhon::sema
