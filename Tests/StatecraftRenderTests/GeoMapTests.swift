import Foundation
#if canImport(FoundationXML)
  import FoundationXML
#endif
import Statecraft
import StatecraftTestSupport
import Testing

@testable import StatecraftRender

@Suite("Geographic maps")
struct GeoMapTests {
  // obtained with: pyproj.Transformer.from_crs("+proj=lonlat +R=1", "+proj=eqearth +R=1", always_xy=True).transform(lon, lat)  # pyproj 3.7.2, PROJ 9.5.1
  @Test("Equal Earth matches PROJ", arguments: [
    (0.0, 0.0, 0.0, 0.0),
    (69.41, 29.97, 0.9763853306005662, 0.5923723865406565),
    (-77.04, 38.9, -1.0337109539173648, 0.7552731777949337),
    (116.4, 39.9, 1.5522608737957477, 0.7728695341594645),
    (180, 90, 1.6035886482840516, 1.3173627591574133),
    (-180, -60, -2.039060087571559, -1.0883008355053196),
    (62.1, 29.1, 0.8769587373904342, 0.5760129779855733),
    (30, -45, 0.38661816636766116, -0.8602310855220102),
  ])
  func projection(lon: Double, lat: Double, x: Double, y: Double) {
    let p = EqualEarth.project(lon: lon, lat: lat)
    #expect(abs(p.x - x) < 1e-9 && abs(p.y - y) < 1e-9, "\(p)")
  }

  func world(_ actors: String, relations: String = "[]") throws -> World {
    try WorldYAML.parse("""
      schema: 1
      name: g
      title: g
      types: [{id: t, polarity: cooperative, mode: material}]
      actors: \(actors)
      relations: \(relations)
      """, file: "g.yaml", defaultName: "g")
  }

  @Test("actors are placed by lat/lon, by place code (ISO or CAMEO), or as states by their id; bad input is named")
  func placing() throws {
    let w = try world(#"[{id: PAK, kind: state}, {id: X, attributes: {place: chn}}, {id: Y, attributes: {lat: "38.9", lon: "-77.04"}}, {id: Z}, {id: ROM, kind: state}, {id: K, attributes: {place: KSV}}, {id: G, attributes: {place: GZS}}, {id: S, attributes: {place: SGP}}]"#)
    let points = try w.geoPoints()
    #expect(points["PAK"]?.lon == 69.41 && points["X"]?.lat == WorldOutline.shared.country("CHN")?.point.lat)
    #expect(points["Y"]?.lat == 38.9 && points["Z"] == nil)
    // CAMEO codes ISO retired or never had: Romania (ROM → ROU), Kosovo (KSV), Gaza (GZS → PSE).
    #expect(points["ROM"]?.lon == WorldOutline.shared.country("ROU")?.point.lon)
    #expect(points["K"] != nil && points["K"]?.lat == WorldOutline.shared.country("XKX")?.point.lat)
    #expect(points["G"]?.lon == WorldOutline.shared.country("PSE")?.point.lon)
    // Singapore is a country but too small for the 1:110m outline: not placed (the map sets it beside a partner).
    #expect(points["S"] == nil)
    // Worlds built in code (or read from formats without positions) are checked here.
    func built(_ attributes: [String: String]) -> World {
      World(name: "g", title: "g", actors: [Actor(id: "Y", attributes: attributes)], relations: [])
    }
    #expect(throws: GeoError.badAttribute(actor: "Y", message: "lat \"91\" must be a decimal number from −90 to 90 (degrees north)")) {
      try built(["lat": "91", "lon": "0"]).geoPoints()
    }
    #expect(throws: GeoError.badAttribute(actor: "Y", message: "lon \"0x10\" must be a decimal number from −180 to 180 (degrees east)")) {
      try built(["lat": "1", "lon": "0x10"]).geoPoints()
    }
    #expect(throws: GeoError.badAttribute(actor: "Y", message: "place \"PAQ\" is not an ISO 3166-1 alpha-3 or CAMEO country code; did you mean \"PAK\"?")) {
      try built(["place": "PAQ"]).geoPoints()
    }
  }

  @Test("bad coordinates are refused while reading, at their line and column", arguments: [
    (#"{lat: "91", lon: "0"}"#, 6, 31, "lat \"91\" must be a decimal number from −90 to 90"),
    (#"{lat: "1", lon: "-180.5"}"#, 6, 41, "lon \"-180.5\" must be a decimal number from −180 to 180"),
    (#"{lat: "1"}"#, 6, 25, "lat without lon: give both"),
    (#"{place: AFR}"#, 6, 33, "AFR is a CAMEO region, not a country: give `lat` and `lon` instead"),
    (#"{place: PAQ}"#, 6, 33, "did you mean \"PAK\"?"),
  ])
  func locatedErrors(attributes: String, line: Int, column: Int, message: String) throws {
    do {
      _ = try world("\n  - {id: Y, attributes: \(attributes)}")
      Issue.record("accepted \(attributes)")
    } catch let GraphFileError.invalid(file, problems) {
      #expect(file == "g.yaml" && problems.count == 1)
      #expect(problems.first?.line == line && problems.first?.column == column, "\(problems)")
      #expect(problems.first?.message.contains(message) == true, "\(problems)")
    }
  }

  @Test("a CSV node table's bad coordinate is named at its line and column")
  func csvLocatedError() throws {
    try withScratchFolder { folder in
      let edges = folder + "/w.csv", nodes = folder + "/w.nodes.csv"
      try "from,to\nA,B\n".write(toFile: edges, atomically: true, encoding: .utf8)
      try "id,lat,lon\nA,10,20\nB,95,20\n".write(toFile: nodes, atomically: true, encoding: .utf8)
      #expect {
        try WorldIO.load(edges)
      } throws: { error in
        guard case let GraphFileError.invalid(file, problems) = error else { return false }
        return file.hasSuffix("w.nodes.csv") && problems.map(\.line) == [3] && problems.first?.column == 3
          && problems.first?.message.contains("lat \"95\"") == true
      }
    }
  }

  @Test("no coordinates at all asks for them; an extent holding no actor is refused")
  func nothingToDraw() throws {
    #expect(throws: GeoError.nothingPlaced) { try GeoMap(options: MapOptions()).svg(try self.world("[{id: A}, {id: B}]")) }
    let w = try world("[{id: PAK, kind: state}]")
    #expect(throws: GeoError.emptyExtent) { try GeoMap(options: MapOptions(), extent: (-10, -10, 10, 10)).svg(w) }
  }

  @Test("actors sharing a point are spread around it, none hidden; actors without coordinates sit beside their strongest partner")
  func spreadAndPartners() throws {
    let w = try world(
      #"[{id: PAK, kind: state}, {id: A, attributes: {place: PAK}}, {id: B, attributes: {place: PAK}}, {id: USA, kind: state}, {id: LOOSE}]"#,
      relations: "[{from: LOOSE, to: USA, type: t, weight: 0.9}, {from: LOOSE, to: PAK, type: t, weight: 0.2}]")
    let map = GeoMap(options: MapOptions())
    let (dot, _, scale, positions, _) = try map.dot(w)
    let centre = scale.point(69.41, 29.97)
    let around = ["PAK", "A", "B"].map { positions[Actor.ID($0)]! }
    #expect(Set(around.map { "\($0.x),\($0.y)" }).count == 3, "three distinct places")
    let radii = around.map { hypot($0.x - centre.x, $0.y - centre.y) }
    #expect(radii.allSatisfy { abs($0 - radii[0]) < 1e-9 && $0 > 20 })
    let usa = positions["USA"]!, loose = positions["LOOSE"]!
    #expect(abs(hypot(loose.x - usa.x, loose.y - usa.y) - 70) < 1e-9, "beside its strongest partner")
    #expect(dot.contains("without coordinates, beside their strongest partner: LOOSE"))
  }

  @Test("the seed's geographic SVG: outline under the graph, clipped, every actor drawn where it is (Graphviz's drawing and the pinned one)", arguments: [false, true])
  func seedSVG(pinned: Bool) throws {
    let world = try seedWorld()
    let map = GeoMap(options: MapOptions(lens: Lens.standard(for: world)))
    let svg = pinned ? try #require(try map.pinnedSVG(world)) : try map.svg(world)
    #expect(XMLParser(data: Data(svg.utf8)).parse())
    // Only countries that meet the drawn extent (Washington to Beijing) are drawn.
    let drawn = svg.matches(of: /class="country"[^>]*><title>([^<]+)<\/title>/).map { String($0.1) }
    #expect(["Pakistan", "China", "United States of America", "Iran"].allSatisfy(drawn.contains), "\(drawn.prefix(20))")
    #expect(!drawn.contains("Australia") && !drawn.contains("Antarctica") && drawn.count < WorldOutline.shared.countries.count)
    #expect(svg.contains("clip-path=\"url(#statecraft-geo-extent)\""))
    #expect(svg.range(of: "class=\"outline\"")!.lowerBound < svg.range(of: "class=\"node\"")!.lowerBound, "outline beneath the actors")
    #expect(svg.contains("Equal Earth projection") && svg.contains("11 of 11 actors at their coordinates"))
    // Pakistan's circle lies inside Pakistan's outline box (the outline follows Graphviz's shift).
    #expect(svg.components(separatedBy: "class=\"node\"").count - 1 == world.actors.count)
    let pak = try #require(GeoMap.nodeCentre(svg, id: "a0"))
    let path = try #require(svg.firstMatch(of: /<path class="country"[^>]*d="([^"]+)"><title>Pakistan<\/title>/))
    let numbers = path.1.split(whereSeparator: { !"-0123456789.".contains($0) }).compactMap { Double($0) }
    let xs = stride(from: 0, to: numbers.count - 1, by: 2).map { numbers[$0] }, ys = stride(from: 1, to: numbers.count, by: 2).map { numbers[$0] }
    #expect((xs.min()! ... xs.max()!).contains(pak.x) && (ys.min()! ... ys.max()!).contains(pak.y), "\(pak)")
  }

  @Test("a crowded map draws its strongest ties only, says so, and draws smaller circles with fewer names")
  func thinning() throws {
    var actors = "["
    for i in 0 ..< 80 { actors += "{id: a\(i), attributes: {lat: \"\(Double(i % 9) * 5)\", lon: \"\(Double(i / 9) * 7)\"}}," }
    actors += "]"
    var relations = "["
    for i in 0 ..< 79 { relations += "{from: a\(i), to: a\(i + 1), type: t, weight: \(Double(i + 1) / 100)}," }
    relations += "]"
    let w = try world(actors, relations: relations)
    var map = GeoMap(options: MapOptions())
    map.tieLimit = 10
    let (dot, _, _, _, _) = try map.dot(w)
    #expect(dot.contains("the 10 strongest of 79 relations drawn"))
    #expect(dot.components(separatedBy: " -> ").count - 1 == 10)
    // The strongest are a69 → a70 … a78 → a79: the weakest kept is 0.70.
    #expect(dot.contains("\"a78\" -> \"a79\"") && !dot.contains("\"a68\" -> \"a69\""))
    #expect(map.compactScale(80) == 1 && abs(map.compactScale(5_000) - 0.2) < 1e-12 && abs(map.compactScale(400) - 0.5) < 1e-12)
    #expect(dot.components(separatedBy: "xlabel=").count - 1 == 60, "names beside the 60 largest only")
  }

  @Test("a scenario's delta map on geography: fills by the change, the removed actor ghosted where it was")
  func deltaOnGeography() throws {
    let scenarios = try ScenarioFile.parse("""
      schema: 1
      base: ../pakistan-2025.yaml
      questions: {measures: [pagerank]}
      scenarios:
        - name: no-barrick
          edits:
            - remove-actor: ABX
      """, file: graphPath("scenarios/x.yaml"), base: seedWorld())
    let comparison = try scenarios.run()
    var laidOut = ""
    let svg = try comparison.geoDeltaMap(0, base: scenarios.base) { dot, engine in
      laidOut = dot
      return try GraphvizRenderer.render(dot: dot, engine: engine, format: .svg)
    }
    #expect(XMLParser(data: Data(svg.utf8)).parse())
    #expect(svg.contains("class=\"outline\"") && svg.contains("scenario: no&#45;barrick"))
    let ghost = try #require(laidOut.firstMatch(of: /"ABX" \[[^\]]*\]/))
    #expect(ghost.0.contains("(removed)") && ghost.0.contains("pin=\"true\""), "\(ghost.0)")
    #expect(laidOut.contains("fillcolor=\"#"), "actors filled by their change")
  }

  @Test("a timeline on geography: evenly chosen dates, one panel each on one colour scale, one valid document")
  func timelinePanels() throws {
    let months = (1 ... 19).map { PartialDate(year: 2024 + ($0 - 1) / 12, month: ($0 - 1) % 12 + 1)! }
    let picked = GeoTimeline.panels(months, most: 6)
    #expect(picked.map(\.description) == ["2024-01", "2024-05", "2024-08", "2024-12", "2025-03", "2025-07"])
    #expect(GeoTimeline.panels(Array(months.prefix(3))).count == 3)
    let world = try seedWorld()
    let svg = try GeoTimeline(measure: .pagerank).svg(world, dates: [picked[0], picked[4], picked[5]], title: "Who moved")
    #expect(XMLParser(data: Data(svg.utf8)).parse())
    #expect(svg.components(separatedBy: "<svg ").count - 1 == 4, "the document and three panels")
    for k in 0 ..< 3 { #expect(svg.contains("clip-path=\"url(#p\(k)-statecraft-geo-\(k)-extent)\"")) }
    // Every id in the document is unique (each panel's are prefixed), and the key fits.
    let ids = svg.matches(of: /\sid="([^"]+)"/).map { String($0.1) }
    #expect(Set(ids).count == ids.count && ids.count > 30, "\(ids.count) ids")
    let width = try #require(svg.firstMatch(of: /<svg [^>]*width="([0-9]+)"/)).1
    #expect(Int(width)! >= 24 + 430 + 5 * 74)
    #expect(XMLParser(data: Data(try GeoTimeline(measure: .pagerank).svg(world, dates: [], title: "None").utf8)).parse())
    #expect(svg.contains("2024&#45;01 (the start)") && svg.contains("fill: change since the first panel"))
    #expect(svg.contains("each panel: relations valid on its date · ties of every sign at their strength · all relation types · parallel ties summed"))
    // The first panel has no change; the last has (the tariff threat from 2025-04 on).
    let panels = svg.components(separatedBy: "<svg ").dropFirst(2)
    let deepest = ["fill=\"#b35806\"", "fill=\"#2166ac\""]
    #expect(!deepest.contains { panels.first!.lowercased().contains($0) } && deepest.contains { panels.last!.lowercased().contains($0) })
  }

  @Test("outline numbers: one decimal, within 0.05 of the value, the shape printf gives", arguments: [0, 1, 2, 3])
  func outlineDecimals(seed: UInt64) {
    var rng = SplitMix64(seed: seed)
    for _ in 0 ..< 2_000 {
      let x = (Double(rng.next() % 2_000_000) - 1_000_000) / 997
      var text = ""
      GeoMap.appendDecimal(x, to: &text)
      #expect(text.wholeMatch(of: /-?[0-9]+\.[0-9]/) != nil && text != "-0.0", "\(text)")
      #expect(abs(Double(text)! - x) <= 0.05 + 1e-9, "\(x) → \(text)")
      let printf = String(format: "%.1f", x)
      #expect(text == printf || abs(abs(x * 10) - abs(x * 10).rounded(.down) - 0.5) < 1e-6, "\(x): \(text) vs \(printf)")
    }
  }
}

