extension Digraph {
  /// Returns the weakly connected components: groups of nodes joined by ties in either
  /// direction.
  ///
  ///     let g = try Digraph(nodeCount: 4, edges: [(0, 1), (3, 2)])
  ///     g.weakComponents()  // [[0, 1], [2, 3]]
  ///
  /// Conventions: the same sets as `nx.weakly_connected_components` (or
  /// `nx.connected_components` for an undirected graph). Components are listed by their
  /// smallest node, and each is sorted, so output is deterministic.
  ///
  /// - Returns: The components, each a sorted list of nodes.
  /// - Complexity: O(*n* + *m*) time and O(*n*) space (breadth-first search).
  public func weakComponents() -> [[NodeIndex]] {
    var component = [Int](repeating: -1, count: nodeCount)
    var result: [[NodeIndex]] = []
    var queue: [NodeIndex] = []
    for s in 0 ..< nodeCount where component[s] < 0 {
      let id = result.count
      component[s] = id
      queue = [s]
      var head = 0
      while head < queue.count {
        let v = queue[head]
        head += 1
        for w in outNeighbors(of: v) where component[w] < 0 {
          component[w] = id
          queue.append(w)
        }
        for w in inNeighbors(of: v) where component[w] < 0 {
          component[w] = id
          queue.append(w)
        }
      }
      result.append(queue.sorted())
    }
    return result
  }
}
