import Foundation
import Statecraft
@testable import StatecraftPage
import StatecraftTestSupport
import Testing

@Suite("SHA-256")
struct SHA256Tests {
  // obtained with: FIPS 180-4 examples (NIST CSRC "SHA256.pdf") and `printf … | sha256sum`
  @Test("the standard's test vectors", arguments: [
    ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
    ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
    ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
  ])
  func vectors(input: String, digest: String) {
    #expect(SHA256.hex(Array(input.utf8)) == digest)
  }

  // obtained with: python3 -c "import hashlib; print(hashlib.sha256(b'a' * 1_000_000).hexdigest())"
  @Test("a million a's (many blocks)")
  func million() {
    #expect(SHA256.hex([UInt8](repeating: 0x61, count: 1_000_000)) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
  }
}

@Suite("Briefing")
struct BriefingTests {
  static let world = graphPath("pakistan-2025.yaml")
  static let scenarios = graphPath("scenarios/pakistan-2025.yaml")

  func seed() throws -> (Briefing, BriefingPage) {
    try BriefingDocument(world: Self.world, scenarios: Self.scenarios).make()
  }

  @Test("findings state the library's own numbers, rounded as the sentence says")
  func findingsAreTheNumbers() throws {
    let (b, _) = try seed()
    let world = try WorldIO.load(Self.world)
    let share = try world.influence(of: "CHN", over: "PAK")
    let text = b.findings.map(\.text)
    // Pakistan heeds cooperative ties only (hostile ones are not deference), so the US, whose
    // only tie toward Pakistan is a tariff threat, has no share and no runner-up is named.
    #expect(try world.influence(of: "USA", over: "PAK") == 0)
    #expect(text.contains("China holds the largest outside share of Pakistan’s settled stance, \(Briefing.prose(share))."), "\(text)")
    let pagerank = try world.scores(.pagerank).ranked()
    #expect(text.first == "Pakistan matters most by PageRank, \(Briefing.prose(pagerank[0].score)), ahead of United States, \(Briefing.prose(pagerank[1].score)).")
    #expect(text.contains { $0.hasPrefix("The world is one tie short of two clean camps: United States–China (rivalry)") })
    // The scenario sentence, against an independent run of the scenario file.
    let comparison = try ScenarioFile.load(Self.scenarios).run(only: ["china-deepens-cpec"])
    let (before, after) = (comparison.scenarios[0].influence[0].before, comparison.scenarios[0].influence[0].after)
    let percent = Int((100 * (after - before) / before).rounded())
    #expect(after < before, "the US deal the scenario extends dilutes China's share")
    #expect(text.contains("Under “China answers a US deal by deepening CPEC”, China’s share of Pakistan’s stance falls from \(Briefing.prose(before)) to \(Briefing.prose(after)) (−\(-percent)%)."), "\(text)")
    let html = try seed().1.html()
    for f in b.findings { #expect(html.contains("id=\"\(f.section)\""), "the section \(f.section) that proves “\(f.text)” is on the page") }
    // The leverage finding names the relation whose exact recomputation moves the share most.
    let lever = try world.leverage(on: .influence(InfluencePair("CHN over PAK")!, .fj), recompute: 8)
    let exact = try #require(lever.entries.first?.exact)
    #expect(text.contains { $0.hasPrefix("The relation that moves CHN over PAK most is CHN↔PAK alliance") && $0.contains("−\(Briefing.prose(abs(exact)))") }, "\(text)")
  }

  @Test("findings never print two equal numbers for a change")
  func changesAreDistinct() throws {
    let (b, _) = try seed()
    for f in b.findings where f.text.contains(" from ") {
      let numbers = f.text.matches(of: /from ([0-9.e−-]+) to ([0-9.e−-]+)/)
      for m in numbers { #expect(m.1 != m.2, "\(f.text)") }
    }
  }

  @Test("the same files give the same briefing data and page text, and its JSON parses")
  func deterministic() throws {
    let a = try seed()
    let b = try seed()
    #expect(try a.0.json() == b.0.json())
    // The pages may differ only inside the maps: Graphviz's `dot` keeps state between
    // layouts in one process (the CLI lays out in child processes; CLITests compares its pages).
    func withoutMaps(_ html: String) -> String { html.replacing(/<svg(?s).*?<\/svg>/, with: "<svg/>") }
    #expect(withoutMaps(try a.1.html()) == withoutMaps(try b.1.html()))
    let object = try JSONSerialization.jsonObject(with: Data(try a.0.json().utf8)) as? [String: Any]
    let header = object?["header"] as? [String: Any]
    let bytes = try Data(contentsOf: URL(fileURLWithPath: Self.world))
    #expect(header?["sha256"] as? String == SHA256.hex([UInt8](bytes)))
  }

  @Test("the page loads nothing: one hashed style, one hashed script, no external reference")
  func selfContained() throws {
    let html = try seed().1.html()
    let policy = try #require(html.firstMatch(of: /Content-Security-Policy" content="([^"]*)"/)).1
    #expect(policy.hasPrefix("default-src &#39;none&#39;") || policy.hasPrefix("default-src 'none'"), "\(policy)")
    let style = try #require(html.firstMatch(of: /<style>((?s).*?)<\/style>/)).1
    let scripts = html.matches(of: /<script>((?s).*?)<\/script>/).map { String($0.1) }
    #expect(scripts.count == 1)
    for (kind, text) in [("style-src", String(style)), ("script-src", scripts[0])] {
      let hash = Data(SHA256.digest(Array(text.utf8))).base64EncodedString()
      #expect(policy.contains("\(kind) &#39;sha256-\(hash)&#39;") || policy.contains("\(kind) 'sha256-\(hash)'"), "\(kind) hash")
    }
    #expect(html.components(separatedBy: "<script").count - 1 == 2, "the data block and the script, nothing else")
    #expect(!html.contains(" src=") && !html.contains("href=\"http") && !html.contains("@import"))
    #expect(html.matches(of: /url\((?!#)/).isEmpty, "url() only for fragments in the page itself (the geographic clip)")
    #expect(!html.contains("xlink:href=\"http"))
  }

  @Test("names, notes and sources holding markup are text: escaped in the page, \\u003c in the data")
  func hostileStrings() throws {
    let dir = URL(fileURLWithPath: scratchRoot).appendingPathComponent("briefing")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("hostile.yaml").path
    try """
      schema: 1
      name: hostile
      title: "Title </title><script>x()</script>"
      sources:
        - {id: s1, title: "<img src=x onerror=alert(1)>"}
      types:
        - {id: ally, polarity: cooperative, mode: material}
        - {id: feud, polarity: hostile, mode: material}
      actors:
        - {id: A, name: "<script>window.__pwned=1</script>", kind: state}
        - {id: B, name: "</svg><b>bold</b>", kind: state}
        - {id: C, name: "\\u202Eevil\\u202C \\" '", kind: person}
      relations:
        - {from: A, to: B, type: ally, weight: 0.5, source: s1, note: "</script><!--"}
        - {from: B, to: C, type: feud, weight: 0.8}
        - {from: C, to: A, type: ally, weight: 0.3}
      """.write(toFile: file, atomically: true, encoding: .utf8)
    let html = try BriefingDocument(world: file).html()
    #expect(html.components(separatedBy: "<script").count - 1 == 2)
    #expect(!html.contains("<img") && !html.contains("<b>bold") && !html.contains("</title><script>"))
    #expect(html.contains("&lt;script&gt;window.__pwned=1&lt;/script&gt;"))
    #expect(html.contains("\\u003c/script>\\u003c!--"), "the note in the data block cannot close it")
  }

  @Test("without a scenario file the briefing chooses its questions and says which")
  func choosesAndSays() throws {
    let (b, page) = try BriefingDocument(world: Self.world).make()
    #expect(b.scenarios.isEmpty && b.influence.count == 3)
    #expect(b.choices.contains { $0.hasPrefix("Influence over PAK, USA, CHN") })
    #expect(b.choices.contains { $0.contains("the highest-PageRank actor in the other balance camp") })
    #expect(try page.html().contains("so this briefing did"))
  }

  @Test("a scenario file written for another world is refused, naming both")
  func baseMismatch() throws {
    #expect(throws: BriefingError.self) {
      try BriefingDocument(world: graphPath("gahuku-gama.yaml"), scenarios: Self.scenarios).make()
    }
  }

  @Test("a world without dates, sources or scenarios still makes every section it can")
  func bareWorld() throws {
    let world = try WorldIO.load(graphPath("karate-club.csv"), undirected: true)
    var document = BriefingDocument(world: graphPath("karate-club.csv"))
    document.preloaded = world
    let (b, page) = try document.make()
    #expect(b.sources.isEmpty && b.uncertainty == nil && b.header.worldDate == nil)
    let html = try page.html()
    #expect(html.contains("No relation in this world cites a source."))
    #expect(html.contains("relations of every date"))
  }
}

@Suite("Briefing details a review found")
struct BriefingReviewTests {
  @Test("a capped map's node ids name the same actors as the page's data")
  func cappedIDs() throws {
    let world = try WorldIO.load(graphPath("karate-club.csv"), undirected: true)
    var document = BriefingDocument(world: graphPath("karate-club.csv"))
    document.preloaded = world
    document.mapCap = 5
    let (_, page) = try document.make()
    let svg = try #require(page.map)
    let pairs = svg.matches(of: /<g id="a(\d+)" class="node">\s*<title>([^<]*)<\/title>/).map { (Int($0.1)!, String($0.2)) }
    #expect(pairs.count == 5)
    for (i, title) in pairs { #expect(world.actors[i].id.rawValue == title, "a\(i) is \(title)") }
  }

  @Test("a tie for first place is stated as a shared lead")
  func sharedLead() throws {
    let world = try WorldIO.load(graphPath("karate-club.csv"), undirected: true)
    var square = world.restricted(to: ["0", "1"])
    square.name = "two"
    let b = try Briefing.make(world: square, request: .init(file: graphPath("karate-club.csv"), fileBytes: []))
    #expect(b.findings.contains { $0.text.contains("share the lead") }, "\(b.findings.map(\.text))")
  }
}

@Suite("Page text")
struct PageTextTests {
  @Test("JSON in a script block: '<' and the two line separators escaped, everything else byte for byte")
  func scriptJSON() {
    #expect(HTML.scriptJSON("{\"a\":\"</script>\u{2028}—\u{2029}é€\"}") == "{\"a\":\"\\u003c/script>\\u2028—\\u2029é€\"}")
    #expect(HTML.scriptJSON("\u{2027}\u{2030}") == "\u{2027}\u{2030}", "neighbours of the separators are kept")
    #expect(HTML.scriptJSON("") == "")
  }

  @Test("JSON in a script block on 2,000 random texts: the same as escaping scalar by scalar")
  func scriptJSONRandom() {
    // Scalars near the escaped ones: E2-led neighbours of the separators, '<' and '>'.
    let alphabet: [Unicode.Scalar] = ["<", ">", "a", "\"", "\u{2028}", "\u{2029}", "\u{2027}", "\u{202A}", "\u{2080}", "—", "é", "€", "\u{1F600}", "\n"]
    var rng = SplitMix64(seed: 11)
    for _ in 0 ..< 2_000 {
      var text = String.UnicodeScalarView()
      for _ in 0 ..< Int(rng.next() % 40) { text.append(alphabet[Int(rng.next() % UInt64(alphabet.count))]) }
      let s = String(text)
      let expected = s.unicodeScalars.map { u in u == "<" ? "\\u003c" : u == "\u{2028}" ? "\\u2028" : u == "\u{2029}" ? "\\u2029" : String(u) }.joined()
      #expect(HTML.scriptJSON(s) == expected)
    }
  }

  @Test("a capped map's ids are renumbered to the whole world's actors, nothing else touched")
  func renumber() {
    let whole = World(name: "w", title: "w", actors: ["A", "B", "C", "D"].map { Actor(id: Actor.ID($0)) }, relations: [])
    let part = World(name: "p", title: "p", actors: ["D", "B"].map { Actor(id: Actor.ID($0)) }, relations: [])
    let svg = #"<g id="a0" class="node"><g id="a1"><g id="t0_1_p_3" class="edge"><g id="graph0"><text id="a">id="a12x" id="t1_"</text>"#
    #expect(BriefingDocument.renumber(svg, from: part, to: whole)
      == #"<g id="a3" class="node"><g id="a1"><g id="t3_1_p_3" class="edge"><g id="graph0"><text id="a">id="a12x" id="t1_"</text>"#)
  }
}
