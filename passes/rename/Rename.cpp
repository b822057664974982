// Rename: finding what the cursor names, renaming symbols with their bindings, references,
// declarations and imports, and the capture checks that keep every name meaning what it meant.
#include "passes/rename/RenameInternal.h"

#include "passes/EditEngine.h"
#include "semantic/Binder.h"
#include "semantic/Builtins.h"

#include <algorithm>

namespace typhon::rename {
namespace detail {

namespace {

using sema::BindingKind;
using sema::Resolution;
using sema::ScopeKind;

std::string describeScope(const sema::SemanticModel &m, ScopeId s) {
  const sema::Scope &sc = m.scope(s);
  switch (sc.kind) {
  case ScopeKind::Module: return "the module";
  case ScopeKind::Class: return "class `" + std::string(sc.name) + "`";
  case ScopeKind::Function: return "function `" + std::string(sc.name) + "`";
  case ScopeKind::Lambda: return "a lambda";
  case ScopeKind::Comprehension: return "a comprehension";
  case ScopeKind::TypeParameters: return "type parameters";
  }
  return "a scope";
}

/// Where a symbol first appears (its first binding, else its first reference).
std::uint32_t firstPlace(const sema::SemanticModel &m, SymbolId sym) {
  const sema::Symbol &s = m.symbol(sym);
  if (!s.bindings.empty()) return m.binding(s.bindings.front()).nameStart;
  if (!s.references.empty()) return m.reference(s.references.front()).start;
  for (const sema::Declaration &d : m.declarations())
    if (d.symbol == sym) return d.name.startByte();
  return m.scope(s.scope).node.startByte();
}

} // namespace

void Planner::refuse(std::size_t mod, std::uint32_t offset, std::string note) {
  const Module &m = p_.modules[mod];
  Position pos = m.source->position(offset);
  for (const Place &pl : problems)
    if (pl.file == m.file.display && pl.line == pos.line && pl.column == pos.column && pl.note == note) return;
  problems.push_back({m.file.display, pos.line, pos.column, std::move(note)});
}

void Planner::addEdit(std::size_t mod, std::uint32_t start, std::uint32_t end) {
  const Module &m = p_.modules[mod];
  if (m.syntaxErrors > 0) {
    refuse(mod, 0, "the file has syntax errors");
    return;
  }
  if (m.source->text().substr(start, end - start) != old_) {
    refuse(mod, start, "unexpected text where `" + old_ + "` should be");
    return;
  }
  edits[mod][start] = Edit{end, new_};
}

SymbolId Planner::resolveFrom(const sema::SemanticModel &m, ScopeId scope, std::string_view name) const {
  ScopeKind prev = ScopeKind::Module;
  for (ScopeId s = scope, depth = 0; s != kNoId && depth < 10000; ++depth) {
    const sema::Scope &sc = m.scope(s);
    bool visible = s == scope || sc.kind != ScopeKind::Class || prev == ScopeKind::TypeParameters;
    if (visible) {
      SymbolId sym = m.lookupLocal(s, name);
      if (sym != kNoId) {
        const sema::Symbol &y = m.symbol(sym);
        if (y.flags & sema::kSymbolDeclaredGlobal) return m.lookupLocal(0, name);
        if (y.flags & sema::kSymbolDeclaredNonlocal) return y.target;
        return sym;
      }
    }
    prev = sc.kind;
    s = sc.parent;
  }
  return kNoId;
}

std::pair<std::size_t, SymbolId> Planner::followImports(std::size_t mod, SymbolId sym) const {
  for (int hops = 0; hops < 32 && sym != kNoId; ++hops) {
    const sema::SemanticModel &m = p_.model(mod);
    const sema::Symbol &s = m.symbol(sym);
    if (s.bindings.empty()) return {mod, sym};
    std::optional<std::pair<std::size_t, SymbolId>> next;
    for (BindingId b : s.bindings) {
      const sema::Binding &bd = m.binding(b);
      if (bd.kind != BindingKind::FromImport) return {mod, sym};
      auto target = p_.resolveImport(mod, importModule(p_.modules[mod], bd));
      if (!target) return {mod, kNoId};
      SymbolId t = p_.model(*target).lookupLocal(0, importMember(p_.modules[mod], bd));
      if (t == kNoId || (next && *next != std::make_pair(*target, t))) return {mod, kNoId};
      next = std::make_pair(*target, t);
    }
    std::tie(mod, sym) = *next;
  }
  return {mod, sym};
}

void Planner::renameSymbol(std::size_t mod, SymbolId sym) {
  if (!doneSymbols.insert({mod, sym}).second) return;
  Module &M = p_.modules[mod];
  const sema::SemanticModel &m = *M.model;
  const sema::Symbol &S = m.symbol(sym);
  ScopeId D = S.scope;
  const sema::Scope &scope = m.scope(D);
  if (M.syntaxErrors > 0) {
    refuse(mod, 0, "the file has syntax errors");
    return;
  }
  if (scope.kind == ScopeKind::Class && !doneClasses.count(ClassRef{mod, D})) {
    doneSymbols.erase({mod, sym});
    renameMember(ClassRef{mod, D});
    return;
  }
  if (scope.usesLocals || scope.dynamicNamespace)
    refuse(mod, scope.node.startByte(),
           describeScope(m, D) + " reads or writes its namespace dynamically (locals(), globals(), exec, eval)");
  if (D == 0 && (m.scope(0).usesLocals || m.scope(0).dynamicNamespace))
    refuse(mod, 0, "the module reads or writes its namespace dynamically (globals(), exec)");

  // Scopes that will bind the new name: the symbol's own, and those declaring it global/nonlocal.
  std::set<ScopeId> gaining{D};
  std::vector<SymbolId> family{sym};
  for (SymbolId t = 0; t < m.symbols().size(); ++t)
    if (t != sym && m.symbol(t).target == sym && m.symbol(t).name == old_) {
      gaining.insert(m.symbol(t).scope);
      family.push_back(t);
    }
  for (ScopeId g : gaining) {
    SymbolId clash = m.lookupLocal(g, new_);
    if (clash != kNoId)
      refuse(mod, firstPlace(m, clash), "`" + new_ + "` is already bound in " + describeScope(m, g));
  }

  auto inFamily = [&](SymbolId s) { return std::find(family.begin(), family.end(), s) != family.end(); };
  for (SymbolId f : family)
    for (BindingId b : m.symbol(f).bindings) {
      const sema::Binding &bd = m.binding(b);
      if (bd.kind == BindingKind::FutureImport) {
        refuse(mod, bd.nameStart, "`" + old_ + "` is a __future__ feature");
        continue;
      }
      if (bd.kind == BindingKind::Import && !bd.node.is(NodeKind::AliasedImport)) {
        refuse(mod, bd.nameStart, "`" + old_ + "` is bound by `import " + std::string(importModule(p_.modules[mod], bd)) +
                                      "`: renaming a module is not supported");
        continue;
      }
      if (bd.kind == BindingKind::FromImport && !bd.node.is(NodeKind::AliasedImport)) {
        auto target = p_.resolveImport(mod, importModule(p_.modules[mod], bd));
        SymbolId origin = target ? p_.model(*target).lookupLocal(0, importMember(p_.modules[mod], bd)) : kNoId;
        if (origin == kNoId) {
          refuse(mod, bd.nameStart, "`" + old_ + "` is imported from `" + std::string(importModule(p_.modules[mod], bd)) +
                                        "`, which is not defined in the project");
          continue;
        }
        renameSymbol(*target, origin);
      }
      addEdit(mod, bd.nameStart, bd.nameEnd);
    }

  // A module or class name that shadows a builtin only sometimes: where it is unbound, reads
  // find the builtin, which a rename would turn into a NameError.
  if ((D == 0 || scope.kind == ScopeKind::Class) && sema::defaultBuiltins().contains(old_, p_.pythonMinor))
    for (BindingId b : S.bindings) {
      const sema::Binding &bd = m.binding(b);
      bool conditional = bd.flags & sema::kBindingExternal;
      for (Node n = bd.node; n && !conditional && !(n == scope.node); n = n.parent())
        conditional = n.is(NodeKind::IfStatement) || n.is(NodeKind::TryStatement) || n.is(NodeKind::ForStatement) ||
                      n.is(NodeKind::WhileStatement) || n.is(NodeKind::WithStatement) || n.is(NodeKind::MatchStatement);
      if (conditional)
        refuse(mod, bd.nameStart, "`" + old_ + "` shadows a builtin only when this runs; elsewhere it reads the builtin");
    }

  std::vector<ReferenceId> renamed;
  for (ReferenceId r = 0; r < m.references().size(); ++r) {
    const sema::Reference &ref = m.reference(r);
    if (ref.name != old_) continue;
    bool site = false;
    if (ref.resolution == Resolution::ClassScopeHidden) site = resolveFrom(m, ref.scope, old_) == sym;
    else if (ref.symbol != kNoId) site = inFamily(ref.symbol);
    // Class bodies (LOAD_NAME) fall back to the globals when the class's own name is unbound:
    // such a read may see either binding, so renaming only one of them changes it.
    if (m.scope(ref.scope).kind == ScopeKind::Class && ref.resolution == Resolution::Local) {
      bool mine = false, other = false;
      for (BindingId b : m.reaching(ref)) {
        SymbolId owner = m.binding(b).symbol;
        (owner == sym || inFamily(owner) ? mine : other) = true;
      }
      if (mine && other)
        refuse(mod, ref.start, "this read in a class body may see the class's `" + old_ + "` or the outer one");
    }
    if (!site) continue;
    renamed.push_back(r);
    addEdit(mod, ref.start, ref.end);
  }
  for (const sema::Declaration &d : m.declarations())
    if (d.symbol != kNoId && (inFamily(d.symbol) || m.symbol(d.symbol).target == sym) && textOf(M, d.name) == old_)
      addEdit(mod, d.name.startByte(), d.name.endByte());

  // Inside a class, `__name` is mangled to `_Class__name`: renaming to or from such a name
  // changes what uses inside classes refer to.
  if (scope.kind != ScopeKind::Class && (isPrivateName(old_) || isPrivateName(new_)))
    for (ReferenceId r : renamed)
      for (ScopeId s = m.reference(r).scope; s != kNoId && s != D; s = m.scope(s).parent)
        if (m.scope(s).kind == ScopeKind::Class) {
          refuse(mod, m.reference(r).start, "inside class `" + std::string(m.scope(s).name) +
                                                "` a `__name` is mangled: this use would refer to another name");
          break;
        }
  checkSymbolCaptures(mod, sym, renamed, gaining);
  if (D == 0) renameImportsOf(mod, sym);
  for (BindingId b : S.bindings)
    if (m.binding(b).kind == BindingKind::Parameter) renameKeywordArguments(mod, sym, b);
}

void Planner::checkSymbolCaptures(std::size_t mod, SymbolId sym, const std::vector<ReferenceId> &renamedRefs,
                                  const std::set<ScopeId> &gaining) {
  const sema::SemanticModel &m = p_.model(mod);
  ScopeId D = m.symbol(sym).scope;
  // A renamed reference must still find the renamed symbol: no scope between it and the
  // symbol's may bind the new name.
  for (ReferenceId r : renamedRefs) {
    const sema::Reference &ref = m.reference(r);
    if (ref.symbol != sym && ref.symbol != kNoId && gaining.count(m.symbol(ref.symbol).scope)) continue;
    ScopeKind prev = ScopeKind::Module;
    for (ScopeId s = ref.scope; s != kNoId && s != D;) {
      const sema::Scope &sc = m.scope(s);
      bool visible = s == ref.scope || sc.kind != ScopeKind::Class || prev == ScopeKind::TypeParameters;
      SymbolId other = visible ? m.lookupLocal(s, new_) : kNoId;
      if (other != kNoId) {
        Position at = p_.modules[mod].source->position(firstPlace(m, other));
        refuse(mod, ref.start, "this use of `" + old_ + "` would be captured by `" + new_ + "` bound in " +
                                   describeScope(m, s) + " (line " + std::to_string(at.line) + ")");
        break;
      }
      prev = sc.kind;
      s = sc.parent;
    }
  }
  // A use of the new name that found another binding (or a builtin) must not find the renamed one.
  for (const sema::Reference &ref : m.references()) {
    if (ref.name != new_) continue;
    ScopeKind prev = ScopeKind::Module;
    for (ScopeId s = ref.scope; s != kNoId;) {
      const sema::Scope &sc = m.scope(s);
      bool visible = s == ref.scope || sc.kind != ScopeKind::Class || prev == ScopeKind::TypeParameters;
      if (visible && m.lookupLocal(s, new_) != kNoId) break;
      if (visible && gaining.count(s)) {
        std::string was = ref.resolution == Resolution::Builtin ? "the builtin" : "another binding";
        refuse(mod, ref.start, "`" + new_ + "` here refers to " + was + "; after the rename it would refer to the renamed `" +
                                   old_ + "`");
        break;
      }
      prev = sc.kind;
      s = sc.parent;
    }
  }
}

namespace {

/// The string literal's content when `n` is a plain string literal.
std::optional<std::string_view> literalText(const Module &m, Node n) {
  if (!n.is(NodeKind::String)) return std::nullopt;
  std::string_view t = textOf(m, n);
  if (t.size() < 2) return std::nullopt;
  char q = t.back();
  if (q != '"' && q != '\'') return std::nullopt;
  std::size_t open = t.find(q);
  if (open == std::string_view::npos || open > 1) return std::nullopt; // no prefixes other than one letter
  if (open == 1 && t[0] != 'u' && t[0] != 'U') return std::nullopt;
  std::size_t quotes = t.size() >= open + 6 && t.substr(open, 3) == std::string(3, q) ? 3 : 1;
  if (t.size() < open + 2 * quotes) return std::nullopt;
  return t.substr(open + quotes, t.size() - open - 2 * quotes);
}

} // namespace

void noteDynamicAccess(Planner &pl, std::string_view what) {
  for (std::size_t j = 0; j < pl.p_.modules.size(); ++j) {
    const Module &M = pl.p_.modules[j];
    for (Node call : M.index.calls) {
      Node fn = call.field(FieldId::Function), args = call.field(FieldId::Arguments);
      if (!fn.is(NodeKind::Identifier) || !args) continue;
      std::string_view f = textOf(M, fn);
      if (f != "getattr" && f != "setattr" && f != "hasattr" && f != "delattr") continue;
      Node second = args.namedChildCount() >= 2 ? args.namedChild(1) : Node();
      auto lit = second ? literalText(M, second) : std::nullopt;
      if (lit && *lit == pl.old_)
        pl.refuse(j, call.startByte(), std::string(f) + "() names `" + pl.old_ + "` in a string: cannot tell whether it is " + std::string(what));
    }
  }
}

void Planner::renameImportsOf(std::size_t mod, SymbolId sym) {
  (void)sym;
  for (std::size_t j = 0; j < p_.modules.size(); ++j) {
    Module &M = p_.modules[j];
    for (Node star : M.index.starImports) {
      Node name = star.field(FieldId::ModuleName);
      if (name && p_.resolveImport(j, textOf(M, name)) == mod)
        refuse(j, star.startByte(), "imports every name of `" + p_.modules[mod].name + "` with *");
    }
    if (!M.model) continue; // does not mention the name
    const sema::SemanticModel &m = *M.model;
    for (const sema::Binding &bd : m.bindings()) {
      if (bd.kind != BindingKind::FromImport || importMember(M, bd) != old_) continue;
      if (p_.resolveImport(j, importModule(M, bd)) != mod) continue;
      bool aliased = bd.node.is(NodeKind::AliasedImport);
      Node member = aliased ? bd.node.field(FieldId::Name) : bd.node;
      if (!member) continue;
      addEdit(j, member.startByte(), member.endByte());
      if (!aliased) renameSymbol(j, bd.symbol);
    }
    for (Node a : M.index.attributes) {
      Node attr = a.field(FieldId::Attribute);
      if (!attr || textOf(M, attr) != old_) continue;
      if (p_.moduleOf(j, a.field(FieldId::Object)) == mod) addEdit(j, attr.startByte(), attr.endByte());
    }
  }
  noteDynamicAccess(*this, "this module's `" + old_ + "`");
}

} // namespace detail

using namespace detail;

namespace {

/// Whether `word` occurs in `text` as a whole identifier.
bool mentions(std::string_view text, std::string_view word) {
  auto ident = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || (c & 0x80); };
  for (std::size_t pos = text.find(word); pos != std::string_view::npos; pos = text.find(word, pos + 1))
    if ((pos == 0 || !ident(text[pos - 1])) && (pos + word.size() >= text.size() || !ident(text[pos + word.size()])))
      return true;
  return false;
}

} // namespace

RenameResult planRename(const RenameRequest &request) {
  RenameResult result;
  auto fail = [&](std::string message) {
    result.refused = true;
    result.message = std::move(message);
    return result;
  };
  if (!isValidNewName(request.newName))
    return fail("`" + request.newName + "` is not a valid Python identifier (or is a keyword)");

  Project project;
  project.pythonMinor = request.pythonMinor;
  std::optional<std::size_t> target;
  std::vector<ProjectFile> files = request.files;
  if (std::none_of(files.begin(), files.end(), [&](const ProjectFile &f) { return f.path == request.file; }))
    files.push_back({request.file, request.file.string()});
  for (const ProjectFile &f : files) {
    auto source = SourceFile::load(f.path, f.display);
    if (!source) {
      if (f.path == request.file) return fail(source.error().path + ": " + source.error().message);
      continue;
    }
    Module mod;
    mod.file = f;
    mod.name = moduleNameFor(request.projectRoot, f.path);
    mod.isPackage = f.path.stem() == "__init__";
    mod.source = *source;
    if (f.path == request.file) target = project.modules.size();
    if (!mod.name.empty()) project.byName.emplace(mod.name, project.modules.size());
    project.modules.push_back(std::move(mod));
  }
  if (!target) return fail("cannot read " + request.file.string());
  project.load(*target);
  const Module &T = project.modules[*target];
  if (request.line == 0 || request.line > T.source->lines().lineCount())
    return fail(T.file.display + ": line " + std::to_string(request.line) + " is outside the file");
  std::uint32_t offset = T.source->lines().offsetOf({request.line, request.column});
  if (T.syntaxErrors > 0) return fail(T.file.display + ": the file has syntax errors; fix them first");

  // The name under the cursor.
  Node leaf(ts_node_descendant_for_byte_range(T.parsed->root().raw(), offset, offset));
  if (!leaf.is(NodeKind::Identifier)) {
    Position pos = T.source->position(offset);
    return fail(T.file.display + ":" + std::to_string(pos.line) + ":" + std::to_string(pos.column) + ": not on a name");
  }
  std::string oldName(textOf(T, leaf));
  result.oldName = oldName;
  if (oldName == request.newName) return result;
  // Only modules that mention the name (or star-import) can be affected; the others are loaded
  // on demand (following imports, class hierarchies).
  for (std::size_t i = 0; i < project.modules.size(); ++i)
    if (mentions(project.modules[i].source->text(), oldName) || project.modules[i].source->text().find("import *") != std::string_view::npos ||
        project.modules[i].source->text().find("import*") != std::string_view::npos)
      project.load(i);
  Planner planner(project, oldName, request.newName);
  startAt(planner, *target, leaf.startByte());
  if (!planner.problems.empty()) {
    result.refused = true;
    result.message = planner.refusalKind.empty() ? "cannot rename `" + oldName + "` to `" + request.newName + "` safely"
                                                 : planner.refusalKind;
    result.places = planner.problems;
    return result;
  }
  for (auto &[mod, edits] : planner.edits) {
    const Module &M = project.modules[mod];
    std::string_view text = M.source->text();
    std::string out;
    std::uint32_t pos = 0;
    for (const auto &[start, e] : edits) {
      if (start < pos) return fail(M.file.display + ": overlapping edits (internal error); nothing written");
      out.append(text.substr(pos, start - pos));
      out += e.text;
      pos = e.end;
    }
    out.append(text.substr(pos));
    if (countSyntaxErrors(out) > 0) return fail(M.file.display + ": the renamed file would not parse; nothing written");
    // Safety net: the renamed module must not read more undefined names than before.
    if (M.source->encoding() == "utf-8") {
      auto renamedSource = SourceFile::fromBytes(M.file.display, out);
      if (renamedSource) {
        Parser parser;
        auto parsed = parseModule(parser, *renamedSource);
        sema::SemanticModel after = sema::bindModule(*parsed, sema::bindOptionsFor(M.file.path.string(), project.pythonMinor));
        auto undefined = [](const sema::SemanticModel &model) {
          return std::count_if(model.references().begin(), model.references().end(), [](const sema::Reference &r) {
            return r.resolution == sema::Resolution::Unresolved;
          });
        };
        if (undefined(after) > undefined(*M.model))
          return fail(M.file.display + ": the renamed file would read an undefined name (internal check); nothing written");
      }
    }
    result.rewrites.push_back({M.file.path, M.file.display, M.source, std::move(out), edits.size()});
  }
  std::sort(result.rewrites.begin(), result.rewrites.end(),
            [](const FileRewrite &a, const FileRewrite &b) { return a.display < b.display; });
  return result;
}

} // namespace typhon::rename
