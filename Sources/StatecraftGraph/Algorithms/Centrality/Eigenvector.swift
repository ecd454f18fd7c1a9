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
    var next = x
    let parallel = sweepsInParallel
    for _ in 0 ..< maxIterations {
      inArcSums(x, base: x, into: &next, parallel: parallel)  // x(A + I), on all cores when big
      var norm = (next.reduce(0) { $0 + $1 * $1 }).squareRoot()
      if norm == 0 { norm = 1 }
      residual = 0
      for v in 0 ..< n {
        next[v] /= norm
        residual += abs(next[v] - x[v])
      }
      swap(&x, &next)
      if residual < Double(n) * tolerance { return x }
    }
    throw GraphError.didNotConverge(algorithm: "eigenvectorCentrality", iterations: maxIterations, residual: residual)
  }

  /// Returns the largest eigenvalue (spectral radius) of the strength matrix: the upper end
  /// of ``spectralRadiusBounds(tolerance:maxIterations:)``, so never below the true λmax
  /// (exactly 0 for a graph without cycles).
  ///
  /// - Complexity: O(*k* (*n* + *m*)).
  public func spectralRadius(tolerance: Double = 1e-12, maxIterations: Int = 10_000) -> Double {
    spectralRadiusBounds(tolerance: tolerance, maxIterations: maxIterations).upper
  }

  /// Returns certified bounds on the largest eigenvalue λmax of the (absolute) strength
  /// matrix A: `lower ≤ λmax ≤ upper`, within `tolerance` of each other (relative, when λmax
  /// is above 1) unless `maxIterations` ran out first; both are 0 without cycles and
  /// infinite when strengths so large overflow.
  ///
  /// λmax is the largest of the strong components' own λmax (A is block triangular over
  /// them), and each component's matrix is irreducible, so its Perron root is simple: power
  /// iteration on A_C + I (the shift makes it primitive, so periodic components converge too)
  /// runs per component, never across them. For the positive iterate x the Collatz–Wielandt
  /// bounds min_i (A_C x)_i / x_i ≤ ρ(A_C) ≤ max_i (A_C x)_i / x_i hold at every sweep, so the
  /// answer is certified rather than estimated. Power iteration on the whole of A could not
  /// do this: two components with equal λmax joined by an arc make λmax defective, where
  /// the iteration creeps as 1/k (it reported 1.0002 for a true 1 and refused a Katz α of
  /// 0.9999 that converges).
  ///
  /// - Complexity: O(*k* (*n* + *m*)), *k* the sweeps of the slowest component.
  ///
  /// ## References
  /// - L. Collatz. "Einschließungssatz für die charakteristischen Zahlen von Matrizen."
  ///   Mathematische Zeitschrift 48, 1942. H. Wielandt. "Unzerlegbare, nicht negative
  ///   Matrizen." Mathematische Zeitschrift 52, 1950.
  public func spectralRadiusBounds(tolerance: Double = 1e-12, maxIterations: Int = 10_000) -> (lower: Double, upper: Double) {
    let n = nodeCount
    guard n > 0, arcCount > 0 else { return (0, 0) }
    let components = strongComponents()
    var label = [Int](repeating: 0, count: n)
    for (c, members) in components.enumerated() { for v in members { label[v] = c } }
    // Components with an arc inside them (a single node needs a self-loop); the rest have
    // λ = 0 and take no part.
    var inside = [Bool](repeating: false, count: components.count)
    for u in 0 ..< n {
      for i in outOffsets[u] ..< outOffsets[u + 1] where label[outTargets[i]] == label[u] && outWeights[i] != 0 { inside[label[u]] = true }
    }
    guard inside.contains(true) else { return (0, 0) }
    var x = [Double](repeating: 1, count: n)
    var lower = [Double](repeating: 0, count: components.count)
    var upper = [Double](repeating: 0, count: components.count)
    var done = inside.map { !$0 }
    for _ in 0 ..< maxIterations {
      var next = x  // the shift: (A_C + I) x
      for u in 0 ..< n where !done[label[u]] {
        let xu = x[u], c = label[u]
        for i in outOffsets[u] ..< outOffsets[u + 1] where label[outTargets[i]] == c { next[outTargets[i]] += xu * abs(outWeights[i]) }
      }
      var lo = [Double](repeating: .infinity, count: components.count)
      var hi = [Double](repeating: 0, count: components.count)
      var top = [Double](repeating: 0, count: components.count)
      for v in 0 ..< n where !done[label[v]] {
        let c = label[v]
        guard next[v].isFinite else { return (.infinity, .infinity) }  // λmax overflows
        let ratio = next[v] / x[v] - 1
        lo[c] = Swift.min(lo[c], ratio)
        hi[c] = Swift.max(hi[c], ratio)
        top[c] = Swift.max(top[c], next[v])
      }
      for c in components.indices where !done[c] {
        (lower[c], upper[c]) = (Swift.max(0, lo[c]), hi[c])
        if upper[c] - lower[c] <= tolerance * Swift.max(1, upper[c]) { done[c] = true }
      }
      for v in 0 ..< n where top[label[v]] > 0 { x[v] = next[v] / top[label[v]] }
      if !done.contains(false) { break }
    }
    return (lower.max() ?? 0, upper.max() ?? 0)
  }
}
