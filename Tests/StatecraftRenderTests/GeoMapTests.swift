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

  @Test("actors are placed by lat/lon, by place code, or as states by their id; bad input is named")
  func placing() throws {
    let w = try world(#"[{id: PAK, kind: state}, {id: X, attributes: {place: chn}}, {id: Y, attributes: {lat: "38.9", lon: "-77.04"}}, {id: Z}]"#)
    let points = try w.geoPoints()
    #expect(points["PAK"]?.lon == 69.41 && points["X"]?.lat == WorldOutline.shared.country("CHN")?.point.lat)
    #expect(points["Y"]?.lat == 38.9 && points["Z"] == nil)
    #expect(throws: GeoError.badCoordinate(actor: "Y", attribute: "lat", value: "91")) {
      try self.world(#"[{id: Y, attributes: {lat: "91", lon: "0"}}]"#).geoPoints()
    }
    #expect(throws: GeoError.badCoordinate(actor: "Y", attribute: "lon", value: "0x10")) {
      try self.world(#"[{id: Y, attributes: {lat: "1", lon: "0x10"}}]"#).geoPoints()
    }
    #expect(throws: GeoError.unknownPlace(actor: "X", code: "PAQ", suggestion: "PAK")) {
      try self.world(#"[{id: X, attributes: {place: PAQ}}]"#).geoPoints()
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
    let (dot, scale, positions, _) = try map.dot(w)
    let centre = scale.point(69.41, 29.97)
    let around = ["PAK", "A", "B"].map { positions[Actor.ID($0)]! }
    #expect(Set(around.map { "\($0.x),\($0.y)" }).count == 3, "three distinct places")
    let radii = around.map { hypot($0.x - centre.x, $0.y - centre.y) }
    #expect(radii.allSatisfy { abs($0 - radii[0]) < 1e-9 && $0 > 20 })
    let usa = positions["USA"]!, loose = positions["LOOSE"]!
    #expect(abs(hypot(loose.x - usa.x, loose.y - usa.y) - 70) < 1e-9, "beside its strongest partner")
    #expect(dot.contains("without coordinates, beside their strongest partner: LOOSE"))
  }

  @Test("the seed's geographic SVG: outline under the graph, clipped, every actor drawn where it is")
  func seedSVG() throws {
    let world = try seedWorld()
    let svg = try GeoMap(options: MapOptions(lens: Lens.standard(for: world))).svg(world)
    #expect(XMLParser(data: Data(svg.utf8)).parse())
    #expect(svg.components(separatedBy: "class=\"country\"").count - 1 == WorldOutline.shared.countries.count)
    #expect(svg.contains("clip-path=\"url(#statecraft-geo-extent)\""))
    #expect(svg.range(of: "class=\"outline\"")!.lowerBound < svg.range(of: "class=\"node\"")!.lowerBound, "outline beneath the actors")
    #expect(svg.contains("Equal Earth projection") && svg.contains("11 of 11 actors at their coordinates"))
    // Pakistan's circle lies inside Pakistan's outline box (the outline follows Graphviz's shift).
    let pak = try #require(GeoMap.nodeCentre(svg, id: "a0"))
    let path = try #require(svg.firstMatch(of: /<path class="country"[^>]*d="([^"]+)"><title>Pakistan<\/title>/))
    let numbers = path.1.split(whereSeparator: { !"-0123456789.".contains($0) }).compactMap { Double($0) }
    let xs = stride(from: 0, to: numbers.count - 1, by: 2).map { numbers[$0] }, ys = stride(from: 1, to: numbers.count, by: 2).map { numbers[$0] }
    #expect((xs.min()! ... xs.max()!).contains(pak.x) && (ys.min()! ... ys.max()!).contains(pak.y), "\(pak)")
  }
}
