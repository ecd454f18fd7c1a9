#!/usr/bin/env python3
"""Lists functions, initializers, subscripts and closures-bodied properties longer than a limit.

Usage: Scripts/long_functions.py [--limit 60] [--check] [PATH ...]   (default PATH: Sources)

A body's length counts the lines from its declaration to its closing brace. Braces inside
string literals (single-line and triple-quoted) and comments are ignored. With --check the
script exits 1 when any body is over the limit, except files under a folder named
`Generated` or whose first line says `// generated` (tables written by a script).
"""
import argparse
import pathlib
import re
import sys

DECL = re.compile(
    r"^\s*(?:@\w+(?:\([^)]*\))?\s+)*(?:(?:public|private|fileprivate|internal|package|open|static|class|"
    r"mutating|nonmutating|override|final|nonisolated|convenience|required|consuming|borrowing)\s+)*"
    r"(func\s+[^\s(<]+|init[?!]?|subscript|deinit)\b")


def skip_string(line, i):
    """The index after the string literal whose opening quote ends at `i - 1`, skipping
    interpolations (which may hold strings of their own)."""
    n = len(line)
    while i < n:
        c = line[i]
        if c == "\\" and i + 1 < n and line[i + 1] == "(":
            i = skip_expression(line, i + 2)
            continue
        if c == "\\":
            i += 2
            continue
        if c == '"':
            return i + 1
        i += 1
    return n


def skip_expression(line, i):
    """The index after the `)` closing an interpolation that starts at `i`."""
    depth = 1
    n = len(line)
    while i < n:
        c = line[i]
        if c == '"':
            i = skip_string(line, i + 1)
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return n


def strip_strings(lines):
    """Yields each line with string contents and comments blanked."""
    in_triple = False
    in_block_comment = False
    for line in lines:
        out = []
        i = 0
        n = len(line)
        while i < n:
            if in_block_comment:
                j = line.find("*/", i)
                if j < 0:
                    i = n
                else:
                    in_block_comment = False
                    i = j + 2
                continue
            if in_triple:
                j = line.find('"""', i)
                if j < 0:
                    i = n
                else:
                    in_triple = False
                    i = j + 3
                continue
            c = line[i]
            if line.startswith("//", i):
                break
            if line.startswith("/*", i):
                in_block_comment = True
                i += 2
                continue
            if line.startswith('"""', i):
                in_triple = True
                i += 3
                continue
            if c == '"':
                i = skip_string(line, i + 1)
                out.append('""')
                continue
            out.append(c)
            i += 1
        yield "".join(out)


def bodies(path):
    text = path.read_text(encoding="utf-8").splitlines()
    clean = list(strip_strings(text))
    for start, line in enumerate(clean):
        m = DECL.match(line)
        if not m:
            continue
        depth = 0
        opened = False
        for end in range(start, len(clean)):
            for ch in clean[end]:
                if ch == "{":
                    depth += 1
                    opened = True
                elif ch == "}":
                    depth -= 1
            if opened and depth <= 0:
                yield m.group(1), start + 1, end - start + 1
                break
            if not opened and end > start and clean[end].strip() == "" :
                break  # a protocol requirement: no body


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("paths", nargs="*", default=["Sources"])
    parser.add_argument("--limit", type=int, default=60)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    over = []
    for root in args.paths:
        base = pathlib.Path(root)
        for path in [base] if base.is_file() else sorted(base.rglob("*.swift")):
            if "Generated" in path.parts:
                continue
            first = path.read_text(encoding="utf-8").split("\n", 1)[0].lower()
            if first.startswith("// generated"):
                continue
            for name, line, length in bodies(path):
                if length > args.limit:
                    over.append((length, f"{path}:{line}", name))
    for length, where, name in sorted(over, reverse=True):
        print(f"{length:5d}  {where}  {name}")
    print(f"{len(over)} bodies over {args.limit} lines", file=sys.stderr)
    if args.check and over:
        sys.exit(1)


if __name__ == "__main__":
    main()
