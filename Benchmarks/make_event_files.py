#!/usr/bin/env python3
"""Writes SYNTHETIC event files in the exact formats of Phoenix, POLECAT and ACLED, for volume
tests of `statecraft import events` (the real-format samples are in
Tests/StatecraftTests/Fixtures/events; GDELT volume comes from make_gdelt_month.py):

- phoenix: one zipped file a day (events.full.YYYYMMDD.txt inside), 26 tab-separated columns,
  no header, CAMEO codes with the Goldstein score and PentaClass of their category;
- polecat: one tab-separated file a week (ngecEvents.YYYYMMDD.DV.txt) with POLECAT's 40-column
  header, PLOVER event types and modes, `None` for missing values, `;`-separated actor lists;
- acled: one CSV with ACLED's 31-column header, quoted actor names holding commas, notes holding
  line breaks, `; `-separated associated actors, dates written `30 June 2022`, numeric and
  text `inter` codes mixed as in exports from before and after 2024.

Nothing is real; the same arguments give the same bytes.

    python3 Benchmarks/make_event_files.py --profile acled --events 1000000 --out /tmp/acled
"""
import argparse, csv, datetime, io, os, random, zipfile

COUNTRIES = ["PAK", "IND", "AFG", "CHN", "USA", "IRN", "RUS", "UKR", "SYR", "ISR", "TUR", "NGA", "SDN", "MMR", "COL"]
ROLES = ["GOV", "MIL", "REB", "OPP", "COP", "CVL", "BUS", "MED"]
CAMEO = [("010", 0.0, 0), ("036", 4.0, 1), ("042", 1.9, 1), ("057", 8.0, 1), ("061", 6.4, 2), ("071", 7.4, 2),
         ("112", -2.0, 3), ("120", -4.0, 3), ("130", -4.4, 3), ("141", -6.5, 3), ("173", -5.0, 4), ("190", -10.0, 4)]
PLOVER = {"AGREE": [""], "CONSULT": ["visit", "phone", ""], "SUPPORT": [""], "COOPERATE": [""], "AID": [""],
          "RETREAT": ["ceasefire", "release"], "REQUEST": ["assist", "meet"], "ACCUSE": ["allege", "disapprove"],
          "REJECT": ["change"], "THREATEN": ["violence", "restrict"], "PROTEST": ["demo", "riot"], "SANCTION": ["expel"],
          "MOBILIZE": ["troops"], "COERCE": ["arrest", "seize"], "ASSAULT": ["firearms", "aerial", "explosives", ""]}
ACLED = {"Battles": ["Armed clash", "Government regains territory"],
         "Explosions/Remote violence": ["Air/drone strike", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED"],
         "Violence against civilians": ["Attack", "Abduction/forced disappearance"],
         "Protests": ["Peaceful protest", "Protest with intervention"], "Riots": ["Violent demonstration", "Mob violence"],
         "Strategic developments": ["Agreement", "Arrests", "Looting/property destruction", "Other"]}
POLECAT_HEADER = ("Event ID\tEvent Date\tEvent Type\tEvent Mode\tEvent Intensity\tQuad Code\tContexts\tActor Name\tActor Country\t"
                  "Actor COW\tPrimary Actor Sector\tActor Sectors\tActor Title\tActor Name Raw\tWikipedia Actor ID\tRecipient Name\t"
                  "Recipient Country\tRecipient COW\tPrimary Recipient Sector\tRecipient Sectors\tRecipient Title\tRecipient Name Raw\t"
                  "Wikipedia Recipient ID\tPlacename\tCity\tDistrict\tProvince\tCountry\tLatitude\tLongitude\tGeoNames ID\tRaw Placename\t"
                  "Feature Type\tSource\tPublication Date\tStory People\tStory Organizations\tStory Locations\tLanguage\tVersion")
ACLED_HEADER = ["event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type", "actor1",
                "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting", "iso", "region",
                "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision", "source",
                "source_scale", "notes", "fatalities", "tags", "timestamp"]


def days(start, n):
    d0 = datetime.date.fromisoformat(start)
    return [d0 + datetime.timedelta(days=i) for i in range(n)]


def phoenix(rng, out, events, n_days):
    os.makedirs(out, exist_ok=True)
    per = events // n_days
    for k, day in enumerate(days("2017-03-01", n_days)):
        d = day.strftime("%Y%m%d")
        rows = []
        for i in range(per):
            c1, c2 = rng.sample(COUNTRIES, 2)
            code, g, penta = rng.choice(CAMEO)
            a, b = c1 + rng.choice(ROLES), c2 + rng.choice(ROLES)
            geo = ["", "", "", "", ""] if rng.random() < 0.3 else [f"{rng.uniform(-40, 60):.4f}", f"{rng.uniform(-120, 140):.4f}", f"Town {rng.randrange(300)}", f"State {rng.randrange(30)}", c1]
            rows.append("\t".join([f"{k * per + i}_v0.0.0", d, d[:4], d[4:6], d[6:], a, c1, a[3:], "", b, c2, b[3:], "", code, code[:2],
                                   str(penta), f"{g:.1f}", ""] + geo + [f"5f{rng.randrange(16**8):08x}_{rng.randrange(1, 30)}",
                                   f"https://news.example.com/{d}/{i}", "example_wire"]))
        with zipfile.ZipFile(os.path.join(out, f"events.full.{d}.txt.zip"), "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr(f"events.full.{d}.txt", "\n".join(rows) + "\n")


def polecat(rng, out, events, n_weeks):
    os.makedirs(out, exist_ok=True)
    per = events // n_weeks
    names = {c: [f"{c} Ministry {j}" for j in range(8)] + [f"{c} Armed Forces", c] for c in COUNTRIES}
    for w, monday in enumerate(days("2023-01-02", n_weeks * 7)[::7]):
        lines = [POLECAT_HEADER]
        for i in range(per):
            c1, c2 = rng.sample(COUNTRIES, 2)
            t = rng.choice(list(PLOVER))
            actors = rng.sample(names[c1], rng.choice([1, 1, 1, 2]))
            f = ["None"] * 40
            f[0] = f"{monday:%Y%m%d}-{w}-{i:06d}"
            f[1] = (monday + datetime.timedelta(days=rng.randrange(7))).isoformat()
            f[2], f[3] = t, rng.choice(PLOVER[t]) or "None"
            f[7], f[8] = "; ".join(actors), "; ".join([c1] * len(actors))
            f[10] = rng.choice(["GOV", "MIL", "REB", "BUS", "None"])
            f[15], f[16] = rng.choice(names[c2]), c2
            f[28], f[29] = f"{rng.uniform(-40, 60):.5f}", f"{rng.uniform(-120, 140):.5f}"
            f[39] = "1.0"
            lines.append("\t".join(f))
        with open(os.path.join(out, f"ngecEvents.{monday:%Y%m%d}.DV.txt"), "w") as fh:
            fh.write("\n".join(lines) + "\n")


def acled(rng, out, events, n_days):
    os.makedirs(out, exist_ok=True)
    path = os.path.join(out, "acled-export.csv")
    groups = {c: [f"Military Forces of {c} (2018-)", f"Police Forces of {c}, Region {rng.randrange(9)}", f"Rebels of {c}",
                  f"Protesters ({c})", f"Civilians ({c})", f"Unidentified Armed Group ({c})"] for c in COUNTRIES}
    inter = {0: ("1", "State Forces"), 1: ("1", "State Forces"), 2: ("2", "Rebel Groups"), 3: ("6", "Protesters"),
             4: ("7", "Civilians"), 5: ("3", "Political Militias")}
    all_days = days("2022-06-01", n_days)
    with open(path, "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(ACLED_HEADER)
        for i in range(events):
            c = rng.choice(COUNTRIES)
            t = rng.choice(list(ACLED))
            a, b = rng.sample(range(6), 2)
            day = rng.choice(all_days)
            numeric = rng.random() < 0.5
            row = dict.fromkeys(ACLED_HEADER, "")
            row.update(event_id_cnty=f"{c}{i}", event_date=day.strftime("%-d %B %Y"), year=str(day.year), time_precision="1",
                       event_type=t, sub_event_type=rng.choice(ACLED[t]), actor1=groups[c][a],
                       assoc_actor_1="; ".join(rng.sample(groups[c], rng.choice([0, 0, 1, 2]))),
                       inter1=inter[a][0 if numeric else 1], actor2=groups[c][b] if rng.random() < 0.8 else "",
                       inter2=inter[b][0 if numeric else 1], country=c, iso=str(100 + COUNTRIES.index(c)),
                       location=f"Town {rng.randrange(300)}", latitude=f"{rng.uniform(-40, 60):.4f}",
                       longitude=f"{rng.uniform(-120, 140):.4f}", source="Example Wire; Example Daily",
                       notes=f"On {day}, an event.\nA second line of notes." if rng.random() < 0.2 else f"On {day}, an event.",
                       fatalities=str(int(rng.expovariate(0.5)) if t in ("Battles", "Explosions/Remote violence") else 0),
                       timestamp="1657041386")
            w.writerow([row[k] for k in ACLED_HEADER])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--profile", choices=["phoenix", "polecat", "acled"], required=True)
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=18)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    {"phoenix": lambda: phoenix(rng, a.out, a.events, 90), "polecat": lambda: polecat(rng, a.out, a.events, 13),
     "acled": lambda: acled(rng, a.out, a.events, 90)}[a.profile]()
    print(f"wrote {a.events} {a.profile} events into {a.out}")


if __name__ == "__main__":
    main()
