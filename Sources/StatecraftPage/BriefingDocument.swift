import Foundation
import Statecraft
import StatecraftRender

/// From files to a finished briefing page: reads the world (and a scenario file), computes
/// the ``Briefing``, lays out its maps in-process with Graphviz and writes the HTML.
///
///     let html = try BriefingDocument(world: "Graphs/pakistan-2025.yaml",
///                                     scenarios: "Graphs/scenarios/pakistan-2025.yaml").html()
public struct BriefingDocument: Sendable {
  /// The world file.
  public var worldFile: String
  /// A scenario file whose base is the world file; its `questions:` choose what to ask.
  public var scenarioFile: String?
  /// The lens every number is computed through; `nil`: the scenario file's own lens, else the
  /// world's standard lens (``Lens/standard(for:)``: its own date).
  public var lens: Lens?
  /// The attribute that boxes actors on the map and forms brokerage groups (default `bloc`
  /// when actors carry it).
  public var groupAttribute: String?
  /// The most actors the main map draws (the top ones by PageRank); the tables keep them all.
  public var mapCap = 150
  /// Delta maps are drawn for scenario worlds of at most this many actors.
  public var deltaMapLimit = 300
  /// The line naming the program in the methods appendix.
  public var generator: String
  /// The world already read (the CLI reads it with its own options); `nil`: read `worldFile`.
  public var preloaded: World?
  /// Lays out DOT text to SVG bytes. The default runs Graphviz in this process; the CLI runs
  /// each layout in a child process instead, which also makes the page byte-for-byte
  /// repeatable: `dot` keeps search state between calls in one process, so a second layout
  /// of the same DOT can differ by a few points (measured: 1560, 1567, 1564 pt wide).
  public var layout: @Sendable (_ dot: String, _ engine: LayoutEngine) throws -> [UInt8] = { dot, engine in
    try GraphvizRenderer.render(dot: dot, engine: engine, format: .svg)
  }

  /// A document for a world file and, optionally, a scenario file.
  public init(world: String, scenarios: String? = nil, lens: Lens? = nil, generator: String = "Statecraft") {
    worldFile = world
    scenarioFile = scenarios
    self.lens = lens
    self.generator = generator
  }

  /// The computed briefing and the page that shows it.
  public func make() throws -> (briefing: Briefing, page: BriefingPage) {
    let world = try preloaded ?? WorldIO.load(worldFile)
    let bytes = try Self.bytes(of: worldFile)
    var questions: Questions?
    var scenarios: [Scenario] = []
    if let scenarioFile { (questions, scenarios) = try Self.scenarios(scenarioFile, for: worldFile) }
    let lens = self.lens ?? questions?.lens ?? Lens.standard(for: world)
    if questions != nil { questions!.lens = lens }
    let comparison = try questions.map { try ScenarioRunner(questions: $0).compare(world, scenarios) }
    var request = Briefing.Request(file: worldFile, fileBytes: bytes, lens: lens, questions: questions)
    request.groupAttribute = groupAttribute
    let briefing = try Briefing.make(world: world, request: request, comparison: scenarios.isEmpty ? nil : comparison)

    let (map, note) = try mainMap(world, lens: lens, attribute: briefing.brokerage?.attribute)
    var deltas: [String?] = []
    if let comparison, !scenarios.isEmpty {
      for k in comparison.scenarios.indices {
        guard comparison.worlds[k].actors.count <= deltaMapLimit else { deltas.append(nil); continue }
        let (dot, engine) = try comparison.deltaMapDOT(k, base: world, sources: .none)
        deltas.append(String(decoding: try layout(dot, engine), as: UTF8.self))
      }
    }
    var page = BriefingPage(
      briefing: briefing, map: map, mapNote: note, deltaMaps: deltas,
      generator: "\(generator), Graphviz \(GraphvizRenderer.version)")
    page.geoMap = try geoMap(world, lens: lens)
    return (briefing, page)
  }

  /// The page's HTML.
  public func html() throws -> String { try make().page.html() }

  func mainMap(_ world: World, lens: Lens, attribute: String?) throws -> (String?, String?) {
    guard !world.actors.isEmpty else { return (nil, nil) }
    let capped = try MapComposition.capped(world, lens: lens, measure: .pagerank, cap: nil, defaultCap: mapCap, capOption: "--map-top")
    let engine = LayoutEngine.automatic(nodes: capped.world.actors.count, edges: capped.relationCount)
    let dot = try MapComposition.dot(
      capped.world, lens: lens, sizeBy: .pagerank, clusterBy: attribute, edgeLabels: nil, engine: engine,
      note: capped.note, sizeScores: capped.sizeScores, sources: .none, elementIDs: true)
    var svg = String(decoding: try layout(dot, engine), as: UTF8.self)
    if capped.note != nil { svg = Self.renumber(svg, from: capped.world, to: world) }
    return (svg, capped.note.map { "The map is " + $0 + "; every table covers all actors." })
  }

  /// The geographic map, when at least two actors have coordinates and the world is small
  /// enough to draw whole (the geographic view is not capped).
  func geoMap(_ world: World, lens: Lens) throws -> String? {
    guard world.actors.count <= mapCap, let points = try? world.geoPoints(), points.count >= 2 else { return nil }
    let options = try MapComposition.options(world, lens: lens, sizeBy: .pagerank, clusterBy: nil, edgeLabels: false, engine: .neato, sources: .none)
    return try GeoMap(options: options).svg(world) { dot, engine in try layout(dot, engine) }
  }

  /// A capped map's element ids renumbered to the full world's actor indices (the page's data
  /// lists every actor; the map drew a subset and numbered it from 0).
  ///
  /// One pass over the bytes (`id="a12"` and `id="t3_4_`; two regex replacements took a tenth of
  /// an explorer answer on a 1,000-actor world).
  public static func renumber(_ svg: String, from part: World, to whole: World) -> String {
    let full = part.actors.map { whole.index(of: $0.id) ?? -1 }
    let bytes = Array(svg.utf8)
    let marker = Array("id=\"".utf8)
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count + 64)
    var i = 0
    /// The digits at `j` and where they end.
    func number(at j: Int) -> (Int, Int)? {
      var k = j, value = 0
      while k < bytes.count, (48 ... 57).contains(bytes[k]), k - j < 9 { value = value * 10 + Int(bytes[k] - 48); k += 1 }
      return k > j ? (value, k) : nil
    }
    func mapped(_ n: Int) -> [UInt8] { Array(String(full.indices.contains(n) && full[n] >= 0 ? full[n] : n).utf8) }
    while i < bytes.count {
      guard bytes[i] == marker[0], i + 5 < bytes.count, Array(bytes[i ..< i + 4]) == marker else {
        out.append(bytes[i])
        i += 1
        continue
      }
      let kind = bytes[i + 4]
      if kind == UInt8(ascii: "a"), let (n, end) = number(at: i + 5), end < bytes.count, bytes[end] == UInt8(ascii: "\"") {
        out += marker + [kind] + mapped(n)
        i = end
      } else if kind == UInt8(ascii: "t"), let (a, endA) = number(at: i + 5), endA < bytes.count, bytes[endA] == UInt8(ascii: "_"),
        let (b, endB) = number(at: endA + 1), endB < bytes.count, bytes[endB] == UInt8(ascii: "_")
      {
        out += marker + [kind] + mapped(a) + [UInt8(ascii: "_")] + mapped(b)
        i = endB
      } else {
        out += marker
        i += 4
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  static func bytes(of path: String) throws -> [UInt8] {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw BriefingError.unreadable(path)
    }
    return [UInt8](data)
  }

  /// A scenario file's questions and scenarios, refused unless its `base:` is `worldFile`.
  public static func scenarios(_ scenarioFile: String, for worldFile: String) throws -> (Questions, [Scenario]) {
    let file = try ScenarioFile.load(scenarioFile)
    guard sameFile(file.basePath, worldFile) else {
      throw BriefingError.baseMismatch(scenarioFile: scenarioFile, base: file.basePath, world: worldFile)
    }
    return (file.questions, file.scenarios)
  }

  static func sameFile(_ a: String, _ b: String) -> Bool {
    URL(fileURLWithPath: a).standardizedFileURL.resolvingSymlinksInPath() == URL(fileURLWithPath: b).standardizedFileURL.resolvingSymlinksInPath()
  }
}

/// Why a briefing could not be made.
public enum BriefingError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The scenario file edits another world than the one given.
  case baseMismatch(scenarioFile: String, base: String, world: String)
  /// The world file could not be read a second time for its hash.
  case unreadable(String)

  public var description: String {
    switch self {
    case let .baseMismatch(file, base, world):
      "\(file): its base is \(base), not \(world); pass the scenario file's base world, or a scenario file written for \(world)."
    case let .unreadable(path): "\(path): cannot be read; check that it exists and is readable."
    }
  }
}
