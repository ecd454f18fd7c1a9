extension Digraph {
  /// Returns the closeness centrality of every node: how near it is to the nodes that
  /// reach it.
  ///
  /// For a node u reached by r − 1 other nodes with total distance D to u, closeness is
  /// (r − 1) / D, scaled by (r − 1) / (n − 1) (Wasserman and Faust's correction, so that a
  /// node reached by few others cannot score high). Distances are *incoming* (from other
  /// nodes to u), as NetworkX; on an undirected graph that is the same thing.
  ///
  /// Conventions: matches `nx.closeness_centrality(G, distance=dist, wf_improved=True)` with
  /// dist = 1/weight for `.reciprocal`, `distance=None` for `.hops`, `distance="weight"` for
  /// `.raw`. A node nobody reaches scores 0.
  ///
  /// - Parameters:
  ///   - length: What a strength means as a path length.
  ///   - wassermanFaust: Whether to scale by the reached fraction (NetworkX `wf_improved`).
  /// - Throws: ``GraphError/negativeWeight(algorithm:source:target:weight:)`` on a signed lens.
  /// - Complexity: O(*n* (*n* + *m*) log *n*).
  ///
  /// ## References
  /// - S. Wasserman, K. Faust. *Social Network Analysis*. Cambridge University Press, 1994.
  public func closeness(length: PathLength = .reciprocal, wassermanFaust: Bool = true) throws -> [Double] {
    try closenessSums(length: length).closeness(wassermanFaust: wassermanFaust)
  }

  /// Returns closeness's ingredients per node (incoming distance total and reach), which an
  /// edit can update (``closenessSums(updating:limit:)``);
  /// ``ClosenessSums/closeness(wassermanFaust:)`` gives exactly ``closeness(length:wassermanFaust:)``'s scores.
  ///
  /// - Parameter length: What a strength means as a path length.
  /// - Throws: ``GraphError/negativeWeight(algorithm:source:target:weight:)`` on a signed lens.
  /// - Complexity: as ``closeness(length:wassermanFaust:)``.
  public func closenessSums(length: PathLength = .reciprocal) throws -> ClosenessSums {
    try requireNonNegativeWeights(for: "closeness")
    let (totals, reached) = incomingDistanceSums(length: length, of: nil)
    return ClosenessSums(graph: self, length: length, totals: totals, reached: reached, sourcesRun: nodeCount)
  }

  /// Returns this graph's closeness ingredients from those of an earlier version of it,
  /// recomputing only the nodes whose incoming shortest paths the difference can affect
  /// (``sourcesAffected(since:length:limit:)`` on the transposes): every other node's
  /// distances from the nodes that reach it are provably the same, so its total and reach
  /// are kept. A kept total equals a recomputed one up to rounding (the same distances, which
  /// Dijkstra may settle in another order among equal ones).
  ///
  /// - Parameters:
  ///   - previous: The ingredients of the earlier graph (the same nodes, in the same order).
  ///   - limit: Give up (return `nil`) instead of recomputing more than this many nodes: when
  ///     more are affected, or when every node would be (the node count or direction changed,
  ///     or changed arcs with more than 64 distinct ends); `nil`, no limit.
  /// - Returns: This graph's ingredients, with the sweeps they took; `nil` past `limit`.
  /// - Throws: ``GraphError/negativeWeight(algorithm:source:target:weight:)`` on a signed lens.
  /// - Complexity: finding the affected nodes, then one single-source shortest-path sweep
  ///   per affected node: O(*k* (*n* + *m*) log *n*) for *k* of them.
  public func closenessSums(updating previous: ClosenessSums, limit: Int? = nil) throws -> ClosenessSums? {
    try requireNonNegativeWeights(for: "closeness")
    let length = previous.length
    let found = transposed().affectedSources(since: previous.graph.transposed(), length: length, sourceLimit: limit)
    let affected = found ?? Array(0 ..< nodeCount)
    if let limit, found == nil || affected.count > limit { return nil }
    guard found != nil, affected.count < nodeCount else { return try closenessSums(length: length) }
    var (totals, reached) = (previous.totals, previous.reached)
    let part = incomingDistanceSums(length: length, of: affected)
    for u in affected { (totals[u], reached[u]) = (part.totals[u], part.reached[u]) }
    return ClosenessSums(graph: self, length: length, totals: totals, reached: reached, sourcesRun: affected.count)
  }

  /// Per node of `nodes` (every node when `nil`; the others stay 0): the sum of distances
  /// from the nodes that reach it, and how many do (itself included). Incoming distances to
  /// u are outgoing distances from u in the transposed graph.
  func incomingDistanceSums(length: PathLength, of nodes: [NodeIndex]?) -> (totals: [Double], reached: [Int]) {
    let n = nodeCount
    guard n > 0 else { return ([], []) }
    let sums = transposed().forEachSource(length: length, sources: nodes, initial: [(Double, Int)](repeating: (0, 0), count: n)) { u, sweep, acc in
      var total = 0.0
      for v in sweep.order { total += sweep.distance[v] }
      acc[u] = (total, sweep.order.count)
    } merge: { total, part in
      for i in 0 ..< n where part[i].1 > 0 { total[i] = part[i] }
    }
    return (sums.map(\.0), sums.map(\.1))
  }

  /// Returns the harmonic centrality of every node: the sum of 1/d(v, u) over the other
  /// nodes v, so unreachable nodes contribute 0 and disconnected graphs need no correction.
  ///
  /// Conventions: matches `nx.harmonic_centrality(G, distance=dist)` (unnormalized;
  /// incoming distances, as NetworkX), with dist as for ``closeness(length:wassermanFaust:)``.
  ///
  /// - Complexity: O(*n* (*n* + *m*) log *n*).
  ///
  /// ## References
  /// - M. Marchiori, V. Latora. "Harmony in the small-world." Physica A 285, 2000.
  public func harmonic(length: PathLength = .reciprocal) throws -> [Double] {
    try requireNonNegativeWeights(for: "harmonic")
    let n = nodeCount
    guard n > 0 else { return [] }
    return transposed().forEachSource(length: length, initial: [Double](repeating: 0, count: n)) { u, sweep, acc in
      var sum = 0.0
      for v in sweep.order where sweep.distance[v] > 0 { sum += 1 / sweep.distance[v] }
      acc[u] = sum
    } merge: { total, part in
      for i in 0 ..< n where part[i] != 0 { total[i] = part[i] }
    }
  }
}

/// Closeness's ingredients per node, kept with the graph they were computed on, so that the
/// closeness after an edit can be answered by recomputing only the nodes the edit can
/// affect (``Digraph/closenessSums(updating:limit:)``).
public struct ClosenessSums: Sendable {
  /// The graph the sums are of.
  public let graph: Digraph
  /// What a strength meant as a path length.
  public let length: PathLength
  /// Per node u, the sum of the distances d(v, u) over the nodes v that reach it.
  public let totals: [Double]
  /// Per node, how many nodes reach it, itself included.
  public let reached: [Int]
  /// How many single-source sweeps produced these: the node count for a full computation,
  /// the affected nodes for an update.
  public let sourcesRun: Int

  /// The closeness scores, as ``Digraph/closeness(length:wassermanFaust:)``: (r − 1) / D,
  /// times (r − 1) / (n − 1) with `wassermanFaust`; 0 for a node nobody reaches.
  /// - Complexity: O(*n*).
  public func closeness(wassermanFaust: Bool = true) -> [Double] {
    let n = totals.count
    return zip(totals, reached).map { total, reachedCount in
      let others = Double(reachedCount - 1)
      guard total > 0, n > 1 else { return 0 }
      var c = others / total
      if wassermanFaust { c *= others / Double(n - 1) }
      return c
    }
  }
}
