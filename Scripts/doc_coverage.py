#!/usr/bin/env python3
"""Counts public declarations in Sources/ without a doc comment, and fails on a new one.

A declaration is `public` or `open` (func, init, var, let, struct, class, enum, protocol,
typealias, subscript, case of a public enum is not counted). It is documented when the line
above it (skipping attributes such as @Test or @inlinable) is a `///` comment or the end of a
`/** */` block. Conformance witnesses whose meaning the protocol documents are exempt:
`encode(to:)`, `init(from:)`, `description`, `hash(into:)`, operators, `text(_:)` of a
ReportValue, `makeIterator`, `startIndex`, `endIndex`, `subscript(position:)` of a collection,
and CodingKey's `stringValue`/`intValue` initializers.

    python3 Scripts/doc_coverage.py            # list the undocumented ones and compare with the baseline
    python3 Scripts/doc_coverage.py --write    # accept the current list as the baseline

The baseline (Scripts/doc-coverage-baseline.txt) lists what was undocumented when it was
written; CI fails when a declaration not on it is undocumented. Document one and rerun with
--write to shrink the list.
"""
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BASELINE = os.path.join(ROOT, "Scripts", "doc-coverage-baseline.txt")
DECL = re.compile(r"^\s*(?:@\w+(?:\([^)]*\))?\s+)*(?:public|open)\s+(?:(?:static|final|override|mutating|nonmutating|indirect|convenience|required|nonisolated|private\(set\)|internal\(set\))\s+)*"
                  r"(func|init|var|let|struct|class|enum|protocol|typealias|subscript|actor)\b\s*([^\s(:<={]*)")
EXEMPT = {"encode", "description", "hash", "text", "makeIterator", "startIndex", "endIndex", "debugDescription"}


def undocumented():
    found = []
    for folder, _, files in os.walk(os.path.join(ROOT, "Sources")):
        for name in sorted(files):
            if not name.endswith(".swift"):
                continue
            path = os.path.join(folder, name)
            lines = open(path, encoding="utf-8").read().split("\n")
            for i, line in enumerate(lines):
                m = DECL.match(line)
                if not m:
                    continue
                kind, ident = m.group(1), m.group(2)
                if ident in EXEMPT or re.match(r"^[^\w]", ident or "x"):
                    continue
                if kind == "init" and re.search(r"init\((from decoder|stringValue|intValue)", line):
                    continue
                if kind == "subscript" and "position" in line:
                    continue
                j = i - 1
                while j >= 0 and re.match(r"^\s*@\w+", lines[j]):
                    j -= 1
                prev = lines[j].strip() if j >= 0 else ""
                if prev.startswith("///") or prev.endswith("*/"):
                    continue
                rel = os.path.relpath(path, ROOT)
                found.append(f"{rel}: {kind} {ident}".rstrip())
    return sorted(set(found))


def main():
    current = undocumented()
    if "--write" in sys.argv:
        with open(BASELINE, "w") as f:
            f.write("\n".join(current) + ("\n" if current else ""))
        print(f"baseline written: {len(current)} undocumented public declarations")
        return 0
    baseline = set(open(BASELINE).read().split("\n")) - {""} if os.path.exists(BASELINE) else set()
    new = [d for d in current if d not in baseline]
    print(f"{len(current)} public declarations without a doc comment ({len(baseline)} in the baseline)")
    for d in new:
        print(f"  new: {d}")
    if new:
        print("Document them (/// above the declaration); see CONTRIBUTING.md.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
