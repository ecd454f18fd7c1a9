#!/usr/bin/env python3
"""The event-import benchmark (BENCHMARKS.md, "Event data at archive scale"): the same
aggregation of GDELT 2.0 exports into weekly country-pair relations, on the same zipped files,
by `statecraft import events`, DuckDB, pandas and (with --spark) Spark in local mode, one after
the other in one run, with wall time and peak memory (RSS of the process tree) of each.

    python3 Benchmarks/make_gdelt_month.py --out /tmp/gdelt-month      # 2,900 files, 5M events
    python3 Benchmarks/events_bench.py /tmp/gdelt-month --statecraft .build/release/statecraft [--spark]

Every engine applies Statecraft's rules (a row needs 61 columns, a calendar SQLDATE, a decimal
Goldstein in -10 … 10, a count of mentions and a root code 01 … 20; both country codes present
and different); the script checks that all of them find the same number of relations.
DuckDB and Spark cannot open zip archives: DuckDB is timed on the files unzipped beforehand
(the unzip, timed apart, is reported beside it); Spark opens them in its Python workers.
"""
import argparse, glob, os, subprocess, sys, tempfile, time, zipfile

HERE = os.path.dirname(os.path.abspath(__file__))


def timed(label, argv):
    """Runs argv as a child under GNU time; returns (seconds, peak RSS in MB of it and its
    descendants, stdout)."""
    with tempfile.NamedTemporaryFile("r", suffix=".rss") as rss:
        t = time.time()
        p = subprocess.run(["/usr/bin/time", "-q", "-f", "%M", "-o", rss.name] + argv, capture_output=True, text=True)
        seconds = time.time() - t
        if p.returncode != 0:
            sys.exit(f"{label} failed:\n{p.stderr[-2000:]}")
        return seconds, int(rss.read().split()[-1]) / 1024, p.stdout


DUCKDB = r"""
import duckdb, sys
con = duckdb.connect()
con.execute("PRAGMA threads=%d" % int(sys.argv[2]))
con.execute("PRAGMA disable_progress_bar")
n = con.execute('''
WITH raw AS (SELECT * FROM read_csv(?, delim='\t', header=false, all_varchar=true, quote='', escape='',
                                     null_padding=true, ignore_errors=false, max_line_size=2000000)),
rows AS (SELECT column07 AS a1, column17 AS a2, try_strptime(column01, '%Y%m%d')::DATE AS day, column28 AS root,
                try_cast(column30 AS DOUBLE) AS g, try_cast(column31 AS BIGINT) AS m, column60 AS last FROM raw),
ok AS (SELECT * FROM rows WHERE last IS NOT NULL AND day IS NOT NULL AND g BETWEEN -10 AND 10 AND m >= 0
       AND root BETWEEN '01' AND '20' AND length(root) = 2 AND a1 <> '' AND a2 <> '' AND a1 <> a2)
SELECT count(*) FROM (
  SELECT a1, a2, date_trunc('week', day) AS w, root, count(*) AS events, sum(g * ln(1 + m)) AS score, sum(ln(1 + m)) AS volume
  FROM ok GROUP BY ALL) WHERE abs(score) > 0 OR volume > 0
''', [sys.argv[1]]).fetchone()[0]
print(n)
"""

PANDAS = r"""
import glob, sys, numpy as np, pandas as pd
parts = []
for f in sorted(glob.glob(sys.argv[1])):
    d = pd.read_csv(f, sep='\t', header=None, dtype=str, keep_default_na=False, quoting=3, compression='zip',
                    usecols=[1, 7, 17, 28, 30, 31], names=list(range(61)), on_bad_lines='skip', engine='c')
    parts.append(d)
d = pd.concat(parts, ignore_index=True)
day = pd.to_datetime(d[1], format='%Y%m%d', errors='coerce')
g = pd.to_numeric(d[30], errors='coerce')
m = pd.to_numeric(d[31], errors='coerce')
ok = day.notna() & g.between(-10, 10) & (m >= 0) & d[28].str.fullmatch(r'0[1-9]|1[0-9]|20') & (d[7] != '') & (d[17] != '') & (d[7] != d[17])
d, day, g, m = d[ok], day[ok], g[ok], m[ok]
week = (day - pd.to_timedelta(day.dt.weekday, unit='D'))
s = np.log1p(m)
out = pd.DataFrame({'a1': d[7], 'a2': d[17], 'w': week, 'root': d[28], 'score': g * s, 'volume': s}) \
    .groupby(['a1', 'a2', 'w', 'root'], sort=False).agg(events=('score', 'size'), score=('score', 'sum'), volume=('volume', 'sum'))
print(int(((out.score != 0) | (out.volume > 0)).sum()))
"""

SPARK = r"""
import glob, os, sys
sys.path.insert(0, sys.argv[2])
import gdelt_events
from pyspark.sql import SparkSession
spark = SparkSession.builder.master('local[*]').config('spark.ui.enabled', 'false').getOrCreate()
spark.sparkContext.setLogLevel('ERROR')
spark.sparkContext.addPyFile(gdelt_events.__file__)
files = sorted(glob.glob(sys.argv[1]))
relations, counts = gdelt_events.aggregate(spark, files, 'country', 'week', 0, 99999999, None)
print(relations.count())
"""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("folder")
    ap.add_argument("--statecraft", required=True)
    ap.add_argument("--spark", action="store_true")
    a = ap.parse_args()
    zips = os.path.join(a.folder, "*.export.CSV.zip")
    n_files = len(glob.glob(zips))
    results = []
    with tempfile.TemporaryDirectory(prefix="statecraft-events-") as tmp:
        world = os.path.join(tmp, "month.yaml")
        s, mb, _ = timed("statecraft", [a.statecraft, "import", "events", "--profile", "gdelt", "--window", "week",
                                        "--skip-bad-rows", "--quiet", a.folder, "-o", world])
        n = sum(1 for line in open(world) if line.startswith("  - {from:"))
        results.append(("statecraft import events", s, mb, n))
        t = time.time()
        plain = os.path.join(tmp, "plain")
        os.makedirs(plain)
        for z in sorted(glob.glob(zips)):
            zipfile.ZipFile(z).extractall(plain)
        unzip = time.time() - t
        s, mb, out = timed("duckdb", [sys.executable, "-c", DUCKDB, os.path.join(plain, "*.CSV"), str(os.cpu_count())])
        results.append((f"DuckDB (files unzipped first: +{unzip:.1f} s)", s, mb, int(out.split()[-1])))
        s, mb, out = timed("pandas", [sys.executable, "-c", PANDAS, zips])
        results.append(("pandas", s, mb, int(out.split()[-1])))
        if a.spark:
            s, mb, out = timed("spark", [sys.executable, "-c", SPARK, zips, os.path.join(HERE, "..", "Distributed")])
            # Its JVM is not a child GNU time waits for, so its memory is not measured.
            results.append(("Spark local mode (Distributed/gdelt_events.py)", s, None, int(out.strip().splitlines()[-1])))
    base = results[0][1]
    print(f"{n_files} zipped GDELT exports in {a.folder}, weekly country-pair relations, {os.cpu_count()} cores\n")
    print(f"| engine | wall time | × Statecraft | peak memory | relations |\n|---|---:|---:|---:|---:|")
    for label, s, mb, n in results:
        print(f"| {label} | {s:.1f} s | {s / base:.2f} | {'—' if mb is None else f'{mb:.0f} MB'} | {n:,} |")
    counts = {n for *_, n in results}
    if len(counts) != 1:
        sys.exit(f"the engines disagree on the number of relations: {counts}")


if __name__ == "__main__":
    main()
