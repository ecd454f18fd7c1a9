/// An immutable directed graph in compressed-sparse-row form over nodes `0 ..< nodeCount`.
///
/// Every algorithm runs on a `Digraph`; nothing in an algorithm knows actor names. Both
/// out- and in-adjacency are stored, each row sorted by neighbour index, so iteration order
/// (and therefore every result) is deterministic. Parallel arcs are merged when the graph is
/// built, by ``Combine``; each arc carries one finite weight (a *strength*; it may be
/// negative only when a signed lens produced it).
///
/// An *undirected* digraph stores each edge as two arcs (a self-loop as one) and remembers
/// that it is undirected, so measures can follow NetworkX's `Graph` conventions (for
/// example, unnormalized betweenness counts each unordered pair once).
///
///     let g = try Digraph(nodeCount: 3, edges: [(0, 1), (1, 2)], directed: false)
///     g.outNeighbors(of: 1)  // [0, 2]
///
/// - Complexity: building is O(*n* + *m* log *d*) for *m* arcs and largest degree *d*.
public struct Digraph: Sendable {
  /// How parallel arcs between the same ordered pair merge into one.
  public enum Combine: String, Sendable, CaseIterable {
    /// Strengths add up (NetworkX's behaviour when a `MultiDiGraph` is weighted).
    case sum
    /// The strongest arc wins, with its sign: the arc of largest magnitude |strength|
    /// (on non-negative strengths, the largest). Equally strong arcs of opposite sign cancel
    /// to 0.
    case max
  }

  /// The number of nodes, `0 ..< nodeCount`.
  public let nodeCount: Int
  /// `false` when every edge was given once and stored both ways.
  public let isDirected: Bool

  @usableFromInline let outOffsets: [Int]
  @usableFromInline let outTargets: [NodeIndex]
  @usableFromInline let outWeights: [Double]
  @usableFromInline let inOffsets: [Int]
  @usableFromInline let inSources: [NodeIndex]
  @usableFromInline let inWeights: [Double]
  /// Each node's out-strength: its out-arcs' strengths added in row order (what every
  /// solve normalizes by), computed once when the graph is built.
  let outStrengths: [Double]
  /// The first negative strength's arc in CSR order, if any (found once when built, so
  /// ``requireNonNegativeWeights(for:)`` costs nothing per call).
  let firstNegativeArc: Int?

  /// The number of arcs (an undirected edge counts twice, a self-loop once).
  public var arcCount: Int { outTargets.count }

  /// The number of edges as NetworkX counts them (`G.number_of_edges()`).
  public var edgeCount: Int {
    if isDirected { return arcCount }
    var loops = 0
    for u in 0 ..< nodeCount where hasArc(from: u, to: u) { loops += 1 }
    return (arcCount - loops) / 2 + loops
  }

  /// Builds a graph from an edge list.
  ///
  /// - Parameters:
  ///   - nodeCount: The number of nodes; edges name nodes `0 ..< nodeCount`.
  ///   - edges: Source–target pairs. With `directed: false`, each is an undirected edge.
  ///   - weights: One strength per edge, or `nil` for all 1.
  ///   - directed: Whether edges are arcs (`true`) or undirected edges.
  ///   - combine: How parallel arcs merge.
  /// - Throws: ``GraphError/nodeOutOfRange(_:nodeCount:)``,
  ///   ``GraphError/invalidWeight(source:target:weight:)`` for NaN or infinite weights,
  ///   ``GraphError/invalidArgument(name:reason:)`` for a negative node count or a weight
  ///   count that differs from the edge count.
  /// - Complexity: O(*n* + *m* log *d*): a counting sort by source, each row sorted by target (*d*: the largest out-degree), then the transpose.
  public init(
    nodeCount: Int, edges: [(NodeIndex, NodeIndex)], weights: [Double]? = nil,
    directed: Bool = true, combine: Combine = .sum
  ) throws {
    guard nodeCount >= 0 else { throw GraphError.invalidArgument(name: "nodeCount", reason: "\(nodeCount) is negative") }
    if let weights, weights.count != edges.count {
      throw GraphError.invalidArgument(name: "weights", reason: "\(weights.count) weights for \(edges.count) edges; give one per edge")
    }
    var sources: [NodeIndex] = []
    var targets: [NodeIndex] = []
    var ws: [Double] = []
    let capacity = directed ? edges.count : 2 * edges.count
    sources.reserveCapacity(capacity)
    targets.reserveCapacity(capacity)
    ws.reserveCapacity(capacity)
    for (i, (u, v)) in edges.enumerated() {
      guard (0 ..< nodeCount).contains(u) else { throw GraphError.nodeOutOfRange(u, nodeCount: nodeCount) }
      guard (0 ..< nodeCount).contains(v) else { throw GraphError.nodeOutOfRange(v, nodeCount: nodeCount) }
      let w = weights?[i] ?? 1
      guard w.isFinite else { throw GraphError.invalidWeight(source: u, target: v, weight: w) }
      sources.append(u)
      targets.append(v)
      ws.append(w)
      if !directed && u != v {
        sources.append(v)
        targets.append(u)
        ws.append(w)
      }
    }
    self.init(
      nodeCount: nodeCount, arcSources: sources, arcTargets: targets, arcWeights: ws,
      directed: directed, combine: combine)
  }

  /// Builds from validated parallel arc arrays (no range or weight checks).
  package init(
    nodeCount n: Int, arcSources: [NodeIndex], arcTargets: [NodeIndex], arcWeights: [Double],
    directed: Bool, combine: Combine
  ) {
    // Counting sort by source, then sort each row by target and merge duplicates.
    let counts = Self.rowStarts(nodeCount: n, counting: arcSources)
    var fill = counts
    var rowTargets = [NodeIndex](repeating: 0, count: arcSources.count)
    var rowWeights = [Double](repeating: 0, count: arcSources.count)
    for i in arcSources.indices {
      let u = arcSources[i]
      rowTargets[fill[u]] = arcTargets[i]
      rowWeights[fill[u]] = arcWeights[i]
      fill[u] += 1
    }
    self.init(nodeCount: n, rowStarts: counts, rowTargets: rowTargets, rowWeights: rowWeights, directed: directed, combine: combine)
  }

  /// Builds from arcs already bucketed by source: row `u` is
  /// `rowTargets[rowStarts[u] ..< rowStarts[u + 1]]` in input order (sorted and merged here).
  /// Callers that can bucket without arc arrays (the lens projection) skip a copy of every arc.
  package init(
    nodeCount n: Int, rowStarts counts: [Int], rowTargets: [NodeIndex], rowWeights: [Double],
    directed: Bool, combine: Combine
  ) {
    isDirected = directed
    nodeCount = n
    (outOffsets, outTargets, outWeights) = Self.mergedRows(
      nodeCount: n, rowStarts: counts, rowTargets: rowTargets, rowWeights: rowWeights, combine: combine)
    // An undirected graph holds every arc both ways with one weight, so its in-adjacency is
    // its out-adjacency: share the arrays (copy-on-write) instead of a second copy.
    if directed {
      (inOffsets, inSources, inWeights) = Self.transposedRows(
        nodeCount: n, offsets: outOffsets, targets: outTargets, weights: outWeights)
    } else {
      (inOffsets, inSources, inWeights) = (outOffsets, outTargets, outWeights)
    }
    outStrengths = Self.rowSums(nodeCount: n, offsets: outOffsets, weights: outWeights)
    firstNegativeArc = outWeights.firstIndex { $0 < 0 }
  }

  /// Each row's strengths added in row order (as `weights[row].reduce(0, +)`, to the bit).
  private static func rowSums(nodeCount n: Int, offsets: [Int], weights: [Double]) -> [Double] {
    [Double](unsafeUninitializedCapacity: n) { out, count in
      weights.withUnsafeBufferPointer { w in
        offsets.withUnsafeBufferPointer { offsets in
          for u in 0 ..< n {
            var total = 0.0
            for i in offsets[u] ..< offsets[u + 1] { total += w[i] }
            out[u] = total
          }
        }
      }
      count = n
    }
  }

  /// The CSR rows of bucketed arcs: each row sorted by target, parallel arcs merged by
  /// `combine` (stable: equal targets merge in input order). Rows already sorted are copied.
  private static func mergedRows(
    nodeCount n: Int, rowStarts counts: [Int], rowTargets: [NodeIndex], rowWeights: [Double], combine: Combine
  ) -> (offsets: [Int], targets: [NodeIndex], weights: [Double]) {
    var offsets = [Int](repeating: 0, count: n + 1)
    var targets: [NodeIndex] = []
    var weights: [Double] = []
    targets.reserveCapacity(rowTargets.count)
    weights.reserveCapacity(rowTargets.count)
    var row: [(NodeIndex, Double)] = []
    for u in 0 ..< n {
      let lo = counts[u]
      let hi = counts[u + 1]
      var sorted = true
      for i in lo ..< hi where i > lo && rowTargets[i - 1] >= rowTargets[i] {
        sorted = false
        break
      }
      if sorted {
        targets.append(contentsOf: rowTargets[lo ..< hi])
        weights.append(contentsOf: rowWeights[lo ..< hi])
      } else {
        row.removeAll(keepingCapacity: true)
        for i in lo ..< hi { row.append((rowTargets[i], rowWeights[i])) }
        // Stable by target; equal targets merge in input order.
        row = row.enumerated().sorted { a, b in
          a.element.0 != b.element.0 ? a.element.0 < b.element.0 : a.offset < b.offset
        }.map(\.element)
        for (v, w) in row {
          if let last = targets.last, targets.count > offsets[u], last == v {
            weights[weights.count - 1] = combine.merge(weights[weights.count - 1], w)
          } else {
            targets.append(v)
            weights.append(w)
          }
        }
      }
      offsets[u + 1] = targets.count
    }
    return (offsets, targets, weights)
  }

  /// Where each node's row starts when arcs are bucketed by `keys` (one node per arc): the
  /// prefix sums of the counts, `n + 1` of them (a counting sort's offsets).
  static func rowStarts(nodeCount n: Int, counting keys: [NodeIndex]) -> [Int] {
    var starts = [Int](repeating: 0, count: n + 1)
    for k in keys { starts[k + 1] += 1 }
    for i in 0 ..< n { starts[i + 1] += starts[i] }
    return starts
  }

  /// The in-adjacency of CSR rows (the transpose). Filling rows in source order keeps each
  /// row sorted.
  private static func transposedRows(
    nodeCount n: Int, offsets: [Int], targets: [NodeIndex], weights: [Double]
  ) -> (offsets: [Int], sources: [NodeIndex], weights: [Double]) {
    let inCounts = rowStarts(nodeCount: n, counting: targets)
    var inFill = inCounts
    var inSrc = [NodeIndex](repeating: 0, count: targets.count)
    var inW = [Double](repeating: 0, count: targets.count)
    for u in 0 ..< n {
      for i in offsets[u] ..< offsets[u + 1] {
        let v = targets[i]
        inSrc[inFill[v]] = u
        inW[inFill[v]] = weights[i]
        inFill[v] += 1
      }
    }
    return (inCounts, inSrc, inW)
  }

  /// The targets of `u`'s out-arcs, ascending.
  /// - Complexity: O(1).
  @inlinable public func outNeighbors(of u: NodeIndex) -> ArraySlice<NodeIndex> {
    outTargets[outOffsets[u] ..< outOffsets[u + 1]]
  }

  /// The strengths of `u`'s out-arcs, in the order of ``outNeighbors(of:)``.
  /// - Complexity: O(1).
  @inlinable public func outWeights(of u: NodeIndex) -> ArraySlice<Double> {
    outWeights[outOffsets[u] ..< outOffsets[u + 1]]
  }

  /// The sources of `v`'s in-arcs, ascending.
  /// - Complexity: O(1).
  @inlinable public func inNeighbors(of v: NodeIndex) -> ArraySlice<NodeIndex> {
    inSources[inOffsets[v] ..< inOffsets[v + 1]]
  }

  /// The strengths of `v`'s in-arcs, in the order of ``inNeighbors(of:)``.
  /// - Complexity: O(1).
  @inlinable public func inWeights(of v: NodeIndex) -> ArraySlice<Double> {
    inWeights[inOffsets[v] ..< inOffsets[v + 1]]
  }

  /// Whether there is an arc `u -> v` (binary search in `u`'s row).
  /// - Complexity: O(log out-degree of `u`): a binary search of its sorted row.
  public func hasArc(from u: NodeIndex, to v: NodeIndex) -> Bool {
    weight(from: u, to: v) != nil
  }

  /// The strength of arc `u -> v`, or `nil` if there is none.
  /// - Complexity: O(log out-degree of `u`).
  public func weight(from u: NodeIndex, to v: NodeIndex) -> Double? {
    arcIndex(from: u, to: v).map { outWeights[$0] }
  }

  /// The position of arc `u -> v` in CSR order (`0 ..< arcCount`, the order of ``arcs``),
  /// or `nil` if there is none; binary search in `u`'s row.
  /// - Complexity: O(log out-degree of `u`).
  public func arcIndex(from u: NodeIndex, to v: NodeIndex) -> Int? {
    var lo = outOffsets[u]
    var hi = outOffsets[u + 1]
    while lo < hi {
      let mid = (lo + hi) / 2
      if outTargets[mid] < v { lo = mid + 1 } else { hi = mid }
    }
    return lo < outOffsets[u + 1] && outTargets[lo] == v ? lo : nil
  }

  /// The CSR positions of `u`'s out-arcs, in the order of ``outNeighbors(of:)``.
  /// - Complexity: O(1).
  public func outArcIndices(of u: NodeIndex) -> Range<Int> { outOffsets[u] ..< outOffsets[u + 1] }

  /// Every arc as `(source, target, strength)`, by source then target.
  public var arcs: [(source: NodeIndex, target: NodeIndex, weight: Double)] {
    var result: [(source: NodeIndex, target: NodeIndex, weight: Double)] = []
    result.reserveCapacity(arcCount)
    for u in 0 ..< nodeCount {
      for i in outOffsets[u] ..< outOffsets[u + 1] { result.append((u, outTargets[i], outWeights[i])) }
    }
    return result
  }

  /// Throws unless every strength is >= 0; measures that need it call this first.
  /// - Complexity: O(1) when every strength is >= 0 (the first negative one is found when
  ///   the graph is built); O(log *n*) to name its arc otherwise.
  public func requireNonNegativeWeights(for algorithm: String) throws {
    guard let i = firstNegativeArc else { return }
    // The arc's source: the last node whose row starts at or before it.
    var (lo, hi) = (0, nodeCount - 1)
    while lo < hi {
      let mid = (lo + hi + 1) / 2
      if outOffsets[mid] <= i { lo = mid } else { hi = mid - 1 }
    }
    throw GraphError.negativeWeight(algorithm: algorithm, source: lo, target: outTargets[i], weight: outWeights[i])
  }
}

extension Digraph.Combine {
  /// A pair's running strength after one more signed strength `w`: added (`sum`), or the
  /// stronger of the two kept (`max`; equally strong opposite signs cancel to 0).
  /// - Complexity: O(1).
  public func merge(_ old: Double, _ w: Double) -> Double {
    switch self {
    case .sum: old + w
    case .max: abs(w) > abs(old) ? w : abs(w) == abs(old) && w != old ? 0 : old
    }
  }
}
