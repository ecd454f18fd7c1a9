/// Sparse solves for one row, one column or the totals of an influence matrix, so that a
/// question about one actor costs O(*m* × sweeps) time and O(*n*) memory instead of the dense
/// O(*n*³) of ``Digraph/friedkinJohnsen(susceptibility:)``.
///
/// Each solve is a Jacobi iteration x ← T x + b whose contraction factor is below 1 when the
/// dense matrix exists (max λ for Friedkin–Johnsen with a stubborn actor in reach, α·λmax for
/// walk sums); it stops when the L1 change falls below `nodeCount × tolerance`.
extension Digraph {
  /// Row `i` of the Friedkin–Johnsen matrix V: how much each actor sways `i`.
  ///
  /// Solves yᵀ = e_iᵀ (I − ΛW)⁻¹ by y ← e_i + Wᵀ Λ y, then V[i][j] = y_j (1 − λ_j).
  /// `start`, an earlier answer for row `i` (before an edit, say): the iteration starts from
  /// it and stops by the same rule, the same fixed point to the tolerance in fewer sweeps.
  /// Ignored unless it has one finite value per node.
  ///
  /// - Complexity: one sparse solve: O(*k* (*n* + *m*)) for *k* sweeps; O(*n*) memory.
  public func friedkinJohnsenRow(
    _ i: NodeIndex, susceptibility: [Double], tolerance: Double = 1e-13, maxIterations: Int = 100_000,
    start: [Double]? = nil
  ) throws -> [Double] {
    var c = [Double](repeating: 0, count: nodeCount)
    c[i] = 1
    let y = try heedAdjointSolve(
      c, susceptibility: susceptibility, tolerance: tolerance, maxIterations: maxIterations,
      start: start.flatMap { Self.unscaled($0, susceptibility, fallback: c) })
    return zip(y, susceptibility).map { $0 * (1 - $1) }
  }

  /// y from an earlier V row or totals (V_j = y_j (1 − λ_j)); where λ_j = 1 the row says
  /// nothing of y_j and `fallback` stands in. `nil` when the sizes do not match.
  static func unscaled(_ v: [Double], _ susceptibility: [Double], fallback: [Double]) -> [Double]? {
    guard v.count == susceptibility.count else { return nil }
    return v.indices.map { susceptibility[$0] < 1 ? v[$0] / (1 - susceptibility[$0]) : fallback[$0] }
  }

  /// Column `j` of the Friedkin–Johnsen matrix V: how much `j` sways each actor.
  ///
  /// Solves x = (I − ΛW)⁻¹ (1 − λ_j) e_j by x ← ΛW x + b.
  /// `start`: an earlier answer for column `j`, as for ``friedkinJohnsenRow(_:susceptibility:tolerance:maxIterations:start:)``.
  ///
  /// - Complexity: one sparse solve: O(*k* (*n* + *m*)) for *k* sweeps; O(*n*) memory.
  public func friedkinJohnsenColumn(
    _ j: NodeIndex, susceptibility: [Double], tolerance: Double = 1e-13, maxIterations: Int = 100_000,
    start: [Double]? = nil
  ) throws -> [Double] {
    var b = [Double](repeating: 0, count: nodeCount)
    b[j] = 1 - susceptibility[j]
    return try heedSolve(b, susceptibility: susceptibility, tolerance: tolerance, maxIterations: maxIterations, start: start)
  }

  /// Column sums of V: each actor's share summed over every actor's settled stance.
  /// `start`: earlier totals, as for ``friedkinJohnsenRow(_:susceptibility:tolerance:maxIterations:start:)``.
  ///
  /// - Complexity: one sparse solve: O(*k* (*n* + *m*)) for *k* sweeps; O(*n*) memory.
  public func friedkinJohnsenTotals(
    susceptibility: [Double], tolerance: Double = 1e-13, maxIterations: Int = 100_000, start: [Double]? = nil
  ) throws -> [Double] {
    let ones = [Double](repeating: 1, count: nodeCount)
    let y = try heedAdjointSolve(
      ones, susceptibility: susceptibility, tolerance: tolerance, maxIterations: maxIterations,
      start: start.flatMap { Self.unscaled($0, susceptibility, fallback: ones) })
    return zip(y, susceptibility).map { $0 * (1 - $1) }
  }

  /// Solves x = Λ W x + b (W: row-normalized heed matrix, see ``friedkinJohnsen(susceptibility:)``).
  ///
  /// Negative strengths (a signed projection) repel: W_ij = w_ji / Σ|w|, Altafini's signed
  /// matrix; the iteration converges because ρ(ΛW) ≤ ρ(Λ|W|) < 1 whenever the unsigned system
  /// is nonsingular (``requireNonsingularHeed(susceptibility:)``).
  func heedSolve(_ b: [Double], susceptibility: [Double], tolerance: Double, maxIterations: Int, start: [Double]? = nil) throws -> [Double] {
    try requireNonsingularHeed(susceptibility: susceptibility)
    let inStrength = absoluteInStrengths()
    return try jacobi(b, start: start, algorithm: "friedkinJohnsen", tolerance: tolerance, maxIterations: maxIterations) { x, i in
      let heed: Double
      if inStrength[i] > 0 {
        var s = 0.0
        // Index loops, not zipped row slices: a slice per node per sweep cost a fifth of a solve.
        for k in inOffsets[i] ..< inOffsets[i + 1] { s += inWeights[k] * x[inSources[k]] }
        heed = s / inStrength[i]
      } else {
        heed = x[i]
      }
      return susceptibility[i] * heed
    }
  }

  /// Solves y = c + Wᵀ Λ y, the adjoint of ``heedSolve(_:susceptibility:tolerance:maxIterations:)``.
  func heedAdjointSolve(
    _ c: [Double], susceptibility: [Double], tolerance: Double, maxIterations: Int, start: [Double]? = nil
  ) throws -> [Double] {
    try requireNonsingularHeed(susceptibility: susceptibility)
    let inStrength = absoluteInStrengths()
    // Each out-arc j → i's factor w / heed(i) · λ_i, fixed across sweeps (the same
    // products, in the same order, as computing it inside the sweep).
    let factor = outWeights.indices.map { k in outWeights[k] / inStrength[outTargets[k]] * susceptibility[outTargets[k]] }
    return try jacobi(c, start: start, algorithm: "friedkinJohnsen", tolerance: tolerance, maxIterations: maxIterations) { y, j in
      // (Wᵀ z)_j = Σ_{i: j → i} W[i][j] z_i, plus z_j when j heeds only itself; z = Λ y.
      var s = inStrength[j] > 0 ? 0 : susceptibility[j] * y[j]
      for k in outOffsets[j] ..< outOffsets[j + 1] { s += factor[k] * y[outTargets[k]] }
      return s
    }
  }

  /// Each node's total heed: the sum of its in-arcs' absolute strengths.
  func absoluteInStrengths() -> [Double] {
    (0 ..< nodeCount).map { v in
      var total = 0.0
      for k in inOffsets[v] ..< inOffsets[v + 1] { total += abs(inWeights[k]) }
      return total
    }
  }

  /// Throws when I − ΛW is singular: a group of nodes with susceptibility 1 that heed only one
  /// another (a node that heeds nobody heeds itself). The iterative solvers would otherwise
  /// run to their iteration limit and report non-convergence, which no option can fix.
  ///
  /// - Complexity: O(nodes + arcs): nodes leave the candidate group once one of the nodes they
  ///   heed is outside it.
  func requireNonsingularHeed(susceptibility: [Double]) throws {
    var inGroup = susceptibility.map { $0 == 1 }
    guard inGroup.contains(true) else { return }
    var queue = (0 ..< nodeCount).filter { !inGroup[$0] }
    while let u = queue.popLast() {
      // u is outside the group: whoever heeds u (an arc u → v) leaves it too.
      for v in outNeighbors(of: u) where inGroup[v] {
        inGroup[v] = false
        queue.append(v)
      }
    }
    let stuck = inGroup.filter { $0 }.count
    guard stuck == 0 else {
      throw GraphError.invalidVector(
        name: "susceptibility",
        reason: "I − ΛW is singular: \(stuck) actor\(stuck == 1 ? "" : "s") with susceptibility 1 heed\(stuck == 1 ? "s" : "") only \(stuck == 1 ? "itself" : "one another"); lower a susceptibility below 1")
    }
  }

  /// Row `i` of the walk-sum matrix (I − αA)⁻¹ − I: how strongly `i` reaches each actor.
  /// - Complexity: O(*k* (*n* + *m*)) for *k* terms of the walk sum; O(*n*) memory.
  public func walkInfluenceRow(_ i: NodeIndex, alpha: Double, tolerance: Double = 1e-13, maxIterations: Int = 100_000) throws -> [Double] {
    // yᵀ = e_iᵀ (I − αA)⁻¹  ⇔  y = e_i + α Aᵀ y.
    try walkSlice(i, alpha: alpha, transposed: true, tolerance: tolerance, maxIterations: maxIterations)
  }

  /// Column `j` of the walk-sum matrix: how strongly each actor reaches `j`.
  /// - Complexity: O(*k* (*n* + *m*)) for *k* terms of the walk sum; O(*n*) memory.
  public func walkInfluenceColumn(_ j: NodeIndex, alpha: Double, tolerance: Double = 1e-13, maxIterations: Int = 100_000) throws -> [Double] {
    try walkSlice(j, alpha: alpha, transposed: false, tolerance: tolerance, maxIterations: maxIterations)
  }

  /// One row (`transposed`) or column of (I − αA)⁻¹ − I.
  func walkSlice(_ k: NodeIndex, alpha: Double, transposed: Bool, tolerance: Double, maxIterations: Int) throws -> [Double] {
    var e = [Double](repeating: 0, count: nodeCount)
    e[k] = 1
    var x = try walkSolve(e, alpha: alpha, transposed: transposed, tolerance: tolerance, maxIterations: maxIterations)
    x[k] -= 1
    return x
  }

  /// Row sums of the walk-sum matrix: how strongly each actor reaches everyone.
  /// - Complexity: O(*k* (*n* + *m*)) for *k* terms of the walk sum; O(*n*) memory.
  public func walkInfluenceTotals(alpha: Double, tolerance: Double = 1e-13, maxIterations: Int = 100_000) throws -> [Double] {
    let ones = [Double](repeating: 1, count: nodeCount)
    return try walkSolve(ones, alpha: alpha, transposed: false, tolerance: tolerance, maxIterations: maxIterations).map { $0 - 1 }
  }

  /// Solves x = b + α A x (or α Aᵀ x), refusing α ≥ 1/λmax as ``walkInfluence(alpha:)`` does.
  func walkSolve(_ b: [Double], alpha: Double, transposed: Bool, tolerance: Double, maxIterations: Int) throws -> [Double] {
    try GraphError.requirePositiveFinite(alpha, name: "alpha")
    try requireNonNegativeWeights(for: "walkInfluence")
    let radius = spectralRadius()
    if radius > 0 && alpha * radius >= 1 - 1e-12 {
      throw GraphError.invalidVector(
        name: "alpha", reason: "alpha = \(alpha) is not below 1/λmax = \(1 / radius); choose a smaller alpha")
    }
    return try jacobi(b, algorithm: "walkInfluence", tolerance: tolerance, maxIterations: maxIterations) { x, u in
      var s = 0.0
      if transposed {
        for k in inOffsets[u] ..< inOffsets[u + 1] { s += inWeights[k] * x[inSources[k]] }
      } else {
        for k in outOffsets[u] ..< outOffsets[u + 1] { s += outWeights[k] * x[outTargets[k]] }
      }
      return alpha * s
    }
  }

  /// Iterates x ← b + T(x) from x = b until the L1 change is below `n × tolerance`.
  func jacobi(
    _ b: [Double], start: [Double]? = nil, algorithm: String, tolerance: Double, maxIterations: Int,
    apply: ([Double], Int) -> Double
  ) throws -> [Double] {
    let n = nodeCount
    // A warm start (an earlier answer) of the right size and finite; else b, the cold start.
    var x = start.flatMap { $0.count == n && $0.allSatisfy(\.isFinite) ? $0 : nil } ?? b
    var next = b
    var residual = Double.infinity
    for _ in 0 ..< maxIterations {
      residual = 0
      for i in 0 ..< n {
        next[i] = b[i] + apply(x, i)
        residual += abs(next[i] - x[i])
      }
      swap(&x, &next)
      guard residual.isFinite else { break }
      if residual <= Double(n) * tolerance { return x }
    }
    throw GraphError.didNotConverge(algorithm: algorithm, iterations: maxIterations, residual: residual)
  }
}
