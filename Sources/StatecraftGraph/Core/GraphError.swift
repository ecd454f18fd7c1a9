/// An index of a node in a ``Digraph``: `0 ..< nodeCount`.
public typealias NodeIndex = Int

/// An error in the *data* given to the graph library.
public enum GraphError: Error, Equatable, Sendable {
  /// A node index is outside `0 ..< nodeCount`.
  case nodeOutOfRange(NodeIndex, nodeCount: Int)
  /// An edge weight is infinite or NaN.
  case invalidWeight(source: NodeIndex, target: NodeIndex, weight: Double)
  /// A measure that needs non-negative strengths was given a negative one (a signed lens).
  case negativeWeight(algorithm: String, source: NodeIndex, target: NodeIndex, weight: Double)
  /// A vector argument (personalization, …) is unusable.
  case invalidVector(name: String, reason: String)
  /// A parameter outside its domain (a damping factor above 1, a path count of 0, …).
  case invalidArgument(name: String, reason: String)
  /// An iterative method stopped at `iterations` without meeting its tolerance.
  case didNotConverge(algorithm: String, iterations: Int, residual: Double)
}

extension GraphError: CustomStringConvertible {
  public var description: String {
    switch self {
    case let .nodeOutOfRange(node, nodeCount):
      "node \(node) is out of range; the graph has \(nodeCount) nodes"
    case let .invalidWeight(source, target, weight):
      "edge \(source) -> \(target) has weight \(weight); weights must be finite"
    case let .negativeWeight(algorithm, source, target, weight):
      "\(algorithm) needs non-negative strengths, but edge \(source) -> \(target) has \(weight); "
        + "look through the positive, negative or absolute layer instead of the signed one"
    case let .invalidVector(name, reason), let .invalidArgument(name, reason):
      "\(name): \(reason)"
    case let .didNotConverge(algorithm, iterations, residual):
      "\(algorithm) did not converge in \(iterations) iterations (residual \(residual)); "
        + "raise the iteration limit (maxIterations; --max-iterations on the command line) or "
        + "loosen the tolerance (tolerance; --tolerance)"
    }
  }
}

extension GraphError {
  /// Throws unless `value` is a positive finite number. An attenuation computed from λmax
  /// is 0 or NaN when strengths near the largest Double overflow λmax; that is bad data, not
  /// a caller's mistake, so it is thrown, never trapped.
  static func requirePositiveFinite(_ value: Double, name: String) throws {
    guard value > 0, value.isFinite else {
      throw GraphError.invalidVector(
        name: name,
        reason: "\(name) = \(value) is not a positive finite number; if the strengths are astronomically large, λmax overflows: rescale the weights")
    }
  }
}
