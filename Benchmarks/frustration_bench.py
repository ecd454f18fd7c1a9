#!/usr/bin/env python3
"""Exact frustration: `statecraft balance` (local search, branch and bound, GLPK's integer
program) against HiGHS on the same binary model, each with a 60 s limit.

    python3 -m venv /tmp/h && /tmp/h/bin/pip install highspy==1.16.0
    swift build -c release --product statecraft
    /tmp/h/bin/python Benchmarks/frustration_bench.py --bin .build/release/statecraft [--seconds 60]

Worlds (written to a temporary folder): Gahuku–Gama; random signed graphs with random signs
(60 actors and 316 ties, as in the hard-problems issue); sparse graphs with 12% of their ties
against a planted split (500 actors, 2,000 ties, as in the issue, and smaller ones).
"""
import argparse, os, re, subprocess, sys, tempfile, time
import highspy

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(REPO, "Scripts"))
from frustration_reference import graph  # the same random signed graphs as the tests' references


def write_world(path, n, ties):
    lines = ["schema: 1", "name: s", "title: signed", "directed: false",
             "types: [{id: a, polarity: cooperative, mode: material}, {id: e, polarity: hostile, mode: material}]", "actors:"]
    lines += [f"  - {{id: v{i}}}" for i in range(n)]
    lines.append("relations:")
    lines += [f"  - {{from: v{u}, to: v{v}, type: {'a' if s > 0 else 'e'}, weight: 1}}" for u, v, s in ties]
    open(path, "w").write("\n".join(lines) + "\n")


def highs(n, ties, seconds):
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("time_limit", float(seconds))
    inf = highspy.kHighsInf
    for v in range(n):
        h.addVar(0, 0 if v == 0 else 1)
    for _ in ties:
        h.addVar(0, 1)
    k = n + len(ties)
    h.changeColsIntegrality(k, list(range(k)), [highspy.HighsVarType.kInteger] * k)
    h.changeColsCost(len(ties), list(range(n, k)), [1.0] * len(ties))
    for e, (u, v, s) in enumerate(ties):
        f = n + e
        if s > 0:
            h.addRow(0, inf, 3, [f, u, v], [1, -1, 1]); h.addRow(0, inf, 3, [f, u, v], [1, 1, -1])
        else:
            h.addRow(-1, inf, 3, [f, u, v], [1, -1, -1]); h.addRow(1, inf, 3, [f, u, v], [1, 1, 1])
    start = time.perf_counter()
    h.run()
    info = h.getInfo()
    return time.perf_counter() - start, round(info.objective_function_value), info.mip_dual_bound


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--bin", required=True)
    p.add_argument("--seconds", type=float, default=60)
    a = p.parse_args()
    cases = [("Gahuku–Gama", None), ("60 actors, 316 ties, random signs", (60, 316, 1, None)),
             ("100 actors, 400 ties, 12% against a planted split", (100, 400, 3, 0.12)),
             ("200 actors, 800 ties, 12% against a planted split", (200, 800, 4, 0.12)),
             ("500 actors, 2,000 ties, 12% against a planted split", (500, 2000, 2, 0.12))]
    print(f"| world | statecraft (GLPK) | result | HiGHS {highspy.Highs().version()} | result |")
    print("|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for name, spec in cases:
            if spec is None:
                path, ties, n = os.path.join(REPO, "Graphs/gahuku-gama.yaml"), None, None
            else:
                n, m, seed, flip = spec
                ties = graph(n, m, seed, flip)
                path = os.path.join(tmp, f"s{n}.yaml")
                write_world(path, n, ties)
            start = time.perf_counter()
            out = subprocess.run([a.bin, "balance", path, "--time-limit", str(a.seconds)], capture_output=True, text=True).stdout
            ours = time.perf_counter() - start
            line = re.search(r"Frustration index: (.*?), normalized", out).group(1)
            if ties is None:
                print(f"| {name} | {ours:.2f} s | {line} | — | 7 (published) |")
                continue
            t, value, bound = highs(n, ties, a.seconds)
            verdict = f"{value} (optimal)" if value <= bound + 1e-6 else f"{value}, at least {int(-(-bound // 1))}"
            print(f"| {name} | {ours:.1f} s | {line} | {t:.1f} s | {verdict} |")


if __name__ == "__main__":
    main()
