#!/usr/bin/env python3
"""Whole-process comparison (issue 8): the statecraft CLI against NetworkX, python-igraph,
NetworKit and rustworkx driven from Python. Every process reads the same CSV
(source,target,weight), builds its graph, computes, and writes its result (JSON, or a
GraphML file), so the times are what a user waits for. Prints a Markdown table: median wall
time of the repetitions, peak RSS of the process (/usr/bin/time), and each time divided by
statecraft's.

    .venv/bin/python Benchmarks/whole_process.py M.csv                  # every task, 3 runs
    .venv/bin/python Benchmarks/whole_process.py L.csv --repeat 1 --skip networkx
    .venv/bin/python Benchmarks/whole_process.py S.csv --repeat 1 --tasks pagerank   # smoke
    .venv/bin/python Benchmarks/whole_process.py M.csv --tasks pagerank,louvain --busy  # the other core busy

Each repetition runs statecraft and then every peer once, so a change in the machine's load
falls on all of them alike. `--busy` keeps one core busy with a spinning process pinned to the
last core for the whole run (as `stress --cpu 1` would), the case of an analyst's laptop
doing something else.

Peers read the CSV with pandas (pyarrow engine), the fastest reader each has at hand, and
map ids to 0..n-1 with pandas.factorize. Tasks (ANCHORS.md definitions):
  pagerank  weighted PageRank, damping 0.85, JSON id -> score
  sssp      Dijkstra distances from actor "0" with length 1/weight, JSON id -> distance
  louvain   the graph as undirected, weighted Louvain, JSON id -> community; modularity
            is printed to stderr by each peer and checked by hand (rustworkx has none)
  graphml   write the graph as GraphML (statecraft: convert CSV OUT.graphml)
"""
import argparse, os, subprocess, sys, tempfile, time

READ = r'''
import sys, json, time, numpy as np, pandas as pd
df = pd.read_csv(sys.argv[1], engine="pyarrow", dtype={"source": str, "target": str, "weight": float})
codes, names = pd.factorize(pd.concat([df["source"], df["target"]], ignore_index=True))
m = len(df)
src, dst, w = codes[:m], codes[m:], df["weight"].to_numpy()
n = len(names)
names = names.tolist()
def dump(values): json.dump({names[i]: v for i, v in values}, sys.stdout)
'''

PEERS = {
    "networkx": {
        "pagerank": "import networkx as nx\nG = nx.DiGraph(); G.add_nodes_from(range(n)); G.add_weighted_edges_from(zip(src.tolist(), dst.tolist(), w.tolist()))\npr = nx.pagerank(G)\ndump(pr.items())",
        "sssp": "import networkx as nx\nG = nx.DiGraph(); G.add_nodes_from(range(n)); G.add_weighted_edges_from(zip(src.tolist(), dst.tolist(), (1 / w).tolist()))\ndump(nx.single_source_dijkstra_path_length(G, names.index('0')).items())",
        "louvain": "import networkx as nx\nG = nx.Graph(); G.add_nodes_from(range(n))\nfor u, v, x in zip(src.tolist(), dst.tolist(), w.tolist()):\n    G.add_edge(u, v, weight=G[u][v]['weight'] + x if G.has_edge(u, v) else x)\ncs = nx.community.louvain_communities(G, weight='weight', seed=42)\nprint('modularity', nx.community.modularity(G, cs), file=sys.stderr)\ndump((u, c) for c, s in enumerate(cs) for u in s)",
        "graphml": "import networkx as nx\nG = nx.DiGraph(); G.add_nodes_from(range(n)); G.add_weighted_edges_from(zip(src.tolist(), dst.tolist(), w.tolist()))\nG = nx.relabel_nodes(G, dict(enumerate(names)))\nnx.write_graphml(G, sys.argv[2])",
    },
    "igraph": {
        "pagerank": "import igraph as ig\ng = ig.Graph(n=n, edges=np.column_stack([src, dst]).tolist(), directed=True)\ndump(enumerate(g.pagerank(weights=w.tolist())))",
        "sssp": "import igraph as ig\ng = ig.Graph(n=n, edges=np.column_stack([src, dst]).tolist(), directed=True)\nd = g.distances(source=[names.index('0')], weights=(1 / w).tolist())[0]\ndump((i, x) for i, x in enumerate(d) if x != float('inf'))",
        "louvain": "import igraph as ig\ng = ig.Graph(n=n, edges=np.column_stack([src, dst]).tolist(), directed=False); g.es['weight'] = w.tolist()\ng.simplify(combine_edges='sum')\ncl = g.community_multilevel(weights='weight')\nprint('modularity', cl.modularity, file=sys.stderr)\ndump(enumerate(cl.membership))",
        "graphml": "import igraph as ig\ng = ig.Graph(n=n, edges=np.column_stack([src, dst]).tolist(), directed=True); g.vs['name'] = names; g.es['weight'] = w.tolist()\ng.write_graphml(sys.argv[2])",
    },
    "networkit": {
        "pagerank": "import networkit as nk\ng = nk.GraphFromCoo((w, (src.astype(np.uint64), dst.astype(np.uint64))), n=n, weighted=True, directed=True)\npr = nk.centrality.PageRank(g, damp=0.85, tol=1e-6); pr.run()\ndump(enumerate(pr.scores()))",
        "sssp": "import networkit as nk\ng = nk.GraphFromCoo((1 / w, (src.astype(np.uint64), dst.astype(np.uint64))), n=n, weighted=True, directed=True)\nd = nk.distance.Dijkstra(g, names.index('0'), storePaths=False); d.run()\ndump((i, x) for i, x in enumerate(d.getDistances()) if x < 1e300)",
        "louvain": "import networkit as nk\ng = nk.GraphFromCoo((w, (src.astype(np.uint64), dst.astype(np.uint64))), n=n, weighted=True, directed=False)\nplm = nk.community.PLM(g, refine=False, gamma=1.0); plm.run(); p = plm.getPartition()\nprint('modularity', nk.community.Modularity().getQuality(p, g), file=sys.stderr)\ndump(enumerate(p.getVector()))",
        "graphml": "import networkit as nk\ng = nk.GraphFromCoo((w, (src.astype(np.uint64), dst.astype(np.uint64))), n=n, weighted=True, directed=True)\nnk.graphio.writeGraph(g, sys.argv[2], nk.Format.GraphML)",
    },
    "rustworkx": {
        "pagerank": "import rustworkx as rx\ng = rx.PyDiGraph(); g.add_nodes_from(range(n)); g.add_edges_from(list(zip(src.tolist(), dst.tolist(), w.tolist())))\npr = rx.pagerank(g, weight_fn=float)\ndump(pr.items())",
        "sssp": "import rustworkx as rx\ng = rx.PyDiGraph(); g.add_nodes_from(range(n)); g.add_edges_from(list(zip(src.tolist(), dst.tolist(), (1 / w).tolist())))\nd = dict(rx.digraph_dijkstra_shortest_path_lengths(g, names.index('0'), edge_cost_fn=float))\nd[names.index('0')] = 0.0\ndump(d.items())",
        "graphml": "import rustworkx as rx\ng = rx.PyDiGraph(); g.add_nodes_from([{'id': x} for x in names]); g.add_edges_from(list(zip(src.tolist(), dst.tolist(), [{'weight': str(x)} for x in w.tolist()])))\nrx.write_graphml(g, sys.argv[2])",
    },
}


def statecraft(binary, task, csv, out):
    return {
        "pagerank": [binary, "rank", csv, "--measure", "pagerank", "--format", "json"],
        "sssp": [binary, "path", csv, "0", "--format", "json"],
        "louvain": [binary, "communities", csv, "--undirected", "--format", "json"],
        "graphml": [binary, "convert", csv, out],
    }[task]


def run_once(cmd):
    """Wall time, peak RSS (KB) and modularity note of one run, or None and the error's end."""
    t = time.time()
    p = subprocess.run(["/usr/bin/time", "-f", "%M"] + cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = time.time() - t
    if p.returncode != 0:
        return None, 0, p.stderr.strip().splitlines()[-2:] if p.stderr else "failed"
    lines = p.stderr.strip().split("\n")
    return elapsed, int(lines[-1]), next((l for l in lines if l.startswith("modularity")), "")


def measure_alternating(cmds, repeat):
    """Each command's median time, peak RSS and note over `repeat` rounds of all commands."""
    runs = {name: [] for name in cmds}
    for _ in range(repeat):
        for name, cmd in cmds.items():
            runs[name].append(run_once(cmd))
    result = {}
    for name, rs in runs.items():
        failed = next((r for r in rs if r[0] is None), None)
        if failed:
            result[name] = failed
            continue
        times = sorted(r[0] for r in rs)
        result[name] = (times[len(times) // 2], max(r[1] for r in rs), rs[-1][2])
    return result


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("csv")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--tasks", default="pagerank,sssp,louvain,graphml")
    ap.add_argument("--skip", default="", help="comma-separated peers to leave out")
    ap.add_argument("--busy", action="store_true", help="keep the last core busy during the run")
    args = ap.parse_args()
    here = os.path.dirname(os.path.abspath(__file__))
    binary = os.path.join(here, "..", ".build", "release", "statecraft")
    skip = set(filter(None, args.skip.split(",")))
    out_dir = tempfile.mkdtemp(prefix="whole-process-")
    label = os.path.basename(args.csv)
    spinner = None
    if args.busy:
        last = str(os.cpu_count() - 1)
        spinner = subprocess.Popen(["taskset", "-c", last, sys.executable, "-c", "while True: pass"])
    load = " (last core busy)" if args.busy else ""
    print(f"| task | {label}{load} | median of {args.repeat} | peak RSS | ÷ statecraft | note |")
    print("|---|---|---|---|---|---|")
    try:
        for task in args.tasks.split(","):
            out = os.path.join(out_dir, "out.graphml")
            cmds = {"statecraft": statecraft(binary, task, args.csv, out)}
            for peer, scripts in PEERS.items():
                if peer not in skip and task in scripts:
                    cmds[peer] = [sys.executable, "-c", READ + scripts[task], args.csv, out]
            result = measure_alternating(cmds, args.repeat)
            base = result["statecraft"][0]
            for name, (t, rss, note) in result.items():
                if t is None:
                    print(f"| {task} | {name} | failed | | | {note} |", flush=True)
                else:
                    ratio = f"{t / base:.2f}" if base else ""
                    print(f"| {task} | {name} | {t:.2f} s | {rss / 1024:.0f} MB | {ratio} | {note} |", flush=True)
    finally:
        if spinner:
            spinner.kill()


main()
