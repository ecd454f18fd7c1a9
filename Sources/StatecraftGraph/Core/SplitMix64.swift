/// A small, fast, seedable generator (Steele, Lea & Flood's SplitMix64), so randomized
/// algorithms and property tests give the same result for the same seed on every platform.
public struct SplitMix64: RandomNumberGenerator, Sendable {
  private var state: UInt64

  /// A generator whose sequence is fixed by `seed`.
  /// - Complexity: O(1).
  public init(seed: UInt64) { state = seed }

  /// Returns the next 64 random bits and advances the state.
  /// - Complexity: O(1).
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A double in `0 ..< 1` with 53 random bits.
  /// - Complexity: O(1).
  public mutating func nextUnit() -> Double { Double(next() >> 11) * 0x1.0p-53 }
}

extension Digraph {
  /// An Erdős–Rényi G(*n*, *p*) graph, the same for the same seed.
  ///
  /// Each ordered pair `u != v` (each unordered pair when undirected) is an edge with
  /// probability `edgeProbability`; weights, when asked for, are uniform in `0.1 ..< 1`.
  /// - Complexity: O(1) per draw.
  public static func random(
    nodes: Int, edgeProbability: Double, seed: UInt64, directed: Bool = true,
    weighted: Bool = false
  ) throws -> Digraph {
    var rng = SplitMix64(seed: seed)
    var edges: [(NodeIndex, NodeIndex)] = []
    var weights: [Double] = []
    for u in 0 ..< nodes {
      for v in (directed ? 0 : u + 1) ..< nodes where u != v {
        if rng.nextUnit() < edgeProbability {
          edges.append((u, v))
          weights.append(weighted ? 0.1 + 0.9 * rng.nextUnit() : 1)
        }
      }
    }
    return try Digraph(nodeCount: nodes, edges: edges, weights: weights, directed: directed)
  }
}
