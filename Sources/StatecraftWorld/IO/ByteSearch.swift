#if canImport(Glibc)
  import Glibc
#endif

extension String {
  /// The first range of `needle` in this string at or after `start`, found by comparing UTF-8
  /// bytes (`memchr`, then the rest compared in place). Foundation's `range(of:)` bridges the whole string to UTF-16 before it
  /// searches; the explorer searches SVGs of hundreds of kilobytes on every answer. Bytes, not
  /// characters: a needle that begins or ends with a combining mark can match inside a
  /// character, so use it for markup, not for prose.
  ///
  /// - Complexity: O(bytes of the string after `start`).
  package func byteRange(of needle: String, from start: String.Index? = nil) -> Range<String.Index>? {
    var haystack = self
    var needle = needle
    let offset = start.map { utf8.distance(from: utf8.startIndex, to: $0) } ?? 0
    let found: Int? = haystack.withUTF8 { h -> Int? in
      needle.withUTF8 { n -> Int? in
        guard let first = n.first, offset <= h.count, let base = h.baseAddress else { return nil }
        var i = offset
        // memchr finds each candidate first byte; the rest is compared in place.
        while i + n.count <= h.count, let hit = memchr(base + i, Int32(first), h.count - i - n.count + 1) {
          let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
          if memcmp(base + at, n.baseAddress!, n.count) == 0 { return at }
          i = at + 1
        }
        return nil
      }
    }
    guard let found else { return nil }
    let lower = utf8.index(utf8.startIndex, offsetBy: found)
    return lower ..< utf8.index(lower, offsetBy: needle.utf8.count)
  }
}
