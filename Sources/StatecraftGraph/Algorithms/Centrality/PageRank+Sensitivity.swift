/// How one node's PageRank responds to changes in the arcs' strengths: the derivative with
/// respect to every arc from one adjoint (transposed) solve, and the first-order change when a
/// node loses every out-arc.
///
/// With M the transition matrix (row a is P_a = strengths / s_a, or uniform when a is
/// dangling), A = I − d Mᵀ and PageRank x = (1 − d) A⁻¹ u, changing row a of M by δ is a
/// rank-one change of A, and Sherman–Morrison gives the target's exact change
///
///     Δx_t = d · x_a · (z · δ) / (1 − d · y_a · δ),    z = A⁻ᵀ e_t,  y_a = A⁻ᵀ e_a.
///
/// z is the one adjoint solve; y_a would be another solve per source a, so the estimates take
/// the numerator (the first-order change) and, where it is cheap, bound the denominator.
public struct PageRankSensitivity: Sendable {
  /// The converged PageRank x.
  public let rank: [Double]
  /// ∂x_t/∂w for every arc, in CSR order (`0 ..< arcCount`).
  public let arcDerivatives: [Double]
  /// The adjoint solution z (row t of A⁻¹).
  package let z: [Double]
  /// Each node's out-strength s_a.
  package let outStrength: [Double]
  /// Σ_j P_aj z_j for every non-dangling a.
  package let rowMean: [Double]
  /// The mean of z.
  package let zMean: Double
  package let damping: Double

  /// ∂x_t/∂w_ab for any pair, tied or not: d · x_a / s_a · (z_b − Σ_j P_aj z_j). `nil` when
  /// a is dangling: its first arc is a jump, not a slope.
  /// - Complexity: O(1).
  public func derivative(from a: NodeIndex, to b: NodeIndex) -> Double? {
    outStrength[a] > 0 ? damping * rank[a] / outStrength[a] * (z[b] - rowMean[a]) : nil
  }

  /// The change of x_t when arc a → b's strength changes by `delta` and a keeps some
  /// out-strength (s_a + delta > 0): row a changes by δ = delta · (e_b − P_a) / (s_a + delta),
  /// so the Sherman–Morrison numerator is d · x_a · delta · (z_b − Σ_j P_aj z_j) / (s_a + delta),
  /// the derivative × delta × s_a / (s_a + delta). It is first order in the rank-one change,
  /// not in delta: removing most of a node's out-strength is estimated far better than by the
  /// slope. `nil` when a is dangling or the change leaves it so.
  /// - Complexity: O(1).
  public func change(from a: NodeIndex, to b: NodeIndex, by delta: Double) -> Double? {
    let remaining = outStrength[a] + delta
    guard outStrength[a] > 0, remaining > 0 else { return nil }
    return damping * rank[a] * delta * (z[b] - rowMean[a]) / remaining
  }

  /// The change of x_t when node `a` loses every out-arc (it becomes dangling and jumps
  /// uniformly): δ = u − P_a, so the numerator is d · x_a · (mean(z) − Σ_j P_aj z_j).
  ///
  /// y_a · P_a = (y_aa − 1)/d ≥ 0 and y_a · u = x_a / (1 − d), so the denominator is at least
  /// 1 − d · x_a / (1 − d): the exact change has the estimate's sign and at most the returned
  /// `bound` in size (`nil` when x_a ≥ (1 − d)/d and the denominator has no positive bound).
  /// - Complexity: O(1).
  public func danglingChange(of a: NodeIndex) -> (estimate: Double, bound: Double?) {
    let estimate = damping * rank[a] * (zMean - rowMean[a])
    let floor = 1 - damping * rank[a] / (1 - damping)
    return (estimate, floor > 0 ? abs(estimate) / floor : nil)
  }
}

extension Digraph {
  /// How one node's PageRank responds to every arc's strength, from one adjoint solve
  /// (``PageRankSensitivity``).
  ///
  /// The adjoint z = e_t + d (P z + 1_D · mean(z)) is the t-th row of (I − d M)⁻¹; the
  /// derivative with respect to arc a → b is d · x_a / s_a · (z_b − Σ_j P_aj z_j), and also
  /// holds for an arc that does not exist yet (w_ab = 0) from a node with other out-arcs.
  ///
  /// - Parameters:
  ///   - target: The node whose PageRank is differentiated.
  ///   - damping: PageRank's damping factor.
  ///   - tolerance: Per-node tolerance of both solves: the L1 change of a sweep below
  ///     n × tolerance, relative to the solution's sum (1 for PageRank; Σz = n · x_t / (1 − d)
  ///     for the adjoint, by the column sums of A⁻¹), so both reach the same relative precision.
  /// - Complexity: O(*k* (*n* + *m*)) for two converged power iterations.
  public func pageRankSensitivity(
    to target: NodeIndex, damping: Double = 0.85, tolerance: Double = 1e-12
  ) throws -> PageRankSensitivity {
    guard (0 ..< nodeCount).contains(target) else { throw GraphError.nodeOutOfRange(target, nodeCount: nodeCount) }
    let n = nodeCount
    let x = try pageRank(damping: damping, tolerance: tolerance, maxIterations: 100_000)
    let s = outStrengths
    let z = try adjoint(of: target, rank: x, outStrength: s, damping: damping, tolerance: tolerance)
    // Σ_j P_aj z_j for every a, once: O(m); then every arc's derivative.
    var rowMean = [Double](repeating: 0, count: n)
    var derivatives = [Double](repeating: 0, count: arcCount)
    for a in 0 ..< n where s[a] > 0 {
      var sum = 0.0
      for i in outOffsets[a] ..< outOffsets[a + 1] { sum += outWeights[i] * z[outTargets[i]] }
      let mean = sum / s[a]
      rowMean[a] = mean
      let scale = damping * x[a] / s[a]
      for i in outOffsets[a] ..< outOffsets[a + 1] { derivatives[i] = scale * (z[outTargets[i]] - mean) }
    }
    return PageRankSensitivity(
      rank: x, arcDerivatives: derivatives, z: z, outStrength: s, rowMean: rowMean, zMean: z.reduce(0, +) / Double(n),
      damping: damping)
  }

  /// The adjoint z = e_t + d (P z + 1_D · mean(z)) by Gauss–Seidel sweeps over the CSR rows
  /// (each z_j uses the sweep's newest values; mean(z) lags a sweep), to the tolerance of
  /// ``pageRankSensitivity(to:damping:tolerance:)``.
  private func adjoint(
    of target: NodeIndex, rank: [Double], outStrength: [Double], damping: Double, tolerance: Double
  ) throws -> [Double] {
    let n = nodeCount
    // z ← e_t + d (P z + 1_D mean(z)), swept over CSR rows; mean(z) once per sweep.
    // Start from e_t plus the mean z must have: Σz = n · x_t / (1 − d) (A⁻¹'s columns sum to
    // 1/(1 − d)), so the sweeps only settle the local structure.
    var z = [Double](repeating: rank[target] / (1 - damping), count: n)
    z[target] += 1
    var residual = Double.infinity
    var converged = false
    let inverse = outStrength.map { $0 > 0 ? damping / $0 : 0 }
    outOffsets.withUnsafeBufferPointer { offsets in
      outTargets.withUnsafeBufferPointer { targets in
        outWeights.withUnsafeBufferPointer { weights in
          inverse.withUnsafeBufferPointer { inverse in
            z.withUnsafeMutableBufferPointer { z in
              for _ in 0 ..< 100_000 {
                // Gauss–Seidel: each z_j uses the sweep's newest values; mean(z) lags a sweep.
                var total = 0.0
                for j in 0 ..< n { total += z[j] }
                let jump = damping * total / Double(n)
                residual = 0
                for j in 0 ..< n {
                  var value = j == target ? 1.0 : 0.0
                  let scale = inverse[j]
                  if scale == 0 {
                    value += jump
                  } else {
                    var sum = 0.0
                    for i in offsets[j] ..< offsets[j + 1] { sum += weights[i] * z[targets[i]] }
                    value += scale * sum
                  }
                  residual += abs(value - z[j])
                  z[j] = value
                }
                // Relative to Σz (≥ 1), as PageRank's L1 test is relative to Σx = 1.
                if residual <= Double(n) * tolerance * total {
                  converged = true
                  break
                }
              }
            }
          }
        }
      }
    }
    guard converged else {
      throw GraphError.didNotConverge(algorithm: "pageRankSensitivity", iterations: 100_000, residual: residual)
    }
    return z
  }
}
