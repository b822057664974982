// dataclass-post-init-mismatch: the generated `__init__` calls `self.__post_init__(...)` with the
// InitVar fields (inherited ones first) as positional arguments. A `__post_init__` that cannot take
// exactly those raises TypeError on every construction; one whose parameters name the InitVars in
// another order receives the values crossed.
#include "checkers/dataclasses/DataclassPostInitMismatch.h"

#include "checkers/dataclasses/ClassFacts.h"
#include "checkers/names/NamesSupport.h"

#include <algorithm>

namespace typhon {

namespace {

struct Signature {
  std::vector<std::string_view> positional; // after self
  std::size_t required = 0;                 // positional without default
  std::vector<std::string_view> requiredKeywordOnly;
  bool varargs = false;
  bool valid = true;
};

Node paramName(Node p) {
  if (p.is(NodeKind::Identifier)) return p;
  if (p.is(NodeKind::TypedParameter)) return p.namedChild(0).is(NodeKind::Identifier) ? p.namedChild(0) : Node();
  return p.field(FieldId::Name);
}

Signature signatureOf(const dc::Facts &facts, Node def) {
  Signature sig;
  Node params = def.field(FieldId::Parameters);
  if (!params) return sig.valid = false, sig;
  bool first = true, keywordOnly = false;
  for (Node p : params.namedChildren()) {
    if (p.is(NodeKind::Comment) || p.is(NodeKind::PositionalSeparator)) continue;
    if (p.is(NodeKind::KeywordSeparator)) {
      keywordOnly = true;
      continue;
    }
    Node inner = p.is(NodeKind::TypedParameter) ? p.namedChild(0) : p;
    if (inner.is(NodeKind::ListSplatPattern)) {
      sig.varargs = true;
      keywordOnly = true;
      continue;
    }
    if (inner.is(NodeKind::DictionarySplatPattern)) continue;
    bool hasDefault = p.is(NodeKind::DefaultParameter) || p.is(NodeKind::TypedDefaultParameter);
    Node name = paramName(p);
    if (!name) return sig.valid = false, sig;
    if (first) {
      first = false; // self
      continue;
    }
    if (keywordOnly) {
      if (!hasDefault) sig.requiredKeywordOnly.push_back(facts.text(name));
      continue;
    }
    sig.positional.push_back(facts.text(name));
    if (!hasDefault) {
      if (sig.required != sig.positional.size() - 1) return sig.valid = false, sig; // malformed
      ++sig.required;
    }
  }
  if (first) sig.valid = false; // no self
  return sig;
}

std::string nameList(const std::vector<std::string_view> &names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += names.size() == 2 ? " and " : (i + 1 == names.size() ? ", and " : ", ");
    out += dc::pyRepr(names[i]);
  }
  return out;
}

std::string plural(std::size_t n, std::string_view word) {
  return std::to_string(n) + " " + std::string(word) + (n == 1 ? "" : "s");
}

/// The `__post_init__` the class gets: its own, else its bases' (single inheritance in this
/// module); `known` turns false when a base is not a class of this module.
Node findPostInit(const dc::Facts &facts, Node classDef, bool &known) {
  for (int depth = 0; classDef && depth < 32; ++depth) {
    if (Node def = dc::findMethod(facts, classDef, "__post_init__")) return def;
    Node bases = classDef.field(FieldId::Superclasses);
    Node next;
    if (bases) {
      for (Node b : bases.namedChildren()) {
        if (b.is(NodeKind::Comment) || b.is(NodeKind::KeywordArgument)) continue;
        if (facts.qualifiedName(b) == "builtins.object") continue;
        Node local = facts.localClass(b);
        if (!local || next) return known = false, Node();
        next = local;
      }
    }
    classDef = next;
  }
  if (classDef) known = false;
  return {};
}

} // namespace

std::vector<NodeKind> DataclassPostInitMismatchCheck::kinds() const { return {NodeKind::ClassDefinition}; }

void DataclassPostInitMismatchCheck::visit(Node node, CheckContext &ctx) const {
  const sema::SemanticModel *model = names::modelFor(ctx);
  if (!model) return;
  dc::Facts facts(ctx, *model);
  std::optional<dc::DataclassOptions> o = dc::dataclassOptions(facts, node);
  if (!o || o->init != dc::Opt::True) return;
  bool known = true;
  Node def = findPostInit(facts, node, known);
  if (!known || !def || def.parent().is(NodeKind::DecoratedDefinition)) return;
  std::optional<std::vector<dc::Field>> fields = dc::hierarchyFields(facts, node);
  if (!fields) return;
  std::vector<std::string_view> initVars;
  for (const dc::Field &f : *fields)
    if (f.initVar) initVars.push_back(facts.text(f.name));
  Signature sig = signatureOf(facts, def);
  if (!sig.valid) return;
  // The qualified name CPython prints: the class that defines __post_init__.
  Node owner = def.parent().parent(); // block > class_definition
  std::vector<Node> ownerAncestors;
  for (Node a = owner.parent(); a; a = a.parent())
    if (a.is(NodeKind::ClassDefinition) || a.is(NodeKind::FunctionDefinition)) ownerAncestors.insert(ownerAncestors.begin(), a);
  std::string qualname = dc::qualifiedClassName(facts, owner, ownerAncestors) + ".__post_init__()";
  bool own = owner == node;
  Node at = own ? def.field(FieldId::Name) : node.field(FieldId::Name);
  std::string prefix = "constructing `" + std::string(dc::definitionName(facts, node)) +
                       "` raises `TypeError`: `__init__` passes the InitVar fields to `__post_init__`: ";
  std::size_t n = initVars.size();
  if (!sig.varargs && n > sig.positional.size()) {
    std::string takes = sig.required == sig.positional.size()
                            ? plural(sig.positional.size() + 1, "positional argument")
                            : "from " + std::to_string(sig.required + 1) + " to " +
                                  plural(sig.positional.size() + 1, "positional argument");
    ctx.report(*this, at,
               prefix + qualname + " takes " + takes + " but " + std::to_string(n + 1) +
                   (n + 1 == 1 ? " was" : " were") + " given");
    return;
  }
  if (n < sig.required) {
    std::vector<std::string_view> missing(sig.positional.begin() + static_cast<std::ptrdiff_t>(n),
                                          sig.positional.begin() + static_cast<std::ptrdiff_t>(sig.required));
    ctx.report(*this, at,
               prefix + qualname + " missing " + plural(missing.size(), "required positional argument") + ": " +
                   nameList(missing));
    return;
  }
  if (!sig.requiredKeywordOnly.empty()) {
    ctx.report(*this, at,
               prefix + qualname + " missing " +
                   plural(sig.requiredKeywordOnly.size(), "required keyword-only argument") + ": " +
                   nameList(sig.requiredKeywordOnly));
    return;
  }
  // Same names, other order: the values arrive crossed.
  if (n >= 2 && n <= sig.positional.size()) {
    std::vector<std::string_view> params(sig.positional.begin(), sig.positional.begin() + static_cast<std::ptrdiff_t>(n));
    std::vector<std::string_view> a = params, b = initVars;
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    if (a == b && params != initVars) {
      auto join = [](const std::vector<std::string_view> &v) {
        std::string s;
        for (std::string_view x : v) s += (s.empty() ? "" : ", ") + std::string(x);
        return s;
      };
      ctx.report(*this, at,
                 "`__post_init__` parameters (" + join(params) + ") are not in the order of the InitVar fields (" +
                     join(initVars) + "): `__init__` passes the values positionally, in field order");
    }
  }
}

} // namespace typhon
