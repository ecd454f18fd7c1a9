/// What an arc's strength means as a path length, for every shortest-path measure and query.
///
/// A lens carries one (`Lens.pathLength`); the algorithms take it per call.
public enum PathLength: String, CaseIterable, Sendable {
  /// Length = 1 / strength: strong ties are short. The default.
  case reciprocal
  /// Every arc has length 1 (NetworkX's `weight=None`).
  case hops
  /// The strength itself is the length (NetworkX's `weight="weight"`).
  case raw
}

/// Which way a path may walk an arc.
public enum PathDirection: String, CaseIterable, Sendable {
  /// From its source to its target only. The default.
  case along
  /// Either way: against its direction too (a tie read as mutual).
  case either
}

/// Whether two finite path lengths are equal up to floating-point rounding (relative
/// 1e-10), so that `1/2 + 1/2` and `1/1` count as the same length. An infinite length ties
/// nothing.
@inline(__always)
func isSameLength(_ a: Double, _ b: Double) -> Bool {
  a.isFinite && abs(a - b) <= 1e-10 * Swift.max(abs(a), abs(b))
}

/// Arc strengths read as lengths under a ``PathLength``.
extension Digraph {
  /// The length of every arc (in CSR order) under a path-length convention; a zero
  /// strength under `.reciprocal` gives an infinite length (the arc is never used).
  func arcLengths(_ length: PathLength) -> [Double] {
    switch length {
    case .hops: return Array(repeating: 1, count: arcCount)
    case .raw: return outWeights
    case .reciprocal: return outWeights.map { $0 > 0 ? 1 / $0 : .infinity }
    }
  }

  /// The same lengths in in-arc (CSR of the transpose) order.
  func inArcLengths(_ length: PathLength) -> [Double] {
    switch length {
    case .hops: return Array(repeating: 1, count: arcCount)
    case .raw: return inWeights
    case .reciprocal: return inWeights.map { $0 > 0 ? 1 / $0 : .infinity }
    }
  }
}
