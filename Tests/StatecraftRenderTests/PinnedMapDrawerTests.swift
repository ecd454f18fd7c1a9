import Foundation
#if canImport(FoundationXML)
  import FoundationXML
#endif
import Statecraft
import StatecraftGraph
import StatecraftTestSupport
import Testing

@testable import StatecraftRender

@Suite("Pinned map drawer")
struct PinnedMapDrawerTests {
  /// Reads back what a drawing holds: element groups (id → class and `data-tip`) and the
  /// text of each group's `<text>` lines.
  final class SVGReader: NSObject, XMLParserDelegate {
    var groups: [String: (kind: String, tip: String?)] = [:]
    var texts: [String: [String]] = [:]
    private var current: String?
    private var inText = false
    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
      if name == "g", let id = attributes["id"], let kind = attributes["class"], kind == "node" || kind == "edge" {
        groups[id] = (kind, attributes["data-tip"])
        current = id
      }
      if name == "text", let current {
        inText = true
        texts[current, default: []].append("")
      }
    }
    func parser(_ parser: XMLParser, foundCharacters string: String) {
      if inText, let current { texts[current]![texts[current]!.count - 1] += string }
    }
    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
      if name == "text" { inText = false }
      if name == "g" { current = nil }
    }
  }

  func read(_ svg: String) -> SVGReader {
    let reader = SVGReader()
    let parser = XMLParser(data: Data(svg.utf8))
    parser.delegate = reader
    #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
    return reader
  }

  /// The explorer's options for `world`: sized by PageRank, coloured by bloc, ids and hover
  /// text aside, every actor pinned where `neato` placed it.
  func explorerOptions(_ world: World) throws -> MapOptions {
    var options = MapOptions(lens: Lens.standard(for: world), engine: .neato)
    options.elementIDs = true
    options.tipsAside = true
    options.sources = .none
    options.clusterBy = world.actors.contains { $0.attributes["bloc"] != nil } ? "bloc" : nil
    options.sizeBy = ("pagerank", try world.scores(.pagerank, lens: options.lens))
    let found = try GraphvizRenderer.nodePositions(dot: DOTWriter().write(world, options: options), engine: .neato)
    for (i, actor) in world.actors.enumerated() { options.positions[actor.id] = found["a\(i)"] }
    return options
  }

  @Test("the seed drawn pinned holds every actor and tie the DOT holds, with the same hover text, labels and colours")
  func seedElements() throws {
    let world = try seedWorld()
    let options = try explorerOptions(world)
    let svg = try #require(try PinnedMapDrawer().svg(world, options: options))
    let (dot, tips) = try DOTWriter().writeWithTips(world, options: options)
    let reader = read(svg)
    let ids = Set(dot.matches(of: /\bid="([^"]+)"/).map { String($0.1) })
    #expect(Set(reader.groups.keys) == ids)
    #expect(reader.groups.filter { $0.value.kind == "node" }.count == world.actors.count)
    #expect(reader.groups.mapValues { $0.tip ?? "" } == tips.byID.filter { ids.contains($0.key) })
    // Each actor's label lines: its name, then its PageRank.
    for (i, actor) in world.actors.enumerated() {
      #expect(reader.texts["a\(i)"]?.first == actor.name && reader.texts["a\(i)"]?.dropFirst().first?.hasPrefix("pagerank ") == true)
    }
    // Hostile ties in the sign colour, verbal ones dashed, mutual ones without an arrowhead.
    #expect(svg.contains("stroke=\"#d55e00\"") && svg.contains("stroke-dasharray=\"5,2\""))
    let arrowless = svg.matches(of: /<g id="t[^"]+" class="edge"[^>]*>(.*?)<\/g>/.dotMatchesNewlines()).filter { !$0.1.contains("<polygon") }
    #expect(world.relations.contains { $0.mutual } && arrowless.count == dot.components(separatedBy: "dir=\"none\"").count - 1)
    #expect(svg.contains("class=\"graph\"") && svg.contains("<polygon fill=\"white\" stroke=\"transparent\""))
    // The same input, the same bytes.
    #expect(try PinnedMapDrawer().svg(world, options: options) == svg)
  }

  @Test("a steady key: the delta key an edit brings no longer moves the drawing down the page (the explorer's maps)")
  func steadyKey() throws {
    let world = try seedWorld()
    let plain = try explorerOptions(world)
    var edited = world
    try edited.apply(.reweight(.id("cpec-investment"), weight: 1.5))
    var delta = plain
    delta.delta = DeltaMap(
      scenario: "explorer edits", measure: "pagerank", deltas: edited.scores(Array(repeating: 0.01, count: edited.actors.count)),
      diff: world.relationDiff(to: edited), shown: { _ in true }, drawn: { _ in true }, removedActors: [], unbalancedTriangles: [])
    // How far down the page the drawing sits: the y of its translation.
    func top(_ svg: String?) -> Double? {
      svg.flatMap { $0.firstMatch(of: /class="graph" transform="translate\([-0-9.]+ ([-0-9.]+)\)"/).flatMap { Double($0.1) } }
    }
    var drawer = PinnedMapDrawer()
    let loose = try #require(top(try drawer.svg(edited, options: delta))) - #require(top(try drawer.svg(world, options: plain)))
    drawer.steadyKey = true
    let steady = try #require(top(try drawer.svg(edited, options: delta))) - #require(top(try drawer.svg(world, options: plain)))
    // The delta key's rows (scale and marks, 44 points, less the group colours' 24) no longer
    // move it; what is left is the actors' third label line (their change), under 12 points.
    #expect(abs(loose - steady - 20) < 0.5, "loose \(loose), steady \(steady)")
    #expect(abs(steady) < 12, "steady \(steady)")
  }

  @Test("a map that needs a layout is left to Graphviz: an actor without a position, or clusters to box")
  func needsLayout() throws {
    let world = try seedWorld()
    var options = try explorerOptions(world)
    options.positions.removeValue(forKey: world.actors[3].id)
    #expect(try PinnedMapDrawer().svg(world, options: options) == nil)
    options = try explorerOptions(world)
    options.engine = .dot
    #expect(try PinnedMapDrawer().svg(world, options: options) == nil)
  }

  @Test("hostile names and types: the drawing is well-formed XML and reads back the words as written", arguments: [UInt64(1), 2, 3])
  func hostileText(seed: UInt64) throws {
    var rng = SplitMix64(seed: seed)
    let alphabet = ["a", " ", "\"", "'", "<", ">", "&", "&amp;", "&lt;", "é", "→", "𝔸", "\\N", "]]>", "</text>", "\u{7}"]
    func words() -> String { "x" + (0 ..< Int.random(in: 1 ... 12, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }.joined() }
    let actors = (0 ..< 6).map { i in Actor(id: Actor.ID("n\(i)"), name: words(), kind: Actor.Kind.allCases[i % Actor.Kind.allCases.count]) }
    let type = words()
    let relations = (0 ..< 8).map { (k: Int) -> Relation in
      let sign: Sign = k.isMultiple(of: 3) ? .hostile : .cooperative
      let (from, to) = (actors[k % 6].id, actors[(k * 5 + 1) % 6].id)
      return Relation(from: from, to: to, type: type, weight: Double(k + 1) / 4, sign: sign)
    }
    // A type's colour from an importer that does not check it is text like any other.
    let hostileColor = #"red" onmouseover="alert(1)"#
    let world = World(name: "h", title: words(), actors: actors, relations: relations, types: [RelationType(id: type, polarity: .cooperative, color: hostileColor)])
    var options = MapOptions(engine: .neato)
    options.elementIDs = true
    options.tipsAside = true
    options.edgeLabels = true
    for (i, actor) in actors.enumerated() { options.positions[actor.id] = Point(x: Double(i % 3) * 200, y: Double(i / 3) * 150) }
    let svg = try #require(try PinnedMapDrawer().svg(world, options: options))
    let reader = read(svg)
    #expect(!svg.contains(#" onmouseover=""#) && svg.contains(xmlEscaped(hostileColor)))
    // XML cannot carry a bell character: it is dropped, as everywhere else.
    func xml(_ s: String) -> String { String(String.UnicodeScalarView(s.unicodeScalars.filter { $0.value >= 0x20 })) }
    for (i, actor) in actors.enumerated() { #expect(reader.texts["a\(i)"] == [xml(actor.name)]) }
    let labels = reader.texts.filter { $0.key.hasPrefix("t") }.values.flatMap { $0 }
    // Ties between one pair in one sign share an edge labelled "type ×2".
    #expect(!labels.isEmpty && labels.allSatisfy { $0.replacing(/\s×\d+$/, with: "") == xml(type) }, "\(labels)")
  }

  @Test("ties start and end on their shapes' borders, for every shape and any bend", arguments: [UInt64(7), 8])
  func borders(seed: UInt64) {
    var rng = SplitMix64(seed: seed)
    let shapes = ["box", "tab", "component", "cylinder", "ellipse", "octagon", "hexagon", "circle"]
    func shape() -> NodeShape {
      let name = shapes.randomElement(using: &rng)!
      let x = Double.random(in: -300 ... 300, using: &rng), y = Double.random(in: -300 ... 300, using: &rng)
      return NodeShape([("shape", name), ("label", "Actor \(Int.random(in: 0 ... 99, using: &rng))"), ("width", "1.2"), ("pos", "\(x),\(y)!")])!
    }
    for _ in 0 ..< 300 {
      let a = shape(), b = shape()
      // Overlapping shapes have no border between them to end on.
      guard !a.contains(b.centre), !b.contains(a.centre), !a.contains(Curve(from: a.centre, to: b.centre, offset: 0).point(0.5)) else { continue }
      let offset = Double.random(in: -40 ... 40, using: &rng)
      let whole = Curve(from: a.centre, to: b.centre, offset: offset)
      guard !a.contains(whole.point(0.5)), !b.contains(whole.point(0.5)) else { continue }
      let c = whole.clipped(a, b)
      // Just outside each shape, and a hair back along the curve inside it.
      #expect(!a.contains(c.start) && !b.contains(c.end))
      #expect(a.contains(whole.point(0.001)) && b.contains(whole.point(0.999)))
      func towards(_ p: Point, _ q: Point) -> Point {
        let d = max(hypot(q.x - p.x, q.y - p.y), 1e-9)
        return Point(x: p.x + (q.x - p.x) / d * 0.05, y: p.y + (q.y - p.y) / d * 0.05)
      }
      #expect(a.contains(towards(c.start, a.centre)) || hypot(c.start.x - a.centre.x, c.start.y - a.centre.y) < 0.05)
      #expect(b.contains(towards(c.end, b.centre)))
      // The piece lies on the whole curve: its middle is a point of it.
      let m = c.point(0.5)
      let nearest = (0 ... 2000).map { whole.point(Double($0) / 2000) }.map { hypot($0.x - m.x, $0.y - m.y) }.min()!
      #expect(nearest < 0.5)
    }
  }

  // obtained with: the Adobe Helvetica AFM metrics (digits WX 556, space 278, "W" 944, bold "W" 944, bold "a" 556, "a" 556, "i" 222).
  @Test("text is measured with Helvetica's widths")
  func textWidths() {
    #expect(abs(PinnedMapDrawer.textWidth("0123", size: 10) - 22.24) < 1e-9)
    #expect(abs(PinnedMapDrawer.textWidth("W i", size: 20) - (944 + 278 + 222) * 0.02) < 1e-9)
    #expect(abs(PinnedMapDrawer.textWidth("a", size: 10, bold: true) - 5.56) < 1e-9)
  }
}
