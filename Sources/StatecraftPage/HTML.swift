/// Escaping for the three places world text lands in a page: element text, attribute values
/// and the JSON block the script reads. Every string from a world goes through one of them.
enum HTML {
  /// Text content: `&`, `<` and `>` escaped, so `<script>` or `</svg>` in a name is shown, not parsed.
  static func text(_ s: String) -> String { escaped(s, quotes: false) }

  /// A double-quoted attribute value: text escaping plus `"` and `'`.
  static func attribute(_ s: String) -> String { escaped(s, quotes: true) }

  /// `s` with `&`, `<`, `>` (and with `quotes`, `"` and `'`) as entities, in one pass over its
  /// bytes; most text has none and is returned as it is (a big world's page escapes
  /// hundreds of thousands of strings per explorer answer).
  static func escaped(_ s: String, quotes: Bool) -> String {
    func entity(_ b: UInt8) -> String? {
      switch b {
      case UInt8(ascii: "&"): "&amp;"
      case UInt8(ascii: "<"): "&lt;"
      case UInt8(ascii: ">"): "&gt;"
      case UInt8(ascii: "\""): quotes ? "&quot;" : nil
      case UInt8(ascii: "'"): quotes ? "&#39;" : nil
      default: nil
      }
    }
    guard s.utf8.contains(where: { entity($0) != nil }) else { return s }
    var out: [UInt8] = []
    out.reserveCapacity(s.utf8.count + 16)
    for b in s.utf8 {
      if let e = entity(b) { out += e.utf8 } else { out.append(b) }
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// JSON placed inside `<script type="application/json">`: `<` written as `\u003c` so no
  /// string in it can close the element or open a comment; U+2028/2029 escaped likewise.
  static func scriptJSON(_ json: String) -> String {
    // One pass over the bytes, copying the runs between the bytes to escape: Foundation's
    // replacingOccurrences compares Unicode clusters and took a fifth of every explorer answer.
    var json = json
    return json.withUTF8 { bytes in
      var out: [UInt8] = []
      out.reserveCapacity(bytes.count + 64)
      var run = 0, i = 0
      while i < bytes.count {
        let b = bytes[i]
        // `<`, and U+2028 / U+2029 (E2 80 A8 / A9 in UTF-8).
        let separator = b == 0xE2 && i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9)
        guard b == UInt8(ascii: "<") || separator else {
          i += 1
          continue
        }
        out.append(contentsOf: bytes[run ..< i])
        out += (b == UInt8(ascii: "<") ? "\\u003c" : bytes[i + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8
        i += separator ? 3 : 1
        run = i
      }
      out.append(contentsOf: bytes[run ..< bytes.count])
      return String(decoding: out, as: UTF8.self)
    }
  }

  /// Graphviz SVG made ready to inline in HTML: the XML declaration, doctype and leading
  /// comments dropped (the HTML parser needs only the `<svg>` element).
  static func inlineSVG(_ svg: String) -> String {
    guard let start = svg.byteRange(of: "<svg") else { return "" }
    return String(svg[start.lowerBound...]).trimmingTrailingWhitespace
  }
}

extension String {
  var trimmingTrailingWhitespace: String {
    var s = Substring(self)
    while let last = s.last, last.isWhitespace { s.removeLast() }
    return String(s)
  }
}
