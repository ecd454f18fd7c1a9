import Foundation
import Testing

@testable import Statecraft
@testable import StatecraftGraph
@testable import StatecraftWorld

@Suite("GDELT import")
struct GDELTTests {
  /// One GDELT 2.0 export row with the fields the importer reads; the rest empty.
  func row(
    id: Int, day: String, a1: String, a2: String, root: String, goldstein: String, mentions: String,
    url: String = "https://example.org/x"
  ) -> String {
    var f = [String](repeating: "", count: 61)
    f[0] = String(id)
    f[1] = day
    f[5] = a1
    f[7] = String(a1.prefix(3))
    f[15] = a2
    f[17] = String(a2.prefix(3))
    f[26] = root + "1"
    f[28] = root
    f[29] = "1"
    f[30] = goldstein
    f[31] = mentions
    f[60] = url
    return f.joined(separator: "\t")
  }

  /// A row whose actors carry event geography (Actor1Geo_Lat/Long, Actor2Geo_Lat/Long).
  func located(_ id: Int, a1: String, at p1: (String, String), a2: String, at p2: (String, String)) -> String {
    var f = row(id: id, day: "20250501", a1: a1, a2: a2, root: "04", goldstein: "1", mentions: "2").split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
    (f[35], f[36], f[40], f[41]) = ("4", "Place of \(a1)", p1.0, p1.1)
    (f[43], f[44], f[48], f[49]) = ("4", "Place of \(a2)", p2.0, p2.1)
    return f.joined(separator: "\t")
  }

  @Test("actor-level imports place actors where their events are (the most frequent place), else at their country")
  func coordinates() throws {
    let file = try write([
      located(1, a1: "PAKGOV", at: ("33.7", "73.1"), a2: "USAGOV", at: ("38.9", "-77.0")),
      located(2, a1: "PAKGOV", at: ("24.9", "67.0"), a2: "USAGOV", at: ("38.9", "-77.0")),
      located(3, a1: "PAKGOV", at: ("24.9", "67.0"), a2: "CHNBUS", at: ("", "")),
      located(4, a1: "ROMGOV", at: ("95", "10"), a2: "USAGOV", at: ("38.9", "-77.0")),
    ])
    var importer = GDELTImport()
    importer.level = .actor
    let (world, _) = try importer.run(files: [file], name: "t")
    func attributes(_ id: String) -> [String: String] { world.actors.first { $0.id.rawValue == id }?.attributes ?? [:] }
    #expect(attributes("PAKGOV")["lat"] == "24.9" && attributes("PAKGOV")["lon"] == "67.0", "Karachi twice beats Islamabad once")
    #expect(attributes("PAKGOV")["place-name"] == "Place of PAKGOV")
    #expect(attributes("USAGOV")["lat"] == "38.9")
    #expect(attributes("CHNBUS")["place"] == "CHN" && attributes("CHNBUS")["lat"] == nil, "no geography: its country")
    // An out-of-range latitude is not a place; CAMEO's ROM is Romania (ISO ROU).
    #expect(attributes("ROMGOV")["place"] == "ROU")
    #expect(GeoAttributes.problems(of: world.actors[0]).isEmpty)
    // Country level: the states are placed by their codes, nothing written.
    let (countries, _) = try GDELTImport().run(files: [file], name: "t")
    #expect(countries.actors.allSatisfy { $0.attributes["lat"] == nil && $0.attributes["place"] == nil })
    #expect(countries.actors.first { $0.id == "ROM" }?.kind == .state)
  }

  func write(_ rows: [String]) throws -> String {
    let path = scratchRoot + "/gdelt-\(UUID().uuidString).CSV"
    try (rows.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  @Test("the formula: sign of Σ Goldstein·ln(1+mentions), weight its magnitude, per dyad, month and root")
  func formula() throws {
    let file = try write([
      row(id: 1, day: "20250501", a1: "PAKGOV", a2: "USAGOV", root: "03", goldstein: "4", mentions: "9"),
      row(id: 2, day: "20250520", a1: "PAKGOV", a2: "USAGOV", root: "03", goldstein: "-1", mentions: "3"),
      row(id: 3, day: "20250601", a1: "PAKGOV", a2: "USAGOV", root: "03", goldstein: "2", mentions: "1"),
      row(id: 4, day: "20250502", a1: "USAGOV", a2: "PAKGOV", root: "13", goldstein: "-6", mentions: "0"),
    ])
    let (world, report) = try GDELTImport().run(files: [file], name: "t")
    #expect(report.rows == 4 && report.kept == 4 && report.malformed.isEmpty)
    #expect(world.actors.map(\.id) == ["PAK", "USA"])
    #expect(world.actors.map(\.name) == ["Pakistan", "United States"])
    let may = try #require(world.relations.first { $0.type == "cameo-03" && $0.since == PartialDate("2025-05") })
    // closed form: 4·ln(10) − 1·ln(4)
    #expect(abs(may.weight - (4 * log(10.0) - log(4.0))) < 1e-12)
    #expect(may.sign == .cooperative)
    #expect(may.note!.hasPrefix("2 events"))
    #expect(may.note!.contains("ids 1, 2"))
    // The threat with 0 mentions carries no weight: ln(1) = 0, so no relation.
    #expect(!world.relations.contains { $0.type == "cameo-13" })
    #expect(world.relations.count == 2)  // May and June
    #expect(world.type("cameo-03")?.mode == .verbal)
  }

  @Test("decay halves a term per half-life before the reference date; filters and levels")
  func decayAndFilters() throws {
    let file = try write([
      row(id: 1, day: "20250101", a1: "PAKGOV", a2: "CHNGOV", root: "06", goldstein: "5", mentions: "1"),
      row(id: 2, day: "20250131", a1: "PAKGOV", a2: "CHNGOV", root: "06", goldstein: "5", mentions: "1"),
      row(id: 3, day: "20250131", a1: "PAKREB", a2: "CHNBUS", root: "18", goldstein: "-9", mentions: "1"),
      row(id: 4, day: "20250115", a1: "INDGOV", a2: "PAKGOV", root: "11", goldstein: "-2", mentions: "1"),
    ])
    var importer = GDELTImport()
    importer.halfLifeDays = 30
    importer.window = .all
    importer.actors = ["PAK", "CHN"]
    importer.level = .actor
    let (world, report) = try importer.run(files: [file], name: "t")
    #expect(report.filtered == 1)  // India is outside the actor filter
    let coop = try #require(world.relations.first { $0.type == "cameo-06" })
    // Reference = the latest event (Jan 31): the Jan 1 event is 30 days old, halved.
    #expect(abs(coop.weight - (5 * log(2.0) * 0.5 + 5 * log(2.0))) < 1e-12)
    #expect(world.actors.map(\.name).contains("Pakistan rebels"))
    #expect(world[actor: "PAKREB"]?.kind == .armedGroup)
    #expect(world[actor: "CHNBUS"]?.kind == .company)
  }

  @Test("malformed rows are counted with line numbers and never stop the import")
  func malformed() throws {
    let good = row(id: 1, day: "20250501", a1: "PAK", a2: "USA", root: "04", goldstein: "1", mentions: "2")
    let file = try write([
      good, "too\tfew\tcolumns",
      row(id: 2, day: "2025-05-01", a1: "PAK", a2: "USA", root: "04", goldstein: "1", mentions: "2"),
      row(id: 3, day: "20250501", a1: "PAK", a2: "USA", root: "04", goldstein: "x", mentions: "2"),
      row(id: 4, day: "20250501", a1: "PAK", a2: "USA", root: "21", goldstein: "1", mentions: "2"),
      row(id: 5, day: "20250501", a1: "PAK", a2: "USA", root: "04", goldstein: "1", mentions: "-3"),
      good,
    ])
    let (world, report) = try GDELTImport().run(files: [file], name: "t")
    #expect(report.malformed.map(\.line) == [2, 3, 4, 5, 6])
    #expect(report.kept == 2 && report.rows == 7)
    #expect(world.relations.count == 1)
    #expect(throws: GraphFileError.self) { try GDELTImport().run(files: ["/nonexistent.CSV"], name: "t") }
  }

  @Test("a file that is not an export writes nothing: mostly malformed, nothing kept, a directory, no line breaks", .timeLimit(.minutes(1)))
  func notAnExport() throws {
    // A world given as an export (the typo `import gdelt world.yaml -o world.yaml`).
    let (_, yaml) = try GDELTImport().run(files: [graphPath("pakistan-2025.yaml")], name: "t")
    #expect { try yaml.requireUsable(profile: .gdelt) } throws: { "\($0)".contains("rows are malformed") && "\($0)".contains("not a GDELT 2.0 export") }
    // Well-formed but filtered out entirely.
    var importer = GDELTImport()
    importer.actors = ["ZZZ"]
    let (_, none) = try importer.run(files: [try write([row(id: 1, day: "20250501", a1: "PAK", a2: "USA", root: "04", goldstein: "1", mentions: "2")])], name: "t")
    #expect { try none.requireUsable(profile: .gdelt) } throws: { "\($0)".contains("no event was kept") }
    // A directory is refused in words (it was a `try!` trap), and 20 MB without a line break
    // is refused at once (it was read as one ever-growing line: quadratic).
    #expect { try GDELTImport().run(files: [scratchRoot], name: "t") } throws: { "\($0)".contains("is a directory") }
    let path = scratchRoot + "/gdelt-nonl-\(UUID().uuidString).CSV"
    defer { unlink(path) }
    try Data(repeating: UInt8(ascii: "x"), count: 20 << 20).write(to: URL(fileURLWithPath: path))
    #expect { try GDELTImport().run(files: [path], name: "t") } throws: { "\($0)".contains("over 1 MiB") }
  }

  @Test("actor codes holding a comma and a quote import into YAML that reads back (validate rejected it)")
  func hostileActorCodes() throws {
    let file = try write([
      row(id: 1, day: "20250501", a1: "PAK,\"GOV", a2: "USA#GOV", root: "04", goldstein: "2", mentions: "3"),
      row(id: 2, day: "20250502", a1: "USA#GOV", a2: "PAK,\"GOV", root: "04", goldstein: "1", mentions: "1"),
    ])
    var importer = GDELTImport()
    importer.level = .actor
    let (world, report) = try importer.run(files: [file], name: "g")
    try report.requireUsable(profile: .gdelt)
    let yaml = WorldYAML.write(world)
    let back = try WorldYAML.parse(yaml, file: "g.yaml", defaultName: "g")
    #expect(back.actors.map(\.id) == world.actors.map(\.id) && back.relations.count == world.relations.count)
    #expect(world.actors.contains { $0.id.rawValue == "PAK,\"GOV" })
  }

  @Test("the shipped sample imports into a world that validates and ranks")
  func sample() throws {
    let sample = repositoryRoot.appendingPathComponent("Scripts/examples/gdelt-sample.export.CSV").path
    let (world, report) = try GDELTImport().run(files: [sample], name: "gdelt-sample")
    #expect(report.malformed.map(\.line) == [11, 21, 31])
    #expect(world.actors.count == 5)
    let yaml = WorldYAML.write(world)
    let back = try WorldYAML.parse(yaml, file: "gdelt.yaml", defaultName: "x")
    #expect(back.relations.count == world.relations.count)
    #expect(try back.through().pageRank().count == 5)
  }

  @Test("calendar arithmetic for windows and decay")
  func days() {
    #expect(EventCalendar.dayNumber(19700101) == 0)
    #expect(EventCalendar.dayNumber(20250131) - EventCalendar.dayNumber(20250101) == 30)
    #expect(EventCalendar.dayNumber(20240301) - EventCalendar.dayNumber(20240228) == 2)  // leap year
    #expect(EventCalendar.key(ofDayNumber: EventCalendar.dayNumber(20251126)) == 20251126)
    var weekly = GDELTImport().eventImport
    weekly.window = .week
    // 2025-11-26 is a Wednesday; its week starts Monday 2025-11-24.
    #expect(EventCalendar.key(ofDayNumber: weekly.windowKey(20251126)) == 20251124)
  }

  @Test("a SQLDATE that is not a calendar day is reported, not read")
  func impossibleDates() throws {
    let file = try write([
      row(id: 1, day: "20251340", a1: "PAKGOV", a2: "USAGOV", root: "03", goldstein: "4", mentions: "9"),
      row(id: 2, day: "20250230", a1: "PAKGOV", a2: "USAGOV", root: "03", goldstein: "4", mentions: "9"),
      row(id: 3, day: "20250228", a1: "PAKGOV", a2: "USAGOV", root: "03", goldstein: "4", mentions: "9"),
    ])
    let (_, report) = try GDELTImport().run(files: [file], name: "t")
    #expect(report.kept == 1 && report.malformed.count == 2)
    #expect(report.malformed.allSatisfy { $0.reason.contains("is not a calendar day") })
  }
}

