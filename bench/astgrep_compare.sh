#!/usr/bin/env bash
# astgrep_compare.sh: typhon's YAML pattern rules against ast-grep on the same rules and files.
#
#   bench/astgrep_compare.sh [--typhon PATH] [--ast-grep PATH] [--runs N] [--jobs N] [--show N] [DIR]
#
# The ten rules exist twice, in bench/astgrep/typhon-rules/*.yaml and bench/astgrep/sg-rules/*.yml
# (ast-grep project: bench/astgrep/sgconfig.yml); same ids, same semantics. On DIR (default: the
# CPython 3.13 standard library, /root/.pyenv/versions/3.13.0/lib/python3.13 if present, else
# `python3 -c 'import sysconfig; print(sysconfig.get_path("stdlib"))'`) the script runs, N times
# each (default 5, interleaved, after one untimed warm-up run of each):
#   ast-grep scan --json=stream -j JOBS (with --globs excluding the directories typhon skips)
#   typhon check --select <the ten ids> --format json --jobs JOBS --config <temp config: rule-dirs>
# and prints the median wall and CPU (user+sys) times of both, the ratio, and the match sets per
# rule: (file, start line, start column) of every match, counted for both tools, with the first
# --show (default 5) matches found by only one of them. bench/astgrep/compare.py puts every
# difference down to a known semantic difference between the tools, or lists it as unexplained.
#
# typhon defaults to $TYPHON, else build/typhon; ast-grep to $AST_GREP, else `ast-grep` or `sg` on
# PATH (when it really is ast-grep), else /tmp/sg/node_modules/.bin/ast-grep
# (`mkdir -p /tmp/sg && cd /tmp/sg && npm install @ast-grep/cli`). Without ast-grep the script
# says so and exits 0: it is a benchmark, not part of `make test`. Exit 1 when a difference of
# the match sets is unexplained, 2 on a usage or tool error.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
typhon=${TYPHON:-$root/build/typhon}
sg=${AST_GREP:-}
runs=5
jobs=2
show=5
dir=""
while [ $# -gt 0 ]; do
  case "$1" in
    --typhon) typhon=$2; shift 2 ;;
    --ast-grep) sg=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --jobs) jobs=$2; shift 2 ;;
    --show) show=$2; shift 2 ;;
    -h|--help) sed -n '2,25p' "$0"; exit 0 ;;
    -*) echo "astgrep_compare: unknown option $1" >&2; exit 2 ;;
    *) dir=$1; shift ;;
  esac
done

is_ast_grep() { [ -n "$1" ] && [ -x "$1" ] && "$1" --version 2>/dev/null | grep -q '^ast-grep'; }
if [ -z "$sg" ]; then
  for c in "$(command -v ast-grep || true)" "$(command -v sg || true)" /tmp/sg/node_modules/.bin/ast-grep; do
    if is_ast_grep "$c"; then sg=$c; break; fi
  done
fi
if ! is_ast_grep "$sg"; then
  echo "astgrep_compare: ast-grep is not installed; skipping (install it with:" \
       "mkdir -p /tmp/sg && cd /tmp/sg && npm install @ast-grep/cli)"
  exit 0
fi
[ -x "$typhon" ] || { echo "astgrep_compare: $typhon is missing; build it (cmake --build build -j2) or pass --typhon" >&2; exit 2; }

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

rules_dir="$here/astgrep/typhon-rules"
ids=$(for f in "$rules_dir"/*.yaml; do sed -n 's/^id: *//p' "$f"; done | paste -sd, -)
cat > "$work/typhon.yaml" <<EOF
rule-dirs: ["$rules_dir"]
EOF
typhon_cmd=("$typhon" check "$dir" --config "$work/typhon.yaml" --select "$ids" --format json --jobs "$jobs" --exit-zero)
if "$typhon" check --help 2>/dev/null | grep -q -- '--no-cache'; then typhon_cmd+=(--no-cache); fi
# The directories typhon skips by default (cli/Discovery.cpp), so that both tools read the same
# files; ast-grep already skips hidden ones and honours .gitignore like typhon.
sg_cmd=("$sg" scan -c "$here/astgrep/sgconfig.yml" --json=stream -j "$jobs")
for d in venv __pycache__ build dist node_modules .tox .nox .eggs .mypy_cache .pytest_cache .ruff_cache; do
  sg_cmd+=(--globs "!**/$d/**")
done
sg_cmd+=("$dir")

# run NAME OUTFILE CMD...: appends "wall cpu" to $work/NAME.times
run() {
  local name=$1 out=$2; shift 2
  local TIMEFORMAT='%R %U %S'
  { time "$@" > "$out" 2> "$work/$name.err"; } 2> "$work/$name.t" || {
    echo "astgrep_compare: $name failed:" >&2; cat "$work/$name.err" >&2; exit 2; }
  awk '{ printf "%s %.3f\n", $1, $2 + $3 }' "$work/$name.t" >> "$work/$name.times"
}

echo "files:     $dir"
echo "typhon:    $typhon ($("$typhon" --version 2>/dev/null || echo '?'))"
echo "ast-grep:  $sg ($("$sg" --version))"
echo "rules:     $ids"
echo "load:      $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min) on $(nproc) cores; $runs runs each, --jobs $jobs"
# Warm-up (page cache), then interleaved timed runs.
"${sg_cmd[@]}" > "$work/sg.jsonl" 2> /dev/null || true
"${typhon_cmd[@]}" > "$work/typhon.json" 2> /dev/null || true
: > "$work/sg.times"; : > "$work/typhon.times"
for ((i = 0; i < runs; i++)); do
  if ((i % 2 == 0)); then
    run sg "$work/sg.jsonl" "${sg_cmd[@]}"; run typhon "$work/typhon.json" "${typhon_cmd[@]}"
  else
    run typhon "$work/typhon.json" "${typhon_cmd[@]}"; run sg "$work/sg.jsonl" "${sg_cmd[@]}"
  fi
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"

python3 "$here/astgrep/compare.py" "$dir" "$work" "$show" "$ids"
