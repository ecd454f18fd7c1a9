#!/usr/bin/env python3
"""Lists public algorithms and public operations on `World` whose doc comment has no
`- Complexity:` line, and fails (exit 1) when there is one.

Checked: every public `func` and `init` in Sources/StatecraftGraph (the graph core: every
algorithm), and every public `func` declared inside an `extension World` or `struct World`
anywhere in Sources/. An operation that is O(1) says so (`- Complexity: O(1)`).

    python3 Scripts/complexity_coverage.py
"""
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DECL = re.compile(r"^\s*(?:@\w+(?:\([^)]*\))?\s+)*public\s+(?:(?:static|mutating|nonmutating)\s+)*(func|init)\b\s*([^\s(<]*)")
WORLD = re.compile(r"^(?:public\s+)?(?:extension|struct)\s+World\b")
TYPE = re.compile(r"^(?:public\s+|package\s+)?(?:extension|struct|enum|final class|class|protocol)\s+\w")


def doc_block(lines, i):
    j = i - 1
    while j >= 0 and re.match(r"^\s*@\w+", lines[j]):
        j -= 1
    block = []
    while j >= 0 and lines[j].strip().startswith("///"):
        block.append(lines[j])
        j -= 1
    return "\n".join(reversed(block))


def missing():
    found = []
    for folder, _, files in os.walk(os.path.join(ROOT, "Sources")):
        in_core = os.path.relpath(folder, ROOT).startswith("Sources/StatecraftGraph")
        for name in sorted(files):
            if not name.endswith(".swift"):
                continue
            path = os.path.join(folder, name)
            lines = open(path, encoding="utf-8").read().split("\n")
            in_world = False
            for i, line in enumerate(lines):
                if TYPE.match(line):
                    in_world = bool(WORLD.match(line))
                elif line.startswith("}"):
                    in_world = False
                m = DECL.match(line)
                if not m or not (in_core or in_world):
                    continue
                if m.group(2) in ("encode", "hash"):
                    continue
                if "- Complexity:" not in doc_block(lines, i):
                    found.append(f"{os.path.relpath(path, ROOT)}:{i + 1}: {m.group(1)} {m.group(2)}".rstrip())
    return found


def main():
    found = missing()
    for line in found:
        print(line)
    print(f"{len(found)} public algorithms or World operations without `- Complexity:`", file=sys.stderr)
    sys.exit(1 if found else 0)


if __name__ == "__main__":
    main()
