#!/usr/bin/env bash
# Creates the files of a new native rule: YAML entry, check header/source, fixture; registers the
# check in checkers/Registry.cpp. Usage: scripts/new-rule.sh GROUP RULE-ID [SEVERITY]
set -euo pipefail
[ $# -ge 2 ] || { echo "usage: $0 GROUP RULE-ID [info|warning|error]" >&2; exit 2; }
group=$1 id=$2 severity=${3:-warning}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
[[ $id =~ ^[a-z][a-z0-9]*(-[a-z0-9]+)*$ ]] || { echo "rule id must be kebab-case" >&2; exit 2; }
[[ $group =~ ^[a-z][a-z0-9]*(-[a-z0-9]+)*$ ]] || { echo "group must be kebab-case" >&2; exit 2; }
class=$(echo "$id" | awk -F- '{for(i=1;i<=NF;i++) printf "%s%s", toupper(substr($i,1,1)), substr($i,2)}')
yaml="$root/rules/packs/$group/$id.yaml"
hdr="$root/checkers/$group/$class.h"
src="$root/checkers/$group/$class.cpp"
fixture="$root/tests/fixtures/$group/$id.py"
for f in "$yaml" "$hdr" "$src" "$fixture"; do [ ! -e "$f" ] || { echo "$f exists" >&2; exit 1; }; done
mkdir -p "$(dirname "$yaml")" "$(dirname "$hdr")" "$(dirname "$fixture")"

cat >"$yaml" <<YAML
# yaml-language-server: \$schema=../../../docs/schema/rule.schema.json
id: $id
group: $group
severity: $severity
message: "TODO: what is wrong"
native: $class
description: |
  ## What it does
  TODO

  ## Why is this bad?
  TODO

  ## Example
  \`\`\`python
  TODO
  \`\`\`
valid:
  - "TODO = 1\n"
invalid:
  - "TODO\n"
YAML

cat >"$hdr" <<CPP
// $id: TODO one line on what it flags.
#pragma once

#include "checkers/Check.h"

namespace typhon {

class ${class}Check final : public Check {
public:
  using Check::Check;
  std::vector<NodeKind> kinds() const override;
  void visit(Node node, CheckContext &ctx) const override;
};

} // namespace typhon
CPP

cat >"$src" <<CPP
// $id: TODO one line on how it decides.
#include "checkers/$group/$class.h"

namespace typhon {

std::vector<NodeKind> ${class}Check::kinds() const { return {}; }

void ${class}Check::visit(Node node, CheckContext &ctx) const {
  (void)node;
  (void)ctx;
}

} // namespace typhon
CPP

cat >"$fixture" <<PY
# $id: TODO describe the scenario. Annotate every expected diagnostic on its line.
PY

reg="$root/checkers/Registry.cpp"
sed -i "s|^#include \"checkers/Registry.h\"|&|" "$reg"
sed -i "0,/^#include \"checkers\/[a-z-]*\/[A-Za-z]*\.h\"/s||#include \"checkers/$group/$class.h\"\n&|" "$reg"
sed -i "s|^constexpr std::array kNative = {|&\n    NativeCheckInfo{\"$class\", \&make<${class}Check>},|" "$reg"
echo "created $yaml, $hdr, $src, $fixture; registered $class (re-sort kNative by name)"
echo "then: cmake -S . -B build && make test; regenerate docs with: make docs"
