#!/usr/bin/env bash
# stdlib_transform_audit.sh: robustness run of `typhon fix` and `typhon fold` over a copy of a
# Python standard library.
#
#   bench/stdlib_transform_audit.sh [--typhon BIN] [--python PYTHON] [--jobs N] [--timeout SECONDS]
#                                   [--keep] [--only fix|fold] [DIR]
#
# DIR defaults to /root/.pyenv/versions/3.13.0/lib/python3.13 (PYTHON: its interpreter), else to
# `python3 -c 'import sysconfig; print(sysconfig.get_path("stdlib"))'`. BIN defaults to build/typhon
# (copied first, so a rebuild during the run does not mix binaries).
# For each transformation
#   fix    typhon fix --unsafe-fixes --select all
#   fold   typhon fold --eliminate-dead-branches --fold-comparisons
# it copies DIR (without site-packages) to a temporary directory, runs the transformation under a
# timeout, then checks with PYTHON's compile(source, path, 'exec') that every file that compiled
# before still compiles, and runs the transformation again with --check (a second run must change
# nothing). Prints, per transformation: exit code, files changed, edits applied, fixes dropped for
# breaking the parse, non-converging files, files newly failing to compile (named, with CPython's
# message) and files a second run would change (named). Exit status 1 when any of these failed.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
typhon="$root/build/typhon"
python=""
jobs=2
timeout_s=1800
keep=0
only=""
dir=""
while [ $# -gt 0 ]; do
  case "$1" in
    --typhon) typhon=$2; shift 2 ;;
    --python) python=$2; shift 2 ;;
    --jobs) jobs=$2; shift 2 ;;
    --timeout) timeout_s=$2; shift 2 ;;
    --keep) keep=1; shift ;;
    --only) only=$2; shift 2 ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) dir=$1; shift ;;
  esac
done
if [ -z "$dir" ]; then
  if [ -d /root/.pyenv/versions/3.13.0/lib/python3.13 ]; then
    dir=/root/.pyenv/versions/3.13.0/lib/python3.13
    [ -n "$python" ] || python=/root/.pyenv/versions/3.13.0/bin/python3
  else
    dir=$(python3 -c 'import sysconfig; print(sysconfig.get_path("stdlib"))')
  fi
fi
[ -n "$python" ] || python=python3
[ -x "$typhon" ] || { echo "stdlib_transform_audit: $typhon is missing; run: cmake --build build -j2" >&2; exit 2; }
version=$("$python" -c 'import sys; print("%d.%d" % sys.version_info[:2])')

work=$(mktemp -d)
[ "$keep" = 1 ] && echo "work directory: $work" >&2 || trap 'rm -rf "$work"' EXIT
cp "$typhon" "$work/typhon"
typhon="$work/typhon"

# compile_status DIR OUT: one line per *.py file, "ok" or the SyntaxError, sorted by path.
compile_status() {
  "$python" - "$1" > "$2" <<'EOF'
import os, sys, warnings
warnings.simplefilter("ignore")
top = sys.argv[1]
out = []
for d, dirs, files in os.walk(top):
    dirs[:] = [x for x in dirs if x not in ("__pycache__", "build", "dist", ".git", "venv", ".venv", ".tox")]
    for f in files:
        if not f.endswith(".py"):
            continue
        p = os.path.join(d, f)
        with open(p, "rb") as fh:
            src = fh.read()
        try:
            compile(src, p, "exec", dont_inherit=True)
            verdict = "ok"
        except (SyntaxError, ValueError) as e:
            verdict = "error: %s: %s" % (type(e).__name__, str(e).replace("\n", " ")[:200])
        except RecursionError:
            verdict = "error: RecursionError"
        out.append("%s\t%s" % (os.path.relpath(p, top), verdict))
for line in sorted(out):
    print(line)
EOF
}

status=0
run_one() {
  local name=$1; shift
  local copy="$work/$name"
  mkdir -p "$copy"
  (cd "$dir" && tar --exclude=./site-packages --exclude=__pycache__ -cf - .) | (cd "$copy" && tar -xf -)
  compile_status "$copy" "$work/$name.before"
  local start end rc=0
  start=$(date +%s)
  timeout "$timeout_s" "$typhon" "$@" --python-version "$version" --jobs "$jobs" --no-gitignore -q "$copy" \
    > "$work/$name.out" 2> "$work/$name.err" || rc=$?
  end=$(date +%s)
  compile_status "$copy" "$work/$name.after"
  local rc2=0
  timeout "$timeout_s" "$typhon" "$@" --check --python-version "$version" --jobs "$jobs" --no-gitignore -q "$copy" \
    > "$work/$name.second" 2> "$work/$name.second.err" || rc2=$?
  local files edits dropped noconv broken second
  if [ "$name" = fold ]; then
    files=$(sed -n 's/^Folded [0-9]* expressions\? in \([0-9]*\) files\?.*/\1/p' "$work/$name.err" | tail -1)
    edits=$(sed -n 's/^Folded \([0-9]*\) expression.*/\1/p' "$work/$name.err" | tail -1)
  else
    files=$(sed -n 's/^Fixed [0-9]* issues\? in \([0-9]*\) files\?.*/\1/p' "$work/$name.err" | tail -1)
    edits=$(sed -n 's/^Fixed \([0-9]*\) issue.*/\1/p' "$work/$name.err" | tail -1)
  fi
  dropped=$(grep -c 'fix dropped because' "$work/$name.err" || true)
  noconv=$(grep -c 'did not converge' "$work/$name.err" || true)
  paste "$work/$name.before" "$work/$name.after" | awk -F'\t' '$2 == "ok" && $4 != "ok" { print $1 "\t" $4 }' \
    > "$work/$name.broken"
  broken=$(wc -l < "$work/$name.broken")
  second=$(grep -c '^would fix' "$work/$name.second" || true)
  echo "## $name: typhon $* ($dir, Python $version)"
  echo "exit code: $rc (second run: $rc2), $((end - start)) s"
  echo "files: $(wc -l < "$work/$name.before") (.py), $(grep -c $'\tok$' "$work/$name.before") compile before"
  echo "files changed: ${files:-0}, edits applied: ${edits:-0}"
  echo "fixes dropped for breaking the parse: $dropped"
  { grep 'fix dropped because' "$work/$name.err" || true; } | sed "s|$copy/||; s/^/  /" | sort | uniq -c | sort -rn | head -20
  echo "non-converging files: $noconv"
  { grep 'did not converge' "$work/$name.err" || true; } | sed "s|$copy/||; s/^/  /" | head -20
  echo "files that compiled before and not after: $broken"
  sed "s|^|  |" "$work/$name.broken" | head -40
  echo "files a second run would change: $second"
  { grep 'would fix' "$work/$name.second" || true; } | sed "s|$copy/||; s/^/  /" | head -40
  { grep -v -e 'fix dropped because' -e 'did not converge' -e '^Fixed ' -e '^Folded ' -e 'has syntax errors' \
    "$work/$name.err" || true; } | sed "s|$copy/||; s/^/  stderr: /" | head -20
  echo "files left alone for syntax errors: $(grep -c 'has syntax errors' "$work/$name.err" || true)"
  echo
  # 2 is an unreadable file (the standard library has test data in broken encodings); 124 a timeout.
  if [ "$rc" -gt 2 ] || [ "$rc2" -gt 2 ] || [ "$broken" -gt 0 ] || [ "$second" -gt 0 ]; then status=1; fi
}

[ "$only" = fold ] || run_one fix fix --unsafe-fixes --select all
[ "$only" = fix ] || run_one fold fold --eliminate-dead-branches --fold-comparisons
exit $status
