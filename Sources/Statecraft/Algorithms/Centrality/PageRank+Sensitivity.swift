extension Digraph {
  /// The derivative of one node's PageRank with respect to every arc's strength, from one
  /// adjoint (transposed) solve.
  ///
  /// With P the row-normalized strength matrix, D the dangling nodes and u uniform, PageRank
  /// is the fixed point x = d (Pᵀx + u·Σ_D x) + (1 − d) u. Changing the strength of arc a → b
  /// (a not dangling) changes row a of P by (e_b − P_a)/s_a, so
  ///
  ///     ∂x_t/∂w_ab = d · x_a / s_a · (z_b − Σ_j P_aj z_j),   z = e_t + d (P z + 1_D · mean(z)),
  ///
  /// where z is the t-th row of (I − dM)⁻¹. The formula also holds for an arc that does not
  /// exist yet (w_ab = 0) from a node that has other out-arcs: ``pageRankSensitivity(to:damping:)``
  /// returns the function to evaluate it. An arc from a dangling node is a jump, not a slope:
  /// recompute those.
  ///
  /// - Returns: The converged PageRank `x` (tolerance 1e-13 per node), the adjoint `z`, and
  ///   one derivative per arc in CSR order (`0 ..< arcCount`).
  /// - Complexity: O(*k* (*n* + *m*)) for two converged power iterations.
  public func pageRankSensitivity(
    to target: NodeIndex, damping: Double = 0.85
  ) throws -> (rank: [Double], adjoint: [Double], arcDerivatives: [Double]) {
    precondition((0 ..< nodeCount).contains(target), "target out of range")
    let n = nodeCount
    let x = try pageRank(damping: damping, tolerance: 1e-15, maxIterations: 100_000)
    let s = (0 ..< n).map { outWeights(of: $0).reduce(0, +) }
    var e = [Double](repeating: 0, count: n)
    e[target] = 1
    let z = try jacobi(e, algorithm: "pageRankSensitivity", tolerance: 1e-15, maxIterations: 100_000) { z, j in
      if s[j] == 0 { return damping * z.reduce(0, +) / Double(n) }
      var sum = 0.0
      for (k, w) in zip(outNeighbors(of: j), self.outWeights(of: j)) { sum += w * z[k] }
      return damping * sum / s[j]
    }
    var derivatives = [Double](repeating: 0, count: arcCount)
    for a in 0 ..< n where s[a] > 0 {
      let mean = zip(outNeighbors(of: a), self.outWeights(of: a)).reduce(0) { $0 + $1.1 * z[$1.0] } / s[a]
      for (i, b) in zip(outArcIndices(of: a), outNeighbors(of: a)) {
        derivatives[i] = damping * x[a] / s[a] * (z[b] - mean)
      }
    }
    return (x, z, derivatives)
  }

  /// ∂x_t/∂w_ab for any pair (the arc may be new), given ``pageRankSensitivity(to:damping:)``'s
  /// rank and adjoint; `nil` when `a` is dangling (adding its first arc is a jump).
  public func pageRankDerivative(
    from a: NodeIndex, to b: NodeIndex, rank x: [Double], adjoint z: [Double], damping: Double = 0.85
  ) -> Double? {
    let s = outWeights(of: a).reduce(0, +)
    guard s > 0 else { return nil }
    let mean = zip(outNeighbors(of: a), outWeights(of: a)).reduce(0) { $0 + $1.1 * z[$1.0] } / s
    return damping * x[a] / s * (z[b] - mean)
  }
}
