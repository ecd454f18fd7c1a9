import Foundation
import Statecraft
import StatecraftTestSupport
import Testing

@testable import StatecraftRender

#if canImport(FoundationXML)
  import FoundationXML
#endif

func fixture(_ name: String) -> String {
  repositoryRoot.appendingPathComponent("Tests/StatecraftTests/Fixtures/\(name)").path
}

func temporaryPath(_ name: String) -> String {
  let dir = URL(fileURLWithPath: scratchRoot).appendingPathComponent("interchange")
  try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
  return dir.appendingPathComponent(name).path
}

@Suite("Interchange formats")
struct InterchangeTests {
  init() { WorldIO.registerRenderFormats() }

  static let worlds = ["pakistan-2025.yaml", "florentine-families.yaml", "gahuku-gama.yaml"]

  @Test("YAML, GraphML, node-link JSON and DOT round-trip without loss", arguments: worlds, [WorldIO.Format.yaml, .graphml, .json, .dot])
  func lossless(file: String, format: WorldIO.Format) throws {
    let world = try WorldIO.load(graphPath(file))
    let path = temporaryPath("\(file).\(format.rawValue)")
    var notes = ConversionNotes()
    _ = try WorldIO.save(world, to: path, format: format, notes: &notes)
    #expect(notes.lines.isEmpty, "\(notes.lines)")
    let back = try WorldIO.load(path, format: format, notes: &notes)
    #expect(notes.lines.isEmpty, "\(notes.lines)")
    #expect(WorldYAML.write(back) == WorldYAML.write(world))
  }

  @Test("GEXF and CSV keep every actor, relation, weight, sign, date and citation, and say what they drop", arguments: [WorldIO.Format.gexf, .csv])
  func lossy(format: WorldIO.Format) throws {
    let world = try WorldIO.load(graphPath("pakistan-2025.yaml"))
    let path = temporaryPath("seed-lossy.\(format.rawValue)")
    var notes = ConversionNotes()
    _ = try WorldIO.save(world, to: path, format: format, notes: &notes)
    #expect(!notes.lines.isEmpty)
    var readNotes = ConversionNotes()
    let back = try WorldIO.load(path, format: format, notes: &readNotes)
    #expect(back.actors.map(\.id) == world.actors.map(\.id))
    #expect(back.actors.map(\.name) == world.actors.map(\.name))
    #expect(back.actors.map(\.attributes) == world.actors.map(\.attributes))
    func essence(_ r: Relation) -> [String] {
      [r.from.rawValue, r.to.rawValue, r.type, "\(r.weight)", r.sign.word, "\(r.mutual)", r.since?.description ?? "", r.until?.description ?? "", r.source ?? "", r.note ?? ""]
    }
    #expect(back.relations.map(essence) == world.relations.map(essence))
  }

  @Test("a GraphML file NetworkX wrote with ids that differ only by Unicode normalization keeps both")
  func unicodeNormalizationGraphML() throws {
    var notes = ConversionNotes()
    let world = try WorldIO.load(fixture("unicode-normalization.graphml"), notes: &notes)
    #expect(world.actors.count == 4 && world.relations.count == 3)
    // obtained with: nx.degree_centrality(nx.read_graphml("unicode-normalization.graphml"))  # networkx 3.6.1
    let degree = try world.scores(.degree)
    #expect(degree[actor: Actor.ID("Caf\u{E9}")] == 0.6666666666666666)
    #expect(degree[actor: Actor.ID("Cafe\u{301}")] == 0.3333333333333333)
  }

  @Test("a GraphML file NetworkX wrote loads with every attribute, and ranks like NetworkX")
  func networkxGraphML() throws {
    var notes = ConversionNotes()
    let karate = try WorldIO.load(fixture("karate.graphml"), notes: &notes)
    #expect(karate.title == "Zachary's Karate Club")
    #expect(karate.actors.count == 34 && karate.relations.count == 78)
    #expect(karate.actors[0].attributes["club"] == "Mr. Hi")
    let order = (0 ..< 34).map { Actor.ID(String($0)) }
    let rank = try karate.through().pageRank()
    // obtained with: nx.pagerank(nx.karate_club_graph(), weight='weight')
    #expect(isApproximatelyEqual(order.map { rank[karate.index(of: $0)!] }, Reference.karateWeightedPageRank))

    let directed = try WorldIO.load(fixture("directed-attributes.graphml"), notes: &notes)
    #expect(directed.name == "trade-2024")
    let pak = try #require(directed[actor: "PAK"])
    #expect(pak.name == "Pakistan" && pak.kind == .state)
    #expect(pak.attributes == ["population": "240000000", "gdp": "340000000000.0", "landlocked": "false"])
    // NetworkX writes edges by source node: PAK->USA, PAK->AFG, USA->PAK.
    #expect(directed.relations.map(\.sign) == [.cooperative, .cooperative, .hostile])
    #expect(directed.relations[1].since == PartialDate("2021-08"))
    #expect(directed.relations[0].note == "largest market")

    let multi = try WorldIO.load(fixture("multi.graphml"), notes: &notes)
    #expect(multi.relations.map(\.type) == ["trade", "aid", "trade"])
    #expect(try multi.through().weight(from: 0, to: 1) == 3)
  }

  @Test("node-link JSON from NetworkX loads")
  func networkxJSON() throws {
    var notes = ConversionNotes()
    let karate = try WorldIO.load(fixture("karate-node-link.json"), notes: &notes)
    #expect(karate.actors.count == 34 && karate.relations.count == 78)
    #expect(try !karate.through().isDirected)
  }

  @Test("our GEXF is well-formed GEXF 1.3 with spells, kinds and viz colours")
  func gexfStructure() throws {
    let world = try WorldIO.load(graphPath("pakistan-2025.yaml"))
    var notes = ConversionNotes()
    let text = GEXF.write(world, style: WorldIO.gexfStyle(world), notes: &notes)
    let doc = try XMLDocument(data: Data(text.utf8))
    func attribute(_ xpath: String) throws -> String? { try doc.nodes(forXPath: xpath).first?.stringValue }
    #expect(try attribute("/*[local-name()='gexf']/@version") == "1.3")
    #expect(try attribute("//*[local-name()='graph']/@mode") == "dynamic")
    #expect(try attribute("//*[local-name()='graph']/@timeformat") == "date")
    let edges = try doc.nodes(forXPath: "//*[local-name()='edge']")
    #expect(edges.count == world.relations.count)
    // tariff-threat since 2025-04 and trade-talks since 2025-07 are the dated relations.
    #expect(try doc.nodes(forXPath: "//*[local-name()='spell']/@start").compactMap(\.stringValue) == ["2025-04-01", "2025-07-01"])
    #expect(try doc.nodes(forXPath: "//*[local-name()='color']").count == world.actors.count + world.relations.count)
    #expect(text.contains("type=\"mutual\""))
  }

  @Test("DOT from anywhere reads through Graphviz's parser")
  func foreignDOT() throws {
    var notes = ConversionNotes()
    let flat = try DOTReader.read("digraph g { a [label=\"Alpha\", color=red]; a -> b [weight=2, label=trade]; b -> c; }", notes: &notes)
    let world = try flat.world(file: "x.dot", defaultName: "x", notes: &notes)
    #expect(world.actors.map(\.name) == ["Alpha", "b", "c"])
    #expect(world.relations.map(\.weight) == [2, 1])
    #expect(world.relations.map(\.type) == ["trade", "tie"])
    #expect(notes.lines.contains { $0.contains("node attribute \"color\"") })
    // Syntax errors: RenderTests' exit test (broken DOT only in a child process).
  }

  @Test("bad interchange input is a located error")
  func badInput() throws {
    var notes = ConversionNotes()
    let broken = temporaryPath("broken.graphml")
    try "<graphml><graph><node id=\"a\"/><edge source=\"a\" target=\"zz\"/></graph></graphml>".write(toFile: broken, atomically: true, encoding: .utf8)
    do {
      _ = try WorldIO.load(broken, notes: &notes)
      Issue.record("no error for an edge to a missing node")
    } catch let GraphFileError.invalid(file, problems) {
      #expect(file == broken)
      #expect(problems.map(\.line) == [1])
      #expect(problems.map(\.message) == ["edge names node \"zz\", which is not declared"])
    }
    let notXML = temporaryPath("bad.gexf")
    try "<gexf><graph>".write(toFile: notXML, atomically: true, encoding: .utf8)
    #expect(throws: GraphFileError.self) { try WorldIO.load(notXML, notes: &notes) }
    let badJSON = temporaryPath("bad.json")
    try "{\"nodes\": [{\"name\": 1}]}".write(toFile: badJSON, atomically: true, encoding: .utf8)
    #expect(throws: GraphFileError.self) { try WorldIO.load(badJSON, notes: &notes) }
  }

  @Test("hostile text round-trips through YAML, GraphML, JSON, DOT and CSV", arguments: [WorldIO.Format.yaml, .graphml, .json, .dot, .csv])
  func hostileText(format: WorldIO.Format) throws {
    let nasty = ["back\\slash \\N \\G \\E", "line\nbreak\r\nCRLF", "quote \" and 'single'", "<b>&amp;</b> &nbsp;",
                 "tab\tDEL\u{7F}C1\u{85}", "Café vs Cafe\u{301}", "emoji 🛰️ and \u{2028}"]
    var world = try WorldIO.load(graphPath("pakistan-2025.yaml"))
    for (i, text) in nasty.enumerated() {
      world.actors[i].name = text
      world.actors[i].attributes["note"] = text
      world.relations[i].note = text
    }
    let dir = URL(fileURLWithPath: scratchRoot).appendingPathComponent("hostile-round-trip")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let path = dir.appendingPathComponent("world.\(format.rawValue)").path
    var notes = ConversionNotes()
    _ = try WorldIO.save(world, to: path, notes: &notes)
    let back = try WorldIO.load(path, notes: &notes)
    for i in nasty.indices {
      #expect(back.actors[i].name == world.actors[i].name, "\(format) name \(i)")
      #expect(back.actors[i].attributes["note"] == world.actors[i].attributes["note"], "\(format) attribute \(i)")
      #expect(back.relations[i].note == world.relations[i].note, "\(format) note \(i)")
    }
  }

  @Test("ids drawn from all of Unicode: write → read → write is the identity in every format; ids no format carries are refused by every reader",
        arguments: [WorldIO.Format.yaml, .csv, .graphml, .gexf, .json, .dot])
  func unicodeIDsRoundTrip(format: WorldIO.Format) throws {
    var rng = SplitMix64(seed: 2026)
    func scalar() -> Unicode.Scalar {
      while true {
        // Mostly the first planes, where the tricky characters live, and some astral ones.
        let v = rng.nextUnit() < 0.8 ? UInt32(rng.next() % 0x3000) : UInt32(rng.next() % 0x10FFFF)
        if let s = Unicode.Scalar(v) { return s }
      }
    }
    var ids: [String] = [
      "C:\\Users", "%x", "\\N", "Washington, D.C.", "  PAK", "PAK\t", "a\"b'c", "#hash", "-dash", "{brace}", "1e5", "null", "~",
      "", "A\u{0}", "\u{FFFE}", "B\u{FEFF}", "C1\u{85}", "tab\tinside", String(Unicode.Scalar(0xFDD0)!),
    ]
    while ids.count < 80 {
      var id = ""
      for _ in 0 ..< 1 + Int(rng.next() % 6) { id.unicodeScalars.append(scalar()) }
      ids.append(id)
    }
    // Distinct by Unicode scalars (Swift's == would merge "é" with "e\u{301}"), in a fixed order.
    var seen = Set<[UInt8]>()
    let valid = ids.filter { Actor.ID.problem(in: $0) == nil && seen.insert(Array($0.utf8)).inserted }
    let invalid = ids.filter { Actor.ID.problem(in: $0) != nil }
    #expect(!invalid.isEmpty && valid.count > 40)
    let world = World(
      name: "ids", actors: valid.map { Actor(id: Actor.ID($0)) },
      relations: zip(valid, valid.dropFirst()).map { Relation(from: Actor.ID($0), to: Actor.ID($1), type: "tie", weight: 1, sign: .cooperative) },
      types: [RelationType(id: "tie", polarity: .cooperative)])
    WorldIO.registerRenderFormats()
    let dir = URL(fileURLWithPath: scratchRoot).appendingPathComponent("ids-\(format.rawValue)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    var notes = ConversionNotes()
    let first = dir.appendingPathComponent("a.\(format.rawValue)").path
    let second = dir.appendingPathComponent("b.\(format.rawValue)").path
    _ = try WorldIO.save(world, to: first, notes: &notes)
    let back = try WorldIO.load(first, notes: &notes)
    #expect(back.actors.map { Array($0.id.rawValue.utf8) } == valid.map { Array($0.utf8) }, "\(format): ids read back as written")
    _ = try WorldIO.save(back, to: second, notes: &notes)
    #expect(FileManager.default.contents(atPath: first) == FileManager.default.contents(atPath: second), "\(format): the second write is the first")
    // An id no format carries is refused by the reader, located, whatever the format.
    if format == .csv || format == .yaml || format == .json {
      let bad = invalid[0]
      let text = switch format {
      case .csv: "source,target\nA,\(EdgeListCSV.csvQuoted(bad))\n"
      case .yaml: "schema: 1\nactors: [{id: A}, {id: \(ReportText.jsonString(bad))}]\n"
      default: "{\"nodes\": [{\"id\": \(ReportText.jsonString(bad))}], \"links\": []}"
      }
      let path = dir.appendingPathComponent("bad.\(format.rawValue)").path
      try text.write(toFile: path, atomically: true, encoding: .utf8)
      #expect { try WorldIO.load(path) } throws: { "\($0)".contains("which no file format carries") || "\($0)".contains("is empty") || "\($0)".contains("byte-order mark") }
    }
  }

  @Test("DOT with a second graph or an oversized label is refused, located; legend-named nodes are kept", .timeLimit(.minutes(1)))
  func dotPreflight() throws {
    WorldIO.registerRenderFormats()
    func load(_ text: String, _ name: String) throws -> World {
      let path = temporaryPath(name)
      try text.write(toFile: path, atomically: true, encoding: .utf8)
      return try WorldIO.load(path)
    }
    #expect {
      _ = try load("digraph a { A -> B }\n// two\ndigraph b { C -> D }\n", "two-graphs.dot")
    } throws: { "\($0)".contains("3:1") && "\($0)".contains("second graph") }
    let label = String(repeating: "y", count: DOTReader.maxTokenBytes + 1)
    #expect {
      _ = try load("digraph {\n  A [label=\"\(label)\"];\n}\n", "long-label.dot")
    } throws: { "\($0)".contains("long-label.dot:2:12:") && "\($0)".contains("over 512 KiB") }
    // Comments, strings with braces and one graph pass; nodes named legend_… are actors.
    let world = try load("/* } */ digraph { legend_a -> B [label=\"x}\"] # not a comment here\n}\n# trailing line comment\n", "legend.dot")
    #expect(world.actors.map(\.id.rawValue).contains("legend_a"))
    // A whole graph on one line reads in linear time (the preflight counted every token's
    // column from the line start: 5,000 edges took 6.7 s, 20,000 over a minute); a second
    // graph far along the line is still located by column.
    // Braces nested 5,000 deep: Graphviz dropped the relation inside; now refused, located.
    #expect {
      _ = try load("digraph { A -> B;\n" + String(repeating: "{", count: 5_000) + " C -> D; " + String(repeating: "}", count: 5_000) + " }\n", "nested.dot")
    } throws: { "\($0)".contains("nested.dot:2:100: braces nest deeper than 100 levels") }
    // A syntax error's line: RenderTests' exit test (broken DOT only in a child process).
    let n = 40_000
    let edges = (0 ..< n).map { "N\($0) -> N\(($0 * 7 + 1) % n);" }.joined(separator: " ")
    let oneLine = "digraph G { \(edges) }"
    #expect(try load(oneLine, "one-line.dot").relations.count == n)
    #expect {
      _ = try load(oneLine + " digraph H { A -> B }", "one-line-two.dot")
    } throws: { "\($0)".contains("one-line-two.dot:1:\(oneLine.count + 2):") && "\($0)".contains("second graph") }
  }
}
