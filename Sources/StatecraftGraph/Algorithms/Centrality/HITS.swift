/// Hub and authority scores from HITS.
public struct HubsAndAuthorities: Sendable, Equatable {
  /// Hub scores: a good hub points to good authorities.
  public var hubs: [Double]
  /// Authority scores: a good authority is pointed to by good hubs.
  public var authorities: [Double]
}

extension Digraph {
  /// Returns Kleinberg's hub and authority scores.
  ///
  /// Authorities a are the principal eigenvector of AᵀA and hubs h = Aa, each scaled to sum
  /// to 1; on the seed world, a *hub* is an actor that sends many strong ties to actors that
  /// receive many (Pakistan's courting), an *authority* one that receives them.
  ///
  /// Conventions: the same vectors as `nx.hits(G, normalized=True)` (NetworkX computes a
  /// sparse SVD with ARPACK; we iterate a ← AᵀA a from the uniform vector until the L1 change
  /// is below `nodeCount * tolerance`, so results agree to about the tolerance). A graph
  /// without arcs gives uniform scores. The iteration needs about
  /// ln(tolerance) / ln((σ₂/σ₁)²) sweeps: where the two largest singular values of A are
  /// within 0.05%, more than the default 10,000, and it throws where ARPACK still answers.
  ///
  /// - Throws: ``GraphError/didNotConverge(algorithm:iterations:residual:)``,
  ///   ``GraphError/negativeWeight(algorithm:source:target:weight:)``.
  /// - Complexity: O(*k* (*n* + *m*)).
  ///
  /// ## References
  /// - J. Kleinberg. "Authoritative Sources in a Hyperlinked Environment." Journal of the
  ///   ACM 46(5), 1999.
  public func hits(tolerance: Double = 1e-10, maxIterations: Int = 10_000) throws -> HubsAndAuthorities {
    try requireNonNegativeWeights(for: "hits")
    let n = nodeCount
    guard n > 0 else { return HubsAndAuthorities(hubs: [], authorities: []) }
    let uniform = [Double](repeating: 1 / Double(n), count: n)
    guard arcCount > 0 else { return HubsAndAuthorities(hubs: uniform, authorities: uniform) }
    func normalizedToSum(_ v: [Double]) -> [Double] {
      let s = v.reduce(0, +)
      return s > 0 ? v.map { $0 / s } : v
    }
    // Both half-sweeps on all cores when the graph is big, to the same bits as one.
    let parallel = sweepsInParallel
    func hubsFrom(_ a: [Double]) -> [Double] {
      var h = [Double](repeating: 0, count: n)
      outArcSums(a, into: &h, parallel: parallel)
      return h
    }
    var a = uniform
    var residual = Double.infinity
    var next = uniform
    for _ in 0 ..< maxIterations {
      inArcSums(hubsFrom(a), into: &next, parallel: parallel)
      next = normalizedToSum(next)
      residual = zip(next, a).reduce(0) { $0 + abs($1.0 - $1.1) }
      a = next
      if residual < Double(n) * tolerance {
        return HubsAndAuthorities(hubs: normalizedToSum(hubsFrom(a)), authorities: a)
      }
    }
    throw GraphError.didNotConverge(algorithm: "hits", iterations: maxIterations, residual: residual)
  }
}
