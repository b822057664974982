// invalid-dataclass-definition: the combinations `dataclasses` rejects when the decorator runs,
// each reported with the exception CPython raises: a `field()` without annotation, both `default`
// and `default_factory`, generated methods that would overwrite explicit ones, `order` without
// `eq`, `slots=True` with `__slots__`, frozen/non-frozen inheritance (bases of this module only)
// and `@dataclass` on a NamedTuple (its instances cannot be created).
#include "checkers/dataclasses/InvalidDataclassDefinition.h"

#include "checkers/dataclasses/ClassFacts.h"
#include "checkers/names/NamesSupport.h"

#include <algorithm>

namespace typhon {

namespace {

using dc::Opt;

/// The frozen flags of the dataclasses among a class's ancestors (this module only): nullopt when
/// some base is not a class of this module.
bool collectFrozen(const dc::Facts &facts, Node classDef, int depth, std::vector<Opt> &out) {
  if (depth > 32) return false;
  Node bases = classDef.field(FieldId::Superclasses);
  if (!bases) return true;
  for (Node b : bases.namedChildren()) {
    if (b.is(NodeKind::Comment) || b.is(NodeKind::KeywordArgument)) continue;
    if (facts.qualifiedName(b) == "builtins.object") continue;
    Node local = facts.localClass(b);
    if (!local || local == classDef) return false;
    if (std::optional<dc::DataclassOptions> o = dc::dataclassOptions(facts, local)) out.push_back(o->frozen);
    if (!collectFrozen(facts, local, depth + 1, out)) return false;
  }
  return true;
}

bool hasNamedTupleBase(const dc::Facts &facts, Node classDef) {
  Node bases = classDef.field(FieldId::Superclasses);
  if (!bases) return false;
  for (Node b : bases.namedChildren())
    if (!b.is(NodeKind::KeywordArgument) && facts.qualifiedName(b) == "typing.NamedTuple") return true;
  return false;
}

} // namespace

std::vector<NodeKind> InvalidDataclassDefinitionCheck::kinds() const { return {NodeKind::ClassDefinition}; }

void InvalidDataclassDefinitionCheck::visit(Node node, CheckContext &ctx) const {
  const sema::SemanticModel *model = names::modelFor(ctx);
  if (!model) return;
  dc::Facts facts(ctx, *model);
  std::optional<dc::DataclassOptions> o = dc::dataclassOptions(facts, node);
  if (!o) return;
  std::string cls(dc::definitionName(facts, node));
  auto raises = [&](Node at, std::string_view exception, const std::string &message) {
    ctx.report(*this, at, "`@dataclass` raises `" + std::string(exception) + "` at class creation: " + message);
  };

  if (o->order == Opt::True && o->eq == Opt::False) raises(o->orderArg, "ValueError", "eq must be true if order is true");

  // Fields: `x = field()` without annotation; `field(default=..., default_factory=...)`.
  if (std::optional<std::vector<dc::Field>> fields = dc::ownFields(facts, node, false)) {
    for (const dc::Field &f : *fields) {
      if (f.unannotatedField) {
        raises(f.name, "TypeError", dc::pyRepr(facts.text(f.name)) + " is a field but has no type annotation");
        continue;
      }
      Node call = dc::fieldCall(facts, f.value);
      if (call && dc::keywordArgument(facts, call, "default") && dc::keywordArgument(facts, call, "default_factory"))
        ctx.report(*this, call, "`field()` raises `ValueError`: cannot specify both default and default_factory");
    }
  }

  // Generated methods that must not overwrite explicit ones.
  const bool py313 = ctx.facts().pythonMajor > 3 || ctx.facts().pythonMinor >= 13;
  for (Node s : dc::bodyStatements(node)) {
    if (!s.is(NodeKind::FunctionDefinition)) continue;
    std::string_view name = dc::definitionName(facts, s);
    bool ordering = name == "__lt__" || name == "__le__" || name == "__gt__" || name == "__ge__";
    std::string overwrite = "Cannot overwrite attribute " + std::string(name) + " in class " + cls;
    if (ordering && o->order == Opt::True)
      raises(s.field(FieldId::Name), "TypeError",
             overwrite + (py313 ? "" : ".") + " Consider using functools.total_ordering");
    else if (name == "__hash__" && o->unsafeHash == Opt::True) raises(s.field(FieldId::Name), "TypeError", overwrite);
    else if ((name == "__setattr__" || name == "__delattr__") && o->frozen == Opt::True)
      raises(s.field(FieldId::Name), "TypeError", overwrite);
  }

  // slots=True on a class that defines __slots__.
  if (o->slots == Opt::True) {
    for (Node s : dc::bodyStatements(node)) {
      Node a = s.is(NodeKind::ExpressionStatement) ? s.namedChild(0) : Node();
      if (a.is(NodeKind::Assignment) && facts.text(a.field(FieldId::Left)) == "__slots__") {
        raises(a.field(FieldId::Left), "TypeError", cls + " already specifies __slots__");
        break;
      }
    }
  }

  // Frozen and non-frozen dataclasses in one hierarchy.
  std::vector<Opt> frozen;
  if (o->frozen != Opt::Unknown && collectFrozen(facts, node, 0, frozen) && !frozen.empty()) {
    bool unknown = std::find(frozen.begin(), frozen.end(), Opt::Unknown) != frozen.end();
    bool anyFrozen = std::find(frozen.begin(), frozen.end(), Opt::True) != frozen.end();
    bool allFrozen = std::find(frozen.begin(), frozen.end(), Opt::False) == frozen.end();
    Node at = node.field(FieldId::Name);
    if (!unknown && anyFrozen && o->frozen == Opt::False)
      raises(at, "TypeError", "cannot inherit non-frozen dataclass from a frozen one");
    else if (!unknown && !allFrozen && o->frozen == Opt::True)
      raises(at, "TypeError", "cannot inherit frozen dataclass from a non-frozen one");
  }

  // A NamedTuple's fields are read-only: the generated __init__ cannot assign them.
  if (hasNamedTupleBase(facts, node)) {
    std::optional<std::vector<dc::Field>> fields = dc::ownFields(facts, node, false);
    if (fields && !fields->empty())
      ctx.report(*this, o->decorator,
                 "`@dataclass` on a NamedTuple class: every instantiation raises `AttributeError` (can't set "
                 "attribute): the generated `__init__` assigns the read-only tuple fields");
  }
}

} // namespace typhon
