extension Digraph {
  /// Returns the modularity of a partition: the share of strength inside communities minus
  /// what a random graph with the same strengths would put there.
  ///
  /// Undirected: Q = Σ_c [ L_c / m − γ (S_c / 2m)² ], with L_c the strength inside c, S_c the
  /// total strength of c's nodes and m the total edge strength. Directed:
  /// Q = Σ_c [ L_c / m − γ S_c^out S_c^in / m² ].
  ///
  /// Conventions: matches `nx.community.modularity(G, communities, weight="weight",
  /// resolution=resolution)`, self-loops included as NetworkX counts them.
  ///
  /// - Parameters:
  ///   - communities: One community label per node (any integers).
  ///   - resolution: γ; above 1 favours smaller communities.
  /// - Returns: The modularity; 0 for a graph without strength.
  /// - Complexity: O(*n* + *m*).
  ///
  /// ## References
  /// - M. E. J. Newman. "Modularity and community structure in networks." PNAS 103(23), 2006.
  public func modularity(_ communities: [Int], resolution: Double = 1) throws -> Double {
    guard communities.count == nodeCount else {
      throw GraphError.invalidArgument(name: "communities", reason: "\(communities.count) labels for \(nodeCount) nodes; give one per node")
    }
    var inside: [Int: Double] = [:]
    var outStrength: [Int: Double] = [:]
    var inStrength: [Int: Double] = [:]
    var total = 0.0
    for (u, v, w) in arcs {
      let cu = communities[u]
      let cv = communities[v]
      if isDirected {
        total += w
        if cu == cv { inside[cu, default: 0] += w }
        outStrength[cu, default: 0] += w
        inStrength[cv, default: 0] += w
      } else {
        // Each undirected edge is two arcs (a self-loop one arc counted twice in strength).
        let share = u == v ? 1.0 : 0.5
        total += share * w
        if cu == cv { inside[cu, default: 0] += share * w }
        outStrength[cu, default: 0] += u == v ? 2 * w : w
      }
    }
    guard total > 0 else { return 0 }
    var q = 0.0
    for c in Set(communities).sorted() {
      let l = inside[c] ?? 0
      if isDirected {
        q += l / total - resolution * (outStrength[c] ?? 0) * (inStrength[c] ?? 0) / (total * total)
      } else {
        let s = outStrength[c] ?? 0
        q += l / total - resolution * (s / (2 * total)) * (s / (2 * total))
      }
    }
    return q
  }
}
