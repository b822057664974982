"""Class-model oracle: typhon's `mro` command against CPython on generated modules.

Usage: python3 oracle.py [--typhon PATH] [--seed N] [--count N] [--keep DIR] [--show N]
Seed and count default to $TYPHON_ORACLE_SEED / $TYPHON_ORACLE_COUNT (else 20261121 / 150:
each `typhon mro` run loads typeshed's builtins, about 0.3 s).
Without --typhon only the CPython side runs (a self-check of the generator: every failing class
statement must be one of the recorded class lines and fail for a reason a rule covers).

CPython side: every module is executed in a fresh namespace in this process; for each class it
created, its `__mro__` names; for the first failing class statement, the exception and the line
(the module stops there). typhon side: `typhon mro FILE --format json`. They agree on a module
when every class CPython created has the same MRO in typhon's answer, the failing class (if any)
has a diagnostic of the matching rule on its line, and there is no class-model error diagnostic
on any other line before the failure (lines after it are not compared). The test fails unless
all modules agree.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import json
import os
import subprocess
import sys
import tempfile
import types

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from generate import EXCLUSIONS, VARSIZED, Module, generate  # noqa: E402

CLASS_RULES = {"duplicate-base", "inconsistent-mro", "instance-layout-conflict", "metaclass-conflict"}


def classify(exc: BaseException) -> str:
    """The rule that reports a class-creation error, or 'other:<message>'."""
    msg = str(exc)
    if isinstance(exc, TypeError):
        if msg.startswith("duplicate base class"):
            return "duplicate-base"
        if msg.startswith("Cannot create a consistent method resolution"):
            return "inconsistent-mro"
        if msg.startswith("multiple bases have instance lay-out conflict"):
            return "instance-layout-conflict"
        if msg.startswith("metaclass conflict"):
            return "metaclass-conflict"
    return f"other:{type(exc).__name__}: {msg}"


def run_cpython(index: int, module: Module) -> dict:
    filename = f"<class-oracle-{index}>"
    # A registered module object: dataclasses looks its class's module up in sys.modules.
    mod = types.ModuleType(f"class_oracle_m{index}")
    sys.modules[mod.__name__] = mod
    namespace = mod.__dict__
    error = None
    try:
        exec(compile(module.source, filename, "exec"), namespace)
    except Exception as exc:  # noqa: BLE001 - every class-creation error is data here
        line = None
        tb = exc.__traceback__
        while tb is not None:
            if tb.tb_frame.f_code.co_filename == filename:
                line = tb.tb_lineno
            tb = tb.tb_next
        error = {"rule": classify(exc), "line": line, "message": f"{type(exc).__name__}: {exc}"}
    finally:
        del sys.modules[mod.__name__]
    classes = {}
    for name, _line in module.classes:
        cls = namespace.get(name)
        if isinstance(cls, type):
            classes[name] = [c.__name__ for c in cls.__mro__]
    return {"classes": classes, "error": error}


def short(name: str) -> str:
    return name.rsplit(".", 1)[-1]


def run_typhon(typhon: str, path: str) -> dict:
    # The target version is the interpreter's: typeshed's declarations depend on it.
    version = f"{sys.version_info[0]}.{sys.version_info[1]}"
    proc = subprocess.run([typhon, "mro", path, "--format", "json", "--python-version", version],
                          capture_output=True, text=True, timeout=60)
    try:
        return json.loads(proc.stdout)
    except json.JSONDecodeError:
        return {"invalid": f"exit {proc.returncode}; stdout {proc.stdout[:300]!r}; "
                           f"stderr {proc.stderr[:300]!r}"}


def depends_on_replaced(module: Module, name: str) -> bool:
    """Whether the class is, or derives from, a class decorated with @dataclass(slots=True), or is
    created by an enum metaclass."""
    if name in module.enumish:
        return True
    stack, seen = [name], set()
    while stack:
        n = stack.pop()
        if n in seen:
            continue
        seen.add(n)
        if n in module.replaced:
            return True
        stack.extend(module.bases.get(n, []))
    return False


# Explicit exclusion: typhon documents classes deriving from a class whose decorator may replace
# it (`@dataclass(slots=True)` returns a new class) as unknown (docs/class-model.md) and leaves
# them out of `typhon mro`; likewise classes created by an enum metaclass (EnumType runs its own
# checks before type.__new__; docs/class-model.md). Such a class missing from typhon's answer, or a failing class statement
# over such bases without any class-model diagnostic, is counted as excluded, not compared. A
# verdict typhon does give for them must still be right.
def layout_unknown_before_312(module: Module, mro: list[str]) -> bool:
    """Before 3.12 a `__dict__` added under a variable-size builtin (int, bytes, tuple, type) gives
    the class its own layout only if no base has a `__dict__` yet; typhon does not track which user
    bases have one and leaves such subclasses of a slotted user class unknown (docs/class-model.md)."""
    if sys.version_info >= (3, 12) or not any(b in VARSIZED for b in mro):
        return False
    slotted = {n for n, line in module.classes
               if f"class {n}" in module.source and _body_has_slots(module, n)}
    return any(c in slotted for c in mro[1:])


def _body_has_slots(module: Module, name: str) -> bool:
    lines = module.source.splitlines()
    for n, line in module.classes:
        if n != name:
            continue
        for body in lines[line:]:
            if not body.startswith("    "):
                break
            if body.strip().startswith("__slots__"):
                return True
    return False


def compare(module: Module, py: dict, ty: dict, excluded: dict) -> list[str]:
    if "invalid" in ty:
        return ["typhon gave no JSON: " + ty["invalid"]]
    problems = []
    ty_classes = {k: [short(n) for n in v] for k, v in (ty.get("classes") or {}).items()}
    for name, mro in py["classes"].items():
        got = ty_classes.get(name)
        if got is None and (depends_on_replaced(module, name) or layout_unknown_before_312(module, mro)):
            excluded["classes"] += 1
            continue
        if got != mro:
            problems.append(f"MRO of {name}: CPython {mro}, typhon {got}")
    err = py["error"]
    stop = err["line"] if err else None
    diags = [d for d in ty.get("errors") or [] if d.get("rule") in CLASS_RULES]
    for d in diags:
        line = d.get("range", {}).get("start", {}).get("line")
        if stop is not None and line is not None and line >= stop:
            continue
        problems.append(f"spurious {d.get('rule')} on line {line}: {d.get('message')}")
    failing = next((n for n, line in module.classes if err and line == err["line"]), None)
    if (err and failing and depends_on_replaced(module, failing)
            and not any(d.get("range", {}).get("start", {}).get("line") == stop for d in diags)):
        excluded["failures"] += 1
    elif err and not err["rule"].startswith("other:"):
        if not any(d.get("rule") == err["rule"] and d.get("range", {}).get("start", {}).get("line") == stop
                   for d in diags):
            seen = [(d.get("rule"), d.get("range", {}).get("start", {}).get("line")) for d in diags]
            problems.append(f"missing {err['rule']} on line {stop} ({err['message']}); typhon reported {seen}")
    return problems


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--typhon")
    ap.add_argument("--seed", type=int, default=int(os.environ.get("TYPHON_ORACLE_SEED", "20261121")))
    ap.add_argument("--count", type=int, default=int(os.environ.get("TYPHON_ORACLE_COUNT", "150")))
    ap.add_argument("--keep", help="write the modules to this directory and keep them")
    ap.add_argument("--show", type=int, default=10, help="disagreements to print")
    args = ap.parse_args()

    modules = generate(args.seed, args.count)
    results = [run_cpython(i, m) for i, m in enumerate(modules)]

    # Generator self-check: failures happen on recorded class lines and are comparable.
    rules: dict[str, int] = {}
    created = 0
    generator_problems = []
    for i, (m, r) in enumerate(zip(modules, results)):
        created += len(r["classes"])
        err = r["error"]
        key = err["rule"] if err else "none"
        rules[key if not key.startswith("other:") else "other"] = rules.get(key if not key.startswith("other:") else "other", 0) + 1
        if err and (err["line"] not in {line for _, line in m.classes} or err["rule"].startswith("other:")):
            generator_problems.append(f"module {i}: {err['message']} on line {err['line']}\n{m.source}")
    print(f"[class oracle] seed {args.seed}, {len(modules)} modules, {created} classes created by CPython "
          f"{sys.version.split()[0]}; failing class statements by rule: {json.dumps(rules, sort_keys=True)}")
    if generator_problems:
        print(f"[class oracle] {len(generator_problems)} modules fail for reasons the generator should avoid "
              f"(known exclusions: {', '.join(EXCLUSIONS)}):")
        for p in generator_problems[: args.show]:
            print(p)
        return 1
    if not args.typhon:
        return 0

    disagreements = []
    excluded = {"classes": 0, "failures": 0}
    with tempfile.TemporaryDirectory(prefix="typhon-class-oracle-") as tmp:
        out = args.keep or tmp
        os.makedirs(out, exist_ok=True)
        paths = []
        for i, m in enumerate(modules):
            paths.append(os.path.join(out, f"m{i:04d}.py"))
            with open(paths[-1], "w", encoding="utf-8") as f:
                f.write(m.source)
        with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
            answers = list(pool.map(lambda p: run_typhon(args.typhon, p), paths))
        for i, (m, r, ty) in enumerate(zip(modules, results, answers)):
            problems = compare(m, r, ty, excluded)
            if problems:
                disagreements.append((i, paths[i], m, r, ty, problems))
    agree = len(modules) - len(disagreements)
    print(f"[class oracle] agreement: {agree}/{len(modules)} modules ({100.0 * agree / len(modules):.1f}%); "
          f"excluded (documented unknown: derives from a @dataclass(slots=True) class, an enum, or before 3.12 "
          f"a slotted user class over a variable-size builtin): "
          f"{excluded['classes']} classes, {excluded['failures']} failing statements")
    for i, path, m, r, ty, problems in disagreements[: args.show]:
        print(f"--- module {i} ({path})")
        numbered = "\n".join(f"{n:3d} | {line}" for n, line in enumerate(m.source.splitlines(), 1))
        print(numbered)
        for p in problems:
            print("  * " + p)
        print("  CPython: " + json.dumps(r))
        print("  typhon:  " + json.dumps(ty)[:2000])
    return 0 if not disagreements else 1


if __name__ == "__main__":
    sys.exit(main())
