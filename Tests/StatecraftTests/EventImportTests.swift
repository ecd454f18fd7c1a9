import Foundation
import StatecraftTestSupport
import Testing

@testable import Statecraft
@testable import StatecraftGraph
@testable import StatecraftWorld

/// `EventImport` on real rows of each source (Fixtures/events, see its PROVENANCE.md), on
/// zipped and gzipped copies, on damaged files, and on seeded random rows.
@Suite("Event import")
struct EventImportTests {
  func fixture(_ name: String) -> String {
    repositoryRoot.appendingPathComponent("Tests/StatecraftTests/Fixtures/events/\(name)").path
  }

  func importer(_ profile: EventImport.Profile, level: EventImport.Level = .actor, window: EventImport.Window = .all) -> EventImport {
    var i = EventImport(profile: profile)
    i.level = level
    i.window = window
    return i
  }

  func relation(_ world: World, _ from: String, _ to: String, _ type: String) -> Relation? {
    world.relations.first { $0.from.rawValue == from && $0.to.rawValue == to && $0.type == type }
  }

  /// Runs `command` (a shell line) in `folder`, for zip and gzip copies of fixtures.
  func shell(_ command: String, in folder: String) throws {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/bin/sh")
    p.arguments = ["-c", command]
    p.currentDirectoryURL = URL(fileURLWithPath: folder)
    try p.run()
    p.waitUntilExit()
    try #require(p.terminationStatus == 0, "\(command) failed")
  }

  /// Writes a zip archive of `members` with Python's zipfile (deflate), as GDELT's are made.
  func zip(_ path: String, _ members: [(String, String)]) throws {
    let folder = (path as NSString).deletingLastPathComponent
    for (name, text) in members { try text.write(toFile: (folder as NSString).appendingPathComponent(name), atomically: true, encoding: .utf8) }
    let names = members.map { "'\($0.0)'" }.joined(separator: ", ")
    try shell("python3 -c \"import zipfile; z = zipfile.ZipFile('\(path)', 'w', zipfile.ZIP_DEFLATED); [z.write(n) for n in [\(names)]]; z.close()\"", in: folder)
  }

  @Test("GDELT: the real export sample, per actor pair and root: Σ Goldstein·ln(1+NumMentions)")
  func gdeltSample() throws {
    let (world, report) = try importer(.gdelt).run(files: [fixture("gdelt-export.tsv")], name: "t")
    #expect(report.rows == 14 && report.kept == 8 && report.filtered == 6 && report.malformedRows == 0)
    // obtained with: python3 -c "import math; print(-2*math.log(1+4) - 2*math.log(1+16))"
    let arrest = try #require(relation(world, "COP", "DEU", "cameo-09"))
    #expect(abs(arrest.weight - 8.885302512980633) < 1e-12 && arrest.sign == .hostile)
    // obtained with: python3 -c "import math; print(10*math.log(1+20))"
    #expect(abs(try #require(relation(world, "COP", "DEU", "cameo-19")).weight - 30.44522437723423) < 1e-12)
    // A zero Goldstein score: neutral, weighted by Σ ln(1 + mentions) = ln 2.
    let statement = try #require(relation(world, "EDU", "RUS", "cameo-01"))
    #expect(statement.sign == .neutral && abs(statement.weight - log(2.0)) < 1e-15)
    #expect(arrest.note?.contains("2 events") == true && arrest.note?.contains("gdelt-export.tsv (2 rows)") == true)
    #expect(arrest.note?.contains("ids 881990838, 881990837") == true, "most mentioned first (16, then 4)")
    #expect(arrest.note?.contains("ids 881990838, 881990837") == true && arrest.note?.contains("urls https://www.bgdailynews.com") == true)
    #expect(arrest.since == PartialDate("2018-10-24") && arrest.until == PartialDate("2018-10-24"), "one window: first to last event")
    #expect(world.relations.allSatisfy { $0.source == "gdelt-2" } && world.sources.map(\.id) == ["gdelt-2"])
    // Country level: only rows with both country codes (one in this sample).
    let (countries, r2) = try importer(.gdelt, level: .country).run(files: [fixture("gdelt-export.tsv")], name: "t")
    #expect(r2.kept == 1 && relation(countries, "CAN", "AUS", "cameo-13") != nil)
    // import gdelt is the same import.
    let (old, _) = try GDELTImport().run(files: [fixture("gdelt-export.tsv")], name: "t")
    let (new, _) = try importer(.gdelt, level: .country, window: .month).run(files: [fixture("gdelt-export.tsv")], name: "t")
    #expect(WorldYAML.write(old) == WorldYAML.write(new))
  }

  @Test("zipped, gzipped and plain copies of one file give one world; a truncated or damaged archive is an error")
  func archives() throws {
    try withScratchFolder { folder in
      let text = try String(contentsOfFile: fixture("gdelt-export.tsv"), encoding: .utf8)
      let zipped = (folder as NSString).appendingPathComponent("20191024143000.export.CSV.zip")
      try zip(zipped, [("20191024143000.export.CSV", text)])
      try shell("gzip -k 20191024143000.export.CSV", in: folder)
      let plain = try importer(.gdelt).run(files: [fixture("gdelt-export.tsv")], name: "t").0
      for file in [zipped, folder + "/20191024143000.export.CSV.gz"] {
        var world = try importer(.gdelt).run(files: [file], name: "t").0
        for i in world.relations.indices { world.relations[i].note = world.relations[i].note?.replacingOccurrences(of: (file as NSString).lastPathComponent, with: "gdelt-export.tsv") }
        #expect(WorldYAML.write(world) == WorldYAML.write(plain), "\(file)")
      }
      // Several members: each read in turn, named archive:member in messages.
      let two = folder + "/two.zip"
      try zip(two, [("a.CSV", text), ("b.CSV", "1\t2\n")])
      #expect { try importer(.gdelt).run(files: [two], name: "t") } throws: { "\($0)".contains("two.zip:b.CSV:1:1: has 2 tab-separated columns") }
      let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: zipped)))
      let truncated = folder + "/truncated.zip"
      try Data(bytes.prefix(bytes.count / 2)).write(to: URL(fileURLWithPath: truncated))
      #expect { try importer(.gdelt).run(files: [truncated], name: "t") } throws: { "\($0)".contains("truncated.zip: ends inside its compressed data (a truncated download?") }
      var damaged = bytes
      damaged[damaged.count / 3] ^= 0xFF
      let broken = folder + "/damaged.zip"
      try Data(damaged).write(to: URL(fileURLWithPath: broken))
      #expect { try importer(.gdelt).run(files: [broken], name: "t") } throws: { "\($0)".contains("damaged.zip: is damaged") }
      let gz = try [UInt8](Data(contentsOf: URL(fileURLWithPath: folder + "/20191024143000.export.CSV.gz")))
      try Data(gz.prefix(60)).write(to: URL(fileURLWithPath: folder + "/cut.gz"))
      #expect { try importer(.gdelt).run(files: [folder + "/cut.gz"], name: "t") } throws: { "\($0)".contains("cut.gz: ends inside its compressed data") }
    }
  }

  @Test("a malformed row stops the import with file, line and column unless rows may be skipped; another source's file is named")
  func badRows() throws {
    try withScratchFolder { folder in
      var rows = try String(contentsOfFile: fixture("gdelt-export.tsv"), encoding: .utf8).split(separator: "\n").map(String.init)
      var fields = rows[4].split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      fields[30] = "0x10"  // hexadecimal is no decimal number
      rows[4] = fields.joined(separator: "\t")
      let file = folder + "/bad.CSV"
      try (rows.joined(separator: "\n") + "\n").write(toFile: file, atomically: true, encoding: .utf8)
      let column = rows[4].utf8.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false).prefix(30).reduce(0) { $0 + $1.count + 1 } + 1
      #expect { try importer(.gdelt).run(files: [file], name: "t") } throws: {
        "\($0)" == "\(file):5:\(column): GoldsteinScale \"0x10\" is not a number in -10 … 10; fix the row, or give --skip-bad-rows to count and skip such rows"
      }
      var skipping = importer(.gdelt)
      skipping.skipBadRows = true
      let (_, report) = try skipping.run(files: [file], name: "t")
      #expect(report.malformedRows == 1 && report.malformed.first?.line == 5 && report.kept == 7)
      // Another source's file stops the import even when rows may be skipped.
      #expect { try skipping.run(files: [fixture("acled.csv")], name: "t") } throws: { "\($0)".contains("it looks like ACLED data: use --profile acled") }
      #expect { try importer(.acled).run(files: [fixture("polecat.tsv")], name: "t") } throws: {
        "\($0)".contains("the header has no \"event_id_cnty\" column, so this is not ACLED data; it looks like POLECAT data")
      }
      #expect { try importer(.polecat).run(files: [fixture("gdelt-export.tsv")], name: "t") } throws: { "\($0)".contains("it looks like GDELT 2.0 export data") }
      // Weights a source cannot give, and ACLED at country level, are refused before reading.
      var fatal = importer(.gdelt)
      fatal.weight = .fatalities
      #expect { try fatal.run(files: [file], name: "t") } throws: { "\($0)".contains("--weight fatalities is not something GDELT 2.0 export files say") }
      #expect { try importer(.acled, level: .country).run(files: [fixture("acled.csv")], name: "t") } throws: { "\($0)".contains("--level actor") }
    }
  }

  @Test("Phoenix: CAMEO codes and Goldstein scores, dated by week")
  func phoenix() throws {
    let (world, report) = try importer(.phoenix, window: .week).run(files: [fixture("phoenix.tsv")], name: "t")
    #expect(report.rows == 6 && report.kept == 6)
    let fight = try #require(relation(world, "SYRMIL", "SYRREB", "cameo-19"))
    #expect(fight.weight == 10 && fight.sign == .hostile)
    // 2017-03-15 was a Wednesday: its week runs Monday 13 to Sunday 19 March.
    #expect(fight.since == PartialDate("2017-03-13") && fight.until == PartialDate("2017-03-19"))
    #expect(world.actors.first { $0.id == "SYRREB" }?.kind == .armedGroup)
    let (countries, _) = try importer(.phoenix, level: .country).run(files: [fixture("phoenix.tsv")], name: "t")
    #expect(relation(countries, "USA", "RUS", "cameo-04") != nil)
  }

  @Test("POLECAT: PLOVER types scored by the manual's table (mode first), every listed actor paired with every recipient")
  func polecat() throws {
    let (world, report) = try importer(.polecat).run(files: [fixture("polecat.tsv")], name: "t")
    #expect(report.rows == 6 && report.kept == 6 && report.malformedRows == 0)
    // ASSAULT by aerial means scores −9.5 (the mode's row), not the type's −9.
    let strike = try #require(relation(world, "Russian Armed Forces", "Ukraine", "plover-assault"))
    #expect(strike.weight == 9.5 && strike.sign == .hostile)
    #expect(relation(world, "Antony Blinken", "Japan", "plover-consult")?.weight == 4, "CONSULT visit: 4")
    #expect(world.types.first { $0.id == "plover-assault" }?.polarity == .hostile)
    try withScratchFolder { folder in
      let header = try String(contentsOfFile: fixture("polecat.tsv"), encoding: .utf8).split(separator: "\n")[0]
      let columns = header.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      func row(_ values: [String: String]) -> String { columns.map { values[$0] ?? "None" }.joined(separator: "\t") }
      let file = folder + "/w.txt"
      try ([String(header),
            row(["Event ID": "x1", "Event Date": "2024-02-05", "Event Type": "AGREE", "Actor Name": "A; B", "Actor Country": "PAK; CHN",
                 "Recipient Name": "C", "Recipient Country": "USA"]),
            row(["Event ID": "x2", "Event Date": "2024-02-06", "Event Type": "ASAULT", "Actor Name": "A", "Actor Country": "PAK",
                 "Recipient Name": "C", "Recipient Country": "USA"])].joined(separator: "\n") + "\n")
        .write(toFile: file, atomically: true, encoding: .utf8)
      #expect { try importer(.polecat).run(files: [file], name: "t") } throws: { "\($0)".contains("w.txt:3:") && "\($0)".contains("did you mean \"ASSAULT\"?") }
      var skipping = importer(.polecat, level: .country)
      skipping.skipBadRows = true
      let (pairs, _) = try skipping.run(files: [file], name: "t")
      #expect(Set(pairs.relations.map { "\($0.from)>\($0.to)" }) == ["PAK>USA", "CHN>USA"], "each listed actor with its own country")
      #expect(pairs.relations.allSatisfy { $0.weight == 2.5 && $0.sign == .cooperative })
    }
  }

  @Test("ACLED: sub-event scores, associated actors, fatalities, every date format")
  func acled() throws {
    let (world, report) = try importer(.acled).run(files: [fixture("acled.csv")], name: "t")
    #expect(report.rows == 9 && report.kept == 7 && report.filtered == 2, "protests without actor2 make no relation")
    let riots = try #require(relation(world, "Rioters (Argentina)", "Police Forces of Argentina (2019-)", "acled-riots"))
    #expect(riots.weight == 15 && riots.sign == .hostile, "two violent demonstrations, −7.5 each")
    #expect(world.actors.first { $0.id.rawValue == "Police Forces of Argentina (2019-)" }?.kind == .organization)
    var deaths = importer(.acled)
    deaths.weight = .fatalities
    let (dead, _) = try deaths.run(files: [fixture("acled.csv")], name: "t")
    #expect(dead.relations.allSatisfy { $0.weight >= 1 }, "groups without deaths are dropped")
    #expect(ACLED.day("2022-06-30") == 20220630 && ACLED.day("30 June 2022") == 20220630 && ACLED.day("30-06-2022") == 20220630)
    #expect(ACLED.day("31 June 2022") == nil && ACLED.day("June 30, 2022") == nil)
    try withScratchFolder { folder in
      let text = try String(contentsOfFile: fixture("acled.csv"), encoding: .utf8)
      let file = folder + "/a.csv"
      try text.replacingOccurrences(of: "Violent demonstration", with: "Violent demo").write(toFile: file, atomically: true, encoding: .utf8)
      #expect { try importer(.acled).run(files: [file], name: "t") } throws: { "\($0)".contains("sub_event_type \"Violent demo\" is not one of Riots's") }
    }
  }

  @Test("GDELT with Mentions: weighted by distinct sources and confidence; translated-only events can be dropped")
  func mentions() throws {
    try withScratchFolder { folder in
      func row(_ id: String, _ a1: String, _ a2: String, _ goldstein: String) -> String {
        var f = [String](repeating: "", count: 61)
        (f[0], f[1], f[5], f[7], f[15], f[17]) = (id, "20250807", a1, a1, a2, a2)
        (f[26], f[28], f[29], f[30], f[31]) = ("042", "04", "1", goldstein, "5")
        return f.joined(separator: "\t")
      }
      let exports = folder + "/20250807220000.export.CSV"
      try ([row("1250901036", "USA", "PAK", "2"), row("1256322770", "CHN", "PAK", "-4"), row("999", "IND", "PAK", "3"), row("998", "RUS", "PAK", "1")]
        .joined(separator: "\n") + "\n").write(toFile: exports, atomically: true, encoding: .utf8)
      let translated = "998\t20250807220000\t20250807220000\t1\tlemonde.fr\thttps://lemonde.fr/x\t1\t-1\t-1\t10\t1\t60\t900\t1.0\tsrclc:fra;eng:GT-FRA 1.0\t"
      let mentionFile = folder + "/20250807220000.mentions.CSV"
      try (String(contentsOfFile: fixture("gdelt-mentions.tsv"), encoding: .utf8) + translated + "\n")
        .write(toFile: mentionFile, atomically: true, encoding: .utf8)
      var i = importer(.gdeltMentions, level: .country)
      let (world, report) = try i.run(files: [exports, mentionFile], name: "t")
      #expect(report.kept == 3 && report.filtered == 1, "event 999 has no mention read")
      // 1250901036: two mentions, both pambazuka.org, Confidence 20: ln(1+1) · 0.20 · 2.
      // obtained with: python3 -c "import math; print(math.log(2)*0.2*2)"
      #expect(abs(try #require(relation(world, "USA", "PAK", "cameo-04")).weight - 0.2772588722239781) < 1e-15)
      i.weight = .mentions
      #expect(try i.run(files: [exports, mentionFile], name: "t").0.relations.first?.weight == 1, "one distinct source")
      i.weight = .confidence
      #expect(try i.run(files: [exports, mentionFile], name: "t").0.relations.first?.weight == 0.2)
      i.dropTranslated = true
      let (kept, _) = try i.run(files: [exports, mentionFile], name: "t")
      #expect(relation(kept, "RUS", "PAK", "cameo-04") == nil && relation(world, "RUS", "PAK", "cameo-04") != nil)
      #expect { try importer(.gdeltMentions).run(files: [exports], name: "t") } throws: { "\($0)".contains("no Mentions file was given") }
    }
  }

  @Test("windows: day, week, month, quarter, year and all carry their since/until")
  func windows() throws {
    var i = importer(.gdelt)
    let cases: [(EventImport.Window, Int, String, String)] = [
      (.day, 20250807, "2025-08-07", "2025-08-07"), (.week, 20250807, "2025-08-04", "2025-08-10"),
      (.week, 20250101, "2024-12-30", "2025-01-05"), (.month, 20250807, "2025-08", "2025-08"),
      (.quarter, 20250807, "2025-07", "2025-09"), (.quarter, 20251231, "2025-10", "2025-12"), (.year, 20250807, "2025", "2025"),
    ]
    for (window, day, since, until) in cases {
      i.window = window
      let bounds = i.windowBounds(i.windowKey(day), first: day, last: day)
      #expect(bounds.since == PartialDate(since) && bounds.until == PartialDate(until), "\(window) \(day)")
    }
    #expect(EventCalendar.isDay(20240229) && !EventCalendar.isDay(20250229) && !EventCalendar.isDay(20251340))
  }

  @Test("seeded random files: per-file results merged in order equal one file's, every event counted once, the same on every run")
  func randomFiles() throws {
    try withScratchFolder { folder in
      var rng = SplitMix64(seed: 18)
      let codes = ["USA", "CHN", "PAK", "IND", "AFG", "IRN"]
      var all: [String] = []
      var paths: [String] = []
      for file in 0 ..< 6 {
        var rows: [String] = []
        for n in 0 ..< 300 {
          var f = [String](repeating: "", count: 61)
          let a = codes[Int.random(in: 0 ..< 6, using: &rng)], b = codes[Int.random(in: 0 ..< 6, using: &rng)]
          let root = Int.random(in: 1 ... 20, using: &rng)
          (f[0], f[1], f[5], f[7], f[15], f[17]) = ("\(file * 1000 + n)", "2025\(String(format: "%02d%02d", Int.random(in: 1 ... 12, using: &rng), Int.random(in: 1 ... 28, using: &rng)))", a, a, b, b)
          (f[26], f[28], f[29]) = (String(format: "%02d0", root), String(format: "%02d", root), "1")
          (f[30], f[31]) = (String(Double(Int.random(in: -100 ... 100, using: &rng)) / 10), "\(Int.random(in: 0 ... 30, using: &rng))")
          rows.append(f.joined(separator: "\t"))
        }
        all += rows
        let path = folder + "/\(file).export.CSV"
        try (rows.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        paths.append(path)
      }
      let one = folder + "/all.export.CSV"
      try (all.joined(separator: "\n") + "\n").write(toFile: one, atomically: true, encoding: .utf8)
      var counting = importer(.gdelt, level: .country, window: .quarter)
      counting.weight = .count
      let (split, report) = try counting.run(files: paths, name: "t")
      let (whole, _) = try counting.run(files: [one], name: "t")
      func keys(_ w: World) -> [String] { w.relations.map { "\($0.from)>\($0.to) \($0.type) \($0.since!)" } }
      #expect(keys(split) == keys(whole), "same relations in the same order")
      #expect(split.relations.reduce(0) { $0 + $1.weight } == Double(report.kept), "every kept event counted once")
      #expect(report.kept + report.filtered == 1800)
      let (again, _) = try counting.run(files: paths, name: "t")
      #expect(WorldYAML.write(again) == WorldYAML.write(split))
      // Scores: the same up to summation order.
      let (scoreSplit, _) = try importer(.gdelt, level: .country, window: .quarter).run(files: paths, name: "t")
      let (scoreWhole, _) = try importer(.gdelt, level: .country, window: .quarter).run(files: [one], name: "t")
      #expect(isApproximatelyEqual(scoreSplit.relations.map(\.weight), scoreWhole.relations.map(\.weight), tolerance: 1e-12))
    }
  }

  @Test("a big plain file read in byte ranges at once: every line once, the same relations in the same order, lines numbered in the file")
  func ranges() throws {
    try withScratchFolder { folder in
      var rows = try String(contentsOfFile: fixture("gdelt-export.tsv"), encoding: .utf8).split(separator: "\n").map(String.init)
      rows = (0 ..< 40).flatMap { _ in rows }  // 560 rows, about 240 KB
      rows[333] = "broken\trow"
      let file = folder + "/big.export.CSV"
      try (rows.joined(separator: "\n") + "\n").write(toFile: file, atomically: true, encoding: .utf8)
      var whole = importer(.gdelt)
      whole.skipBadRows = true
      var ranged = whole
      ranged.rangeBytes = 997  // an odd size, so ranges start mid-line
      #expect(ranged.units([file]).count > 100 && whole.units([file]).count == 1)
      let (a, ra) = try whole.run(files: [file], name: "t")
      let (b, rb) = try ranged.run(files: [file], name: "t")
      #expect(ra.rows == 560 && rb.rows == 560 && ra.kept == rb.kept && rb.files == 1)
      #expect(rb.malformed.map(\.line) == [334] && ra.malformed.map(\.line) == [334])
      #expect(a.relations.map { "\($0.from)>\($0.to) \($0.type)" } == b.relations.map { "\($0.from)>\($0.to) \($0.type)" })
      #expect(isApproximatelyEqual(a.relations.map(\.weight), b.relations.map(\.weight), tolerance: 1e-12))
      #expect(b.relations.allSatisfy { $0.note?.contains("from big.export.CSV (") == true && $0.note?.contains("more files") == false })
      ranged.skipBadRows = false
      #expect { try ranged.run(files: [file], name: "t") } throws: { "\($0)".contains("big.export.CSV:334:1: has 2 tab-separated columns") }
    }
  }

  @Test("folders, globs and GDELT's masterfilelist.txt (with dates) name the files to read")
  func fileLists() throws {
    try withScratchFolder { folder in
      for stamp in ["20250301000000", "20250301001500", "20250302000000"] {
        try "".write(toFile: folder + "/\(stamp).export.CSV.zip", atomically: true, encoding: .utf8)
        try "".write(toFile: folder + "/\(stamp).mentions.CSV.zip", atomically: true, encoding: .utf8)
      }
      let list = folder + "/masterfilelist.txt"
      try ["20250301000000", "20250301001500", "20250302000000", "20250303000000"].flatMap { s in
        ["0 abc http://data.gdeltproject.org/gdeltv2/\(s).export.CSV.zip", "0 abc http://data.gdeltproject.org/gdeltv2/\(s).mentions.CSV.zip",
         "0 abc http://data.gdeltproject.org/gdeltv2/\(s).gkg.csv.zip"]
      }.joined(separator: "\n").write(toFile: list, atomically: true, encoding: .utf8)
      let day = try EventFiles.expand([list], profile: .gdelt, from: PartialDate("2025-03-01"), to: PartialDate("2025-03-01"))
      #expect(day.map { ($0 as NSString).lastPathComponent } == ["20250301000000.export.CSV.zip", "20250301001500.export.CSV.zip"])
      #expect(try EventFiles.expand([list], profile: .gdeltMentions, from: PartialDate("2025-03-02"), to: PartialDate("2025-03-02")).count == 2)
      #expect { try EventFiles.expand([list], profile: .gdelt, from: PartialDate("2025-03"), to: nil) } throws: {
        "\($0)".contains("names 1 file for these dates that the mirror beside it does not have (first: 20250303000000.export.CSV.zip)")
      }
      #expect(try EventFiles.expand([folder], profile: .gdelt).count == 3, "a folder: the exports, not the index or the Mentions")
      #expect(try EventFiles.expand([folder + "/*0000.export.CSV.zip"], profile: .gdelt).count == 2)
      #expect { try EventFiles.expand([folder + "/*.nothing"], profile: .gdelt) } throws: { "\($0)".contains("matches no file") }
      // A listed size that differs from the mirror's file: an interrupted download.
      try "1 abc http://data.gdeltproject.org/gdeltv2/20250301000000.export.CSV.zip\n".write(toFile: list, atomically: true, encoding: .utf8)
      #expect { try EventFiles.expand([list], profile: .gdelt) } throws: { "\($0)".contains("masterfilelist.txt:1:1: 20250301000000.export.CSV.zip is 0 bytes in the mirror but 1 here") }
      #expect { try EventFiles.expand([list], profile: .acled) } throws: { "\($0)".contains("use it with --profile gdelt or gdelt-mentions") }
    }
  }

  @Test("what a hostile sweep found: control characters in names, a file given twice, empty files, a zip cut between members, a BOM, weights of 0")
  func hostile() throws {
    try withScratchFolder { folder in
      let header = try String(contentsOfFile: fixture("acled.csv"), encoding: .utf8).split(separator: "\n")[0]
      let row = try String(contentsOfFile: fixture("acled.csv"), encoding: .utf8).split(separator: "\n")[3]  // a riot with actor2
      let names = folder + "/names.csv"
      // A quoted actor name holding a line break and a tab becomes one id with spaces; a BOM is no part of the header.
      try ("\u{FEFF}" + header + "\n" + row.replacingOccurrences(of: "Rioters (Argentina)", with: "\"Rioters\n(Argentina)\tX\"") + "\n")
        .write(toFile: names, atomically: true, encoding: .utf8)
      let (world, _) = try importer(.acled).run(files: [names], name: "t")
      #expect(world.actors.contains { $0.id.rawValue == "Rioters (Argentina) X" }, "\(world.actors.map(\.id))")
      #expect(WorldYAML.write(world).utf8.allSatisfy { $0 >= 0x20 || $0 == 0x0A })
      var argentina = importer(.acled)
      argentina.countries = ["ARGENTINA"]
      #expect(try argentina.run(files: [fixture("acled.csv")], name: "t").1.kept == 7, "ACLED matches the country's name")
      argentina.countries = ["32"]
      #expect(try argentina.run(files: [fixture("acled.csv")], name: "t").1.kept == 7, "and its ISO number")
      #expect { try importer(.gdelt).run(files: [fixture("gdelt-export.tsv"), fixture("../events/gdelt-export.tsv")], name: "t") } throws: { "\($0)".contains("is given twice") }
      let empty = folder + "/empty.CSV.zip"
      try Data().write(to: URL(fileURLWithPath: empty))
      #expect { try importer(.gdelt).run(files: [empty], name: "t") } throws: { "\($0)".contains("empty.CSV.zip: is empty") }
      // Two members, cut before the second: the missing table of contents says so.
      let two = folder + "/two.zip"
      let text = try String(contentsOfFile: fixture("gdelt-export.tsv"), encoding: .utf8)
      try zip(two, [("a.CSV", text), ("b.CSV", text)])
      let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: two)))
      let second = (4 ..< bytes.count - 4).first { bytes[$0 ..< $0 + 4].elementsEqual([0x50, 0x4B, 0x03, 0x04]) }!
      try Data(bytes.prefix(second)).write(to: URL(fileURLWithPath: folder + "/cut.zip"))
      #expect { try importer(.gdelt).run(files: [folder + "/cut.zip"], name: "t") } throws: { "\($0)".contains("ends before its table of contents") }
      // Every relation decayed to 0: an error, not an empty world.
      var decayed = importer(.gdelt)
      decayed.halfLifeDays = 1e-3
      decayed.to = PartialDate("2030")
      let (_, report) = try decayed.run(files: [fixture("gdelt-export.tsv")], name: "t")
      #expect { try report.requireUsable(profile: .gdelt) } throws: { "\($0)".contains("every relation weighed 0") }
    }
  }

  @Test("hostile actor names from all of Unicode survive ACLED's quoted CSV into YAML that reads back, byte for byte, and the Spark export quotes them")
  func hostileNames() throws {
    var rng = SplitMix64(seed: 1818)
    func name() -> String {
      let pool: [ClosedRange<UInt32>] = [0x00 ... 0x7F, 0x80 ... 0x9F, 0xA0 ... 0x2FF, 0x2028 ... 0x2029, 0xFEFF ... 0xFEFF, 0x1F300 ... 0x1F6FF, 0x4E00 ... 0x4E80]
      var out = String.UnicodeScalarView()
      for _ in 0 ..< Int.random(in: 1 ... 12, using: &rng) {
        let range = pool[Int.random(in: 0 ..< pool.count, using: &rng)]
        out.append(Unicode.Scalar(UInt32.random(in: range, using: &rng))!)
      }
      return String(out) + "x"  // never empty once cleaned
    }
    try withScratchFolder { folder in
      let header = try String(contentsOfFile: fixture("acled.csv"), encoding: .utf8).split(separator: "\n")[0]
      let columns = header.split(separator: ",").map(String.init)
      var rows = [String(header)]
      var expected = Set<String>()
      for i in 0 ..< 200 {
        let (a, b) = (name(), name())
        let (x, y) = (EventImport.cleanID(a), EventImport.cleanID(b))
        if x != y { expected.formUnion([x, y]) }
        let values: [String: String] = [
          "event_id_cnty": "H\(i)", "event_date": "2022-06-0\(i % 9 + 1)", "event_type": "Riots", "sub_event_type": "Mob violence",
          "actor1": a, "actor2": b, "inter1": "5", "inter2": "7", "fatalities": "0", "country": "X",
        ]
        rows.append(columns.map { EdgeListCSV.csvQuoted(values[$0] ?? "") }.joined(separator: ","))
      }
      let file = folder + "/hostile.csv"
      try (rows.joined(separator: "\n") + "\n").write(toFile: file, atomically: true, encoding: .utf8)
      let (world, report) = try importer(.acled).run(files: [file], name: "t")
      #expect(report.rows == 200 && report.malformedRows == 0)
      #expect(Set(world.actors.map(\.id.rawValue)) == expected)
      let yaml = WorldYAML.write(world)
      let back = try WorldYAML.parse(yaml, file: "t.yaml", defaultName: "t")
      #expect(back.actors.map(\.id) == world.actors.map(\.id) && back.relations.map(\.from) == world.relations.map(\.from))
      #expect(WorldYAML.write(back) == yaml, "a second write is byte for byte the first")
      let edges = GraphExport.spark(world)[1].text
      #expect(edges.split(separator: "\n", omittingEmptySubsequences: false).count >= world.relations.count + 1)
    }
  }

  @Test("export spark and neo4j: one row per relation, mutual relations marked or doubled, CSV quoted")
  func exports() throws {
    var world = try WorldIO.load(graphPath("pakistan-2025.yaml"))
    world.relations[0].mutual = true
    let spark = GraphExport.spark(world)
    #expect(spark.map(\.name) == ["vertices.csv", "edges.csv"])
    let edges = spark[1].text.split(separator: "\n")
    #expect(edges[0] == "src,dst,weight,sign,type,since,until,mutual,source" && edges.count == world.relations.count + 1)
    #expect(edges[1].contains(",true,"))
    let neo = GraphExport.neo4j(world)
    #expect(neo.map(\.name) == ["nodes.csv", "relationships.csv", "import.sh", "analysis.cypher"])
    let mutual = world.relations.filter(\.mutual).count
    #expect(neo[1].text.split(separator: "\n").count == 1 + world.relations.count + mutual, "mutual relations both ways")
    #expect(neo[0].text.hasPrefix("id:ID,name,kind,") && neo[0].text.contains(",Actor;State\n"))
    #expect(neo[3].text.contains("gds.pageRank.stream") && neo[3].text.contains("relationshipWeightProperty: 'weight'"))
  }
}
