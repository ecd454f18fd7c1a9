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
