import Foundation
#if canImport(FoundationXML)
  import FoundationXML
#endif
import Statecraft
import StatecraftTestSupport
import Testing

@testable import StatecraftRender

func seedWorld() throws -> World {
  try WorldIO.load(graphPath("pakistan-2025.yaml"))
}

@Suite("DOT writer")
struct DOTWriterTests {
  @Test("the seed map's DOT matches the golden file")
  func seedGolden() throws {
    let world = try seedWorld()
    let scores = world.scores(try world.through().pageRank())
    let dot = try DOTWriter().write(world, options: MapOptions(sizeBy: ("pagerank", scores), clusterBy: "bloc"))
    try expectMatchesGolden(dot, named: "pakistan-2025.dot")
  }

  @Test("numbers are written as C's %.3f writes them, trailing zeros dropped, on 200,000 values and near ties")
  func numbersMatchPrintf() {
    func reference(_ x: Double) -> String {
      var s = String(format: "%.3f", x)
      while s.hasSuffix("0") { s.removeLast() }
      if s.hasSuffix(".") { s.removeLast() }
      return s == "-0" ? "0" : s
    }
    var rng = SplitMix64(seed: 20261205)
    var values: [Double] = [0, -0.0, 0.0005, -0.0005, 1.0005, 2.5e-4, 0.0015, 1e12, -1e12, 123456.7895, .nan, .infinity, -.infinity, 1e300, 5e-324]
    for _ in 0 ..< 50_000 {
      let magnitude = pow(10, Double.random(in: -5 ... 9, using: &rng))
      values.append(Double.random(in: -1 ... 1, using: &rng) * magnitude)
      // Thousandths at a tie, and a few ulps around it: where the fast path hands over.
      let tie = (Double(Int.random(in: -10_000_000 ... 10_000_000, using: &rng)) + 0.5) / 1000
      values += [tie, tie.nextUp, tie.nextDown]
    }
    let mismatches = values.filter { formatNumber($0) != reference($0) }
    #expect(mismatches.isEmpty, "first: \(mismatches.prefix(5).map { "\($0): \(formatNumber($0)) vs \(reference($0))" })")
  }

  @Test("escaping: quotes, backslashes and newlines in names; HTML in titles")
  func escaping() throws {
    let world = World(
      name: "x", title: "A <b> & \"c\"",
      actors: [Actor(id: "A\"1", name: "back\\slash\nnew line"), Actor(id: "B")],
      relations: [Relation(from: "A\"1", to: "B", type: "t", weight: 1, sign: .cooperative, note: "say \"hi\"")],
      types: [RelationType(id: "t", polarity: .cooperative)])
    let dot = try DOTWriter().write(world)
    #expect(dot.contains(#""A\"1" [shape="ellipse""#))
    // A word joiner after the backslash keeps Graphviz from reading "\\s" (or "\\N") as an escape.
    #expect(dot.contains("label=\"back\\\\\u{2060}slash\\nnew line"))
    #expect(dot.contains("A &lt;b&gt; &amp; &quot;c&quot;"))
    // And Graphviz parses it.
    let svg = String(decoding: try GraphvizRenderer.render(dot: dot, engine: .dot, format: .svg), as: UTF8.self)
    #expect(svg.contains("back\\\u{2060}slash"))
  }

  @Test("an id like &nbsp; and names with \\N, \\G, \\E reach the SVG literally, and the SVG is well-formed")
  func svgEscapes() throws {
    let world = World(
      name: "x",
      actors: [Actor(id: "&nbsp;", name: "x \\N y \\G z \\E"), Actor(id: "B", name: "<b>&amp;")],
      relations: [Relation(from: "&nbsp;", to: "B", type: "t", weight: 1, sign: .cooperative, note: "n \\N \\T")],
      types: [RelationType(id: "t", polarity: .cooperative)])
    let svg = String(decoding: try GraphvizRenderer.render(dot: try DOTWriter().write(world), engine: .dot, format: .svg), as: UTF8.self)
    // Strict XML: no undeclared entities. (Graphviz's DOCTYPE names the SVG DTD; drop it so
    // the parser does not excuse unknown entities.)
    let strict = svg.replacingOccurrences(of: #"<!DOCTYPE[^>]*>"#, with: "", options: .regularExpression)
    let parser = XMLParser(data: Data(strict.utf8))
    #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
    #expect(svg.contains("<title>&amp;nbsp;</title>"))
    #expect(svg.contains("x \\\u{2060}N y \\\u{2060}G z \\\u{2060}E") && !svg.contains("statecraft_x z"))
    #expect(svg.contains("n \\\u{2060}N \\\u{2060}T"))
  }

  @Test("lens filters what is drawn; parallel same-sign ties share an edge")
  func lensAndBundles() throws {
    let world = try seedWorld()
    let dot = try DOTWriter().write(world, options: MapOptions(lens: Lens(types: ["purchase-commitment"])))
    #expect(dot.components(separatedBy: " -> ").count - 1 == 1)
    #expect(dot.contains("purchase-commitment ×2"))
    #expect(dot.contains("cotton") && dot.contains("soybeans"))  // both in the tooltip
  }

  @Test("the DOT is the same every time")
  func deterministic() throws {
    let world = try seedWorld()
    let a = try DOTWriter().write(world, options: MapOptions(clusterBy: "region"))
    let b = try DOTWriter().write(try seedWorld(), options: MapOptions(clusterBy: "region"))
    #expect(a == b)
  }
}

@Suite("Graphviz bridge")
struct GraphvizRendererTests {
  @Test("the seed map renders to valid SVG naming every actor, with a legend and tooltips")
  func seedSVG() throws {
    let world = try seedWorld()
    let dot = try DOTWriter().write(world, options: MapOptions(clusterBy: "bloc"))
    let data = Data(try GraphvizRenderer.render(dot: dot, engine: .dot, format: .svg))
    let doc = try XMLDocument(data: data)
    let titles = try doc.nodes(forXPath: "//*[local-name()='g'][@class='node']/*[local-name()='title']").compactMap { $0.stringValue }
    for actor in world.actors { #expect(titles.contains(actor.id.rawValue), "no node for \(actor.id)") }
    // Text and tooltips as a reader sees them (Graphviz writes "-" as &#45;).
    let texts = try doc.nodes(forXPath: "//*[local-name()='text']").compactMap { $0.stringValue }.joined(separator: "\n")
    for actor in world.actors { #expect(texts.contains(actor.name), "no label for \(actor.name)") }
    #expect(texts.contains("hostile, material"))  // the legend
    let tooltips = try doc.nodes(forXPath: "//*[local-name()='a']/@*[local-name()='title']").compactMap { $0.stringValue }
    #expect(tooltips.contains { $0.hasPrefix("USA → PAK: tariff-threat\nweight 0.8 · hostile") })
    // Every relation's type appears in some edge tooltip.
    for r in world.relations { #expect(tooltips.contains { $0.contains(": \(r.type)\n") }) }
  }

  @Test("every engine and format renders", arguments: LayoutEngine.allCases)
  func engines(engine: LayoutEngine) throws {
    let world = try seedWorld()
    let dot = try DOTWriter().write(world, options: MapOptions(clusterBy: "bloc", engine: engine))
    let svg = try GraphvizRenderer.render(dot: dot, engine: engine, format: .svg)
    #expect(String(decoding: svg, as: UTF8.self).contains("</svg>"))
    if engine == .dot {
      let png = try GraphvizRenderer.render(dot: dot, engine: engine, format: .png)
      #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
      let pdf = try GraphvizRenderer.render(dot: dot, engine: engine, format: .pdf)
      #expect(pdf.starts(with: Array("%PDF".utf8)))
    }
  }

  /// In a child process of its own (an exit test): Debian's Graphviz 2.42 parser has left the
  /// heap damaged after a syntax error now and then (a clean-clone CI run later died of
  /// "double free or corruption" in an unrelated test), so no test feeds broken DOT to the
  /// process every other test shares. Exit codes say which check failed (1xx: the line a
  /// file's syntax error was put on, when not 3).
  @Test("a syntax error surfaces Graphviz's message, names its line in a fresh process and after other graphs, and later renders still work")
  func syntaxError() async {
    await #expect(processExitsWith: .success) {
      WorldIO.registerRenderFormats()
      let path = temporaryPath("syntax-\(getpid()).dot")  // the tests' scratch folder
      defer { unlink(path) }
      guard (try? "digraph {\n A -> B;\n C -> ;\n}\n".write(toFile: path, atomically: true, encoding: .utf8)) != nil else { exit(2) }
      // The error's line, read from the file: the process's first parse, then after others.
      func fileLine() -> Int32 {
        do {
          _ = try WorldIO.load(path)
          return 0
        } catch {
          return "\(error)".split(separator: ":").dropFirst().first.flatMap { Int32($0) } ?? 99
        }
      }
      let first = fileLine()
      if first != 3 { exit(100 + first) }
      do {
        _ = try GraphvizRenderer.render(dot: "digraph x { a -> ; }", engine: .dot, format: .svg)
        exit(10)
      } catch let RenderError.syntax(message) {
        if !message.contains("syntax error in line 1 ") { exit(11) }
      } catch { exit(12) }
      var notes = ConversionNotes()
      if (try? DOTReader.read("digraph { a -> b }\n# a comment after the graph\n", notes: &notes)) == nil { exit(20) }
      let later = fileLine()
      if later != 3 { exit(100 + later) }
      guard let ok = try? GraphvizRenderer.render(dot: "digraph ok { a -> b; }", engine: .dot, format: .svg), !ok.isEmpty else { exit(40) }
    }
  }

  @Test("concurrent renders are serialized and identical")
  func concurrent() async throws {
    let dot = try DOTWriter().write(try seedWorld())
    let outputs = try await withThrowingTaskGroup(of: [UInt8].self) { group in
      for _ in 0 ..< 8 { group.addTask { try GraphvizRenderer.render(dot: dot, engine: .neato, format: .svg) } }
      return try await group.reduce(into: []) { $0.append($1) }
    }
    #expect(Set(outputs).count == 1)
  }

  @Test("auto engine: dot while small and sparse, sfdp beyond")
  func auto() {
    #expect(LayoutEngine.automatic(nodes: 11, edges: 24) == .dot)
    #expect(LayoutEngine.automatic(nodes: 100, edges: 400) == .sfdp)
    #expect(LayoutEngine.automatic(nodes: 500, edges: 600) == .sfdp)
  }
}

@Suite("Series charts")
struct SeriesChartTests {
  @Test("charts are well-formed SVG with hostile text escaped, one panel per series")
  func wellFormed() throws {
    let set = SeriesSet(
      quantity: "pagerank <&>", axis: "date", points: ["2025-01", "2025-02", "2025-03"], positions: [2025, 2025.08, 2025.17],
      series: [Series(name: "A&B \"<x>\"\u{7}", values: [0.1, .nan, 0.3]), Series(name: "C", values: [0.2, 0.2, 0.2])])
    let svg = SeriesChart.svg(set, title: "T <script>")
    let parser = XMLParser(data: Data(svg.utf8))
    #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
    #expect(svg.contains("A&amp;B &quot;&lt;x&gt;&quot;") && !svg.contains("\u{7}"))
    #expect(svg.components(separatedBy: "<g>").count - 1 == 2)
  }
}
