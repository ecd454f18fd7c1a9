extension Digraph {
  /// Returns every shortest path from `source` to `target` (at most `limit`), in
  /// lexicographic order of their node sequences.
  ///
  /// Lengths that agree to a relative 1e-10 count as equal (see
  /// ``betweenness(length:normalized:endpoints:)``).
  ///
  /// Conventions: the same set as `nx.all_shortest_paths(G, s, t, weight=dist)`.
  ///
  /// - Parameters:
  ///   - source: Where the paths start.
  ///   - target: Where they end.
  ///   - length: What a strength means as a path length.
  ///   - limit: The most paths returned; counts grow exponentially on grids.
  /// - Complexity: O((*n* + *m*) log *n* + *p* · *n*) for *p* paths.
  public func allShortestPaths(
    from source: NodeIndex, to target: NodeIndex, length: PathLength = .reciprocal,
    limit: Int = 10_000
  ) throws -> [Path] {
    let distance = try bestValues(from: source, length: length)
    guard let total = distance[target] else { return [] }
    let inLength = inArcLengths(length)
    // Walk back from the target over in-arcs that lie on a shortest path.
    var result: [[NodeIndex]] = []
    var reversed = [target]
    func back(_ w: NodeIndex) {
      if result.count >= limit { return }
      if w == source {
        result.append(reversed.reversed())
        return
      }
      guard let dw = distance[w] else { return }
      for i in inOffsets[w] ..< inOffsets[w + 1] {
        let v = inSources[i]
        guard let dv = distance[v], dv < dw, isSameLength(dv + inLength[i], dw) else { continue }
        reversed.append(v)
        back(v)
        reversed.removeLast()
      }
    }
    back(target)
    return result.sorted { $0.lexicographicallyPrecedes($1) }.map { Path(nodes: $0, value: total) }
  }

  /// How many shortest paths lead from `source` to `target` (σ of Brandes's algorithm), as a
  /// Double: counts grow exponentially (a grid of 12 × 12 has 705,432), so ``allShortestPaths(from:to:length:limit:)``
  /// lists at most its limit and this says how many there are.
  ///
  /// - Complexity: O((*n* + *m*) log *n*).
  public func shortestPathCount(from source: NodeIndex, to target: NodeIndex, length: PathLength = .reciprocal) throws -> Double {
    let distance = try bestValues(from: source, length: length)
    guard distance[target] != nil else { return 0 }
    let inLength = inArcLengths(length)
    var sigma = [Double](repeating: 0, count: nodeCount)
    sigma[source] = 1
    let order = (0 ..< nodeCount).filter { distance[$0] != nil }.sorted { distance[$0]! < distance[$1]! }
    for w in order where w != source {
      let dw = distance[w]!
      for i in inOffsets[w] ..< inOffsets[w + 1] {
        let v = inSources[i]
        if let dv = distance[v], dv < dw, isSameLength(dv + inLength[i], dw) { sigma[w] += sigma[v] }
      }
    }
    return sigma[target]
  }
}
