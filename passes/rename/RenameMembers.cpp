// RenameMembers: what the cursor names (start of a rename), class members (class attributes,
// methods, `self.x` / `cls.x` / `C.x` uses in the class and its project subclasses), and keyword
// arguments of calls that certainly reach a renamed parameter.
#include "passes/rename/RenameInternal.h"

#include <algorithm>

namespace typhon::rename::detail {

namespace {

using sema::BindingKind;
using sema::Resolution;
using sema::ScopeKind;

/// The class scope whose node is `classNode`.
ScopeId classScopeOf(const sema::SemanticModel &m, Node classNode) {
  for (ScopeId s = 0; s < m.scopes().size(); ++s)
    if (m.scope(s).kind == ScopeKind::Class && m.scope(s).node == classNode) return s;
  return kNoId;
}

bool hasDecorator(const Module &M, Node def, std::string_view name) {
  Node parent = def.parent();
  if (!parent.is(NodeKind::DecoratedDefinition)) return false;
  for (Node c : parent.namedChildren())
    if (c.is(NodeKind::Decorator)) {
      std::string_view t = textOf(M, c);
      t.remove_prefix(std::min<std::size_t>(1, t.size()));
      while (!t.empty() && (t.front() == ' ' || t.front() == '\t')) t.remove_prefix(1);
      if (t == name) return true;
    }
  return false;
}

/// An expression's text for messages: itself when short and on one line, else `(...)`.
std::string brief(const Module &m, Node n) {
  std::string_view t = textOf(m, n);
  if (t.size() > 40 || t.find_first_of("\r\n") != std::string_view::npos) return "(...)";
  return std::string(t);
}

std::string className(const Project &p, ClassRef k) {
  return std::string(p.modules[k.module].model->scope(k.scope).name);
}

} // namespace

std::optional<ClassRef> classOfSymbol(const Planner &pl, std::size_t mod, SymbolId sym) {
  std::tie(mod, sym) = pl.followImports(mod, sym);
  if (sym == kNoId) return std::nullopt;
  const sema::SemanticModel &m = pl.p_.model(mod);
  const sema::Symbol &s = m.symbol(sym);
  if (s.bindings.empty()) return std::nullopt;
  Node node;
  for (BindingId b : s.bindings) {
    const sema::Binding &bd = m.binding(b);
    if (bd.kind != BindingKind::ClassDef || (node && !(node == bd.node))) return std::nullopt;
    node = bd.node;
  }
  ScopeId scope = classScopeOf(m, node);
  if (scope == kNoId) return std::nullopt;
  return ClassRef{mod, scope};
}

std::optional<ClassRef> Planner::classOf(std::size_t mod, Node expr) const {
  const Module &M = p_.modules[mod];
  if (expr.is(NodeKind::Identifier)) {
    const sema::Reference *ref = M.model->referenceAt(expr.startByte());
    if (!ref || ref->start != expr.startByte() || ref->symbol == kNoId) return std::nullopt;
    if (ref->resolution == Resolution::ClassScopeHidden || ref->resolution == Resolution::Dynamic) return std::nullopt;
    return classOfSymbol(*this, mod, ref->symbol);
  }
  if (expr.is(NodeKind::Attribute)) {
    auto base = p_.moduleOf(mod, expr.field(FieldId::Object));
    Node attr = expr.field(FieldId::Attribute);
    if (!base || !attr) return std::nullopt;
    SymbolId s = p_.model(*base).lookupLocal(0, textOf(M, attr));
    if (s == kNoId) return std::nullopt;
    return classOfSymbol(*this, *base, s);
  }
  return std::nullopt;
}

std::optional<ClassRef> Planner::selfClassOf(std::size_t mod, Node expr) const {
  const Module &M = p_.modules[mod];
  const sema::SemanticModel &m = *M.model;
  if (expr.is(NodeKind::Call)) {
    // super() without arguments, directly in a method.
    Node fn = expr.field(FieldId::Function), args = expr.field(FieldId::Arguments);
    if (!fn.is(NodeKind::Identifier) || textOf(M, fn) != "super" || !args || args.namedChildCount() != 0) return std::nullopt;
    const sema::Reference *ref = m.referenceAt(fn.startByte());
    if (!ref || ref->resolution != Resolution::Builtin) return std::nullopt;
    ScopeId s = m.scopeAt(expr.startByte());
    while (s != kNoId && m.scope(s).kind == ScopeKind::Comprehension) s = m.scope(s).parent;
    if (s == kNoId || m.scope(s).kind != ScopeKind::Function) return std::nullopt;
    ScopeId parent = m.scope(s).parent;
    if (parent == kNoId || m.scope(parent).kind != ScopeKind::Class) return std::nullopt;
    return ClassRef{mod, parent};
  }
  if (!expr.is(NodeKind::Identifier)) return std::nullopt;
  const sema::Reference *ref = m.referenceAt(expr.startByte());
  if (!ref || ref->start != expr.startByte() || ref->symbol == kNoId) return std::nullopt;
  if (ref->resolution != Resolution::Local && ref->resolution != Resolution::Enclosing) return std::nullopt;
  const sema::Symbol &s = m.symbol(ref->symbol);
  if (s.bindings.size() != 1) return std::nullopt;
  const sema::Binding &bd = m.binding(s.bindings.front());
  if (bd.kind != BindingKind::Parameter) return std::nullopt;
  const sema::Scope &fn = m.scope(s.scope);
  if (fn.kind != ScopeKind::Function || fn.parent == kNoId || m.scope(fn.parent).kind != ScopeKind::Class) return std::nullopt;
  Node params = fn.node.field(FieldId::Parameters);
  Node first = params ? params.namedChild(0) : Node();
  if (!first || !first.is(NodeKind::Identifier) || first.startByte() != bd.nameStart) return std::nullopt;
  if (hasDecorator(M, fn.node, "staticmethod")) return std::nullopt;
  return ClassRef{mod, fn.parent};
}

ScopeId Planner::certainFunction(std::size_t mod, Node callee) const {
  const sema::SemanticModel &m = p_.model(mod);
  if (!callee.is(NodeKind::Identifier)) return kNoId;
  const sema::Reference *ref = m.referenceAt(callee.startByte());
  if (!ref || ref->start != callee.startByte() || ref->symbol == kNoId) return kNoId;
  if (ref->resolution == Resolution::ClassScopeHidden || ref->resolution == Resolution::Dynamic) return kNoId;
  const sema::Symbol &s = m.symbol(ref->symbol);
  if (s.bindings.size() != 1) return kNoId;
  const sema::Binding &bd = m.binding(s.bindings.front());
  if (bd.kind != BindingKind::FunctionDef || (bd.flags & sema::kBindingDecorated)) return kNoId;
  for (ScopeId sc = 0; sc < m.scopes().size(); ++sc)
    if (m.scope(sc).kind == ScopeKind::Function && m.scope(sc).node == bd.node) return sc;
  return kNoId;
}

bool Planner::callsFunction(std::size_t j, Node callee, std::size_t mod, ScopeId fscope) {
  if (j == mod && certainFunction(j, callee) == fscope) return true;
  // Through imports: `from m import f` then `f(...)`, or `m.f(...)`.
  const Module &C = p_.modules[j];
  std::size_t from = j;
  SymbolId s = kNoId;
  if (callee.is(NodeKind::Identifier)) {
    const sema::Reference *ref = C.model->referenceAt(callee.startByte());
    if (ref && ref->start == callee.startByte() && ref->resolution != Resolution::ClassScopeHidden &&
        ref->resolution != Resolution::Dynamic)
      s = ref->symbol;
  } else if (callee.is(NodeKind::Attribute)) {
    Node attr = callee.field(FieldId::Attribute);
    if (auto target = p_.moduleOf(j, callee.field(FieldId::Object)); target && attr) {
      from = *target;
      s = p_.model(from).lookupLocal(0, textOf(C, attr));
    }
  }
  if (s == kNoId) return false;
  auto [owner, sym] = followImports(from, s);
  if (owner != mod || sym == kNoId) return false;
  const sema::SemanticModel &m = p_.model(mod);
  const sema::Symbol &y = m.symbol(sym);
  if (y.bindings.size() != 1) return false;
  const sema::Binding &bd = m.binding(y.bindings.front());
  return bd.kind == BindingKind::FunctionDef && !(bd.flags & sema::kBindingDecorated) && bd.node == m.scope(fscope).node;
}

void Planner::renameKeywordArguments(std::size_t mod, SymbolId sym, BindingId param) {
  const Module &M = p_.modules[mod];
  const sema::SemanticModel &m = *M.model;
  ScopeId fscope = m.symbol(sym).scope;
  const sema::Scope &fn = m.scope(fscope);
  if (fn.kind != ScopeKind::Function) return;
  Node p = m.binding(param).node;
  Node inner = p.is(NodeKind::TypedParameter) ? p.namedChild(0) : p;
  if (inner.is(NodeKind::ListSplatPattern) || inner.is(NodeKind::DictionarySplatPattern)) return;
  // Positional-only parameters (before `/`) cannot be passed by keyword.
  Node params = fn.node.field(FieldId::Parameters);
  bool seen = false;
  for (Node c : params ? params.namedChildren() : std::vector<Node>{}) {
    if (c == p) seen = true;
    else if (seen && c.is(NodeKind::PositionalSeparator)) return;
  }
  std::optional<ClassRef> owner;
  if (fn.parent != kNoId && m.scope(fn.parent).kind == ScopeKind::Class) owner = ClassRef{mod, fn.parent};
  bool constructor = owner && (fn.name == "__init__" || fn.name == "__new__");
  for (std::size_t j = 0; j < p_.modules.size(); ++j) {
    const Module &C = p_.modules[j];
    for (Node call : C.index.calls) {
      Node args = call.field(FieldId::Arguments);
      if (!args.is(NodeKind::ArgumentList)) continue;
      Node kwOld, kwNew;
      for (Node a : args.namedChildren())
        if (a.is(NodeKind::KeywordArgument)) {
          Node name = a.field(FieldId::Name);
          if (name && textOf(C, name) == old_) kwOld = name;
          if (name && textOf(C, name) == new_) kwNew = name;
        }
      if (!kwOld) continue;
      Node callee = call.field(FieldId::Function);
      if (constructor) {
        // Calling the class runs __init__/__new__: the class itself is certain (when it is not
        // decorated); a subclass may define its own.
        std::optional<ClassRef> k = classOf(j, callee);
        if (k && *k == *owner && !m.scope(fn.parent).node.parent().is(NodeKind::DecoratedDefinition)) {
          addEdit(j, kwOld.startByte(), kwOld.endByte());
          if (kwNew) refuse(j, kwNew.startByte(), "this call already passes `" + new_ + "=`");
          continue;
        }
        Node lastName = callee.is(NodeKind::Attribute) ? callee.field(FieldId::Attribute) : callee;
        if (k || (lastName && textOf(C, lastName) == m.scope(fn.parent).name)) {
          refuse(j, kwOld.startByte(), "passes `" + old_ + "=` to a class that may run this `" + std::string(fn.name) +
                                           "`: cannot tell for sure");
          continue;
        }
      }
      if (callsFunction(j, callee, mod, fscope)) {
        addEdit(j, kwOld.startByte(), kwOld.endByte());
        if (kwNew) refuse(j, kwNew.startByte(), "this call already passes `" + new_ + "=`");
        continue;
      }
      Node last = callee.is(NodeKind::Attribute) ? callee.field(FieldId::Attribute) : callee;
      if (last && textOf(C, last) == fn.name)
        refuse(j, kwOld.startByte(), "passes `" + old_ + "=` to a `" + std::string(fn.name) +
                                         "` that may be this function: cannot tell for sure");
    }
  }
}

void Planner::renameMember(ClassRef cls) {
  if (doneClasses.count(cls)) return;
  // Every class of the project and its bases (nullopt: not a project class).
  std::vector<ClassRef> all;
  std::map<ClassRef, std::vector<std::pair<Node, std::optional<ClassRef>>>> bases;
  for (std::size_t j = 0; j < p_.modules.size(); ++j) {
    const sema::SemanticModel &m = p_.model(j);
    for (ScopeId s = 0; s < m.scopes().size(); ++s) {
      if (m.scope(s).kind != ScopeKind::Class) continue;
      ClassRef k{j, s};
      all.push_back(k);
      auto &list = bases[k];
      Node supers = m.scope(s).node.field(FieldId::Superclasses);
      for (Node b : supers ? supers.namedChildren() : std::vector<Node>{}) {
        if (b.is(NodeKind::KeywordArgument)) continue;
        list.push_back({b, classOf(j, b)});
      }
    }
  }
  std::set<ClassRef> family{cls};
  for (bool grew = true; grew;) {
    grew = false;
    for (const ClassRef &k : all)
      if (!family.count(k))
        for (const auto &[node, base] : bases[k])
          if (base && family.count(*base)) {
            family.insert(k);
            grew = true;
            break;
          }
  }
  for (const ClassRef &k : family) doneClasses.insert(k);
  if ((isPrivateName(old_) || isPrivateName(new_)) && family.size() > 1)
    for (const ClassRef &k : family)
      if (!(k == cls))
        refuse(k.module, p_.model(k.module).scope(k.scope).node.startByte(),
               "`__name` members are mangled per class: subclass `" + className(p_, k) + "` would see another name");

  // Ancestors outside the family: they must not define the name, and must be known.
  std::set<ClassRef> ancestors;
  std::vector<ClassRef> work(family.begin(), family.end());
  std::set<ClassRef> seen(family.begin(), family.end());
  while (!work.empty()) {
    ClassRef k = work.back();
    work.pop_back();
    const Module &K = p_.modules[k.module];
    for (const auto &[node, base] : bases[k]) {
      if (!base) {
        std::string_view text = textOf(K, node);
        const sema::Reference *ref = node.is(NodeKind::Identifier) ? K.model->referenceAt(node.startByte()) : nullptr;
        if (text == "object" && ref && ref->resolution == Resolution::Builtin) continue;
        refuse(k.module, node.startByte(), "class `" + className(p_, k) + "` derives from `" + std::string(text) +
                                               "`, which is not a class of the project: `" + old_ +
                                               "` may override one of its members");
        continue;
      }
      if (!seen.insert(*base).second) continue;
      ancestors.insert(*base);
      work.push_back(*base);
      if (SymbolId taken = p_.model(base->module).lookupLocal(base->scope, new_); taken != kNoId)
        refuse(base->module, p_.model(base->module).scope(base->scope).node.startByte(),
               "base class `" + className(p_, *base) + "` already has a member `" + new_ + "`");
      SymbolId s = p_.model(base->module).lookupLocal(base->scope, old_);
      if (s != kNoId)
        refuse(base->module, p_.model(base->module).symbol(s).bindings.empty()
                                 ? p_.model(base->module).scope(base->scope).node.startByte()
                                 : p_.model(base->module).binding(p_.model(base->module).symbol(s).bindings.front()).nameStart,
               "`" + old_ + "` is also defined in base class `" + className(p_, *base) + "`");
    }
  }

  for (const ClassRef &k : family) {
    Module &K = p_.modules[k.module];
    const sema::SemanticModel &m = *K.model;
    Node node = m.scope(k.scope).node;
    if (node.parent().is(NodeKind::DecoratedDefinition))
      refuse(k.module, node.startByte(), "class `" + className(p_, k) +
                                             "` is decorated: decorators such as @dataclass may depend on member names");
    for (std::string_view dyn : {"__getattr__", "__getattribute__", "__setattr__", "__slots__"})
      if (m.lookupLocal(k.scope, dyn) != kNoId)
        refuse(k.module, node.startByte(), "class `" + className(p_, k) + "` defines " + std::string(dyn) +
                                               ": attribute names may be used dynamically");
    SymbolId clash = m.lookupLocal(k.scope, new_);
    if (clash != kNoId && !m.symbol(clash).bindings.empty())
      refuse(k.module, m.binding(m.symbol(clash).bindings.front()).nameStart,
             "`" + new_ + "` is already a member of class `" + className(p_, k) + "`");
    SymbolId s = m.lookupLocal(k.scope, old_);
    if (s != kNoId) renameSymbol(k.module, s);
  }

  for (std::size_t j = 0; j < p_.modules.size(); ++j) {
    const Module &M = p_.modules[j];
    for (Node a : M.index.attributes) {
      Node attr = a.field(FieldId::Attribute), obj = a.field(FieldId::Object);
      if (!attr || !obj) continue;
      std::string_view t = textOf(M, attr);
      if (t != old_ && t != new_) continue;
      if (p_.moduleOf(j, obj)) continue;
      bool viaSuper = obj.is(NodeKind::Call);
      std::optional<ClassRef> k = selfClassOf(j, obj);
      if (!k && !viaSuper) k = classOf(j, obj);
      if (k && family.count(*k)) {
        if (viaSuper && *k == cls) continue; // super() in the class itself looks past it
        if (t == old_) addEdit(j, attr.startByte(), attr.endByte());
        else refuse(j, attr.startByte(), "`" + new_ + "` is already an attribute used on class `" + className(p_, *k) + "`");
      } else if (k && ancestors.count(*k)) {
        refuse(j, attr.startByte(), "base class `" + className(p_, *k) + "` uses `" + std::string(t) +
                                        "`: cannot tell whether it is this member");
      } else if (!k && t == old_) {
        refuse(j, attr.startByte(), "cannot tell whether `" + brief(M, obj) + "." + std::string(t) + "` is this member");
      }
    }
  }
  noteDynamicAccess(*this, "this member");
}

void startAt(Planner &pl, std::size_t mod, std::uint32_t offset) {
  Module &M = pl.p_.modules[mod];
  const sema::SemanticModel &m = *M.model;
  auto follow = [&](SymbolId s) {
    SymbolId t = m.symbol(s).target;
    return t != kNoId ? t : s;
  };
  for (const sema::Declaration &d : m.declarations())
    if (d.name.startByte() == offset && d.symbol != kNoId) return pl.renameSymbol(mod, follow(d.symbol));
  if (const sema::Binding *b = m.bindingAt(offset); b && b->nameStart == offset && b->symbol != kNoId)
    return pl.renameSymbol(mod, follow(b->symbol));
  if (const sema::Reference *r = m.referenceAt(offset); r && r->start == offset) {
    SymbolId s = r->symbol;
    switch (r->resolution) {
    case Resolution::Builtin:
    case Resolution::Implicit: return pl.refuse(mod, offset, "`" + pl.old_ + "` is a builtin or implicit name");
    case Resolution::Unresolved: return pl.refuse(mod, offset, "`" + pl.old_ + "` is not defined");
    case Resolution::Dynamic:
      return pl.refuse(mod, offset, "`" + pl.old_ + "` may come from a star import or a dynamic namespace");
    case Resolution::ClassScopeHidden: s = pl.resolveFrom(m, r->scope, pl.old_); break;
    default: break;
    }
    if (s == kNoId) return pl.refuse(mod, offset, "`" + pl.old_ + "` is a builtin here");
    return pl.renameSymbol(mod, follow(s));
  }
  Node leaf(ts_node_descendant_for_byte_range(M.parsed->root().raw(), offset, offset));
  Node parent = leaf.parent();
  if (parent.is(NodeKind::Attribute) && parent.field(FieldId::Attribute) == leaf) {
    Node obj = parent.field(FieldId::Object);
    if (auto target = pl.p_.moduleOf(mod, obj)) {
      SymbolId s = pl.p_.model(*target).lookupLocal(0, pl.old_);
      if (s == kNoId) return pl.refuse(mod, offset, "module `" + pl.p_.modules[*target].name + "` defines no `" + pl.old_ + "`");
      return pl.renameSymbol(*target, s);
    }
    auto k = pl.selfClassOf(mod, obj);
    if (!k && !obj.is(NodeKind::Call)) k = pl.classOf(mod, obj);
    if (k) return pl.renameMember(*k);
    if (const sema::Reference *r = obj.is(NodeKind::Identifier) ? m.referenceAt(obj.startByte()) : nullptr;
        r && r->symbol != kNoId && !m.symbol(r->symbol).bindings.empty()) {
      const sema::Binding &bd = m.binding(m.symbol(r->symbol).bindings.front());
      if (bd.kind == BindingKind::Import || bd.kind == BindingKind::FromImport)
        return pl.refuse(mod, offset, "`" + brief(M, obj) + "` is imported from outside the project");
    }
    return pl.refuse(mod, offset, "cannot tell what `" + brief(M, obj) + "` is");
  }
  if (parent.is(NodeKind::KeywordArgument) && parent.field(FieldId::Name) == leaf) {
    Node call = parent.parent().parent();
    ScopeId fn = call.is(NodeKind::Call) ? pl.certainFunction(mod, call.field(FieldId::Function)) : kNoId;
    SymbolId s = fn != kNoId ? m.lookupLocal(fn, pl.old_) : kNoId;
    if (s == kNoId || !(m.symbol(s).flags & sema::kSymbolParameter))
      return pl.refuse(mod, offset, "cannot tell which function's parameter `" + pl.old_ + "` is");
    return pl.renameSymbol(mod, s);
  }
  if (parent.is(NodeKind::DottedName)) {
    Node stmt = parent.parent();
    if (stmt.is(NodeKind::AliasedImport)) stmt = stmt.parent();
    if (stmt.is(NodeKind::ImportFromStatement) && !(stmt.field(FieldId::ModuleName) == parent)) {
      Node moduleName = stmt.field(FieldId::ModuleName);
      auto target = moduleName ? pl.p_.resolveImport(mod, textOf(M, moduleName)) : std::nullopt;
      SymbolId s = target ? pl.p_.model(*target).lookupLocal(0, pl.old_) : kNoId;
      if (s == kNoId) return pl.refuse(mod, offset, "`" + pl.old_ + "` is not defined in a module of the project");
      return pl.renameSymbol(*target, s);
    }
    return pl.refuse(mod, offset, "renaming modules is not supported");
  }
  pl.refuse(mod, offset, "`" + pl.old_ + "` here is not a name that can be renamed");
}

} // namespace typhon::rename::detail
