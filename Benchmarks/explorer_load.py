#!/usr/bin/env python3
"""Load on the live explorer: N sessions editing at once against `statecraft serve`.

Each session keeps one HTTP connection, as a browser page's fetch does (--connection-per-edit
opens one per edit); each edit says the geographic outline the page shows, as the page does.

Starts `statecraft serve WORLD --port 0`, opens N sessions (one page load each), and has N
threads re-weight a random relation of their own session for D seconds, then prints the
edits done, errors, latency percentiles and the server's resident memory at the start and end
(and every --rss-every seconds).

    swift build -c release --product statecraft
    python3 Benchmarks/explorer_load.py --bin .build/release/statecraft --sessions 50 --seconds 60
"""
import argparse, http.client, json, os, random, re, subprocess, threading, time, urllib.parse, urllib.request


def rss_mb(pid):
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0


def cpu_seconds(pid):
    """The server's user + system CPU time so far (its threads together)."""
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--bin", required=True)
    p.add_argument("--world", default="Graphs/pakistan-2025.yaml")
    p.add_argument("--scenarios", help="a scenario file for the world (its questions and scenarios join every answer)")
    p.add_argument("--sessions", type=int, default=50)
    p.add_argument("--seconds", type=float, default=60)
    p.add_argument("--rss-every", type=float, default=0,
                   help="also print the server's resident memory every this many seconds (is it flat after the first minute?)")
    p.add_argument("--connection-per-edit", action="store_true",
                   help="open a new connection for every edit (the default keeps one per session, as a browser's fetch does)")
    a = p.parse_args()
    server = subprocess.Popen([a.bin, "serve", a.world, "--port", "0"] + (["--scenarios", a.scenarios] if a.scenarios else []),
                              stdout=subprocess.PIPE, text=True)
    url = server.stdout.readline().split(" on ", 1)[1].split(" ", 1)[0]
    try:
        ids = []
        relations = None
        outline = None
        for _ in range(a.sessions):
            html = urllib.request.urlopen(url, timeout=60).read().decode()
            ids.append(re.search(r'name="statecraft-session" content="([^"]+)"', html).group(1))
            if outline is None:
                # The geographic map's outline the page shows; it sends this back, as the
                # page's script does, and answers leave the same outline out.
                shown = re.search(r'class="outline" data-outline="([^"]+)"', html)
                outline = shown.group(1) if shown else ""
            if relations is None:
                data = json.loads(re.search(r'id="briefing-data">(.*?)</script>', html, re.S).group(1))
                relations = [r["index"] for r in data["relations"]]
        start_rss = rss_mb(server.pid)
        start_cpu = cpu_seconds(server.pid)
        latencies, errors = [], []
        lock = threading.Lock()
        deadline = time.time() + a.seconds

        where = urllib.parse.urlsplit(url)

        def work(sid, seed):
            rng = random.Random(seed)
            conn = None
            while time.time() < deadline:
                body = {"action": "edit", "op": "update", "relation": rng.choice(relations), "weight": round(rng.uniform(0.1, 1.5), 3)}
                if outline:
                    body["outline"] = outline
                data = json.dumps(body).encode()
                # Latency: request sent to the whole answer received (parsing the JSON in
                # Python, a few ms for the two inline maps, is the client's time).
                t = time.perf_counter()
                dt = None
                try:
                    if conn is None or a.connection_per_edit:
                        conn = http.client.HTTPConnection(where.hostname, where.port, timeout=120)
                    conn.request("POST", "/api/act?session=" + sid, body=data, headers={"Content-Type": "application/json"})
                    response = conn.getresponse()
                    raw = response.read()
                    if response.status != 200:
                        raise RuntimeError(f"HTTP {response.status}")
                    if a.connection_per_edit:
                        conn.close()
                    dt = time.perf_counter() - t
                    answer = json.loads(raw)
                    ok = "error" not in answer or answer["error"] is None
                except Exception as e:  # noqa: BLE001
                    ok, answer = False, str(e)
                    conn = None
                dt = dt if dt is not None else time.perf_counter() - t
                with lock:
                    latencies.append(dt)
                    if not ok:
                        errors.append(answer)

        threads = [threading.Thread(target=work, args=(sid, k)) for k, sid in enumerate(ids)]
        for t in threads:
            t.start()
        samples = []  # (seconds since the start, RSS MB, edits so far)
        begun = time.time()
        while a.rss_every > 0 and time.time() + a.rss_every <= deadline + 0.5:
            time.sleep(a.rss_every)
            with lock:
                samples.append((time.time() - begun, rss_mb(server.pid), len(latencies)))
        for t in threads:
            t.join()
        end_rss = rss_mb(server.pid)
        cpu = cpu_seconds(server.pid) - start_cpu
        latencies.sort()
        pct = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))] * 1000
        print(f"{a.sessions} sessions, {a.seconds:.0f} s: {len(latencies)} edits, {len(errors)} errors")
        print(f"latency ms: p50 {pct(0.5):.1f}, p90 {pct(0.9):.1f}, p99 {pct(0.99):.1f}, max {latencies[-1] * 1000:.1f}")
        print(f"server RSS MB: {start_rss:.0f} after opening the sessions, {end_rss:.0f} at the end")
        if samples:
            print("server RSS MB over time: " + ", ".join(f"{mb:.0f} at {at:.0f} s ({n} edits)" for at, mb, n in samples))
        print(f"server CPU per edit: {1000 * cpu / max(1, len(latencies)):.2f} ms (all its threads)")
        if errors:
            print("first error:", str(errors[0])[:300])
    finally:
        server.terminate()
        server.wait(10)


if __name__ == "__main__":
    main()
