extension Digraph {
  /// Returns the Katz centrality of every node: walks of every length into a node, each
  /// damped by `alpha` per step, plus a baseline `beta`.
  ///
  /// x = α xA + β: a node is central when nodes point to it, and counts more when those
  /// nodes are central themselves, with longer walks discounted geometrically. The series
  /// converges only when α < 1/λmax (the strength matrix's spectral radius); otherwise the
  /// call throws instead of returning numbers that mean nothing.
  ///
  ///     let path = try Digraph(nodeCount: 3, edges: [(0, 1), (1, 2)], directed: false)
  ///     try path.katzCentrality(alpha: 0.1)  // [0.5599, 0.6108, 0.5599] (rounded)
  ///
  /// Conventions: matches `nx.katz_centrality(G, alpha, beta, max_iter=maxIterations,
  /// tol=tolerance, normalized=normalized, weight="weight")` iterate for iterate (start at
  /// 0, stop when the L1 change is below `nodeCount * tolerance`, then scale to unit
  /// Euclidean length when normalized).
  ///
  /// - Parameters:
  ///   - tolerance: Per-node tolerance: the L1 change of a sweep below `nodeCount × tolerance` ends it.
  ///   - maxIterations: The most sweeps before ``GraphError/didNotConverge(algorithm:iterations:residual:)``.
  ///   - alpha: The attenuation per step; must be below 1/λmax.
  ///   - beta: The baseline every node gets.
  ///   - normalized: Whether to scale to unit Euclidean length.
  /// - Throws: ``GraphError/invalidVector(name:reason:)`` when `alpha` ≥ 1/λmax,
  ///   ``GraphError/didNotConverge(algorithm:iterations:residual:)``,
  ///   ``GraphError/negativeWeight(algorithm:source:target:weight:)``.
  /// - Complexity: O(*k* (*n* + *m*)).
  ///
  /// ## References
  /// - L. Katz. "A New Status Index Derived from Sociometric Analysis." Psychometrika 18(1), 1953.
  public func katzCentrality(
    alpha: Double = 0.1, beta: Double = 1, normalized: Bool = true, tolerance: Double = 1e-6,
    maxIterations: Int = 1000
  ) throws -> [Double] {
    try GraphError.requirePositiveFinite(alpha, name: "alpha")
    try requireNonNegativeWeights(for: "katzCentrality")
    let n = nodeCount
    guard n > 0 else { return [] }
    let radius = spectralRadius()
    if radius > 0 && alpha * radius >= 1 - 1e-12 {
      throw GraphError.invalidVector(
        name: "alpha",
        reason: "alpha = \(alpha) is not below 1/λmax = \(1 / radius) (λmax = \(radius)); the walk sums diverge, choose a smaller alpha")
    }
    var x = [Double](repeating: 0, count: n)
    var residual = Double.infinity
    var next = x
    let parallel = sweepsInParallel
    for _ in 0 ..< maxIterations {
      inArcSums(x, into: &next, parallel: parallel)  // xA, on all cores when big
      residual = 0
      for v in 0 ..< n {
        next[v] = alpha * next[v] + beta
        residual += abs(next[v] - x[v])
      }
      swap(&x, &next)
      if residual < Double(n) * tolerance {
        if normalized {
          let norm = (x.reduce(0) { $0 + $1 * $1 }).squareRoot()
          if norm > 0 { x = x.map { $0 / norm } }
        }
        return x
      }
    }
    throw GraphError.didNotConverge(algorithm: "katzCentrality", iterations: maxIterations, residual: residual)
  }
}
