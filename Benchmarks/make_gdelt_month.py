#!/usr/bin/env python3
"""Writes a SYNTHETIC month of GDELT 2.0 in its published shape: one zipped 15-minute export
per quarter hour (NNNNNNNNNNNNNN.export.CSV.zip, one tab-separated 61-column member each, as
GDELT publishes them) and a masterfilelist.txt listing them, for the event-import benchmark
(BENCHMARKS.md, "Event data at archive scale") and the Spark test (Distributed/).

With --bad-rows, some rows are malformed the ways real downloads can be (cut short, an
impossible date, a score that is no number, an unknown root code). Rows look like real ones (every column filled the way GDELT fills it: actor codes, names,
country codes, CAMEO codes, QuadClass, Goldstein, mentions, tone, three geographies, the date
added and a source URL; about 450 bytes a row, as in the real sample
Tests/StatecraftTests/Fixtures/events/gdelt-export.tsv). Actors follow a heavy-tailed
popularity (a few countries in most events, as in GDELT). Nothing is real: ids, names and
URLs (example.org) are made up. The same arguments give the same bytes. With --mentions, each
file's Mentions table is written beside it, for `--profile gdelt-mentions`.

    python3 Benchmarks/make_gdelt_month.py --out /tmp/gdelt-month --files 2900 --events 5000000
"""
import argparse, io, math, os, random, zipfile
from multiprocessing import Pool

COUNTRIES = ["USA", "CHN", "RUS", "GBR", "IND", "PAK", "IRN", "ISR", "UKR", "DEU", "FRA", "JPN", "TUR", "SAU",
             "AFG", "SYR", "IRQ", "EGY", "NGA", "ZAF", "BRA", "MEX", "CAN", "AUS", "KOR", "PRK", "ITA", "ESP",
             "POL", "IDN", "PHL", "VNM", "THA", "MYS", "BGD", "LKA", "NPL", "KEN", "ETH", "SDN", "LBY", "YEM",
             "QAT", "ARE", "JOR", "LBN", "GRC", "NLD", "BEL", "SWE", "NOR", "FIN", "DNK", "CHE", "AUT", "HUN",
             "ROU", "BLR", "KAZ", "UZB", "AZE", "ARM", "GEO", "COL", "VEN", "ARG", "CHL", "PER", "CUB", "MMR"]
ROLES = ["", "GOV", "MIL", "BUS", "COP", "REB", "OPP", "MED", "EDU", "JUD", "LEG", "CVL", "SPY", "NGO"]
ROLE_NAMES = {"": "", "GOV": "GOVERNMENT", "MIL": "MILITARY", "BUS": "BUSINESS", "COP": "POLICE", "REB": "REBEL",
              "OPP": "OPPOSITION", "MED": "MEDIA", "EDU": "UNIVERSITY", "JUD": "COURT", "LEG": "PARLIAMENT",
              "CVL": "CIVILIAN", "SPY": "INTELLIGENCE", "NGO": "AID GROUP"}
# (EventCode, Goldstein, QuadClass) over the twenty roots.
EVENTS = [("010", 0.0, 1), ("020", 3.0, 1), ("036", 4.0, 1), ("042", 1.9, 1), ("043", 2.8, 1), ("046", 7.0, 1),
          ("051", 3.4, 1), ("057", 8.0, 1), ("061", 6.4, 2), ("071", 7.4, 2), ("073", 7.4, 2), ("084", 7.0, 2),
          ("090", -2.0, 3), ("111", -2.0, 3), ("112", -2.0, 3), ("120", -4.0, 3), ("130", -4.4, 3), ("138", -7.0, 3),
          ("141", -6.5, 3), ("150", -7.2, 4), ("160", -4.0, 4), ("173", -5.0, 4), ("180", -9.0, 4), ("190", -10.0, 4),
          ("193", -10.0, 4), ("195", -10.0, 4), ("200", -10.0, 4)]


def place(rng, country):
    lat = round(rng.uniform(-50, 60), 4)
    lon = round(rng.uniform(-120, 140), 4)
    return ["4", f"City {rng.randrange(500)}, Province {rng.randrange(40)}, {country}", country[:2], country[:2] + "0" + str(rng.randrange(10)),
            str(rng.randrange(99999)), str(lat), str(lon), str(-rng.randrange(9_999_999))]


def actor(rng, weights):
    country = rng.choices(COUNTRIES, weights)[0]
    role = rng.choice(ROLES)
    return country + role, (country + " " + ROLE_NAMES[role]).strip(), country, role


def write_file(args):
    out, index, stamp, rows, first_id, seed, bad, progress, mentions = args
    rng = random.Random(seed * 1_000_003 + index)
    weights = [1 / (i + 1) ** 1.1 for i in range(len(COUNTRIES))]
    day = stamp[:8]
    buf = io.StringIO()
    for i in range(rows):
        f = [""] * 61
        f[0] = str(first_id + i)
        # Most events happen on the day they are reported; some are older.
        d = day if rng.random() < 0.9 else day[:6] + f"{max(1, int(day[6:]) - rng.randrange(1, 4)):02d}"
        f[1], f[2], f[3] = d, d[:6], d[:4]
        f[4] = f"{d[:4]}.{int(d[4:6]) * 83 // 10:04d}"
        code1, name1, c1, r1 = actor(rng, weights)
        code2, name2, c2, r2 = actor(rng, weights)
        if rng.random() < 0.08: code1, name1, c1, r1 = "", "", "", ""   # GDELT leaves an actor empty often
        if rng.random() < 0.12: code2, name2, c2, r2 = "", "", "", ""
        # A story to see in a timeline: Pakistan and India meet more and more often, and more
        # and more hostilely, over the month; China and Pakistan more and more cooperatively.
        if rng.random() < 0.01 + 0.05 * progress:
            (code1, name1, c1, r1), (code2, name2, c2, r2) = [("PAKGOV", "PAK GOVERNMENT", "PAK", "GOV"), ("INDGOV", "IND GOVERNMENT", "IND", "GOV")][::rng.choice([1, -1])]
        pair = {c1, c2}
        if pair == {"PAK", "IND"}:
            code, goldstein, quad = rng.choice([e for e in EVENTS if (e[1] < 0) == (rng.random() < 0.3 + 0.6 * progress)])
        elif pair == {"CHN", "PAK"}:
            code, goldstein, quad = rng.choice([e for e in EVENTS if (e[1] > 0) == (rng.random() < 0.4 + 0.5 * progress)])
        else:
            code, goldstein, quad = rng.choice(EVENTS)
        f[5], f[6], f[7], f[12] = code1, name1, c1, r1
        f[15], f[16], f[17], f[22] = code2, name2, c2, r2
        f[25] = "1" if rng.random() < 0.6 else "0"
        f[26], f[27], f[28] = code, code[:3], code[:2]
        f[29], f[30] = str(quad), f"{goldstein:.1f}"
        mentions = 1 + int(rng.paretovariate(1.5))
        f[31], f[32], f[33] = str(mentions), str(max(1, mentions // 3)), str(mentions)
        f[34] = repr(round(rng.uniform(-10, 5), 11))
        f[35:43] = place(rng, c1 or "USA")
        f[43:51] = place(rng, c2 or "USA")
        f[51:59] = place(rng, c1 or c2 or "USA")
        f[59] = stamp
        f[60] = f"https://news{rng.randrange(300)}.example.org/{d[:4]}/{d[4:6]}/{d[6:]}/story-{first_id + i}-{rng.randrange(10**6)}.html"
        if i < bad:
            # A malformed row of the kinds real downloads have: cut short, a bad date, a bad score.
            f = [f[:40], f[:1] + ["20250231"] + f[2:], f[:30] + ["x"] + f[31:], f[:28] + ["21"] + f[29:]][(index + i) % 4]
        buf.write("\t".join(f))
        buf.write("\n")
    written = [write_zip(out, f"{stamp}.export.CSV", stamp, buf.getvalue().encode())]
    if mentions:
        # The Mentions table: 1–6 articles per event from a pool of outlets, Confidence 10–100,
        # one in ten machine-translated (MentionDocTranslationInfo filled).
        m = io.StringIO()
        for i in range(rows):
            for _ in range(1 + int(rng.paretovariate(2.0)) % 6):
                translated = rng.random() < 0.1
                m.write("\t".join([
                    str(first_id + i), stamp, stamp, "1", f"outlet{rng.randrange(400)}.example.org",
                    f"https://outlet.example.org/{first_id + i}/{rng.randrange(10**6)}", str(rng.randrange(1, 30)),
                    str(rng.randrange(-1, 400)), str(rng.randrange(-1, 400)), str(rng.randrange(0, 400)), str(rng.randrange(2)),
                    str(rng.choice([10, 20, 30, 40, 50, 60, 70, 80, 90, 100])), str(rng.randrange(500, 9000)),
                    repr(round(rng.uniform(-8, 4), 6)), "srclc:fra;eng:GT-FRA 1.0" if translated else "", ""]))
                m.write("\n")
        written.append(write_zip(out, f"{stamp}.mentions.CSV", stamp, m.getvalue().encode()))
    return written


def write_zip(out, name, stamp, data):
    """One zip holding one member, as GDELT publishes them; (zip name, size)."""
    path = os.path.join(out, name + ".zip")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as z:
        info = zipfile.ZipInfo(name, date_time=(int(stamp[:4]), int(stamp[4:6]), int(stamp[6:8]), int(stamp[8:10]), int(stamp[10:12]), 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        z.writestr(info, data)
    return name + ".zip", os.path.getsize(path)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--files", type=int, default=2900)
    ap.add_argument("--events", type=int, default=5_000_000)
    ap.add_argument("--start", default="20250301", help="first day, YYYYMMDD")
    ap.add_argument("--seed", type=int, default=2025)
    ap.add_argument("--jobs", type=int, default=os.cpu_count())
    ap.add_argument("--bad-rows", type=int, default=0, help="malformed rows to mix in (spread over the first files)")
    ap.add_argument("--mentions", action="store_true", help="also write each file's Mentions table (.mentions.CSV.zip)")
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    y, m, d = int(a.start[:4]), int(a.start[4:6]), int(a.start[6:])
    import datetime
    t0 = datetime.datetime(y, m, d)
    tasks, first = [], 1_200_000_000
    for i in range(a.files):
        t = t0 + datetime.timedelta(minutes=15 * i)
        rows = a.events // a.files + (1 if i < a.events % a.files else 0)
        bad = a.bad_rows // a.files + (1 if i < a.bad_rows % a.files else 0)
        tasks.append((a.out, i, t.strftime("%Y%m%d%H%M%S"), rows, first, a.seed, bad, i / a.files, a.mentions))
        first += rows
    with Pool(a.jobs) as pool:
        written = pool.map(write_file, tasks, chunksize=8)
    written = [w for pair in written for w in pair]
    with open(os.path.join(a.out, "masterfilelist.txt"), "w") as f:
        for name, size in written:
            f.write(f"{size} 00000000000000000000000000000000 http://data.gdeltproject.org/gdeltv2/{name}\n")
    print(f"wrote {len(written)} files, {a.events} events, {sum(s for _, s in written) / 1e6:.0f} MB zipped, into {a.out}")


if __name__ == "__main__":
    main()
