// invalid-slots: the errors type.__new__ raises for `__slots__` (CPython 3.11-3.13 messages,
// verified): a non-string item, a non-identifier item, `__dict__`/`__weakref__` slots the base
// already provides, non-empty `__slots__` on a variable-size base (int, bytes, tuple), and a slot
// name also bound in the class body. class-keyword-rejected: a class keyword that reaches
// object.__init_subclass__.
#include "checkers/classes/SlotsAndKeywordChecks.h"

#include "parser/Tree.h"
#include "semantic/classes/ClassModel.h"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

namespace typhon {

using namespace sema;
using namespace sema::classes;

namespace {

/// A plain string literal's value (no prefix other than r/u, no escapes, no concatenation).
std::optional<std::string> plainString(Node n, std::string_view text) {
  if (!n.is(NodeKind::String)) return std::nullopt;
  std::string out;
  for (Node c : n.children()) {
    if (c.is(NodeKind::StringStart)) {
      for (char ch : c.text(text))
        if (ch != '"' && ch != '\'' && ch != 'r' && ch != 'R' && ch != 'u' && ch != 'U') return std::nullopt;
      continue;
    }
    if (c.is(NodeKind::StringEnd)) continue;
    if (c.is(NodeKind::StringContent) && c.namedChildCount() == 0) {
      out += c.text(text);
      continue;
    }
    return std::nullopt;
  }
  return out;
}

/// The runtime type name of a literal that is not a string, or empty when not such a literal.
std::string_view nonStringLiteralType(Node n, std::string_view text) {
  if (n.is(NodeKind::Integer) || n.is(NodeKind::Float)) {
    std::string_view t = n.text(text);
    if (t.ends_with('j') || t.ends_with('J')) return "complex";
    return n.is(NodeKind::Integer) ? "int" : "float";
  }
  if (n.is(NodeKind::None)) return "NoneType";
  if (n.is(NodeKind::True) || n.is(NodeKind::False)) return "bool";
  if (n.is(NodeKind::String)) {
    for (Node c : n.children())
      if (c.is(NodeKind::StringStart)) {
        std::string_view p = c.text(text);
        if (p.find_first_of("bB") != std::string_view::npos) return "bytes";
      }
  }
  return "";
}

/// ASCII identifier (non-ASCII names are left alone: their validity needs Unicode tables).
std::optional<bool> isIdentifier(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) return std::nullopt;
  auto head = [](char c) { return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  if (!head(s[0])) return false;
  return std::all_of(s.begin(), s.end(), [&](char c) { return head(c) || (c >= '0' && c <= '9'); });
}

/// The single `__slots__ = ...` assignment at the top level of the class body (null when none or
/// several).
Node slotsAssignment(const ClassInfo &info, std::string_view text) {
  Node body = info.node.field(FieldId::Body);
  if (body.isNull()) return {};
  Node found;
  for (Node stmt : body.namedChildren()) {
    if (!stmt.is(NodeKind::ExpressionStatement) || stmt.namedChildCount() != 1) continue;
    Node a = stmt.namedChild(0);
    if (!a.is(NodeKind::Assignment)) continue;
    Node left = a.field(FieldId::Left);
    if (!left.is(NodeKind::Identifier) || left.text(text) != "__slots__") continue;
    if (!found.isNull()) return {};
    found = a;
  }
  return found;
}

/// The items of a literal `__slots__` value: a string (one item), a tuple or list (its elements).
/// nullopt when the value is something else (dict, name, call, starred element...).
std::optional<std::vector<Node>> slotItems(Node value) {
  if (value.is(NodeKind::String)) return std::vector<Node>{value};
  if (value.is(NodeKind::ParenthesizedExpression) && value.namedChildCount() == 1) {
    Node inner = value.namedChild(0);
    if (inner.is(NodeKind::String)) return std::vector<Node>{inner};
    return std::nullopt;
  }
  if (!value.is(NodeKind::Tuple) && !value.is(NodeKind::List)) return std::nullopt;
  std::vector<Node> out;
  for (Node e : value.namedChildren()) {
    if (e.is(NodeKind::Comment)) continue;
    if (e.is(NodeKind::ListSplat)) return std::nullopt;
    out.push_back(e);
  }
  return out;
}

bool isBuiltin(ClassRef c, std::string_view name) {
  return c.module->fromTypeshed() && c.module->moduleName() == "builtins" && c.info().qualname == name;
}

/// Whether instances of `base` (a known class) have `__dict__` / `__weakref__`: true when a class
/// of its MRO is a class of analysed source without `__slots__` (or listing the slot); false when
/// every class is such a class with `__slots__` (without it) or `object`; nullopt otherwise.
std::optional<bool> baseProvides(ClassRef base, std::string_view slot) {
  const ClassFacts &f = base.facts();
  if (!f.known || f.error || f.mro.empty()) return std::nullopt;
  bool unknown = false;
  for (const ClassRef &c : f.mro) {
    if (isBuiltin(c, "object")) continue;
    if (c.module->fromTypeshed()) {
      unknown = true;
      continue;
    }
    const ClassInfo &ci = c.info();
    if (ci.slotsState == ClassInfo::SlotsState::Absent) return true;
    if (ci.slotsState == ClassInfo::SlotsState::Dynamic || !ci.slots) {
      unknown = true;
      continue;
    }
    if (std::find(ci.slots->begin(), ci.slots->end(), slot) != ci.slots->end()) return true;
  }
  if (unknown) return std::nullopt;
  return false;
}

bool isPlainMetaclass(ClassRef meta) {
  if (!meta) return false;
  if (isBuiltin(meta, "type")) return true;
  ClassRef abcMeta = meta.module->owner().lookup("abc", "ABCMeta");
  return abcMeta && meta == abcMeta;
}

/// Whether the metaclass is exactly `type` or `abc.ABCMeta` (whose `__new__` is type.__new__ and
/// which pass class keywords on to `__init_subclass__`).
bool plainMetaclass(ClassRef cls) { return isPlainMetaclass(cls.facts().metaclass); }

/// The single base of a class statement (null for none), when every written base is resolved;
/// `ok` false otherwise. Also for classes whose own facts are unknown (e.g. a dynamic
/// `__slots__` makes the layout unknown), since the checks below need only the bases.
ClassRef singleBase(ClassRef cls, bool &ok) {
  const ClassFacts &f = cls.facts();
  ok = false;
  if (f.error || cls.info().hasStarArguments) return {};
  if (f.known) {
    if (f.bases.size() > 1) return {};
    ok = true;
    return f.bases.empty() ? ClassRef{} : f.bases.front();
  }
  if (f.writtenBases.size() != cls.info().bases.size() || f.writtenBases.size() > 1) return {};
  for (const BaseExpr &b : f.writtenBases)
    if (b.status != BaseStatus::Class || !b.cls) return {};
  ClassRef base = f.writtenBases.empty() ? ClassRef{} : f.writtenBases.front().cls;
  if (base && (!base.facts().known || base.facts().error)) return {};
  // The metaclass: `type` without bases, else the base's; an explicit one must be known.
  if (!cls.info().metaclassExpr.isNull()) return {};
  ClassRef meta = base ? base.facts().metaclass : cls.module->owner().builtin("type");
  if (!isPlainMetaclass(meta)) return {};
  ok = true;
  return base;
}

/// The binding of `name` that certainly puts it in the class namespace: an unconditional binding
/// directly in the class body, with no `del` of the name. Null Node when none.
Node unconditionalMember(const ClassInfo &info, const SemanticModel &sem, std::string_view name) {
  if (info.bodyScope == kNoId) return {};
  SymbolId s = sem.lookupLocal(info.bodyScope, name);
  if (s == kNoId) return {};
  const Symbol &sym = sem.symbol(s);
  Node found;
  for (BindingId b : sym.bindings) {
    const Binding &bd = sem.binding(b);
    if (bd.kind == BindingKind::Deletion) return {};
    if (bd.flags & kBindingTypeCheckingOnly) continue;
    switch (bd.kind) {
    case BindingKind::Assignment:
    case BindingKind::AnnotatedAssignment:
    case BindingKind::FunctionDef:
    case BindingKind::ClassDef:
    case BindingKind::Import:
    case BindingKind::FromImport: break;
    default: continue;
    }
    if (bd.scope != info.bodyScope || bd.node.isNull()) continue;
    // Directly in the body: no `if`, `try`, loop, `with` or `match` between.
    bool direct = false;
    for (Node p = bd.node.parent(); !p.isNull(); p = p.parent()) {
      if (p.is(NodeKind::Block)) {
        Node owner = p.parent();
        direct = owner.is(NodeKind::ClassDefinition) && owner.startByte() == info.node.startByte();
        break;
      }
    }
    if (!direct) continue;
    if (bd.kind == BindingKind::AnnotatedAssignment && bd.node.field(FieldId::Right).isNull()) continue;
    if (found.isNull()) found = bd.statement.isNull() ? bd.node : bd.statement;
  }
  return found;
}

/// `_C__x` for `__x` in class `C` (CPython's name mangling).
std::string mangled(std::string_view cls, std::string_view name) {
  if (!name.starts_with("__") || name.ends_with("__") || name.find('.') != std::string_view::npos) return std::string(name);
  std::size_t i = cls.find_first_not_of('_');
  if (i == std::string_view::npos) return std::string(name);
  return "_" + std::string(cls.substr(i)) + std::string(name);
}

struct SlotsError {
  Node at;
  std::string message;
};

/// The first error type.__new__ raises for the class's `__slots__`, in CPython's order.
std::optional<SlotsError> slotsError(ClassRef cls, std::string_view text) {
  const ClassInfo &info = cls.info();
  Node assign = slotsAssignment(info, text);
  if (assign.isNull()) return std::nullopt;
  auto items = slotItems(assign.field(FieldId::Right));
  if (!items) return std::nullopt;
  // The best base: with one base, that base (or object without bases).
  bool ok = false;
  ClassRef base = singleBase(cls, ok);
  if (!ok || (cls.facts().known && !plainMetaclass(cls))) return std::nullopt;

  // Non-empty __slots__ on a variable-size base (checked before the items are visited).
  if (!items->empty() && base) {
    const ClassFacts &bf = base.facts();
    if (bf.known && !bf.error && bf.variableSize && bf.solidBase)
      return SlotsError{assign, "nonempty __slots__ not supported for subtype of '" + base.info().name + "'"};
  }
  std::vector<std::string> names;
  bool sawDict = false, sawWeakref = false;
  for (Node item : *items) {
    std::string_view type = nonStringLiteralType(item, text);
    if (!type.empty()) return SlotsError{item, "__slots__ items must be strings, not '" + std::string(type) + "'"};
    auto s = plainString(item, text);
    if (!s) return std::nullopt;
    auto ident = isIdentifier(*s);
    if (!ident) return std::nullopt;
    if (!*ident) return SlotsError{item, "__slots__ must be identifiers"};
    if (*s == "__dict__") {
      std::optional<bool> has = base ? baseProvides(base, "__dict__") : std::optional<bool>(false);
      if (!has) return std::nullopt;
      if (*has || sawDict) return SlotsError{item, "__dict__ slot disallowed: we already got one"};
      sawDict = true;
    } else if (*s == "__weakref__") {
      std::optional<bool> has = base ? baseProvides(base, "__weakref__") : std::optional<bool>(false);
      if (!has) return std::nullopt;
      if (*has || sawWeakref)
        return SlotsError{item, "__weakref__ slot disallowed: we already got one` (3.12+; 3.11 adds `, or "
                                "__itemsize__ != 0"};
      sawWeakref = true;
    } else {
      names.push_back(*s);
    }
  }
  const SemanticModel &sem = cls.module->semantic();
  for (const std::string &n : names) {
    // type.__new__ removes these from the namespace before the conflict check (its own checks
    // of their values raise other errors).
    if (n == "__qualname__" || n == "__classcell__") continue;
    Node member = unconditionalMember(info, sem, n);
    if (member.isNull()) continue;
    return SlotsError{member, "'" + mangled(info.name, n) + "' in __slots__ conflicts with class variable"};
  }
  return std::nullopt;
}

} // namespace

void InvalidSlotsCheck::begin(CheckContext &ctx) const {
  const ModuleClasses *classes = ctx.classes();
  if (!classes) return;
  std::string_view text = classes->parsed().text();
  for (std::uint32_t i = 0; i < classes->classes().size(); ++i) {
    ClassRef cls = classes->ref(i);
    auto err = slotsError(cls, text);
    if (!err) continue;
    bool valueError = err->message.find("conflicts with class variable") != std::string::npos;
    ctx.report(*this, err->at,
               "class `" + cls.info().name + "` cannot be created: its `__slots__` makes the class statement raise `" +
                   (valueError ? "ValueError: " : "TypeError: ") + err->message + "`");
  }
}

void ClassKeywordRejectedCheck::begin(CheckContext &ctx) const {
  const ModuleClasses *classes = ctx.classes();
  if (!classes) return;
  for (std::uint32_t i = 0; i < classes->classes().size(); ++i) {
    ClassRef cls = classes->ref(i);
    const ClassInfo &info = cls.info();
    if (info.hasStarArguments || info.keywords.empty()) continue;
    const ClassKeyword *first = nullptr;
    for (const ClassKeyword &k : info.keywords) {
      if (k.name.empty()) {
        first = nullptr;
        break;
      }
      if (k.name != "metaclass" && !first) first = &k;
    }
    if (!first) continue;
    const ClassFacts &facts = cls.facts();
    if (!facts.known || facts.error || facts.mro.empty() || !plainMetaclass(cls)) continue;
    // Every class of the MRO must be one whose members are known: analysed source, or a builtin /
    // abc.ABC (C classes and ABC define no __init_subclass__ besides object's).
    bool known = true;
    ClassRef abc = cls.module->owner().lookup("abc", "ABC");
    for (const ClassRef &c : facts.mro) {
      if (c.module == &c.module->owner().runtimeTyping()) {
        known = false; // typing.Generic / Protocol stand-ins: their runtime hooks are not modelled
        break;
      }
      if (!c.module->fromTypeshed()) {
        if (!(c == cls) && (c.info().hasTypeParameters || !c.info().decorators.empty())) {
          // Decorators could add __init_subclass__ (e.g. via setattr); be conservative.
          known = false;
          break;
        }
        continue;
      }
      if (c.module->moduleName() == "builtins" || (abc && c == abc)) continue;
      known = false;
      break;
    }
    if (!known) continue;
    auto m = lookupMember(cls, "__init_subclass__");
    if (!m || !m->owner || !isBuiltin(m->owner, "object")) continue;
    ctx.report(*this, first->value.isNull() ? info.nameNode : first->value.parent(),
               "class keyword `" + std::string(first->name) + "` reaches `object.__init_subclass__`: the class statement raises `TypeError: " +
                   info.name + ".__init_subclass__() takes no keyword arguments`");
  }
}

} // namespace typhon
