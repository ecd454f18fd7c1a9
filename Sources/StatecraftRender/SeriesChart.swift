import Foundation
import Statecraft

/// Line charts of a ``SeriesSet`` as SVG, written in pure Swift (no Graphviz): one panel per
/// series, small multiples sharing one y scale so panels compare at a glance.
///
///     let svg = SeriesChart.svg(timeline, series: timeline.biggestMovers(6), title: "Who moved")
public enum SeriesChart {
  /// The chart as a complete, well-formed SVG document.
  ///
  /// - Parameters:
  ///   - series: The series to draw, one panel each (default: all of them), in order.
  ///   - columns: Panels per row.
  public static func svg(_ set: SeriesSet, series chosen: [Series]? = nil, title: String, columns: Int = 3) -> String {
    let series = chosen ?? set.series
    let cols = max(1, min(columns, series.count))
    let rows = max(1, (series.count + cols - 1) / cols)
    let single = series.count == 1
    let panelW = single ? 640.0 : 300.0, panelH = single ? 300.0 : 180.0, left = 70.0, top = 70.0, gap = 24.0
    // The plot sits below the panel's two label lines, with a little air at the bottom.
    let plotTop = 40.0, plotBottom = 8.0
    let width = max(760, left + Double(cols) * (panelW + gap) + 10, left + 11 * Double(title.count) + 20)
    let height = top + Double(rows) * (panelH + gap + 20) + 30
    let finite = series.flatMap(\.values).filter(\.isFinite)
    var lo = finite.min() ?? 0, hi = finite.max() ?? 1
    if lo == hi { lo -= 0.5 * max(abs(lo), 1e-9); hi += 0.5 * max(abs(hi), 1e-9) }
    let xs = set.positions
    let xlo = xs.min() ?? 0, xhi = xs.max() ?? 1
    func x(_ v: Double, _ px: Double) -> Double { px + (xhi > xlo ? (v - xlo) / (xhi - xlo) : 0.5) * panelW }
    func y(_ v: Double, _ py: Double) -> Double {
      py + panelH - plotBottom - (v - lo) / (hi - lo) * (panelH - plotTop - plotBottom)
    }
    var out = """
      <?xml version="1.0" encoding="UTF-8"?>
      <svg xmlns="http://www.w3.org/2000/svg" width="\(f(width))" height="\(f(height))" viewBox="0 0 \(f(width)) \(f(height))" font-family="Helvetica, Arial, sans-serif">
      <rect width="100%" height="100%" fill="white"/>
      <text x="\(f(left))" y="28" font-size="18" font-weight="bold">\(xml(title))</text>
      <text x="\(f(left))" y="50" font-size="12" fill="#555555">\(xml(set.quantity)) by \(xml(set.axis)); every panel on the same scale, \(xml(ReportText.tableNumber(lo))) to \(xml(ReportText.tableNumber(hi)))</text>

      """
    for (k, s) in series.enumerated() {
      let px = left + Double(k % cols) * (panelW + gap)
      let py = top + Double(k / cols) * (panelH + gap + 20)
      let change = s.change
      let color = change > 0 ? "#2166AC" : change < 0 ? "#B35806" : "#555555"
      out += "<g>\n<title>\(xml(s.name)): \(xml(ReportText.signedNumber(change)))</title>\n"
      out += "<rect x=\"\(f(px))\" y=\"\(f(py))\" width=\"\(f(panelW))\" height=\"\(f(panelH))\" fill=\"#FAFAFA\" stroke=\"#DDDDDD\"/>\n"
      if lo < 0 && hi > 0 {
        out += "<line x1=\"\(f(px))\" x2=\"\(f(px + panelW))\" y1=\"\(f(y(0, py)))\" y2=\"\(f(y(0, py)))\" stroke=\"#BBBBBB\" stroke-dasharray=\"3,3\"/>\n"
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
      out += "<text x=\"\(f(px))\" y=\"\(f(py + panelH + 14))\" font-size=\"10\" fill=\"#555555\">\(xml(set.points.first ?? ""))</text>\n"
      out += "<text x=\"\(f(px + panelW))\" y=\"\(f(py + panelH + 14))\" font-size=\"10\" fill=\"#555555\" text-anchor=\"end\">\(xml(set.points.last ?? ""))</text>\n"
      if k % cols == 0 {
        out += "<text x=\"\(f(px - 4))\" y=\"\(f(y(hi, py) + 4))\" font-size=\"10\" fill=\"#555555\" text-anchor=\"end\">\(xml(ReportText.tableNumber(hi)))</text>\n"
        out += "<text x=\"\(f(px - 4))\" y=\"\(f(y(lo, py) + 4))\" font-size=\"10\" fill=\"#555555\" text-anchor=\"end\">\(xml(ReportText.tableNumber(lo)))</text>\n"
      }
      out += "</g>\n"
    }
    return out + "</svg>\n"
  }

  private static func f(_ x: Double) -> String { String(format: "%.1f", x) }

  private static func xml(_ s: String) -> String { xmlEscaped(s) }
}
