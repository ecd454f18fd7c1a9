/// A binary min-heap of `(key, node)` pairs for best-first searches. Stale entries are
/// skipped by the caller (lazy deletion). Sifting moves a hole instead of swapping, and the
/// entries live in one array of structs, to keep Dijkstra's inner loop tight.
struct MinHeap {
  private struct Entry {
    var key: Double
    var node: NodeIndex
  }

  private var entries: [Entry] = []

  var isEmpty: Bool { entries.isEmpty }

  mutating func removeAll() { entries.removeAll(keepingCapacity: true) }

  mutating func push(_ key: Double, _ node: NodeIndex) {
    entries.append(Entry(key: key, node: node))
    entries.withUnsafeMutableBufferPointer { e in
      var i = e.count - 1
      let item = e[i]
      while i > 0 {
        let parent = (i - 1) >> 1
        guard item.key < e[parent].key else { break }
        e[i] = e[parent]
        i = parent
      }
      e[i] = item
    }
  }

  mutating func pop() -> (key: Double, node: NodeIndex)? {
    guard let top = entries.first else { return nil }
    let last = entries.removeLast()
    if entries.isEmpty { return (top.key, top.node) }
    entries.withUnsafeMutableBufferPointer { e in
      let count = e.count
      var i = 0
      while true {
        let l = 2 * i + 1
        if l >= count { break }
        let r = l + 1
        let m = r < count && e[r].key < e[l].key ? r : l
        guard e[m].key < last.key else { break }
        e[i] = e[m]
        i = m
      }
      e[i] = last
    }
    return (top.key, top.node)
  }
}

/// Whether two finite path lengths are equal up to floating-point rounding (relative
/// 1e-10), so that `1/2 + 1/2` and `1/1` count as the same length. An infinite length ties
/// nothing.
@inline(__always)
func isTie(_ a: Double, _ b: Double) -> Bool {
  a.isFinite && abs(a - b) <= 1e-10 * Swift.max(abs(a), abs(b))
}
