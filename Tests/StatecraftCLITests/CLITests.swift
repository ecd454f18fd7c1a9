import Foundation
import Statecraft
import StatecraftTestSupport
import Testing

@testable import StatecraftCLI

func graph(_ name: String) -> String { graphPath(name) }

@Suite("CLI reports")
struct ReportTests {
  @Test("rank: table, JSON and CSV of the seed world match the golden files")
  func rankGolden() throws {
    let world = try WorldIO.load(graph("pakistan-2025.yaml"))
    try expectMatchesGolden(try Reports.rank(world, measure: .pagerank), named: "rank-pagerank.txt")
    try expectMatchesGolden(try Reports.rank(world, measure: .betweenness, format: "json"), named: "rank-betweenness.json")
    try expectMatchesGolden(try Reports.rank(world, measure: .degree, top: 5, format: "csv"), named: "rank-degree-top5.csv")
    try expectMatchesGolden(try Reports.info(world), named: "info.txt")
  }

  @Test("path, communities, balance, brokerage and influence reports on the seed world match the golden files")
  func analysisGolden() throws {
    let world = try WorldIO.load(graph("pakistan-2025.yaml"))
    try expectMatchesGolden(
      try Reports.paths(world, from: "USA", to: "BSG", count: 2, direction: .either), named: "path-USA-BSG.txt")
    try expectMatchesGolden(
      try Reports.paths(world, from: "USA", to: "BSG", direction: .either, format: "json"), named: "path-USA-BSG.json")
    try expectMatchesGolden(try Reports.communities(world), named: "communities.txt")
    try expectMatchesGolden(try Reports.balance(world), named: "balance.txt")
    try expectMatchesGolden(try Reports.brokerage(world, by: "bloc"), named: "brokerage-bloc.txt")
    try expectMatchesGolden(try Reports.influence(world, over: "PAK"), named: "influence-over-PAK.txt")
    try expectMatchesGolden(try Reports.influence(world, of: "USA", model: .walk, format: "csv"), named: "influence-of-USA-walk.csv")
    for measure in Measure.allCases {
      try expectMatchesGolden(try Reports.rank(world, measure: measure, format: "csv"), named: "rank-\(measure.rawValue).csv")
    }
  }

  @Test("path without a target: the value to every reached actor, best first, as Dijkstra gives it")
  func pathValues() throws {
    let world = try WorldIO.load(graph("pakistan-2025.yaml"))
    let g = try world.through()
    let expected = try g.bestValues(from: world.index(of: "USA")!)
    let rows = try world.pathValues(from: "USA")
    #expect(rows.count == expected.compactMap { $0 }.count)
    for row in rows { #expect(row.value == expected[world.index(of: row.actor)!]) }
    #expect(zip(rows, rows.dropFirst()).allSatisfy { $0.value <= $1.value })
    let csv = try Reports.pathValues(world, from: "USA", top: 2, format: "csv")
    #expect(csv == "rank,actor,name,length\n1,USA,United States,0\n2,PAK,Pakistan,1.25")
    #expect(throws: UnknownActorError("USAA", suggestion: "USA")) { try world.pathValues(from: "USAA") }
  }

  @Test("info and balance as JSON parse and carry the counts")
  func jsonReports() throws {
    let world = try WorldIO.load(graph("pakistan-2025.yaml"))
    let info = try JSONSerialization.jsonObject(with: Data(try Reports.info(world, format: .json).utf8)) as! [String: Any]
    #expect(info["actors"] as? Int == 11 && info["relations"] as? Int == 24 && info["ranged"] as? Int == 4)
    #expect((info["types"] as! [Any]).count == 18 && (info["components"] as! [[String]]).count == 1)
    let balance = try JSONSerialization.jsonObject(with: Data(try Reports.balance(world, format: "json").utf8)) as! [String: Any]
    #expect(balance["frustrationIndex"] as? Int == 1 && (balance["camps"] as! [[String]]).count == 2)
  }

  @Test("balance on Gahuku-Gama reports the published frustration index")
  func gama() throws {
    let report = try Reports.balance(try WorldIO.load(graph("gahuku-gama.yaml")))
    #expect(report.contains("Frustration index: 7 (exact)"))
    #expect(report.contains("Camp A: GAVEV, KOTUN, NAGAD, GAMA"))
  }

  @Test("rank --format json on the Florentine families reproduces NetworkX to 1e-9")
  func florentineJSON() throws {
    let world = try WorldIO.load(graph("florentine-families.yaml"))
    for (measure, expected) in [
      // obtained with: nx.pagerank(nx.florentine_families_graph())
      (Measure.pagerank, Reference.florentinePageRank),
      // obtained with: nx.betweenness_centrality(nx.florentine_families_graph())
      (Measure.betweenness, Reference.florentineBetweenness),
    ] {
      let json = try Reports.rank(world, measure: measure, format: "json")
      let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Double]
      #expect(object.count == 15)
      for (id, value) in zip(Reference.florentineOrder, expected) {
        #expect(abs(object[id]! - value) <= 1e-9, "\(measure) of \(id)")
      }
    }
  }

  @Test("JSON keeps full precision and is the same on every call")
  func deterministic() throws {
    let world = try WorldIO.load(graph("karate-club.csv"), undirected: true)
    let a = try Reports.rank(world, measure: .betweenness, format: "json")
    let b = try Reports.rank(try WorldIO.load(graph("karate-club.csv"), undirected: true), measure: .betweenness, format: "json")
    #expect(a == b)
  }
}

/// Runs the real executable, as a user would.
@Suite("CLI process", .serialized)
final class ProcessTests {
  /// The folder `tempFile` writes into: inside the tests' ``scratchRoot``, which is removed
  /// when the test process exits, so a run leaves nothing behind.
  static var tempFolder: URL {
    URL(fileURLWithPath: scratchRoot).appendingPathComponent("cli")
  }

  struct Run {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  static let binary: URL = {
    // The test bundle sits in the same build folder as the executable.
    var dir = Bundle.main.bundleURL
    for _ in 0 ..< 4 {
      let candidate = dir.appendingPathComponent("statecraft")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
      dir = dir.deletingLastPathComponent()
    }
    return repositoryRoot.appendingPathComponent(".build/debug/statecraft")
  }()

  func run(_ arguments: [String]) throws -> Run {
    let process = Process()
    process.executableURL = Self.binary
    process.arguments = arguments
    process.currentDirectoryURL = repositoryRoot
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let o = out.fileHandleForReading.readDataToEndOfFile()
    let e = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Run(status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
  }

  func tempFile(_ name: String, _ contents: String) throws -> String {
    let dir = Self.tempFolder
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let url = dir.appendingPathComponent(name)
    try contents.write(to: url, atomically: true, encoding: .utf8)
    return url.path
  }

  @Test("options that contradict each other are refused before the world file is read")
  func staticChecksComeFirst() throws {
    // The world file does not exist: each command must stop at its option check (exit 64,
    // ArgumentParser's validation status), never reach the file.
    let cases: [([String], String)] = [
      (["info", "no-such.yaml", "--format", "csv"], "--format for info is table or json"),
      (["balance", "no-such.yaml", "--format", "csv"], "--format for balance is table or json"),
      (["leverage", "no-such.yaml", "--target", "pagerank of PAK", "--actors", "--change", "+0.1"], "--actors removes whole actors"),
      (["scenario", "no-such.yaml", "--map", "out.bmp"], "cannot tell the map format"),
      (["sweep", "no-such.yaml", "--relation", "A,B", "--target", "pagerank of PAK", "--from", "0.1", "--to", "1"], "--relation takes an id or FROM,TO,TYPE"),
    ]
    for (arguments, message) in cases {
      let r = try run(arguments)
      #expect(r.status == 64 && r.stderr.contains(message) && !r.stderr.contains("no-such"), "\(arguments): \(r.stderr)")
    }
  }

  @Test("the executable exists")
  func binaryExists() { #expect(FileManager.default.isExecutableFile(atPath: Self.binary.path)) }

  @Test("geographic views: the map, a scenario's delta map and a timeline's small multiples; bad coordinates located")
  func geographicViews() throws {
    let dir = Self.tempFolder.path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    let map = try run(["render", "Graphs/pakistan-2025.yaml", "--layout", "geo", "-o", dir + "/geo.svg"])
    #expect(map.status == 0 && (map.stdout + map.stderr).contains("(svg, geographic, 11 actors)"), "\(map.stderr)")
    let delta = try run(["scenario", "Graphs/scenarios/pakistan-2025.yaml", "--only", "minerals-deal", "--map", dir + "/delta.svg", "--map-layout", "geo"])
    #expect(delta.status == 0 && delta.stderr.contains("(svg, geographic)"), "\(delta.stderr)")
    let svg = try String(contentsOfFile: dir + "/delta.svg", encoding: .utf8)
    #expect(svg.contains("class=\"outline\"") && svg.contains("node fill: change in pagerank"))
    let png = try run(["scenario", "Graphs/scenarios/pakistan-2025.yaml", "--map", dir + "/delta.png", "--map-layout", "geo"])
    #expect(png.status != 0 && png.stderr.contains("--map-layout geo draws SVG"))
    let timeline = try run(["timeline", "Graphs/pakistan-2025.yaml", "--from", "2024-01", "--to", "2025-07", "--step", "quarter",
                            "--chart", dir + "/tl.svg", "--chart-layout", "geo"])
    #expect(timeline.status == 0 && timeline.stderr.contains("(6 geographic panels)"), "\(timeline.stderr)")
    let bad = try tempFile("badgeo.yaml", "schema: 1\nactors:\n  - {id: A, attributes: {lat: \"12\", lon: \"200\"}}\nrelations: []\n")
    let refused = try run(["render", bad, "--layout", "geo", "-o", dir + "/never.svg"])
    #expect(refused.status == 1 && refused.stderr.contains("badgeo.yaml:3:42: lon \"200\" must be a decimal number from −180 to 180"), "\(refused.stderr)")
    #expect(!FileManager.default.fileExists(atPath: dir + "/never.svg"))
  }

  @Test("balance proves the frustration index by default, and says how close it got when time runs out")
  func balanceProves() throws {
    let gama = try run(["balance", "Graphs/gahuku-gama.yaml"])
    #expect(gama.status == 0 && gama.stdout.contains("Frustration index: 7 (exact)"))
    var yaml = "schema: 1\ndirected: false\ntypes: [{id: a, polarity: cooperative, mode: material}, {id: e, polarity: hostile, mode: material}]\nactors:\n"
    for i in 0 ..< 60 { yaml += "  - {id: v\(i)}\n" }
    yaml += "relations:\n"
    var rng = SplitMix64(seed: 11)
    for u in 0 ..< 60 { for v in u + 1 ..< 60 where rng.nextUnit() < 0.3 { yaml += "  - {from: v\(u), to: v\(v), type: \(rng.nextUnit() < 0.5 ? "a" : "e"), weight: 1}\n" } }
    let file = try tempFile("signed60.yaml", yaml)
    let stopped = try run(["balance", file, "--time-limit", "0.5"])
    #expect(stopped.status == 0 && stopped.stdout.contains("of optimal: at least") && stopped.stdout.contains("the exact search stopped at its time limit"), "\(stopped.stdout)")
    let quick = try run(["balance", file, "--heuristic"])
    #expect(quick.status == 0 && quick.stdout.contains("(heuristic; at least"))
  }

  @Test("validate: 0 for good files, 1 with located messages for bad ones, never a stack trace")
  func validate() throws {
    let good = try run(["validate", "Graphs/pakistan-2025.yaml"])
    #expect(good.status == 0)
    #expect(good.stdout.contains("valid — 11 actors"))
    let bad = try tempFile("bad.yaml", "schema: 1\nactors:\n  - {id: A}\nrelations:\n  - {from: A, to: B, type: x, wieght: 1}\n")
    let r = try run(["validate", bad])
    #expect(r.status == 1)
    #expect(r.stderr.contains("bad.yaml:5:19: relation target \"B\" is not an actor; declare it"))
    #expect(r.stderr.contains("bad.yaml:5:31: unknown key \"wieght\""))
    #expect(!r.stderr.contains("Stack") && !r.stderr.contains("Fatal error"))
  }

  @Test("bad input of every kind gives a clear error and a non-zero exit", arguments: [
    (["rank", "Graphs/none.yaml"], Int32(1), "no such file"),
    (["rank", "Graphs/README.md"], 1, "unknown file type"),
    (["rank", "Graphs/pakistan-2025.yaml", "--damping", "2"], 64, "--damping must be between 0 and 1"),
    (["rank", "Graphs/pakistan-2025.yaml", "--measure", "fame"], 64, "fame"),
    (["rank", "Graphs/pakistan-2025.yaml", "--types", "bribe"], 1, "relation type \"bribe\" is not declared"),
    (["rank", "Graphs/pakistan-2025.yaml", "--date", "2025-13"], 64, "is not a date"),
    (["render", "Graphs/pakistan-2025.yaml", "--cluster-by", "colour"], 64, "no actor has the attribute"),
    (["render", "Graphs/pakistan-2025.yaml", "-o", "never-written.gif"], 64, "cannot tell the format"),
    (["path", "Graphs/pakistan-2025.yaml", "USA", "BGS"], 1, "did you mean \"BSG\"?"),
    (["path", "Graphs/pakistan-2025.yaml", "USA", "BSG", "-k", "0"], 64, "-k must be at least 1"),
    (["path", "Graphs/pakistan-2025.yaml", "USA", "BSG", "--all", "--any-direction"], 64, "--all lists shortest paths"),
    (["influence", "Graphs/pakistan-2025.yaml", "--over", "PAK", "--of", "CHN", "--samples", "10"], 64, "not both"),
    (["influence", "Graphs/pakistan-2025.yaml", "--over", "bloc=Nowhere"], 1, "the attribute's values are"),
    (["rank", "Graphs/pakistan-2025.yaml", "--top", "-5"], 64, "--top must be at least 1, got -5"),
    (["rank", "Graphs/pakistan-2025.yaml", "--time-limit", "0"], 64, "--time-limit must be a positive number"),
    (["rank", "Graphs/pakistan-2025.yaml", "--collapse-by", "blok"], 1, "did you mean \"bloc\""),
    (["brokerage", "Graphs/pakistan-2025.yaml", "--by", "colour"], 64, "no actor has the attribute"),
    (["rank", "Graphs/karate-club.csv", "--undirected", "--measure", "katz", "--alpha", "0.05"], 1, "is not below 1/λmax"),
    (["communities", "Graphs/pakistan-2025.yaml", "--resolution", "0"], 64, "--resolution must be positive"),
  ])
  func errors(arguments: [String], status: Int32, message: String) throws {
    let r = try run(arguments)
    #expect(r.status == status)
    #expect(r.stderr.contains(message), "stderr: \(r.stderr)")
    #expect(!r.stderr.contains("Stack dump") && !r.stderr.contains("Fatal error"))
  }

  @Test("convert: round trip through GraphML, notes on stderr for lossy targets, clear errors")
  func convert() throws {
    let graphml = try tempFile("seed.graphml", "")
    let ok = try run(["convert", "Graphs/pakistan-2025.yaml", graphml])
    #expect(ok.status == 0 && ok.stdout.contains("11 actors, 24 relations"))
    let back = try run(["rank", graphml, "--format", "json"])
    let original = try run(["rank", "Graphs/pakistan-2025.yaml", "--format", "json"])
    #expect(back.stdout == original.stdout)
    let csv = try tempFile("seed.csv", "")
    let lossy = try run(["convert", "Graphs/pakistan-2025.yaml", csv])
    #expect(lossy.status == 0 && lossy.stderr.contains("note: \(csv): CSV keeps relation types by name only"))
    let unknown = try run(["convert", "Graphs/pakistan-2025.yaml", "never-written.xyz"])
    #expect(unknown.status == 64 && unknown.stderr.contains("pass --to"))
    let missing = try run(["convert", "Graphs/none.graphml", graphml])
    #expect(missing.status == 1 && missing.stderr.contains("no such file"))
  }

  @Test("import events: each profile through the executable, a wrong profile writes nothing, export and a weekly timeline follow")
  func importEvents() throws {
    let fixtures = "Tests/StatecraftTests/Fixtures/events/"
    let out = try tempFile("events.yaml", "")
    try? FileManager.default.removeItem(atPath: out)
    let wrong = try run(["import", "events", "--profile", "polecat", fixtures + "acled.csv", "-o", out])
    #expect(wrong.status != 0 && wrong.stderr.contains("it looks like ACLED data: use --profile acled") && !wrong.stderr.contains("Stack"))
    #expect(!FileManager.default.fileExists(atPath: out), "nothing written")
    let weight = try run(["import", "events", "--profile", "phoenix", "--weight", "fatalities", fixtures + "phoenix.tsv", "-o", out])
    #expect(weight.status != 0 && weight.stderr.contains("--weight fatalities is not something Phoenix files say"))
    for (profile, file) in [("gdelt", "gdelt-export.tsv"), ("phoenix", "phoenix.tsv"), ("polecat", "polecat.tsv"), ("acled", "acled.csv")] {
      let r = try run(["import", "events", "--profile", profile, "--level", "actor", "--window", "week", fixtures + file, "-o", out])
      #expect(r.status == 0 && r.stderr.contains("\(profile): 1 file"), "\(profile): \(r.stderr)")
      #expect(try run(["validate", out]).status == 0, "\(profile)")
    }
    let timeline = try run(["timeline", out, "--from", "2022-06-01", "--to", "2022-06-30", "--step", "week", "--top", "2"])
    #expect(timeline.status == 0 && timeline.stdout.contains("2022-06-08") && timeline.stdout.contains("2022-06-29"), "\(timeline.stdout)")
    let folder = try tempFile("spark-export", "")
    try? FileManager.default.removeItem(atPath: folder)
    let export = try run(["export", "spark", out, folder])
    #expect(export.status == 0 && FileManager.default.fileExists(atPath: folder + "/edges.csv"))
    try? FileManager.default.removeItem(atPath: folder)
  }

  @Test("import gdelt: the sample becomes a valid world; malformed rows are reported by line")
  func importGDELT() throws {
    let out = try tempFile("gdelt.yaml", "")
    let r = try run(["import", "gdelt", "Scripts/examples/gdelt-sample.export.CSV", "-o", out])
    #expect(r.status == 0)
    #expect(r.stderr.contains("183 rows read"))
    #expect(r.stderr.contains("gdelt-sample.export.CSV:11: skipped: has 40 tab-separated columns, not the 61 of a GDELT 2.0 export"))
    #expect(r.stderr.contains("gdelt-sample.export.CSV:21:121: skipped: GoldsteinScale \"strong\""))
    #expect(try run(["validate", out]).status == 0)
    let piped = try run(["render", out, "--format", "dot", "-o", "-"])
    #expect(piped.status == 0 && piped.stdout.hasPrefix("digraph") && piped.stderr.contains("wrote -"))
    let bad = try run(["import", "gdelt", "Scripts/examples/gdelt-sample.export.CSV", "--from", "May", "-o", out])
    #expect(bad.status == 64)
  }

  @Test("render writes the file atomically and leaves nothing behind on failure")
  func renderAtomic() throws {
    let dir = URL(fileURLWithPath: scratchRoot).appendingPathComponent("render")
    try? FileManager.default.removeItem(at: dir)
    let out = dir.appendingPathComponent("maps/seed.svg").path
    let ok = try run(["render", "Graphs/pakistan-2025.yaml", "-o", out, "--cluster-by", "bloc"])
    #expect(ok.status == 0)
    #expect(try String(contentsOfFile: out, encoding: .utf8).hasSuffix("</svg>\n"))
    let failed = dir.appendingPathComponent("failed.svg").path
    let r = try run(["render", "Graphs/pakistan-2025.yaml", "-o", failed, "--types", "nope"])
    #expect(r.status != 0)
    #expect(!FileManager.default.fileExists(atPath: failed))
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["maps"])
  }

  @Test("same input, same output across processes: JSON, CSV and DOT")
  func deterministic() throws {
    for args in [
      ["rank", "Graphs/pakistan-2025.yaml", "--measure", "betweenness", "--format", "json"],
      ["rank", "Graphs/karate-club.csv", "--undirected", "--format", "csv"],
      ["render", "Graphs/pakistan-2025.yaml", "--format", "dot", "-o", "-"],
      ["communities", "Graphs/karate-club.csv", "--undirected", "--seed", "3", "--format", "json"],
      ["balance", "Graphs/gahuku-gama.yaml"],
    ] {
      let a = try run(args)
      let b = try run(args)
      #expect(a.status == 0)
      #expect(a.stdout == b.stdout && !a.stdout.isEmpty)
    }
  }

  @Test("balance refuses --sign and says why")
  func balanceRefusesSign() throws {
    for layer in ["negative", "positive"] {
      let r = try run(["balance", "Graphs/pakistan-2025.yaml", "--sign", layer])
      #expect(r.status == 64)
      #expect(r.stderr.contains("balance reads both signs at once"))
    }
    #expect(try run(["balance", "Graphs/pakistan-2025.yaml"]).status == 0)
  }

  @Test("an id holding a comma can be named in --avoid (quoted, or repeated options)")
  func commaIDs() throws {
    let csv = try tempFile("cities.csv", """
      source,target,weight
      F,"Washington, D.C.",1
      "Washington, D.C.",Zürich,1
      F,São Paulo,0.5
      São Paulo,Zürich,0.5
      """)
    let plain = try run(["path", csv, "F", "Zürich"])
    #expect(plain.status == 0 && plain.stdout.contains("F → Washington, D.C. → Zürich"))
    let avoided = try run(["path", csv, "F", "Zürich", "--avoid", #""Washington, D.C.""#])
    #expect(avoided.status == 0, "\(avoided.stderr)")
    #expect(avoided.stdout.contains("F → São Paulo → Zürich"))
    let repeated = try run(["path", csv, "F", "Zürich", "--avoid", "PAKX", "--avoid", #""Washington, D.C.""#])
    #expect(repeated.status != 0 && repeated.stderr.contains("PAKX"))
    let unclosed = try run(["path", csv, "F", "Zürich", "--avoid", #""Washington, D.C."#])
    #expect(unclosed.status == 64 && unclosed.stderr.contains("quote an id that holds a comma"))
  }

  @Test("iterative measures take --tolerance and --max-iterations; non-convergence names both")
  func iterationOptions() throws {
    let csv = try tempFile("slow.csv", "source,target\n0,1\n2,1\n")
    let failed = try run(["rank", csv, "--measure", "eigenvector"])
    #expect(failed.status == 1)
    #expect(failed.stderr.contains("--max-iterations") && failed.stderr.contains("--tolerance"))
    #expect(!failed.stderr.contains("Fatal error"))
    let converged = try run(["rank", csv, "--measure", "eigenvector", "--max-iterations", "1000", "--format", "json"])
    #expect(converged.status == 0 && converged.stdout.contains("0.99999925297"))
    let exact = try run(["rank", csv, "--measure", "betweenness", "--tolerance", "1e-9"])
    #expect(exact.status == 64 && exact.stderr.contains("computed exactly"))
  }

  @Test("writers refuse a directory at the output path and leave it intact")
  func writersNeverDestroy() throws {
    let dir = (try tempFile("placeholder.txt", "")).replacingOccurrences(of: "placeholder.txt", with: "")
    for ext in ["graphml", "json", "csv", "yaml"] {
      let target = dir + "d.\(ext)"
      try FileManager.default.createDirectory(atPath: target + "/sub", withIntermediateDirectories: true)
      let r = try run(["convert", "Graphs/pakistan-2025.yaml", target])
      #expect(r.status != 0, "\(ext)")
      #expect(r.stderr.contains("is a directory"), "\(ext): \(r.stderr)")
      #expect(FileManager.default.fileExists(atPath: target + "/sub"))
    }
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".tmp") }
    #expect(leftovers.isEmpty)
  }

  @Test("validate reads every format the other commands read")
  func validateEveryFormat() throws {
    let dir = (try tempFile("placeholder.txt", "")).replacingOccurrences(of: "placeholder.txt", with: "")
    for ext in ["graphml", "gexf", "json", "dot", "csv", "yaml"] {
      let out = dir + "seed-copy.\(ext)"
      #expect(try run(["convert", "Graphs/pakistan-2025.yaml", out]).status == 0)
      let v = try run(["validate", out])
      #expect(v.status == 0, "\(ext): \(v.stderr)")
      #expect(v.stdout.contains("valid — 11 actors, 24 relations"), "\(ext): \(v.stdout)")
    }
  }

  @Test("the scripted-analysis example builds, runs and writes its delta map")
  func scriptedExample() throws {
    let example = Self.binary.deletingLastPathComponent().appendingPathComponent("scripted-analysis")
    let out = try tempFile("example-delta.svg", "")
    let process = Process()
    process.executableURL = example
    process.arguments = [out]
    process.currentDirectoryURL = repositoryRoot
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    #expect(text.contains("PAK: PageRank +0.140479"))
    #expect(text.contains("China over Pakistan: 0.333333 → 0.176471"))
    let cliTable = try run(["rank", "Graphs/pakistan-2025.yaml", "--top", "3"]).stdout
    #expect(!cliTable.isEmpty && text.contains(cliTable), "the script prints the CLI's own table")
    let svg = try String(contentsOfFile: out, encoding: .utf8)
    #expect(svg.contains("<svg") && svg.contains("scenario: minerals&#45;deal"))
  }

  @Test("scenario: every format, --only, --map; bad files exit 1 with located messages")
  func scenarioCommand() throws {
    let file = "Graphs/scenarios/pakistan-2025.yaml"
    let table = try run(["scenario", file, "--only", "tariff-imposed"])
    #expect(table.status == 0 && table.stdout.hasPrefix("== tariff-imposed: The 29% tariff is imposed instead =="))
    let csv = try run(["scenario", file, "--format", "csv"])
    #expect(csv.status == 0 && csv.stdout.hasPrefix("scenario,question,item,before,after,delta,rank_before,rank_after\n"))
    let map = try tempFile("scenario-delta.svg", "")
    let drawn = try run(["scenario", file, "--only", "china-deepens-cpec", "--map", map, "--format", "json"])
    #expect(drawn.status == 0 && drawn.stderr.contains("wrote \(map)"))
    #expect(try String(contentsOfFile: map, encoding: .utf8).contains("double line: tie in one of"))
    let bad = try tempFile("bad-scenario.yaml", "schema: 1\nbase: \(repositoryRoot.path)/Graphs/pakistan-2025.yaml\nscenarios:\n  - name: a\n    edits:\n      - remove: minerals-pich\n")
    let refused = try run(["scenario", bad, "--map", map + ".png"])
    #expect(refused.status == 1)
    #expect(refused.stderr.contains("bad-scenario.yaml:6:17: no relation \"minerals-pich\" in the world; the closest is \"minerals-pitch\""))
    #expect(!FileManager.default.fileExists(atPath: map + ".png"))
    #expect(!refused.stderr.contains("Fatal error"))
  }

  @Test("leverage: ranked relations with estimates and exact changes; bad targets are refused")
  func leverageCommand() throws {
    let r = try run(["leverage", "Graphs/pakistan-2025.yaml", "--target", "CHN over PAK", "--top", "3", "--format", "csv"])
    #expect(r.status == 0)
    let lines = r.stdout.split(separator: "\n")
    #expect(lines.count == 4 && lines[1].hasPrefix("1,CHN→PAK alliance,CHN,PAK,alliance,0.9,false,"))
    let json = try run(["leverage", "Graphs/pakistan-2025.yaml", "--target", "pagerank of PAK", "--change", "+0.1", "--format", "json"])
    #expect(json.status == 0 && json.stdout.contains("\"closedForm\": true"))
    let bad = try run(["leverage", "Graphs/pakistan-2025.yaml", "--target", "CHN sways PAK"])
    #expect(bad.status == 64 && bad.stderr.contains("must read SOURCE over TARGET"))
    let noType = try run(["leverage", "Graphs/pakistan-2025.yaml", "--target", "CHN over PAK", "--candidates", "USA,PAK"])
    #expect(noType.status == 64 && noType.stderr.contains("--candidate-type"))
    let unknown = try run(["leverage", "Graphs/pakistan-2025.yaml", "--target", "CHN over PKA"])
    #expect(unknown.status == 1 && unknown.stderr.contains("did you mean \"PAK\""))
  }

  @Test(
    "progress appears on a terminal's stderr and never in piped output or with --quiet",
    .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), "needs script(1) for a pseudo-terminal"))
  func progressOnTerminal() throws {
    let sink = try tempFile("progress-stdout.txt", "")
    let transcript = try tempFile("progress-typescript.txt", "")
    func underTerminal(_ args: String) throws -> String {
      let p = Process()
      p.executableURL = URL(fileURLWithPath: "/usr/bin/script")
      // script runs the command under a pseudo-terminal; stdout goes to a file, so only
      // stderr (the terminal) reaches the transcript.
      p.arguments = ["-q", "-e", "-c", "\(Self.binary.path) \(args) > '\(sink)'", transcript]
      p.currentDirectoryURL = repositoryRoot
      let out = Pipe()
      p.standardOutput = out
      try p.run()
      let data = out.fileHandleForReading.readDataToEndOfFile()
      p.waitUntilExit()
      return String(decoding: data, as: UTF8.self)
    }
    let shown = try underTerminal("rank Graphs/pakistan-2025.yaml --samples 20000 --seed 1")
    #expect(shown.contains("sampling") && shown.contains("/20000"))
    let quiet = try underTerminal("rank Graphs/pakistan-2025.yaml --samples 20000 --seed 1 --quiet")
    #expect(!quiet.contains("sampling"))
    let piped = try run(["rank", "Graphs/pakistan-2025.yaml", "--samples", "20000", "--seed", "1"])
    #expect(piped.status == 0 && !piped.stderr.contains("sampling") && !piped.stdout.contains("sampling"))
    // All-pairs measures count sources; conversions count relations read and written.
    #expect(try underTerminal("rank Graphs/pakistan-2025.yaml --measure betweenness").contains("sources"))
    #expect(try !underTerminal("rank Graphs/pakistan-2025.yaml --measure betweenness --quiet").contains("sources"))
    let converted = NSTemporaryDirectory() + "progress-\(getpid()).graphml"
    defer { try? FileManager.default.removeItem(atPath: converted) }
    #expect(try underTerminal("convert Graphs/pakistan-2025.yaml \(converted)").contains("writing"))
    // The exact frustration search shows the share of splits it has settled.
    #expect(try underTerminal("balance Graphs/gahuku-gama.yaml").contains("frustration search"))
    // A layout shows the seconds it has spent against its deadline.
    let mapPath = NSTemporaryDirectory() + "progress-\(getpid()).svg"
    defer { try? FileManager.default.removeItem(atPath: mapPath) }
    #expect(try underTerminal("render Graphs/pakistan-2025.yaml -o \(mapPath)").contains("layout, seconds of 120"))
    let pipedBetweenness = try run(["rank", "Graphs/pakistan-2025.yaml", "--measure", "betweenness"])
    #expect(pipedBetweenness.status == 0 && !pipedBetweenness.stderr.contains("sources"))
  }

  @Test("timeline and sweep: tables, CSV and charts; bad options refused")
  func seriesCommands() throws {
    let chart = try tempFile("timeline.svg", "")
    let t = try run(["timeline", "Graphs/gdelt-sample.yaml", "--from", "2025-04", "--to", "2025-08", "--top", "2", "--chart", chart])
    #expect(t.status == 0 && t.stdout.contains("2025-06       0.448758") && t.stderr.contains("wrote \(chart)"))
    #expect(try String(contentsOfFile: chart, encoding: .utf8).hasPrefix("<?xml"))
    let s = try run(["sweep", "Graphs/pakistan-2025.yaml", "--relation", "USA,PAK,tariff-threat", "--target", "CHN over PAK", "--steps", "3", "--format", "csv"])
    #expect(s.status == 0 && s.stdout.split(separator: "\n").count == 4)
    let bad = try run(["timeline", "Graphs/gdelt-sample.yaml", "--from", "2025-13", "--to", "2025-08"])
    #expect(bad.status == 64 && bad.stderr.contains("is not a date"))
    let unknown = try run(["sweep", "Graphs/pakistan-2025.yaml", "--relation", "us-tarif-threat", "--target", "CHN over PAK"])
    #expect(unknown.status == 1 && unknown.stderr.contains("the closest is \"us-tariff-threat\""))
  }

  @Test("render --top N draws the N most central actors and says what it left out; default names stay in Output/")
  func renderTop() throws {
    let out = try tempFile("top.dot", "")
    let r = try run(["render", "Graphs/pakistan-2025.yaml", "--top", "4", "--format", "dot", "-o", out])
    #expect(r.status == 0 && r.stdout.contains("4 actors"))
    let dot = try String(contentsOfFile: out, encoding: .utf8)
    #expect(dot.contains("showing the 4 actors with the highest pagerank of 11"))
    #expect(dot.contains("pagerank 0.325") && !dot.contains("\"BSG\" ["))
    var world = try WorldIO.load(graph("pakistan-2025.yaml"))
    world.name = "../../x y"
    #expect(world.fileStem == "-..-x-y")
  }

  @Test("a layout that crashes or runs away is an error; the CLI survives and writes nothing")
  func isolatedLayout() throws {
    // posix_spawn and waitpid rather than Foundation's Process: its waitUntilExit missed
    // the exit of this command under AddressSanitizer (the child sat as a zombie).
    func run(_ args: [String], fault: String) throws -> Run {
      let errPath = try tempFile("layout-fault-\(fault).err", "")
      var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
      posix_spawn_file_actions_init(&actions)
      defer { posix_spawn_file_actions_destroy(&actions) }
      let outPath = try tempFile("layout-fault-\(fault).out", "")
      posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_TRUNC, 0o644)
      posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_TRUNC, 0o644)
      // Absolute paths: the child starts in this process's directory (chdir here would race
      // with the tests running in parallel).
      let argv = [Self.binary.path] + args.map { $0.hasPrefix("Graphs/") ? repositoryRoot.path + "/" + $0 : $0 }
      var env = ProcessInfo.processInfo.environment
      env["STATECRAFT_LAYOUT_FAULT"] = fault
      let envp = env.map { "\($0)=\($1)" }
      var cArgs = argv.map { strdup($0) } + [nil]
      var cEnv = envp.map { strdup($0) } + [nil]
      defer { (cArgs + cEnv).forEach { free($0) } }
      var pid: pid_t = 0
      let spawned = posix_spawn(&pid, Self.binary.path, &actions, nil, &cArgs, &cEnv)
      guard spawned == 0 else { throw POSIXError(.init(rawValue: spawned) ?? .EIO) }
      var status: Int32 = 0
      while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
      let exitCode = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
      return Run(status: exitCode, stdout: "", stderr: try String(contentsOfFile: errPath, encoding: .utf8))
    }
    let out = try tempFile("crashed.svg", "")
    try FileManager.default.removeItem(atPath: out)
    let crashed = try run(["render", "Graphs/pakistan-2025.yaml", "-o", out], fault: "crash")
    #expect(crashed.status == 1 && crashed.stderr.contains("died with a segmentation fault") && crashed.stderr.contains("--top N"))
    #expect(!FileManager.default.fileExists(atPath: out))
    let hung = try run(["render", "Graphs/pakistan-2025.yaml", "-o", out, "--layout-timeout", "1"], fault: "hang")
    #expect(hung.status == 1 && hung.stderr.contains("ran past 1 s and was stopped"))
    #expect(!FileManager.default.fileExists(atPath: out))
  }

  @Test("a long-lived layout worker answers map after map; a Graphviz error keeps it, a crash or a hang is one map's error")
  func layoutWorker() throws {
    let dot = "digraph g { a -> b; b -> c; }"
    let worker = try LayoutWorker(engine: .neato, executable: Self.binary.path)
    for _ in 0 ..< 3 {
      let svg = String(decoding: try worker.render(dot: dot, engine: .neato, format: .svg, deadline: 30), as: UTF8.self)
      #expect(svg.contains("<svg") && svg.contains("</svg>"))
    }
    #expect(throws: LayoutFailure.self) { try worker.render(dot: "digraph g { a -> }", engine: .neato, format: .svg, deadline: 30) }
    #expect(worker.usable, "a syntax error is the map's, not the worker's")
    #expect(try worker.render(dot: dot, engine: .dot, format: .svg, deadline: 30).count > 100)
    worker.stop()
    // The server's workers estimate text: the same maps, in a worker that never loads Pango.
    let estimating = try LayoutWorker(engine: .neato, executable: Self.binary.path)
    let svg = String(decoding: try estimating.render(dot: dot, engine: .neato, format: .svg, text: .estimated, deadline: 30), as: UTF8.self)
    #expect(svg.contains("<svg") && svg.contains("</svg>"))
    estimating.stop()
    for (fault, words) in [("crash", "died (a segmentation fault)"), ("hang", "ran past 1 s and was stopped")] {
      let faulty = try LayoutWorker(engine: .neato, executable: Self.binary.path, environment: ["STATECRAFT_LAYOUT_FAULT": fault])
      do {
        _ = try faulty.render(dot: dot, engine: .neato, format: .svg, deadline: 1)
        Issue.record("a \(fault) was answered")
      } catch let failure as LayoutFailure {
        #expect(failure.description.contains(words), "\(failure)")
      }
      #expect(!faulty.usable)
      faulty.stop()
    }
  }

  @Test("a layout child dies with its parent (even SIGKILL), and the next render removes the folder left behind")
  func layoutOutlivesNothing() throws {
    let scratch = scratchRoot + "/orphan-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    func start(fault: String?) throws -> Process {
      let p = Process()
      p.executableURL = Self.binary
      p.arguments = ["render", "Graphs/pakistan-2025.yaml", "-o", scratch + "/map.svg", "--layout-timeout", "60"]
      p.currentDirectoryURL = repositoryRoot
      var env = ProcessInfo.processInfo.environment
      env["TMPDIR"] = scratch
      env["STATECRAFT_LAYOUT_FAULT"] = fault
      p.environment = env
      p.standardOutput = FileHandle.nullDevice
      p.standardError = FileHandle.nullDevice
      try p.run()
      return p
    }
    func layoutFolders() -> [String] {
      ((try? FileManager.default.contentsOfDirectory(atPath: scratch)) ?? []).filter { $0.hasPrefix("statecraft-layout-") }
    }
    let parent = try start(fault: "hang")
    // The child: the process whose command line names this parent.
    var child: pid_t?
    for _ in 0 ..< 200 where child == nil {
      usleep(50_000)
      for entry in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
        guard let pid = pid_t(entry), let cmd = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline") else { continue }
        let words = cmd.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
        if words.contains("_layout"), let i = words.firstIndex(of: "--parent"), words.indices.contains(i + 1), words[i + 1] == String(parent.processIdentifier) {
          child = pid
        }
      }
    }
    let orphan = try #require(child, "the layout child started")
    #expect(layoutFolders().count == 1)
    kill(parent.processIdentifier, SIGKILL)
    parent.waitUntilExit()
    var gone = false
    for _ in 0 ..< 60 where !gone {
      usleep(50_000)
      gone = kill(orphan, 0) != 0 || (try? String(contentsOfFile: "/proc/\(orphan)/stat", encoding: .utf8))?.contains(") Z ") == true
    }
    #expect(gone, "the child exits within 3 s of its parent's death")
    #expect(layoutFolders().count == 1, "SIGKILL leaves the folder")
    let next = try start(fault: nil)
    next.waitUntilExit()
    #expect(next.terminationStatus == 0 && layoutFolders().isEmpty, "the next render removes it")
  }

  @Test("timeline follows a scenario over the dates; a mistyped scenario name gets a suggestion")
  func timelineUnderAScenario() throws {
    let plain = try run(["timeline", "Graphs/pakistan-2025.yaml", "--from", "2025-01", "--to", "2025-12", "--step", "quarter"])
    let under = try run(["timeline", "Graphs/pakistan-2025.yaml", "--from", "2025-01", "--to", "2025-12", "--step", "quarter",
                         "--scenarios", "Graphs/scenarios/pakistan-2025.yaml", "--scenario", "minerals-deal"])
    #expect(plain.status == 0 && under.status == 0 && under.stdout.hasPrefix("Scenario minerals-deal: its edits applied before every date"))
    #expect(plain.stdout != under.stdout.split(separator: "\n", maxSplits: 2).last.map(String.init))
    let typo = try run(["timeline", "Graphs/pakistan-2025.yaml", "--from", "2025-01", "--to", "2025-12",
                        "--scenarios", "Graphs/scenarios/pakistan-2025.yaml", "--scenario", "minerals-dael"])
    #expect(typo.status == 64 && typo.stderr.contains("did you mean \"minerals-deal\""))
  }

  @Test("--time-limit stops exact betweenness with a message naming the way out, and prints no partial table")
  func rankTimeLimit() throws {
    var csv = "source,target\n"
    var x: UInt64 = 4
    for i in 0 ..< 4_000 {
      for _ in 0 ..< 8 {
        x = x &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407  // an LCG: any fixed graph will do
        csv += "N\(i),N\((x >> 33) % 4_000)\n"
      }
    }
    let path = try tempFile("time-limit.csv", csv)
    let r = try run(["rank", path, "--measure", "betweenness", "--time-limit", "0.3"])
    #expect(r.status == 1 && r.stdout.isEmpty)
    #expect(r.stderr.contains("betweenness ran past --time-limit (0.3 s) and was stopped; estimate it from sampled sources instead (--sources 500)"), "\(r.stderr)")
  }

  @Test("SIGTERM or SIGINT during a large convert leaves no temporary file and no output")
  func interruptedConvert() throws {
    var csv = "source,target,weight\n"
    for i in 0 ..< 400_000 { csv += "a\(i % 50_000),b\(i % 70_001),0.5\n" }
    let input = try tempFile("interrupt.csv", csv)
    let dir = (input as NSString).deletingLastPathComponent + "/interrupt-out"
    try? FileManager.default.removeItem(atPath: dir)
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    for (signal, code) in [(SIGTERM, Int32(143)), (SIGINT, Int32(130))] {
      let process = Process()
      process.executableURL = Self.binary
      process.arguments = ["convert", input, dir + "/out.graphml"]
      process.standardOutput = Pipe()
      process.standardError = Pipe()
      try process.run()
      // Wait until the temporary file exists, then interrupt.
      var sawTemporary = false
      for _ in 0 ..< 1_000 where process.isRunning {
        if (try FileManager.default.contentsOfDirectory(atPath: dir)).contains(where: { $0.hasSuffix(".tmp") }) {
          sawTemporary = true
          break
        }
        usleep(10_000)
      }
      kill(process.processIdentifier, signal)
      process.waitUntilExit()
      let left = try FileManager.default.contentsOfDirectory(atPath: dir)
      #expect(left.isEmpty, "\(left)")
      if sawTemporary { #expect(process.terminationReason == .uncaughtSignal || process.terminationStatus == code) }
    }
  }

  @Test(
    "a write over the file size limit (EFBIG) keeps the previous file, leaves no temporary file and says so",
    // ThreadSanitizer's runtime itself dies of SIGBUS under a file size limit.
    .enabled(if: ProcessInfo.processInfo.environment["STATECRAFT_SANITIZER"] != "thread", "ThreadSanitizer dies of SIGBUS under ulimit -f"))
  func failedWriteKeepsPrevious() throws {
    var csv = "source,target,weight\n"
    for i in 0 ..< 20_000 { csv += "a\(i % 5_000),b\(i % 7_001),0.5\n" }
    let input = try tempFile("full-disk.csv", csv)
    func check(_ dir: String, _ shell: String) throws {
      let out = dir + "/out.graphml"
      try "previous".write(toFile: out, atomically: false, encoding: .utf8)
      let p = Process()
      p.executableURL = URL(fileURLWithPath: "/bin/sh")
      // An ignored SIGXFSZ is inherited through exec, so an over-limit write fails with EFBIG.
      p.arguments = ["-c", "trap '' XFSZ; \(shell) exec \"$0\" convert \"$1\" \"$2\"", Self.binary.path, input, out]
      let err = Pipe()
      p.standardError = err
      p.standardOutput = Pipe()
      try p.run()
      let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      p.waitUntilExit()
      #expect(p.terminationStatus != 0)
      #expect(message.contains("out.graphml") && !message.contains("Backtrace") && !message.contains("Fatal error"), "\(message)")
      #expect(try String(contentsOfFile: out, encoding: .utf8) == "previous")
      #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["out.graphml"])
    }
    // A file size limit (ulimit -f counts 1,024-byte blocks in dash and bash): works anywhere.
    let limited = (input as NSString).deletingLastPathComponent + "/size-limit"
    try? FileManager.default.removeItem(atPath: limited)
    try FileManager.default.createDirectory(atPath: limited, withIntermediateDirectories: true)
    try check(limited, "ulimit -f 64;")
  }

  @Test(
    "a write to a full disk (ENOSPC) keeps the previous file, leaves no temporary file and says so",
    .enabled(if: privateMountNamespaces, "needs a private mount namespace (unshare -m) to mount a 64 KiB tmpfs"))
  func fullDiskKeepsPrevious() throws {
    var csv = "source,target,weight\n"
    for i in 0 ..< 20_000 { csv += "a\(i % 5_000),b\(i % 7_001),0.5\n" }
    let input = try tempFile("full-disk.csv", csv)
    let disk = try StatecraftTestSupport.scratchFolder("tiny-disk")
    // The tmpfs exists only in the child's mount namespace: the checks run there too.
    let script = """
      mount -t tmpfs -o size=64k tmpfs "$2" && printf previous > "$2/out.graphml" || exit 99
      "$0" convert "$1" "$2/out.graphml" 2> "$2.err"; echo "exit=$?"
      echo "kept=$(cat "$2/out.graphml")"; echo "left=$(ls "$2")"
      """
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/unshare")
    p.arguments = ["-m", "--propagation", "private", "/bin/sh", "-c", script, Self.binary.path, input, disk]
    let out = Pipe()
    p.standardOutput = out
    try p.run()
    let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    p.waitUntilExit()
    let message = try String(contentsOfFile: disk + ".err", encoding: .utf8)
    #expect(p.terminationStatus == 0 && !text.contains("exit=0") && text.contains("exit="), "\(text)")
    #expect(text.contains("kept=previous") && text.contains("left=out.graphml\n"), "\(text)")
    #expect(message.contains("out.graphml") && !message.contains("Backtrace") && !message.contains("Fatal error"), "\(message)")
  }

  @Test("the library, the CLI and a scenario file give the same numbers, to the last bit")
  func oneSourceOfNumbers() throws {
    let world = try WorldIO.load("\(repositoryRoot.path)/Graphs/pakistan-2025.yaml")
    let library = try world.scores(.pagerank)
    let influence = try world.influence(of: "CHN", over: "PAK")
    // Compared as text: the CLI prints shortest round-trip decimals, and Foundation's JSON
    // parser on Linux rounds some of them in the last bit.
    let cli = try run(["rank", "Graphs/pakistan-2025.yaml", "--format", "json"]).stdout
    let cliInfluence = try run(["influence", "Graphs/pakistan-2025.yaml", "--over", "PAK", "--format", "json"]).stdout
    let scenario = try ScenarioFile.load("\(repositoryRoot.path)/Graphs/scenarios/pakistan-2025.yaml").run(only: ["minerals-deal"])
    let fromScenario = scenario.baseline.measures.first { $0.measure == .pagerank }!.scores
    for (actor, value) in zip(library.actors, library.values) {
      #expect(cli.contains("\"\(actor)\": \(value)"), "\(actor)")
      #expect(fromScenario[actor: actor] == value, "\(actor)")
    }
    #expect(cliInfluence.contains("\"CHN\": \(influence)"))
    #expect(scenario.baseline.influence[0] == influence)  // "CHN over PAK" is the file's first pair
  }
}

