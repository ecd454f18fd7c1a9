/// A dense square matrix of pairwise influence, row = influenced actor, column = influencer.
public struct InfluenceMatrix: Sendable {
  /// The number of rows and of columns (one per node).
  public let size: Int
  /// Row-major entries.
  public var entries: [Double]

  /// The influence of actor `column` on actor `row`.
  public subscript(row: Int, column: Int) -> Double { entries[row * size + column] }

  /// Row `i`: how much each actor sways actor `i`.
  /// - Complexity: O(*n*).
  public func row(_ i: Int) -> [Double] { Array(entries[i * size ..< (i + 1) * size]) }
  /// Column `j`: how much actor `j` sways each actor.
  /// - Complexity: O(*n*).
  public func column(_ j: Int) -> [Double] { (0 ..< size).map { entries[$0 * size + j] } }
}

extension Digraph {
  /// Returns the Friedkin–Johnsen total-influence matrix V = (I − ΛW)⁻¹(I − Λ).
  ///
  /// In the Friedkin–Johnsen model each actor's stance moves, every round, to a mix of its
  /// own initial stance (weight 1 − λᵢ) and the stances of the actors it heeds (weight λᵢ,
  /// shared by W). V[i][j] is the share of j's initial stance in i's settled stance: how
  /// much j sways i, directly and through everyone in between.
  ///
  /// How the graph maps to W: an arc j → i of strength w (j acts on i: invests in it,
  /// allies with it) means i heeds j with weight w; W's rows are these weights normalized to
  /// sum to 1. An actor that heeds nobody heeds itself (W[i][i] = 1), so it keeps its own
  /// stance. A negative strength (a signed projection, ``InfluenceModel/signed``) repels: rows
  /// are normalized by their absolute sum, W_ij = w_ji / Σ_k |w_ki|, Altafini's signed
  /// influence matrix, and V[i][j] < 0 means j's stance pushes i's away.
  ///
  /// With W row-stochastic (no negative strengths) every row of V sums to 1; the tests check
  /// this and that V equals the limit of iterating x(t+1) = ΛW x(t) + (I − Λ) x(0), for signed
  /// graphs too.
  ///
  /// - Altafini, C. "Consensus problems on networks with antagonistic interactions." IEEE
  ///   Transactions on Automatic Control 58(4), 2013. Proskurnikov, A., Matveev, A., Cao, M.
  ///   "Opinion dynamics in social networks with hostile camps: consensus vs. polarization."
  ///   IEEE Transactions on Automatic Control 61(6), 2016.
  ///
  /// - Parameter susceptibility: λᵢ in `0 ... 1` for each node; 1 means fully open to
  ///   influence (then the system must have stubborn actors to converge).
  /// - Throws: ``GraphError/invalidVector(name:reason:)`` when I − ΛW is singular (a closed
  ///   group of fully susceptible actors).
  /// - Complexity: O(*n*³) time and O(*n*²) memory (dense LU): instant at hundreds of
  ///   actors, seconds at 2,000, impractical beyond about 5,000.
  ///
  /// ## References
  /// - N. E. Friedkin, E. C. Johnsen. "Social influence and opinions." Journal of
  ///   Mathematical Sociology 15(3–4), 1990.
  /// - N. E. Friedkin, E. C. Johnsen. *Social Influence Network Theory*. Cambridge
  ///   University Press, 2011.
  public func friedkinJohnsen(susceptibility: [Double]) throws -> InfluenceMatrix {
    let n = nodeCount
    precondition(susceptibility.count == n, "one susceptibility per node")
    precondition(susceptibility.allSatisfy { (0 ... 1).contains($0) }, "susceptibilities must be in 0...1")
    let w = heedMatrix()
    // M = I − ΛW; solve M V = (I − Λ).
    var m = [Double](repeating: 0, count: n * n)
    var rhs = [Double](repeating: 0, count: n * n)
    for i in 0 ..< n {
      for j in 0 ..< n { m[i * n + j] = (i == j ? 1 : 0) - susceptibility[i] * w[i * n + j] }
      rhs[i * n + i] = 1 - susceptibility[i]
    }
    guard let v = solveDense(m, rhs, n: n) else {
      throw GraphError.invalidVector(
        name: "susceptibility",
        reason: "I − ΛW is singular: some group of actors heeds only itself with susceptibility 1; lower a susceptibility below 1")
    }
    return InfluenceMatrix(size: n, entries: v)
  }

  /// Row-normalized "whom each node heeds" matrix, dense row-major (see
  /// ``friedkinJohnsen(susceptibility:)``).
  func heedMatrix() -> [Double] {
    let n = nodeCount
    var w = [Double](repeating: 0, count: n * n)
    for i in 0 ..< n {
      let total = inWeights(of: i).reduce(0) { $0 + abs($1) }
      if total > 0 {
        for (j, s) in zip(inNeighbors(of: i), inWeights(of: i)) { w[i * n + j] += s / total }
      } else {
        w[i * n + i] = 1
      }
    }
    return w
  }

  /// Returns the walk-sum influence Σₖ αᵏ (Aᵏ)[i][j], k ≥ 1: every walk from i to j,
  /// damped by `alpha` per step (Katz's measure, kept pairwise). Row i says how strongly i
  /// reaches each actor; column j how strongly each actor reaches j.
  ///
  /// Conventions: (I − αA)⁻¹ − I, with A the strength matrix (A[i][j] = strength of i → j).
  ///
  /// - Throws: ``GraphError/invalidVector(name:reason:)`` when α ≥ 1/λmax (the sum diverges).
  /// - Complexity: O(*n*³) (dense LU).
  public func walkInfluence(alpha: Double) throws -> InfluenceMatrix {
    try GraphError.requirePositiveFinite(alpha, name: "alpha")
    try requireNonNegativeWeights(for: "walkInfluence")
    let n = nodeCount
    let radius = spectralRadius()
    if radius > 0 && alpha * radius >= 1 - 1e-12 {
      throw GraphError.invalidVector(
        name: "alpha", reason: "alpha = \(alpha) is not below 1/λmax = \(1 / radius); choose a smaller alpha")
    }
    var m = [Double](repeating: 0, count: n * n)
    var identity = [Double](repeating: 0, count: n * n)
    for i in 0 ..< n {
      m[i * n + i] = 1
      identity[i * n + i] = 1
    }
    for (u, v, w) in arcs { m[u * n + v] -= alpha * w }
    guard var inverse = solveDense(m, identity, n: n) else {
      throw GraphError.invalidVector(name: "alpha", reason: "I − αA is singular; choose a smaller alpha")
    }
    for i in 0 ..< n { inverse[i * n + i] -= 1 }
    return InfluenceMatrix(size: n, entries: inverse)
  }
}

/// Solves A X = B for dense n×n A and n×n B (row-major) by LU with partial pivoting;
/// `nil` when A is singular to working precision.
func solveDense(_ a: [Double], _ b: [Double], n: Int) -> [Double]? {
  var a = a
  var b = b
  let scale = a.map(abs).max() ?? 1
  for col in 0 ..< n {
    var pivot = col
    for r in col + 1 ..< max(col + 1, n) where abs(a[r * n + col]) > abs(a[pivot * n + col]) { pivot = r }
    if abs(a[pivot * n + col]) <= 1e-13 * scale { return nil }
    if pivot != col {
      for k in 0 ..< n {
        a.swapAt(col * n + k, pivot * n + k)
        b.swapAt(col * n + k, pivot * n + k)
      }
    }
    let d = a[col * n + col]
    for r in col + 1 ..< max(col + 1, n) {
      let f = a[r * n + col] / d
      if f == 0 { continue }
      for k in col ..< n { a[r * n + k] -= f * a[col * n + k] }
      for k in 0 ..< n { b[r * n + k] -= f * b[col * n + k] }
    }
  }
  for col in stride(from: n - 1, through: 0, by: -1) {
    let d = a[col * n + col]
    for k in 0 ..< n { b[col * n + k] /= d }
    for r in 0 ..< col {
      let f = a[r * n + col]
      if f == 0 { continue }
      for k in 0 ..< n { b[r * n + k] -= f * b[col * n + k] }
    }
  }
  return b
}
