extension Digraph {
  /// Returns the betweenness centrality of every node.
  ///
  /// A node's betweenness is the sum, over ordered pairs of other nodes (s, t), of the
  /// fraction of shortest s–t paths that pass through it: a broker on every route scores
  /// high even with few ties of its own.
  ///
  ///     let star = try Digraph(nodeCount: 4, edges: [(0, 1), (0, 2), (0, 3)], directed: false)
  ///     try star.betweenness(normalized: false)  // [3, 0, 0, 0]
  ///
  /// Conventions: matches `networkx.betweenness_centrality(G, normalized=…, weight=…,
  /// endpoints=…)`. Path lengths come from `length`: `.reciprocal` is NetworkX with a
  /// `distance = 1/weight` edge attribute, `.hops` is `weight=None`, `.raw` is
  /// `weight="weight"`. Normalized scores are divided by (n−1)(n−2) ((n)(n−1) with
  /// endpoints); unnormalized scores of an undirected graph are halved, so each unordered
  /// pair counts once. Weighted path lengths that agree to a relative 1e-10 count as ties
  /// (NetworkX compares floats exactly, which can miss ties such as 1/3 + 2/3 = 1).
  ///
  /// - Parameters:
  ///   - length: What a strength means as a path length.
  ///   - normalized: Whether to divide by the number of pairs, as NetworkX's default.
  ///   - endpoints: Whether a path's ends count as lying on it.
  /// - Returns: One score per node.
  /// - Throws: ``GraphError/negativeWeight(algorithm:source:target:weight:)`` if a
  ///   strength is negative (a signed lens).
  ///
  /// - Complexity: O(*n* *m*) time for hops, O(*n* *m* log *n*) weighted; O(*n* + *m*) space.
  ///
  /// ## References
  /// - U. Brandes. "A Faster Algorithm for Betweenness Centrality." Journal of Mathematical
  ///   Sociology 25(2), 2001.
  /// - U. Brandes. "On Variants of Shortest-Path Betweenness Centrality and their Generic
  ///   Computation." Social Networks 30(2), 2008 (endpoints, normalization).
  public func betweenness(
    length: Lens.PathLength = .reciprocal,
    normalized: Bool = true,
    endpoints: Bool = false
  ) throws -> [Double] {
    // Implementation notes: Brandes (2001), accumulation by dependency.
    // Paper ↔ code:  σ → pathCount (Double: counts overflow Int on grids),
    //                δ → dependency,  S → visitOrder,  P → predecessors,  d → distance.
    // Weighted ties use `isTie(a, b)` (relative ε), never `==`.
    try requireNonNegativeWeights(for: "betweenness")
    let n = nodeCount
    var centrality = [Double](repeating: 0, count: n)
    guard n > 0 else { return [] }
    let arcLength = arcLengths(length)

    var search = ShortestPathDAG(nodeCount: n)
    var dependency = [Double](repeating: 0, count: n)
    for s in 0 ..< n {
      if length == .hops { search.breadthFirst(self, from: s) } else {
        search.dijkstra(self, from: s, arcLength: arcLength)
      }
      for v in search.visitOrder { dependency[v] = 0 }
      if endpoints { centrality[s] += Double(search.visitOrder.count - 1) }
      for w in search.visitOrder.reversed() {
        let coefficient = (1 + dependency[w]) / search.pathCount[w]
        for v in search.predecessors(of: w) {
          dependency[v] += search.pathCount[v] * coefficient
        }
        if w != s { centrality[w] += dependency[w] + (endpoints ? 1 : 0) }
      }
    }

    // NetworkX's _rescale.
    let pairs = endpoints ? n : n - 1
    var scale: Double?
    if normalized {
      if pairs >= 2 { scale = 1 / (Double(pairs) * Double(pairs - 1)) }
    } else if !isDirected {
      scale = 0.5
    }
    if let scale { for v in 0 ..< n { centrality[v] *= scale } }
    return centrality
  }

  /// The length of every arc (in CSR order) under a path-length convention; a zero
  /// strength under `.reciprocal` gives an infinite length (the arc is never used).
  func arcLengths(_ length: Lens.PathLength) -> [Double] {
    switch length {
    case .hops: return Array(repeating: 1, count: arcCount)
    case .raw: return outWeights
    case .reciprocal: return outWeights.map { $0 > 0 ? 1 / $0 : .infinity }
    }
  }
}

/// The shortest-path DAG from one source: distances, path counts, predecessors and the
/// order nodes were settled in. Reused across sources to avoid reallocating.
struct ShortestPathDAG {
  var distance: [Double]
  var pathCount: [Double]
  var visitOrder: [NodeIndex] = []
  // Predecessor lists share one flat buffer: node v owns the slots of its in-arcs.
  private var predecessorStart: [Int]
  private var predecessorCount: [Int]
  private var predecessorBuffer: [NodeIndex] = []
  private var heap = MinHeap()
  private var queue: [NodeIndex] = []

  init(nodeCount n: Int) {
    distance = Array(repeating: .infinity, count: n)
    pathCount = Array(repeating: 0, count: n)
    predecessorStart = Array(repeating: 0, count: n)
    predecessorCount = Array(repeating: 0, count: n)
  }

  func predecessors(of v: NodeIndex) -> ArraySlice<NodeIndex> {
    predecessorBuffer[predecessorStart[v] ..< predecessorStart[v] + predecessorCount[v]]
  }

  /// Predecessors are stored per node in the graph's in-arc slots, so every node has room
  /// for all its in-neighbours without per-node allocation.
  private mutating func prepareBuffer(_ g: Digraph) {
    if predecessorBuffer.count != g.arcCount {
      predecessorBuffer = Array(repeating: 0, count: g.arcCount)
      for v in 0 ..< g.nodeCount { predecessorStart[v] = g.inOffsets[v] }
    }
  }

  private mutating func addPredecessor(_ v: NodeIndex, of w: NodeIndex) {
    predecessorBuffer[predecessorStart[w] + predecessorCount[w]] = v
    predecessorCount[w] += 1
  }

  mutating func breadthFirst(_ g: Digraph, from s: NodeIndex) {
    reset()
    prepareBuffer(g)
    distance[s] = 0
    pathCount[s] = 1
    queue.removeAll(keepingCapacity: true)
    queue.append(s)
    var head = 0
    while head < queue.count {
      let v = queue[head]
      head += 1
      visitOrder.append(v)
      let dv = distance[v]
      for i in g.outOffsets[v] ..< g.outOffsets[v + 1] {
        let w = g.outTargets[i]
        if distance[w] == .infinity {
          distance[w] = dv + 1
          queue.append(w)
        }
        if distance[w] == dv + 1 {
          pathCount[w] += pathCount[v]
          addPredecessor(v, of: w)
        }
      }
    }
  }

  mutating func dijkstra(_ g: Digraph, from s: NodeIndex, arcLength: [Double]) {
    reset()
    prepareBuffer(g)
    heap.removeAll()
    distance[s] = 0
    pathCount[s] = 1
    heap.push(0, s)
    while let (d, v) = heap.pop() {
      if d > distance[v] || isSettled(v) { continue }
      markSettled(v)
      visitOrder.append(v)
      for i in g.outOffsets[v] ..< g.outOffsets[v + 1] {
        let length = arcLength[i]
        guard length.isFinite else { continue }
        let w = g.outTargets[i]
        let candidate = d + length
        if isSettled(w) {
          continue
        } else if distance[w] != .infinity && isTie(candidate, distance[w]) {
          pathCount[w] += pathCount[v]
          addPredecessor(v, of: w)
        } else if candidate < distance[w] {
          distance[w] = candidate
          pathCount[w] = pathCount[v]
          predecessorCount[w] = 0
          addPredecessor(v, of: w)
          heap.push(candidate, w)
        }
      }
    }
    clearSettled()
  }

  // Settled marks live in a bitset cleared per source via visitOrder.
  private var settledMarks: [Bool] = []
  private func isSettled(_ v: NodeIndex) -> Bool { settledMarks[v] }
  private mutating func markSettled(_ v: NodeIndex) { settledMarks[v] = true }
  private mutating func clearSettled() { for v in visitOrder { settledMarks[v] = false } }

  private mutating func reset() {
    if settledMarks.count != distance.count {
      settledMarks = Array(repeating: false, count: distance.count)
    }
    for v in visitOrder {
      distance[v] = .infinity
      pathCount[v] = 0
      predecessorCount[v] = 0
    }
    // Every node given a distance is settled before the search ends, so visitOrder
    // lists every entry to clear.
    visitOrder.removeAll(keepingCapacity: true)
  }
}
