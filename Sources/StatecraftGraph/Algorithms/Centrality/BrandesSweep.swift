/// The running sums of one Brandes accumulation: per node, optionally per node squared
/// (per-source contributions, for sampling's error bars), and optionally per in-arc slot. Raw
/// buffers, as the sweep's, so the accumulation loop runs without bounds checks; ``finish()``
/// hands them back as arrays and frees them.
struct BrandesSums {
  let nodes: UnsafeMutableBufferPointer<Double>
  let arcs: UnsafeMutableBufferPointer<Double>
  let squares: UnsafeMutableBufferPointer<Double>
  /// Whether each source's reach counts for itself and each target (NetworkX's `endpoints`).
  let endpoints: Bool

  init(nodeCount n: Int, arcCount: Int, squares collectSquares: Bool, endpoints: Bool) {
    func zeros(_ count: Int) -> UnsafeMutableBufferPointer<Double> {
      let buffer = UnsafeMutableBufferPointer<Double>.allocate(capacity: count)
      buffer.initialize(repeating: 0)
      return buffer
    }
    nodes = zeros(n)
    arcs = zeros(arcCount)
    squares = zeros(collectSquares ? n : 0)
    self.endpoints = endpoints
  }

  /// Adds `x` to node `v`'s sum (and its square when squares are kept).
  @inline(__always)
  func add(_ x: Double, to v: NodeIndex) {
    nodes[v] += x
    if !squares.isEmpty { squares[v] += x * x }
  }

  /// The sums as arrays; the buffers are freed.
  func finish() -> (nodes: [Double], arcs: [Double], squares: [Double]) {
    defer { for buffer in [nodes, arcs, squares] { buffer.deallocate() } }
    return (Array(nodes), Array(arcs), Array(squares))
  }
}

/// Brandes' per-source work over one set of buffers reused across sources: (1) ``settle(from:heap:)``
/// finds distances and the settle order (BFS counting σ on the way, or Dijkstra); (2)
/// ``countPaths(from:reached:)`` counts σ in settle order from the in-arcs on shortest paths
/// (weighted only); (3) ``accumulate(from:reached:into:)`` adds δ in reverse settle order;
/// ``reset(reached:)`` clears only what the source touched.
///
/// Paper ↔ code: σ → `sigma` (Double: counts overflow Int on grids), δ → `delta`, S → `order`,
/// d → `d`. The graph's CSR arrays are copied into raw buffers once per accumulation, so the
/// inner loops run without bounds checks or nested `withUnsafe…` closures; call
/// ``deallocate()`` when done. Its methods take `self` by value, so the buffers' addresses
/// stay in registers through the inner loops.
struct BrandesSweep {
  private let outOff, outTgt, inOff, inSrc: UnsafeMutableBufferPointer<Int>
  private let outLen, inLen: UnsafeMutableBufferPointer<Double>
  private let d, sigma, delta: UnsafeMutableBufferPointer<Double>
  private let order: UnsafeMutableBufferPointer<NodeIndex>
  /// Each reached node's place in the settle order (weighted lengths), valid for the nodes
  /// the current source reached: a zero-length arc v→w lies on a shortest path when v
  /// settled first, as NetworkX's Dijkstra counts it.
  private let place: UnsafeMutableBufferPointer<Int>
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
    place = .allocate(capacity: g.nodeCount)
    place.initialize(repeating: 0)
  }

  /// Frees the buffers.
  func deallocate() {
    for buffer in [outOff, outTgt, inOff, inSrc, order, place] { buffer.deallocate() }
    for buffer in [outLen, inLen, d, sigma, delta] { buffer.deallocate() }
  }

  /// Phase 1: distances from `s` and the settle order; returns how many nodes `s` reaches
  /// (itself included). Unit lengths count σ as the BFS goes, exact for hops; other lengths
  /// run Dijkstra on `heap` (the caller's, reused across sources).
  func settle(from s: NodeIndex, heap: inout IndexedMinHeap) -> Int {
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
      place[v] = count
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

  /// Whether in-arc slot `i`, v→w (w at distance `dw`), lies on a shortest path from the
  /// current source (weighted lengths): d(v) < d(w) and d(v) + len(v, w) equal to d(w) up to rounding
  /// (``isSameLength(_:_:)``, never `==`); or a zero-length arc between two nodes at the same
  /// distance, v settled first (NetworkX's rule; without it a node reached only along
  /// zero-length arcs counted no path and its dependencies came out NaN).
  @inline(__always)
  func leads(_ v: NodeIndex, to w: NodeIndex, along i: Int, at dw: Double) -> Bool {
    let dv = d[v]
    if dv < dw { return isSameLength(dv + inLen[i], dw) }
    return inLen[i] == 0 && dv == dw && dw.isFinite && place[v] < place[w]
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
        if leads(inSrc[i], to: w, along: i, at: dw) { total += sigma[inSrc[i]] }
      }
      sigma[w] = total
    }
  }

  /// Phase 3: dependencies δ in reverse settle order, added to `sums` (and to each in-arc on
  /// a shortest path when `sums` keeps arcs).
  func accumulate(from s: NodeIndex, reached count: Int, into sums: BrandesSums) {
    if sums.endpoints { sums.add(Double(count - 1), to: s) }
    let collectArcs = !sums.arcs.isEmpty
    for k in stride(from: count - 1, through: 0, by: -1) {
      let w = order[k]
      let dw = d[w]
      let coefficient = (1 + delta[w]) / sigma[w]
      if hops {
        let previous = dw - 1
        for i in inOff[w] ..< inOff[w + 1] where d[inSrc[i]] == previous {
          let share = sigma[inSrc[i]] * coefficient
          delta[inSrc[i]] += share
          if collectArcs { sums.arcs[i] += share }
        }
      } else {
        for i in inOff[w] ..< inOff[w + 1] {
          guard leads(inSrc[i], to: w, along: i, at: dw) else { continue }
          let share = sigma[inSrc[i]] * coefficient
          delta[inSrc[i]] += share
          if collectArcs { sums.arcs[i] += share }
        }
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

/// One thread's Brandes scratch space, reused across the sources it is given: the sweep's
/// buffers and the Dijkstra heap.
struct BrandesWorker {
  let sweep: BrandesSweep
  var heap: IndexedMinHeap

  init(_ g: Digraph, length: PathLength, inLength: [Double]) {
    sweep = BrandesSweep(g, length: length, inLength: inLength)
    heap = IndexedMinHeap(nodeCount: g.nodeCount)
  }

  /// Adds every source's dependencies to `sums`, one source after another.
  mutating func run(sources: some Collection<NodeIndex>, length: PathLength, into sums: BrandesSums, progress: WorkProgress?) {
    for s in sources {
      let count = sweep.settle(from: s, heap: &heap)
      if length != .hops { sweep.countPaths(from: s, reached: count) }
      sweep.accumulate(from: s, reached: count, into: sums)
      sweep.reset(reached: count)
      progress?.advance()
    }
  }

  /// Frees the sweep's buffers.
  func deallocate() { sweep.deallocate() }
}
