import Foundation

/// Betweenness as Brandes' unscaled dependency sums, kept with the graph they were computed
/// on, so that the betweenness after an edit can be answered by recomputing only the
/// sources the edit can affect (``Digraph/betweennessSums(updating:limit:)``).
///
///     let before = try Digraph(nodeCount: 4, edges: [(0, 1), (1, 2), (2, 3)], directed: false)
///     let sums = try before.betweennessSums(length: .hops)
///     let after = try Digraph(nodeCount: 4, edges: [(0, 1), (1, 2), (2, 3), (0, 3)], directed: false)
///     try after.betweennessSums(updating: sums)?.scores(normalized: false)  // [0.5, 0.5, 0.5, 0.5]
public struct BetweennessSums: Sendable {
  /// The graph the sums are of.
  public let graph: Digraph
  /// What a strength meant as a path length.
  public let length: PathLength
  /// Whether a path's ends counted as lying on it (NetworkX's `endpoints`).
  public let endpoints: Bool
  /// Per node, the sum over every source of its dependency (Brandes' δ), before NetworkX's
  /// rescaling (``scores(normalized:)`` applies it).
  public let sums: [Double]
  /// How many single-source sweeps produced these sums: the node count for a full
  /// computation; for an update, twice the affected sources (once on each graph), 0 when
  /// the edit could change no shortest path.
  public let sourcesRun: Int

  /// The betweenness scores, rescaled as ``Digraph/betweenness(length:normalized:endpoints:)``.
  /// - Complexity: O(*n*).
  public func scores(normalized: Bool = true) -> [Double] {
    guard let scale = graph.betweennessScale(normalized: normalized, endpoints: endpoints) else { return sums }
    return sums.map { $0 * scale }
  }
}

extension Digraph {
  /// Returns betweenness as unscaled sums that an edit can update
  /// (``betweennessSums(updating:limit:)``); ``BetweennessSums/scores(normalized:)`` gives
  /// exactly ``betweenness(length:normalized:endpoints:)``'s scores.
  ///
  /// - Parameters:
  ///   - length: What a strength means as a path length.
  ///   - endpoints: Whether a path's ends count as lying on it.
  /// - Throws: ``GraphError/negativeWeight(algorithm:source:target:weight:)`` on a signed lens.
  /// - Complexity: as ``betweenness(length:normalized:endpoints:)``.
  public func betweennessSums(length: PathLength = .reciprocal, endpoints: Bool = false) throws -> BetweennessSums {
    try requireNonNegativeWeights(for: "betweenness")
    WorkProgress.current?.begin(nodeCount)
    let sums = nodeCount == 0 ? [] : dependencySums(sources: Array(0 ..< nodeCount), length: length, endpoints: endpoints)
    return BetweennessSums(graph: self, length: length, endpoints: endpoints, sums: sums, sourcesRun: nodeCount)
  }

  /// Returns this graph's betweenness from that of an earlier version of it, recomputing
  /// only the sources the difference can affect (``sourcesAffected(since:length:limit:)``):
  /// their dependencies on the earlier graph are taken out of the sums and their
  /// dependencies on this one put in. Every other source's shortest paths, and so its
  /// dependencies, are provably the same in both.
  ///
  /// The result equals ``betweennessSums(length:endpoints:)`` on this graph up to rounding
  /// (the sums are added in another order): within a relative 1e-12 of the largest score in
  /// the tests. A node's sum that cancels to within 1e-12 of its own terms (its earlier sum
  /// and the dependencies taken out and put in) is set to 0, so a node the edit takes off
  /// every shortest path reads 0, not rounding dust. When half the nodes or more are
  /// affected, the node count or direction changed, or the earlier sums are not all finite
  /// (Brandes' counts can fail on zero-length arcs under `.raw`), every source is recomputed
  /// and the result is the full computation's to the bit.
  ///
  /// - Parameters:
  ///   - previous: The sums of the earlier graph (the same nodes, in the same order).
  ///   - limit: Give up (return `nil`) instead of recomputing more than this many sources:
  ///     when more are affected, or when every source would be (the cases above, or changed
  ///     arcs with more than 64 distinct ends), so a caller with a time budget can leave
  ///     betweenness pending instead; `nil`, no limit.
  /// - Returns: The sums of this graph, with the sweeps they took; `nil` past `limit`.
  /// - Throws: ``GraphError/negativeWeight(algorithm:source:target:weight:)`` on a signed lens.
  /// - Complexity: finding the affected sources (see ``sourcesAffected(since:length:limit:)``),
  ///   then two single-source Brandes sweeps per affected source: O(*k* *m* log *n*) for *k*
  ///   affected sources instead of O(*n* *m* log *n*).
  public func betweennessSums(updating previous: BetweennessSums, limit: Int? = nil) throws -> BetweennessSums? {
    try requireNonNegativeWeights(for: "betweenness")
    let (length, endpoints) = (previous.length, previous.endpoints)
    let n = nodeCount
    let usable = previous.sums.allSatisfy(\.isFinite)
    let found = usable ? affectedSources(since: previous.graph, length: length, sourceLimit: limit) : nil
    let affected = found ?? Array(0 ..< n)
    if let limit, found == nil || affected.count > limit { return nil }
    guard found != nil, 2 * affected.count < n else { return try betweennessSums(length: length, endpoints: endpoints) }
    guard !affected.isEmpty else {
      return BetweennessSums(graph: self, length: length, endpoints: endpoints, sums: previous.sums, sourcesRun: 0)
    }
    WorkProgress.current?.begin(2 * affected.count)
    let before = previous.graph.dependencySums(sources: affected, length: length, endpoints: endpoints)
    let after = dependencySums(sources: affected, length: length, endpoints: endpoints)
    var sums = previous.sums
    for v in 0 ..< n {
      sums[v] += after[v] - before[v]
      // What cancels exactly in a full sum may leave rounding dust here.
      if abs(sums[v]) <= 1e-12 * Swift.max(abs(previous.sums[v]), abs(before[v]), abs(after[v])) { sums[v] = 0 }
    }
    return BetweennessSums(graph: self, length: length, endpoints: endpoints, sums: sums, sourcesRun: 2 * affected.count)
  }
}
