/// Escaping for the three places world text lands in a page: element text, attribute values
/// and the JSON block the script reads. Every string from a world goes through one of them.
enum HTML {
  /// Text content: `&`, `<` and `>` escaped, so `<script>` or `</svg>` in a name is shown, not parsed.
  static func text(_ s: String) -> String {
    var out = ""
    out.reserveCapacity(s.utf8.count)
    for c in s.unicodeScalars {
      switch c {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      default: out.unicodeScalars.append(c)
      }
    }
    return out
  }

  /// A double-quoted attribute value: text escaping plus `"` and `'`.
  static func attribute(_ s: String) -> String {
    text(s).replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "'", with: "&#39;")
  }

  /// JSON placed inside `<script type="application/json">`: `<` written as `\u003c` so no
  /// string in it can close the element or open a comment; U+2028/2029 escaped likewise.
  static func scriptJSON(_ json: String) -> String {
    // One pass over the bytes: Foundation's replacingOccurrences compares Unicode clusters
    // and took a fifth of every explorer answer.
    var out: [UInt8] = []
    out.reserveCapacity(json.utf8.count + 64)
    var bytes = json.utf8.makeIterator()
    var pending: [UInt8] = []
    while let b = bytes.next() {
      if b == UInt8(ascii: "<") {
        out += Array("\\u003c".utf8)
      } else if b == 0xE2 {
        pending = [b]
        if let b1 = bytes.next() { pending.append(b1) }
        if pending.count == 2, pending[1] == 0x80, let b2 = bytes.next() {
          pending.append(b2)
          if b2 == 0xA8 || b2 == 0xA9 {
            out += Array((b2 == 0xA8 ? "\\u2028" : "\\u2029").utf8)
            continue
          }
        }
        out += pending
      } else {
        out.append(b)
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// Graphviz SVG made ready to inline in HTML: the XML declaration, doctype and leading
  /// comments dropped (the HTML parser needs only the `<svg>` element).
  static func inlineSVG(_ svg: String) -> String {
    guard let start = svg.range(of: "<svg") else { return "" }
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
