import Foundation

/// A string key compared by its Unicode scalars rather than by canonical equivalence.
///
/// Swift's `String` equality treats "é" and "e\u{301}" as equal; NetworkX, GraphML and CSV
/// tools treat them as two ids. Every table keyed by an id (actors, types, sources, relation
/// ids) uses this key so that what other tools keep apart stays apart.
package struct ScalarKey: Hashable, Sendable {
  package let text: String
  package init(_ text: String) { self.text = text }

  package static func == (a: ScalarKey, b: ScalarKey) -> Bool { equal(a.text, b.text) }
  package func hash(into hasher: inout Hasher) { Self.hash(text, into: &hasher) }

  /// Whether two strings have the same Unicode scalars.
  /// - Complexity: O(bytes): one `memcmp` when both are stored contiguously (always, for
  ///   native strings), which a byte-by-byte walk over the views was not (a tenth of reading
  ///   a big CSV went to it, through actor lookups).
  package static func equal(_ a: String, _ b: String) -> Bool {
    guard a.utf8.count == b.utf8.count else { return false }
    let same: Bool?? = a.utf8.withContiguousStorageIfAvailable { x in
      b.utf8.withContiguousStorageIfAvailable { y in
        x.isEmpty || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0
      }
    }
    return (same ?? nil) ?? a.utf8.elementsEqual(b.utf8)
  }

  /// Hashes a string's UTF-8 bytes.
  static func hash(_ s: String, into hasher: inout Hasher) {
    let done: Void? = s.utf8.withContiguousStorageIfAvailable {
      hasher.combine(bytes: UnsafeRawBufferPointer($0))
    }
    if done == nil { Array(s.utf8).withUnsafeBytes { hasher.combine(bytes: $0) } }
    hasher.combine(0xFF as UInt8)  // terminator: no valid UTF-8 byte
  }
}

/// A set of ids compared by Unicode scalars, for membership checks in readers and edits.
struct ScalarKeySet: Sendable {
  private var keys: Set<ScalarKey> = []
  init<S: Sequence>(_ ids: S) where S.Element == String { keys = Set(ids.map(ScalarKey.init)) }
  func contains(_ id: String) -> Bool { keys.contains(ScalarKey(id)) }
  @discardableResult mutating func insert(_ id: String) -> Bool { keys.insert(ScalarKey(id)).inserted }
}
