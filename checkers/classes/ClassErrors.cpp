// ClassErrors: one diagnostic per class statement that raises TypeError when it runs.
#include "checkers/classes/ClassErrors.h"

#include "parser/Tree.h"

namespace typhon {

using namespace sema::classes;

std::string_view classErrorRule(ClassError::Kind kind) {
  switch (kind) {
  case ClassError::Kind::MetaclassConflict: return "metaclass-conflict";
  case ClassError::Kind::LayoutConflict: return "instance-layout-conflict";
  case ClassError::Kind::DuplicateBase: return "duplicate-base";
  case ClassError::Kind::InconsistentMro: return "inconsistent-mro";
  case ClassError::Kind::NotAcceptableBase: return "";
  }
  return "";
}

namespace {

std::string quoted(const ClassRef &c) { return "`" + c.info().name + "`"; }

std::string oneLine(std::string s) {
  for (char &c : s)
    if (c == '\n') c = ' ';
  return s;
}

} // namespace

std::string classErrorMessage(ClassRef cls, const ClassError &error) {
  const ClassInfo &info = cls.info();
  std::string head = "class `" + info.name + "` cannot be created: its class statement raises `TypeError: " +
                     oneLine(error.message) + "`";
  switch (error.kind) {
  case ClassError::Kind::InconsistentMro: {
    std::string heads;
    for (const ClassRef &c : error.involved) heads += (heads.empty() ? "" : ", ") + quoted(c);
    return head + " (the C3 merge is stuck on " + heads + ")";
  }
  case ClassError::Kind::DuplicateBase: return head + " (" + quoted(error.involved.front()) + " is listed twice)";
  case ClassError::Kind::LayoutConflict: {
    const ClassRef &a = error.involved[0];
    const ClassRef &b = error.involved[1];
    const ClassFacts &fa = a.facts();
    const ClassFacts &fb = b.facts();
    std::string sa = fa.solidBase ? quoted(fa.solidBase) : quoted(a);
    std::string sb = fb.solidBase ? quoted(fb.solidBase) : quoted(b);
    return head + " (bases " + quoted(a) + " and " + quoted(b) + " have incompatible instance layouts, fixed by " + sa +
           " and " + sb + ")";
  }
  case ClassError::Kind::MetaclassConflict:
    return head + " (metaclasses " + quoted(error.involved[0]) + " and " + quoted(error.involved[1]) +
           " are unrelated; derive one metaclass from both)";
  case ClassError::Kind::NotAcceptableBase: return head;
  }
  return head;
}

void reportClassErrors(CheckContext &ctx, const ModuleClasses &classes,
                       const std::function<const RuleBinding *(std::string_view rule)> &ruleFor) {
  for (std::uint32_t i = 0; i < classes.classes().size(); ++i) {
    ClassRef ref = classes.ref(i);
    const ClassFacts &facts = ref.facts();
    if (!facts.known || !facts.error) continue;
    std::string_view rule = classErrorRule(facts.error->kind);
    if (rule.empty()) continue;
    const RuleBinding *binding = ruleFor(rule);
    if (!binding) continue;
    const ClassInfo &info = ref.info();
    std::uint32_t start = info.nameNode.startByte();
    std::uint32_t end = info.arguments.isNull() ? info.nameNode.endByte() : info.arguments.endByte();
    ctx.report(*binding, start, end, classErrorMessage(ref, *facts.error));
  }
}

} // namespace typhon
