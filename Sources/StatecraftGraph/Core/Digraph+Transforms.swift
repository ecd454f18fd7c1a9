/// New digraphs made from one: the transpose and the undirected (symmetrized) view.
extension Digraph {
  /// The undirected graph with opposite arcs' strengths added.
  /// - Complexity: O(*n* + *m* log *d*) for the new CSR rows.
  public func symmetrized() -> Digraph {
    guard isDirected else { return self }
    var sources: [NodeIndex] = []
    var targets: [NodeIndex] = []
    var weights: [Double] = []
    for (u, v, w) in arcs {
      sources.append(u)
      targets.append(v)
      weights.append(w)
      if u != v {
        sources.append(v)
        targets.append(u)
        weights.append(w)
      }
    }
    return Digraph(
      nodeCount: nodeCount, arcSources: sources, arcTargets: targets, arcWeights: weights,
      directed: false, combine: .sum)
  }

  /// The same graph with every arc reversed.
  /// - Complexity: O(*n* + *m*).
  public func transposed() -> Digraph {
    Digraph(
      nodeCount: nodeCount, arcSources: inSourcesExpandedTargets(), arcTargets: inSources,
      arcWeights: inWeights, directed: isDirected, combine: .sum)
  }

  /// For each in-arc slot, the node it points into (the row owner), aligned with `inSources`.
  private func inSourcesExpandedTargets() -> [NodeIndex] {
    var owners = [NodeIndex](repeating: 0, count: arcCount)
    for v in 0 ..< nodeCount { for i in inOffsets[v] ..< inOffsets[v + 1] { owners[i] = v } }
    return owners
  }
}
