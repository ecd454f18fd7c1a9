#!/usr/bin/env python3
"""Whole-process comparison (issue 8): the statecraft CLI against python-igraph and NetworKit
driven from Python, each reading the same CSV, building the graph, running PageRank and
writing JSON. Prints one Markdown row per tool with wall time and peak RSS of the process.

    .venv/bin/python Benchmarks/whole_process.py M.csv   # after swift build -c release
"""
import json, os, resource, subprocess, sys, time

def run(cmd):
    t = time.time()
    p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.time() - t
    if p.returncode != 0:
        sys.exit(f"{cmd} failed: {p.stderr.decode()[:500]}")
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KiB, max over children so far
    return wall, rss

IGRAPH = r'''
import sys, json, numpy as np, igraph as ig
a = np.loadtxt(sys.argv[1], delimiter=",", skiprows=1, dtype=str)
names, idx = np.unique(a[:, :2], return_inverse=True)
idx = idx.reshape(-1, 2)
g = ig.Graph(n=len(names), edges=idx.tolist(), directed=True)
pr = g.pagerank(weights=a[:, 2].astype(float).tolist())
json.dump(dict(zip(names.tolist(), pr)), sys.stdout)
'''
NETWORKIT = r'''
import sys, json, numpy as np, networkit as nk
a = np.loadtxt(sys.argv[1], delimiter=",", skiprows=1, dtype=str)
names, idx = np.unique(a[:, :2], return_inverse=True)
idx = idx.reshape(-1, 2)
g = nk.Graph(len(names), weighted=True, directed=True)
for (u, v), w in zip(idx, a[:, 2].astype(float)): g.addEdge(int(u), int(v), w)
pr = nk.centrality.PageRank(g, tol=1e-6); pr.run()
json.dump(dict(zip(names.tolist(), pr.scores())), sys.stdout)
'''

def main():
    csv = sys.argv[1]
    here = os.path.dirname(os.path.abspath(__file__))
    binary = os.path.join(here, "..", ".build", "release", "statecraft")
    rows = []
    for name, cmd in [
        ("statecraft rank --measure pagerank --format json", [binary, "rank", csv, "--measure", "pagerank", "--format", "json"]),
        ("python-igraph (numpy read, Graph, pagerank, json)", [sys.executable, "-c", IGRAPH, csv]),
        ("NetworKit (numpy read, Graph, PageRank, json)", [sys.executable, "-c", NETWORKIT, csv]),
    ]:
        times = []
        for _ in range(3):
            # Peak RSS per tool: run each in a fresh measuring subprocess via /usr/bin/time.
            t = time.time()
            p = subprocess.run(["/usr/bin/time", "-f", "%M"] + cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
            times.append(time.time() - t)
            if p.returncode != 0: sys.exit(f"{name} failed: {p.stderr[-500:]}")
            rss = int(p.stderr.strip().split("\n")[-1])
        times.sort()
        rows.append((name, times[1], rss / 1024))
    base = rows[0][1]
    print("| whole process, " + os.path.basename(csv) + " | median of 3 | peak RSS | ÷ statecraft |")
    print("|---|---|---|---|")
    for name, t, mb in rows:
        print(f"| {name} | {t:.2f} s | {mb:.0f} MB | {t / base:.2f} |")

main()
