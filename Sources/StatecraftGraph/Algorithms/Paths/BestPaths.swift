/// A path through a digraph: its nodes in order and its value under the ``PathKind`` that
/// found it (total length, bottleneck strength or product of normalized strengths).
public struct Path: Hashable, Sendable {
  /// The nodes in order, from the path's start to its end.
  public var nodes: [NodeIndex]
  /// The path's value under the ``PathKind`` that found it.
  public var value: Double

  /// A path from its nodes and value.
  /// - Complexity: O(1).
  public init(nodes: [NodeIndex], value: Double) {
    self.nodes = nodes
    self.value = value
  }

  /// The number of ties on the path.
  public var hops: Int { Swift.max(0, nodes.count - 1) }
}

extension Digraph {
  /// Returns the best path from `source` to `target`, or `nil` when `target` is unreachable.
  ///
  /// The best path minimizes total length (`.shortest`), maximizes the weakest tie
  /// (`.widest`) or maximizes the product of strengths (`.strongest`). Among equally good
  /// paths the one found first wins: the search relaxes arcs in node order, so the choice is
  /// deterministic. With `direction: .either` every arc can also be walked backwards (how A
  /// reaches B through ties in either direction).
  ///
  ///     let g = try Digraph(nodeCount: 3, edges: [(0, 1), (1, 2), (0, 2)], weights: [1, 1, 0.25])
  ///     try g.bestPath(from: 0, to: 2)  // nodes [0, 1, 2], length 2 (the direct tie is 4 long)
  ///
  /// Conventions: `.shortest` with `.reciprocal` lengths matches
  /// `nx.dijkstra_path_length(G, s, t, weight=dist)` with dist = 1/weight; with `.hops`,
  /// `nx.shortest_path_length(G, s, t)`.
  ///
  /// - Parameters:
  ///   - source: Where paths start.
  ///   - target: Where paths end.
  ///   - kind: What makes a path better.
  ///   - length: For `.shortest`, what a strength means as a length.
  ///   - avoiding: Nodes no path may pass through (the ends excepted).
  ///   - direction: `.either` lets arcs be walked against their direction.
  /// - Throws: ``GraphError/negativeWeight(algorithm:source:target:weight:)`` on a signed lens.
  /// - Complexity: O((*n* + *m*) log *n*).
  public func bestPath(
    from source: NodeIndex, to target: NodeIndex, kind: PathKind = .shortest,
    length: PathLength = .reciprocal, avoiding: Set<NodeIndex> = [], direction: PathDirection = .along
  ) throws -> Path? {
    try checkNodes(source, target)
    try requireNonNegativeWeights(for: "bestPath")
    let algebra = PathAlgebra(kind: kind, length: length, graph: self)
    var blocked = [Bool](repeating: false, count: nodeCount)
    for v in avoiding where v != source && v != target { blocked[v] = true }
    let tree = bestFirstTree(from: source, algebra: algebra, blocked: blocked, direction: direction, stopAt: target)
    return tree.path(to: target)
  }

  /// Returns the best value from `source` to every node (`nil` where unreachable).
  ///
  /// Conventions: `.shortest` matches `nx.single_source_dijkstra_path_length`.
  /// - Complexity: O((*n* + *m*) log *n*).
  public func bestValues(
    from source: NodeIndex, kind: PathKind = .shortest, length: PathLength = .reciprocal,
    direction: PathDirection = .along
  ) throws -> [Double?] {
    try checkNodes(source, source)
    try requireNonNegativeWeights(for: "bestValues")
    let algebra = PathAlgebra(kind: kind, length: length, graph: self)
    let tree = bestFirstTree(
      from: source, algebra: algebra, blocked: Array(repeating: false, count: nodeCount),
      direction: direction, stopAt: nil)
    return (0 ..< nodeCount).map { tree.reached[$0] ? tree.value[$0] : nil }
  }

  /// Returns the nodes reachable from `source` (itself included), ascending.
  ///
  /// Conventions: the same set as `nx.descendants(G, source) | {source}`.
  /// - Complexity: O(*n* + *m*).
  public func reachable(from source: NodeIndex, direction: PathDirection = .along) throws -> [NodeIndex] {
    try checkNodes(source, source)
    var seen = [Bool](repeating: false, count: nodeCount)
    seen[source] = true
    var stack = [source]
    while let v = stack.popLast() {
      for w in outNeighbors(of: v) where !seen[w] {
        seen[w] = true
        stack.append(w)
      }
      if direction == .either {
        for w in inNeighbors(of: v) where !seen[w] {
          seen[w] = true
          stack.append(w)
        }
      }
    }
    return (0 ..< nodeCount).filter { seen[$0] }
  }

  func checkNodes(_ a: NodeIndex, _ b: NodeIndex) throws {
    for v in [a, b] where !(0 ..< nodeCount).contains(v) {
      throw GraphError.nodeOutOfRange(v, nodeCount: nodeCount)
    }
  }

  /// The best-first (Dijkstra) search tree for any monotone path algebra.
  struct SearchTree {
    var value: [Double]
    var parent: [NodeIndex]
    var reached: [Bool]
    let source: NodeIndex

    func path(to target: NodeIndex) -> Path? {
      guard reached[target] else { return nil }
      var nodes = [target]
      var v = target
      while v != source {
        v = parent[v]
        nodes.append(v)
      }
      return Path(nodes: nodes.reversed(), value: value[target])
    }
  }

  func bestFirstTree(
    from source: NodeIndex, algebra: PathAlgebra, blocked: [Bool], direction: PathDirection,
    stopAt target: NodeIndex?, blockedArcs: Set<[NodeIndex]> = []
  ) -> SearchTree {
    let n = nodeCount
    var tree = SearchTree(
      value: Array(repeating: .nan, count: n), parent: Array(repeating: -1, count: n),
      reached: Array(repeating: false, count: n), source: source)
    var settled = [Bool](repeating: false, count: n)
    var heap = MinHeap()
    tree.value[source] = algebra.identity
    tree.reached[source] = true
    heap.push(algebra.key(algebra.identity), source)
    func relax(_ v: NodeIndex, _ w: NodeIndex, _ strength: Double) {
      if settled[w] || blocked[w] { return }
      if !blockedArcs.isEmpty && blockedArcs.contains([v, w]) { return }
      guard let candidate = algebra.extend(tree.value[v], strength: strength) else { return }
      if !tree.reached[w] || algebra.isBetter(candidate, than: tree.value[w]) {
        tree.value[w] = candidate
        tree.parent[w] = v
        tree.reached[w] = true
        heap.push(algebra.key(candidate), w)
      }
    }
    while let (key, v) = heap.pop() {
      if settled[v] || key != algebra.key(tree.value[v]) { continue }
      settled[v] = true
      if v == target { break }
      for i in outOffsets[v] ..< outOffsets[v + 1] { relax(v, outTargets[i], outWeights[i]) }
      if direction == .either {
        for i in inOffsets[v] ..< inOffsets[v + 1] { relax(v, inSources[i], inWeights[i]) }
      }
    }
    return tree
  }
}
