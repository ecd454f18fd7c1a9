/// The running sums of one Brandes accumulation: per node, optionally per node squared
/// (per-source contributions, for sampling's error bars), and optionally per in-arc slot.
struct BrandesSums {
  var nodes: [Double]
  var arcs: [Double]
  var squares: [Double]
  /// Whether each source's reach counts for itself and each target (NetworkX's `endpoints`).
  let endpoints: Bool

  init(nodeCount n: Int, arcCount: Int, squares collectSquares: Bool, endpoints: Bool) {
    nodes = Array(repeating: 0, count: n)
    arcs = Array(repeating: 0, count: arcCount)
    squares = Array(repeating: 0, count: collectSquares ? n : 0)
    self.endpoints = endpoints
  }

  /// Adds `x` to node `v`'s sum (and its square when squares are kept).
  @inline(__always)
  mutating func add(_ x: Double, to v: NodeIndex) {
    nodes[v] += x
    if !squares.isEmpty { squares[v] += x * x }
  }
}

/// Brandes' per-source work over one set of buffers reused across sources: (1) ``settle(from:)``
/// finds distances and the settle order (BFS counting σ on the way, or Dijkstra); (2)
/// ``countPaths(from:reached:)`` counts σ in settle order from the in-arcs on shortest paths
/// (weighted only); (3) ``accumulate(from:reached:into:)`` adds δ in reverse settle order;
/// ``reset(reached:)`` clears only what the source touched.
///
/// Paper ↔ code: σ → `sigma` (Double: counts overflow Int on grids), δ → `delta`, S → `order`,
/// d → `d`. The graph's CSR arrays are copied into raw buffers once per accumulation, so the
/// inner loops run without bounds checks or nested `withUnsafe…` closures; call
/// ``deallocate()`` when done.
struct BrandesSweep {
  private let outOff, outTgt, inOff, inSrc: UnsafeMutableBufferPointer<Int>
  private let outLen, inLen: UnsafeMutableBufferPointer<Double>
  private let d, sigma, delta: UnsafeMutableBufferPointer<Double>
  private let order: UnsafeMutableBufferPointer<NodeIndex>
  private var heap: IndexedMinHeap
  private let hops: Bool

  init(_ g: Digraph, length: PathLength, inLength: [Double]) {
    func copy<T>(_ a: [T]) -> UnsafeMutableBufferPointer<T> {
      let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: a.count)
      _ = buffer.initialize(from: a)
      return buffer
    }
    func filled(_ x: Double) -> UnsafeMutableBufferPointer<Double> {
      let buffer = UnsafeMutableBufferPointer<Double>.allocate(capacity: g.nodeCount)
      buffer.initialize(repeating: x)
      return buffer
    }
    hops = length == .hops
    outOff = copy(g.outOffsets)
    outTgt = copy(g.outTargets)
    inOff = copy(g.inOffsets)
    inSrc = copy(g.inSources)
    outLen = copy(hops ? [] : g.arcLengths(length))
    inLen = copy(inLength)
    d = filled(.infinity)
    sigma = filled(0)
    delta = filled(0)
    order = .allocate(capacity: g.nodeCount)
    order.initialize(repeating: 0)
    heap = IndexedMinHeap(nodeCount: g.nodeCount)
  }

  /// Frees the buffers.
  func deallocate() {
    for buffer in [outOff, outTgt, inOff, inSrc, order] { buffer.deallocate() }
    for buffer in [outLen, inLen, d, sigma, delta] { buffer.deallocate() }
  }

  /// Phase 1: distances from `s` and the settle order; returns how many nodes `s` reaches
  /// (itself included). Unit lengths count σ as the BFS goes, exact for hops.
  mutating func settle(from s: NodeIndex) -> Int {
    d[s] = 0
    if hops {
      order[0] = s
      sigma[s] = 1
      var count = 1
      var head = 0
      while head < count {
        let v = order[head]
        head += 1
        let dv = d[v] + 1
        let sv = sigma[v]
        for i in outOff[v] ..< outOff[v + 1] {
          let w = outTgt[i]
          if d[w] == .infinity {
            d[w] = dv
            order[count] = w
            count += 1
          }
          if d[w] == dv { sigma[w] += sv }
        }
      }
      return count
    }
    var count = 0
    heap.removeAll()
    heap.pushOrDecrease(s, 0)
    while let v = heap.popMin() {
      let dv = d[v]
      order[count] = v
      count += 1
      for i in outOff[v] ..< outOff[v + 1] {
        let candidate = dv + outLen[i]
        let w = outTgt[i]
        if candidate < d[w] {
          d[w] = candidate
          heap.pushOrDecrease(w, candidate)
        }
      }
    }
    return count
  }

  /// Phase 2 (weighted lengths): σ in settle order, from the in-arcs v→w on a shortest path,
  /// d(v) + len(v, w) equal to d(w) up to rounding (``isSameLength(_:_:)``), never `==`.
  func countPaths(from s: NodeIndex, reached count: Int) {
    sigma[s] = 1
    for k in 1 ..< Swift.max(1, count) {
      let w = order[k]
      let dw = d[w]
      var total = 0.0
      for i in inOff[w] ..< inOff[w + 1] {
        let dv = d[inSrc[i]]
        if dv < dw && isSameLength(dv + inLen[i], dw) { total += sigma[inSrc[i]] }
      }
      sigma[w] = total
    }
  }

  /// Phase 3: dependencies δ in reverse settle order, added to `sums` (and to each in-arc on
  /// a shortest path when `sums` keeps arcs).
  func accumulate(from s: NodeIndex, reached count: Int, into sums: inout BrandesSums) {
    if sums.endpoints { sums.add(Double(count - 1), to: s) }
    let collectArcs = !sums.arcs.isEmpty
    for k in stride(from: count - 1, through: 0, by: -1) {
      let w = order[k]
      let dw = d[w]
      let coefficient = (1 + delta[w]) / sigma[w]
      for i in inOff[w] ..< inOff[w + 1] {
        let v = inSrc[i]
        let onPath = hops ? d[v] == dw - 1 : d[v] < dw && isSameLength(d[v] + inLen[i], dw)
        guard onPath else { continue }
        let share = sigma[v] * coefficient
        delta[v] += share
        if collectArcs { sums.arcs[i] += share }
      }
      if w != s { sums.add(delta[w] + (sums.endpoints ? 1 : 0), to: w) }
    }
  }

  /// Clears the distances, path counts and dependencies of the `count` nodes the last source
  /// reached, so the next source starts clean in O(reached) rather than O(n).
  func reset(reached count: Int) {
    for k in 0 ..< count {
      let v = order[k]
      d[v] = .infinity
      sigma[v] = 0
      delta[v] = 0
    }
  }
}
