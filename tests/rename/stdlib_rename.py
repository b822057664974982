#!/usr/bin/env python3
"""Robustness test of `typhon rename`: renames random function-local variables of standard library
modules (seeded) to fresh names through the CLI, then requires CPython to compile the result and
every code object's names to have changed consistently (old -> new in co_varnames, co_cellvars,
co_freevars; nothing else changed). Then renames seeded module-level names of a copy of the json
package, with a smoke script in the project, and requires the smoke script to still pass. Refusals are allowed and counted; exits 77 (skip)
when the standard library cannot be found.

usage: stdlib_rename.py TYPHON [COUNT] [SEED]
"""
import ast
import os
import random
import shutil
import subprocess
import sys
import sysconfig
import tempfile


def local_names(tree):
    """(function node, name) pairs: plain local variables assigned in a function body."""
    out = []
    for fn in ast.walk(tree):
        if not isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        params = {a.arg for a in fn.args.args + fn.args.posonlyargs + fn.args.kwonlyargs}
        declared = set()
        stored = {}
        for node in walk_own(fn):
            if isinstance(node, (ast.Global, ast.Nonlocal)):
                declared.update(node.names)
            elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                stored.setdefault(node.id, node)
        for name, node in stored.items():
            if name not in params and name not in declared:
                out.append((fn, name, node))
    return out


def walk_own(fn):
    """Nodes of a function body, not descending into nested functions, lambdas or classes."""
    stack = list(fn.body)
    while stack:
        node = stack.pop()
        yield node
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
                continue
            stack.append(child)


def code_objects(code):
    out = [code]
    for const in code.co_consts:
        if hasattr(const, "co_code"):
            out.extend(code_objects(const))
    return out


def names_of(code, mapping=None):
    m = mapping or {}
    # co_varnames keeps definition order; cell and free variables are sorted by name.
    return [(tuple(m.get(n, n) for n in c.co_varnames), tuple(sorted(m.get(n, n) for n in c.co_cellvars)),
             tuple(sorted(m.get(n, n) for n in c.co_freevars)), c.co_names, c.co_name)
            for c in code_objects(code)]


SMOKE = r"""
import sys
sys.modules["_json"] = None  # the pure-Python code only: the C accelerator looks names up itself
import json, json.decoder, json.encoder, json.scanner
assert json.loads('{"a": [1, 2.5, "x\\u00e9", null, true, -Infinity]}') == {"a": [1, 2.5, "x\u00e9", None, True, float("-inf")]}
assert json.loads(json.dumps({"b": [1, {"c": 2}], "d": "\n"}, indent=2, sort_keys=True)) == {"b": [1, {"c": 2}], "d": "\n"}
assert json.dumps("\u00e9\n", ensure_ascii=True) == '"\\u00e9\\n"'
assert json.decoder.JSONDecoder().decode("[1]") == [1]
assert json.encoder.JSONEncoder(default=str).encode({1: object}) .startswith('{"1": "<class')
try:
    json.loads('{"a" 1}')
except json.JSONDecodeError as e:
    assert e.pos == 5 and e.lineno == 1
else:
    raise AssertionError("no error")
print("smoke ok")
"""


def package_phase(typhon, rng, count, work):
    """Renames seeded module-level names of a copy of the json package (with a smoke script in the
    project that uses it); the smoke script must still pass. Returns (renamed, refused, failures)."""
    src = os.path.join(sysconfig.get_paths()["stdlib"], "json")
    if not os.path.isdir(src):
        return 0, 0, []
    names = []
    for fname in sorted(os.listdir(src)):
        if not fname.endswith(".py"):
            continue
        data = open(os.path.join(src, fname), "rb").read()
        for node in ast.parse(data).body:
            if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
                line = data.splitlines()[node.lineno - 1]
                col = line.index(node.name.encode(), line.index(b"def" if isinstance(node, ast.FunctionDef) else b"class"))
                names.append((fname, node.name, node.lineno, col + 1))
            elif isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name) and not node.targets[0].id.startswith("__"):
                names.append((fname, node.targets[0].id, node.lineno, node.targets[0].col_offset + 1))
    renamed, refused, failures = 0, 0, []
    for index, (fname, old, line, col) in enumerate(rng.sample(names, min(count, len(names)))):
        root = os.path.join(work, "pkg%d" % index)
        shutil.copytree(src, os.path.join(root, "json"), ignore=shutil.ignore_patterns("__pycache__"))
        with open(os.path.join(root, "typhon.yaml"), "w") as f:
            f.write("extends: [recommended]\n")
        with open(os.path.join(root, "smoke.py"), "w") as f:
            f.write(SMOKE)
        new = "renamed_%s_%d" % (old.strip("_"), index)
        where = "json/%s:%d:%d %s -> %s" % (fname, line, col, old, new)
        run = subprocess.run([typhon, "rename", "json/%s:%d:%d" % (fname, line, col), new], cwd=root,
                             capture_output=True, timeout=300)
        if run.returncode == 2:
            refused += 1
            print("refused  %s: %s" % (where, run.stderr.decode(errors="replace").strip().splitlines()[-2:]))
            continue
        if run.returncode != 0:
            failures.append("%s: exit %d: %s" % (where, run.returncode, run.stderr.decode(errors="replace")))
            continue
        renamed += 1
        smoke = subprocess.run([sys.executable, "smoke.py"], cwd=root, capture_output=True, timeout=120,
                               env=dict(os.environ, PYTHONPATH=root, PYTHONDONTWRITEBYTECODE="1"))
        if smoke.returncode != 0 or b"smoke ok" not in smoke.stdout:
            failures.append("%s: the smoke test fails after the rename: %s" % (where, smoke.stderr.decode(errors="replace")[-400:]))
    return renamed, refused, failures


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    typhon = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 40
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 20260521)
    stdlib = sysconfig.get_paths().get("stdlib")
    if not stdlib or not os.path.isdir(stdlib):
        print("standard library not found: skipped")
        return 77
    files = sorted(f for f in os.listdir(stdlib) if f.endswith(".py"))
    rng.shuffle(files)
    renamed = refused = 0
    failures = []
    work = tempfile.mkdtemp(prefix="typhon-rename-stdlib-")
    try:
        for index, name in enumerate(files):
            if renamed + refused >= count:
                break
            path = os.path.join(stdlib, name)
            try:
                with open(path, "rb") as f:
                    data = f.read()
                source = data.decode("utf-8")
                tree = ast.parse(data)
                original = compile(data, name, "exec", dont_inherit=True)
            except (SyntaxError, UnicodeDecodeError, ValueError):
                continue
            candidates = local_names(tree)
            if not candidates:
                continue
            fn, old, node = rng.choice(candidates)
            new = "renamed_%s_%d" % (old, index)
            if new in source:
                continue
            line_bytes = data.splitlines(keepends=True)[node.lineno - 1]
            column = len(line_bytes[: node.col_offset].decode("utf-8")) + 1
            case_dir = os.path.join(work, str(index))
            os.makedirs(case_dir)
            target = os.path.join(case_dir, name)
            shutil.copyfile(path, target)
            run = subprocess.run([typhon, "rename", "%s:%d:%d" % (target, node.lineno, column), new, "--stdout"],
                                 capture_output=True, timeout=120)
            where = "%s:%d:%d %s -> %s" % (name, node.lineno, column, old, new)
            if run.returncode == 2:
                refused += 1
                print("refused  %s: %s" % (where, run.stderr.decode(errors="replace").strip().splitlines()[-2:]))
                continue
            if run.returncode != 0:
                failures.append("%s: exit %d: %s" % (where, run.returncode, run.stderr.decode(errors="replace")))
                continue
            renamed += 1
            try:
                result = compile(run.stdout, name, "exec", dont_inherit=True)
            except SyntaxError as e:
                failures.append("%s: result does not compile: %s" % (where, e))
                continue
            # The renamed function's code objects (and those nested in it) map old -> new;
            # every other code object is unchanged.
            before = code_objects(original)
            after = code_objects(result)
            if len(before) != len(after):
                failures.append("%s: code object count changed" % where)
                continue
            first = min([fn.lineno] + [d.lineno for d in fn.decorator_list])
            inside = {id(c) for c in before if first <= c.co_firstlineno <= fn.end_lineno}
            for b, a in zip(before, after):
                mapping = {old: new} if id(b) in inside else {}
                if names_of(b, mapping)[0] != names_of(a)[0]:
                    failures.append("%s: names of %s differ: %s vs %s" % (where, b.co_name, names_of(b, mapping)[0], names_of(a)[0]))
                    break
            if names_of(original) == names_of(result):
                failures.append("%s: nothing was renamed" % where)
        package = package_phase(typhon, rng, 12, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("renamed %d, refused %d, failures %d" % (renamed, refused, len(failures)))
    print("json package: renamed %d, refused %d, failures %d" % (package[0], package[1], len(package[2])))
    failures += package[2]
    for f in failures:
        print("FAIL", f)
    if failures or renamed < count // 2:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
