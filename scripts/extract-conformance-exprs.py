#!/usr/bin/env python3
"""Collects every PromQL expression of the shared conformance files into one fixture for the parser tests.

    scripts/extract-conformance-exprs.py [CONFORMANCE_DIR] > Tests/RuleEvalTests/PromQL/Fixtures/conformance-expressions.txt

Reads `expr:` under `promql_expr_test` in CONFORMANCE_DIR/promql/*.yml (status taken from promql/MANIFEST.tsv),
and every `expr:` of the rules and tests in CONFORMANCE_DIR/ruletests/*.rules.yml and *.test.yml. Writes one line
per distinct (file, expression): `FILE<TAB>STATUS<TAB>EXPRESSION`, with backslash, tab and newline in the
expression escaped as `\\`, `\t` and `\n`. Rule-test expressions have status `ruletest`.
"""
import glob
import os
import sys

import yaml

root = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/conformance"


def escape(text):
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")


def manifest_statuses():
    statuses = {}
    with open(os.path.join(root, "promql", "MANIFEST.tsv"), encoding="utf-8") as manifest:
        next(manifest)
        for line in manifest:
            fields = line.rstrip("\n").split("\t")
            file, test_index, _, _, status, case_index = fields[:6]
            if test_index != "-" and case_index != "":
                statuses[(file, int(test_index), int(case_index))] = status
    return statuses


def promql_rows():
    statuses = manifest_statuses()
    for path in sorted(glob.glob(os.path.join(root, "promql", "*.yml"))):
        name = os.path.basename(path)
        document = yaml.safe_load(open(path, encoding="utf-8")) or {}
        for test_index, test in enumerate(document.get("tests") or []):
            for case_index, case in enumerate(test.get("promql_expr_test") or []):
                yield name, statuses.get((name, test_index, case_index), "unknown"), str(case["expr"])


def find_exprs(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "expr" and isinstance(value, (str, int, float)):
                yield str(value)
            else:
                yield from find_exprs(value)
    elif isinstance(node, list):
        for item in node:
            yield from find_exprs(item)


def ruletest_rows():
    paths = glob.glob(os.path.join(root, "ruletests", "*.rules.yml"))
    paths += glob.glob(os.path.join(root, "ruletests", "*.test.yml"))
    for path in sorted(paths):
        document = yaml.safe_load(open(path, encoding="utf-8"))
        for expr in find_exprs(document):
            yield os.path.basename(path), "ruletest", expr


seen = set()
for row in list(promql_rows()) + list(ruletest_rows()):
    if row not in seen:
        seen.add(row)
        print("\t".join([row[0], row[1], escape(row[2])]))
