#!/usr/bin/env python3
"""Robustness test of `typhon rename`: renames random function-local variables of standard library
modules (seeded) to fresh names through the CLI, then requires CPython to compile the result and
every code object's names to have changed consistently (old -> new in co_varnames, co_cellvars,
co_freevars, co_names; nothing else changed). Refusals are allowed and counted; exits 77 (skip)
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
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("renamed %d, refused %d, failures %d" % (renamed, refused, len(failures)))
    for f in failures:
        print("FAIL", f)
    if failures or renamed < count // 2:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
