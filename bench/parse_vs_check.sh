#!/usr/bin/env bash
# parse_vs_check.sh: `typhon check` (default rule set) against tree-sitter alone on the same
# files, the local CPython standard library (product.md §10: check <= 1.5x parse-only CPU time).
#
#   bench/parse_vs_check.sh [--runs N] [--jobs J] [DIR]
#
# DIR defaults to /root/.pyenv/versions/3.13.0/lib/python3.13 if present, else
# `python3 -c 'import sysconfig; print(sysconfig.get_path("stdlib"))'`. Needs build/typhon and
# build/bench/parse_only (`cmake --build build -j2`; override with $TYPHON, $PARSE_ONLY) and GNU time (`apt-get install -y time`).
# Each command runs once to warm the page cache, then N times (default 5) alternating; prints
# every run, the medians of wall time and CPU time (user+sys), and the ratios check/parse.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
typhon="${TYPHON:-$root/build/typhon}"
parse_only="${PARSE_ONLY:-$root/build/bench/parse_only}"
runs=5
jobs=2
dir=""
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --jobs) jobs=$2; shift 2 ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) dir=$1; shift ;;
  esac
done
if [ -z "$dir" ]; then
  if [ -d /root/.pyenv/versions/3.13.0/lib/python3.13 ]; then
    dir=/root/.pyenv/versions/3.13.0/lib/python3.13
  else
    dir=$(python3 -c 'import sysconfig; print(sysconfig.get_path("stdlib"))')
  fi
fi
for tool in "$typhon" "$parse_only"; do
  [ -x "$tool" ] || { echo "parse_vs_check: $tool is missing; run: cmake --build build -j2" >&2; exit 2; }
done
gnu_time=/usr/bin/time
[ -x "$gnu_time" ] || { echo "parse_vs_check: GNU time is missing; run: apt-get install -y time" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The files typhon checks: *.py and *.pyi, not under the directories it skips by default
# (cli/Discovery.cpp); a standard library has no .gitignore.
find "$dir" \( -type d \( -name .git -o -name .hg -o -name .svn -o -name .venv -o -name venv \
    -o -name __pycache__ -o -name build -o -name dist -o -name node_modules -o -name .tox -o -name .nox \
    -o -name .mypy_cache -o -name .pytest_cache -o -name .ruff_cache -o -name .eggs \) -prune \) \
  -o -type f \( -name '*.py' -o -name '*.pyi' \) -print | LC_ALL=C sort > "$work/files.txt"
files=$(wc -l < "$work/files.txt")
bytes=$(tr '\n' '\0' < "$work/files.txt" | xargs -0 cat | wc -c)
lines=$(tr '\n' '\0' < "$work/files.txt" | xargs -0 cat | wc -l)

check_args=(check "$dir" --jobs "$jobs")
if "$typhon" check --help 2>/dev/null | grep -q -- '--no-cache'; then check_args+=(--no-cache); fi

# run NAME COMMAND...: appends "wall cpu" (seconds) to $work/NAME.times.
run() {
  local name=$1; shift
  local rc=0
  "$gnu_time" -f "%e %U %S" -o "$work/time.out" "$@" > /dev/null 2> "$work/$name.err" || rc=$?
  # typhon exits 1 when it finds diagnostics; anything else is a failure.
  if [ "$rc" -gt 1 ]; then
    echo "parse_vs_check: $name failed (exit $rc):" >&2; cat "$work/$name.err" >&2; exit 1
  fi
  # GNU time writes "Command exited with non-zero status N" before the figures.
  tail -n 1 "$work/time.out" | awk '{ printf "%.3f %.3f\n", $1, $2 + $3 }' >> "$work/$name.times"
}

# Warm-up (page cache, lazily loaded data), not counted.
run warmup "$parse_only" --jobs "$jobs" --list "$work/files.txt"
run warmup "$typhon" "${check_args[@]}"
rm -f "$work/warmup.times"
checked=$({ "$typhon" "${check_args[@]}" --format json 2>/dev/null || true; } |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["summary"]["files"])' 2>/dev/null || echo "?")

for ((i = 0; i < runs; i++)); do
  run parse "$parse_only" --jobs "$jobs" --list "$work/files.txt"
  run check "$typhon" "${check_args[@]}"
done

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
parse_wall=$(cut -d' ' -f1 "$work/parse.times" | median)
parse_cpu=$(cut -d' ' -f2 "$work/parse.times" | median)
check_wall=$(cut -d' ' -f1 "$work/check.times" | median)
check_cpu=$(cut -d' ' -f2 "$work/check.times" | median)

echo "stdlib:  $dir"
echo "files:   $files listed ($bytes bytes, $lines lines); typhon checked $checked"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $runs runs, --jobs $jobs"
echo "parse_only: $(tail -n 1 "$work/parse.err")"
echo
echo "runs (wall s, CPU s):"
paste -d' ' "$work/parse.times" "$work/check.times" |
  awk '{ printf "  %d  parse-only %7.2f %7.2f   typhon check %7.2f %7.2f\n", NR, $1, $2, $3, $4 }'
echo
awk -v pw="$parse_wall" -v pc="$parse_cpu" -v cw="$check_wall" -v cc="$check_cpu" 'BEGIN {
  printf "%-20s %12s %18s\n", "median", "wall", "CPU (user+sys)"
  printf "%-20s %11.2fs %17.2fs\n", "parse-only", pw, pc
  printf "%-20s %11.2fs %17.2fs\n", "typhon check", cw, cc
  printf "%-20s %11.2fx %17.2fx\n", "ratio check/parse", cw / pw, cc / pc
  printf "\ntarget (product.md 10): check CPU <= 1.5x parse-only CPU: %s\n", (cc / pc <= 1.5) ? "met" : "NOT met"
}'
