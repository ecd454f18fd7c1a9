extension Digraph {
  /// The derivative of one Friedkin–Johnsen entry V[t][s] (how much `s` sways `t`) with
  /// respect to the strength of any arc, from one adjoint and one forward solve.
  ///
  /// With A = I − ΛW and V = A⁻¹(I − Λ), dV = A⁻¹ Λ dW V. An arc j → i of strength w enters
  /// row i of W as w/s_i (s_i: i's in-strength), so
  ///
  ///     ∂V[t][s]/∂w_ji = r_i λ_i / s_i · (c_j − Σ_k W_ik c_k),
  ///
  /// with r the t-th row of A⁻¹ (r = e_t + WᵀΛr) and c the s-th column of V. For an actor
  /// that heeds nobody (s_i = 0, W_ii = 1) a first arc is a jump: the function returns `nil`.
  ///
  /// - Returns: A function giving ∂V[t][s]/∂w for arc (j, i), existing or new, and the
  ///   baseline value V[t][s].
  /// - Complexity: O(*k* *m*) for the two solves; each evaluation O(in-degree of i).
  public func friedkinJohnsenSensitivity(
    of source: NodeIndex, over target: NodeIndex, susceptibility lambda: [Double], tolerance: Double = 1e-13
  ) throws -> (value: Double, derivative: @Sendable (NodeIndex, NodeIndex) -> Double?) {
    try friedkinJohnsenSensitivity(of: [source], over: [target], susceptibility: lambda, tolerance: tolerance)
  }

  /// ``friedkinJohnsenSensitivity(of:over:susceptibility:tolerance:)`` for groups: the value
  /// Σ_{s ∈ sources} mean_{t ∈ targets} V[t][s] is linear in V, so the same two solves answer
  /// it, with the column and the adjoint's right-hand side summed over the groups.
  /// - Complexity: two sparse solves (the forward and the adjoint), each O(*k* (*n* + *m*)) for *k* Gauss–Seidel sweeps, plus O(*m*) for the derivatives.
  public func friedkinJohnsenSensitivity(
    of sources: [NodeIndex], over targets: [NodeIndex], susceptibility lambda: [Double], tolerance: Double = 1e-13
  ) throws -> (value: Double, derivative: @Sendable (NodeIndex, NodeIndex) -> Double?) {
    precondition(!sources.isEmpty && !targets.isEmpty, "a group has members")
    // The slope formula below is for non-negative strengths (|w| = w in the normalization).
    try requireNonNegativeWeights(for: "friedkinJohnsenSensitivity")
    var e = [Double](repeating: 0, count: nodeCount)
    for t in targets { e[t] += 1 / Double(targets.count) }
    let r = try heedAdjointSolve(e, susceptibility: lambda, tolerance: tolerance, maxIterations: 100_000)
    var b = [Double](repeating: 0, count: nodeCount)
    for j in sources { b[j] = 1 - lambda[j] }
    let c = try heedSolve(b, susceptibility: lambda, tolerance: tolerance, maxIterations: 100_000)
    let s = (0 ..< nodeCount).map { inWeights(of: $0).reduce(0, +) }
    let value = zip(e, c).reduce(0) { $0 + $1.0 * $1.1 }
    // Σ_k W_ik c_k for every i, once: O(m).
    let heeded = (0 ..< nodeCount).map { i in
      s[i] > 0 ? zip(inNeighbors(of: i), inWeights(of: i)).reduce(0) { $0 + $1.1 * c[$1.0] } / s[i] : c[i]
    }
    let derivative: @Sendable (NodeIndex, NodeIndex) -> Double? = { j, i in
      guard s[i] > 0 else { return nil }
      return r[i] * lambda[i] / s[i] * (c[j] - heeded[i])
    }
    return (value, derivative)
  }
}
