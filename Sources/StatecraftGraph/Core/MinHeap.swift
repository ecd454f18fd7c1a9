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

/// A 4-ary min-heap over node indices with decrease-key (each node at most once), for
/// Dijkstra: fewer, shallower sifts than a lazy binary heap with duplicate entries.
/// Reused across sources: ``removeAll()`` resets only the nodes still inside.
struct IndexedMinHeap {
  private var heap: [Int32] = []
  private var position: [Int32]
  private(set) var key: [Double]

  init(nodeCount n: Int) {
    position = Array(repeating: -1, count: n)
    key = Array(repeating: .infinity, count: n)
    heap.reserveCapacity(n)
  }

  var isEmpty: Bool { heap.isEmpty }

  mutating func removeAll() {
    for v in heap { position[Int(v)] = -1 }
    heap.removeAll(keepingCapacity: true)
  }

  /// Inserts `node` with `newKey`, or lowers its key if it is already in the heap.
  @inline(__always) mutating func pushOrDecrease(_ node: NodeIndex, _ newKey: Double) {
    key[node] = newKey
    var i = Int(position[node])
    if i < 0 {
      i = heap.count
      heap.append(Int32(node))
    }
    siftUp(i, node)
  }

  /// Removes and returns the node with the smallest key.
  @inline(__always) mutating func popMin() -> NodeIndex? {
    guard let top = heap.first else { return nil }
    position[Int(top)] = -1
    let last = heap.removeLast()
    if !heap.isEmpty { siftDown(0, Int(last)) }
    return Int(top)
  }

  @inline(__always) private mutating func siftUp(_ start: Int, _ node: NodeIndex) {
    var i = start
    let k = key[node]
    heap.withUnsafeMutableBufferPointer { h in
      while i > 0 {
        let parent = (i - 1) >> 2
        let p = Int(h[parent])
        guard k < key[p] else { break }
        h[i] = Int32(p)
        position[p] = Int32(i)
        i = parent
      }
      h[i] = Int32(node)
    }
    position[node] = Int32(i)
  }

  @inline(__always) private mutating func siftDown(_ start: Int, _ node: NodeIndex) {
    var i = start
    let k = key[node]
    let count = heap.count
    heap.withUnsafeMutableBufferPointer { h in
      while true {
        let first = 4 * i + 1
        if first >= count { break }
        var best = first
        var bestKey = key[Int(h[first])]
        let end = Swift.min(first + 4, count)
        var c = first + 1
        while c < end {
          let ck = key[Int(h[c])]
          if ck < bestKey {
            best = c
            bestKey = ck
          }
          c += 1
        }
        guard bestKey < k else { break }
        h[i] = h[best]
        position[Int(h[best])] = Int32(i)
        i = best
      }
      h[i] = Int32(node)
    }
    position[node] = Int32(i)
  }
}
