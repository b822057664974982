// dataclass-field-order: the generated `__init__` takes the positional fields (not keyword-only,
// `init=True`) in field order, inherited ones first; one without a default after one with a default
// makes `@dataclass` raise TypeError. Inherited fields are known for bases of this module.
#include "checkers/dataclasses/DataclassFieldOrder.h"

#include "checkers/dataclasses/ClassFacts.h"
#include "checkers/names/NamesSupport.h"

namespace typhon {

std::vector<NodeKind> DataclassFieldOrderCheck::kinds() const { return {NodeKind::ClassDefinition}; }

void DataclassFieldOrderCheck::visit(Node node, CheckContext &ctx) const {
  const sema::SemanticModel *model = names::modelFor(ctx);
  if (!model) return;
  dc::Facts facts(ctx, *model);
  std::optional<dc::DataclassOptions> o = dc::dataclassOptions(facts, node);
  if (!o || o->init != dc::Opt::True) return;
  std::optional<std::vector<dc::Field>> fields = dc::hierarchyFields(facts, node);
  if (!fields) return;
  const dc::Field *seenDefault = nullptr;
  for (const dc::Field &f : *fields) {
    if (!f.init || f.kwOnly) continue;
    if (f.hasDefault) {
      seenDefault = &f;
      continue;
    }
    if (!seenDefault) continue;
    bool py313 = ctx.facts().pythonMajor > 3 || ctx.facts().pythonMinor >= 13;
    std::string message = "`@dataclass` raises `TypeError` at class creation: non-default argument " +
                          dc::pyRepr(facts.text(f.name)) + " follows default argument" +
                          (py313 ? " " + dc::pyRepr(facts.text(seenDefault->name)) : std::string());
    // Report on the field when this class declares it, else on the class name.
    bool own = f.name.startByte() >= node.startByte() && f.name.endByte() <= node.endByte();
    if (!own) message += " (inherited fields)";
    ctx.report(*this, own ? f.name : node.field(FieldId::Name), std::move(message));
    return; // CPython stops at the first
  }
}

} // namespace typhon
