import Foundation
import Statecraft

/// Line charts of a ``SeriesSet`` as SVG, written in pure Swift (no Graphviz): one panel per
/// series, small multiples sharing one y scale so panels compare at a glance.
///
/// Every panel has light gridlines at round values (1, 2 or 5 × 10ᵏ) and ticks along both
/// axes (round numbers, or evenly spaced dates); the axes carry titles; a long title wraps
/// to the chart's width; a sweep marks the relation's current weight.
///
///     let svg = SeriesChart.svg(timeline, series: timeline.biggestMovers(6), title: "Who moved")
public enum SeriesChart {
  /// The chart as a complete, well-formed SVG document.
  ///
  /// - Parameters:
  ///   - series: The series to draw, one panel each (default: all of them), in order.
  ///   - columns: Panels per row.
  ///   - lens: The lens the values were computed through, in words (``LensStatement/text(eachDated:)``),
  ///     stated under the title; `nil` states none (a sweep's values carry their own).
  public static func svg(_ set: SeriesSet, series chosen: [Series]? = nil, title: String, columns: Int = 3, lens: String? = nil) -> String {
    let series = chosen ?? set.series
    let cols = max(1, min(columns, series.count))
    let rows = max(1, (series.count + cols - 1) / cols)
    let single = series.count == 1
    let left = 86.0, gap = 40.0
    let panelW = single ? 640.0 : 300.0
    let width = max(760, left + Double(cols) * (panelW + gap) + 10)
    // The title wraps at about 10.5 px a character (18 px bold Helvetica), so it never runs
    // past the edge.
    let titleLines = wrap(title, width: Int((width - left - 10) / 10.5))
    let top = 46.0 + 22 * Double(titleLines.count)
    let frame = ChartFrame(set, series: series, columns: cols, single: single, left: left, gap: gap, top: top)
    let height = top + Double(rows) * (frame.panelH + gap + 24) + 34
    var out = """
      <?xml version="1.0" encoding="UTF-8"?>
      <svg xmlns="http://www.w3.org/2000/svg" width="\(f(width))" height="\(f(height))" viewBox="0 0 \(f(width)) \(f(height))" font-family="Helvetica, Arial, sans-serif">
      <rect width="100%" height="100%" fill="white"/>

      """
    for (i, line) in titleLines.enumerated() {
      out += "<text x=\"\(f(left))\" y=\"\(f(28 + 22 * Double(i)))\" font-size=\"18\" font-weight=\"bold\">\(xml(line))</text>\n"
    }
    out += "<text x=\"\(f(left))\" y=\"\(f(top - 14))\" font-size=\"12\" fill=\"#555555\">\(xml(set.quantity)) by \(xml(set.axis)); every panel on the same scale\(lens.map { " · " + xml($0) } ?? "")</text>\n"
    for (k, s) in series.enumerated() { out += frame.panel(s, at: k) }
    return out + "</svg>\n"
  }

  /// Round tick values covering `lo ... hi`: steps of 1, 2 or 5 × 10ᵏ, about five of them.
  static func niceTicks(_ lo: Double, _ hi: Double, target: Int = 5) -> [Double] {
    guard hi > lo, lo.isFinite, hi.isFinite else { return [lo] }
    let raw = (hi - lo) / Double(target)
    let magnitude = pow(10, floor(log10(raw)))
    let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? 10 * magnitude
    let first = floor(lo / step) * step
    var ticks: [Double] = []
    var t = first
    while (ticks.last ?? -.infinity) < hi - step * 1e-9 && ticks.count < 20 {
      ticks.append(abs(t) < step * 1e-9 ? 0 : t)
      t = first + step * Double(ticks.count)
    }
    return ticks
  }

  /// A tick value with as many decimals as its step needs (`0.05`, `0.1`, `2`).
  static func tickLabel(_ v: Double, step: Double) -> String {
    let decimals = max(0, min(10, -Int(floor(log10(abs(step)) + 1e-9))))
    if abs(v) < 1e-4 && v != 0 || abs(v) >= 1e6 { return String(format: "%.2g", v) }
    return String(format: "%.\(decimals)f", v)
  }

  /// The x-axis ticks: round numbers when the points are numbers (a sweep's weights), else at
  /// most `most` evenly spaced points (a timeline's dates), first and last included; three at
  /// most when the labels are days and the panels small, and as evenly spaced as the count allows.
  static func xTicks(_ set: SeriesSet, most: Int) -> [(position: Double, label: String)] {
    let n = min(set.points.count, set.positions.count)
    guard n > 0 else { return [] }
    let numeric = (0 ..< n).allSatisfy { Double(set.points[$0]) == set.positions[$0] }
    if numeric, let lo = set.positions.min(), let hi = set.positions.max(), hi > lo {
      let ticks = niceTicks(lo, hi).filter { $0 >= lo - 1e-12 && $0 <= hi + 1e-12 }
      let step = ticks.count > 1 ? ticks[1] - ticks[0] : 1
      return ticks.map { ($0, tickLabel($0, step: step)) }
    }
    // Day dates (2025-03-03) are too wide for four labels on a small panel: three at most.
    let wide = set.points.contains { $0.count > 7 }
    var k = min(n, wide && most < 6 ? min(most, 3) : most)
    guard k > 1 else { return [(set.positions[0], set.points[0])] }
    // Evenly spaced labels when the points allow it (5 dates: the 1st, 3rd and 5th, not 1st, 2nd, 4th, 5th).
    if let even = (2 ... k).reversed().first(where: { (n - 1) % ($0 - 1) == 0 }), even >= 3 || k == 2 { k = even }
    var indices: [Int] = []
    for j in 0 ..< k {
      let i = Int((Double(j) * Double(n - 1) / Double(k - 1)).rounded())
      if indices.last != i { indices.append(i) }
    }
    return indices.map { (set.positions[$0], set.points[$0]) }
  }

  /// Words broken into lines of at most `width` characters (a longer word stands alone).
  static func wrap(_ text: String, width: Int) -> [String] {
    var lines: [String] = []
    var line = ""
    for word in text.split(separator: " ") {
      if !line.isEmpty && line.count + 1 + word.count > width {
        lines.append(line)
        line = ""
      }
      line += (line.isEmpty ? "" : " ") + word
    }
    if !line.isEmpty || lines.isEmpty { lines.append(line) }
    return lines
  }

  /// A coordinate to one decimal.
  static func f(_ x: Double) -> String { String(format: "%.1f", x) }

  /// Text escaped for SVG.
  static func xml(_ s: String) -> String { xmlEscaped(s) }
}

/// The geometry every panel of one chart shares: panel size and position, the common value
/// scale and its ticks, the x positions and their ticks.
private struct ChartFrame {
  let set: SeriesSet
  let cols: Int
  let panelW, panelH, left, gap, top: Double
  let plotTop = 40.0, plotBottom = 8.0
  let lo, hi, xlo, xhi: Double
  let yTicks: [Double]
  let xTicks: [(position: Double, label: String)]

  init(_ set: SeriesSet, series: [Series], columns cols: Int, single: Bool, left: Double, gap: Double, top: Double) {
    self.set = set
    self.cols = cols
    (panelW, panelH) = single ? (640.0, 300.0) : (300.0, 190.0)
    (self.left, self.gap, self.top) = (left, gap, top)
    let finite = series.flatMap(\.values).filter(\.isFinite)
    var lo = finite.min() ?? 0, hi = finite.max() ?? 1
    if lo == hi { lo -= 0.5 * max(abs(lo), 1e-9); hi += 0.5 * max(abs(hi), 1e-9) }
    yTicks = SeriesChart.niceTicks(lo, hi)
    self.lo = min(lo, yTicks.first ?? lo)
    self.hi = max(hi, yTicks.last ?? hi)
    xlo = set.positions.min() ?? 0
    xhi = set.positions.max() ?? 1
    xTicks = SeriesChart.xTicks(set, most: single ? 6 : 4)
  }

  func f(_ x: Double) -> String { SeriesChart.f(x) }
  func xml(_ s: String) -> String { SeriesChart.xml(s) }
  func tickLabel(_ v: Double, step: Double) -> String { SeriesChart.tickLabel(v, step: step) }

  func x(_ v: Double, _ px: Double) -> Double { px + (xhi > xlo ? (v - xlo) / (xhi - xlo) : 0.5) * panelW }
  func y(_ v: Double, _ py: Double) -> Double {
    py + panelH - plotBottom - (v - lo) / (hi - lo) * (panelH - plotTop - plotBottom)
  }

  /// Panel `k`: its frame, grid and ticks (value labels on the first column only), the marker,
  /// the series' line (broken where a value is missing), its name, movement and axis titles.
  func panel(_ s: Series, at k: Int) -> String {
    var out = ""
    let xs = set.positions
    let px = left + Double(k % cols) * (panelW + gap)
    let py = top + Double(k / cols) * (panelH + gap + 24)
    let change = s.change
    let color = change > 0 ? "#2166AC" : change < 0 ? "#B35806" : "#555555"
    out += "<g>\n<title>\(xml(s.name)): \(xml(ReportText.signedNumber(change)))</title>\n"
    out += "<rect x=\"\(f(px))\" y=\"\(f(py))\" width=\"\(f(panelW))\" height=\"\(f(panelH))\" fill=\"#FAFAFA\" stroke=\"#DDDDDD\"/>\n"
    for t in yTicks {
      let ty = y(t, py)
      out += "<line x1=\"\(f(px))\" x2=\"\(f(px + panelW))\" y1=\"\(f(ty))\" y2=\"\(f(ty))\" stroke=\"\(t == 0 ? "#AAAAAA" : "#E4E4E4")\" stroke-width=\"1\"/>\n"
      if k % cols == 0 {
        out += "<text x=\"\(f(px - 5))\" y=\"\(f(ty + 3.5))\" font-size=\"10\" fill=\"#555555\" text-anchor=\"end\">\(xml(tickLabel(t, step: yTicks.count > 1 ? yTicks[1] - yTicks[0] : 1)))</text>\n"
      }
    }
    for (j, tick) in xTicks.enumerated() {
      let tx = x(tick.position, px)
      // The outermost labels align inward so neighbouring panels' labels never touch.
      let anchor = j == 0 && tx - px < 20 ? "start" : j == xTicks.count - 1 && px + panelW - tx < 20 ? "end" : "middle"
      out += "<line x1=\"\(f(tx))\" x2=\"\(f(tx))\" y1=\"\(f(py + plotTop - 4))\" y2=\"\(f(py + panelH))\" stroke=\"#ECECEC\"/>\n"
      out += "<line x1=\"\(f(tx))\" x2=\"\(f(tx))\" y1=\"\(f(py + panelH))\" y2=\"\(f(py + panelH + 4))\" stroke=\"#888888\"/>\n"
      out += "<text x=\"\(f(tx))\" y=\"\(f(py + panelH + 15))\" font-size=\"10\" fill=\"#555555\" text-anchor=\"\(anchor)\">\(xml(tick.label))</text>\n"
    }
    if let marker = set.marker, marker.position >= xlo, marker.position <= xhi {
      let mx = x(marker.position, px)
      out += "<line x1=\"\(f(mx))\" x2=\"\(f(mx))\" y1=\"\(f(py + plotTop - 6))\" y2=\"\(f(py + panelH))\" stroke=\"#222222\" stroke-dasharray=\"4,3\"/>\n"
      out += "<text x=\"\(f(mx + 4))\" y=\"\(f(py + plotTop + 4))\" font-size=\"10\" fill=\"#222222\">\(xml(marker.label))</text>\n"
    }
    var segments: [[String]] = [[]]
    for (i, v) in s.values.enumerated() where i < xs.count {
      if v.isFinite { segments[segments.count - 1].append("\(f(x(xs[i], px))),\(f(y(v, py)))") } else { segments.append([]) }
    }
    for points in segments where !points.isEmpty {
      out += "<polyline fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\" points=\"\(points.joined(separator: " "))\"/>\n"
      if points.count == 1 {
        let c = points[0].split(separator: ",")
        out += "<circle cx=\"\(c[0])\" cy=\"\(c[1])\" r=\"3\" fill=\"\(color)\"/>\n"
      }
    }
    out += "<text x=\"\(f(px + 6))\" y=\"\(f(py + 16))\" font-size=\"13\" font-weight=\"bold\">\(xml(s.name))</text>\n"
    out += "<text x=\"\(f(px + 6))\" y=\"\(f(py + 31))\" font-size=\"11\" fill=\"\(color)\">\(xml("moved " + ReportText.tableNumber(s.spread) + " (max − min), net " + ReportText.signedNumber(change)))</text>\n"
    out += "<text x=\"\(f(px + panelW / 2))\" y=\"\(f(py + panelH + 29))\" font-size=\"11\" fill=\"#333333\" text-anchor=\"middle\">\(xml(set.axis))</text>\n"
    if k % cols == 0 {
      let cy = py + (plotTop + panelH) / 2
      out += "<text x=\"\(f(px - 62))\" y=\"\(f(cy))\" font-size=\"11\" fill=\"#333333\" text-anchor=\"middle\" transform=\"rotate(-90 \(f(px - 62)) \(f(cy)))\">\(xml(set.quantity))</text>\n"
    }
    out += "</g>\n"
    return out
  }
}
