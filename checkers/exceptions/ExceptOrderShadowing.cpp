// except-order-shadowing: the clauses of a `try` are tried in order and the first whose class
// (or a class of whose tuple) is a base of the raised exception's class handles it. A clause whose
// every class derives from a class an earlier clause names is unreachable. Classes are resolved
// by the class model (builtins from typeshed, user classes of analysed source); a clause with a
// class that cannot be resolved with certainty is never reported, and contributes only its
// resolved classes to what earlier clauses catch.
#include "checkers/exceptions/ExceptOrderShadowing.h"

#include "parser/Tree.h"
#include "semantic/classes/ClassModel.h"

#include <algorithm>
#include <string>
#include <vector>

namespace typhon {

using namespace sema::classes;

namespace {

/// The class expressions a clause names: `except A`, `except (A, B)`, `except A, B` (3.14).
std::vector<Node> caughtExpressions(Node clause) {
  std::vector<Node> values = clause.fieldAll(FieldId::Value);
  Node alias = clause.field(FieldId::Alias);
  if (!alias.isNull())
    std::erase_if(values, [&](Node v) { return v.startByte() == alias.startByte() && v.endByte() == alias.endByte(); });
  if (values.size() != 1) return values;
  Node v = values.front();
  if (v.is(NodeKind::AsPattern) && v.namedChildCount() >= 1) v = v.namedChild(0); // `except E as e`
  while (v.is(NodeKind::ParenthesizedExpression) && v.namedChildCount() == 1) v = v.namedChild(0);
  if (!v.is(NodeKind::Tuple)) return {v};
  std::vector<Node> out;
  for (Node e : v.namedChildren())
    if (!e.is(NodeKind::Comment)) out.push_back(e);
  return out;
}

/// Whether `cls` derives from `base` (or is it): `base` is in its known MRO.
bool derivesFrom(ClassRef cls, ClassRef base) {
  if (cls == base) return true;
  const ClassFacts &f = cls.facts();
  if (!f.known || f.error) return false;
  return std::find(f.mro.begin(), f.mro.end(), base) != f.mro.end();
}

struct Caught {
  ClassRef cls;
  std::uint32_t line = 0;
};

} // namespace

std::vector<NodeKind> ExceptOrderShadowingCheck::kinds() const { return {NodeKind::TryStatement}; }

void ExceptOrderShadowingCheck::visit(Node node, CheckContext &ctx) const {
  const ModuleClasses *classes = ctx.classes();
  if (!classes) return;
  std::vector<Caught> earlier;
  for (Node clause : node.namedChildren()) {
    if (!clause.is(NodeKind::ExceptClause)) continue;
    std::vector<Node> exprs = caughtExpressions(clause);
    if (exprs.empty()) return; // a bare `except:` must be last; nothing after it to judge
    std::vector<ClassRef> mine;
    bool allKnown = true;
    for (Node e : exprs) {
      ClassRef c = e.is(NodeKind::ListSplat) ? ClassRef{} : classOfExpression(*classes, e);
      if (!c || !c.facts().known || c.facts().error) {
        allKnown = false;
        continue;
      }
      mine.push_back(c);
    }
    if (allKnown && !mine.empty()) {
      std::string shadow;
      std::uint32_t line = 0;
      bool all = true;
      for (const ClassRef &c : mine) {
        auto by = std::find_if(earlier.begin(), earlier.end(), [&](const Caught &k) { return derivesFrom(c, k.cls); });
        if (by == earlier.end()) {
          all = false;
          break;
        }
        if (shadow.empty()) {
          shadow = "`" + c.info().name + "`" + (c == by->cls ? " is already caught" : " derives from `" + by->cls.info().name + "`, caught");
          line = by->line;
        }
      }
      if (all) {
        std::string what = mine.size() == 1 ? shadow : "every class it names is caught earlier (" + shadow + ")";
        ctx.report(*this, clause.startByte(), exprs.back().endByte(),
                   "unreachable `except` clause: " + what + " by the clause on line " + std::to_string(line) +
                       "; this handler never runs");
      }
    }
    for (const ClassRef &c : mine) earlier.push_back({c, ctx.module().source().position(clause.startByte()).line});
  }
}

} // namespace typhon
