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
  /// exist yet (w_ab = 0) from a node that has other out-arcs: the returned `derivative`
  /// evaluates it for any pair. An arc from a dangling node is a jump, not a slope
  /// (`derivative` returns `nil`): recompute those.
  ///
  /// - Parameter tolerance: Per-node tolerance of both solves (L1 change below n × tolerance).
  /// - Returns: The converged PageRank `x`, one derivative per arc in CSR order
  ///   (`0 ..< arcCount`), and a function giving ∂x_t/∂w_ab for any pair.
  /// - Complexity: O(*k* (*n* + *m*)) for two converged power iterations.
  public func pageRankSensitivity(
    to target: NodeIndex, damping: Double = 0.85, tolerance: Double = 1e-12
  ) throws -> (rank: [Double], arcDerivatives: [Double], derivative: (NodeIndex, NodeIndex) -> Double?) {
    precondition((0 ..< nodeCount).contains(target), "target out of range")
    let n = nodeCount
    let x = try pageRank(damping: damping, tolerance: tolerance, maxIterations: 100_000)
    let s = (0 ..< n).map { outWeights(of: $0).reduce(0, +) }
    // z ← e_t + d (P z + 1_D mean(z)), swept over CSR rows; mean(z) once per sweep.
    var z = [Double](repeating: 0, count: n)
    z[target] = 1
    var next = z
    var residual = Double.infinity
    var converged = false
    for _ in 0 ..< 100_000 {
      let mean = z.reduce(0, +) / Double(n)
      residual = 0
      for j in 0 ..< n {
        var value = j == target ? 1.0 : 0.0
        if s[j] == 0 {
          value += damping * mean
        } else {
          var sum = 0.0
          for i in outOffsets[j] ..< outOffsets[j + 1] { sum += outWeights[i] * z[outTargets[i]] }
          value += damping * sum / s[j]
        }
        residual += abs(value - z[j])
        next[j] = value
      }
      swap(&z, &next)
      if residual <= Double(n) * tolerance {
        converged = true
        break
      }
    }
    guard converged else {
      throw GraphError.didNotConverge(algorithm: "pageRankSensitivity", iterations: 100_000, residual: residual)
    }
    // Σ_j P_aj z_j for every a, once: O(m).
    let mean = (0 ..< n).map { a in
      s[a] > 0 ? zip(outNeighbors(of: a), outWeights(of: a)).reduce(0) { $0 + $1.1 * z[$1.0] } / s[a] : 0
    }
    var derivatives = [Double](repeating: 0, count: arcCount)
    for a in 0 ..< n where s[a] > 0 {
      for (i, b) in zip(outArcIndices(of: a), outNeighbors(of: a)) {
        derivatives[i] = damping * x[a] / s[a] * (z[b] - mean[a])
      }
    }
    let derivative: (NodeIndex, NodeIndex) -> Double? = { a, b in
      s[a] > 0 ? damping * x[a] / s[a] * (z[b] - mean[a]) : nil
    }
    return (x, derivatives, derivative)
  }
}
