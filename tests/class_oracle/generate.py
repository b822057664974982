"""Seeded generator of small modules full of class statements, for the class-model oracle.

Each module starts with a fixed import header and then defines classes with random multiple
inheritance (diamonds, repeated bases, orders that contradict earlier ones), `__slots__`, builtin
bases, user metaclasses, ABCs, enums and dataclasses. Nothing here predicts what CPython does: the
oracle runs every module and compares. The generator only steers away from class-creation errors
that no class-model rule covers (see EXCLUSIONS), so that the modules stay comparable.

Every class statement's line (the line of the `class` keyword, which is the line CPython's
traceback reports for a failing class statement, decorated or not) is recorded.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

# Class-creation errors the generator avoids by construction (no rule of the class model reports
# them; they would stop a module for a reason the oracle cannot compare):
EXCLUSIONS = {
    "nonempty __slots__ not supported for subtype of": "non-empty `__slots__` (even `__dict__`/"
    "`__weakref__`) on a subclass of a variable-size builtin (int, bytes, tuple, type): only "
    "`__slots__ = ()` is generated below those",
    "slot disallowed": "a `__dict__`/`__weakref__` slot when a base already provides one: those "
    "slots are generated only when every base is known to lack them",
    "is not an acceptable base type": "bool and other final builtins are never used as bases",
    "new enumerations should be created as": "an Enum base is always the last base",
    "too many data types": "the other bases of an enum are user classes without builtin bases "
    "or dataclasses (both count as data types)",
    "already specifies __slots__": "@dataclass(slots=True) is never put on a class with __slots__",
    "non-default argument": "dataclass fields all have defaults",
}

HEADER = [
    "import abc",
    "import enum",
    "import dataclasses",
    "import dataclasses as dc",
    "from abc import ABC, ABCMeta",
    "from enum import Enum, EnumMeta, IntEnum",
]

# Builtin bases: (spelling, variable-size, in the enum-safe set)
BUILTINS = ["object", "int", "str", "bytes", "tuple", "list", "dict", "set", "float", "Exception",
            "BaseException", "ValueError", "LookupError", "OSError", "KeyError", "StopIteration",
            "type"]
VARSIZED = {"int", "bytes", "tuple", "type"}


@dataclass
class ClassInfo:
    name: str
    spelling: str  # how a base list spells it
    builtins: set[str] = field(default_factory=set)  # builtins in its MRO (besides object)
    is_enum: bool = False
    is_meta: bool = False  # derives from type
    enum_meta: bool = False  # a metaclass deriving from EnumMeta
    dataclass: bool = False  # a dataclass in its MRO (Enum counts those as data types)
    ancestors: list = field(default_factory=list)  # user classes it derives from (ClassInfo)
    # whether instances have a __dict__ / __weakref__: True, False or None (unknown)
    has_dict: bool | None = False
    has_weakref: bool | None = False


@dataclass
class Module:
    source: str
    # (class name, line of its `class` keyword), in source order
    classes: list[tuple[str, int]]
    # the user classes each class names as bases
    bases: dict[str, list[str]] = field(default_factory=dict)
    # classes decorated with @dataclass(slots=True), which returns a new class
    replaced: set[str] = field(default_factory=set)
    # classes created by an enum metaclass (EnumType runs its own checks before type.__new__)
    enumish: set[str] = field(default_factory=set)


class Generator:
    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.slot_counter = 0

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def builtin_info(self, name: str) -> ClassInfo:
        info = ClassInfo(name, name)
        if name != "object":
            info.builtins = {name}
            info.has_dict = info.has_weakref = None  # not tracked for builtins
        info.is_meta = name == "type"
        return info

    def imported(self) -> ClassInfo:
        k = self.rng.randrange(4)
        if k == 0:
            return ClassInfo("ABC", self.rng.choice(["abc.ABC", "ABC"]), has_dict=False)
        if k == 1:
            return ClassInfo("Enum", self.rng.choice(["enum.Enum", "Enum"]), is_enum=True)
        if k == 2:
            return ClassInfo("IntEnum", self.rng.choice(["enum.IntEnum", "IntEnum"]), {"int"},
                             is_enum=True, has_dict=None, has_weakref=None)
        return self.builtin_info(self.rng.choice(BUILTINS))

    def module(self) -> Module:
        lines = list(HEADER)
        defined: list[ClassInfo] = []
        metas: list[ClassInfo] = []
        classes: list[tuple[str, int]] = []
        self.bases: dict[str, list[str]] = {}
        self.replaced: set[str] = set()
        self.enumish: set[str] = set()
        count = self.rng.randint(3, 9)
        for i in range(count):
            if self.chance(0.15):
                info = self.metaclass(f"M{i}", metas, lines, classes)
                metas.append(info)
                defined.append(info)
            else:
                info = self.klass(f"C{i}", defined, metas, lines, classes)
                if info is not None:
                    defined.append(info)
        return Module("\n".join(lines) + "\n", classes, self.bases, self.replaced, self.enumish)

    def metaclass(self, name: str, metas: list[ClassInfo], lines: list[str],
                  classes: list[tuple[str, int]]) -> ClassInfo:
        k = self.rng.randrange(5)
        info = ClassInfo(name, name, {"type"}, is_meta=True, has_dict=None, has_weakref=None)
        if k == 0 and metas:
            parent = self.rng.choice(metas)
            bases = [parent.spelling]
            info.enum_meta = parent.enum_meta
        elif k == 1:
            bases = [self.rng.choice(["abc.ABCMeta", "ABCMeta"])]
        elif k == 2:
            bases = [self.rng.choice(["enum.EnumMeta", "EnumMeta"])]
            info.enum_meta = True
        elif k == 3 and len(metas) >= 2:
            a, b = self.rng.sample(metas, 2)
            bases = [a.spelling, b.spelling]
            info.enum_meta = a.enum_meta or b.enum_meta
        else:
            bases = ["type"]
        self.bases[name] = [b for b in bases if b[:1] in "CM" and b[1:].isdigit()]
        classes.append((name, len(lines) + 1))
        lines.append(f"class {name}({', '.join(bases)}):")
        lines.append("    pass")
        return info

    def pick_bases(self, defined: list[ClassInfo]) -> list[ClassInfo]:
        n = self.rng.choices([0, 1, 2, 3], weights=[8, 45, 35, 12])[0]
        bases: list[ClassInfo] = []
        for _ in range(n):
            if defined and self.chance(0.7):
                # prefer recent classes: longer chains and diamonds
                idx = len(defined) - 1 - min(int(self.rng.expovariate(0.6)), len(defined) - 1)
                bases.append(defined[idx])
            else:
                bases.append(self.imported())
        if len(bases) >= 2 and self.chance(0.08):
            bases.append(self.rng.choice(bases))  # a repeated base
        if len(bases) >= 2 and self.chance(0.2):
            self.rng.shuffle(bases)
        derived = [c for c in defined if c.ancestors]
        if derived and self.chance(0.06):
            # an ancestor listed before its descendant: no consistent MRO
            child = self.rng.choice(derived)
            bases = [self.rng.choice(child.ancestors), child]
        return bases

    def klass(self, name: str, defined: list[ClassInfo], metas: list[ClassInfo], lines: list[str],
              classes: list[tuple[str, int]]) -> ClassInfo | None:
        bases = self.pick_bases(defined)
        enums = [b for b in bases if b.is_enum]
        if enums:
            # An enum: the enum base goes last, the others are plain user classes (see EXCLUSIONS).
            bases = [b for b in bases if not b.is_enum and not b.builtins and not b.is_meta
                     and not b.dataclass and b.spelling == b.name and not b.name.startswith("ABC")][:1] + [enums[-1]]
        info = ClassInfo(name, name)
        for b in bases:
            info.builtins |= b.builtins
        info.is_enum = bool(enums)
        info.is_meta = any(b.is_meta for b in bases)
        info.enum_meta = any(b.enum_meta for b in bases)
        info.dataclass = any(b.dataclass for b in bases)
        for b in bases:
            if b.name == b.spelling and (b.name[:1] in "CM") and b.name[1:].isdigit():
                for a in [b] + b.ancestors:
                    if all(a is not x for x in info.ancestors):
                        info.ancestors.append(a)
        base_dict = [b.has_dict for b in bases] or [False]
        base_weak = [b.has_weakref for b in bases] or [False]
        dict_known = None not in base_dict and not info.builtins
        weak_known = None not in base_weak and not info.builtins
        inherited_dict = any(x for x in base_dict if x)
        inherited_weak = any(x for x in base_weak if x)

        keywords = []
        if self.chance(0.15):
            if info.is_enum:
                candidates = [m for m in metas if m.enum_meta] + metas[:1]
            else:
                candidates = [m for m in metas if not m.enum_meta]
            choices = [m.spelling for m in candidates] + ["abc.ABCMeta", "ABCMeta", "type"]
            keywords.append("metaclass=" + self.rng.choice(choices))
            if any(m.enum_meta and keywords[-1] == "metaclass=" + m.spelling for m in candidates):
                self.enumish.add(name)
        if info.is_enum:
            self.enumish.add(name)
        body: list[str] = []
        decorator = None
        slots = None
        if not info.is_enum and self.chance(0.4):
            varsized = bool(info.builtins & VARSIZED) or info.is_meta
            options = ["()"]
            if not varsized:
                self.slot_counter += 1
                s = f"s{self.slot_counter}"
                options += [f"('{s}',)", f"'{s}'", f"['{s}', '{s}b']"]
                if dict_known and not inherited_dict:
                    options.append(f"('{s}', '__dict__')")
                if weak_known and not inherited_weak:
                    options.append("('__weakref__',)")
            slots = self.rng.choice(options)
            body.append(f"    __slots__ = {slots}")
        if slots is None:
            info.has_dict = None if (info.builtins or None in base_dict) else True
            info.has_weakref = None if (info.builtins or None in base_weak) else True
        else:
            info.has_dict = None if not dict_known else (inherited_dict or "__dict__" in slots)
            info.has_weakref = None if not weak_known else (inherited_weak or "__weakref__" in slots)
        if (slots is None and not info.is_enum and not info.is_meta and self.chance(0.25)):
            can_slot = not (info.builtins & VARSIZED)
            args = "(slots=True)" if can_slot and self.chance(0.3) else self.rng.choice(["", "()"])
            decorator = self.rng.choice(["@dataclasses.dataclass", "@dc.dataclass"]) + args
            info.dataclass = True
            if args == "(slots=True)":
                self.replaced.add(name)
                # the decorator replaces the class by one with __slots__ for its fields
                info.has_dict = info.has_weakref = None
            body.append(f"    f{name.lower()}: int = {self.rng.randrange(10)}")
        if not info.is_enum and self.chance(0.15):
            body.append("    @abc.abstractmethod")
            body.append("    def method(self): ...")
        if not body:
            body.append("    pass")
        if decorator:
            lines.append(decorator)
        self.bases[name] = [b.name for b in bases if b.name == b.spelling and b.name[:1] in "CM"
                            and b.name[1:].isdigit()] + [k.split("=", 1)[1] for k in keywords
                                                         if k.split("=", 1)[1][:1] == "M"]
        arglist = [b.spelling for b in bases] + keywords
        header = f"class {name}({', '.join(arglist)}):" if arglist else f"class {name}:"
        classes.append((name, len(lines) + 1))
        lines.append(header)
        lines.extend(body)
        return info


def generate(seed: int, count: int) -> list[Module]:
    gen = Generator(seed)
    return [gen.module() for _ in range(count)]
