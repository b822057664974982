#!/usr/bin/env bash
# rule_overhead.sh: what 50 YAML pattern rules (bench/rules50/*.yaml) cost on top of the default
# rule set.
#
#   bench/rule_overhead.sh [--typhon PATH] [--runs N] [--jobs N] [DIR]
#
# Runs `typhon check DIR --format json --jobs JOBS` with two temporary configurations, N times each
# (default 5, interleaved, after one untimed warm-up run of each):
#   base    extends: [recommended]
#   +50     extends: [recommended], rule-dirs: [bench/rules50], rules: {bench: warning}
# and prints the median wall and CPU (user+sys) times, the diagnostics each produced, and the
# overhead of the 50 rules in percent (product.md §10: at most 20%). DIR defaults to the CPython
# 3.13 standard library (/root/.pyenv/versions/3.13.0/lib/python3.13 if present, else python3's
# sysconfig stdlib); typhon to $TYPHON, else build/typhon. Exit 1 when the wall-time overhead is
# above --limit percent (default 20), 2 on a usage or tool error.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
typhon=${TYPHON:-$root/build/typhon}
runs=5
jobs=2
limit=20
dir=""
while [ $# -gt 0 ]; do
  case "$1" in
    --typhon) typhon=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --jobs) jobs=$2; shift 2 ;;
    --limit) limit=$2; shift 2 ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    -*) echo "rule_overhead: unknown option $1" >&2; exit 2 ;;
    *) dir=$1; shift ;;
  esac
done
[ -x "$typhon" ] || { echo "rule_overhead: $typhon is missing; build it (cmake --build build -j2) or pass --typhon" >&2; exit 2; }
if [ -z "$dir" ]; then
  if [ -d /root/.pyenv/versions/3.13.0/lib/python3.13 ]; then
    dir=/root/.pyenv/versions/3.13.0/lib/python3.13
  else
    dir=$(python3 -c 'import sysconfig; print(sysconfig.get_path("stdlib"))')
  fi
fi
dir=$(cd "$dir" && pwd -P)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rules_dir="$here/rules50"
nrules=$(ls "$rules_dir"/*.yaml | wc -l)
printf 'extends: [recommended]\n' > "$work/base.yaml"
# Rules from rule-dirs run only when enabled: all 50 are in the group `bench`.
printf 'extends: [recommended]\nrule-dirs: ["%s"]\nrules:\n  bench: warning\n' "$rules_dir" > "$work/plus.yaml"

extra=()
if "$typhon" check --help 2>/dev/null | grep -q -- '--no-cache'; then extra+=(--no-cache); fi
# run NAME: one timed run with config NAME.yaml; appends "wall cpu" to NAME.times
run() {
  local name=$1
  local TIMEFORMAT='%R %U %S'
  { time "$typhon" check "$dir" --config "$work/$name.yaml" --format json --jobs "$jobs" --exit-zero "${extra[@]}" \
      > "$work/$name.json" 2> "$work/$name.err"; } 2> "$work/$name.t" || {
    echo "rule_overhead: typhon failed with $name.yaml:" >&2; cat "$work/$name.err" >&2; exit 2; }
  awk '{ printf "%s %.3f\n", $1, $2 + $3 }' "$work/$name.t" >> "$work/$name.times"
}

echo "files:  $dir"
echo "typhon: $typhon ($("$typhon" --version 2>/dev/null || echo '?'))"
echo "rules:  recommended vs recommended + $nrules rules from $rules_dir"
echo "load:   $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min) on $(nproc) cores; $runs runs each, --jobs $jobs"
run base; run plus; : > "$work/base.times"; : > "$work/plus.times" # warm-up
for ((i = 0; i < runs; i++)); do
  if ((i % 2 == 0)); then run base; run plus; else run plus; run base; fi
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"

python3 - "$work" "$limit" "$rules_dir" <<'PY'
import json, os, statistics, sys
from collections import Counter
work, limit, rules_dir = sys.argv[1], float(sys.argv[2]), sys.argv[3]
ids = set()
for f in os.listdir(rules_dir):
    for line in open(os.path.join(rules_dir, f), encoding="utf-8"):
        if line.startswith("id:"):
            ids.add(line.split(":", 1)[1].strip())

def load(name):
    rows = [tuple(map(float, l.split())) for l in open(os.path.join(work, name + ".times"))]
    rep = json.load(open(os.path.join(work, name + ".json"), encoding="utf-8"))
    return statistics.median(r[0] for r in rows), statistics.median(r[1] for r in rows), rows, rep

bw, bc, brows, brep = load("base")
pw, pc, prows, prep = load("plus")
print()
print(f"{'':8} {'wall (median)':>14} {'cpu (median)':>13} {'diagnostics':>12}   runs (wall s)")
for label, w, c, rows, rep in (("base", bw, bc, brows, brep), ("+50", pw, pc, prows, prep)):
    print(f"{label:8} {w:13.2f}s {c:12.2f}s {len(rep['diagnostics']):12}   " + " ".join(f"{r[0]:.2f}" for r in rows))
print(f"files checked: {brep['summary']['files']}")
added = Counter(d["rule"] for d in prep["diagnostics"] if d["rule"] in ids)
print(f"the 50 rules: {sum(added.values())} diagnostics from {len(added)} rules")
ow, oc = 100 * (pw / bw - 1), 100 * (pc / bc - 1)
print(f"overhead of the 50 rules: wall {ow:+.1f}%, cpu {oc:+.1f}%  (target: at most {limit:g}%)")
sys.exit(1 if ow > limit else 0)
PY
