extension Digraph {
  /// Which arcs a degree or strength counts.
  public enum Direction: String, CaseIterable, Sendable {
    /// Arcs leaving the node.
    case out
    /// Arcs entering the node.
    case `in`
    /// Both: in + out for a directed graph; incident edges for an undirected one.
    case all
  }

  /// Returns the number of ties at every node.
  ///
  /// For a directed graph, `.all` is in-degree + out-degree, so a self-loop counts twice;
  /// for an undirected graph every direction gives the number of incident edges, a
  /// self-loop counting twice, exactly as NetworkX.
  ///
  ///     let g = try Digraph(nodeCount: 3, edges: [(0, 1), (0, 2)])
  ///     g.degree(.out)  // [2, 0, 0]
  ///
  /// Conventions: matches `dict(G.degree())`, `G.in_degree()` and `G.out_degree()`.
  /// Parallel relations merged by the lens count once.
  ///
  /// - Parameter direction: Which arcs to count.
  /// - Returns: One count per node.
  /// - Complexity: O(*n*).
  public func degree(_ direction: Direction = .all) -> [Int] {
    (0 ..< nodeCount).map { u in
      let out = outOffsets[u + 1] - outOffsets[u]
      let inn = inOffsets[u + 1] - inOffsets[u]
      if !isDirected { return out + (hasArc(from: u, to: u) ? 1 : 0) }
      switch direction {
      case .out: return out
      case .in: return inn
      case .all: return out + inn
      }
    }
  }

  /// Returns every node's degree divided by `n − 1`, the largest degree possible without
  /// self-loops or parallel ties.
  ///
  /// Conventions: matches `nx.degree_centrality`, `nx.in_degree_centrality` and
  /// `nx.out_degree_centrality` (for a directed graph, `.all` can reach 2). A graph with
  /// one node gives `[1]`, as NetworkX.
  ///
  /// - Complexity: O(*n*).
  public func degreeCentrality(_ direction: Direction = .all) -> [Double] {
    if nodeCount <= 1 { return Array(repeating: 1, count: nodeCount) }
    let scale = 1 / Double(nodeCount - 1)
    return degree(direction).map { Double($0) * scale }
  }

  /// Returns the total strength of every node's ties (weighted degree).
  ///
  /// Conventions: matches `dict(G.degree(weight="weight"))` (and `in_degree`/`out_degree`):
  /// an undirected self-loop counts twice. Strengths are the lens's merged weights.
  ///
  /// - Complexity: O(*n* + *m*).
  public func strength(_ direction: Direction = .all) -> [Double] {
    (0 ..< nodeCount).map { u in
      let out = outStrengths[u]
      let inn = inWeights(of: u).reduce(0, +)
      if !isDirected { return out + (weight(from: u, to: u) ?? 0) }
      switch direction {
      case .out: return out
      case .in: return inn
      case .all: return out + inn
      }
    }
  }
}
