extension Digraph {
  /// Returns up to `k` best loopless paths from `source` to `target`, best first.
  ///
  /// Yen's algorithm over the same best-first search as ``bestPath(from:to:kind:length:avoiding:direction:)``:
  /// each next path branches from a prefix of an earlier one with the earlier paths' next
  /// ties removed. Paths of equal value are ordered by their node sequences, so the list is
  /// deterministic.
  ///
  /// Conventions: for `.shortest`, the path lengths equal those of the first `k` paths of
  /// `nx.shortest_simple_paths(G, s, t, weight=dist)` (equal-length paths may come in another
  /// order).
  ///
  /// - Complexity: O(*k* *n* (*n* + *m*) log *n*).
  ///
  /// ## References
  /// - J. Y. Yen. "Finding the K Shortest Loopless Paths in a Network." Management Science
  ///   17(11), 1971.
  public func bestPaths(
    from source: NodeIndex, to target: NodeIndex, count k: Int, kind: PathKind = .shortest,
    length: PathLength = .reciprocal, avoiding: Set<NodeIndex> = [], direction: PathDirection = .along
  ) throws -> [Path] {
    guard k >= 1 else { throw GraphError.invalidArgument(name: "count", reason: "\(k) paths asked for; ask for at least 1") }
    guard let first = try bestPath(
      from: source, to: target, kind: kind, length: length, avoiding: avoiding, direction: direction)
    else { return [] }
    let algebra = PathAlgebra(kind: kind, length: length, graph: self)
    var found = [first]
    var candidates: [Path] = []
    func isOrderedBefore(_ a: Path, _ b: Path) -> Bool {
      if a.value == b.value || isSameLength(a.value, b.value) { return a.nodes.lexicographicallyPrecedes(b.nodes) }
      return algebra.key(a.value) < algebra.key(b.value)
    }
    while found.count < k {
      let previous = found[found.count - 1]
      for j in 0 ..< previous.nodes.count - 1 {
        let spurNode = previous.nodes[j]
        let root = Array(previous.nodes[0 ... j])
        var blockedArcs: Set<[NodeIndex]> = []
        for p in found where p.nodes.count > j + 1 && Array(p.nodes[0 ... j]) == root {
          blockedArcs.insert([p.nodes[j], p.nodes[j + 1]])
        }
        var blocked = [Bool](repeating: false, count: nodeCount)
        for v in avoiding where v != source && v != target { blocked[v] = true }
        for v in root.dropLast() { blocked[v] = true }
        let tree = bestFirstTree(
          from: spurNode, algebra: algebra, blocked: blocked, direction: direction,
          stopAt: target, blockedArcs: blockedArcs)
        guard let spur = tree.path(to: target) else { continue }
        let nodes = root + spur.nodes.dropFirst()
        guard let value = pathValue(nodes, algebra: algebra, direction: direction) else { continue }
        let candidate = Path(nodes: nodes, value: value)
        if !found.contains(candidate) && !candidates.contains(candidate) { candidates.append(candidate) }
      }
      guard !candidates.isEmpty else { break }
      candidates.sort(by: isOrderedBefore)
      found.append(candidates.removeFirst())
    }
    return found
  }

  /// The value of a node sequence under an algebra, each hop taking its best usable tie.
  func pathValue(_ nodes: [NodeIndex], algebra: PathAlgebra, direction: PathDirection) -> Double? {
    var value = algebra.identity
    for (u, v) in zip(nodes, nodes.dropFirst()) {
      var best: Double?
      for w in [weight(from: u, to: v), direction == .either ? weight(from: v, to: u) : nil].compactMap({ $0 }) {
        guard let extended = algebra.extend(value, strength: w) else { continue }
        if best == nil || algebra.key(extended) < algebra.key(best!) { best = extended }
      }
      guard let best else { return nil }
      value = best
    }
    return value
  }
}
