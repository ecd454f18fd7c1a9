import Foundation

/// An arc whose length differs between two versions of a graph on the same nodes; an arc
/// present in only one version has an infinite length in the other.
struct ChangedArc: Equatable {
  /// The arc's tail and head.
  let source, target: NodeIndex
  /// Its length before and after the change (infinite: absent, or unusable such as a zero
  /// strength under `.reciprocal`).
  let before, after: Double
}

extension Digraph {
  /// The arcs whose length under `length` differs between `earlier` and this graph (same
  /// node count), in source then target order: one row merge per node over both graphs'
  /// sorted out-rows.
  func changedArcs(since earlier: Digraph, length: PathLength) -> [ChangedArc] {
    let (old, new) = (earlier.arcLengths(length), arcLengths(length))
    var changes: [ChangedArc] = []
    for u in 0 ..< nodeCount {
      var i = earlier.outOffsets[u]
      var j = outOffsets[u]
      let (iEnd, jEnd) = (earlier.outOffsets[u + 1], outOffsets[u + 1])
      while i < iEnd || j < jEnd {
        let a = i < iEnd ? earlier.outTargets[i] : Int.max
        let b = j < jEnd ? outTargets[j] : Int.max
        let before = a <= b ? old[i] : .infinity
        let after = b <= a ? new[j] : .infinity
        // Both infinite (a zero strength under `.reciprocal` in both) is no change either.
        if before != after && !(before.isInfinite && after.isInfinite) {
          changes.append(ChangedArc(source: u, target: Swift.min(a, b), before: before, after: after))
        }
        if a <= b { i += 1 }
        if b <= a { j += 1 }
      }
    }
    return changes
  }

  /// Returns the sources whose shortest paths can differ between `earlier` and this graph:
  /// every node whose shortest-path distances, path counts or shortest-path arcs from it may
  /// not be those it had in `earlier`. The rest keep every all-sources contribution they
  /// made (a betweenness dependency, a closeness distance sum), which is what lets an edit
  /// be answered by recomputing only these (``betweennessSums(updating:limit:)``).
  ///
  /// A source s is unaffected when every arc u→v whose length changed lay on no shortest
  /// path from s before (d(s, u) + before > d(s, v)) and lies on none after (d(s, u) + after
  /// > d(s, v)), with the earlier graph's distances: those distances then stay valid and
  /// tight on the same arcs. The comparisons leave a relative margin of 1e-9, ten times the
  /// tolerance under which path lengths count as equal (a relative 1e-10), so a
  /// borderline source is counted as affected, never missed. Under `.hops` a change of
  /// strength changes nothing; only added and removed arcs count.
  ///
  ///     let before = try Digraph(nodeCount: 3, edges: [(0, 1), (1, 2)])
  ///     let after = try Digraph(nodeCount: 3, edges: [(0, 1), (1, 2), (0, 2)])
  ///     after.sourcesAffected(since: before, length: .hops)  // [0]
  ///
  /// - Parameters:
  ///   - earlier: The graph before the change.
  ///   - length: What a strength means as a path length.
  ///   - limit: At most this many distinct endpoints of changed arcs are examined (two
  ///     reverse shortest-path searches each); beyond it every node counts as affected.
  /// - Returns: The affected sources in increasing order; every node when the two graphs
  ///   differ in node count or direction.
  /// - Complexity: O(*m*) to find the changed arcs, then O((*n* + *m*) log *n*) per distinct
  ///   endpoint of a changed arc (a Dijkstra, or a BFS for hops, on the earlier graph's
  ///   transpose) and O(*n*) per changed arc.
  public func sourcesAffected(since earlier: Digraph, length: PathLength = .reciprocal, limit: Int = 64) -> [NodeIndex] {
    affectedSources(since: earlier, length: length, endpointLimit: limit) ?? Array(0 ..< nodeCount)
  }

  /// ``sourcesAffected(since:length:limit:)``, giving up (`nil`) as soon as more than
  /// `sourceLimit` sources are found affected, or when the graphs differ in node count or
  /// direction, or the changed arcs have more than `endpointLimit` distinct endpoints. Changed
  /// arcs are examined one at a time, so a caller with a budget pays only for the arcs it
  /// takes to exceed it.
  func affectedSources(since earlier: Digraph, length: PathLength, endpointLimit: Int = 64, sourceLimit: Int? = nil) -> [NodeIndex]? {
    let n = nodeCount
    guard earlier.nodeCount == n, earlier.isDirected == isDirected else { return nil }
    let changes = changedArcs(since: earlier, length: length)
    guard Set(changes.flatMap { [$0.source, $0.target] }).count <= endpointLimit else { return nil }
    // d(s, x) for every s, per endpoint x: distances to x are distances from x in the transpose.
    let reverse = earlier.transposed()
    let lengths: [Double]? = length == .hops ? nil : reverse.arcLengths(length)
    var sweep = DistanceSweep(nodeCount: n)
    var distanceTo: [NodeIndex: [Double]] = [:]
    func distances(to x: NodeIndex) -> [Double] {
      if let known = distanceTo[x] { return known }
      sweep.run(reverse, from: x, arcLength: lengths)
      distanceTo[x] = sweep.distance
      return sweep.distance
    }
    var isAffected = [Bool](repeating: false, count: n)
    var count = 0
    for c in changes {
      let (toTail, toHead) = (distances(to: c.source), distances(to: c.target))
      for s in 0 ..< n where !isAffected[s] {
        let (du, dv) = (toTail[s], toHead[s])
        guard mayLieOnShortestPath(du, c.before, dv) || mayLieOnShortestPath(du, c.after, dv) else { continue }
        isAffected[s] = true
        count += 1
      }
      if let sourceLimit, count > sourceLimit { return nil }
    }
    return (0 ..< n).filter { isAffected[$0] }
  }
}

/// Whether an arc of length `arc` from a node at distance `du` may lie on a shortest path to
/// its head, at distance `dv`: du + arc ≤ dv with a relative margin of 1e-9 (ten times the
/// path-length tie tolerance). An unreached tail or an unusable arc never does; an
/// unreached head always can once the tail is reached.
@inline(__always)
func mayLieOnShortestPath(_ du: Double, _ arc: Double, _ dv: Double) -> Bool {
  guard du.isFinite, arc.isFinite else { return false }
  let via = du + arc
  return !dv.isFinite || via <= dv + 1e-9 * Swift.max(via, dv)
}
