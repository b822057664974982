// dataclass-mutable-default: `dataclasses` rejects a field default whose class is unhashable
// (`list`, `dict`, `set`) with ValueError when the decorator runs. Only defaults that certainly are
// such instances are reported: displays, comprehensions and calls of the builtins.
#include "checkers/dataclasses/DataclassMutableDefault.h"

#include "checkers/dataclasses/ClassFacts.h"
#include "checkers/names/NamesSupport.h"

namespace typhon {

namespace {

/// "list", "dict" or "set" when the value is certainly an instance of that builtin.
std::string_view mutableClass(const dc::Facts &facts, Node value) {
  switch (value.kind()) {
  case NodeKind::List:
  case NodeKind::ListComprehension: return "list";
  case NodeKind::Dictionary:
  case NodeKind::DictionaryComprehension: return "dict";
  case NodeKind::Set:
  case NodeKind::SetComprehension: return "set";
  case NodeKind::Call: {
    std::string q = facts.qualifiedName(value.field(FieldId::Function));
    if (q == "builtins.list") return "list";
    if (q == "builtins.dict") return "dict";
    if (q == "builtins.set") return "set";
    return {};
  }
  default: return {};
  }
}

/// Whether the value is the empty instance the factory alone builds: `[]`, `{}`, `list()`...
bool isEmptyInstance(Node value) {
  if (value.is(NodeKind::List) || value.is(NodeKind::Dictionary)) return value.namedChildCount() == 0;
  if (value.is(NodeKind::Call)) return value.field(FieldId::Arguments).namedChildCount() == 0;
  return false;
}

} // namespace

std::vector<NodeKind> DataclassMutableDefaultCheck::kinds() const { return {NodeKind::ClassDefinition}; }

void DataclassMutableDefaultCheck::visit(Node node, CheckContext &ctx) const {
  const sema::SemanticModel *model = names::modelFor(ctx);
  if (!model) return;
  dc::Facts facts(ctx, *model);
  std::optional<dc::DataclassOptions> options = dc::dataclassOptions(facts, node);
  if (!options) return;
  std::optional<std::vector<dc::Field>> fields = dc::ownFields(facts, node, false);
  if (!fields) return;
  std::string field;
  bool fieldLooked = false;
  for (const dc::Field &f : *fields) {
    if (f.unannotatedField || f.initVar || !f.value) continue;
    std::string_view cls = mutableClass(facts, f.value);
    if (cls.empty()) continue;
    if (!fieldLooked) field = dc::fieldSpelling(facts, node), fieldLooked = true;
    std::optional<Fix> fix;
    if (!field.empty()) {
      // A non-empty value moves into a lambda: evaluated per instance, and names of the class body
      // are no longer visible there, hence unsafe.
      bool empty = isEmptyInstance(f.value);
      std::string factory = empty ? std::string(cls) : "lambda: " + std::string(facts.text(f.value));
      fix = Fix{empty ? Applicability::Safe : Applicability::Unsafe,
                "Use `" + field + "(default_factory=" + (empty ? factory : "lambda: ...") + ")`",
                {TextEdit{f.value.startByte(), f.value.endByte(), field + "(default_factory=" + factory + ")"}}};
    }
    ctx.report(*this, f.value,
               "`@dataclass` raises `ValueError` at class creation: mutable default <class '" + std::string(cls) +
                   "'> for field " + std::string(facts.text(f.name)) + " is not allowed: use default_factory",
               std::move(fix));
  }
}

} // namespace typhon
