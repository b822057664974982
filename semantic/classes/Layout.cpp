// Layout: the measured table of stdlib classes, looked up by typeshed's module and name.
#include "semantic/classes/Layout.h"

#include "semantic/ModuleGraph.h"
#include "semantic/classes/Resolve.h"

#include <algorithm>
#include <string_view>

namespace typhon::sema::classes {

namespace {

struct Row {
  std::string_view name;
  std::string_view solid;
  bool acceptsSubclasses;
  bool variableSize;
  /// The CPython 3.minor versions measured with these values.
  int firstMinor;
  int lastMinor;
};

constexpr Row kRows[] = {
#include "semantic/classes/LayoutTable.inc"
};

const Row *findRow(std::string_view fullName, int minor) {
  static const bool sorted = std::is_sorted(std::begin(kRows), std::end(kRows),
                                            [](const Row &a, const Row &b) { return a.name < b.name; });
  auto it = sorted ? std::lower_bound(std::begin(kRows), std::end(kRows), fullName,
                                      [](const Row &r, std::string_view n) { return r.name < n; })
                   : std::begin(kRows);
  for (; it != std::end(kRows); ++it) {
    if (sorted && it->name != fullName) break;
    if (it->name == fullName && minor >= it->firstMinor && minor <= it->lastMinor) return it;
  }
  return nullptr;
}

} // namespace

LayoutFacts layoutOf(ClassRef cls) {
  LayoutFacts out;
  if (!cls) return out;
  if (cls.module->fromTypeshed()) {
    const Row *row = findRow(cls.fullName(), cls.module->owner().graph().pythonMinor());
    if (!row) return out;
    std::size_t dot = row->solid.rfind('.');
    if (dot == std::string_view::npos) return out;
    out.solidBase = cls.module->owner().lookup(row->solid.substr(0, dot), row->solid.substr(dot + 1));
    if (!out.solidBase) return out;
    out.known = true;
    out.acceptsSubclasses = row->acceptsSubclasses;
    out.variableSize = row->variableSize;
    return out;
  }
  out.known = true;
  const ClassFacts &f = cls.facts();
  if (!f.known || !f.solidBase) {
    out.known = false;
    return out;
  }
  out.solidBase = f.solidBase;
  out.variableSize = f.variableSize;
  return out;
}

} // namespace typhon::sema::classes
