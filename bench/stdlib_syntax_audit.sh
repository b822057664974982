#!/usr/bin/env bash
# stdlib_syntax_audit.sh: which files of a Python standard library typhon calls syntactically
# invalid, compared with what CPython's own compiler says about the same files.
#
#   bench/stdlib_syntax_audit.sh [--python PYTHON] [--jobs N] [--output REPORT.md] [DIR]
#
# DIR defaults to the CPython 3.13 standard library (/root/.pyenv/versions/3.13.0/lib/python3.13
# if present, else `python3 -c 'import sysconfig; print(sysconfig.get_path("stdlib"))'`); PYTHON
# to the interpreter of that library. Needs build/typhon and build/bench/syntax_scan
# (`cmake --build build -j2`). Three views of every file:
#   typhon   `typhon check DIR --select syntax-error,compile-time-syntax-error --format json` (what
#            users see; syntax-error asks the parser layer for syntax errors only when
#            tree-sitter's tree has an ERROR node)
#   parser   build/bench/syntax_scan: the parser layer's findSyntaxErrors() on every file, which
#            also reports what tree-sitter-python accepts (indentation, stray ':' ...)
#   cpython  compile(source, path, 'exec') by PYTHON (bytes in, so PEP 263 cookies apply)
# and prints a Markdown report: files typhon flags that CPython accepts (grammar gaps), files
# CPython rejects that typhon accepts, and files both reject, with each side's first message.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
typhon="$root/build/typhon"
scan="$root/build/bench/syntax_scan"
python=""
jobs=2
output=""
dir=""
while [ $# -gt 0 ]; do
  case "$1" in
    --python) python=$2; shift 2 ;;
    --jobs) jobs=$2; shift 2 ;;
    --output) output=$2; shift 2 ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
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
for tool in "$typhon" "$scan"; do
  [ -x "$tool" ] || { echo "stdlib_syntax_audit: $tool is missing; run: cmake --build build -j2" >&2; exit 2; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The files typhon checks: *.py and *.pyi, not under the directories it skips by default
# (cli/Discovery.cpp); a standard library has no .gitignore.
find "$dir" \( -type d \( -name .git -o -name .hg -o -name .svn -o -name .venv -o -name venv \
    -o -name __pycache__ -o -name build -o -name dist -o -name node_modules -o -name .tox -o -name .nox \
    -o -name .mypy_cache -o -name .pytest_cache -o -name .ruff_cache -o -name .eggs \) -prune \) \
  -o -type f \( -name '*.py' -o -name '*.pyi' \) -print | LC_ALL=C sort > "$work/files.txt"

# syntax-error, and compile-time-syntax-error where this build has it (CPython's compile() reports both).
rules=syntax-error
if "$typhon" rules list 2>/dev/null | grep -q '^compile-time-syntax-error '; then
  rules=syntax-error,compile-time-syntax-error
fi
"$typhon" check "$dir" --select "$rules" --format json --jobs "$jobs" --exit-zero \
  > "$work/typhon.json" 2> "$work/typhon.err" || {
  echo "stdlib_syntax_audit: typhon failed (exit $?):" >&2; cat "$work/typhon.err" >&2; exit 1; }
"$scan" --list "$work/files.txt" > "$work/scan.jsonl"

"$python" - "$dir" "$work" "$python" > "$work/report.md" <<'PY'
import json, os, sys, warnings

root, work, python = sys.argv[1], sys.argv[2], sys.argv[3]
warnings.simplefilter("ignore")  # SyntaxWarning for invalid escapes is not an error
files = [l.rstrip("\n") for l in open(os.path.join(work, "files.txt"), encoding="utf-8")]

def rel(p):
    p = os.path.abspath(p)
    return os.path.relpath(p, root) if p.startswith(root) else p

cpython = {}
for f in files:
    try:
        src = open(f, "rb").read()
        compile(src, f, "exec", dont_inherit=True)
    except SyntaxError as e:  # includes IndentationError, TabError
        cpython[rel(f)] = (e.lineno or 0, f"{type(e).__name__}: {e.msg}")
    except (ValueError, UnicodeError) as e:
        cpython[rel(f)] = (0, f"{type(e).__name__}: {e}")

typhon = {}
report = json.load(open(os.path.join(work, "typhon.json"), encoding="utf-8"))
for d in report["diagnostics"]:
    if d["rule"] in ("syntax-error", "compile-time-syntax-error", "io-error"):
        typhon.setdefault(rel(d["file"]), (d["range"]["start"]["line"], f"{d['rule']}: {d['message']}"))

parser = {}
for line in open(os.path.join(work, "scan.jsonl"), encoding="utf-8"):
    d = json.loads(line)
    msg = d.get("message") or ("io-error: " + d.get("io_error", ""))
    parser.setdefault(rel(d["file"]), (d.get("line") or 0, msg))

def cell(v):
    return f"{v[0]}: {v[1]}".replace("|", "\\|") if v else "accepted"

version = sys.version.split()[0]
out = [f"# Syntax audit: {root}", "",
       f"{len(files)} files; CPython {version} rejects {len(cpython)}, "
       f"`typhon check` flags {len(typhon)}, the parser layer (no tree-error guard) flags {len(parser)}.", ""]

def table(title, names, note):
    out.append(f"## {title} ({len(names)})")
    out.append("")
    out.append(note)
    out.append("")
    if not names:
        out.append("None.")
        out.append("")
        return
    out.append("| file | typhon check | parser layer | CPython |")
    out.append("|---|---|---|---|")
    for n in sorted(names):
        out.append(f"| `{n}` | {cell(typhon.get(n))} | {cell(parser.get(n))} | {cell(cpython.get(n))} |")
    out.append("")

flagged = set(typhon) | set(parser)
table("typhon flags, CPython accepts", sorted(flagged - set(cpython)),
      "Grammar gaps of tree-sitter-python (or misclassified Python 2 forms): false positives.")
table("CPython rejects, typhon accepts", sorted(set(cpython) - set(typhon)),
      "Errors CPython finds after parsing (compile-time checks) or that tree-sitter-python accepts. "
      "A file the parser layer flags but `typhon check` does not needs the check to ask for syntax "
      "errors even when the tree has no ERROR node.")
table("Both reject", sorted(set(cpython) & set(typhon)), "Same verdict; compare the lines and messages.")
print("\n".join(out))
PY

if [ -n "$output" ]; then
  cp "$work/report.md" "$output"
  echo "stdlib_syntax_audit: report written to $output" >&2
else
  cat "$work/report.md"
fi
