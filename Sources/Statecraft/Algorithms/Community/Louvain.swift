extension Digraph {
  /// Returns communities found by the Louvain method: one community label per node
  /// (labels 0, 1, … in order of each community's smallest node).
  ///
  /// Louvain greedily moves single nodes to the neighbouring community that raises
  /// modularity most, then merges each community into one node and repeats on the smaller
  /// graph, until no move helps. Node order in each sweep is shuffled by `seed`, so the same
  /// seed always gives the same partition.
  ///
  /// Conventions: like `nx.community.louvain_communities(G, weight="weight",
  /// resolution=resolution, threshold=1e-7, seed=seed)` it stops a level when modularity
  /// gains less than `threshold`, and returns the last level. Directed graphs are treated as
  /// undirected, strengths of opposite arcs added (NetworkX uses directed modularity there).
  /// The random sequence differs from NetworkX's, so partitions can differ on graphs with
  /// several equally good splits; the modularity of what we return is reported by
  /// ``modularity(_:resolution:)`` and matches NetworkX's function on the same partition.
  ///
  /// - Parameters:
  ///   - resolution: γ; above 1 favours smaller communities.
  ///   - threshold: The smallest modularity gain worth another level.
  ///   - seed: Seeds the node order.
  /// - Throws: ``GraphError/negativeWeight(algorithm:source:target:weight:)``.
  /// - Complexity: about O(*m*) per sweep; a few sweeps per level, O(log *n*) levels typically.
  ///
  /// ## References
  /// - V. D. Blondel, J.-L. Guillaume, R. Lambiotte, E. Lefebvre. "Fast unfolding of
  ///   communities in large networks." J. Stat. Mech. P10008, 2008.
  public func louvainCommunities(resolution: Double = 1, threshold: Double = 1e-7, seed: UInt64 = 0) throws -> [Int] {
    try requireNonNegativeWeights(for: "louvainCommunities")
    let n = nodeCount
    guard n > 0 else { return [] }
    // Symmetric adjacency lists of the current level: (neighbour, weight), self-loops kept.
    var adjacency: [[(Int, Double)]] = Array(repeating: [], count: n)
    for (u, v, w) in arcs {
      if isDirected {
        adjacency[u].append((v, w))
        adjacency[v].append((u, w))
      } else {
        adjacency[u].append((v, u == v ? 2 * w : w))
      }
    }
    var membership = Array(0 ..< n)  // original node → current super-node
    var rng = SplitMix64(seed: seed)
    var previousQ = -Double.infinity
    while true {
      let size = adjacency.count
      let strength = adjacency.map { $0.reduce(0) { $0 + $1.1 } }
      let twoM = strength.reduce(0, +)
      if twoM == 0 { break }
      var community = Array(0 ..< size)
      var total = strength  // Σ_tot per community
      var order = Array(0 ..< size)
      order.shuffle(using: &rng)
      var moved = true
      var improvedAny = false
      // Strength from the current node to each neighbouring community, reset after use.
      var links = [Double](repeating: 0, count: size)
      var linkOrder: [Int] = []
      while moved {
        moved = false
        for u in order {
          let cu = community[u]
          for (v, w) in adjacency[u] where v != u {
            let cv = community[v]
            if links[cv] == 0 { linkOrder.append(cv) }
            links[cv] += w
          }
          let ku = strength[u]
          total[cu] -= ku
          // Gain of joining c, up to constants: k_{u,c} − γ Σ_tot(c) k_u / 2m.
          var best = cu
          var bestGain = links[cu] - resolution * total[cu] * ku / twoM
          for c in linkOrder {
            let gain = links[c] - resolution * total[c] * ku / twoM
            if gain > bestGain + 1e-12 {
              bestGain = gain
              best = c
            }
          }
          for c in linkOrder { links[c] = 0 }
          linkOrder.removeAll(keepingCapacity: true)
          total[best] += ku
          if best != cu {
            community[u] = best
            moved = true
            improvedAny = true
          }
        }
      }
      // Relabel communities 0..<k in order of first node, and aggregate.
      var label = [Int](repeating: -1, count: size)
      var k = 0
      for u in 0 ..< size where label[community[u]] < 0 {
        label[community[u]] = k
        k += 1
      }
      let nextMembership = membership.map { label[community[$0]] }
      // Modularity of this level's partition, on the level graph (aggregation preserves it):
      // Q = Σ_c [ in_c / 2m − γ (tot_c / 2m)² ].
      var inside = [Double](repeating: 0, count: k)
      var totals = [Double](repeating: 0, count: k)
      for u in 0 ..< size {
        let c = label[community[u]]
        totals[c] += strength[u]
        for (v, w) in adjacency[u] where label[community[v]] == c { inside[c] += w }
      }
      var q = 0.0
      for c in 0 ..< k { q += inside[c] / twoM - resolution * (totals[c] / twoM) * (totals[c] / twoM) }
      if !improvedAny || q - previousQ <= threshold || k == size {
        if q > previousQ || previousQ == -Double.infinity { membership = nextMembership }
        break
      }
      previousQ = q
      membership = nextMembership
      // Aggregate: one node per community, edges summed (members of each community in order).
      var members: [[Int]] = Array(repeating: [], count: k)
      for u in 0 ..< size { members[label[community[u]]].append(u) }
      var rowWeight = [Double](repeating: 0, count: k)
      var rowOrder: [Int] = []
      var next: [[(Int, Double)]] = Array(repeating: [], count: k)
      for c in 0 ..< k {
        for u in members[c] {
          for (v, w) in adjacency[u] {
            let cv = label[community[v]]
            if rowWeight[cv] == 0 { rowOrder.append(cv) }
            rowWeight[cv] += w
          }
        }
        rowOrder.sort()
        next[c] = rowOrder.map { ($0, rowWeight[$0]) }
        for cv in rowOrder { rowWeight[cv] = 0 }
        rowOrder.removeAll(keepingCapacity: true)
      }
      adjacency = next
    }
    // Final labels in order of each community's smallest node.
    var final: [Int: Int] = [:]
    return membership.map { c in
      if let l = final[c] { return l }
      final[c] = final.count
      return final[c]!
    }
  }

  /// The undirected graph with opposite arcs' strengths added.
  public func symmetrized() -> Digraph {
    guard isDirected else { return self }
    var sources: [NodeIndex] = []
    var targets: [NodeIndex] = []
    var weights: [Double] = []
    for (u, v, w) in arcs {
      sources.append(u)
      targets.append(v)
      weights.append(w)
      if u != v {
        sources.append(v)
        targets.append(u)
        weights.append(w)
      }
    }
    return Digraph(
      nodeCount: nodeCount, arcSources: sources, arcTargets: targets, arcWeights: weights,
      directed: false, combine: .sum)
  }
}
