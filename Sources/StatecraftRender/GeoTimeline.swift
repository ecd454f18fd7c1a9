import Foundation
import Statecraft

/// A timeline on geography: one geographic map (``GeoMap``) per date, as small multiples in
/// one SVG document, under a line stating the lens the panels share. Each panel draws the relations valid on its date, sizes actors by the
/// measure on that date and fills them by its change since the first date, on one colour
/// scale shared by every panel (blue gained, orange lost), so panels compare at a glance.
///
///     let svg = try GeoTimeline(measure: .pagerank, lens: lens)
///       .svg(world, dates: ["2024-01", "2025-01", "2025-07"].compactMap(PartialDate.init), title: "Who gained")
public struct GeoTimeline: Sendable {
  /// The measure that sizes and fills the actors.
  public var measure: Measure
  /// The lens every panel sees through (its date replaced by the panel's).
  public var lens: Lens
  /// Measure settings (damping, tolerances, …).
  public var settings = Measure.Settings()
  /// Panels per row.
  public var columns = 2
  /// Each panel's width in points.
  public var panelWidth = 560.0

  /// A timeline of `measure` through `lens`.
  public init(measure: Measure, lens: Lens = Lens(), settings: Measure.Settings = .init()) {
    self.measure = measure
    self.lens = lens
    self.settings = settings
  }

  /// At most `most` dates of `all`, evenly spaced, the first and last included.
  ///
  /// - Complexity: O(`most`).
  public static func panels(_ all: [PartialDate], most: Int = 6) -> [PartialDate] {
    guard all.count > most, most > 1 else { return Array(all.prefix(max(most, 1))) }
    var picked: [Int] = []
    for j in 0 ..< most {
      let i = Int((Double(j) * Double(all.count - 1) / Double(most - 1)).rounded())
      if picked.last != i { picked.append(i) }
    }
    return picked.map { all[$0] }
  }

  /// The small multiples as one SVG document.
  ///
  /// - Parameters:
  ///   - dates: One panel per date, in order (see ``panels(_:most:)``).
  ///   - title: The document's heading.
  ///   - layout: Lays out DOT text to SVG (in-process Graphviz by default).
  /// - Throws: ``GeoError`` when no actor has coordinates; measure errors.
  /// - Complexity: one measure and one pinned layout per date.
  public func svg(
    _ world: World, dates: [PartialDate], title: String,
    layout: (String, LayoutEngine) throws -> [UInt8] = { try GraphvizRenderer.render(dot: $0, engine: $1, format: .svg) }
  ) throws -> String {
    guard let first = dates.first else { return Self.document([], title: title, columns: columns, key: "", lens: "no dates") }
    func lens(_ date: PartialDate) -> Lens {
      var l = self.lens
      l.date = date
      return l
    }
    let start = try world.scores(measure, lens: lens(first), settings: settings)
    let scores = try dates.map { try world.scores(measure, lens: lens($0), settings: settings) }
    let changes = scores.map { s in world.scores(s.values.indices.map { s.values[$0] - start.values[$0] }) }
    let scale = changes.flatMap { $0.values.map(abs) }.max() ?? 0
    var panels: [(svg: String, width: Double, height: Double)] = []
    for (k, date) in dates.enumerated() {
      var options = MapOptions(lens: lens(date), sizeBy: (measure.rawValue, scores[k]), engine: .neato)
      options.sources = .none
      options.edgeLabels = false
      options.panelTitle = k == 0 ? "\(date) (the start)" : "\(date)"
      var delta = DeltaMap(
        scenario: "\(date)", measure: measure.rawValue, deltas: changes[k], added: [], removed: [], removedActors: [],
        unbalancedTriangles: [])
      delta.scale = scale
      options.delta = delta
      var map = GeoMap(options: options)
      map.width = panelWidth
      map.idPrefix = "statecraft-geo-\(k)"
      panels.append(Self.nested(try map.svg(world, layout: layout), prefix: "p\(k)-"))
    }
    // The lens each panel used: its own date, the rest the same for every panel.
    let lensLine = LensStatement(self.lens).text(eachDated: "panel")
    return Self.document(panels, title: title, columns: columns, key: key(scale), lens: lensLine)
  }

  /// The key shared by every panel: what size and fill mean, with the fill's swatches.
  func key(_ scale: Double) -> String {
    guard scale > 0 else {
      return "<text x=\"0\" y=\"0\" font-size=\"12\" fill=\"#333333\">node size: \(xmlEscaped(measure.rawValue)) on the date · no actor's \(xmlEscaped(measure.rawValue)) changed across the panels</text>"
    }
    let swatches = [-1.0, -0.5, 0, 0.5, 1].enumerated().map { i, f in
      let text = f == 0 ? "0" : (f > 0 ? "+" : "−") + ReportText.tableNumber(abs(f) * scale)
      return "<rect x=\"\(430 + 74 * i)\" y=\"-13\" width=\"72\" height=\"18\" fill=\"\(DeltaMap.fill(f * scale, scale: scale))\" stroke=\"#555555\" stroke-width=\"0.5\"/>"
        + "<text x=\"\(466 + 74 * i)\" y=\"0\" font-size=\"11\" text-anchor=\"middle\">\(xmlEscaped(text))</text>"
    }.joined()
    return "<text x=\"0\" y=\"0\" font-size=\"12\" fill=\"#333333\">node size: \(xmlEscaped(measure.rawValue)) on the date · fill: change since the first panel</text>" + swatches
  }

  /// A Graphviz SVG document as an element to nest: prolog and comments dropped, the root's
  /// size given in the outer document's units (points).
  static func nested(_ svg: String, prefix: String = "") -> (svg: String, width: Double, height: Double) {
    guard let root = svg.range(of: "<svg "), let close = svg.range(of: ">", range: root.upperBound ..< svg.endIndex) else { return (svg, 0, 0) }
    let head = String(svg[root.lowerBound ..< close.upperBound])
    guard let size = head.firstMatch(of: /\swidth="([0-9.]+)pt"\s+height="([0-9.]+)pt"/),
      let w = Double(size.1), let h = Double(size.2)
    else { return (svg, 0, 0) }
    var body = String(svg[close.upperBound...])
    body = body.replacing(/<!--.*?-->/.dotMatchesNewlines(), with: "")
    // Every panel's ids (Graphviz's graph0, a0, t0_1_p_0, the clip path) made unique in the
    // document, and the references to them with them.
    if !prefix.isEmpty {
      body = body.replacingOccurrences(of: " id=\"", with: " id=\"\(prefix)").replacingOccurrences(of: "url(#", with: "url(#\(prefix)")
    }
    let newHead = head.replacingCharacters(in: size.range, with: " width=\"\(Int(w))\" height=\"\(Int(h))\"")
    return (newHead + body, w, h)
  }

  /// The panels in a grid under a heading and the key.
  static func document(_ panels: [(svg: String, width: Double, height: Double)], title: String, columns: Int, key: String, lens: String) -> String {
    let cols = max(1, min(columns, panels.count))
    let cellW = panels.map(\.width).max() ?? 0, cellH = panels.map(\.height).max() ?? 0
    let top = 96.0, gap = 12.0
    // At least as wide as the key (its text and five swatches reach x = 24 + 430 + 5 × 74).
    let width = max(24 + 430 + 5 * 74 + 16, Double(cols) * (cellW + gap) + 24)
    let rows = (panels.count + cols - 1) / cols
    let height = top + Double(rows) * (cellH + gap) + 12
    var out = """
      <?xml version="1.0" encoding="UTF-8"?>
      <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="\(Int(width))" height="\(Int(height))" viewBox="0 0 \(Int(width)) \(Int(height))" font-family="Helvetica, Arial, sans-serif">
      <rect width="100%" height="100%" fill="white"/>
      <text x="24" y="32" font-size="18" font-weight="bold">\(xmlEscaped(title))</text>
      <g transform="translate(24 60)">\(key)</g>
      <text x="24" y="84" font-size="12" fill="#555555">\(xmlEscaped(lens))</text>

      """
    for (k, panel) in panels.enumerated() {
      let x = 12 + Double(k % cols) * (cellW + gap), y = top + Double(k / cols) * (cellH + gap)
      out += panel.svg.replacingOccurrences(of: "<svg ", with: "<svg x=\"\(Int(x))\" y=\"\(Int(y))\" ", options: [], range: panel.svg.range(of: "<svg ")) + "\n"
    }
    return out + "</svg>\n"
  }
}
