#!/usr/bin/env python3
"""Writes a SYNTHETIC GDELT 2.0 event export (61 tab-separated columns, no header) for the
importer's scaling benchmark (issue 10): ROWS events over 2025, naming about ACTORS distinct
actor codes at the actor level (A0…, B0…), with country codes, a CAMEO root code, a Goldstein
score and a mention count in their GDELT columns; every other column empty.

    python3 Benchmarks/make_gdelt_rows.py --rows 1000000 --actors 1000000 --out gdelt-1m.export.CSV
    statecraft import gdelt gdelt-1m.export.CSV --level actor --window year -o out.yaml
"""
import argparse, random

ap = argparse.ArgumentParser()
ap.add_argument("--rows", type=int, required=True)
ap.add_argument("--actors", type=int, required=True)
ap.add_argument("--out", required=True)
ap.add_argument("--seed", type=int, default=42)
a = ap.parse_args()
rng = random.Random(a.seed)
countries = ["PAK", "USA", "CHN", "IND", "AFG", "IRN", "RUS", "GBR"]
half = max(1, a.actors // 2)
with open(a.out, "w") as f:
    for i in range(a.rows):
        row = [""] * 61
        row[0] = str(i)
        row[1] = f"2025{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
        row[5] = f"A{rng.randrange(half)}"
        row[7] = rng.choice(countries)
        row[15] = f"B{rng.randrange(half)}"
        row[17] = rng.choice(countries)
        row[28] = f"{rng.randint(1, 20):02d}"
        row[30] = f"{rng.uniform(-10, 10):.1f}"
        row[31] = str(rng.randint(1, 50))
        f.write("\t".join(row) + "\n")
