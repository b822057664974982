// RenameProject: module names from paths, import resolution within the project, and the per-module
// index of attributes, calls and star imports. Path-based on purpose: a small unit that the module
// graph can replace later.
#include "passes/rename/RenameInternal.h"

#include "passes/EditEngine.h"

namespace typhon::rename {

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

} // namespace

bool isValidNewName(std::string_view name) {
  static constexpr std::string_view kKeywords[] = {
      "False", "None",   "True",    "and",      "as",   "assert", "async", "await",  "break",
      "class", "continue", "def",   "del",      "elif", "else",   "except", "finally", "for",
      "from",  "global", "if",      "import",   "in",   "is",     "lambda", "nonlocal", "not",
      "or",    "pass",   "raise",   "return",   "try",  "while",  "with",  "yield",  "__debug__"};
  if (!isIdentifier(name)) return false;
  for (std::string_view k : kKeywords)
    if (k == name) return false;
  return true;
}

std::string moduleNameFor(const std::filesystem::path &root, const std::filesystem::path &file) {
  std::error_code ec;
  std::filesystem::path rel = file.lexically_relative(root);
  if (rel.empty() || *rel.begin() == "..") return {};
  std::string name;
  std::vector<std::string> parts;
  for (const auto &part : rel) parts.push_back(part.string());
  if (parts.empty()) return {};
  std::string last = parts.back();
  for (std::string_view ext : {".pyi", ".py"})
    if (last.size() > ext.size() && last.ends_with(ext)) {
      last.resize(last.size() - ext.size());
      break;
    }
  parts.back() = last;
  if (last == "__init__") parts.pop_back();
  for (const std::string &part : parts) {
    if (!isIdentifier(part)) return {};
    name += (name.empty() ? "" : ".") + part;
  }
  return name;
}

namespace detail {

std::string Project::absoluteName(std::size_t from, std::string_view text) const {
  std::size_t dots = 0;
  while (dots < text.size() && text[dots] == '.') ++dots;
  std::string rest;
  for (char c : text.substr(dots))
    if (!std::isspace(static_cast<unsigned char>(c)) && c != '\\') rest += c;
  if (dots == 0) return rest;
  const Module &m = modules[from];
  if (m.name.empty() && !m.isPackage) return {};
  std::string package = m.name;
  // A module's package is its parent; a package's __init__ is its own package.
  std::size_t up = m.isPackage ? dots - 1 : dots;
  for (std::size_t i = 0; i < up; ++i) {
    if (package.empty()) return {};
    std::size_t dot = package.rfind('.');
    package = dot == std::string::npos ? std::string() : package.substr(0, dot);
  }
  if (package.empty()) return rest;
  return rest.empty() ? package : package + "." + rest;
}

std::optional<std::size_t> Project::resolveImport(std::size_t from, std::string_view text) const {
  std::string name = absoluteName(from, text);
  if (name.empty()) return std::nullopt;
  auto it = byName.find(name);
  if (it == byName.end()) return std::nullopt;
  return it->second;
}

std::optional<std::size_t> Project::moduleOf(std::size_t mod, Node expr) {
  const Module &m = modules[mod];
  if (expr.is(NodeKind::Attribute)) {
    // `a.b.c`: the innermost object first, then one attribute at a time (no recursion).
    // Results are cached per node: a long chain is walked once, not once per link.
    auto key = [&](Node n) { return std::make_tuple(mod, n.startByte(), n.endByte()); };
    std::vector<Node> chain;
    Node object = expr;
    std::optional<std::size_t> base;
    bool cached = false;
    while (object.is(NodeKind::Attribute)) {
      if (auto hit = moduleOfCache_.find(key(object)); hit != moduleOfCache_.end()) {
        base = hit->second;
        cached = true;
        break;
      }
      chain.push_back(object);
      object = object.field(FieldId::Object);
    }
    if (!cached) base = moduleOf(mod, object);
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
      Node attr = it->field(FieldId::Attribute);
      if (base && attr) {
        auto found = byName.find(modules[*base].name + "." + std::string(textOf(m, attr)));
        base = found == byName.end() ? std::nullopt : std::optional<std::size_t>(found->second);
      } else {
        base = std::nullopt;
      }
      moduleOfCache_[key(*it)] = base;
    }
    return base;
  }
  if (!expr.is(NodeKind::Identifier)) return std::nullopt;
  const sema::Reference *ref = m.model->referenceAt(expr.startByte());
  if (!ref || ref->start != expr.startByte() || ref->symbol == kNoId) return std::nullopt;
  if (ref->resolution == sema::Resolution::ClassScopeHidden || ref->resolution == sema::Resolution::Dynamic) return std::nullopt;
  auto reaching = m.model->reaching(*ref);
  std::vector<BindingId> candidates(reaching.begin(), reaching.end());
  if (candidates.empty()) candidates = m.model->symbol(ref->symbol).bindings;
  if (candidates.empty()) return std::nullopt;
  std::optional<std::size_t> found;
  for (BindingId b : candidates) {
    const sema::Binding &bd = m.model->binding(b);
    std::string name;
    if (bd.kind == sema::BindingKind::Import) {
      std::string full = absoluteName(mod, importModule(m, bd));
      bool aliased = bd.node.is(NodeKind::AliasedImport);
      name = aliased ? full : full.substr(0, full.find('.'));
    } else if (bd.kind == sema::BindingKind::FromImport) {
      std::string base = absoluteName(mod, importModule(m, bd));
      name = base.empty() ? std::string(importMember(m, bd)) : base + "." + std::string(importMember(m, bd));
    } else {
      return std::nullopt;
    }
    auto it = byName.find(name);
    if (it == byName.end() || (found && *found != it->second)) return std::nullopt;
    found = it->second;
  }
  return found;
}

void Project::load(std::size_t i) {
  Module &mod = modules[i];
  if (mod.model) return;
  Parser parser;
  mod.parsed = parseModule(parser, mod.source);
  mod.syntaxErrors = countSyntaxErrors(mod.source->text());
  mod.model = std::make_unique<sema::SemanticModel>(
      sema::bindModule(*mod.parsed, sema::bindOptionsFor(mod.file.path.string(), pythonMinor)));
  mod.index = indexModule(mod.parsed->root());
}

ModuleIndex indexModule(Node root) {
  ModuleIndex index;
  std::vector<Node> stack{root};
  while (!stack.empty()) {
    Node n = stack.back();
    stack.pop_back();
    if (n.is(NodeKind::Attribute)) index.attributes.push_back(n);
    else if (n.is(NodeKind::Call)) index.calls.push_back(n);
    else if (n.is(NodeKind::ImportFromStatement)) {
      for (Node c : n.namedChildren())
        if (c.is(NodeKind::WildcardImport)) index.starImports.push_back(n);
    }
    std::uint32_t count = n.namedChildCount();
    for (std::uint32_t i = count; i-- > 0;) stack.push_back(n.namedChild(i));
  }
  return index;
}

} // namespace detail
} // namespace typhon::rename
