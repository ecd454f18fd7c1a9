#!/usr/bin/env python3
"""Reruns every `$ statecraft …` command shown in README.md and pastes its real output.

In README.md, a fenced block whose lines start with `$ statecraft` (or `$ cd … && statecraft`)
is a transcript: each command line is run from the repository root with the debug build
(`swift build` first) and the lines after it, up to the next `$` line or the block's end,
are replaced by what it printed (stdout and stderr, as a terminal shows them).

    swift build && python3 Scripts/refresh-readme.py
"""
import os, re, subprocess, sys

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
binary = os.path.join(root, ".build", "debug", "statecraft")
if not os.path.exists(binary):
    sys.exit("build first: swift build")
readme = os.path.join(root, "README.md")
lines = open(readme, encoding="utf-8").read().split("\n")
out, i = [], 0
while i < len(lines):
    line = lines[i]
    out.append(line)
    i += 1
    if not line.startswith("```"):
        continue
    block = []
    while i < len(lines) and not lines[i].startswith("```"):
        block.append(lines[i]); i += 1
    if not block or not block[0].startswith("$ statecraft"):
        out.extend(block); continue
    for cmd in [b for b in block if b.startswith("$ ")]:
        out.append(cmd)
        shell = f'statecraft() {{ "{binary}" "$@"; }}; {cmd[2:]}'
        r = subprocess.run(["bash", "-c", shell], cwd=root, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, text=True)
        text = r.stdout.rstrip("\n")
        if text:
            out.extend(text.split("\n"))
open(readme, "w", encoding="utf-8").write("\n".join(out))
print("README.md refreshed")
