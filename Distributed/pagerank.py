#!/usr/bin/env python3
"""Weighted PageRank on Spark DataFrames, on the files `statecraft export spark` writes:
Statecraft's `rank --measure pagerank` (NetworkX's `pagerank(G, alpha, weight="weight")`) for
graphs too big for one machine.

    spark-submit Distributed/pagerank.py EXPORT_DIR [--alpha 0.85] [--tol 1e-12] -o ranks/

GraphX's and GraphFrames' PageRank ignore edge weights (every out-edge of a node gets the same
share), so they do not compute this measure. Here, as in Statecraft's default lens, every
relation counts at its weight whatever its sign, a mutual relation counts both ways, and
parallel relations between one ordered pair add up; each node passes rank to its successors in
proportion to the weights, dangling nodes (no out-weight) spread theirs evenly, and the
teleport is uniform:

    x'(v) = α Σ_u x(u) w(u,v) / W(u) + α Σ_{dangling d} x(d) / N + (1 − α) / N

from x = 1/N, until Σ_v |x'(v) − x(v)| < N · tol (NetworkX's stopping rule). The output is a
CSV of id, pagerank.
"""
import argparse, sys

from pyspark.sql import SparkSession, functions as F


def pagerank(spark, folder, alpha=0.85, tol=1e-12, max_iter=1000):
    """(DataFrame of id, pagerank; iterations)."""
    opts = dict(header=True, multiLine=True, escape='"')
    vertices = spark.read.csv(f"{folder}/vertices.csv", **opts).select("id")
    edges = spark.read.csv(f"{folder}/edges.csv", inferSchema=False, **opts) \
        .select("src", "dst", F.col("weight").cast("double").alias("w"), "mutual")
    both = edges.select("src", "dst", "w").unionByName(
        edges.filter(F.col("mutual") == "true").select(F.col("dst").alias("src"), F.col("src").alias("dst"), "w"))
    arcs = both.groupBy("src", "dst").agg(F.sum("w").alias("w"))
    out = arcs.groupBy("src").agg(F.sum("w").alias("total"))
    arcs = arcs.join(out, "src").select("src", "dst", (F.col("w") / F.col("total")).alias("p")).cache()
    n = vertices.count()
    dangling = vertices.join(out.withColumnRenamed("src", "id"), "id", "left_anti").cache()
    ranks = vertices.withColumn("x", F.lit(1.0 / n)).localCheckpoint()
    for iteration in range(1, max_iter + 1):
        lost = ranks.join(dangling, "id").agg(F.sum("x")).first()[0] or 0.0
        flow = arcs.join(ranks.withColumnRenamed("id", "src"), "src") \
            .groupBy(F.col("dst").alias("id")).agg(F.sum(F.col("p") * F.col("x")).alias("c"))
        base = alpha * lost / n + (1 - alpha) / n
        new = vertices.join(flow, "id", "left").select("id", (F.coalesce("c", F.lit(0.0)) * alpha + base).alias("x")).localCheckpoint()
        err = new.join(ranks.withColumnRenamed("x", "old"), "id").agg(F.sum(F.abs(F.col("x") - F.col("old")))).first()[0]
        ranks = new
        if err < n * tol:
            return ranks.withColumnRenamed("x", "pagerank"), iteration
    raise RuntimeError(f"PageRank did not converge in {max_iter} iterations")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder", help="a folder `statecraft export spark` wrote")
    ap.add_argument("--alpha", type=float, default=0.85)
    ap.add_argument("--tol", type=float, default=1e-12)
    ap.add_argument("-o", "--output", required=True)
    a = ap.parse_args(argv)
    spark = SparkSession.builder.appName("statecraft-pagerank").config("spark.sql.shuffle.partitions", "8").getOrCreate()
    ranks, iterations = pagerank(spark, a.folder, a.alpha, a.tol)
    ranks.orderBy(F.desc("pagerank"), "id").coalesce(1).write.mode("overwrite").option("header", True).csv(a.output)
    print(f"pagerank: converged in {iterations} iterations", file=sys.stderr)


if __name__ == "__main__":
    main()
