// Shared facts of the dataclass, enum and NamedTuple checks (see ClassFacts.h).
#include "checkers/dataclasses/ClassFacts.h"

#include <algorithm>

namespace typhon::dc {

using namespace sema;

namespace {

constexpr int kMaxDepth = 32;

/// The qualified name one import binding gives its name, or "" (relative imports, other kinds).
std::string importedName(const Facts &facts, const Binding &b) {
  if (!b.node) return {};
  if (b.kind == BindingKind::Import) {
    if (b.flags & kBindingDottedImport) return std::string(b.name); // `import a.b` binds `a`
    Node n = b.node;
    if (n.is(NodeKind::AliasedImport)) n = n.field(FieldId::Name);
    return n ? std::string(facts.text(n)) : std::string();
  }
  if (b.kind == BindingKind::FromImport) {
    // Binding::statement is not filled in by the binder: the import is the name's parent.
    Node statement = b.node ? b.node.parent() : Node();
    if (!statement.is(NodeKind::ImportFromStatement)) return {};
    Node module = statement.field(FieldId::ModuleName);
    if (!module || !module.is(NodeKind::DottedName)) return {}; // relative import
    Node member = b.node;
    if (member.is(NodeKind::AliasedImport)) member = member.field(FieldId::Name);
    if (!member) return {};
    return std::string(facts.text(module)) + "." + std::string(facts.text(member));
  }
  return {};
}

std::string normalize(std::string name) {
  constexpr std::string_view ext = "typing_extensions.";
  if (name.starts_with(ext)) name = "typing." + name.substr(ext.size());
  return name;
}

} // namespace

std::vector<const Binding *> Facts::bindingsOf(Node identifier, bool &builtin) const {
  builtin = false;
  std::vector<const Binding *> out;
  const Reference *ref = model_.referenceAt(identifier.startByte());
  if (!ref || ref->start != identifier.startByte() || ref->end != identifier.endByte()) return out;
  if (ref->resolution == Resolution::Builtin) {
    builtin = true;
    return out;
  }
  if (ref->resolution != Resolution::Local && ref->resolution != Resolution::Global &&
      ref->resolution != Resolution::Enclosing)
    return out;
  std::span<const BindingId> reaching = model_.reaching(*ref);
  if (reaching.empty() && ref->symbol != kNoId) {
    const Symbol &sym = model_.symbol(ref->symbol);
    if (sym.flags & (kSymbolExternalWrites | kSymbolDeclaredGlobal | kSymbolDeclaredNonlocal)) return out;
    reaching = sym.bindings;
  }
  for (BindingId id : reaching) out.push_back(&model_.binding(id));
  return out;
}

std::string Facts::qualifiedName(Node expr) const { return qualifiedName(expr, 0); }

std::string Facts::qualifiedName(Node expr, int depth) const {
  if (!expr || depth > kMaxDepth) return {};
  if (expr.is(NodeKind::Identifier)) {
    bool builtin = false;
    std::vector<const Binding *> bindings = bindingsOf(expr, builtin);
    if (builtin) return "builtins." + std::string(text(expr));
    std::string result;
    for (const Binding *b : bindings) {
      std::string name = importedName(*this, *b);
      if (name.empty() || (!result.empty() && name != result)) return {};
      result = std::move(name);
    }
    return normalize(result);
  }
  if (expr.is(NodeKind::Attribute)) {
    std::string object = qualifiedName(expr.field(FieldId::Object), depth + 1);
    Node attr = expr.field(FieldId::Attribute);
    if (object.empty() || !attr || object.starts_with("builtins.")) return {};
    return normalize(object + "." + std::string(text(attr)));
  }
  return {};
}

Node Facts::localClass(Node expr) const {
  if (!expr.is(NodeKind::Identifier)) return {};
  bool builtin = false;
  std::vector<const Binding *> bindings = bindingsOf(expr, builtin);
  Node found;
  for (const Binding *b : bindings) {
    if (b->kind != BindingKind::ClassDef || (found && !(found == b->node))) return {};
    found = b->node;
  }
  return found;
}

Opt literalBool(Node n) {
  if (n.is(NodeKind::True)) return Opt::True;
  if (n.is(NodeKind::False)) return Opt::False;
  return Opt::Unknown;
}

Node keywordArgument(const Facts &facts, Node call, std::string_view name) {
  Node args = call.field(FieldId::Arguments);
  if (!args.is(NodeKind::ArgumentList)) return {};
  for (Node a : args.namedChildren()) {
    if (!a.is(NodeKind::KeywordArgument)) continue;
    if (facts.text(a.field(FieldId::Name)) == name) return a;
  }
  return {};
}

std::optional<DataclassOptions> dataclassOptions(const Facts &facts, Node classDef) {
  Node decorated = classDef.parent();
  if (!decorated.is(NodeKind::DecoratedDefinition)) return std::nullopt;
  for (Node d : decorated.namedChildren()) {
    if (!d.is(NodeKind::Decorator)) continue;
    Node expr = d.namedChild(0);
    Node callee = expr.is(NodeKind::Call) ? expr.field(FieldId::Function) : expr;
    if (facts.qualifiedName(callee) != "dataclasses.dataclass") continue;
    DataclassOptions o;
    o.decorator = d;
    if (!expr.is(NodeKind::Call)) return o;
    Node args = expr.field(FieldId::Arguments);
    if (!args.is(NodeKind::ArgumentList)) {
      o.opaque = true;
      return o;
    }
    for (Node a : args.namedChildren()) {
      if (a.is(NodeKind::Comment)) continue;
      if (!a.is(NodeKind::KeywordArgument)) {
        o.opaque = true;
        continue;
      }
      std::string_view key = facts.text(a.field(FieldId::Name));
      Opt value = literalBool(a.field(FieldId::Value));
      if (key == "init") {
        o.init = value;
      } else if (key == "eq") {
        o.eq = value;
        o.eqArg = a;
      } else if (key == "order") {
        o.order = value;
        o.orderArg = a;
      } else if (key == "unsafe_hash") {
        o.unsafeHash = value;
        o.unsafeHashArg = a;
      } else if (key == "frozen") {
        o.frozen = value;
        o.frozenArg = a;
      } else if (key == "slots") {
        o.slots = value;
        o.slotsArg = a;
      } else if (key == "kw_only") {
        o.kwOnly = value;
      }
    }
    if (o.opaque) {
      for (Opt *opt : {&o.init, &o.eq, &o.order, &o.unsafeHash, &o.frozen, &o.slots, &o.kwOnly})
        if (*opt != Opt::True) *opt = Opt::Unknown;
    }
    return o;
  }
  return std::nullopt;
}

Node fieldCall(const Facts &facts, Node value) {
  if (!value.is(NodeKind::Call)) return {};
  if (facts.qualifiedName(value.field(FieldId::Function)) != "dataclasses.field") return {};
  return value;
}

std::vector<Node> bodyStatements(Node classDef) {
  std::vector<Node> out;
  Node body = classDef.field(FieldId::Body);
  if (!body) return out;
  for (Node s : body.namedChildren()) {
    if (s.is(NodeKind::DecoratedDefinition)) s = s.field(FieldId::Definition);
    if (s) out.push_back(s);
  }
  return out;
}

std::string_view definitionName(const Facts &facts, Node def) {
  Node name = def.field(FieldId::Name);
  return name ? facts.text(name) : std::string_view();
}

namespace {

/// Whether an annotation denotes `qualified` (`X`, `X[...]`, or a string starting with its
/// last component, as dataclasses itself recognizes string annotations).
bool annotationIs(const Facts &facts, Node type, std::string_view qualified) {
  Node e = type.is(NodeKind::Type) ? type.namedChild(0) : type;
  if (e.is(NodeKind::Subscript)) e = e.field(FieldId::Value);
  else if (e.is(NodeKind::GenericType)) e = e.namedChild(0);
  if (e.is(NodeKind::String)) return false; // handled by the caller (unknown)
  return facts.qualifiedName(e) == qualified;
}

/// For a quoted annotation: whether dataclasses could read it as ClassVar, InitVar or KW_ONLY
/// (it matches `[module.]Name` by a regular expression and looks the names up); nullopt for
/// annotations that are not strings.
std::optional<bool> stringAnnotationMaybeSpecial(const Facts &facts, Node type) {
  Node e = type.is(NodeKind::Type) ? type.namedChild(0) : type;
  if (e.is(NodeKind::ConcatenatedString)) return true;
  if (!e.is(NodeKind::String)) return std::nullopt;
  std::string_view t = facts.text(e);
  for (std::string_view special : {"ClassVar", "InitVar", "KW_ONLY"})
    if (t.find(special) != std::string_view::npos) return true;
  return false;
}

/// Whether a block (recursively, through compound statements but not nested scopes) holds an
/// annotated assignment.
bool nestedAnnotation(Node block, int depth) {
  if (depth > kMaxDepth) return true;
  for (Node s : block.namedChildren()) {
    switch (s.kind()) {
    case NodeKind::ClassDefinition:
    case NodeKind::FunctionDefinition:
    case NodeKind::DecoratedDefinition: continue;
    case NodeKind::ExpressionStatement:
      if (depth > 0 && s.namedChild(0).is(NodeKind::Assignment) && s.namedChild(0).field(FieldId::Type))
        return true;
      continue;
    default:
      for (Node c : s.namedChildren())
        if (nestedAnnotation(c, depth + 1)) return true;
    }
  }
  return false;
}

} // namespace

std::optional<std::vector<Field>> ownFields(const Facts &facts, Node classDef, bool kwOnlyDefault) {
  std::vector<Field> out;
  Node body = classDef.field(FieldId::Body);
  if (!body || body.hasError() || nestedAnnotation(body, 0)) return std::nullopt;
  bool kwOnly = kwOnlyDefault;
  for (Node s : body.namedChildren()) {
    if (!s.is(NodeKind::ExpressionStatement)) continue;
    Node a = s.namedChild(0);
    if (!a.is(NodeKind::Assignment)) continue;
    Node left = a.field(FieldId::Left);
    Node type = a.field(FieldId::Type);
    Node value = a.field(FieldId::Right);
    if (!type) {
      if (left.is(NodeKind::Identifier) && fieldCall(facts, value))
        out.push_back(Field{.name = left, .value = value, .unannotatedField = true});
      continue;
    }
    if (!left.is(NodeKind::Identifier)) continue; // `self.x: int` in a class body: not a field
    if (std::optional<bool> special = stringAnnotationMaybeSpecial(facts, type); special && *special)
      return std::nullopt;
    if (annotationIs(facts, type, "typing.ClassVar")) continue;
    if (annotationIs(facts, type, "dataclasses.KW_ONLY")) {
      kwOnly = true;
      continue;
    }
    Field f;
    f.name = left;
    f.annotation = type;
    f.value = value;
    f.kwOnly = kwOnly;
    f.initVar = annotationIs(facts, type, "dataclasses.InitVar");
    f.hasDefault = static_cast<bool>(value);
    f.classAttributeDefault = f.hasDefault;
    if (Node call = fieldCall(facts, value)) {
      Node args = call.field(FieldId::Arguments);
      for (Node arg : args.namedChildren())
        if (!arg.is(NodeKind::KeywordArgument) && !arg.is(NodeKind::Comment)) return std::nullopt;
      f.classAttributeDefault = static_cast<bool>(keywordArgument(facts, call, "default"));
      f.hasDefault = f.classAttributeDefault || keywordArgument(facts, call, "default_factory");
      if (Node k = keywordArgument(facts, call, "kw_only")) {
        Opt v = literalBool(k.field(FieldId::Value));
        if (v == Opt::Unknown) return std::nullopt;
        f.kwOnly = v == Opt::True;
      }
      if (Node k = keywordArgument(facts, call, "init")) {
        Opt v = literalBool(k.field(FieldId::Value));
        if (v == Opt::Unknown) return std::nullopt;
        f.init = v == Opt::True;
      }
    }
    out.push_back(f);
  }
  return out;
}

bool isEnumClass(const Facts &facts, Node classDef, int depth) {
  if (depth > kMaxDepth) return false;
  Node bases = classDef.field(FieldId::Superclasses);
  if (!bases) return false;
  for (Node b : bases.namedChildren()) {
    if (b.is(NodeKind::KeywordArgument)) continue;
    std::string q = facts.qualifiedName(b);
    if (q == "enum.Enum" || q == "enum.IntEnum" || q == "enum.StrEnum" || q == "enum.Flag" ||
        q == "enum.IntFlag" || q == "enum.ReprEnum")
      return true;
    if (Node local = facts.localClass(b); local && !(local == classDef) && isEnumClass(facts, local, depth + 1))
      return true;
  }
  return false;
}

std::string qualifiedClassName(const Facts &facts, Node classDef, const std::vector<Node> &ancestors) {
  std::string out;
  for (Node a : ancestors) {
    if (a.is(NodeKind::ClassDefinition)) out += std::string(definitionName(facts, a)) + ".";
    else if (a.is(NodeKind::FunctionDefinition)) out += std::string(definitionName(facts, a)) + ".<locals>.";
  }
  return out + std::string(definitionName(facts, classDef));
}

} // namespace typhon::dc

namespace typhon::dc {

std::optional<std::vector<Field>> hierarchyFields(const Facts &facts, Node classDef, int depth) {
  if (depth > kMaxDepth) return std::nullopt;
  std::vector<Field> fields;
  Node bases = classDef.field(FieldId::Superclasses);
  int baseCount = 0;
  if (bases) {
    for (Node b : bases.namedChildren()) {
      if (b.is(NodeKind::Comment)) continue;
      if (b.is(NodeKind::KeywordArgument) && facts.text(b.field(FieldId::Name)) == "metaclass") return std::nullopt;
      if (b.is(NodeKind::KeywordArgument)) continue;
      if (facts.qualifiedName(b) == "builtins.object") continue;
      Node local = facts.localClass(b);
      if (!local || local == classDef || ++baseCount > 1) return std::nullopt;
      std::optional<std::vector<Field>> inherited = hierarchyFields(facts, local, depth + 1);
      if (!inherited) return std::nullopt;
      fields = std::move(*inherited);
    }
  }
  std::optional<DataclassOptions> options = dataclassOptions(facts, classDef);
  if (!options) {
    // A plain class passes its base's __dataclass_fields__ on; class attributes it binds would
    // become defaults of fields redeclared below it (not followed: unknown).
    for (Node s : bodyStatements(classDef)) {
      if (!s.is(NodeKind::ExpressionStatement) || !s.namedChild(0).is(NodeKind::Assignment)) {
        if (s.is(NodeKind::ExpressionStatement) || s.is(NodeKind::PassStatement)) continue;
        return std::nullopt;
      }
      if (s.namedChild(0).field(FieldId::Right)) return std::nullopt;
    }
    return fields;
  }
  if (options->kwOnly == Opt::Unknown) return std::nullopt;
  std::optional<std::vector<Field>> own = ownFields(facts, classDef, options->kwOnly == Opt::True);
  if (!own) return std::nullopt;
  for (const Field &f : *own) {
    if (f.unannotatedField) continue;
    auto same = std::find_if(fields.begin(), fields.end(),
                             [&](const Field &g) { return facts.text(g.name) == facts.text(f.name); });
    if (same != fields.end()) {
      // Redeclared without a value: `getattr(cls, name)` finds the base's class attribute,
      // which becomes the default.
      bool inheritedDefault = !f.value && same->classAttributeDefault;
      *same = f;
      if (inheritedDefault) same->hasDefault = same->classAttributeDefault = true;
    } else {
      fields.push_back(f);
    }
  }
  return fields;
}

Node findMethod(const Facts &facts, Node classDef, std::string_view name) {
  Node found;
  for (Node s : bodyStatements(classDef))
    if (s.is(NodeKind::FunctionDefinition) && definitionName(facts, s) == name) found = s;
  return found;
}

std::string fieldSpelling(const Facts &facts, Node classDef) {
  const SemanticModel &model = facts.model();
  Node body = classDef.field(FieldId::Body);
  ScopeId classScope = body ? model.scopeAt(body.startByte()) : kNoId;
  auto visible = [&](std::string_view name) {
    if (classScope != kNoId && model.scope(classScope).kind == ScopeKind::Class &&
        model.lookupLocal(classScope, name) != kNoId)
      return false;
    SymbolId sym = model.lookupLocal(0, name);
    if (sym == kNoId) return false;
    const Symbol &s = model.symbol(sym);
    return !s.bindings.empty() && !(s.flags & kSymbolExternalWrites);
  };
  auto allBindings = [&](std::string_view name, std::string_view qualified) {
    const Symbol &s = model.symbol(model.lookupLocal(0, name));
    for (BindingId b : s.bindings) {
      const Binding &binding = model.binding(b);
      if (binding.scope != 0 || importedName(facts, binding) != qualified ||
          (binding.flags & (kBindingTypeCheckingOnly | kBindingImportGuarded)) ||
          binding.nameStart > classDef.startByte())
        return false;
    }
    return true;
  };
  if (visible("field") && allBindings("field", "dataclasses.field")) return "field";
  for (const Symbol &s : model.symbols()) {
    if (s.scope != 0 || s.bindings.empty()) continue;
    const Binding &first = model.binding(s.bindings.front());
    if (first.kind != BindingKind::Import || (first.flags & kBindingDottedImport)) continue;
    if (visible(s.name) && allBindings(s.name, "dataclasses")) return std::string(s.name) + ".field";
  }
  return {};
}

std::string pyRepr(std::string_view s) {
  bool single = s.find('\'') != std::string_view::npos && s.find('"') == std::string_view::npos;
  char q = single ? '"' : '\'';
  std::string out(1, q);
  for (char c : s) {
    if (c == '\\' || c == q) out += '\\';
    out += c;
  }
  return out + q;
}

} // namespace typhon::dc
