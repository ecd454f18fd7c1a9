/// What makes one path better than another: the rule a best-first search optimizes.
///
/// All three are *monotone*: extending a path never makes it better, so one best-first
/// search (Dijkstra's) finds optimal paths for each.
public enum PathKind: String, CaseIterable, Sendable {
  /// The least total length; each tie's length comes from ``PathLength`` (1/strength
  /// by default). NetworkX: `dijkstra_path`.
  case shortest
  /// The largest bottleneck: maximize the weakest tie's strength (widest or maximin path).
  case widest
  /// The largest product of strengths, each divided by the strongest tie in the graph so
  /// that every factor is at most 1 (a chain of strong ties beats one of weak ties).
  case strongest
}

/// The value of a path under a ``PathKind``: a length for shortest paths, a bottleneck
/// strength for widest, a product of normalized strengths for strongest.
struct PathAlgebra {
  let kind: PathKind
  let length: PathLength
  /// For strongest paths, strengths are divided by this.
  let scale: Double

  init(kind: PathKind, length: PathLength, graph: Digraph) {
    self.kind = kind
    self.length = length
    var maxWeight = 0.0
    if kind == .strongest { for (_, _, w) in graph.arcs { maxWeight = Swift.max(maxWeight, w) } }
    scale = maxWeight > 0 ? maxWeight : 1
  }

  /// The value of the empty path.
  var identity: Double {
    switch kind {
    case .shortest: 0
    case .widest: .infinity
    case .strongest: 1
    }
  }

  /// The value of a path extended by a tie of strength `w`, or `nil` if the tie is unusable
  /// (zero strength under a reciprocal length or a product).
  @inline(__always)
  func extend(_ value: Double, strength w: Double) -> Double? {
    switch kind {
    case .shortest:
      switch length {
      case .hops: return value + 1
      case .raw: return value + w
      case .reciprocal: return w > 0 ? value + 1 / w : nil
      }
    case .widest: return w > 0 ? Swift.min(value, w) : nil
    case .strongest: return w > 0 ? value * (w / scale) : nil
    }
  }

  /// A heap key: smaller is better.
  @inline(__always)
  func key(_ value: Double) -> Double { kind == .shortest ? value : -value }

  /// Whether `a` is strictly better than `b` (beyond rounding).
  @inline(__always)
  func isBetter(_ a: Double, than b: Double) -> Bool { key(a) < key(b) && !isSameLength(a, b) }
}
