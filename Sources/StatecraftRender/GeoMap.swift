import Foundation
import Statecraft

/// The Equal Earth projection (Šavrič, Patterson and Jenny, "The Equal Earth map projection",
/// International Journal of Geographical Information Science 33(3), 2019): equal-area, with
/// straight parallels, suited to world and regional maps. Unit sphere; what PROJ's
/// `+proj=eqearth +R=1` gives.
public enum EqualEarth {
  static let a1 = 1.340264, a2 = -0.081106, a3 = 0.000893, a4 = 0.003796
  static let m = 3.0.squareRoot() / 2

  /// Projects a longitude and latitude (degrees) to plane coordinates on the unit sphere.
  ///
  /// - Complexity: O(1).
  public static func project(lon: Double, lat: Double) -> (x: Double, y: Double) {
    let lambda = lon * .pi / 180
    let theta = asin(m * sin(lat * .pi / 180))
    let t2 = theta * theta, t6 = t2 * t2 * t2
    let x = lambda * cos(theta) / (m * (a1 + 3 * a2 * t2 + t6 * (7 * a3 + 9 * a4 * t2)))
    let y = theta * (a1 + a2 * t2 + t6 * (a3 + a4 * t2))
    return (x, y)
  }
}

/// Country outlines and reference points, from Natural Earth 1:110m (see
/// `Scripts/make_world_outline.py` for the provenance and the conversion).
public struct WorldOutline: Sendable {
  /// One country: its ISO 3166-1 alpha-3 code (empty where it has none), name, reference point
  /// (the centroid of its largest polygon) and outline rings, in degrees.
  public struct Country: Sendable {
    /// ISO 3166-1 alpha-3 code and name.
    public var code: String, name: String
    /// Longitude and latitude of the reference point.
    public var point: (lon: Double, lat: Double)
    /// Closed rings of (longitude, latitude).
    public var rings: [[(lon: Double, lat: Double)]]
  }

  /// Every country, sorted by code.
  public let countries: [Country]
  private let byCode: [String: Int]

  /// The bundled outline, parsed once.
  public static let shared = WorldOutline(text: WorldOutlineData.text)

  init(text: String) {
    var countries: [Country] = []
    for line in text.split(separator: "\n") {
      let f = line.split(separator: "|", omittingEmptySubsequences: false)
      guard f.count == 4 else { continue }
      let ref = f[2].split(separator: ",").compactMap { Double($0) }
      let rings = f[3].split(separator: ";").map { ring -> [(lon: Double, lat: Double)] in
        let v = ring.split(separator: " ").compactMap { Double($0) }
        return stride(from: 0, to: v.count - 1, by: 2).map { (v[$0] / 10, v[$0 + 1] / 10) }
      }
      countries.append(Country(code: String(f[0]), name: String(f[1]), point: (ref[0], ref[1]), rings: rings))
    }
    self.countries = countries
    var index: [String: Int] = [:]
    for (i, c) in countries.enumerated() where !c.code.isEmpty { index[c.code] = i }
    // Kosovo has no ISO 3166-1 code; XKX is the user-assigned one the EU and World Bank use
    // (and what ``GeoAttributes/isoCountry(_:)`` gives for CAMEO's KSV).
    if let kosovo = countries.firstIndex(where: { $0.code.isEmpty && $0.name == "Kosovo" }) { index["XKX"] = kosovo }
    byCode = index
  }

  /// The country with this ISO 3166-1 alpha-3 code (any case), if any.
  public func country(_ code: String) -> Country? { byCode[code.uppercased()].map { countries[$0] } }
}

/// Why an actor cannot be placed on a geographic map.
public enum GeoError: Error, Equatable, Sendable, CustomStringConvertible {
  /// A `lat`, `lon` or `place` attribute that is wrong (``GeoAttributes/problem(attribute:value:)``
  /// says how); the readers report these at their line and column, so this is for worlds built
  /// in code or read from formats without positions.
  case badAttribute(actor: String, message: String)
  /// No actor has coordinates.
  case nothingPlaced
  /// `--extent` holds no placed actor.
  case emptyExtent

  public var description: String {
    switch self {
    case let .badAttribute(actor, message):
      return "actor \(actor): \(message)"
    case .nothingPlaced:
      return "no actor has coordinates: give actors `lat` and `lon` attributes, or `place:` with a country code (PAK, USA, …); states whose id is a country code are placed by themselves"
    case .emptyExtent:
      return "the extent holds no placed actor; widen --extent (lon1,lat1,lon2,lat2) or drop it to fit the actors"
    }
  }
}

extension World {
  /// Where each actor is, in degrees (see ``WorldOutline/points(of:)``).
  ///
  /// - Throws: ``GeoError`` for coordinates out of range or unknown place codes.
  /// - Complexity: O(actors).
  public func geoPoints(outline: WorldOutline = .shared) throws -> [Actor.ID: (lon: Double, lat: Double)] {
    try outline.points(of: actors)
  }
}

extension WorldOutline {
  /// Where each actor is, in degrees: its `lat` and `lon` attributes; else its `place`
  /// attribute's country reference point (ISO or CAMEO code, ``GeoAttributes/isoCountry(_:)``);
  /// else, for a state whose id is a country code, that country's point. Actors with none of
  /// these are absent from the result, and so are places too small for the 1:110m outline
  /// (Singapore, Bahrain, …): the map sets them beside their strongest partner and says so.
  ///
  /// - Throws: ``GeoError`` for coordinates out of range and unknown place codes.
  /// - Complexity: O(actors).
  public func points(of actors: [Actor]) throws -> [Actor.ID: (lon: Double, lat: Double)] {
    var points: [Actor.ID: (lon: Double, lat: Double)] = [:]
    for a in actors {
      if let problem = GeoAttributes.problems(of: a).first {
        throw GeoError.badAttribute(actor: a.id.rawValue, message: problem.message)
      }
      if let lat = a.attributes["lat"].flatMap(Double.init(decimal:)), let lon = a.attributes["lon"].flatMap(Double.init(decimal:)) {
        points[a.id] = (lon, lat)
      } else if let place = a.attributes["place"] {
        if let c = GeoAttributes.isoCountry(place).flatMap(country) { points[a.id] = c.point }
      } else if a.kind == .state, let c = GeoAttributes.isoCountry(a.id.rawValue).flatMap(country) {
        points[a.id] = c.point
      }
    }
    return points
  }
}

/// A relationship map drawn on geography: actors pinned at their points (projected with
/// ``EqualEarth``), country outlines as a quiet background, ties routed by Graphviz between the
/// pinned actors. Legends, tooltips, captions and the lens statement are those of every map.
public struct GeoMap: Sendable {
  /// The map options (lens, sizing, sources, …); positions and engine are set here.
  public var options: MapOptions
  /// Longitude/latitude bounds to show (`lon1, lat1, lon2, lat2`); `nil`: fitted to the actors.
  public var extent: (lonMin: Double, latMin: Double, lonMax: Double, latMax: Double)?
  /// Longitude and latitude bounds, in degrees.
  public typealias Extent = (lonMin: Double, latMin: Double, lonMax: Double, latMax: Double)
  /// The map's width in points for the fitted extent.
  public var width = 900.0
  /// At most this many relations are drawn (the strongest through the lens); the caption
  /// says how many were left out. Thousands of arcs over one region read as a smear, and
  /// routing them is most of the layout's time.
  public var tieLimit = 800
  /// Prefixes the ids this map adds to the SVG (its clip path), so several maps can share
  /// one document (``SeriesChart`` small multiples).
  public var idPrefix = "statecraft-geo"
  /// The outline a page already shows (the `data-outline` of its map's outline group): when
  /// this map's outline is the same, its paths are left out (an empty group with that
  /// `data-outline`) and the page keeps its own. The explorer redraws the same extent after
  /// every edit; the outline was 70 of the seed map's 108 KB.
  public var knownOutline: String?
  /// Whether a pinned drawing's key keeps one height whatever it holds
  /// (``PinnedMapDrawer/steadyKey``): the explorer's maps before and after an edit.
  public var steadyKey = false

  /// A geographic map with the given options.
  public init(options: MapOptions, extent: (lonMin: Double, latMin: Double, lonMax: Double, latMax: Double)? = nil) {
    self.options = options
    self.extent = extent
  }

  /// The map as SVG: DOT with pinned positions, laid out by `layout` (in-process Graphviz by
  /// default), then the country outlines drawn beneath the graph.
  ///
  /// - Complexity: O(actors + relations) plus the layout, plus O(outline points) once.
  public func svg(
    _ world: World,
    layout: (String, LayoutEngine) throws -> [UInt8] = { try GraphvizRenderer.render(dot: $0, engine: $1, format: .svg) }
  ) throws -> String {
    let (dot, tips, scale, positions, box) = try self.dot(world)
    let svg = String(decoding: try layout(dot, .neato), as: UTF8.self)
    // The tips go in before the outline (a long text with no element groups to scan).
    return outlined(tips.apply(to: svg), world, scale: scale, positions: positions, box: box)
  }

  /// The map as SVG drawn without Graphviz (``PinnedMapDrawer``: every actor is pinned at its
  /// place already), the country outlines beneath; `nil` when the drawer cannot draw it.
  ///
  /// - Complexity: O(actors + relations), plus O(outline points) once.
  public func pinnedSVG(_ world: World) throws -> String? {
    let p = try prepared(world)
    var drawer = PinnedMapDrawer(style: p.style)
    drawer.steadyKey = steadyKey
    drawer.arrowSize = p.arrowSize
    drawer.extent = p.corners
    guard let svg = try drawer.svg(p.world, options: p.options) else { return nil }
    // The drawer draws every point where it is (no shift).
    return outlined(svg, world, scale: p.scale, positions: [:], box: p.box)
  }

  /// `svg` with the country outlines slid beneath the graph, clipped to the extent, shifted
  /// as the drawing moved the actors pinned at `positions` (none: not moved).
  func outlined(_ svg: String, _ world: World, scale: Scale, positions: [Actor.ID: Point], box: Extent) -> String {
    // Graphviz moves the whole drawing so its box is centred; the outline follows the same
    // shift, read off an actor whose position we set.
    var shift = Point(x: 0, y: 0)
    for (i, actor) in world.actors.enumerated() {
      if let want = positions[actor.id], let got = Self.nodeCentre(svg, id: "a\(i)") {
        shift = Point(x: got.x - want.x, y: got.y + want.y)
        break
      }
    }
    // The outline is clipped to the extent (the title and legend sit above it).
    let height = (EqualEarth.project(lon: box.lonMin, lat: box.latMax).y - scale.y0) * scale.k
    let key = OutlineCache.Key(x0: scale.x0, y0: scale.y0, k: scale.k, x: shift.x, y: shift.y, width: width, height: height)
    let id = "\(idPrefix)-\(key.name)"
    guard id != knownOutline else { return Self.underlay(svg, id: id, paths: "") }
    let clip = "<clipPath id=\"\(idPrefix)-extent\"><rect x=\"\(String(format: "%.1f", shift.x))\" y=\"\(String(format: "%.1f", shift.y - height))\" width=\"\(String(format: "%.1f", width))\" height=\"\(String(format: "%.1f", height))\"/></clipPath>"
    return Self.underlay(svg, id: id, paths: clip + "<g clip-path=\"url(#\(idPrefix)-extent)\">\n" + outlinePaths(key) + "</g>\n")
  }

  /// The centre of the node drawn with SVG id `id` (the middle of its shape's coordinates).
  static func nodeCentre(_ svg: String, id: String) -> Point? {
    // The group may carry more attributes after its class (`data-tip`).
    guard let start = svg.byteRange(of: "<g id=\"\(id)\" class=\"node\""),
      let text = svg.byteRange(of: "<text", from: start.upperBound)
    else { return nil }
    // Read with plain scans: a regular expression, compiled on every call, was a quarter of
    // a millisecond of every explorer answer.
    let shape = svg[start.upperBound ..< text.lowerBound]
    func value(_ name: String, in tag: Substring) -> Substring? {
      guard let r = tag.range(of: " \(name)=\"") else { return nil }
      return tag[r.upperBound...].prefix { $0 != "\"" }
    }
    if let e = shape.range(of: "<ellipse") {
      let tag = shape[e.lowerBound...].prefix { $0 != ">" }
      if let x = value("cx", in: tag).flatMap({ Double($0) }), let y = value("cy", in: tag).flatMap({ Double($0) }) {
        return Point(x: x, y: y)
      }
    }
    let first = [value("points", in: shape), value("d", in: shape)].compactMap { $0 }.min { $0.startIndex < $1.startIndex }
    guard let coords = first else { return nil }
    let numbers = coords.split(whereSeparator: { !"-0123456789.".contains($0) }).compactMap { Double($0) }
    let xs = stride(from: 0, to: numbers.count - 1, by: 2).map { numbers[$0] }
    let ys = stride(from: 1, to: numbers.count, by: 2).map { numbers[$0] }
    guard let x0 = xs.min(), let x1 = xs.max(), let y0 = ys.min(), let y1 = ys.max() else { return nil }
    return Point(x: (x0 + x1) / 2, y: (y0 + y1) / 2)
  }

  /// How degrees become map points: the projected extent scaled to `width`.
  struct Scale {
    var x0: Double, y0: Double, k: Double
    func point(_ lon: Double, _ lat: Double) -> Point {
      let p = EqualEarth.project(lon: lon, lat: lat)
      return Point(x: (p.x - x0) * k, y: (p.y - y0) * k)
    }
  }

  /// The DOT text, the tooltips it left out (``MapOptions/tipsAside``), the scale it used,
  /// where it pinned each actor and the extent drawn.
  func dot(_ world: World) throws -> (String, MapTips, Scale, [Actor.ID: Point], Extent) {
    let p = try prepared(world)
    var (dot, tips) = try DOTWriter(style: p.style).writeWithTips(p.world, options: p.options)
    if p.arrowSize != 0.8, let edges = dot.range(of: "arrowsize=0.8") { dot.replaceSubrange(edges, with: "arrowsize=\(String(format: "%.2f", p.arrowSize))") }
    // Two invisible corners hold the drawing to the extent, margin included.
    let cornerNodes = p.corners.enumerated().map { i, c in
      "  \"__extent_\(i)\" [shape=point, style=invis, width=0.01, label=\"\", pos=\"\(c.x),\(c.y)!\", pin=true];\n"
    }.joined()
    if let end = dot.range(of: "}", options: .backwards) { dot.replaceSubrange(end, with: cornerNodes + "}") }
    return (dot, tips, p.scale, p.options.positions, p.box)
  }

  /// What a geographic map draws: the world with its ties thinned, options with every actor
  /// pinned at its projected point (compact circles, names beside), the thinner style and
  /// arrows of a crowded map, the scale, the extent and its two corners (points).
  struct Prepared {
    var world: World
    var options: MapOptions
    var style: MapStyle
    var arrowSize: Double
    var scale: Scale
    var box: Extent
    var corners: [Point]
  }

  /// The world and options the map draws (``Prepared``).
  func prepared(_ world: World) throws -> Prepared {
    // A delta map's removed actors are drawn as ghosts where they were.
    let ghosts = options.delta?.removedActors ?? []
    let points = try WorldOutline.shared.points(of: world.actors + ghosts)
    guard !points.isEmpty else { throw GeoError.nothingPlaced }
    let box = try bounds(points)
    let sw = EqualEarth.project(lon: box.lonMin, lat: box.latMin)
    // The projected extent's corners (parallels are straight; the widest row is at the
    // latitude nearest the equator).
    let latNear = box.latMin > 0 ? box.latMin : box.latMax < 0 ? box.latMax : 0
    let west = EqualEarth.project(lon: box.lonMin, lat: latNear).x, east = EqualEarth.project(lon: box.lonMax, lat: latNear).x
    let scale = Scale(x0: west, y0: sw.y, k: width / max(east - west, 1e-9))
    var positions: [Actor.ID: Point] = [:]
    for a in world.actors + ghosts { if let p = points[a.id] { positions[a.id] = scale.point(p.lon, p.lat) } }
    let placed = world.actors.count { points[$0.id] != nil }
    spreadColocated(&positions, world.actors + ghosts)
    let unplaced = try placeBesidePartners(&positions, world)
    let (drawn, thinned) = try thinnedTies(world)
    var options = self.options
    options.positions = positions
    options.elementIDs = true
    options.compactNodes = true
    options.compactScale = compactScale(world.actors.count)
    if world.actors.count > Self.namedLimit {
      let ranked = options.sizeBy.map { $0.scores.top(Self.namedLimit).map(\.actor) } ?? world.actors.prefix(Self.namedLimit).map(\.id)
      options.namedActors = Set(ranked)
    }
    options.edgeLabels = options.edgeLabels ?? false
    options.engine = .neato
    options.clusterBy = nil
    var notes = [options.note, "Equal Earth projection, Natural Earth outlines; \(placed) of \(world.actors.count) actors at their coordinates"].compactMap { $0 }
    if !unplaced.isEmpty {
      notes.append("without coordinates, beside their strongest partner: " + unplaced.prefix(8).map(\.rawValue).joined(separator: ", ") + (unplaced.count > 8 ? ", …" : ""))
    }
    if let thinned { notes.append(thinned) }
    options.note = notes.joined(separator: " · ")
    // Thinner ties on crowded maps, so places stay visible under them.
    var style = MapStyle.default
    let thin = max(0.3, options.compactScale)
    style.penWidth = style.penWidth.lowerBound * max(0.6, thin) ... style.penWidth.upperBound * thin
    // Arrowheads shrink with the ties (to two decimals, as the DOT states them).
    let arrowSize = thin < 1 ? (0.8 * max(0.5, thin) * 100).rounded() / 100 : 0.8
    let top = EqualEarth.project(lon: box.lonMin, lat: box.latMax).y
    let corners = [Point(x: 0, y: 0), Point(x: width, y: (top - sw.y) * scale.k)]
    return Prepared(world: drawn, options: options, style: style, arrowSize: arrowSize, scale: scale, box: box, corners: corners)
  }

  /// The extent to draw: the given one, or the placed actors' bounds with a margin.
  func bounds(_ points: [Actor.ID: (lon: Double, lat: Double)]) throws -> Extent {
    if let extent {
      guard points.values.contains(where: { (extent.lonMin ... extent.lonMax).contains($0.lon) && (extent.latMin ... extent.latMax).contains($0.lat) }) else {
        throw GeoError.emptyExtent
      }
      return extent
    }
    let lons = points.values.map(\.lon), lats = points.values.map(\.lat)
    let (lo, hi) = (lons.min()!, lons.max()!), (la, ha) = (lats.min()!, lats.max()!)
    // Room for actors spread around a shared point and for names beside the circles.
    let padLon = max(6, (hi - lo) * 0.12), padLat = max(8, (ha - la) * 0.25)
    return (max(-180, lo - padLon), max(-85, la - padLat), min(180, hi + padLon), min(85, ha + padLat))
  }

  /// Above this many actors only the largest (by the size measure, else the first in the
  /// file) are named beside their circles.
  static let namedLimit = 60

  /// The circles' size factor: 1 up to 100 actors, then shrinking with the square root of
  /// the count (so the circles' total area stays about the same), to no less than 0.2.
  func compactScale(_ actors: Int) -> Double { max(0.2, min(1, (100.0 / Double(max(actors, 1))).squareRoot())) }

  /// The world with only its ``tieLimit`` strongest relations through the lens (ties of equal
  /// weight kept in file order), and the caption's words for what was left out; the world
  /// itself when it has no more than that.
  ///
  /// - Complexity: O(*m* log *m*) when thinning, else O(*m*).
  func thinnedTies(_ world: World) throws -> (World, String?) {
    let admitted = world.relations.filter(options.lens.admits)
    guard admitted.count > tieLimit else { return (world, nil) }
    let strongest = admitted.indices.sorted { (admitted[$0].weight, $1) > (admitted[$1].weight, $0) }.prefix(tieLimit)
    var thin = world
    thin.relations = RelationStore(strongest.sorted().map { admitted[$0] })
    return (thin, "the \(tieLimit) strongest of \(admitted.count) relations drawn")
  }

  /// Actors at one point (within 4 pt, less on maps of many actors) spread on a small circle around it, in file order, so none hides another.
  func spreadColocated(_ positions: inout [Actor.ID: Point], _ actors: [Actor]) {
    // Closeness and the ring's radius follow the circles' size.
    let k = compactScale(actors.count)
    var groups: [[Actor.ID]] = []
    for a in actors {
      guard let p = positions[a.id] else { continue }
      if let g = groups.firstIndex(where: { positions[$0[0]].map { abs($0.x - p.x) < 4 * k && abs($0.y - p.y) < 4 * k } ?? false }) {
        groups[g].append(a.id)
      } else {
        groups.append([a.id])
      }
    }
    for group in groups where group.count > 1 {
      let centre = positions[group[0]]!
      let radius = (26.0 + 4 * Double(group.count)) * k
      for (k, id) in group.enumerated() {
        let angle = 2 * Double.pi * Double(k) / Double(group.count) + .pi / 2
        positions[id] = Point(x: centre.x + radius * cos(angle), y: centre.y + radius * sin(angle))
      }
    }
  }

  /// Actors without coordinates go beside their strongest placed partner (in file order,
  /// fanned out), or at the map's lower-left corner when they have none; returns them.
  func placeBesidePartners(_ positions: inout [Actor.ID: Point], _ world: World) throws -> [Actor.ID] {
    let missing = world.actors.map(\.id).filter { positions[$0] == nil }
    guard !missing.isEmpty else { return [] }
    let relations = try world.relations(through: options.lens)
    var fan: [Actor.ID: Int] = [:]
    for id in missing {
      var best: (Actor.ID, Double)?
      for r in relations where r.from == id || r.to == id {
        let other = r.from == id ? r.to : r.from
        guard positions[other] != nil, !missing.contains(other) else { continue }
        if best.map({ r.weight > $0.1 }) ?? true { best = (other, r.weight) }
      }
      if let (partner, _) = best, let p = positions[partner] {
        let k = fan[partner, default: 0]
        fan[partner] = k + 1
        let angle = -Double.pi / 4 - Double(k) * 0.6
        positions[id] = Point(x: p.x + 70 * cos(angle), y: p.y + 70 * sin(angle))
      } else {
        let k = fan[Actor.ID(""), default: 0]
        fan[Actor.ID("")] = k + 1
        positions[id] = Point(x: 40 + 60 * Double(k), y: 20)
      }
    }
    return missing
  }

  /// Country outlines as SVG path data in Graphviz's coordinates (y down: −y), for the
  /// countries whose box meets the drawn area (`width` × `height` from the shift). The last
  /// few are kept: the explorer redraws the same extent after every edit.
  func outlinePaths(_ key: OutlineCache.Key) -> String {
    if let cached = OutlineCache.shared.get(key) { return cached }
    let (scale, shift, height) = (Scale(x0: key.x0, y0: key.y0, k: key.k), Point(x: key.x, y: key.y), key.height)
    var out = ""
    for c in WorldOutline.shared.countries {
      var d = ""
      var (minX, maxX, minY, maxY) = (Double.infinity, -Double.infinity, Double.infinity, -Double.infinity)
      for ring in c.rings {
        for (i, p) in ring.enumerated() {
          let q = scale.point(p.lon, p.lat)
          let (x, y) = (q.x + shift.x, -q.y + shift.y)
          (minX, maxX, minY, maxY) = (min(minX, x), max(maxX, x), min(minY, y), max(maxY, y))
          d += i == 0 ? "M" : "L"
          Self.appendDecimal(x, to: &d)
          d += ","
          Self.appendDecimal(y, to: &d)
        }
        d += "Z"
      }
      // Outside the clip rectangle: nothing of it would show.
      guard maxX >= shift.x, minX <= shift.x + width, maxY >= shift.y - height, minY <= shift.y else { continue }
      out += "<path class=\"country\" fill=\"#EEF0EB\" stroke=\"#C9CCC4\" stroke-width=\"0.6\" d=\"\(d)\"><title>\(xmlEscaped(c.name))</title></path>\n"
    }
    OutlineCache.shared.put(key, out)
    return out
  }

  /// Appends `x` rounded to one decimal (see ``ReportText/appendFixed(_:places:to:)-(_,_,String)``).
  static func appendDecimal(_ x: Double, to out: inout String) { ReportText.appendFixed(x, places: 1, to: &out) }

  /// Inserts the outline paths beneath the graph, in a group named `id` (its
  /// `data-outline`): right after Graphviz's background polygon.
  static func underlay(_ svg: String, id: String, paths: String) -> String {
    guard let graph = svg.byteRange(of: "class=\"graph\""),
      let polygon = svg.byteRange(of: "<polygon", from: graph.upperBound),
      let end = svg.byteRange(of: "/>", from: polygon.upperBound)
    else { return svg }
    var out = ""
    out.reserveCapacity(svg.utf8.count + paths.utf8.count + 64)
    out += svg[..<end.upperBound]
    out += "\n<g class=\"outline\" data-outline=\"\(xmlEscaped(id))\">" + (paths.isEmpty ? "" : "\n" + paths) + "</g>"
    out += svg[end.upperBound...]
    return out
  }
}

/// The last few outlines drawn, by scale, shift and size (a handful of strings of a few
/// hundred KB at most).
final class OutlineCache: @unchecked Sendable {
  static let shared = OutlineCache()
  struct Key: Hashable {
    var x0, y0, k, x, y, width, height: Double
    /// A short name for this outline, the same in every process (FNV-1a of the numbers' bits).
    var name: String {
      var hash: UInt64 = 0xcbf2_9ce4_8422_2325
      for v in [x0, y0, k, x, y, width, height] {
        for byte in withUnsafeBytes(of: v.bitPattern.littleEndian, Array.init) {
          hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
      }
      return String(hash, radix: 16)
    }
  }
  private let lock = NSLock()
  private var entries: [(Key, String)] = []

  func get(_ key: Key) -> String? { lock.withLock { entries.first { $0.0 == key }?.1 } }

  func put(_ key: Key, _ value: String) {
    lock.withLock {
      entries.removeAll { $0.0 == key }
      entries.append((key, value))
      if entries.count > 4 { entries.removeFirst() }
    }
  }
}
