/// An undirected simple graph whose ties are +1 (friendly) or −1 (hostile): the object of
/// structural balance theory.
///
/// Built from a digraph seen through a *signed* lens: for each unordered pair, the strengths
/// of both directions are added and the sign of the sum is the tie's sign (a pair whose
/// signed strengths cancel out, and self-loops, are left out).
public struct SignedGraph: Sendable {
  /// The number of nodes (those without ties included).
  public let nodeCount: Int
  /// Ties as (u, v, sign) with u < v, sorted.
  public let ties: [(u: NodeIndex, v: NodeIndex, sign: Int)]
  /// Neighbours of each node with the tie's sign, ascending.
  let neighbors: [[(NodeIndex, Int)]]

  /// A signed graph from (u, v, sign) ties in any order: each tie counts +1 or −1 by its sign,
  /// the ties of an unordered pair are added and the pair keeps the sign of the total. Zero
  /// signs, self-loops and pairs whose ties cancel out are left out.
  /// - Throws: ``GraphError/nodeOutOfRange(_:nodeCount:)`` for an end outside `0 ..< nodeCount`.
  /// - Complexity: O(*n* + *m* log *m*) for *m* ties.
  public init(nodeCount: Int, ties: [(NodeIndex, NodeIndex, Int)]) throws {
    var merged: [[NodeIndex]: Int] = [:]
    for (a, b, s) in ties {
      for v in [a, b] where !(0 ..< nodeCount).contains(v) { throw GraphError.nodeOutOfRange(v, nodeCount: nodeCount) }
      guard a != b, s != 0 else { continue }
      merged[[Swift.min(a, b), Swift.max(a, b)], default: 0] += s > 0 ? 1 : -1
    }
    self.init(nodeCount: nodeCount, sortedTies: merged.keys.sorted { $0.lexicographicallyPrecedes($1) }.compactMap {
      let s = merged[$0]!
      return s == 0 ? nil : ($0[0], $0[1], s > 0 ? 1 : -1)
    })
  }

  /// The signed graph of each pair's net strength (keys `[u, v]` with u < v): positive a
  /// friendly tie, negative a hostile one, zero none; ties sorted by pair.
  ///
  /// - Complexity: O(pairs log pairs).
  public init(nodeCount: Int, pairStrengths: [[NodeIndex]: Double]) {
    let pairs = pairStrengths.keys.sorted { $0.lexicographicallyPrecedes($1) }.map { ($0[0], $0[1], pairStrengths[$0]!) }
    self.init(nodeCount: nodeCount, sortedPairs: pairs)
  }

  /// A signed graph from each pair's net strength (smaller node first), sorted by pair: the
  /// sign of a nonzero strength is the tie's; a pair that nets to zero has none.
  ///
  /// - Complexity: O(*n* + *m* log *d*) for the neighbour lists.
  package init(nodeCount: Int, sortedPairs: [(NodeIndex, NodeIndex, Double)]) {
    self.init(nodeCount: nodeCount, sortedTies: sortedPairs.compactMap { u, v, w in w == 0 ? nil : (u, v, w > 0 ? 1 : -1) })
  }

  init(nodeCount: Int, sortedTies: [(NodeIndex, NodeIndex, Int)]) {
    self.nodeCount = nodeCount
    self.ties = sortedTies.map { (u: $0.0, v: $0.1, sign: $0.2) }
    var nbrs: [[(NodeIndex, Int)]] = Array(repeating: [], count: nodeCount)
    for (u, v, s) in sortedTies {
      nbrs[u].append((v, s))
      nbrs[v].append((u, s))
    }
    neighbors = nbrs.map { $0.sorted { $0.0 < $1.0 } }
  }

  /// How many ties are friendly.
  public var positiveCount: Int { ties.filter { $0.sign > 0 }.count }
  /// How many ties are hostile.
  public var negativeCount: Int { ties.filter { $0.sign < 0 }.count }
}

extension Digraph {
  /// The signed graph of this digraph's (signed) strengths: see ``SignedGraph``.
  ///
  /// Both directions of a pair merge by `combine`, the rule the lens used for parallel
  /// relations: `.sum` adds the signed strengths and the tie takes the sign of the total;
  /// `.max` keeps the strongest arc (largest |strength|) with its sign. Either way a pair
  /// whose strengths cancel (a sum of 0, or equally strong arcs of opposite sign) has no tie.
  /// - Complexity: O(*n* + *m*) expected (opposite arcs merged through a hash table).
  public func signedGraph(combine: Combine = .sum) -> SignedGraph {
    var sum: [[NodeIndex]: Double] = [:]
    for (u, v, w) in arcs where u != v {
      // An undirected digraph stores each edge twice: count it once.
      if !isDirected && u > v { continue }
      let key = [Swift.min(u, v), Swift.max(u, v)]
      sum[key] = combine.merge(sum[key, default: 0], w)
    }
    return SignedGraph(nodeCount: nodeCount, pairStrengths: sum)
  }
}
