import Statecraft

/// Hover text set aside from a map's DOT (``MapOptions/tipsAside``): each element's text by
/// its SVG id (`a<index>` for an actor, `t<from>_<to>_<sign>_<k>` for a tie), added to the
/// drawn SVG by ``apply(to:)``.
public struct MapTips: Sendable, Equatable {
  /// Text by element id.
  public private(set) var byID: [String: String] = [:]

  /// No tips.
  public init() {}

  /// Sets the hover text of the element with SVG id `id`.
  mutating func set(_ id: String, _ text: String) { byID[id] = text }

  /// `svg` with each tip as a `data-tip` attribute on the group Graphviz drew for its element
  /// (`<g id="a0" class="node" data-tip="…">`), which the page's script shows on hover;
  /// elements without a tip, and text that is not an element group, are left as they are.
  ///
  /// - Complexity: O(SVG bytes + tip bytes): one scan for `<g id="`.
  public func apply(to svg: String) -> String {
    guard !byID.isEmpty else { return svg }
    let opening = Array(#"<g id=""#.utf8)
    let bytes = Array(svg.utf8)
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count + byID.values.reduce(0) { $0 + $1.utf8.count + 16 })
    bytes.withUnsafeBufferPointer { b in
      var copied = 0, i = 0
      while let lt = b[i...].firstIndex(of: opening[0]) {
        i = lt + 1
        guard lt + opening.count < b.count, b[lt ..< lt + opening.count].elementsEqual(opening) else { continue }
        // The id runs to the next quote; the tag ends at the next `>` (Graphviz writes no
        // `>` inside an element group's attributes: its ids and classes are plain).
        let idStart = lt + opening.count
        guard let idEnd = b[idStart...].firstIndex(of: UInt8(ascii: "\"")),
          let tagEnd = b[idEnd...].firstIndex(of: UInt8(ascii: ">")),
          let tip = byID[String(decoding: b[idStart ..< idEnd], as: UTF8.self)]
        else { continue }
        out.append(contentsOf: b[copied ..< tagEnd])
        out.append(contentsOf: #" data-tip=""#.utf8)
        appendXMLEscaped(tip, to: &out)
        out.append(UInt8(ascii: "\""))
        copied = tagEnd
        i = tagEnd
      }
      out.append(contentsOf: b[copied...])
    }
    return String(decoding: out, as: UTF8.self)
  }
}
