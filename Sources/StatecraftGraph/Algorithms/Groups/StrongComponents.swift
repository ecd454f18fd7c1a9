extension Digraph {
  /// Returns the strongly connected components: maximal groups in which every node reaches
  /// every other along arcs.
  ///
  /// Conventions: the same sets as `nx.strongly_connected_components`; components are
  /// listed by their smallest node and each is sorted, so output is deterministic. On an
  /// undirected graph they equal the weak components.
  ///
  /// - Complexity: O(*n* + *m*) time (Tarjan's algorithm, iterative: no recursion limit).
  ///
  /// ## References
  /// - R. Tarjan. "Depth-First Search and Linear Graph Algorithms." SIAM Journal on
  ///   Computing 1(2), 1972.
  public func strongComponents() -> [[NodeIndex]] {
    let n = nodeCount
    var index = [Int](repeating: -1, count: n)
    var low = [Int](repeating: 0, count: n)
    var onStack = [Bool](repeating: false, count: n)
    var stack: [NodeIndex] = []
    var components: [[NodeIndex]] = []
    var counter = 0
    // Explicit DFS stack of (node, next out-arc position).
    var frames: [(node: NodeIndex, next: Int)] = []
    for root in 0 ..< n where index[root] < 0 {
      frames.append((root, outOffsets[root]))
      index[root] = counter
      low[root] = counter
      counter += 1
      stack.append(root)
      onStack[root] = true
      while let frame = frames.last {
        let v = frame.node
        if frame.next < outOffsets[v + 1] {
          frames[frames.count - 1].next += 1
          let w = outTargets[frame.next]
          if index[w] < 0 {
            index[w] = counter
            low[w] = counter
            counter += 1
            stack.append(w)
            onStack[w] = true
            frames.append((w, outOffsets[w]))
          } else if onStack[w] {
            low[v] = Swift.min(low[v], index[w])
          }
        } else {
          frames.removeLast()
          if let parent = frames.last { low[parent.node] = Swift.min(low[parent.node], low[v]) }
          if low[v] == index[v] {
            var component: [NodeIndex] = []
            while true {
              let w = stack.removeLast()
              onStack[w] = false
              component.append(w)
              if w == v { break }
            }
            components.append(component.sorted())
          }
        }
      }
    }
    return components.sorted { $0[0] < $1[0] }
  }

  /// Whether the graph has no directed cycle: every strong component is a single node
  /// without a self-loop (an undirected edge is a 2-cycle).
  public var isAcyclic: Bool {
    for u in 0 ..< nodeCount where hasArc(from: u, to: u) { return false }
    return strongComponents().allSatisfy { $0.count == 1 }
  }
}
