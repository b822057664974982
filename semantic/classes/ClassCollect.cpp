// ClassCollect: the class statements of a module as written (names, bases, keywords,
// decorators, __slots__), without resolving anything — building a ModuleClasses never loads
// another module, so it cannot cycle.
#include "semantic/classes/ClassModel.h"

#include "parser/Tree.h"
#include "semantic/ModuleGraph.h"

#include <algorithm>

namespace typhon::sema::classes {

namespace {

/// The value of a plain string literal (no prefix other than r/u, no escapes, no interpolation).
std::optional<std::string> literalString(Node n, std::string_view text) {
  if (!n.is(NodeKind::String)) return std::nullopt;
  std::string out;
  for (Node c : n.namedChildren()) {
    if (c.is(NodeKind::StringStart)) {
      std::string_view s = c.text(text);
      for (char ch : s)
        if (ch == 'f' || ch == 'F' || ch == 'b' || ch == 'B' || ch == 't' || ch == 'T') return std::nullopt;
      continue;
    }
    if (c.is(NodeKind::StringEnd)) continue;
    if (c.is(NodeKind::StringContent)) {
      if (c.namedChildCount() != 0) return std::nullopt; // escape sequences
      out += c.text(text);
      continue;
    }
    return std::nullopt;
  }
  return out;
}

/// `__slots__` of a class body: Literal with the names, or Dynamic.
void readSlots(ClassInfo &info, Node body, std::string_view text) {
  if (body.isNull()) return;
  for (Node stmt : body.namedChildren()) {
    if (!stmt.is(NodeKind::ExpressionStatement) || stmt.namedChildCount() != 1) continue;
    Node a = stmt.namedChild(0);
    if (!a.is(NodeKind::Assignment)) continue;
    Node left = a.field(FieldId::Left);
    if (!left.is(NodeKind::Identifier) || left.text(text) != "__slots__") continue;
    Node right = a.field(FieldId::Right);
    if (info.slotsState != ClassInfo::SlotsState::Absent || right.isNull()) {
      // Assigned twice (or annotated only): not a literal we can trust.
      info.slotsState = ClassInfo::SlotsState::Dynamic;
      info.slots.reset();
      continue;
    }
    std::vector<std::string> names;
    bool ok = true;
    if (auto s = literalString(right, text)) {
      names.push_back(*s);
    } else if (right.is(NodeKind::Tuple) || right.is(NodeKind::List) || right.is(NodeKind::ParenthesizedExpression)) {
      Node inner = right;
      if (right.is(NodeKind::ParenthesizedExpression)) {
        inner = right.namedChild(0);
        if (auto s = literalString(inner, text)) names.push_back(*s);
        else ok = false;
      } else {
        for (Node e : inner.namedChildren()) {
          if (e.is(NodeKind::Comment)) continue;
          auto s = literalString(e, text);
          if (!s) {
            ok = false;
            break;
          }
          names.push_back(*s);
        }
      }
    } else {
      ok = false;
    }
    if (ok) {
      info.slotsState = ClassInfo::SlotsState::Literal;
      info.slots = std::move(names);
    } else {
      info.slotsState = ClassInfo::SlotsState::Dynamic;
    }
  }
}

bool finalDecorator(Node callee, std::string_view text) {
  std::string_view t = callee.text(text);
  return t == "final" || t == "typing.final" || t == "typing_extensions.final";
}

} // namespace

bool ClassInfo::definesMember(const SemanticModel &model, std::string_view member) const {
  if (bodyScope == kNoId) return false;
  SymbolId s = model.lookupLocal(bodyScope, member);
  if (s == kNoId) return false;
  const Symbol &sym = model.symbol(s);
  return std::any_of(sym.bindings.begin(), sym.bindings.end(),
                     [&](BindingId b) { return model.binding(b).kind != BindingKind::Annotation; });
}

class ClassCollector {
public:
  ClassCollector(ModuleClasses &out) : out_(out), text_(out.parsed().text()) {}

  void run() {
    Node root = out_.parsed().root();
    if (root.isNull()) return;
    // Iterative pre-order walk (deeply nested code must not exhaust the stack).
    std::vector<Node> stack{root};
    while (!stack.empty()) {
      Node n = stack.back();
      stack.pop_back();
      if (n.is(NodeKind::ClassDefinition)) collect(n);
      std::vector<Node> kids = n.namedChildren();
      for (auto it = kids.rbegin(); it != kids.rend(); ++it) stack.push_back(*it);
    }
  }

private:
  std::string qualname(Node def, std::string_view name, bool &inFunction) {
    std::vector<std::string> parts{std::string(name)};
    inFunction = false;
    bool sawFunction = false;
    for (Node p = def.parent(); !p.isNull(); p = p.parent()) {
      if (p.is(NodeKind::FunctionDefinition)) {
        if (!sawFunction) inFunction = true;
        sawFunction = true;
        Node n = p.field(FieldId::Name);
        parts.push_back(std::string(n.text(text_)) + ".<locals>");
      } else if (p.is(NodeKind::ClassDefinition)) {
        Node n = p.field(FieldId::Name);
        parts.push_back(std::string(n.text(text_)));
      }
    }
    std::string out;
    for (auto it = parts.rbegin(); it != parts.rend(); ++it) {
      if (!out.empty()) out += '.';
      out += *it;
    }
    return out;
  }

  void collect(Node def) {
    Node nameNode = def.field(FieldId::Name);
    if (!nameNode.is(NodeKind::Identifier)) return;
    const SemanticModel &model = out_.semantic();
    ClassInfo info;
    info.name = std::string(nameNode.text(text_));
    info.qualname = qualname(def, info.name, info.inFunction);
    info.node = def;
    info.nameNode = nameNode;
    info.arguments = def.field(FieldId::Superclasses);
    info.hasTypeParameters = !def.field(FieldId::TypeParameters).isNull();
    Node body = def.field(FieldId::Body);
    if (!body.isNull()) {
      for (ScopeId s = model.scopeAt(body.startByte()); s != kNoId; s = model.scope(s).parent) {
        if (model.scope(s).kind == ScopeKind::Class && model.scope(s).node == def) {
          info.bodyScope = s;
          info.definingScope = model.scope(s).parent;
          if (info.definingScope != kNoId && model.scope(info.definingScope).kind == ScopeKind::TypeParameters)
            info.definingScope = model.scope(info.definingScope).parent;
          break;
        }
      }
    }
    if (const Binding *b = model.bindingAt(nameNode.startByte()); b && b->kind == BindingKind::ClassDef)
      info.binding = static_cast<BindingId>(b - model.bindings().data());
    if (!info.arguments.isNull()) {
      if (!info.arguments.is(NodeKind::ArgumentList)) {
        info.hasStarArguments = true; // `class C(x for x in y)`
      } else {
        for (Node a : info.arguments.namedChildren()) {
          if (a.is(NodeKind::Comment)) continue;
          if (a.is(NodeKind::KeywordArgument)) {
            Node key = a.field(FieldId::Name);
            ClassKeyword kw{key.text(text_), a.field(FieldId::Value)};
            if (kw.name == "metaclass") info.metaclassExpr = kw.value;
            info.keywords.push_back(kw);
          } else if (a.is(NodeKind::ListSplat) || a.is(NodeKind::DictionarySplat) || a.isError()) {
            info.hasStarArguments = true;
          } else {
            BaseExpr b;
            b.node = a;
            b.text = a.text(text_);
            info.bases.push_back(std::move(b));
          }
        }
      }
    }
    Node parent = def.parent();
    if (parent.is(NodeKind::DecoratedDefinition)) {
      for (Node d : parent.namedChildren()) {
        if (!d.is(NodeKind::Decorator)) continue;
        Node e = d.namedChildCount() ? d.namedChild(0) : Node();
        DecoratorInfo di;
        di.node = d;
        di.isCall = e.is(NodeKind::Call);
        di.callee = di.isCall ? e.field(FieldId::Function) : e;
        if (!di.callee.isNull() && finalDecorator(di.callee, text_)) info.isFinal = true;
        info.decorators.push_back(di);
      }
    }
    readSlots(info, body, text_);
    auto index = static_cast<std::uint32_t>(out_.classes_.size());
    out_.byStart_[def.startByte()] = index;
    out_.classes_.push_back(std::move(info));
  }

  ModuleClasses &out_;
  std::string_view text_;
};

ModuleClasses::ModuleClasses(ClassModel &owner, const ParsedModule &parsed, const SemanticModel &semantic,
                             std::string moduleName, bool isPackage, bool fromTypeshed)
    : owner_(owner), parsed_(parsed), semantic_(semantic), moduleName_(std::move(moduleName)), isPackage_(isPackage),
      fromTypeshed_(fromTypeshed) {
  ClassCollector(*this).run();
  facts_.resize(classes_.size());
}

ModuleClasses::~ModuleClasses() = default;

ClassRef ModuleClasses::classAt(std::uint32_t startByte) const {
  auto it = byStart_.find(startByte);
  return it == byStart_.end() ? ClassRef{} : ClassRef{this, it->second};
}

ClassRef ModuleClasses::byQualname(std::string_view qualname) const {
  ClassRef found;
  for (std::uint32_t i = 0; i < classes_.size(); ++i)
    if (classes_[i].qualname == qualname) found = {this, i};
  return found;
}

const ClassInfo &ClassRef::info() const { return module->classes()[index]; }
const ClassFacts &ClassRef::facts() const { return module->facts(index); }
std::string ClassRef::fullName() const {
  if (!module) return "";
  return module->moduleName().empty() ? info().qualname : module->moduleName() + "." + info().qualname;
}

std::vector<std::string> mroNames(const ClassFacts &facts) {
  std::vector<std::string> out;
  for (const ClassRef &c : facts.mro) {
    // typeshed declares the enum metaclass as `EnumMeta` (with `EnumType = EnumMeta` from 3.11);
    // at run time, from 3.11, the class is named EnumType and EnumMeta is the alias.
    if (c.module->fromTypeshed() && c.module->moduleName() == "enum" && c.info().qualname == "EnumMeta" &&
        c.module->owner().graph().pythonMinor() >= 11) {
      out.push_back("EnumType");
      continue;
    }
    out.push_back(c.info().name);
  }
  return out;
}

} // namespace typhon::sema::classes
