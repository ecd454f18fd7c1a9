import Foundation
import Testing

@testable import Statecraft
@testable import StatecraftGraph
@testable import StatecraftWorld

/// Reproductions from a hostile-input pass, each rebuilt from the
/// issue's description: they must end in a located error or a correct answer, never a trap.
@Suite("Hostile input")
struct HostileInputTests {
  static func file(_ name: String, _ bytes: [UInt8]) throws -> String {
    let dir = URL(fileURLWithPath: scratchRoot).appendingPathComponent("hostile")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let url = dir.appendingPathComponent(name)
    try Data(bytes).write(to: url)
    return url.path
  }

  static func graphML(sign: String) -> String {
    """
    <?xml version="1.0" encoding="UTF-8"?>
    <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
      <key id="s" for="edge" attr.name="sign" attr.type="double"/>
      <graph edgedefault="directed">
        <node id="A"/><node id="B"/>
        <edge source="A" target="B"><data key="s">\(sign)</data></edge>
      </graph>
    </graphml>
    """
  }

  @Test("XML nested 40,000 deep is refused at its line and column, not a stack overflow")
  func deepXML() throws {
    let path = try Self.file("deep.graphml", Array(("<graphml>" + String(repeating: "<a>", count: 40_000) + String(repeating: "</a>", count: 40_000) + "</graphml>").utf8))
    #expect {
      try WorldIO.load(path)
    } throws: { "\($0)".contains("deep.graphml:1:") && "\($0)".contains("nest deeper than 1000 levels") }
  }

  @Test("invalid UTF-8 in an XML name is a located error", arguments: [[0xFF], [0xC3], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80]] as [[UInt8]])
  func invalidUTF8(bytes: [UInt8]) throws {
    var xml = Array(Self.graphML(sign: "1").utf8)
    let at = xml.firstIndex(of: UInt8(ascii: "B"))!
    xml.insert(contentsOf: bytes, at: at)
    let path = try Self.file("bad-utf8.graphml", xml)
    #expect {
      try WorldIO.load(path)
    } throws: { "\($0)".contains("bad-utf8.graphml:5:29: byte 0x\(String(bytes[0], radix: 16, uppercase: true)) does not begin a UTF-8 character") }
  }

  @Test("an edge sign of nan, inf or 1e300 is not understood, never converted to Int", arguments: ["nan", "inf", "-inf", "1e300", "0.5"])
  func nonIntegralSigns(sign: String) throws {
    let path = try Self.file("sign-\(sign).graphml", Array(Self.graphML(sign: sign).utf8))
    var notes = ConversionNotes()
    let world = try WorldIO.load(path, notes: &notes)
    #expect(world.relations.count == 1 && world.relations[0].sign == .cooperative)
    #expect(notes.lines.contains { $0.contains("edge sign") && $0.contains("not understood") })
  }

  @Test("YAML with DEL, C1 controls and other hostile text reads back to the same world")
  func yamlControlCharacters() throws {
    var world = try WorldIO.load(graphPath("pakistan-2025.yaml"))
    world.actors[0].name = "Pak\u{7F}istan\u{85}\u{9F} \"q\" \\ \n\t <b>&amp;"
    world.relations[0].note = "line\u{2028}sep\u{0}nul"
    let text = WorldYAML.write(world)
    let back = try WorldYAML.parse(text, file: "back.yaml", defaultName: "x")
    #expect(back.actors[0].name == world.actors[0].name)
    #expect(back.relations[0].note == world.relations[0].note)
  }

  @Test("astronomical strengths: λmax stays exact or says it overflowed; Katz and walk sums never trap")
  func hugeWeights() throws {
    // A 2-cycle of 1e308: its λmax is exactly 1e308 (per component, no overflowing norm).
    let g = try Digraph(nodeCount: 3, edges: [(0, 1), (1, 0), (1, 2)], weights: [1e308, 1e308, 1])
    #expect(g.spectralRadius() == 1e308)
    #expect(throws: GraphError.self) { try Measure.katz.compute(on: g) }
    #expect(try g.walkInfluenceRow(0, alpha: World.defaultWalkAlpha(g)).allSatisfy(\.isFinite))
    #expect(throws: GraphError.self) { try g.katzCentrality(alpha: .nan) }
    // A triangle of 1e308 whose sweep overflows reports an infinite λmax, and the walk model
    // refuses the attenuation it would give.
    let h = try Digraph(nodeCount: 3, edges: [(0, 1), (1, 2), (2, 0), (0, 2)], weights: [1e308, 1e308, 1e308, 1e308])
    #expect(h.spectralRadius() == .infinity)
    #expect(throws: GraphError.self) { try h.walkInfluenceRow(0, alpha: World.defaultWalkAlpha(h)) }
  }

  @Test("parallel strengths that overflow are refused in words, never printed as NaN, inf or zero scores")
  func overflowingStrengths() throws {
    let world = try EdgeListCSV.parse("source,target,weight\nA,B,1.7e308\nA,B,1.7e308\nB,C,1\nC,A,1\n", file: "big.csv", name: "big")
    for run in [{ _ = try world.scores(.pagerank) }, { _ = try world.communities() }, { _ = try world.scores(.eigenvector) }] as [() throws -> Void] {
      #expect {
        try run()
      } throws: { "\($0)".contains("add up to a strength of more than 1.8e308") && "\($0)".contains("A→B") }
    }
    // Below the bound the same shape answers with finite numbers.
    let fine = try EdgeListCSV.parse("source,target,weight\nA,B,1e100\nA,B,1e100\nB,C,1\nC,A,1\n", file: "ok.csv", name: "ok")
    #expect(try fine.scores(.pagerank).values.allSatisfy(\.isFinite))
    #expect(try fine.communities().modularity.isFinite)
    #expect(throws: GraphError.self) { try fine.communities(resolution: 1e308) }
  }

  @Test("XML errors carry libxml2's words and position, not an NSXMLParserErrorDomain code")
  func locatedXMLErrors() throws {
    let path = try Self.file("mismatch.graphml", Array("<?xml version=\"1.0\"?>\n<graphml>\n  <graph edgedefault=\"directed\">\n    <node id=\"A\">\n  </graph>\n</graphml>\n".utf8))
    #expect {
      try WorldIO.load(path)
    } throws: { "\($0)" == "\(path):5:11: XML error: Opening and ending tag mismatch: node line 4 and graph" }
    let two = try Self.file("two-roots.graphml", Array("<graphml></graphml>\n<graphml></graphml>\n".utf8))
    #expect(throws: GraphFileError.self) { try WorldIO.load(two) }
  }

  @Test("actor attributes named id, name, kind or label never overwrite the actor in GraphML or JSON")
  func reservedAttributeNames() throws {
    var world = try WorldIO.load(graphPath("pakistan-2025.yaml"))
    world.actors[0].attributes = ["id": "x", "name": "not the name", "kind": "person", "label": "L", "statecraft_attr_q": "q"]
    for format in [WorldIO.Format.graphml, .json] {
      let dir = URL(fileURLWithPath: scratchRoot).appendingPathComponent("hostile")
      try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
      let path = dir.appendingPathComponent("reserved.\(format.rawValue)").path
      var notes = ConversionNotes()
      _ = try WorldIO.save(world, to: path, notes: &notes)
      let back = try WorldIO.load(path, notes: &notes)
      #expect(back.actors[0].id == "PAK" && back.actors[0].name == "Pakistan" && back.actors[0].kind == .state, "\(format)")
      #expect(back.actors[0].attributes == world.actors[0].attributes, "\(format)")
    }
  }

  @Test("a GEXF node without an id, or an edge without ends, is an error, not skipped")
  func gexfMissingIDs() throws {
    let gexf = """
      <?xml version="1.0" encoding="UTF-8"?>
      <gexf xmlns="http://gexf.net/1.3" version="1.3">
        <graph defaultedgetype="directed">
          <nodes><node id="A"/><node label="no id"/></nodes>
          <edges><edge source="A"/></edges>
        </graph>
      </gexf>
      """
    let path = try Self.file("missing.gexf", Array(gexf.utf8))
    #expect {
      try WorldIO.load(path)
    } throws: { "\($0)".contains("missing.gexf:4:") && "\($0)".contains("has no id") && "\($0)".contains("lacks a source or target") }
  }

  @Test("JSON faults are located; valid JSON nested 600 deep reads; 10,000 deep is refused in words")
  func json() throws {
    let bad = try Self.file("bad.json", Array("{\n  \"nodes\": [\n    {\"id\": \"A\",}\n  ]\n}\n".utf8))
    #expect {
      try WorldIO.load(bad)
    } throws: { "\($0)".contains("bad.json:3:16: not valid JSON: expected a quoted key") }
    let noID = try Self.file("noid.json", Array("{\"nodes\": [{\"id\": \"A\"},\n  {\"name\": \"x\"}], \"edges\": []}".utf8))
    #expect {
      try WorldIO.load(noID)
    } throws: { "\($0)".contains("noid.json:2:3: nodes[1] has no \"id\"") }
    let deep = "{\"graph\": {\"x\": " + String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
      + "}, \"nodes\": [{\"id\": \"A\"}], \"edges\": []}"
    var notes = ConversionNotes()
    #expect(try WorldIO.load(try Self.file("deep.json", Array(deep.utf8)), notes: &notes).actors.count == 1)
    let tooDeep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
    #expect {
      try WorldIO.load(try Self.file("too-deep.json", Array(tooDeep.utf8)))
    } throws: { "\($0)".contains("nest deeper than 5000 levels") }
    // Escapes, surrogate pairs, ints and doubles.
    let escapes = #"{"nodes": [{"id": "a\"b\\c\u00e9\ud83d\ude00", "n": 3, "d": 2.5e0}], "edges": []}"#
    let world = try WorldIO.load(try Self.file("escapes.json", Array(escapes.utf8)), notes: &notes)
    #expect(world.actors[0].id.rawValue == "a\"b\\cé😀" && world.actors[0].attributes["n"] == "3" && world.actors[0].attributes["d"] == "2.5")
  }

  @Test("declared XML entities are refused before expansion, in content and in attribute values", .timeLimit(.minutes(1)), arguments: ["graphml", "gexf"])
  func entityDeclarations(format: String) throws {
    // Nine levels of ten: expanded, the attribute value would be a gigabyte (it took 12 s
    // and 1 GB before the refusal).
    let declarations = "<!ENTITY a \"aaaaaaaaaa\">\n" + (0 ..< 8).map { level -> String in
      let name = String(UnicodeScalar(UInt8(98 + level))), previous = String(UnicodeScalar(UInt8(97 + level)))
      return "<!ENTITY \(name) \"" + String(repeating: "&\(previous);", count: 10) + "\">\n"
    }.joined()
    let root = format == "graphml"
      ? "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"><graph edgedefault=\"directed\"><node id=\"A&i;\"/><node id=\"B\"/><edge source=\"A\" target=\"B\"/></graph></graphml>"
      : "<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\"><graph defaultedgetype=\"directed\"><nodes><node id=\"A\" label=\"&i;\"/></nodes><edges/></graph></gexf>"
    let text = "<?xml version=\"1.0\"?>\n<!-- <!ENTITY in a comment is not a declaration -->\n<!DOCTYPE g [\n" + declarations + "]>\n" + root
    let path = try Self.file("laughs.\(format)", Array(text.utf8))
    #expect {
      try WorldIO.load(path)
    } throws: { "\($0)".contains("laughs.\(format):4:1: the document declares an entity") }
  }

  @Test("an element with 200,000 attributes is refused at once (libxml2 compares each with every earlier one)", .timeLimit(.minutes(1)))
  func manyAttributes() throws {
    let attributes = (0 ..< 200_000).map { "a\($0)=\"1\"" }.joined(separator: " ")
    let text = "<?xml version=\"1.0\"?>\n<!-- <node a=\"1\"> -->\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"><graph edgedefault=\"directed\">\n  <node id=\"A\" \(attributes)/><node id=\"B\"/></graph></graphml>"
    let path = try Self.file("attributes.graphml", Array(text.utf8))
    #expect {
      try WorldIO.load(path)
    } throws: { "\($0)".contains("attributes.graphml:4:3: this element has 200001 attributes") }
  }

  @Test("an XML file that declares another encoding is refused in words; a Latin-1 byte is named, not the byte after it")
  func encodings() throws {
    let body = "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"><graph edgedefault=\"directed\"><node id=\"Bé\"/></graph></graphml>"
    // UTF-8 bytes under a Latin-1 declaration: libxml2 recoded "Bé" into "BÃ©".
    let declared = try Self.file("declared.graphml", Array(("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n" + body).utf8))
    #expect { try WorldIO.load(declared) } throws: { "\($0)".contains("declared.graphml:1:31: the file declares encoding=\"ISO-8859-1\"") }
    // Real Latin-1 bytes without a declaration: é is 0xE9, followed by a quote.
    let latin1 = try Self.file("latin1.graphml", Array(body.utf8).flatMap { $0 == 0xC3 ? [0xE9] : $0 == 0xA9 ? [] : [$0] })
    #expect { try WorldIO.load(latin1) } throws: { "\($0)".contains("byte 0xE9 does not begin a UTF-8 character") }
  }

  @Test("node-link JSON written on one line (json.dump's default) reads in linear time", .timeLimit(.minutes(1)))
  func oneLineJSON() throws {
    // 60,000 edges on one line: counting each object's column from the line start took 7 s
    // for 10,000 and minutes for 60,000; now it is one pass.
    let n = 60_000
    let nodes = (0 ..< n).map { "{\"id\": \"N\($0)\"}" }.joined(separator: ", ")
    let links = (0 ..< n).map { "{\"source\": \"N\($0)\", \"target\": \"N\(($0 * 7 + 1) % n)\", \"weight\": 1.0}" }.joined(separator: ", ")
    let text = "{\"directed\": true, \"multigraph\": false, \"graph\": {}, \"nodes\": [\(nodes)], \"links\": [\(links)]}"
    let path = try Self.file("one-line.json", Array(text.utf8))
    let world = try WorldIO.load(path)
    #expect(world.actors.count == n && world.relations.count == n)
    // A fault far along the line is still located by column.
    let broken = try Self.file("one-line-bad.json", Array((String(text.dropLast()) + ",}").utf8))
    #expect {
      try WorldIO.load(broken)
    } throws: { "\($0)".contains("one-line-bad.json:1:\(text.unicodeScalars.count + 1):") }
  }

  @Test("a world arrives through a FIFO (as from <(zcat w.csv.gz)), its format told from its first bytes")
  func streamsAndSniffing() throws {
    let fifo = try Self.file("placeholder", []) + "-fifo"
    unlink(fifo)
    #expect(mkfifo(fifo, 0o600) == 0)
    defer { unlink(fifo) }
    let writer = Thread {
      let fd = open(fifo, O_WRONLY)
      let text = Array("source,target,weight\nA,B,0.5\nB,C,1\n".utf8)
      _ = text.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
      close(fd)
    }
    writer.start()
    let world = try WorldIO.load(fifo)
    #expect(world.actors.count == 3 && world.relations.count == 2)
    // Every format is recognised without an extension.
    let samples: [(String, WorldIO.Format)] = [
      ("source,target\nA,B\n", .csv),
      ("\u{FEFF}  {\"nodes\": [], \"links\": []}", .json),
      ("<?xml version=\"1.0\"?>\n<graphml>", .graphml),
      ("<?xml version=\"1.0\"?>\n<gexf version=\"1.3\">", .gexf),
      ("strict digraph { A -> B }", .dot),
      ("# a world\nschema: 1\nname: w\n", .yaml),
    ]
    for (text, format) in samples { #expect(WorldIO.Format.sniff(Data(text.utf8)) == format, "\(text)") }
  }

  @Test("a directory, a missing file and a file over the size limit are refused in words, with the size")
  func unreadableInputs() throws {
    let dir = try scratchFolder("unreadable")
    #expect { try WorldIO.load(dir) } throws: { "\($0)".contains("is a directory") }
    #expect { try WorldIO.load(dir + "/no-such-world.yaml") } throws: { "\($0)".contains("no such file") }
    let path = try Self.file("big.csv", Array(String(repeating: "A,B\n", count: 1000).utf8))
    #expect { try WorldIO.readData(path, limit: 2048) } throws: { "\($0)".contains("is 3.9 KiB, more than the 2.0 KiB a world file may be") }
    #expect { try WorldIO.load(dir + "/notes.md") } throws: { "\($0)".contains("unknown file type .md") }
    #expect(ReportText.byteSize(2_200 * 1_048_576) == "2.1 GiB" && ReportText.byteSize(812) == "812 bytes")
  }

  @Test("YAML keys that are collections or aliases are refused before Yams hashes them (a 681-byte file ran forever)", .timeLimit(.minutes(1)))
  func complexYAMLKeys() throws {
    var bomb = ["schema: 1", "x:", "  ? &a0 {k0: lol, k1: lol, k2: lol, k3: lol, k4: lol, k5: lol, k6: lol, k7: lol, k8: lol}", "  : 0"]
    for level in 1 ..< 10 {
      let p = "*a\(level - 1)"
      bomb += ["  ? &a\(level) {" + (0 ..< 9).map { "k\($0): \(p)" }.joined(separator: ", ") + "}", "  : \(level)"]
    }
    #expect {
      try WorldYAML.parse(bomb.joined(separator: "\n"), file: "keys.yaml", defaultName: "k")
    } throws: { "\($0)".contains("keys.yaml:3:3: a mapping key that is a collection or an alias") }
    for (text, line, column) in [
      ("schema: 1\nx: {{a: 1}: 2}\n", 2, 10),
      ("schema: 1\nbase: &b {a: 1}\nx:\n  *b : 1\n", 4, 3),
      ("schema: 1\nx: [[1, 2]: 3]\n", 2, 10),
    ] {
      #expect(YAMLReader.complexKey(in: text).map { [$0.line, $0.column] } == [line, column], "\(text)")
    }
    // What looks alike but is not a key: quoted text, comments, block scalars, values.
    for text in [
      "note: \"? {a}: [b]: *c: d\"\n", "x: '? it''s: {a}: b'\n", "# ? {a}: b\nx: 1\n",
      "note: |\n  ? {a}: b\n  *c: d\ny: [1, 2]\nz: {a: *x}\nw: \"*q: r\"\n", "- ?x: 1\n",
    ] {
      #expect(YAMLReader.complexKey(in: text) == nil, "\(text)")
    }
  }

  @Test("a CSV record over the limit (a 17 MiB line without a newline) is refused with its line, quickly", .timeLimit(.minutes(1)))
  func oversizedCSVLine() throws {
    var bytes = Array("source,target,note\nA,B,short\n".utf8)
    bytes += Array("A,B,".utf8) + [UInt8](repeating: UInt8(ascii: "x"), count: EdgeListCSV.maxRecordBytes + 1024)
    let path = try Self.file("long-line.csv", bytes)
    #expect {
      _ = try WorldIO.load(path)
    } throws: { error in
      let text = "\(error)"
      return text.contains("long-line.csv:3:1:") && text.contains("over 16 MiB")
    }
  }
}

@Suite("Numbers are read in decimal only")
struct DecimalNumberTests {
  @Test("decimal notation is read; hexadecimal, nan, inf, spaces and NUL are not", arguments: [
    ("0.6", 0.6), ("-3", -3), ("+2", 2), (".5", 0.5), ("1e-3", 0.001), ("1E+5", 100_000), ("7.", 7),
  ])
  func accepted(text: String, value: Double) {
    #expect(Double(decimal: text) == value)
  }

  @Test("what Swift's Double(_:) would read but no format allows", arguments: [
    "0x10", "0X1p3", "nan", "NaN", "inf", "-infinity", "0.6\u{0}", " 1", "1 ", "1.2.3", "--1", "1e", "e5", "1e5.5", "", "+", ".", "1-2",
  ])
  func refused(text: String) {
    #expect(Double(decimal: text) == nil, "\(text.debugDescription)")
  }

  @Test("a CSV or YAML weight written in hexadecimal is an error at its line and column")
  func hexWeightsRefused() throws {
    #expect(throws: GraphFileError.self) {
      try EdgeListCSV.parse("source,target,weight\nA,B,0x10\n", file: "w.csv", name: "w")
    }
    let yaml = """
      schema: 1
      name: w
      title: w
      types: [{id: t, polarity: cooperative, mode: material}]
      actors: [{id: A}, {id: B}]
      relations: [{from: A, to: B, type: t, weight: 0x10}]
      """
    #expect(throws: GraphFileError.self) { try WorldYAML.parse(yaml, file: "w.yaml", defaultName: "w") }
  }
}
