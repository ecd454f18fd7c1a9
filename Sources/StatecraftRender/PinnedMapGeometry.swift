import Foundation
import Statecraft

/// A pinned node's outline for ``PinnedMapDrawer``: its kind of shape, centre (SVG
/// coordinates, y down) and size, grown as Graphviz grows a node to hold its label.
struct NodeShape {
  /// The outlines the drawer knows, by the Graphviz shapes the map style uses.
  enum Kind { case box, rounded, tab, component, cylinder, ellipse, octagon, hexagon }
  var kind: Kind
  var centre: Point
  var width: Double, height: Double
  /// The label's lines and size (an `xlabel`, written beside the shape, is the drawer's).
  var lines: [String]
  var fontSize: Double
  /// The corners of a polygonal outline (octagon, hexagon; a box's for the others), clockwise
  /// from the right: worked out once, the border search asks often.
  private(set) var corners: [Point] = []

  /// The shape of a node with these Graphviz attributes; `nil` without a pinned `pos`.
  init?(_ attributes: [(String, String)]) {
    let a = Attributes(attributes)
    // "x,y!" (pinned) or "x,y".
    guard let pos = a["pos"], let comma = pos.utf8.firstIndex(of: UInt8(ascii: ",")),
      let x = Double(pos[..<comma]), let y = Double(pos[pos.utf8.index(after: comma)...].prefix { $0 != "!" })
    else { return nil }
    centre = Point(x: x, y: -y)
    fontSize = Double(a["fontsize"] ?? "") ?? 11
    let label = unshown(a["label"] ?? "")
    lines = label.isEmpty ? [] : label.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { String(Substring($0)) }
    let style = a.style
    let rounded = style.contains("rounded")
    switch a["shape"] ?? "ellipse" {
    case "box", "rect", "rectangle": kind = rounded ? .rounded : .box
    case "tab": kind = .tab
    case "component": kind = .component
    case "cylinder": kind = .cylinder
    case "octagon": kind = .octagon
    case "hexagon": kind = .hexagon
    default: kind = .ellipse
    }
    let minimum = (Double(a["width"] ?? "") ?? 0.75) * 72
    if a["fixedsize"] == "true" {
      (width, height) = (minimum, a["shape"] == "circle" ? minimum : (Double(a["height"] ?? "") ?? 0.5) * 72)
      corners = outline()
      return
    }
    // The label's box with the node margin (0.12 × 0.06 inches each side), grown so the
    // outline holds it: an ellipse circumscribes it, polygons lose their corners.
    let size = fontSize
    let text = lines.map { PinnedMapDrawer.textWidth($0, size: size) }.max() ?? 0
    var w = text + 2 * 0.12 * 72, h = Double(max(lines.count, 1)) * fontSize * 1.2 + 2 * 0.06 * 72
    switch kind {
    case .ellipse: (w, h) = (w * 2.squareRoot(), h * 2.squareRoot())
    case .octagon: (w, h) = (w * 1.2, h * 1.2)
    case .hexagon: (w, h) = (w * 1.35, h * 1.1)
    case .cylinder: h += 12
    default: break
    }
    width = max(minimum, w)
    height = max(a["shape"] == "circle" ? width : 36, h)
    if a["shape"] == "circle" { (width, height) = (max(width, height), max(width, height)) }
    corners = outline()
  }

  /// The corners of the outline (see ``corners``).
  private func outline() -> [Point] {
    let (hw, hh) = (width / 2, height / 2)
    switch kind {
    case .octagon:
      let c = cos(Double.pi / 8)
      return (0 ..< 8).map { k in
        let t = Double.pi / 8 + Double(k) * Double.pi / 4
        return Point(x: centre.x + hw * cos(t) / c, y: centre.y + hh * sin(t) / c)
      }
    case .hexagon:
      return (0 ..< 6).map { k in
        let t = Double(k) * Double.pi / 3
        return Point(x: centre.x + hw * cos(t), y: centre.y + hh * sin(t) / sin(Double.pi / 3))
      }
    default:
      return [Point(x: centre.x - hw, y: centre.y - hh), Point(x: centre.x + hw, y: centre.y - hh), Point(x: centre.x + hw, y: centre.y + hh), Point(x: centre.x - hw, y: centre.y + hh)]
    }
  }

  /// Whether `p` lies inside the outline.
  func contains(_ p: Point) -> Bool {
    let (dx, dy) = (p.x - centre.x, p.y - centre.y)
    switch kind {
    case .ellipse:
      let (a, b) = (width / 2, height / 2)
      return (dx * dx) / (a * a) + (dy * dy) / (b * b) <= 1
    case .octagon, .hexagon:
      // A convex outline: inside when on the same side of every edge.
      let c = corners
      for i in c.indices {
        let (u, v) = (c[i], c[(i + 1) % c.count])
        if (v.x - u.x) * (p.y - u.y) - (v.y - u.y) * (p.x - u.x) < 0 { return false }
      }
      return true
    default:
      return abs(dx) <= width / 2 && abs(dy) <= height / 2
    }
  }
}

/// A tie's course: a quadratic Bézier curve (a straight line when its control point is the
/// middle), in SVG coordinates.
struct Curve {
  var start: Point, control: Point, end: Point

  /// From `a` to `b`, bent sideways by `offset` points at its middle.
  init(from a: Point, to b: Point, offset: Double) {
    (start, end) = (a, b)
    let mid = Point(x: (a.x + b.x) / 2, y: (a.y + b.y) / 2)
    control = mid
    let n = normal
    control = Point(x: mid.x + 2 * offset * n.x, y: mid.y + 2 * offset * n.y)
  }

  /// A loop on the right of a shape (a relation of an actor with itself).
  init(loopAt shape: NodeShape) {
    let x = shape.centre.x + shape.width / 2
    start = Point(x: x - 2, y: shape.centre.y - 8)
    end = Point(x: x - 2, y: shape.centre.y + 8)
    control = Point(x: x + 40, y: shape.centre.y)
  }

  /// The point at parameter `t` in 0 … 1.
  func point(_ t: Double) -> Point {
    let u = 1 - t
    return Point(x: u * u * start.x + 2 * u * t * control.x + t * t * end.x, y: u * u * start.y + 2 * u * t * control.y + t * t * end.y)
  }

  /// The unit normal of the chord (left of the direction of travel in SVG coordinates).
  var normal: Point {
    let (dx, dy) = (end.x - start.x, end.y - start.y)
    let length = max((dx * dx + dy * dy).squareRoot(), 1e-9)
    return Point(x: -dy / length, y: dx / length)
  }

  /// The part of the curve between the borders of `a` (where it starts) and `b` (where it
  /// ends), found by bisection; the whole curve when the two shapes overlap its middle.
  func clipped(_ a: NodeShape, _ b: NodeShape) -> Curve {
    func leave(_ shape: NodeShape, from inside: Double, to outside: Double) -> Double {
      guard !shape.contains(point(outside)) else { return inside }
      var (i, o) = (inside, outside)
      for _ in 0 ..< 16 {
        let m = (i + o) / 2
        if shape.contains(point(m)) { i = m } else { o = m }
      }
      return o
    }
    let (t0, t1) = (leave(a, from: 0, to: 0.5), leave(b, from: 1, to: 0.5))
    return piece(t0, t1)
  }

  /// The curve between parameters `t0` and `t1` (itself a quadratic Bézier curve).
  func piece(_ t0: Double, _ t1: Double) -> Curve {
    var c = self
    let p = point(t0)
    let d = Point(
      x: (1 - t0) * (control.x - start.x) + t0 * (end.x - control.x),
      y: (1 - t0) * (control.y - start.y) + t0 * (end.y - control.y))
    (c.start, c.end) = (p, point(t1))
    c.control = Point(x: p.x + (t1 - t0) * d.x, y: p.y + (t1 - t0) * d.y)
    return c
  }

  /// A filled arrowhead of `length` with its tip at the curve's end, and where the line
  /// should stop (its base) so a wide line does not poke through the tip.
  func arrowhead(length: Double, width: Double) -> (points: [Point], base: Point) {
    var (dx, dy) = (end.x - control.x, end.y - control.y)
    if dx * dx + dy * dy < 1e-12 { (dx, dy) = (end.x - start.x, end.y - start.y) }
    let norm = max((dx * dx + dy * dy).squareRoot(), 1e-9)
    let (ux, uy) = (dx / norm, dy / norm)
    let base = Point(x: end.x - ux * length, y: end.y - uy * length)
    let half = 0.35 * length + 0.25 * width
    return ([Point(x: base.x - uy * half, y: base.y + ux * half), end, Point(x: base.x + uy * half, y: base.y - ux * half)], base)
  }
}

/// SVG being written by ``PinnedMapDrawer``, as UTF-8 bytes: numbers with two decimals,
/// text escaped. Bytes, not a `String`: string interpolation and `String(Int)` per number
/// made the first version of the drawer as slow as Graphviz.
struct SVGText {
  var bytes: [UInt8] = []
  /// The `font-family` of text: the map's font, then any sans-serif (as Graphviz writes it).
  var font = "Helvetica"

  /// The SVG written so far.
  var text: String { String(decoding: bytes, as: UTF8.self) }

  mutating func raw(_ s: String) { bytes.append(contentsOf: s.utf8) }

  /// Appends `x` with `places` decimals (two unless given), as `ReportText.appendFixed` writes it.
  mutating func number(_ x: Double, _ places: Int = 2) { ReportText.appendFixed(x, places: places, to: &bytes) }

  /// Appends `s` escaped for XML content or an attribute value.
  mutating func escaped(_ s: String) { appendXMLEscaped(s, to: &bytes) }

  mutating func point(_ p: Point) {
    number(p.x)
    bytes.append(UInt8(ascii: ","))
    number(p.y)
  }

  mutating func paint(_ name: String, _ paint: Paint) {
    raw(" ")
    raw(name)
    raw("=\"")
    // Colours come from the world's files (a relation type's colour): escaped like any text.
    escaped(paint.color)
    raw("\"")
    if let o = paint.opacity {
      raw(" ")
      raw(name)
      raw("-opacity=\"")
      number(o, 3)
      raw("\"")
    }
  }

  /// Opens an element's group: `<g id="…" class="node|edge" data-tip="…">` (the hover text
  /// the page shows; ghosts of removed actors have no id, still a tip) and its `<title>`.
  mutating func openGroup(id: String?, kind: String, tip: String?, title: String) {
    raw("<g")
    if let id {
      raw(" id=\"")
      escaped(id)
      raw("\"")
    }
    raw(" class=\"")
    raw(kind)
    raw("\"")
    if let tip {
      raw(" data-tip=\"")
      escaped(tip)
      raw("\">\n<title>")
      escaped(title)
    } else {
      raw(">\n<title>")
      escaped(title)
    }
    raw("</title>\n")
  }

  /// A line of text at a baseline point, in the map's font.
  mutating func text(_ s: String, at p: Point, size: Double, anchor: String, paint color: Paint, bold: Bool = false, halo: Bool = false) {
    raw("<text text-anchor=\"")
    raw(anchor)
    raw("\" x=\"")
    number(p.x)
    raw("\" y=\"")
    number(p.y)
    raw("\" font-family=\"")
    escaped(font)
    raw(bold ? ",sans-Serif\" font-weight=\"bold\" font-size=\"" : ",sans-Serif\" font-size=\"")
    number(size)
    raw("\"")
    paint("fill", color)
    // A white halo keeps a label legible where it crosses ties.
    if halo { raw(" stroke=\"white\" stroke-width=\"3\" stroke-linejoin=\"round\" paint-order=\"stroke\"") }
    raw(">")
    escaped(s)
    raw("</text>\n")
  }

  mutating func polygon(_ points: [Point], fill: String, stroke: String) {
    raw("<polygon fill=\"")
    escaped(fill)
    raw("\" stroke=\"")
    escaped(stroke)
    raw("\" points=\"")
    for (i, p) in (points + points.prefix(1)).enumerated() {
      if i > 0 { raw(" ") }
      point(p)
    }
    raw("\"/>\n")
  }

  /// A filled polygon in one paint (an arrowhead).
  mutating func polygon(_ points: [Point], paint color: Paint) {
    raw("<polygon")
    paint("fill", color)
    paint("stroke", color)
    raw(" points=\"")
    for (i, p) in points.enumerated() {
      if i > 0 { raw(" ") }
      point(p)
    }
    raw("\"/>\n")
  }

  /// A tie's stroke; `gap`, the white middle of a double line (class `gap`, which the page's
  /// picked-tie style leaves as it is).
  mutating func path(_ c: Curve, stroke: Paint, width: Double, dash: String?, gap: Bool = false) {
    raw(gap ? "<path class=\"gap\" fill=\"none\"" : "<path fill=\"none\"")
    paint("stroke", stroke)
    raw(" stroke-width=\"")
    number(width)
    raw("\"")
    dashes(dash)
    raw(" d=\"M")
    point(c.start)
    raw("Q")
    point(c.control)
    raw(" ")
    point(c.end)
    raw("\"/>\n")
  }

  /// A node's outline, filled and stroked.
  mutating func shape(_ s: NodeShape, fill: Paint, stroke: Paint, width: Double, dash: String?) {
    let (x0, y0, x1, y1) = (s.centre.x - s.width / 2, s.centre.y - s.height / 2, s.centre.x + s.width / 2, s.centre.y + s.height / 2)
    if s.kind == .ellipse {
      raw("<ellipse")
      paint("fill", fill)
      paint("stroke", stroke)
      raw(" cx=\"")
      number(s.centre.x)
      raw("\" cy=\"")
      number(s.centre.y)
      raw("\" rx=\"")
      number(s.width / 2)
      raw("\" ry=\"")
      number(s.height / 2)
      raw("\"")
      finish(width, dash)
      return
    }
    raw("<path")
    paint("fill", fill)
    paint("stroke", stroke)
    raw(" d=\"")
    func to(_ op: String, _ x: Double, _ y: Double) {
      raw(op)
      point(Point(x: x, y: y))
    }
    switch s.kind {
    case .rounded:
      let r = min(8, s.height / 4)
      to("M", x0 + r, y0); to("L", x1 - r, y0); to("Q", x1, y0); to(" ", x1, y0 + r)
      to("L", x1, y1 - r); to("Q", x1, y1); to(" ", x1 - r, y1); to("L", x0 + r, y1)
      to("Q", x0, y1); to(" ", x0, y1 - r); to("L", x0, y0 + r); to("Q", x0, y0); to(" ", x0 + r, y0)
    case .cylinder:
      let ry = min(6, s.height / 6)
      func arc(_ sweep: String) {
        raw("A")
        number(s.width / 2)
        raw(",")
        number(ry)
        raw(" 0 0 " + sweep + " ")
      }
      to("M", x0, y0 + ry); arc("1"); point(Point(x: x1, y: y0 + ry)); to("L", x1, y1 - ry); arc("1"); point(Point(x: x0, y: y1 - ry)); raw("Z")
      to("M", x0, y0 + ry); arc("0"); point(Point(x: x1, y: y0 + ry))
    default:
      for (i, p) in s.corners.enumerated() { to(i == 0 ? "M" : "L", p.x, p.y) }
      raw("Z")
      if s.kind == .tab {
        let w = min(16, s.width / 4)
        to("M", x0 + 3, y0); to("L", x0 + 3, y0 + 4); to("L", x0 + 3 + w, y0 + 4); to("L", x0 + 3 + w, y0)
      } else if s.kind == .component {
        for y in [s.centre.y - s.height / 4, s.centre.y + s.height / 4] {
          to("M", x0 - 4, y - 2); to("L", x0 + 4, y - 2); to("L", x0 + 4, y + 2); to("L", x0 - 4, y + 2); raw("Z")
        }
      }
    }
    raw("\"")
    finish(width, dash)
  }

  private mutating func dashes(_ dash: String?) {
    guard let dash else { return }
    raw(" stroke-dasharray=\"")
    raw(dash)
    raw("\"")
  }

  private mutating func finish(_ width: Double, _ dash: String?) {
    if width != 1 {
      raw(" stroke-width=\"")
      number(width)
      raw("\"")
    }
    dashes(dash)
    raw("/>\n")
  }
}
