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
    try requireNonNegativeWeights(for: "closeness")
    let n = nodeCount
    guard n > 0 else { return [] }
    // Incoming distances to u = outgoing distances from u in the transposed graph.
    let sums = transposed().forEachSource(length: length, initial: [(Double, Int)](repeating: (0, 0), count: n)) { u, sweep, acc in
      var total = 0.0
      for v in sweep.order { total += sweep.distance[v] }
      acc[u] = (total, sweep.order.count)
    } merge: { total, part in
      for i in 0 ..< n where part[i].1 > 0 { total[i] = part[i] }
    }
    return sums.map { total, reachedCount in
      let reached = Double(reachedCount - 1)
      guard total > 0, n > 1 else { return 0 }
      var c = reached / total
      if wassermanFaust { c *= reached / Double(n - 1) }
      return c
    }
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
