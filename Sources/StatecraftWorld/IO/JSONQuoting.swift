// Quoting text for JSON and YAML writers: one escaping rule, so any text round-trips.

/// A JSON string literal (also a valid YAML double-quoted scalar): control characters, DEL,
/// the C1 controls (which YAML refuses raw) and the Unicode line and paragraph separators (which
/// YAML folds) as `\u` escapes, so any text round-trips.
public func jsonQuoted(_ s: String) -> String {
  // Printable ASCII without a quote or backslash, the common case, needs no escape.
  if s.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x5C }) { return "\"" + s + "\"" }
  var r = "\""
  for u in s.unicodeScalars {
    switch u {
    case "\"": r += "\\\""
    case "\\": r += "\\\\"
    case "\n": r += "\\n"
    case "\r": r += "\\r"
    case "\t": r += "\\t"
    default:
      // U+2028/2029 are line breaks to YAML and U+FEFF a byte-order mark: escape them too.
      if u.value < 0x20 || (0x7F ... 0x9F).contains(u.value) || u.value == 0x2028 || u.value == 0x2029 || u.value == 0xFEFF {
        let hex = String(u.value, radix: 16)
        r += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      } else {
        r.unicodeScalars.append(u)
      }
    }
  }
  return r + "\""
}
