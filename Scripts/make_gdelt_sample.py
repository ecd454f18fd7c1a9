#!/usr/bin/env python3
"""Writes Scripts/examples/gdelt-sample.export.CSV: a small SYNTHETIC file in the exact
GDELT 2.0 event export layout (tab-separated, 61 columns, no header), for tests and the
README. No real GDELT data is used: events, ids and URLs (example.org) are made up, with
plausible CAMEO codes and Goldstein scores for a Pakistan–US–China–India–Afghanistan story.
Three rows are malformed on purpose (a short row, a bad Goldstein score, a bad date).

    python3 Scripts/make_gdelt_sample.py
"""
import random

rng = random.Random(2025)
# (actor1 code, actor2 code, event code, Goldstein, quad class)
patterns = [
    ("PAKGOV", "USAGOV", "0311", 5.2, 1), ("USAGOV", "PAKGOV", "1312", -5.8, 3),
    ("PAKGOV", "USAGOV", "0231", 3.4, 1), ("USAGOV", "PAKGOV", "0421", 1.0, 1),
    ("CHNGOV", "PAKGOV", "0612", 6.4, 2), ("PAKGOV", "CHNGOV", "0421", 1.0, 1),
    ("CHNBUS", "PAKGOV", "0711", 7.0, 2), ("PAKREB", "CHNBUS", "1823", -9.0, 4),
    ("PAKREB", "PAKGOV", "1910", -10.0, 4), ("PAKMIL", "PAKREB", "1900", -10.0, 4),
    ("INDGOV", "PAKGOV", "1121", -4.0, 3), ("PAKGOV", "INDGOV", "1123", -4.4, 3),
    ("AFGGOV", "PAKGOV", "1120", -2.0, 3), ("PAKGOV", "AFGGOV", "0423", 2.8, 1),
    ("USAGOV", "CHNGOV", "1041", -5.0, 3), ("CHNGOV", "USAGOV", "1122", -4.0, 3),
]
names = {"PAK": "PAKISTAN", "USA": "UNITED STATES", "CHN": "CHINA", "IND": "INDIA", "AFG": "AFGHANISTAN"}
rows = []
event_id = 1_200_000_000
for day in range(1, 91):
    y, doy = 2025, day
    month = 5 + (doy - 1) // 30
    dom = (doy - 1) % 30 + 1
    for a1, a2, code, gs, quad in rng.sample(patterns, 2):
        event_id += 1
        f = [""] * 61
        f[0] = str(event_id)
        f[1] = f"{y}{month:02d}{dom:02d}"
        f[2] = f"{y}{month:02d}"
        f[3] = str(y)
        f[4] = f"{y + (month - 1) / 12 + dom / 365:.4f}"
        f[5], f[6], f[7], f[12] = a1, names[a1[:3]], a1[:3], a1[3:]
        f[15], f[16], f[17], f[22] = a2, names[a2[:3]], a2[:3], a2[3:]
        f[25] = "1"
        f[26], f[27], f[28] = code, code[:3], code[:2]
        f[29] = str(quad)
        f[30] = str(gs)
        mentions = rng.randint(1, 40)
        f[31], f[32], f[33] = str(mentions), str(max(1, mentions // 4)), str(mentions)
        f[34] = f"{rng.uniform(-8, 4):.6f}"
        for base in (35, 43, 51):
            f[base] = "1"
        f[59] = f"{y}{month:02d}{dom:02d}{rng.randint(0, 23):02d}{rng.choice(['00', '15', '30', '45'])}00"
        f[60] = f"https://example.org/synthetic/{event_id}"
        rows.append("\t".join(f))
bad_short = rows[5].split("\t")[:40]
rows.insert(10, "\t".join(bad_short))
bad_gs = rows[20].split("\t"); bad_gs[30] = "strong"; rows.insert(20, "\t".join(bad_gs))
bad_date = rows[30].split("\t"); bad_date[1] = "2025-13-40"; rows.insert(30, "\t".join(bad_date))
with open("Scripts/examples/gdelt-sample.export.CSV", "w", newline="\n") as out:
    out.write("\n".join(rows) + "\n")
print(f"wrote {len(rows)} rows (3 malformed)")
