import Foundation

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
    length: PathLength = .reciprocal,
    normalized: Bool = true,
    endpoints: Bool = false
  ) throws -> [Double] {
    // Implementation notes: Brandes (2001), accumulation by dependency.
    // Paper ↔ code:  σ → pathCount (Double: counts overflow Int on grids),
    //                δ → dependency,  S → order,  d → distance.
    // Per source: (1) distances and settle order by BFS (counting σ on the way) or
    // Dijkstra; (2) for Dijkstra, σ in settle order from the in-arcs that lie on a shortest
    // path; (3) δ in reverse order over the same arcs. Predecessor lists are never stored: an in-arc v→w is on a shortest path when
    // d(v) + len(v,w) ties d(w). Weighted ties use `isSameLength(a, b)` (relative ε), never `==`.
    // Sources are split into work units fixed by n (``WorkUnits``), taken by all cores in
    // order; unit sums are added in unit order, so the result does not depend on the cores.
    try betweennessSums(length: length, endpoints: endpoints).scores(normalized: normalized)
  }

  /// Brandes' dependency sums from `sources` (unscaled): per node, the sum over those
  /// sources of its dependency. Sources are split into work units fixed by their count
  /// (``WorkUnits``), taken by all cores in order; unit sums are added in unit order, so the
  /// result does not depend on the cores. Advances ``WorkProgress/current`` once per source.
  func dependencySums(sources: [NodeIndex], length: PathLength, endpoints: Bool) -> [Double] {
    let n = nodeCount
    let inLength = inArcLengths(length)
    let progress = WorkProgress.current
    let units = WorkUnits.count(sources.count)
    return WorkUnits.reduce(
      units: units, initial: [Double](repeating: 0, count: n), state: { BrandesWorker(self, length: length, inLength: inLength) },
      finish: { $0.deallocate() }
    ) { unit, worker in
      let sums = BrandesSums(nodeCount: n, arcCount: 0, squares: false, endpoints: endpoints)
      worker.run(sources: sources[WorkUnits.range(unit, of: units, items: sources.count)], length: length, into: sums, progress: progress)
      return sums.finish().nodes
    } merge: { total, part in
      for v in 0 ..< n { total[v] += part[v] }
    }
  }

  /// NetworkX's `_rescale` for node betweenness: 1/((n−1)(n−2)) normalized (n(n−1) with
  /// endpoints), ½ for an unnormalized undirected graph, else none.
  func betweennessScale(normalized: Bool, endpoints: Bool) -> Double? {
    let pairs = endpoints ? nodeCount : nodeCount - 1
    if normalized { return pairs >= 2 ? 1 / (Double(pairs) * Double(pairs - 1)) : nil }
    return isDirected ? nil : 0.5
  }

  /// Estimates betweenness from `samples` sources drawn without replacement (Brandes and
  /// Pich's estimator, as NetworKit's `EstimateBetweenness` and igraph's cutoff-free sampling):
  /// the sampled sources' dependencies, scaled by n / samples, rescaled as
  /// ``betweenness(length:normalized:endpoints:)``. For worlds where exact betweenness
  /// (O(*n m*)) is out of reach.
  ///
  /// The estimate is unbiased. Its error is stated per node: the standard error of the
  /// scaled mean of the sampled dependencies, with the finite-population correction
  /// √((n − k)/(n − 1)), so it is 0 when every node is a source and falls as 1/√k.
  ///
  /// - Parameters:
  ///   - length: What a strength means as a path length (as in ``betweenness(length:normalized:endpoints:)``).
  ///   - normalized: Whether to scale as NetworkX's `normalized=True` does.
  ///   - endpoints: Whether path ends count (NetworkX's `endpoints`).
  ///   - samples: How many sources (at most the node count; all of them gives the exact values).
  ///   - seed: The sample; the same seed gives the same estimate whatever the core count.
  /// - Complexity: O(*k m*) for hops, O(*k m* log *n*) weighted.
  ///
  /// ## References
  /// - U. Brandes, C. Pich. "Centrality Estimation in Large Networks." International Journal
  ///   of Bifurcation and Chaos 17(7), 2007.
  public func approximateBetweenness(
    samples: Int, seed: UInt64, length: PathLength = .reciprocal, normalized: Bool = true,
    endpoints: Bool = false
  ) throws -> (scores: [Double], standardErrors: [Double]) {
    try requireNonNegativeWeights(for: "betweenness")
    let n = nodeCount
    guard n > 0 else { return ([], []) }
    let k = Swift.max(1, Swift.min(samples, n))
    // Partial Fisher–Yates: the first k of a seeded shuffle, then sorted for a fixed order.
    var rng = SplitMix64(seed: seed)
    var pool = Array(0 ..< n)
    for i in 0 ..< k { pool.swapAt(i, i + Int(rng.next() % UInt64(n - i))) }
    let sources = pool[..<k].sorted()
    let inLength = inArcLengths(length)
    let progress = WorkProgress.current
    progress?.begin(k)
    let units = WorkUnits.count(k)
    var (sum, squares) = WorkUnits.reduce(
      units: units, initial: ([Double](repeating: 0, count: n), [Double](repeating: 0, count: n)),
      state: { BrandesWorker(self, length: length, inLength: inLength) }, finish: { $0.deallocate() }
    ) { unit, worker in
      let sums = BrandesSums(nodeCount: n, arcCount: 0, squares: true, endpoints: endpoints)
      worker.run(sources: sources[WorkUnits.range(unit, of: units, items: k)], length: length, into: sums, progress: progress)
      let part = sums.finish()
      return (part.nodes, part.squares)
    } merge: { total, part in
      for v in 0 ..< n {
        total.0[v] += part.0[v]
        total.1[v] += part.1[v]
      }
    }
    let scale = (betweennessScale(normalized: normalized, endpoints: endpoints) ?? 1) * Double(n) / Double(k)
    let correction = n > 1 ? (Double(n - k) / Double(n - 1)).squareRoot() : 0
    var errors = [Double](repeating: 0, count: n)
    for v in 0 ..< n {
      let mean = sum[v] / Double(k)
      let variance = k > 1 ? Swift.max(0, (squares[v] - Double(k) * mean * mean) / Double(k - 1)) : 0
      errors[v] = scale * Double(k) * (variance / Double(k)).squareRoot() * correction
      sum[v] *= scale
    }
    return (sum, errors)
  }

  /// Brandes accumulation from a range of sources: the unscaled sums of dependencies per
  /// node, and per in-arc slot (CSR of the transpose) when `collectArcs`. `progress` is
  /// advanced once per source; callers read ``WorkProgress/current`` on their own thread
  /// (a task-local is not bound on Dispatch's worker threads) and pass it here.
  func brandesAccumulate(
    sources: some Collection<NodeIndex>, length: PathLength, inLength: [Double], endpoints: Bool,
    collectArcs: Bool = false, collectSquares: Bool = false, progress: WorkProgress? = nil
  ) -> (nodes: [Double], arcs: [Double], squares: [Double]) {
    var worker = BrandesWorker(self, length: length, inLength: inLength)
    defer { worker.deallocate() }
    let sums = BrandesSums(
      nodeCount: nodeCount, arcCount: collectArcs ? arcCount : 0, squares: collectSquares, endpoints: endpoints)
    worker.run(sources: sources, length: length, into: sums, progress: progress)
    return sums.finish()
  }


  /// Returns the betweenness of every edge: the sum, over ordered pairs (s, t), of the
  /// fraction of shortest s–t paths that use it. The ties that carry most of the shortest
  /// routes are the ones whose loss would reroute the most.
  ///
  /// Conventions: matches `nx.edge_betweenness_centrality(G, normalized=…, weight=…)` with
  /// lengths as ``betweenness(length:normalized:endpoints:)``: normalized scores are divided
  /// by n(n−1); unnormalized scores of an undirected graph are halved.
  ///
  /// - Returns: One score per arc for a directed graph, per edge (u ≤ v) for an undirected
  ///   one, ordered by source then target.
  /// - Complexity: as ``betweenness(length:normalized:endpoints:)``, on one core.
  public func edgeBetweenness(
    length: PathLength = .reciprocal, normalized: Bool = true
  ) throws -> [(source: NodeIndex, target: NodeIndex, score: Double)] {
    try requireNonNegativeWeights(for: "edgeBetweenness")
    let n = nodeCount
    let progress = WorkProgress.current
    progress?.begin(n)
    let raw = brandesAccumulate(
      sources: 0 ..< n, length: length, inLength: inArcLengths(length), endpoints: false,
      collectArcs: true, progress: progress
    ).arcs
    var scale = 1.0
    if normalized { scale = n > 1 ? 1 / (Double(n) * Double(n - 1)) : 1 } else if !isDirected { scale = 0.5 }
    var byArc: [[NodeIndex]: Double] = [:]
    for v in 0 ..< n {
      for i in inOffsets[v] ..< inOffsets[v + 1] {
        let u = inSources[i]
        let key = isDirected ? [u, v] : [Swift.min(u, v), Swift.max(u, v)]
        byArc[key, default: 0] += raw[i]
      }
    }
    return byArc.keys.sorted { $0.lexicographicallyPrecedes($1) }.map { ($0[0], $0[1], byArc[$0]! * scale) }
  }
}

