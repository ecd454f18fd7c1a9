import Foundation

extension Digraph {
  /// Returns the eigenvector centrality of every node: a node is central when central nodes
  /// point to it.
  ///
  /// The scores are the left Perron eigenvector of the strength matrix A (x = xA, in-arcs
  /// count), found by power iteration on A + I (the shift makes it converge on bipartite
  /// and periodic graphs), scaled to unit Euclidean length.
  ///
  /// Conventions: matches `nx.eigenvector_centrality(G, max_iter=maxIterations,
  /// tol=tolerance, weight="weight")` iterate for iterate: start from the uniform vector,
  /// stop when the L1 change is below `nodeCount * tolerance`.
  ///
  /// - Throws: ``GraphError/didNotConverge(algorithm:iterations:residual:)``,
  ///   ``GraphError/negativeWeight(algorithm:source:target:weight:)``.
  /// - Complexity: O(*k* (*n* + *m*)) for *k* sweeps.
  ///
  /// ## References
  /// - P. Bonacich. "Power and Centrality: A Family of Measures." American Journal of
  ///   Sociology 92(5), 1987.
  public func eigenvectorCentrality(tolerance: Double = 1e-6, maxIterations: Int = 100) throws -> [Double] {
    try requireNonNegativeWeights(for: "eigenvectorCentrality")
    let n = nodeCount
    guard n > 0 else { return [] }
    if arcCount == 0 && n > 0 {
      // NetworkX raises on a graph without edges (all-zero vector); uniform is the only
      // symmetric answer, and we return it rather than fail.
      return Array(repeating: 1 / Double(n).squareRoot(), count: n)
    }
    var x = [Double](repeating: 1 / Double(n), count: n)
    var residual = Double.infinity
    for _ in 0 ..< maxIterations {
      var next = x
      for u in 0 ..< n {
        let xu = x[u]
        for i in outOffsets[u] ..< outOffsets[u + 1] { next[outTargets[i]] += xu * outWeights[i] }
      }
      var norm = (next.reduce(0) { $0 + $1 * $1 }).squareRoot()
      if norm == 0 { norm = 1 }
      residual = 0
      for v in 0 ..< n {
        next[v] /= norm
        residual += abs(next[v] - x[v])
      }
      x = next
      if residual < Double(n) * tolerance { return x }
    }
    throw GraphError.didNotConverge(algorithm: "eigenvectorCentrality", iterations: maxIterations, residual: residual)
  }

  /// Returns the largest eigenvalue (spectral radius) of the strength matrix, by power
  /// iteration on A + I; exactly 0 for a graph without cycles (its matrix is nilpotent, and
  /// power iteration would creep toward 0 for thousands of sweeps instead).
  ///
  /// - Complexity: O(*k* (*n* + *m*)).
  public func spectralRadius(tolerance: Double = 1e-12, maxIterations: Int = 10_000) -> Double {
    let n = nodeCount
    guard n > 0, arcCount > 0, !isAcyclic else { return 0 }
    var x = [Double](repeating: 1 / Double(n).squareRoot(), count: n)
    var lambda = 0.0
    for _ in 0 ..< maxIterations {
      var next = x
      for u in 0 ..< n {
        for i in outOffsets[u] ..< outOffsets[u + 1] { next[outTargets[i]] += x[u] * abs(outWeights[i]) }
      }
      let norm = (next.reduce(0) { $0 + $1 * $1 }).squareRoot()
      guard norm.isFinite else { return .infinity }  // strengths so large that λmax overflows
      let estimate = norm - 1  // ‖(A + I)x‖ → ρ + 1 for the Perron vector
      for v in 0 ..< n { x[v] = next[v] / norm }
      if abs(estimate - lambda) <= tolerance * Swift.max(1, abs(estimate)) { return estimate }
      lambda = estimate
    }
    return lambda
  }
}
