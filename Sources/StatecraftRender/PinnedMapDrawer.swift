import Foundation
import Statecraft

/// Draws a map whose every actor already has a position (``MapOptions/positions``) straight
/// to SVG, without Graphviz: what the live explorer does after every edit, where the layout
/// is pinned and only sizes, fills, widths and words change.
///
/// It draws what ``DOTWriter`` decides (``MapScene``: the same shapes, colours, dashes, labels,
/// ids, hover text and title block), in Graphviz's coordinates and SVG structure (`<g id="a0"
/// class="node">`, `<g id="t0_1_p_0" class="edge">`, a white background polygon first), so a
/// page script, ``MapTips`` and ``GeoMap`` treat both drawings alike. Ties are straight
/// between the two shapes' borders; the ties between one pair fan out as curves. Labels are
/// sized with Helvetica's widths (``TextWidths``), which browsers show in its metric twin.
///
/// Graphviz stays the layout engine (it placed the actors) and draws every other map: an
/// explorer answer spent two thirds of its time writing DOT for Graphviz, parsing it there and
/// printing its SVG, and its 99th percentile waited for that on two cores.
public struct PinnedMapDrawer: Sendable {
  /// The colours, shapes and sizes of the map (the ``DOTWriter``'s).
  public var style: MapStyle
  /// Graphviz's `arrowsize`: a factor on the arrowheads' 10-point length.
  public var arrowSize = 0.8
  /// Points (Graphviz coordinates, y up) the drawing's box includes besides its elements:
  /// a geographic map's extent.
  public var extent: [Point] = []
  /// Whether the key takes the height of its fullest form (every row a key can have: the
  /// delta scale and marks, group colours), so maps drawn one after another (the explorer's,
  /// before and after an edit) keep the drawing where it was on the page: the first edit's
  /// delta key moved every actor 20 points down the screen.
  public var steadyKey = false

  /// A drawer in `style` (``MapStyle/default`` unless given).
  public init(style: MapStyle = .default) { self.style = style }

  /// The map as SVG, or `nil` when it cannot be drawn without a layout: an actor (or a
  /// removed actor's ghost) has no position, or the engine would box clusters.
  ///
  /// - Throws: ``LensError/unknownType(_:known:)`` when the lens names an undeclared type.
  /// - Complexity: O(actors + ties + text), a few hundred microseconds on the seed.
  public func svg(_ world: World, options: MapOptions) throws -> String? {
    guard !(options.engine.drawsClusters && options.clusterBy != nil) else { return nil }
    return draw(try DOTWriter(style: style).scene(world, options: options))
  }

  /// The scene as SVG, `nil` when a node has no pinned position.
  func draw(_ scene: MapScene) -> String? {
    var shapes: [String: NodeShape] = [:]
    for node in scene.nodes {
      guard let shape = NodeShape(node.attributes) else { return nil }
      shapes[node.name] = shape
    }
    var body = SVGText(font: style.fontName)
    var box = Box()
    for p in extent { box.add(Point(x: p.x, y: -p.y)) }
    let fans = fans(scene.edges)
    for (k, edge) in scene.edges.enumerated() {
      guard let a = shapes[edge.from], let b = shapes[edge.to] else { continue }
      drawEdge(edge, from: a, to: b, fan: fans[k], tips: scene.tips, into: &body, box: &box)
    }
    let names = nameplates(scene.nodes, shapes)
    for node in scene.nodes { drawNode(node, shapes[node.name]!, name: names[node.name], tips: scene.tips, into: &body, box: &box) }
    return document(scene, body: body, box: box)
  }

  /// A name written beside a small shape (Graphviz's `xlabel`): its baseline point and anchor.
  struct Nameplate {
    var text: String
    var at: Point
    var anchor: String
  }

  /// Where each `xlabel` goes: the largest shapes choose first, each taking the first of
  /// right, left, above, below that meets no shape and no name placed before it (right when
  /// all do), so names near one place do not print over each other.
  ///
  /// - Complexity: O(named² + named · nodes).
  func nameplates(_ nodes: [MapScene.Node], _ shapes: [String: NodeShape]) -> [String: Nameplate] {
    let named = nodes.compactMap { node -> (String, String, NodeShape)? in
      guard let text = Attributes(node.attributes)["xlabel"].map(unshown), !text.isEmpty, let shape = shapes[node.name] else { return nil }
      return (node.name, text, shape)
    }
    guard !named.isEmpty else { return [:] }
    var taken = shapes.values.map { Rect(centre: $0.centre, width: $0.width, height: $0.height) }
    var plates: [String: Nameplate] = [:]
    for (name, text, shape) in named.sorted(by: { $0.2.width > $1.2.width }) {
      let (w, f) = (Self.textWidth(text, size: shape.fontSize), shape.fontSize)
      let (c, r) = (shape.centre, shape.width / 2)
      let options = [
        (Nameplate(text: text, at: Point(x: c.x + r + 2, y: c.y + f * 0.35), anchor: "start"), Point(x: c.x + r + 2 + w / 2, y: c.y)),
        (Nameplate(text: text, at: Point(x: c.x - r - 2, y: c.y + f * 0.35), anchor: "end"), Point(x: c.x - r - 2 - w / 2, y: c.y)),
        (Nameplate(text: text, at: Point(x: c.x, y: c.y - r - 3), anchor: "middle"), Point(x: c.x, y: c.y - r - 3 - f * 0.35)),
        (Nameplate(text: text, at: Point(x: c.x, y: c.y + r + f), anchor: "middle"), Point(x: c.x, y: c.y + r + f * 0.65)),
      ]
      let free = options.first { _, middle in
        let box = Rect(centre: middle, width: w, height: f)
        return !taken.contains { $0.overlaps(box) && !($0.centre == c) }
      } ?? options[0]
      taken.append(Rect(centre: free.1, width: w, height: f))
      plates[name] = free.0
    }
    return plates
  }

  /// The SVG document: the drawing's box grown by the title block above it and the padding.
  func document(_ scene: MapScene, body: SVGText, box drawing: Box) -> String {
    let pad = 21.6
    var box = drawing.isEmpty ? Box(Point(x: 0, y: 0)) : drawing
    var title = SVGText(font: style.fontName)
    let size = drawTitleBlock(scene.key, at: Point(x: box.minX, y: box.minY - 8), into: &title)
    box.add(Point(x: box.minX + size.width, y: box.minY - 8 - size.height))
    let (w, h) = (box.maxX - box.minX + 2 * pad, box.maxY - box.minY + 2 * pad)
    var out = SVGText()
    out.raw("<svg width=\"")
    out.number(w, 0)
    out.raw("pt\" height=\"")
    out.number(h, 0)
    out.raw("pt\"\n viewBox=\"0.00 0.00 ")
    out.number(w)
    out.raw(" ")
    out.number(h)
    out.raw("\" xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">\n<g id=\"graph0\" class=\"graph\" transform=\"translate(")
    out.number(pad - box.minX)
    out.raw(" ")
    out.number(pad - box.minY)
    out.raw(")\">\n<title>")
    out.escaped(scene.graphName)
    out.raw("</title>\n")
    // The background first, as Graphviz draws it (GeoMap slides its outline in after it).
    let corners = [Point(x: box.minX - pad, y: box.maxY + pad), Point(x: box.minX - pad, y: box.minY - pad), Point(x: box.maxX + pad, y: box.minY - pad), Point(x: box.maxX + pad, y: box.maxY + pad)]
    out.polygon(corners, fill: "white", stroke: "transparent")
    out.bytes += title.bytes
    out.bytes += body.bytes
    out.raw("</g>\n</svg>\n")
    return out.text
  }

  // MARK: - Nodes

  /// A node's group: its shape, then its label lines centred in it (or its name beside it).
  func drawNode(_ node: MapScene.Node, _ shape: NodeShape, name: Nameplate?, tips: MapTips, into out: inout SVGText, box: inout Box) {
    let a = Attributes(node.attributes)
    out.openGroup(id: a["id"], kind: "node", tip: a["id"].flatMap { tips.byID[$0] } ?? a["tooltip"].map(unshown), title: unshown(node.name))
    let color = Paint(a["color"] ?? "black")
    let style = a.style
    let fill = style.contains("filled") ? Paint(a["fillcolor"] ?? "lightgrey") : Paint("none")
    let dash = style.contains("dashed") ? "5,2" : style.contains("dotted") ? "1,5" : nil
    out.shape(shape, fill: fill, stroke: color, width: Double(a["penwidth"] ?? "") ?? 1.2, dash: dash)
    box.add(Point(x: shape.centre.x - shape.width / 2, y: shape.centre.y - shape.height / 2))
    box.add(Point(x: shape.centre.x + shape.width / 2, y: shape.centre.y + shape.height / 2))
    let fontColor = Paint(a["fontcolor"] ?? "black")
    let lines = shape.lines
    let lineHeight = shape.fontSize * 1.2
    for (i, line) in lines.enumerated() where !line.isEmpty {
      let y = shape.centre.y - lineHeight * Double(lines.count) / 2 + lineHeight * (Double(i) + 0.5) + shape.fontSize * 0.35
      out.text(line, at: Point(x: shape.centre.x, y: y), size: shape.fontSize, anchor: "middle", paint: fontColor)
    }
    if let name {
      out.text(name.text, at: name.at, size: shape.fontSize, anchor: name.anchor, paint: fontColor, halo: true)
      let w = Self.textWidth(name.text, size: shape.fontSize)
      let left = name.anchor == "start" ? name.at.x : name.anchor == "end" ? name.at.x - w : name.at.x - w / 2
      box.add(Point(x: left, y: name.at.y - shape.fontSize))
      box.add(Point(x: left + w, y: name.at.y))
    }
    out.raw("</g>\n")
  }

  // MARK: - Edges

  /// Where an edge runs among the ties between its pair (either direction): its sideways
  /// offset at the middle (points; 0 for a pair's only tie) and where along it its label sits.
  struct Fan {
    var offset = 0.0
    var labelAt = 0.5
  }

  /// Each edge's place in its pair's fan: the ties between one pair spread evenly about the
  /// straight line, as far apart as the widest of them needs, their labels staggered along
  /// the fan so they do not print over each other.
  func fans(_ edges: [MapScene.Edge]) -> [Fan] {
    var pairs: [[String]: [Int]] = [:]
    for (k, e) in edges.enumerated() { pairs[[min(e.from, e.to), max(e.from, e.to)], default: []].append(k) }
    var fans = [Fan](repeating: Fan(), count: edges.count)
    for members in pairs.values where members.count > 1 {
      let widest = members.map { Double(Attributes(edges[$0].attributes)["penwidth"] ?? "") ?? 1 }.max() ?? 1
      let step = 4 + 1.5 * widest
      for (i, k) in members.enumerated() {
        let rank = Double(i) - Double(members.count - 1) / 2
        // The offset is measured against the pair's own order, so a tie and its reverse part.
        fans[k].offset = (edges[k].from <= edges[k].to ? 1 : -1) * rank * step
        fans[k].labelAt = 0.5 + rank * min(0.08, 0.5 / Double(members.count))
      }
    }
    return fans
  }

  /// An edge's group: the tie from border to border (curved by `offset`), its arrowhead
  /// unless mutual, and its label beside its middle.
  func drawEdge(_ edge: MapScene.Edge, from a: NodeShape, to b: NodeShape, fan: Fan, tips: MapTips, into out: inout SVGText, box: inout Box) {
    let attrs = Attributes(edge.attributes)
    let width = Double(attrs["penwidth"] ?? "") ?? 1
    var curve = Curve(from: a.centre, to: b.centre, offset: fan.offset)
    if edge.from == edge.to { curve = Curve(loopAt: a) } else { curve = curve.clipped(a, b) }
    let arrow = attrs["dir"] == "none" ? nil : curve.arrowhead(length: 10 * arrowSize + 0.6 * width, width: width)
    if let arrow { curve.end = arrow.base }
    out.openGroup(id: attrs["id"], kind: "edge", tip: attrs["id"].flatMap { tips.byID[$0] } ?? attrs["tooltip"].map(unshown), title: unshown(edge.from) + "->" + unshown(edge.to))
    let colors = (attrs["color"] ?? "black").split(separator: ":").map { Paint(String($0)) }
    let style = attrs.style
    let dash = style.contains("dotted") ? "1,5" : style.contains("dashed") ? "5,2" : nil
    if colors.count == 3 {
      // "c:white:c": Graphviz's double line, two strokes of the colour with a gap between.
      out.path(curve, stroke: colors[0], width: 3 * width, dash: dash)
      out.path(curve, stroke: colors[1], width: width, dash: dash, gap: true)
    } else {
      out.path(curve, stroke: colors.first ?? Paint("black"), width: width, dash: dash)
    }
    if let arrow { out.polygon(arrow.points, paint: colors.first ?? Paint("black")) }
    for p in [curve.start, curve.control, curve.end] + (arrow?.points ?? []) { box.add(p) }
    if let label = attrs["label"].map(unshown), !label.isEmpty {
      drawEdgeLabel(label, curve: curve, fan: fan, lineWidth: width, paint: Paint(attrs["fontcolor"] ?? "black"), size: Double(attrs["fontsize"] ?? "") ?? 9, into: &out, box: &box)
    }
    out.raw("</g>\n")
  }

  /// An edge's label lines, centred just beside the tie at its place in the fan (on the
  /// bulge's side).
  func drawEdgeLabel(_ label: String, curve: Curve, fan: Fan, lineWidth: Double, paint: Paint, size: Double, into out: inout SVGText, box: inout Box) {
    let lines = label.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let mid = curve.point(fan.labelAt)
    let n = curve.normal
    let side = fan.offset < 0 ? -1.0 : 1.0
    let away = lineWidth / 2 + 3 + size * 0.6 * Double(lines.count)
    let centre = Point(x: mid.x + n.x * side * away, y: mid.y + n.y * side * away)
    for (i, line) in lines.enumerated() {
      let y = centre.y + size * 1.2 * (Double(i) - Double(lines.count - 1) / 2) + size * 0.35
      out.text(line, at: Point(x: centre.x, y: y), size: size, anchor: "middle", paint: paint, halo: true)
      let half = Self.textWidth(line, size: size) / 2
      box.add(Point(x: centre.x - half, y: y - size))
      box.add(Point(x: centre.x + half, y: y))
    }
  }

  // MARK: - Title block

  /// The title block with its top-left corner's baseline region starting at `origin` (its
  /// bottom edge at `origin.y`); returns its size.
  func drawTitleBlock(_ key: MapKey, at origin: Point, into out: inout SVGText) -> (width: Double, height: Double) {
    var rows: [(height: Double, draw: (inout SVGText, Double) -> Double)] = []
    rows.append((key.headingSize * 1.3, { out, y in
      out.text(key.heading, at: Point(x: origin.x, y: y), size: key.headingSize, anchor: "start", paint: Paint("black"), bold: true)
      return Self.textWidth(key.heading, size: key.headingSize, bold: true)
    }))
    for line in key.lines {
      rows.append((line.size * 1.6, { out, y in
        out.text(line.text, at: Point(x: origin.x, y: y), size: line.size, anchor: "start", paint: Paint("#555555"))
        return Self.textWidth(line.text, size: line.size)
      }))
    }
    if let legend = key.legend { rows += legendRows(legend, x: origin.x) }
    var height = rows.reduce(0) { $0 + $1.height }
    if steadyKey, key.legend != nil {
      // Heading, lines and the six legend rows ``legendRows(_:x:)`` can make, blank below.
      let full = key.headingSize * 1.3 + key.lines.reduce(0) { $0 + $1.size * 1.6 } + Self.fullLegendHeight
      height = max(height, full)
    }
    var y = origin.y - height
    var width = 0.0
    for row in rows {
      y += row.height
      width = max(width, row.draw(&out, y - row.height * 0.3))
    }
    return (width, height)
  }

  /// The height of a key with every row ``legendRows(_:x:)`` can make (samples, delta
  /// scale, delta marks, shapes, group colours, notes at 10 points).
  static let fullLegendHeight = 10.0 * (2 + 2.4 + 2 + 2 + 2.4 + 2)

  /// The key's rows: line samples, the delta scale with its swatches, the marks, the shapes,
  /// the group colours and the notes, each drawing itself at a baseline and returning its width.
  func legendRows(_ legend: MapKey.Legend, x: Double) -> [(height: Double, draw: (inout SVGText, Double) -> Double)] {
    let size = 10.0
    var rows: [(height: Double, draw: (inout SVGText, Double) -> Double)] = []
    func line(_ text: String, color: String = "black") {
      rows.append((size * 2, { out, y in
        out.text(text, at: Point(x: x, y: y), size: size, anchor: "start", paint: Paint(color))
        return Self.textWidth(text, size: size)
      }))
    }
    rows.append((size * 2, { out, y in
      var at = x
      for sample in legend.samples {
        out.text(sample.glyph, at: Point(x: at, y: y), size: size, anchor: "start", paint: Paint(sample.color))
        at += Self.textWidth(sample.glyph, size: size) + 4
        out.text(sample.text, at: Point(x: at, y: y), size: size, anchor: "start", paint: Paint("black"))
        at += Self.textWidth(sample.text, size: size) + 16
      }
      return at - x
    }))
    if let delta = legend.delta {
      rows.append((size * 2.4, { out, y in
        out.text(delta.text, at: Point(x: x, y: y), size: size, anchor: "start", paint: Paint("black"))
        let start = x + Self.textWidth(delta.text, size: size) + 12
        return self.swatches(delta.swatches.map { ($0.fill, $0.text) }, from: start, baseline: y, size: size, uniform: true, into: &out) - x
      }))
    }
    if let note = legend.deltaNote { line(note) }
    line(legend.kinds)
    if let groups = legend.groups {
      rows.append((size * 2.4, { out, y in
        out.text(groups.title + ":", at: Point(x: x, y: y), size: size, anchor: "start", paint: Paint("black"))
        let start = x + Self.textWidth(groups.title + ":", size: size) + 8
        return self.swatches(groups.entries.map { ($0.fill, $0.label) }, from: start, baseline: y, size: size, uniform: false, into: &out) - x
      }))
    }
    line(legend.notes, color: "#555555")
    return rows
  }

  /// Boxes filled with a colour, bordered, each with its words centred (`uniform`: all as wide
  /// as the widest, a scale; else each fits its words, a list); the right edge's x.
  func swatches(_ cells: [(fill: String, text: String)], from x: Double, baseline y: Double, size: Double, uniform: Bool, into out: inout SVGText) -> Double {
    let cellWidth = (cells.map { Self.textWidth($0.text, size: size) }.max() ?? 0) + 16
    var at = x
    for cell in cells {
      let w = uniform ? cellWidth : Self.textWidth(cell.text, size: size) + 12
      let r = [Point(x: at, y: y + size * 0.5), Point(x: at, y: y - size * 1.3), Point(x: at + w, y: y - size * 1.3), Point(x: at + w, y: y + size * 0.5)]
      out.polygon(r, fill: cell.fill, stroke: "black")
      out.text(cell.text, at: Point(x: at + w / 2, y: y), size: size, anchor: "middle", paint: Paint("black"))
      at += w + (uniform ? 0 : 2)
    }
    return at
  }

  // MARK: - Text

  /// The width of `text` in points at `size` in Helvetica (Liberation Sans's widths; other
  /// characters as wide as a digit, East Asian ones a full em).
  static func textWidth(_ text: String, size: Double, bold: Bool = false) -> Double {
    let (latin, table) = bold ? (latinBold, TextWidths.bold) : (latinRegular, TextWidths.regular)
    var units = 0
    for u in text.unicodeScalars {
      // Latin script from a flat table; the rest by dictionary.
      if u.value < 0x180, case let w = latin[Int(u.value)], w > 0 {
        units += Int(w)
      } else if let w = table[u.value] {
        units += Int(w)
      } else {
        units += u.value >= 0x2E80 ? 1000 : 556
      }
    }
    return Double(units) * size / 1000
  }

  /// ``TextWidths`` below U+0180 as flat arrays (0: not in the font).
  static let latinRegular = latin(TextWidths.regular)
  static let latinBold = latin(TextWidths.bold)
  static func latin(_ table: [UInt32: UInt16]) -> [UInt16] { (0 ..< 0x180).map { table[UInt32($0)] ?? 0 } }
}

/// Display text as ``DOTWriter`` wrote it for Graphviz (`&` as `&amp;`, a word joiner after
/// each backslash), back to the words.
func unshown(_ s: String) -> String {
  guard s.utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "\\") }) else { return s }
  return s.replacingOccurrences(of: "\\\u{2060}", with: "\\").replacingOccurrences(of: "&amp;", with: "&")
}

/// Graphviz attributes by name (the last value of a name wins, as in DOT): a scan of the
/// dozen pairs a node or edge has, cheaper than hashing them into a dictionary.
struct Attributes {
  private let list: [(String, String)]
  init(_ list: [(String, String)]) { self.list = list }
  subscript(_ name: String) -> String? { list.last { $0.0 == name }?.1 }
  /// The `style` attribute's comma-separated parts.
  var style: [Substring] { (self["style"] ?? "").split(separator: ",") }
}

/// A colour as SVG writes it: `#rrggbb` (lower case, as Graphviz writes it) and an opacity when
/// the colour carried an alpha byte (`#rrggbbaa`).
struct Paint {
  var color: String
  var opacity: Double?
  init(_ graphviz: String) {
    let hex = graphviz.utf8.contains { (0x41 ... 0x5A).contains($0) } ? graphviz.lowercased() : graphviz
    if hex.hasPrefix("#"), hex.utf8.count == 9, let alpha = Int(hex.suffix(2), radix: 16) {
      (color, opacity) = (String(hex.prefix(7)), Double(alpha) / 255)
    } else if hex.hasPrefix("#"), hex.utf8.count == 11, let a = Int(hex.dropFirst(7).prefix(2), radix: 16),
      let b = Int(hex.suffix(2), radix: 16)
    {
      // A colour with its own alpha, dimmed by another (a highlight's "40" after "#rrggbbaa").
      (color, opacity) = (String(hex.prefix(7)), Double(a) / 255 * Double(b) / 255)
    } else {
      (color, opacity) = (hex, nil)
    }
  }
}

/// A rectangle by its centre and size (SVG coordinates).
struct Rect {
  var centre: Point
  var width: Double, height: Double
  /// Whether the two rectangles share any area.
  func overlaps(_ o: Rect) -> Bool {
    abs(centre.x - o.centre.x) * 2 < width + o.width && abs(centre.y - o.centre.y) * 2 < height + o.height
  }
}

/// A rectangle grown to hold points (SVG coordinates, y down).
struct Box {
  var minX = Double.infinity, minY = Double.infinity, maxX = -Double.infinity, maxY = -Double.infinity
  init() {}
  init(_ p: Point) { add(p) }
  var isEmpty: Bool { minX > maxX }
  mutating func add(_ p: Point) {
    guard p.x.isFinite, p.y.isFinite else { return }
    (minX, maxX, minY, maxY) = (min(minX, p.x), max(maxX, p.x), min(minY, p.y), max(maxY, p.y))
  }
}
