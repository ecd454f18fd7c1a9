#!/usr/bin/env python3
"""The aggregation of `statecraft import events --profile gdelt`, on Apache Spark: GDELT 2.0
event exports (zipped as GDELT publishes them, gzipped or plain; any number, local or on object
storage) into relations per directed actor pair, time window and CAMEO root category.

    spark-submit Distributed/gdelt_events.py --window week --level country -o relations/ FILES...

The rules are Statecraft's (see `EventImport` in Sources/StatecraftWorld/IO/Events/EventImport.swift):
a row is read when it has 61 tab-separated columns, SQLDATE is a calendar day, GoldsteinScale
a decimal number in -10 … 10, NumMentions a count and EventRootCode 01 … 20 (other rows are
counted as malformed and skipped, as `--skip-bad-rows` does); it is kept when both actors
(ActorNCountryCode at country level, ActorNCode at actor level) are present and differ, its
day is within --from/--to and both actors start with an --actors code. Per group of events e:

    score  = Σₑ Goldsteinₑ · ln(1 + NumMentionsₑ)      sign = sign(score)
    weight = |score|, or Σₑ ln(1 + NumMentionsₑ) when score is 0 (a neutral relation)

The output is one CSV (with a header) of src, dst, weight, sign, type, since, until, events,
first, last: the columns `statecraft export spark` writes for the same world. Half-life decay
is not done here: import the relations into Statecraft and weigh there.

Zip files are read whole by one task each (Spark's text reader does not open zip archives;
GDELT's are about 0.5 MB); plain and gzipped files go through the same path.
"""
import argparse, datetime, io, math, re, sys, zipfile, gzip

from pyspark.sql import SparkSession, functions as F, types as T

DECIMAL = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")
EPOCH = datetime.date(1970, 1, 1)


def file_lines(data):
    """The lines of a file's bytes: zip members in turn, gzip, or plain text."""
    if data[:4] == b"PK\x03\x04":
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            for name in z.namelist():
                if not name.endswith("/"):
                    yield from z.read(name).split(b"\n")
    elif data[:2] == b"\x1f\x8b":
        yield from gzip.decompress(data).split(b"\n")
    else:
        yield from data.split(b"\n")


def day_number(key):
    return (datetime.date(key // 10000, key // 100 % 100, key % 100) - EPOCH).days


def window_of(day, window):
    """(window key, since, until) of an event day, as Statecraft writes them."""
    y, m = day // 10000, day // 100 % 100
    if window == "day":
        iso = f"{y:04d}-{m:02d}-{day % 100:02d}"
        return iso, iso, iso
    if window == "week":
        n = day_number(day)
        start = n - ((n - 4) % 7)
        a, b = EPOCH + datetime.timedelta(days=start), EPOCH + datetime.timedelta(days=start + 6)
        return str(start), a.isoformat(), b.isoformat()
    if window == "month":
        return f"{y:04d}-{m:02d}", f"{y:04d}-{m:02d}", f"{y:04d}-{m:02d}"
    if window == "quarter":
        q = (m - 1) // 3
        return f"{y}Q{q}", f"{y:04d}-{q * 3 + 1:02d}", f"{y:04d}-{q * 3 + 3:02d}"
    if window == "year":
        return str(y), str(y), str(y)
    return "all", None, None  # since/until: the group's first and last days


def parse(line, level, window, first_day, last_day, actors):
    """One row as (key, (events, score, volume, first, last)), or a tag for what it was."""
    line = line.rstrip(b"\r")
    if not line:
        return None
    f = line.decode("utf-8", "replace").split("\t")
    if len(f) != 61:
        return ("malformed",)
    try:
        day = int(f[1])
        datetime.date(day // 10000, day // 100 % 100, day % 100)
        if not (10000101 <= day <= 99991231) or not f[1].lstrip("+-").isdigit():
            return ("malformed",)
    except ValueError:
        return ("malformed",)
    if not DECIMAL.match(f[30]) or not -10 <= float(f[30]) <= 10:
        return ("malformed",)
    if not f[31].lstrip("+").isdigit() and not (f[31].startswith("-") and f[31][1:].isdigit()):
        return ("malformed",)
    mentions = int(f[31])
    if mentions < 0 or len(f[28]) != 2 or not f[28].isdigit() or not 1 <= int(f[28]) <= 20:
        return ("malformed",)
    a1, a2 = (f[7], f[17]) if level == "country" else (f[5], f[15])
    if not a1 or not a2 or a1 == a2 or not first_day <= day <= last_day:
        return ("filtered",)
    if actors and not (any(a1.startswith(a) for a in actors) and any(a2.startswith(a) for a in actors)):
        return ("filtered",)
    strength = math.log(1 + mentions)
    key, since, until = window_of(day, window)
    return ((a1, a2, key, int(f[28]), since, until), (1, float(f[30]) * strength, strength, day, day))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("files", nargs="+")
    ap.add_argument("--level", choices=["country", "actor"], default="country")
    ap.add_argument("--window", choices=["day", "week", "month", "quarter", "year", "all"], default="month")
    ap.add_argument("--from", dest="first", help="first day, YYYY-MM-DD")
    ap.add_argument("--to", dest="last", help="last day, YYYY-MM-DD")
    ap.add_argument("--actors", help="comma-separated codes or prefixes")
    ap.add_argument("-o", "--output", required=True, help="output folder (one CSV part file)")
    a = ap.parse_args(argv)
    spark = SparkSession.builder.appName("statecraft-gdelt-events").getOrCreate()
    relations, counts = aggregate(spark, a.files, a.level, a.window,
                                  int(a.first.replace("-", "")) if a.first else 0,
                                  int(a.last.replace("-", "")) if a.last else 99999999,
                                  [x.strip().upper() for x in a.actors.split(",")] if a.actors else None)
    relations.coalesce(1).write.mode("overwrite").option("header", True).csv(a.output)
    print(f"gdelt: {counts}", file=sys.stderr)


def aggregate(spark, files, level, window, first_day, last_day, actors):
    """The relations DataFrame and the row counts (read, kept, filtered, malformed)."""
    sc = spark.sparkContext
    rows = sc.binaryFiles(",".join(files)).flatMap(lambda kv: file_lines(kv[1])) \
        .map(lambda line: parse(line, level, window, first_day, last_day, actors)).filter(lambda r: r is not None)
    rows.cache()
    tags = rows.map(lambda r: r[0] if len(r) == 1 else "kept").countByValue()
    counts = {"rows": sum(tags.values()), "kept": tags.get("kept", 0), "filtered": tags.get("filtered", 0), "malformed": tags.get("malformed", 0)}
    events = rows.filter(lambda r: len(r) == 2).map(lambda r: (*r[0], *r[1]))
    schema = T.StructType([T.StructField(n, t) for n, t in [
        ("src", T.StringType()), ("dst", T.StringType()), ("window", T.StringType()), ("root", T.IntegerType()),
        ("since", T.StringType()), ("until", T.StringType()), ("n", T.LongType()), ("s", T.DoubleType()),
        ("v", T.DoubleType()), ("d0", T.IntegerType()), ("d1", T.IntegerType())]])
    df = spark.createDataFrame(events, schema)
    g = df.groupBy("src", "dst", "window", "root").agg(
        F.sum("n").alias("events"), F.sum("s").alias("score"), F.sum("v").alias("volume"),
        F.min("d0").alias("first"), F.max("d1").alias("last"), F.first("since").alias("since"), F.first("until").alias("until"))
    iso = lambda c: F.concat_ws("-", F.substring(c.cast("string"), 1, 4), F.substring(c.cast("string"), 5, 2), F.substring(c.cast("string"), 7, 2))
    out = g.select(
        "src", "dst",
        F.when(F.col("score") != 0, F.abs("score")).otherwise(F.col("volume")).alias("weight"),
        F.signum("score").cast("int").alias("sign"),
        F.format_string("cameo-%02d", "root").alias("type"),
        F.coalesce("since", iso(F.col("first"))).alias("since"),
        F.coalesce("until", iso(F.col("last"))).alias("until"),
        "events", "first", "last").filter(F.col("weight") > 0)
    return out, counts


if __name__ == "__main__":
    main()
