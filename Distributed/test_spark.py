#!/usr/bin/env python3
"""Checks the Spark jobs against Statecraft on the same files, in Spark's local mode:

1. `gdelt_events.py` on a generated month of GDELT-shaped zipped exports (with malformed rows
   mixed in) gives the same relations as `statecraft import events --profile gdelt
   --skip-bad-rows` (same pairs, types, windows and signs; weights equal to 1e-9 relative),
   at country level by week and at actor level by month;
2. `pagerank.py` on `statecraft export spark` of that world gives the PageRank
   `statecraft rank --measure pagerank` gives, to 1e-9.

    python3 Distributed/test_spark.py --statecraft .build/release/statecraft

Needs pyspark (pip) and Java 17; nothing is downloaded at run time. Exits non-zero on any
difference. Scripts/spark-test.sh sets it up and runs it (in .ci/run).
"""
import argparse, csv, glob, os, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import gdelt_events, pagerank  # noqa: E402


def run(*cmd):
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def read_csv(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


def one_part(folder):
    parts = glob.glob(os.path.join(folder, "part-*.csv"))
    assert len(parts) == 1, parts
    return parts[0]


def compare_relations(swift_edges, spark_rows, label):
    key = lambda r: (r["src"], r["dst"], r["type"], r["since"], r["until"])
    ours = {key(r): r for r in swift_edges}
    theirs = {key(r): r for r in spark_rows}
    assert len(ours) == len(swift_edges), f"{label}: duplicate relations in Statecraft's world"
    missing, extra = ours.keys() - theirs.keys(), theirs.keys() - ours.keys()
    assert not missing and not extra, f"{label}: only Statecraft {sorted(missing)[:3]}, only Spark {sorted(extra)[:3]}"
    worst = 0.0
    for k, r in ours.items():
        a, b = float(r["weight"]), float(theirs[k]["weight"])
        worst = max(worst, abs(a - b) / max(abs(a), 1e-300))
        assert int(r["sign"]) == int(theirs[k]["sign"]), f"{label}: sign of {k}: {r['sign']} vs {theirs[k]['sign']}"
    assert worst <= 1e-9, f"{label}: weights differ by {worst:.3g} relative"
    print(f"{label}: {len(ours)} relations equal (largest relative weight difference {worst:.2g})")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--statecraft", required=True)
    ap.add_argument("--files", type=int, default=24)
    ap.add_argument("--events", type=int, default=24000)
    a = ap.parse_args()
    from pyspark.sql import SparkSession
    with tempfile.TemporaryDirectory(prefix="statecraft-spark-") as tmp:
        data = os.path.join(tmp, "gdelt")
        run(sys.executable, os.path.join(HERE, "..", "Benchmarks", "make_gdelt_month.py"), "--out", data,
            "--files", str(a.files), "--events", str(a.events), "--bad-rows", "40", "--start", "20250329")
        files = sorted(glob.glob(os.path.join(data, "*.export.CSV.zip")))
        t0 = time.time()
        spark = SparkSession.builder.master("local[*]").appName("statecraft-test") \
            .config("spark.sql.shuffle.partitions", "4").config("spark.ui.enabled", "false") \
            .config("spark.ui.showConsoleProgress", "false").getOrCreate()
        spark.sparkContext.setLogLevel("ERROR")
        spark.sparkContext.addPyFile(gdelt_events.__file__)  # the workers unpickle its functions
        print(f"spark {spark.version} started in {time.time() - t0:.1f} s")
        for level, window in [("country", "week"), ("actor", "month")]:
            world = os.path.join(tmp, f"{level}.yaml")
            run(a.statecraft, "import", "events", "--profile", "gdelt", "--skip-bad-rows", "--quiet",
                "--level", level, "--window", window, data, "-o", world)
            export = os.path.join(tmp, f"{level}-export")
            run(a.statecraft, "export", "spark", world, export)
            t = time.time()
            relations, counts = gdelt_events.aggregate(spark, files, level, window, 0, 99999999, None)
            out = os.path.join(tmp, f"{level}-spark")
            relations.coalesce(1).write.mode("overwrite").option("header", True).csv(out)
            print(f"spark aggregation ({level}, {window}): {counts}, {time.time() - t:.1f} s")
            assert counts["malformed"] == 40, counts
            compare_relations(read_csv(os.path.join(export, "edges.csv")), read_csv(one_part(out)), f"{level} by {window}")
            if level == "country":
                t = time.time()
                ranks, iterations = pagerank.pagerank(spark, export, tol=1e-12)
                theirs = {r["id"]: r["pagerank"] for r in ranks.collect()}
                print(f"spark pagerank: {iterations} iterations, {time.time() - t:.1f} s")
                table = subprocess.run([a.statecraft, "rank", world, "--measure", "pagerank", "--tolerance", "1e-12",
                                        "--format", "csv", "--date", "all"], check=True, capture_output=True, text=True).stdout
                ours = {r["actor"]: float(r["pagerank"]) for r in csv.DictReader(table.splitlines())}
                assert ours.keys() == theirs.keys(), "PageRank: different actors"
                worst = max(abs(ours[k] - theirs[k]) for k in ours)
                assert worst <= 1e-9, f"PageRank differs by {worst:.3g}"
                print(f"pagerank: {len(ours)} actors equal (largest difference {worst:.2g})")
        spark.stop()
    print("spark test passed")


if __name__ == "__main__":
    main()
