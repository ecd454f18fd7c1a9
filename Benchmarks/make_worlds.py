#!/usr/bin/env python3
"""Writes the two synthetic worlds BENCHMARKS.md times the geographic map and the explorer on.

    python3 Benchmarks/make_worlds.py OUT_FOLDER
    # OUT/geo-5k.yaml: 5,000 actors at uniform random coordinates (lat -45..65, lon -160..170),
    #                  15,000 random relations, 20% hostile (seed 7)
    # OUT/explorer-1k.yaml: 1,000 actors (every tenth a state), 10,000 distinct directed ties
    #                  a->b with b near a (Gaussian, sigma 40 indices), 15% hostile (seed 11)
"""
import os, random, sys

HEAD = ["schema: 1", "types: [{id: t, polarity: cooperative, mode: material}, {id: h, polarity: hostile, mode: material}]"]


def geo_5k(path):
    r = random.Random(7)
    n = 5000
    lines = ["name: geo5k", "title: 5,000 located actors"] + HEAD + ["actors:"]
    for i in range(n):
        lines.append(f'  - {{id: a{i}, attributes: {{lat: "{r.uniform(-45, 65):.3f}", lon: "{r.uniform(-160, 170):.3f}"}}}}')
    lines.append("relations:")
    for _ in range(15000):
        a, b = r.randrange(n), r.randrange(n)
        if a == b:
            continue
        lines.append(f'  - {{from: a{a}, to: a{b}, type: {"t" if r.random() < 0.8 else "h"}, weight: {r.uniform(0.05, 1):.3f}}}')
    open(path, "w").write("\n".join(lines) + "\n")


def explorer_1k(path):
    r = random.Random(11)
    n = 1000
    lines = ["name: k1", "title: 1,000 actors, 10,000 relations"] + HEAD + ["actors:"]
    for i in range(n):
        lines.append(f"  - {{id: a{i}, kind: {'state' if i % 10 == 0 else 'organization'}}}")
    lines.append("relations:")
    seen = set()
    while len(seen) < 10000:
        a = r.randrange(n)
        b = int(abs(r.gauss(a, 40))) % n
        if a == b or (a, b) in seen:
            continue
        seen.add((a, b))
        lines.append(f"  - {{from: a{a}, to: a{b}, type: {'t' if r.random() < 0.85 else 'h'}, weight: {r.uniform(0.05, 1):.3f}}}")
    open(path, "w").write("\n".join(lines) + "\n")


if __name__ == "__main__":
    out = sys.argv[1] if len(sys.argv) > 1 else "."
    os.makedirs(out, exist_ok=True)
    geo_5k(os.path.join(out, "geo-5k.yaml"))
    explorer_1k(os.path.join(out, "explorer-1k.yaml"))
    print("wrote", os.path.join(out, "geo-5k.yaml"), "and", os.path.join(out, "explorer-1k.yaml"))
