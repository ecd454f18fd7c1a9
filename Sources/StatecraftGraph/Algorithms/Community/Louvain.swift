import Foundation

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
  /// ## Parallel and deterministic
  /// On levels of at least ``louvainParallelLevel`` nodes, each sweep visits the shuffled
  /// nodes in batches of ``louvainBatch``: the best community of every node of a batch is
  /// found in parallel against the state before the batch, then the moves are applied in
  /// order. Batches are fixed by the seed and the level size, never by the core count, so
  /// the partition is the same on one core or many. Smaller levels move one node at a time,
  /// as the sequential method does. A batched level stops once a sweep moves fewer than
  /// ``louvainSettledFraction`` of its nodes, and any level after ``louvainMaxSweeps`` sweeps
  /// (NetworKit's PLM uses the same cap), which bounds the oscillation batched moves can
  /// cause. Aggregation runs on all cores too, each worker owning a range of communities.
  ///
  /// ## References
  /// - V. D. Blondel, J.-L. Guillaume, R. Lambiotte, E. Lefebvre. "Fast unfolding of
  ///   communities in large networks." J. Stat. Mech. P10008, 2008.
  public func louvainCommunities(resolution: Double = 1, threshold: Double = 1e-7, seed: UInt64 = 0) throws -> [Int] {
    try louvainCommunities(resolution: resolution, threshold: threshold, seed: seed, workers: nil)
  }

  /// The resolutions Louvain and modularity take: positive and at most 10⁶. Far beyond it
  /// (10³⁰⁸) the penalty term overflows and modularity printed as NaN.
  public static let resolutionRange = Double.leastNonzeroMagnitude ... 1e6

  /// Throws ``GraphError/invalidVector(name:reason:)`` unless γ is in ``resolutionRange``.
  static func requireResolution(_ resolution: Double) throws {
    guard resolutionRange.contains(resolution) else {
      throw GraphError.invalidVector(name: "resolution", reason: "γ = \(resolution) is not in (0, 10⁶]; values of 0.1–10 are usual")
    }
  }

  /// ``louvainCommunities(resolution:threshold:seed:)`` with a given number of parallel
  /// workers (`nil`: one per active core); tests use it to show the result does not depend
  /// on it.
  func louvainCommunities(resolution: Double, threshold: Double, seed: UInt64, workers: Int?) throws -> [Int] {
    try requireNonNegativeWeights(for: "louvainCommunities")
    try Self.requireResolution(resolution)
    let n = nodeCount
    guard n > 0 else { return [] }
    var level = LouvainLevel(self)
    var membership = Array(0 ..< n)  // original node → current super-node
    var rng = SplitMix64(seed: seed)
    var previousQ = -Double.infinity
    while true {
      let size = level.size
      let twoM = level.strength.reduce(0, +)
      if twoM == 0 { break }
      var order = Array(0 ..< size)
      order.shuffle(using: &rng)
      let moves = level.moveNodes(order: order, resolution: resolution, twoM: twoM, workers: workers)
      let community = moves.community
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
        totals[c] += level.strength[u]
        for e in level.offsets[u] ..< level.offsets[u + 1] where label[community[Int(level.neighbors[e])]] == c {
          inside[c] += level.weights[e]
        }
      }
      var q = 0.0
      for c in 0 ..< k { q += inside[c] / twoM - resolution * (totals[c] / twoM) * (totals[c] / twoM) }
      if !moves.improved || q - previousQ <= threshold || k == size {
        if q > previousQ || previousQ == -Double.infinity { membership = nextMembership }
        break
      }
      previousQ = q
      membership = nextMembership
      level = level.aggregated(into: k, label: community.map { label[$0] }, workers: workers)
    }
    // Final labels in order of each community's smallest node.
    var final: [Int: Int] = [:]
    return membership.map { c in
      if let l = final[c] { return l }
      final[c] = final.count
      return final[c]!
    }
  }
}

/// Levels of at least this many nodes move their nodes in parallel batches.
public let louvainParallelLevel = 20_000
/// Nodes per batch of parallel moves (fixed, so results do not depend on the core count).
public let louvainBatch = 2_048
/// The most local-moving sweeps per level.
public let louvainMaxSweeps = 32
/// A batched level stops sweeping once a sweep moves fewer than this share of its nodes.
public let louvainSettledFraction = 0.01

/// One level of the Louvain method: a symmetric weighted graph in CSR form (self-loops kept,
/// counted twice as in the modularity sum).
struct LouvainLevel {
  var offsets: [Int]
  var neighbors: [Int32]
  var weights: [Double]
  /// Per node: the sum of its row (its degree in the modularity sense).
  var strength: [Double]
  var size: Int { strength.count }

  /// The first level, straight from the CSR arrays: every arc both ways for a directed graph (opposite arcs' strengths
  /// add), an undirected graph as it is, self-loops doubled.
  init(_ g: Digraph) {
    let n = g.nodeCount
    var offsets = [Int](repeating: 0, count: n + 1)
    for u in 0 ..< n {
      offsets[u + 1] = offsets[u] + g.outNeighbors(of: u).count + (g.isDirected ? g.inNeighbors(of: u).count : 0)
    }
    var neighbors = [Int32](repeating: 0, count: offsets[n])
    var weights = [Double](repeating: 0, count: offsets[n])
    var strength = [Double](repeating: 0, count: n)
    for u in 0 ..< n {
      var e = offsets[u]
      for (v, w) in zip(g.outNeighbors(of: u), g.outWeights(of: u)) {
        neighbors[e] = Int32(v)
        weights[e] = !g.isDirected && u == v ? 2 * w : w
        e += 1
      }
      if g.isDirected {
        for (v, w) in zip(g.inNeighbors(of: u), g.inWeights(of: u)) {
          neighbors[e] = Int32(v)
          weights[e] = w
          e += 1
        }
      }
      strength[u] = weights[offsets[u] ..< e].reduce(0, +)
    }
    self.offsets = offsets
    self.neighbors = neighbors
    self.weights = weights
    self.strength = strength
  }

  /// A level from its CSR arrays.
  init(offsets: [Int], neighbors: [Int32], weights: [Double], strength: [Double]) {
    self.offsets = offsets
    self.neighbors = neighbors
    self.weights = weights
    self.strength = strength
  }

  /// Scratch for one worker: strength to each neighbouring community, reset after use.
  /// Raw buffers: a class's array properties would pay a dynamic exclusivity check on every
  /// access in the innermost loop.
  final class Scratch: @unchecked Sendable {
    let links: UnsafeMutableBufferPointer<Double>
    let touched: UnsafeMutableBufferPointer<Int>
    init(size: Int) {
      links = .allocate(capacity: size)
      links.initialize(repeating: 0)
      touched = .allocate(capacity: size)
    }
    deinit {
      links.deallocate()
      touched.deallocate()
    }
  }

  /// The community node `u` should join given `community` and `total` (Σ_tot per community,
  /// u still counted in its own): the neighbouring community with the largest gain
  /// k_{u,c} − γ Σ_tot(c) k_u / 2m, u's own community on ties.
  func bestCommunity(
    of u: Int, community: UnsafeBufferPointer<Int>, total: UnsafeBufferPointer<Double>,
    resolution: Double, twoM: Double, scratch: Scratch
  ) -> Int {
    let cu = community[u]
    let links = scratch.links, touched = scratch.touched
    var count = 0
    for e in offsets[u] ..< offsets[u + 1] {
      let v = Int(neighbors[e])
      if v == u { continue }
      let cv = community[v]
      if links[cv] == 0 {
        touched[count] = cv
        count += 1
      }
      links[cv] += weights[e]
    }
    let ku = strength[u]
    var best = cu
    var bestGain = links[cu] - resolution * (total[cu] - ku) * ku / twoM
    for c in touched[..<count] where c != cu {
      let gain = links[c] - resolution * total[c] * ku / twoM
      if gain > bestGain + 1e-12 {
        bestGain = gain
        best = c
      }
    }
    for c in touched[..<count] { links[c] = 0 }
    return best
  }

  /// What the workers of one batch share: read-only state and disjoint output slots.
  struct BatchState: @unchecked Sendable {
    let community: UnsafeBufferPointer<Int>
    let total: UnsafeBufferPointer<Double>
    let decided: UnsafeMutableBufferPointer<Int>
  }

  /// Local moving: sweeps over `order` until no node moves (or ``louvainMaxSweeps``).
  func moveNodes(order: [Int], resolution: Double, twoM: Double, workers requested: Int?) -> (community: [Int], improved: Bool) {
    var state = MoveState(community: Array(0 ..< size), total: strength, dirty: Array(repeating: false, count: size))
    var improved = false
    let batch = size >= louvainParallelLevel ? louvainBatch : 1
    let workers = batch > 1 ? Swift.max(1, requested ?? WorkUnits.cores) : 1
    let scratch = (0 ..< workers).map { _ in Scratch(size: size) }
    let decided = UnsafeMutableBufferPointer<Int>.allocate(capacity: batch)
    defer { decided.deallocate() }
    for _ in 0 ..< louvainMaxSweeps {
      var movedCount = 0
      var start = 0
      while start < order.count {
        let slice = order[start ..< Swift.min(start + batch, order.count)]
        decide(slice, state, resolution: resolution, twoM: twoM, workers: workers, scratch: scratch, into: decided)
        movedCount += applyMoves(slice, decided: decided, to: &state, rechecking: batch > 1, resolution: resolution, twoM: twoM, scratch: scratch[0])
        start += batch
      }
      improved = improved || movedCount > 0
      // Batched levels stop once a sweep moves fewer than 1% of their nodes (the long tail
      // of sweeps moving a handful of nodes cost half of Louvain on M for 0.0003 of
      // modularity); one-node-at-a-time levels sweep until nothing moves, as NetworkX does.
      if movedCount == 0 || (batch > 1 && Double(movedCount) < louvainSettledFraction * Double(size)) { break }
    }
    return (state.community, improved)
  }

  /// Each node's community, each community's total strength, and which communities changed
  /// during the current batch.
  struct MoveState {
    var community: [Int]
    var total: [Double]
    var dirty: [Bool]
    var dirtied: [Int] = []
  }

  /// The best community of every node of `slice` (written to `decided[k]`), all judged
  /// against the state before the batch; on `workers` cores, each writing disjoint slots.
  private func decide(
    _ slice: ArraySlice<Int>, _ state: MoveState, resolution: Double, twoM: Double, workers: Int, scratch: [Scratch],
    into decided: UnsafeMutableBufferPointer<Int>
  ) {
    state.community.withUnsafeBufferPointer { c in
      state.total.withUnsafeBufferPointer { t in
        if workers == 1 {
          for (k, u) in slice.enumerated() {
            decided[k] = bestCommunity(of: u, community: c, total: t, resolution: resolution, twoM: twoM, scratch: scratch[0])
          }
          return
        }
        // Workers read the state before the batch and write disjoint slots of `decided`.
        let shared = BatchState(community: c, total: t, decided: decided)
        DispatchQueue.concurrentPerform(iterations: workers) { w in
          let lo = slice.count * w / workers, hi = slice.count * (w + 1) / workers
          for k in lo ..< hi {
            shared.decided[k] = bestCommunity(
              of: slice[slice.startIndex + k], community: shared.community, total: shared.total,
              resolution: resolution, twoM: twoM, scratch: scratch[w])
          }
        }
      }
    }
  }

  /// Moves the nodes of `slice` whose decision differs from their community, in order;
  /// returns how many moved. With `rechecking` (batched levels), a node is decided again when
  /// its community or its target changed during this batch's moves (a neighbour left or
  /// joined): stale decisions alone let pairs of singletons swap forever. Other decisions
  /// stand, as in PLM's asynchronous moves.
  private func applyMoves(
    _ slice: ArraySlice<Int>, decided: UnsafeMutableBufferPointer<Int>, to state: inout MoveState, rechecking: Bool,
    resolution: Double, twoM: Double, scratch: Scratch
  ) -> Int {
    var moved = 0
    for (k, u) in slice.enumerated() where decided[k] != state.community[u] {
      var target = decided[k]
      let from = state.community[u]
      if rechecking && (state.dirty[target] || state.dirty[from]) {
        target = state.community.withUnsafeBufferPointer { c in
          state.total.withUnsafeBufferPointer { t in
            bestCommunity(of: u, community: c, total: t, resolution: resolution, twoM: twoM, scratch: scratch)
          }
        }
      }
      guard target != from else { continue }
      for changed in [from, target] where !state.dirty[changed] {
        state.dirty[changed] = true
        state.dirtied.append(changed)
      }
      state.total[from] -= strength[u]
      state.total[target] += strength[u]
      state.community[u] = target
      moved += 1
    }
    for c in state.dirtied { state.dirty[c] = false }
    state.dirtied.removeAll(keepingCapacity: true)
    return moved
  }

  /// The next level: one node per community (`label[u]` in 0..<k), the weights between
  /// communities summed; a community's row lists its neighbours in the order its members
  /// (ascending) first reach them. Rows are built on all cores, each worker owning a range
  /// of communities, and joined in community order, so the level does not depend on the
  /// core count.
  func aggregated(into k: Int, label: [Int], workers requested: Int?) -> LouvainLevel {
    // Members of each community, ascending, as CSR.
    var counts = [Int](repeating: 0, count: k + 1)
    for u in 0 ..< size { counts[label[u] + 1] += 1 }
    for c in 0 ..< k { counts[c + 1] += counts[c] }
    let memberOffsets = counts
    var fill = counts
    var memberList = [Int](repeating: 0, count: size)
    for u in 0 ..< size {
      memberList[fill[label[u]]] = u
      fill[label[u]] += 1
    }
    let members = memberList
    let workers = k >= louvainParallelLevel ? Swift.max(1, requested ?? WorkUnits.cores) : 1
    let parts = ChunkSlots<(lengths: [Int], neighbors: [Int32], weights: [Double])>(count: workers)
    let build: @Sendable (Int) -> Void = { [self] w in
      let scratch = Scratch(size: k)
      var lengths: [Int] = [], rowNeighbors: [Int32] = [], rowWeights: [Double] = []
      for c in k * w / workers ..< k * (w + 1) / workers {
        var count = 0
        for m in memberOffsets[c] ..< memberOffsets[c + 1] {
          let u = members[m]
          for e in offsets[u] ..< offsets[u + 1] {
            let cv = label[Int(neighbors[e])]
            if scratch.links[cv] == 0 {
              scratch.touched[count] = cv
              count += 1
            }
            scratch.links[cv] += weights[e]
          }
        }
        for cv in scratch.touched[..<count] {
          rowNeighbors.append(Int32(cv))
          rowWeights.append(scratch.links[cv])
          scratch.links[cv] = 0
        }
        lengths.append(count)
      }
      parts.set(w, (lengths, rowNeighbors, rowWeights))
    }
    if workers == 1 { build(0) } else { DispatchQueue.concurrentPerform(iterations: workers, execute: build) }
    var next = LouvainLevel(offsets: [0], neighbors: [], weights: [], strength: [])
    next.offsets.reserveCapacity(k + 1)
    next.strength.reserveCapacity(k)
    for w in 0 ..< workers {
      let part = parts.get(w)!
      var at = 0
      for length in part.lengths {
        next.offsets.append(next.offsets.last! + length)
        next.strength.append(part.weights[at ..< at + length].reduce(0, +))
        at += length
      }
      next.neighbors += part.neighbors
      next.weights += part.weights
    }
    return next
  }
}
