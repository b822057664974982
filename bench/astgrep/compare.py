"""Report of bench/astgrep_compare.sh: times, and the match sets of typhon and ast-grep per rule.

    compare.py ROOT WORK SHOW IDS

ROOT is the scanned directory; WORK holds typhon.json (typhon's JSON report), sg.jsonl (ast-grep's
--json=stream output) and typhon.times / sg.times ("wall cpu" per run); SHOW is how many examples
to print per kind of difference; IDS the comma-separated rule ids. A match is (file, start line,
start column), 1-based, columns in code points. Every match found by one tool only is put down to
one of the known semantic differences between the tools (EXPLAIN) or reported as unexplained; the
exit status is 1 when any difference is unexplained.
"""
import ast
import io
import json
import os
import re
import statistics
import sys
import textwrap
import tokenize
from collections import Counter, defaultdict

root, work, show, ids = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4].split(",")


def times(name):
    rows = [tuple(map(float, line.split())) for line in open(os.path.join(work, name + ".times"))]
    return statistics.median(r[0] for r in rows), statistics.median(r[1] for r in rows), rows


tw, tc, trows = times("typhon")
sw, sc, srows = times("sg")
print()
print(f"{'':10} {'wall (median)':>14} {'cpu (median)':>13}   runs (wall s)")
print(f"{'typhon':10} {tw:13.2f}s {tc:12.2f}s   " + " ".join(f"{r[0]:.2f}" for r in trows))
print(f"{'ast-grep':10} {sw:13.2f}s {sc:12.2f}s   " + " ".join(f"{r[0]:.2f}" for r in srows))
print(f"ratio typhon/ast-grep: wall {tw / sw:.2f}, cpu {tc / sc:.2f}  (below 1: typhon is faster)")


def rel(path):
    return os.path.relpath(os.path.realpath(path), root)


# Matches: key (file, start line, start column) -> end (line, column). ast-grep prints 0-based lines
# and columns (its columns count characters, like typhon's).
sg = defaultdict(dict)
for line in open(os.path.join(work, "sg.jsonl"), encoding="utf-8"):
    m = json.loads(line)
    s, e = m["range"]["start"], m["range"]["end"]
    sg[m["ruleId"]][(rel(m["file"]), s["line"] + 1, s["column"] + 1)] = (e["line"] + 1, e["column"] + 1)
ty = defaultdict(dict)
others = Counter()
for d in json.load(open(os.path.join(work, "typhon.json"), encoding="utf-8"))["diagnostics"]:
    if d["rule"] not in ids:
        others[d["rule"]] += 1
        continue
    s, e = d["range"]["start"], d["range"]["end"]
    ty[d["rule"]][(rel(d["file"]), s["line"], s["column"])] = (e["line"], e["column"])

_lines = {}


def lines_of(f):
    if f not in _lines:
        try:
            with open(os.path.join(root, f), encoding="utf-8", errors="replace", newline="") as fh:
                _lines[f] = fh.read().splitlines()
        except OSError:
            _lines[f] = []
    return _lines[f]


def line_at(f, n):
    ls = lines_of(f)
    return ls[n - 1] if 0 < n <= len(ls) else ""


def text_of(key, end):
    """The matched source, dedented so that it parses on its own."""
    f, l, c = key
    ls = lines_of(f)[l - 1:end[0]]
    if not ls:
        return ""
    if len(ls) == 1:
        return ls[0][c - 1:end[1] - 1]
    ls[-1] = ls[-1][:end[1] - 1]
    ls[0] = " " * (c - 1) + ls[0][c - 1:]
    return textwrap.dedent("\n".join(ls))


def has_comment(text):
    try:
        return any(t.type == tokenize.COMMENT for t in tokenize.generate_tokens(io.StringIO(text + "\n").readline))
    except (tokenize.TokenError, SyntaxError, IndentationError):
        return "#" in text


def parsed(text):
    for src in (text, "(" + text + ")"):
        try:
            return ast.parse(src).body[0]
        except (SyntaxError, ValueError, IndexError):
            pass
    return None


SUPPRESSION = re.compile(r"#\s*(type:\s*ignore|noqa|typhon:\s*ignore)")
EXPLAIN = {
    "suppressed": "typhon honours the suppression comment on that line (`# type: ignore`, `# noqa`, "
                  "`# typhon: ignore`: product.md section 3); ast-grep has no suppression comments",
    "comment": "a comment inside the match: typhon skips comments as trivia (product.md section 4); "
               "ast-grep's default `smart` strictness matches comment nodes like code",
    "trailing": "the try statement has more clauses after the ones the pattern lists (another `except`, "
                "`else`, `finally`): ast-grep stops comparing when the pattern's children run out and "
                "ignores the rest; typhon requires every child to be matched",
    "comma": "the keyword argument is the call's last argument: ast-grep needs the comma token that "
             "follows it in the pattern `f($$$, k=v, $$$)`; typhon ignores commas (trivia)",
}


def explain(side, key, end):
    text = text_of(key, end)
    node = parsed(text)
    if side == "ast-grep":
        if SUPPRESSION.search(line_at(key[0], key[1])):
            return "suppressed"
        if isinstance(node, ast.Try) and (len(node.handlers) > 1 or node.orelse or node.finalbody):
            return "trailing"
        return None
    call = node.value if isinstance(node, ast.Expr) else None
    if isinstance(call, ast.Call) and call.keywords and not re.search(r",\s*\)\s*$", text):
        last = max([*call.args, *call.keywords], key=lambda a: (a.lineno, a.col_offset))
        if last is call.keywords[-1]:
            return "comma"
    if has_comment(text):
        return "comment"
    return None


print()
print(f"{'rule':24} {'typhon':>7} {'ast-grep':>9} {'both':>6} {'only typhon':>12} {'only ast-grep':>14} "
      f"{'unexplained':>12}")
unexplained = []
why = defaultdict(list)
for rule in sorted(ids):
    t, s = ty.get(rule, {}), sg.get(rule, {})
    count = 0
    for side, mine, theirs in (("typhon", t, s), ("ast-grep", s, t)):
        for key in sorted(set(mine) - set(theirs)):
            reason = explain(side, key, mine[key])
            if reason:
                why[reason].append((rule, side, key))
            else:
                count += 1
                unexplained.append((rule, side, key))
    print(f"{rule:24} {len(t):7} {len(s):9} {len(set(t) & set(s)):6} {len(set(t) - set(s)):12} "
          f"{len(set(s) - set(t)):14} {count:12}")
print(f"{'total':24} {sum(len(ty.get(r, {})) for r in ids):7} {sum(len(sg.get(r, {})) for r in ids):9}")

for reason, items in sorted(why.items()):
    by = Counter((r, side) for r, side, _ in items)
    print(f"\nexplained, {reason} ({len(items)}: "
          + ", ".join(f"{r} only {side} {n}" for (r, side), n in sorted(by.items())) + ")")
    print("  " + EXPLAIN[reason])
    for r, side, (f, l, c) in items[:show]:
        print(f"  {r}, only {side}: {f}:{l}:{c}: {line_at(f, l).strip()[:90]}")
if unexplained:
    print(f"\nUNEXPLAINED differences ({len(unexplained)}):")
    for r, side, (f, l, c) in unexplained[:max(show, 20)]:
        print(f"  {r}, only {side}: {f}:{l}:{c}: {line_at(f, l).strip()[:90]}")
if others:
    print("\ntyphon also reported (not compared):", dict(others))
agree = sum(1 for r in ids if set(ty.get(r, {})) == set(sg.get(r, {})))
print(f"\nmatch sets: identical for {agree} of {len(ids)} rules; "
      + ("every difference is explained" if not unexplained else f"{len(unexplained)} differences are unexplained"))
sys.exit(1 if unexplained else 0)
