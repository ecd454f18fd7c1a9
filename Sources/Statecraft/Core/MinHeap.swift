/// A binary min-heap of `(key, node)` pairs with FIFO order among equal keys, for
/// best-first searches. Stale entries are skipped by the caller (lazy deletion).
struct MinHeap {
  private var keys: [Double] = []
  private var nodes: [NodeIndex] = []
  private var seqs: [Int] = []
  private var counter = 0

  var isEmpty: Bool { keys.isEmpty }

  mutating func removeAll() {
    keys.removeAll(keepingCapacity: true)
    nodes.removeAll(keepingCapacity: true)
    seqs.removeAll(keepingCapacity: true)
    counter = 0
  }

  private func less(_ i: Int, _ j: Int) -> Bool {
    keys[i] != keys[j] ? keys[i] < keys[j] : seqs[i] < seqs[j]
  }

  private mutating func swapAt(_ i: Int, _ j: Int) {
    keys.swapAt(i, j)
    nodes.swapAt(i, j)
    seqs.swapAt(i, j)
  }

  mutating func push(_ key: Double, _ node: NodeIndex) {
    keys.append(key)
    nodes.append(node)
    seqs.append(counter)
    counter += 1
    var i = keys.count - 1
    while i > 0 {
      let parent = (i - 1) / 2
      guard less(i, parent) else { break }
      swapAt(i, parent)
      i = parent
    }
  }

  mutating func pop() -> (key: Double, node: NodeIndex)? {
    guard let key = keys.first, let node = nodes.first else { return nil }
    let last = keys.count - 1
    swapAt(0, last)
    keys.removeLast()
    nodes.removeLast()
    seqs.removeLast()
    var i = 0
    let count = keys.count
    while true {
      let l = 2 * i + 1
      let r = l + 1
      var m = i
      if l < count && less(l, m) { m = l }
      if r < count && less(r, m) { m = r }
      if m == i { break }
      swapAt(i, m)
      i = m
    }
    return (key, node)
  }
}

/// Whether two path lengths are equal up to floating-point rounding (relative 1e-10), so
/// that `1/2 + 1/2` and `1/1` count as the same length.
@inline(__always)
func isTie(_ a: Double, _ b: Double) -> Bool {
  abs(a - b) <= 1e-10 * Swift.max(abs(a), abs(b))
}
