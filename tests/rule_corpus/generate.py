#!/usr/bin/env python3
"""Writes broken/NNN-<what>.yaml: malformed rule files for the rule-loader robustness test.

Deterministic (seeded). Hand-written cases cover each kind of mistake; seeded mutations of
valid entries add variety. Mutations that happen to stay valid are dropped by the caller
(tests/rule_corpus_test.cpp asserts every file in broken/ is rejected with a located error;
after regenerating, delete the files it reports as accepted).
Run: python3 tests/rule_corpus/generate.py  (rewrites broken/)
"""
import os
import random
import shutil

HEADER = "id: sample-rule\ngroup: sample\nseverity: warning\nmessage: \"sample {{A}}\"\n"
VALID = [
    HEADER + "rule:\n  pattern: $A == None\nfix: $A is None\n",
    HEADER + "rule:\n  pattern: print($$$ARGS)\n  inside:\n    kind: function_definition\n    stopBy: end\n",
    HEADER + "rule:\n  any:\n    - pattern: os.system($A)\n    - pattern: os.popen($A)\nconstraints:\n  A:\n    not: { kind: string }\n",
    HEADER + "utils:\n  is-call: { kind: call }\nrule:\n  matches: is-call\n  regex: ^eval\n",
    HEADER + "rule:\n  pattern: $F()\ntransform:\n  G:\n    convert: { source: $F, toCase: snakeCase }\nfix: $G()\n",
    HEADER + "native: SyntaxError\nvalid: [\"x = 1\"]\ninvalid: [\"def f(:\"]\n",
]

CASES = {
    # YAML syntax
    "unclosed-flow-seq": "id: [a, b\n",
    "unclosed-flow-map": "id: {a: 1\n",
    "bad-indentation": "id: x\n  group: y\n severity: z\n",
    "tab-indent": "id: x\nrule:\n\tpattern: $A\n",
    "unterminated-double-quote": HEADER.replace('"sample {{A}}"', '"sample'),
    "unterminated-single-quote": "id: 'abc\n",
    "duplicate-key": HEADER + "id: again\nnative: SyntaxError\n",
    "undefined-alias": "id: *nowhere\n",
    "mapping-in-scalar": "id: a: b\n",
    "stray-colon": ": value\n",
    "document-markers-only": "---\n...\n",
    "binary-garbage": "\x01\x02\x03: \x04\n",
    "complex-key": "? [a, b]\n: c\n",
    "block-scalar-bad": "description: |\n no-indent\nid: x\n",
    # wrong top level
    "empty-file": "",
    "top-level-list": "- id: x\n- group: y\n",
    "top-level-scalar": "just a string\n",
    "top-level-number": "42\n",
    # missing / wrong keys
    "missing-id": "group: g\nseverity: warning\nmessage: m\nnative: SyntaxError\n",
    "missing-group": "id: x\nseverity: warning\nmessage: m\nnative: SyntaxError\n",
    "missing-severity": "id: x\ngroup: g\nmessage: m\nnative: SyntaxError\n",
    "missing-message": "id: x\ngroup: g\nseverity: warning\nnative: SyntaxError\n",
    "missing-rule-and-native": HEADER,
    "both-rule-and-native": HEADER + "native: SyntaxError\nrule:\n  kind: call\n",
    "unknown-top-key": HEADER + "native: SyntaxError\nseverityy: error\n",
    "unknown-rule-key": HEADER + "rule:\n  patern: $A\n",
    "unknown-relational-key": HEADER + "rule:\n  inside:\n    kinds: call\n",
    "unknown-nth-key": HEADER + "rule:\n  nthChild:\n    position: 1\n    from: end\n",
    "unknown-transform-key": HEADER + "rule:\n  pattern: $A\ntransform:\n  B:\n    substring: { source: $A, start: 1 }\n",
    "unknown-pattern-object-key": HEADER + "rule:\n  pattern:\n    context: f($A)\n    selectr: call\n",
    # wrong types
    "id-is-list": "id: [a]\ngroup: g\nseverity: warning\nmessage: m\nnative: SyntaxError\n",
    "id-not-kebab": "id: Bad_Id\ngroup: g\nseverity: warning\nmessage: m\nnative: SyntaxError\n",
    "id-trailing-dash": "id: bad-\ngroup: g\nseverity: warning\nmessage: m\nnative: SyntaxError\n",
    "group-not-kebab": "id: x\ngroup: Style\nseverity: warning\nmessage: m\nnative: SyntaxError\n",
    "severity-unknown": "id: x\ngroup: g\nseverity: fatal\nmessage: m\nnative: SyntaxError\n",
    "severity-list": "id: x\ngroup: g\nseverity: [error]\nmessage: m\nnative: SyntaxError\n",
    "message-map": "id: x\ngroup: g\nseverity: error\nmessage: {a: 1}\nnative: SyntaxError\n",
    "valid-is-map": HEADER + "native: SyntaxError\nvalid: {a: 1}\n",
    "invalid-item-map-without-code": HEADER + "native: SyntaxError\ninvalid:\n  - fixed: x\n",
    "invalid-item-list": HEADER + "native: SyntaxError\ninvalid:\n  - [a]\n",
    "applicability-unknown": HEADER + "rule:\n  pattern: $A\nfix: $A\napplicability: maybe\n",
    "applicability-without-fix": HEADER + "rule:\n  pattern: $A\napplicability: safe\n",
    "options-list": HEADER + "native: SyntaxError\noptions: [1, 2]\n",
    "rule-is-string": HEADER + "rule: $A == None\n",
    "rule-is-list": HEADER + "rule:\n  - pattern: $A\n",
    "rule-empty-map": HEADER + "rule: {}\n",
    "all-is-map": HEADER + "rule:\n  all: { kind: call }\n",
    "any-is-string": HEADER + "rule:\n  any: call\n",
    "not-is-list": HEADER + "rule:\n  not: [ { kind: call } ]\n",
    "inside-is-string": HEADER + "rule:\n  inside: call\n",
    "kind-is-list": HEADER + "rule:\n  kind: [call]\n",
    "regex-is-map": HEADER + "rule:\n  regex: {a: b}\n",
    "fix-is-list": HEADER + "rule:\n  pattern: $A\nfix: [a]\n",
    "constraints-is-list": HEADER + "rule:\n  pattern: $A\nconstraints: [a]\n",
    "utils-is-list": HEADER + "utils: [a]\nrule:\n  kind: call\n",
    "transform-is-list": HEADER + "rule:\n  pattern: $A\ntransform: [a]\n",
    "field-is-map": HEADER + "rule:\n  inside: { kind: call, field: {a: b} }\n",
    # bad values
    "pattern-syntax-error": HEADER + "rule:\n  pattern: $A ==\n",
    "pattern-unbalanced": HEADER + "rule:\n  pattern: f($A\n",
    "pattern-empty": HEADER + "rule:\n  pattern: \"\"\n",
    "pattern-only-comment": HEADER + "rule:\n  pattern: \"# nothing\"\n",
    "selector-unknown-kind": HEADER + "rule:\n  pattern:\n    context: f($A)\n    selector: frobnicate\n",
    "selector-not-in-context": HEADER + "rule:\n  pattern:\n    context: f($A)\n    selector: lambda\n",
    "context-missing": HEADER + "rule:\n  pattern:\n    selector: call\n",
    "unknown-kind": HEADER + "rule:\n  kind: function_defintion\n",
    "anonymous-kind": HEADER + "rule:\n  kind: \"==\"\n",
    "bad-regex-paren": HEADER + "rule:\n  regex: '(abc'\n",
    "bad-regex-backref": HEADER + "rule:\n  regex: '(a)\\1'\n",
    "bad-regex-lookahead": HEADER + "rule:\n  regex: 'a(?=b)'\n",
    "bad-regex-repeat": HEADER + "rule:\n  regex: '*a'\n",
    "nth-zero": HEADER + "rule:\n  kind: integer\n  nthChild: 0\n",
    "nth-negative": HEADER + "rule:\n  kind: integer\n  nthChild: -2\n",
    "nth-text": HEADER + "rule:\n  kind: integer\n  nthChild: first\n",
    "nth-without-position": HEADER + "rule:\n  kind: integer\n  nthChild: { reverse: true }\n",
    "stopby-unknown-word": HEADER + "rule:\n  kind: call\n  inside: { kind: block, stopBy: forever }\n",
    "unknown-field": HEADER + "rule:\n  kind: call\n  inside: { kind: call, field: callee }\n",
    "matches-unknown-util": HEADER + "rule:\n  matches: nothing-here\n",
    "matches-empty": HEADER + "rule:\n  matches: \"\"\n",
    "util-bad-rule": HEADER + "utils:\n  u: { kind: nope }\nrule:\n  matches: u\n",
    "fix-unbound-metavar": HEADER + "rule:\n  pattern: f($A)\nfix: g($B)\n",
    "fix-unbound-multi": HEADER + "rule:\n  pattern: f($A)\nfix: g($$$REST)\n",
    "constraint-unbound": HEADER + "rule:\n  pattern: f($A)\nconstraints:\n  B: { kind: call }\n",
    "constraint-bad-rule": HEADER + "rule:\n  pattern: f($A)\nconstraints:\n  A: { kind: nope }\n",
    "transform-unknown-op": HEADER + "rule:\n  pattern: f($A)\ntransform:\n  B: { shout: { source: $A } }\n",
    "transform-two-ops": HEADER + "rule:\n  pattern: f($A)\ntransform:\n  B:\n    substring: { source: $A }\n    convert: { source: $A, toCase: upperCase }\n",
    "transform-no-source": HEADER + "rule:\n  pattern: f($A)\ntransform:\n  B: { convert: { toCase: upperCase } }\n",
    "transform-unbound-source": HEADER + "rule:\n  pattern: f($A)\ntransform:\n  B: { convert: { source: $Z, toCase: upperCase } }\n",
    "transform-bad-case": HEADER + "rule:\n  pattern: f($A)\ntransform:\n  B: { convert: { source: $A, toCase: shoutCase } }\n",
    "transform-bad-regex": HEADER + "rule:\n  pattern: f($A)\ntransform:\n  B: { replace: { source: $A, replace: '[', by: x } }\n",
    "transform-replace-missing-by": HEADER + "rule:\n  pattern: f($A)\ntransform:\n  B: { replace: { source: $A, replace: a } }\n",
    "transform-substring-text-index": HEADER + "rule:\n  pattern: f($A)\ntransform:\n  B: { substring: { source: $A, startChar: one } }\n",
    "native-unknown": HEADER + "native: NoSuchCheck\n",
    "native-with-fix": HEADER + "native: SyntaxError\nfix: x\n",
    "native-with-constraints": HEADER + "native: SyntaxError\nconstraints: {A: {kind: call}}\n",
    "python-gate-garbage": HEADER + "native: SyntaxError\npython: [3]\n",
}

MUTATORS = [
    lambda s, r: s[: r.randrange(len(s))],  # truncate
    lambda s, r: s.replace(":", "", 1 + r.randrange(2)),
    lambda s, r: s.replace("  ", " ", 1),
    lambda s, r: s.replace("$A", "$a"),
    lambda s, r: s.replace("rule:", "rules:"),
    lambda s, r: s.replace("pattern:", "pattern: (", 1),
    lambda s, r: s.replace("kind: ", "kind: x", 1),
    lambda s, r: s + "\n  stray: [\n",
    lambda s, r: s.replace("\n", "\n\t", 1 + r.randrange(3)),
    lambda s, r: s.replace("severity: warning", "severity: " + r.choice(["warn", "ERROR", "", "[x]"])),
    lambda s, r: s.replace("id: sample-rule", "id: " + r.choice(["", "Sample", "1x", "a_b", "{x: 1}"])),
    lambda s, r: s.replace("message:", "mesage:"),
]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    out = os.path.join(here, "broken")
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    n = 0
    for name, text in CASES.items():
        n += 1
        with open(os.path.join(out, f"{n:03d}-{name}.yaml"), "w", encoding="utf-8", newline="") as f:
            f.write(text)
    rng = random.Random(20261121)
    i = 0
    while n < 260:
        base = rng.choice(VALID)
        text = base
        for _ in range(1 + rng.randrange(3)):
            text = rng.choice(MUTATORS)(text, rng)
        i += 1
        n += 1
        with open(os.path.join(out, f"{n:03d}-mutation-{i}.yaml"), "w", encoding="utf-8", newline="") as f:
            f.write(text)


if __name__ == "__main__":
    main()
