// Quoting text for JSON and YAML writers: one escaping rule, so any text round-trips.

/// A JSON string literal (also a valid YAML double-quoted scalar): control characters, DEL,
/// the C1 controls (which YAML refuses raw) and the Unicode line and paragraph separators (which
/// YAML folds) as `\u` escapes, so any text round-trips.
public func jsonQuoted(_ s: String) -> String {
  var out: [UInt8] = []
  appendJSONQuoted(s, to: &out)
  return String(decoding: out, as: UTF8.self)
}

/// Appends `s` as a JSON string literal (the rule of ``jsonQuoted(_:)``) to `out`, in one pass
/// over its UTF-8 bytes: the explorer quotes megabytes of page text per answer.
///
/// - Complexity: O(bytes of `s`).
public func appendJSONQuoted(_ s: String, to out: inout [UInt8]) {
  // The table through a pointer: indexing the global array retained and released it on every
  // byte (half of quoting an explorer answer).
  plainJSONBytes.withUnsafeBufferPointer { appendJSONQuoted(s, plain: $0, to: &out) }
}

/// ``appendJSONQuoted(_:to:)`` with ``plainJSONBytes`` at hand. One loop with no nested
/// function: helpers that captured the loop's index boxed it, and every byte paid a retain.
private func appendJSONQuoted(_ s: String, plain: UnsafeBufferPointer<Bool>, to out: inout [UInt8]) {
  var s = s
  s.withUTF8 { bytes in
    // Room for the quoted text at least, but never less than doubling: `reserveCapacity`
    // allocates exactly what it is asked for, so reserving a little more on every call (one
    // per edit in an explorer answer's edit list) copied the whole answer each time.
    let (needed, count, hex): (Int, Int, StaticString) = (out.count + bytes.count + 2, bytes.count, "0123456789abcdef")
    if needed > out.capacity { out.reserveCapacity(Swift.max(needed, 2 * out.capacity)) }
    out.append(0x22)
    var (run, i) = (0, 0)  // the start of the bytes copied as they are; the byte looked at
    while i < count {
      let b = bytes[i]
      // Bytes that never need a look (printable ASCII but `"` and `\\`, and UTF-8 bytes
      // that cannot start an escaped character) are skipped by one table lookup.
      if plain[Int(b)] {
        i += 1
        continue
      }
      // The escape: a named one (`\\n`), or a `\\u` code for `skip` bytes.
      var named: UInt8?
      var code: UInt32 = 0
      var skip = 1
      switch b {
      case 0x22: named = 0x22
      case 0x5C: named = 0x5C
      case 0x0A: named = UInt8(ascii: "n")
      case 0x0D: named = UInt8(ascii: "r")
      case 0x09: named = UInt8(ascii: "t")
      case 0 ..< 0x20, 0x7F: code = UInt32(b)
      // The C1 controls (U+0080–U+009F: C2 80–9F), which YAML refuses raw.
      case 0xC2 where i + 1 < count && (0x80 ... 0x9F).contains(bytes[i + 1]):
        (code, skip) = (UInt32(bytes[i + 1]), 2)
      // U+2028 and U+2029 (E2 80 A8/A9), line breaks to YAML.
      case 0xE2 where i + 2 < count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
        (code, skip) = (bytes[i + 2] == 0xA8 ? 0x2028 : 0x2029, 3)
      // U+FEFF (EF BB BF), a byte-order mark.
      case 0xEF where i + 2 < count && bytes[i + 1] == 0xBB && bytes[i + 2] == 0xBF:
        (code, skip) = (0xFEFF, 3)
      default:
        i += 1
        continue
      }
      out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run ..< i]))
      out.append(0x5C)
      if let named {
        out.append(named)
      } else {
        out.append(UInt8(ascii: "u"))
        for shift in [12, 8, 4, 0] { out.append(hex.utf8Start[Int(code >> UInt32(shift)) & 15]) }
      }
      i += skip
      run = i
    }
    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run ..< i]))
    out.append(0x22)
  }
}

/// Which bytes ``appendJSONQuoted(_:to:)`` copies without a second look.
private let plainJSONBytes: [Bool] = (0 ... 255).map { b in
  b >= 0x20 && b != 0x22 && b != 0x5C && b != 0x7F && b != 0xC2 && b != 0xE2 && b != 0xEF
}
