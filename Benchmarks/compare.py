#!/usr/bin/env python3
"""Times Statecraft against NetworkX, igraph, NetworKit and rustworkx on the shared
benchmark graphs (../shared/bench/gen_graph.py), in one run, and prints a Markdown table
with ratios. Task definitions follow ../shared/bench/ANCHORS.md.

    python3 -m venv .venv && .venv/bin/pip install networkx==3.6.1 igraph networkit rustworkx numpy scipy
    swift build -c release --product statecraft-bench
    .venv/bin/python Benchmarks/compare.py [--graphs S,M] [--shared ../shared]

One subprocess per (library, task, graph) cell; the task is timed `reps` times after the
load (median reported); peak RSS is the child's ru_maxrss. Statecraft runs twice: on all
cores, and pinned to one core with `taskset -c 0` (the fair comparison with the
single-threaded igraph and NetworkX cells).
"""
import argparse, json, os, resource, statistics, subprocess, sys, time

TASKS = [("load", "S", 3), ("load", "M", 3), ("pagerank", "S", 3), ("pagerank", "M", 3),
         ("betweenness", "S", 1), ("betweenness_unweighted", "S", 1)]
# NetworkX betweenness on S takes 6-16 minutes (ANCHORS.md): not rerun here.
SKIP = {("networkx", "betweenness"), ("networkx", "betweenness_unweighted"),
        ("rustworkx", "betweenness")}  # rustworkx has no weighted betweenness


def worker(lib, task, path, reps):
    import numpy as np
    def load():
        a = np.loadtxt(path, dtype=np.float64)
        return a[:, 0].astype(np.int64), a[:, 1].astype(np.int64), a[:, 2]
    times = []
    if lib == "networkx":
        import networkx as nx
        def build():
            s, d, w = load(); G = nx.DiGraph(); G.add_nodes_from(range(int(max(s.max(), d.max())) + 1))
            G.add_weighted_edges_from(zip(s.tolist(), d.tolist(), w.tolist())); return G
        G = None if task == "load" else build()
        run = {"load": build, "pagerank": lambda: nx.pagerank(G, tol=1e-10)}[task]
    elif lib == "igraph":
        import igraph as ig
        def build():
            s, d, w = load(); n = int(max(s.max(), d.max())) + 1
            return ig.Graph(n, edges=list(zip(s.tolist(), d.tolist())), directed=True, edge_attrs={"weight": w.tolist()})
        G = None if task == "load" else build()
        if G is not None: dist = [1 / x for x in G.es["weight"]]
        run = {"load": build,
               "pagerank": lambda: G.pagerank(weights="weight", implementation="prpack"),
               "betweenness": lambda: G.betweenness(weights=dist),
               "betweenness_unweighted": lambda: G.betweenness()}[task]
    elif lib == "networkit":
        import networkit as nk
        nk.engineering.setLogLevel("ERROR")
        def build(): return nk.graphio.EdgeListReader("\t", 0, directed=True).read(path)
        G = None if task == "load" else build()
        if task == "betweenness":
            H = nk.Graph(G.numberOfNodes(), weighted=True, directed=True)
            for u, v, w in G.iterEdgesWeights(): H.addEdge(u, v, 1 / w)
        if task == "betweenness_unweighted":
            H = nk.graphtools.toUnweighted(G)
        def pr():
            p = nk.centrality.PageRank(G, damp=0.85, tol=1e-10, distributeSinks=nk.centrality.SinkHandling.DistributeSinks)
            p.norm = nk.centrality.Norm.L1_NORM; p.run(); return p.scores()
        def bc():
            b = nk.centrality.Betweenness(H); b.run(); return b.scores()
        run = {"load": build, "pagerank": pr, "betweenness": bc, "betweenness_unweighted": bc}[task]
    elif lib == "rustworkx":
        import rustworkx as rx
        def build():
            s, d, w = load(); G = rx.PyDiGraph(); G.add_nodes_from(range(int(max(s.max(), d.max())) + 1))
            G.extend_from_weighted_edge_list(list(zip(s.tolist(), d.tolist(), w.tolist()))); return G
        G = None if task == "load" else build()
        run = {"load": build,
               "pagerank": lambda: rx.pagerank(G, weight_fn=float, tol=1e-10),
               "betweenness_unweighted": lambda: rx.digraph_betweenness_centrality(G)}[task]
    cpu = []
    for _ in range(reps):
        t0, c0 = time.perf_counter(), time.process_time()
        run()
        times.append(time.perf_counter() - t0); cpu.append(time.process_time() - c0)
    print(json.dumps({"times": times, "cpu": cpu, "maxrss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))


def cell(cmd, timeout=900):
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None
    if out.returncode != 0:
        sys.stderr.write(f"failed: {' '.join(cmd)}\n{out.stderr[-2000:]}\n"); return None
    return json.loads(out.stdout.strip().splitlines()[-1])


def fmt(r):
    if r is None: return "–", None
    t = statistics.median(r["times"]); c = statistics.median(r["cpu"])
    unit = f"{t*1000:.1f} ms" if t < 1 else f"{t:.2f} s"
    par = f" ∥{c/t:.1f}" if t > 0 and c / t > 1.2 else ""
    return f"{unit} / {r['maxrss_kib']/1024:.0f} MiB{par}", t


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--worker", nargs=4)
    ap.add_argument("--shared", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared"))
    ap.add_argument("--data", default="bench-data")
    ap.add_argument("--graphs", default="S,M")
    a = ap.parse_args()
    if a.worker:
        lib, task, path, reps = a.worker; return worker(lib, task, path, int(reps))
    os.makedirs(a.data, exist_ok=True)
    specs = {"S": (10000, 5), "M": (100000, 10), "L": (1000000, 10)}
    for g in a.graphs.split(","):
        p = os.path.join(a.data, f"{g}.tsv")
        if not os.path.exists(p):
            n, m = specs[g]
            subprocess.run([sys.executable, os.path.join(a.shared, "bench", "gen_graph.py"), "--nodes", str(n),
                            "--edges-per-node", str(m), "--seed", "42", "--out", p], check=True)
    bench = os.path.join(".build", "release", "statecraft-bench")
    libs = ["networkx", "igraph", "networkit", "rustworkx"]
    print(f"Run {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, load average {os.getloadavg()[0]:.2f}, "
          f"{os.cpu_count()} cores.\n")
    print("| task | graph | Statecraft | Statecraft@1core | " + " | ".join(libs) + " | fastest other ÷ Statecraft (1 core) |")
    print("|---|---|---|---|" + "---|" * len(libs) + "---|")
    for task, g, reps in TASKS:
        if g not in a.graphs.split(","): continue
        p = os.path.join(a.data, f"{g}.tsv")
        ours, t_ours = fmt(cell([bench, task, p, str(reps)]))
        one, t_one = fmt(cell(["taskset", "-c", "0", bench, task, p, str(reps)]))
        row, best = [], None
        for lib in libs:
            if (lib, task) in SKIP: row.append("not run"); continue
            text, t = fmt(cell([sys.executable, __file__, "--worker", lib, task, p, str(reps)]))
            row.append(text)
            if t is not None and (best is None or t < best[1]): best = (lib, t)
        ratio = f"{best[1]/t_one:.2f}× ({best[0]})" if best and t_one else "–"
        print(f"| {task} | {g} | {ours} | {one} | " + " | ".join(row) + f" | {ratio} |", flush=True)


if __name__ == "__main__":
    main()
