// ClassMembers: attribute lookup along the MRO, ABCMeta's __abstractmethods__ and dataclass
// fields, on top of ClassFacts.
#include "semantic/classes/ClassModel.h"

#include "parser/Tree.h"
#include "semantic/classes/Resolve.h"

#include <algorithm>
#include <set>

namespace typhon::sema::classes {

using detail::Value;

namespace {

enum class Abstractness { No, Yes, Unknown };

bool usable(const Binding &b) { return !(b.flags & kBindingUnreachable) && b.kind != BindingKind::Annotation; }

/// Whether a decorator marks what it decorates abstract (Yes), keeps the flag of what it wraps
/// (No), or is not known (Unknown).
Abstractness decoratorEffect(const ModuleClasses &mc, const DecoratorInfo &d) {
  std::string_view text = mc.parsed().text();
  Node callee = d.callee;
  if (callee.is(NodeKind::Attribute)) {
    std::string_view attr = callee.field(FieldId::Attribute).text(text);
    if (attr == "setter" || attr == "getter" || attr == "deleter") return Abstractness::No;
  }
  Value v = callee.isNull() ? Value::unknown("") : detail::resolveExpression(mc, callee);
  std::string name = v.kind == Value::Kind::Named ? v.name : v.kind == Value::Kind::Class ? v.cls.fullName() : "";
  if (name == "abc.abstractmethod" || name == "abc.abstractproperty" || name == "abc.abstractclassmethod" ||
      name == "abc.abstractstaticmethod")
    return Abstractness::Yes;
  if (name == "builtins.property" || name == "builtins.classmethod" || name == "builtins.staticmethod" ||
      name == "typing.overload" || name == "typing.final" || name == "typing_extensions.final" ||
      name == "typing.override" || name == "typing_extensions.override" || name == "functools.cached_property")
    return Abstractness::No;
  return Abstractness::Unknown;
}

std::vector<DecoratorInfo> decoratorsOf(const ModuleClasses &mc, Node def) {
  std::vector<DecoratorInfo> out;
  Node parent = def.parent();
  if (!parent.is(NodeKind::DecoratedDefinition)) return out;
  (void)mc;
  for (Node d : parent.namedChildren()) {
    if (!d.is(NodeKind::Decorator)) continue;
    Node e = d.namedChildCount() ? d.namedChild(0) : Node();
    DecoratorInfo di;
    di.node = d;
    di.isCall = e.is(NodeKind::Call);
    di.callee = di.isCall ? e.field(FieldId::Function) : e;
    out.push_back(di);
  }
  return out;
}

bool isLiteral(Node n) {
  switch (n.kind()) {
  case NodeKind::Integer:
  case NodeKind::Float:
  case NodeKind::String:
  case NodeKind::ConcatenatedString:
  case NodeKind::True:
  case NodeKind::False:
  case NodeKind::None:
  case NodeKind::Ellipsis: return true;
  case NodeKind::Tuple:
  case NodeKind::List: {
    for (Node c : n.namedChildren())
      if (!c.is(NodeKind::Comment) && !isLiteral(c)) return false;
    return true;
  }
  default: return false;
  }
}

/// Whether the class body's final value of `name` has `__isabstractmethod__` set.
Abstractness memberAbstractness(ClassRef cls, std::string_view name) {
  const ClassInfo &info = cls.info();
  const ModuleClasses &mc = *cls.module;
  const SemanticModel &sem = mc.semantic();
  SymbolId s = info.bodyScope == kNoId ? kNoId : sem.lookupLocal(info.bodyScope, name);
  if (s == kNoId) return Abstractness::No;
  std::vector<BindingId> bs;
  for (BindingId b : sem.symbol(s).bindings)
    if (usable(sem.binding(b))) bs.push_back(b);
  if (bs.empty()) return Abstractness::No;
  bool allFunctions = std::all_of(bs.begin(), bs.end(), [&](BindingId b) {
    return sem.binding(b).kind == BindingKind::FunctionDef;
  });
  if (!allFunctions) {
    if (sem.isStub()) return Abstractness::No; // stubs declare values, abstract ones as functions
    if (bs.size() != 1) return Abstractness::Unknown;
    const Binding &b = sem.binding(bs.front());
    if (b.kind == BindingKind::Assignment && b.node.is(NodeKind::Assignment) &&
        isLiteral(b.node.field(FieldId::Right)))
      return Abstractness::No;
    return Abstractness::Unknown;
  }
  // Functions (a property and its accessors, overloads): abstract when a decorator says so.
  bool abstract = false;
  for (BindingId id : bs) {
    std::vector<DecoratorInfo> decorators = decoratorsOf(mc, sem.binding(id).node);
    bool marked = false, unknown = false;
    for (const DecoratorInfo &d : decorators) {
      Abstractness e = decoratorEffect(mc, d);
      if (e == Abstractness::Yes) marked = true;
      if (e == Abstractness::Unknown) unknown = true;
    }
    // A decorator typhon does not know over @abstractmethod may drop the flag; without
    // @abstractmethod in the chain, functions are assumed not abstract.
    if (marked && unknown) return Abstractness::Unknown;
    abstract = abstract || marked;
  }
  return abstract ? Abstractness::Yes : Abstractness::No;
}

std::string lastComponent(std::string_view text) {
  std::size_t dot = text.rfind('.');
  return std::string(dot == std::string_view::npos ? text : text.substr(dot + 1));
}

/// `ClassVar`, `InitVar`, `KW_ONLY` by the last component of the annotation's head (also inside a
/// string annotation).
std::string annotationHead(Node annotation, std::string_view text) {
  Node n = annotation;
  if (n.is(NodeKind::Type) && n.namedChildCount() == 1) n = n.namedChild(0);
  std::string_view t = n.text(text);
  if (n.is(NodeKind::String) && t.size() >= 2) t = t.substr(1, t.size() - 2);
  std::size_t bracket = t.find('[');
  if (bracket != std::string_view::npos) t = t.substr(0, bracket);
  while (!t.empty() && (t.back() == ' ')) t.remove_suffix(1);
  return lastComponent(t);
}

} // namespace

std::optional<MemberLookup> lookupMember(ClassRef cls, std::string_view name) {
  const ClassFacts &f = cls.facts();
  if (!f.known || f.error) return std::nullopt;
  for (const ClassRef &c : f.mro) {
    const ClassInfo &info = c.info();
    const SemanticModel &sem = c.module->semantic();
    if (info.bodyScope == kNoId) return std::nullopt;
    SymbolId s = sem.lookupLocal(info.bodyScope, name);
    if (s != kNoId && info.definesMember(sem, name)) return MemberLookup{c, s};
  }
  return MemberLookup{};
}

std::optional<bool> isAbcMetaclass(ClassRef cls) {
  const ClassFacts &f = cls.facts();
  if (!f.known || !f.metaclass) return std::nullopt;
  ClassRef abcMeta = cls.module->owner().lookup("abc", "ABCMeta");
  if (!abcMeta) return std::nullopt;
  if (f.metaclass == abcMeta) return true;
  const ClassFacts &mf = f.metaclass.facts();
  if (!mf.known || mf.error) return std::nullopt;
  return std::find(mf.mro.begin(), mf.mro.end(), abcMeta) != mf.mro.end();
}

std::optional<bool> isAbstractMember(ClassRef cls, std::string_view name) {
  Abstractness a = memberAbstractness(cls, name);
  if (a == Abstractness::Unknown) return std::nullopt;
  return a == Abstractness::Yes;
}

std::optional<std::vector<std::string>> abstractMethods(ClassRef cls) {
  const ClassFacts &f = cls.facts();
  if (!f.known || f.error) return std::nullopt;
  std::optional<bool> abc = isAbcMetaclass(cls);
  if (!abc) return std::nullopt;
  if (!*abc) return std::vector<std::string>{};
  std::set<std::string> out;
  const ClassInfo &info = cls.info();
  const SemanticModel &sem = cls.module->semantic();
  if (info.bodyScope != kNoId) {
    for (const Symbol &s : sem.symbols()) {
      if (s.scope != info.bodyScope) continue;
      Abstractness a = memberAbstractness(cls, s.name);
      if (a == Abstractness::Unknown) return std::nullopt;
      if (a == Abstractness::Yes) out.insert(std::string(s.name));
    }
  }
  for (const ClassRef &base : f.bases) {
    std::optional<std::vector<std::string>> inherited = abstractMethods(base);
    if (!inherited) return std::nullopt;
    for (const std::string &name : *inherited) {
      std::optional<MemberLookup> found = lookupMember(cls, name);
      if (!found) return std::nullopt;
      if (!found->owner) continue;
      Abstractness a = memberAbstractness(found->owner, name);
      if (a == Abstractness::Unknown) return std::nullopt;
      if (a == Abstractness::Yes) out.insert(name);
    }
  }
  return std::vector<std::string>(out.begin(), out.end());
}

std::optional<DataclassOptions> dataclassOptions(ClassRef cls) {
  const ClassInfo &info = cls.info();
  const ModuleClasses &mc = *cls.module;
  std::string_view text = mc.parsed().text();
  for (const DecoratorInfo &d : info.decorators) {
    Value v = d.callee.isNull() ? Value::unknown("") : detail::resolveExpression(mc, d.callee);
    if (v.kind != Value::Kind::Named || v.name != "dataclasses.dataclass") continue;
    DataclassOptions o;
    o.decorator = d.node;
    if (d.isCall) {
      Node args = d.node.namedChild(0).field(FieldId::Arguments);
      for (Node a : args.namedChildren()) {
        if (a.is(NodeKind::Comment)) continue;
        if (!a.is(NodeKind::KeywordArgument)) {
          o.hasDynamicOption = true;
          continue;
        }
        std::string_view key = a.field(FieldId::Name).text(text);
        Node value = a.field(FieldId::Value);
        if (!value.is(NodeKind::True) && !value.is(NodeKind::False)) {
          o.hasDynamicOption = true;
          continue;
        }
        bool b = value.is(NodeKind::True);
        if (key == "init") o.init = b;
        else if (key == "repr") o.repr = b;
        else if (key == "eq") o.eq = b;
        else if (key == "order") o.order = b;
        else if (key == "unsafe_hash") o.unsafeHash = b;
        else if (key == "frozen") o.frozen = b;
        else if (key == "match_args") o.matchArgs = b;
        else if (key == "kw_only") o.kwOnly = b;
        else if (key == "slots") o.slots = b;
        else if (key == "weakref_slot") o.weakrefSlot = b;
        else o.hasDynamicOption = true;
      }
    }
    return o;
  }
  return std::nullopt;
}

std::optional<std::vector<DataclassField>> dataclassFields(ClassRef cls) {
  const ClassFacts &f = cls.facts();
  if (!f.known || f.error) return std::nullopt;
  std::optional<DataclassOptions> options = dataclassOptions(cls);
  if (!options) return std::nullopt;
  std::vector<DataclassField> fields;
  auto put = [&](DataclassField field) {
    auto it = std::find_if(fields.begin(), fields.end(), [&](const DataclassField &x) { return x.name == field.name; });
    if (it != fields.end()) *it = std::move(field);
    else fields.push_back(std::move(field));
  };
  // Base dataclasses' fields, from the far end of the MRO (dataclasses._process_class).
  for (auto it = f.mro.rbegin(); it != f.mro.rend(); ++it) {
    if (*it == cls) continue;
    if (!dataclassOptions(*it)) continue;
    std::optional<std::vector<DataclassField>> inherited = dataclassFields(*it);
    if (!inherited) return std::nullopt;
    for (DataclassField &field : *inherited) put(std::move(field));
  }
  const ClassInfo &info = cls.info();
  const ModuleClasses &mc = *cls.module;
  std::string_view text = mc.parsed().text();
  Node body = info.node.field(FieldId::Body);
  bool kwOnlyAfter = false;
  for (Node stmt : body.namedChildren()) {
    if (stmt.is(NodeKind::IfStatement) || stmt.is(NodeKind::TryStatement) || stmt.is(NodeKind::ForStatement) ||
        stmt.is(NodeKind::WhileStatement) || stmt.is(NodeKind::WithStatement) || stmt.is(NodeKind::MatchStatement)) {
      // Annotations under control flow: the annotation order is not known statically.
      std::vector<Node> stack{stmt};
      while (!stack.empty()) {
        Node n = stack.back();
        stack.pop_back();
        if (n.is(NodeKind::Assignment) && !n.field(FieldId::Type).isNull()) return std::nullopt;
        if (n.is(NodeKind::FunctionDefinition) || n.is(NodeKind::ClassDefinition)) continue;
        for (Node c : n.namedChildren()) stack.push_back(c);
      }
      continue;
    }
    if (!stmt.is(NodeKind::ExpressionStatement) || stmt.namedChildCount() != 1) continue;
    Node a = stmt.namedChild(0);
    if (!a.is(NodeKind::Assignment)) continue;
    Node type = a.field(FieldId::Type);
    Node left = a.field(FieldId::Left);
    if (type.isNull() || !left.is(NodeKind::Identifier)) continue;
    std::string head = annotationHead(type, text);
    if (head == "KW_ONLY") {
      kwOnlyAfter = true;
      continue;
    }
    DataclassField field;
    field.name = std::string(left.text(text));
    field.owner = cls;
    field.node = a;
    field.annotation = type;
    field.isClassVar = head == "ClassVar";
    field.isInitVar = head == "InitVar";
    field.kwOnly = !field.isClassVar && (options->kwOnly || kwOnlyAfter);
    Node value = a.field(FieldId::Right);
    if (!value.isNull()) {
      field.defaultValue = value;
      Node callee = value.is(NodeKind::Call) ? value.field(FieldId::Function) : Node();
      if (!callee.isNull() && lastComponent(callee.text(text)) == "field") {
        Value v = detail::resolveExpression(mc, callee);
        if (v.kind != Value::Kind::Named || v.name != "dataclasses.field") return std::nullopt;
        for (Node arg : value.field(FieldId::Arguments).namedChildren()) {
          if (!arg.is(NodeKind::KeywordArgument)) continue;
          std::string_view key = arg.field(FieldId::Name).text(text);
          Node v2 = arg.field(FieldId::Value);
          if (key == "default") field.hasDefault = true;
          else if (key == "default_factory") field.hasDefaultFactory = true;
          else if (key == "kw_only") {
            if (v2.is(NodeKind::True)) field.kwOnly = true;
            else if (v2.is(NodeKind::False)) field.kwOnly = false;
            else return std::nullopt;
          } else if (key == "init") {
            if (v2.is(NodeKind::True)) field.init = true;
            else if (v2.is(NodeKind::False)) field.init = false;
            else return std::nullopt;
          }
        }
      } else {
        field.hasDefault = true;
      }
    }
    put(std::move(field));
  }
  return fields;
}

} // namespace typhon::sema::classes
