// Resolve: following the binder's bindings through assignments of names, imports (absolute and
// relative), re-exports, star imports and submodules, across modules, to what a name denotes.
// Anything not certain — several reaching definitions, a call, an unknown module — is Unknown.
#include "semantic/classes/Resolve.h"

#include "semantic/Binder.h"
#include "semantic/ModuleGraph.h"

#include <algorithm>

namespace typhon::sema::classes {

using detail::Value;

namespace detail {

namespace {

bool usableBinding(const Binding &b, bool stub) {
  if (b.flags & kBindingUnreachable) return false;
  if (!stub && (b.flags & kBindingTypeCheckingOnly)) return false;
  return b.kind != BindingKind::Annotation;
}

Value moduleValue(const Module *m, std::string_view name) {
  if (!m) return Value::unknown("module `" + std::string(name) + "` cannot be found");
  Value v;
  v.kind = Value::Kind::Module;
  v.module = m;
  return v;
}

/// The text of the module spec and imported member of a from-import binding.
Value fromImport(const ModuleClasses &mc, const Binding &b, int depth) {
  Node item = b.node;
  Node stmt = item.parent();
  std::string_view text = mc.parsed().text();
  if (!stmt.is(NodeKind::ImportFromStatement)) return Value::unknown("unsupported import");
  std::string spec(stmt.field(FieldId::ModuleName).text(text));
  Node nameNode = item.is(NodeKind::AliasedImport) ? item.field(FieldId::Name) : item;
  std::string member(nameNode.text(text));
  std::string absolute = ModuleGraph::absoluteName(mc.moduleName(), mc.isPackage(), spec);
  if (absolute.empty()) return Value::unknown("relative import `" + spec + "` cannot be resolved");
  ClassModel &model = mc.owner();
  const Module *m = model.graph().module(absolute);
  if (!m) return Value::unknown("module `" + absolute + "` cannot be found");
  return memberOfModule(model, *m, member, depth + 1);
}

Value importValue(const ModuleClasses &mc, const Binding &b) {
  std::string_view text = mc.parsed().text();
  ModuleGraph &graph = mc.owner().graph();
  if (b.node.is(NodeKind::AliasedImport)) {
    std::string name(b.node.field(FieldId::Name).text(text));
    return moduleValue(graph.module(name), name);
  }
  // `import a.b.c` binds `a` (and loads the submodules).
  std::string full(b.node.text(text));
  std::string first = full.substr(0, full.find('.'));
  if (first != full && !graph.module(full)) return Value::unknown("module `" + full + "` cannot be found");
  return moduleValue(graph.module(first), first);
}

} // namespace

bool untrustedStubModule(std::string_view name) {
  return name == "typing" || name == "typing_extensions" || name == "_collections_abc" || name == "collections.abc" ||
         name == "_typeshed" || name.starts_with("_typeshed.");
}

Value valueOfBinding(const ModuleClasses &mc, BindingId id, int depth) {
  if (depth > kMaxDepth) return Value::unknown("the chain of definitions is too long");
  const SemanticModel &sem = mc.semantic();
  const Binding &b = sem.binding(id);
  bool stub = sem.isStub();
  if (!usableBinding(b, stub)) return Value::unknown("`" + std::string(b.name) + "` is not bound at run time");
  switch (b.kind) {
  case BindingKind::ClassDef: {
    ClassRef c = mc.classAt(b.node.startByte());
    if (!c) return Value::unknown("class `" + std::string(b.name) + "` not collected");
    // A decorator may replace the class; only those known to return it are followed.
    for (const DecoratorInfo &d : c.info().decorators) {
      if (stub) break;
      Value callee = d.callee.isNull() ? Value::unknown("") : resolveExpression(mc, d.callee, depth + 1);
      std::string_view n = callee.kind == Value::Kind::Named ? std::string_view(callee.name) : std::string_view();
      bool keeps = n == "typing.final" || n == "typing_extensions.final" || n == "functools.total_ordering" ||
                   n == "enum.unique" || n == "typing.runtime_checkable" || n == "typing_extensions.runtime_checkable" ||
                   n == "typing.type_check_only" || n == "enum.verify" || n == "abc.abstractmethod";
      if (n == "dataclasses.dataclass") {
        // dataclass(slots=True) returns a new class; otherwise the same one.
        keeps = true;
        if (d.isCall)
          for (Node a : d.node.namedChild(0).field(FieldId::Arguments).namedChildren())
            if (a.is(NodeKind::KeywordArgument) && a.field(FieldId::Name).text(mc.parsed().text()) == "slots" &&
                a.field(FieldId::Value).text(mc.parsed().text()) != "False")
              keeps = false;
      }
      // A stub declares what the name denotes at run time, decorated or not.
      if (stub) keeps = true;
      if (!keeps)
        return Value::unknown("class `" + std::string(b.name) + "` has a decorator that may replace it");
    }
    Value v;
    v.kind = Value::Kind::Class;
    v.cls = c;
    return v;
  }
  case BindingKind::Import: return importValue(mc, b);
  case BindingKind::FromImport: return fromImport(mc, b, depth);
  case BindingKind::Assignment:
  case BindingKind::AnnotatedAssignment: {
    if (b.flags & kBindingUnpacking) return Value::unknown("`" + std::string(b.name) + "` is unpacked");
    Node a = b.node;
    if (!a.is(NodeKind::Assignment)) return Value::unknown("unsupported assignment");
    Node left = a.field(FieldId::Left);
    Node right = a.field(FieldId::Right);
    if (!left.is(NodeKind::Identifier) || right.isNull()) return Value::unknown("unsupported assignment");
    // `a = b = C` puts another assignment on the right.
    while (right.is(NodeKind::Assignment)) right = right.field(FieldId::Right);
    if (right.isNull()) return Value::unknown("unsupported assignment");
    return resolveExpression(mc, right, depth + 1);
  }
  case BindingKind::FunctionDef: {
    if (b.scope != 0) return Value::unknown("a local function");
    Value v;
    v.kind = Value::Kind::Named;
    v.name = mc.moduleName() + "." + std::string(b.name);
    return v;
  }
  default: return Value::unknown("`" + std::string(b.name) + "` is not bound to a class");
  }
}

Value resolveExpression(const ModuleClasses &mc, Node expr, int depth) {
  if (depth > kMaxDepth) return Value::unknown("the chain of definitions is too long");
  std::string_view text = mc.parsed().text();
  const SemanticModel &sem = mc.semantic();
  if (expr.is(NodeKind::ParenthesizedExpression) && expr.namedChildCount() == 1)
    return resolveExpression(mc, expr.namedChild(0), depth + 1);
  if (expr.is(NodeKind::Identifier)) {
    std::string name(expr.text(text));
    const Reference *ref = sem.referenceAt(expr.startByte());
    if (!ref) return Value::unknown("`" + name + "` is not resolved");
    switch (ref->resolution) {
    case Resolution::Builtin: {
      const Module *builtins = mc.owner().graph().module("builtins");
      if (!builtins) return Value::unknown("builtins cannot be loaded");
      if (mc.fromTypeshed() && mc.moduleName() == "builtins") return Value::unknown("`" + name + "` is not defined");
      return memberOfModule(mc.owner(), *builtins, name, depth + 1);
    }
    case Resolution::Local:
    case Resolution::Enclosing:
    case Resolution::Global: break;
    default: return Value::unknown("`" + name + "` is not resolved");
    }
    std::vector<BindingId> candidates;
    for (BindingId b : sem.reaching(*ref))
      if (usableBinding(sem.binding(b), sem.isStub())) candidates.push_back(b);
    if (candidates.empty() && ref->symbol != kNoId)
      for (BindingId b : sem.symbol(ref->symbol).bindings)
        if (usableBinding(sem.binding(b), sem.isStub())) candidates.push_back(b);
    if (candidates.size() != 1)
      return Value::unknown(candidates.empty() ? "`" + name + "` has no definition"
                                               : "several definitions of `" + name + "` may reach here");
    if (ref->boundness == Boundness::PossiblyUnbound || ref->boundness == Boundness::Unbound)
      return Value::unknown("`" + name + "` may be unbound here");
    return valueOfBinding(mc, candidates.front(), depth + 1);
  }
  if (expr.is(NodeKind::Attribute)) {
    Value object = resolveExpression(mc, expr.field(FieldId::Object), depth + 1);
    std::string attr(expr.field(FieldId::Attribute).text(text));
    if (object.kind == Value::Kind::Module) return memberOfModule(mc.owner(), *object.module, attr, depth + 1);
    if (object.kind == Value::Kind::Class) {
      // A class defined in the body of another (`Outer.Inner`).
      const ClassInfo &outer = object.cls.info();
      const SemanticModel &osem = object.cls.module->semantic();
      SymbolId s = outer.bodyScope == kNoId ? kNoId : osem.lookupLocal(outer.bodyScope, attr);
      if (s == kNoId) return Value::unknown("`" + std::string(expr.text(text)) + "` is not a nested class");
      std::vector<BindingId> bs;
      for (BindingId b : osem.symbol(s).bindings)
        if (usableBinding(osem.binding(b), osem.isStub())) bs.push_back(b);
      if (bs.size() != 1) return Value::unknown("several definitions of `" + std::string(expr.text(text)) + "`");
      return valueOfBinding(*object.cls.module, bs.front(), depth + 1);
    }
    if (object.kind == Value::Kind::Named) return Value::unknown("`" + std::string(expr.text(text)) + "` is not a class");
    return object;
  }
  return Value::unknown("`" + std::string(expr.text(text)) + "` is not a name");
}

Value memberOfModule(ClassModel &model, const Module &module, std::string_view name, int depth) {
  if (depth > kMaxDepth) return Value::unknown("the chain of imports is too long");
  if (module.name == "typing" || module.name == "typing_extensions") {
    if (name == "Generic" || (name == "Protocol" && module.name == "typing")) {
      Value v;
      v.kind = Value::Kind::Class;
      v.cls = typingShim(model, name);
      return v;
    }
  }
  ModuleGraph &graph = model.graph();
  auto submodule = [&]() -> Value {
    if (!module.isPackage) return Value::unknown("`" + module.name + "." + std::string(name) + "` is not defined");
    std::string full = module.name + "." + std::string(name);
    return moduleValue(graph.module(full), full);
  };
  if (!module.model) return submodule();
  const SemanticModel &sem = *module.model;
  SymbolId s = sem.lookupLocal(0, name);
  if (s != kNoId) {
    std::vector<BindingId> bs;
    bool functions = true;
    for (BindingId b : sem.symbol(s).bindings) {
      const Binding &bb = sem.binding(b);
      if (!usableBinding(bb, sem.isStub())) continue;
      if (bb.flags & kBindingExternal) return Value::unknown("`" + std::string(name) + "` is rebound by a function");
      if (bb.kind != BindingKind::FunctionDef) functions = false;
      bs.push_back(b);
    }
    const ModuleClasses *mc = model.classesOf(module);
    if (!mc) return Value::unknown("module `" + module.name + "` has no class model");
    if (!bs.empty() && functions) return valueOfBinding(*mc, bs.back(), depth + 1);
    if (bs.size() == 1) return valueOfBinding(*mc, bs.front(), depth + 1);
    if (bs.size() > 1) return Value::unknown("`" + module.name + "." + std::string(name) + "` is defined several times");
  }
  // Star imports at module level.
  std::string_view text = module.parsed->text();
  for (Node stmt : module.parsed->root().namedChildren()) {
    if (!stmt.is(NodeKind::ImportFromStatement)) continue;
    bool star = false;
    for (Node c : stmt.namedChildren())
      if (c.is(NodeKind::WildcardImport)) star = true;
    if (!star) continue;
    if (name.starts_with("_")) continue;
    std::string absolute = ModuleGraph::absoluteName(module.name, module.isPackage,
                                                     stmt.field(FieldId::ModuleName).text(text));
    const Module *m = absolute.empty() ? nullptr : graph.module(absolute);
    if (!m) return Value::unknown("`" + module.name + "` star-imports an unknown module");
    Value v = memberOfModule(model, *m, name, depth + 1);
    if (v.kind != Value::Kind::Unknown) return v;
  }
  if (s != kNoId) return Value::unknown("`" + module.name + "." + std::string(name) + "` is not bound at run time");
  return submodule();
}

bool isTypingShim(ClassRef cls) { return cls && &cls.module->owner().runtimeTyping() == cls.module; }

ClassRef typingShim(ClassModel &model, std::string_view name) {
  return model.runtimeTyping().byQualname(name);
}

} // namespace detail

ClassRef classOfExpression(const ModuleClasses &mc, Node expr) {
  detail::Value v = detail::resolveExpression(mc, expr);
  return v.kind == detail::Value::Kind::Class ? v.cls : ClassRef{};
}

} // namespace typhon::sema::classes
