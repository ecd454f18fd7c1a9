import Foundation
import Testing

@testable import Statecraft
@testable import StatecraftGraph
@testable import StatecraftWorld
import StatecraftTestSupport

@Suite("Betweenness")
struct BetweennessTests {
  @Test("matches NetworkX on the Florentine families (normalized, raw, endpoints)")
  func florentine() throws {
    let world = try ClassicGraphs.florentine()
    let g = try world.through()
    let order = Reference.florentineOrder
    // obtained with: nx.betweenness_centrality(nx.florentine_families_graph())
    #expect(isApproximatelyEqual(values(try g.betweenness(), of: world, in: order), Reference.florentineBetweenness))
    // obtained with: nx.betweenness_centrality(G, normalized=False)
    #expect(isApproximatelyEqual(
      values(try g.betweenness(normalized: false), of: world, in: order), Reference.florentineBetweennessRaw))
    // obtained with: nx.betweenness_centrality(G, endpoints=True)
    #expect(isApproximatelyEqual(
      values(try g.betweenness(endpoints: true), of: world, in: order), Reference.florentineBetweennessEndpoints))
  }

  @Test("zero-length arcs under raw lengths count as NetworkX counts them: from the node settled first")
  func zeroLengthArcs() throws {
    // obtained with: nx.betweenness_centrality(D, weight="weight", normalized=False) on a
    // chain, two zero-length routes to a tie and a zero-length cycle (Scripts/reference_values.py)
    let cases = [
      (Reference.zeroLengthChainEdges, Reference.zeroLengthChainBetweenness),
      (Reference.zeroLengthTieEdges, Reference.zeroLengthTieBetweenness),
      (Reference.zeroLengthCycleEdges, Reference.zeroLengthCycleBetweenness),
    ]
    for (triples, expected) in cases {
      let arcs = stride(from: 0, to: triples.count, by: 3).map { (Int(triples[$0]), Int(triples[$0 + 1]), triples[$0 + 2]) }
      let g = try Digraph(nodeCount: expected.count, edges: arcs.map { ($0.0, $0.1) }, weights: arcs.map(\.2))
      let scores = try g.betweenness(length: .raw, normalized: false)
      #expect(scores == expected, "\(arcs): \(scores)")
      // Before, a node reached only along zero-length arcs counted no path: NaN.
      let finite = scores.filter(\.isFinite).count
      #expect(finite == scores.count)
    }
  }

  @Test("matches NetworkX on the weighted karate club: 1/weight, hops, raw")
  func karate() throws {
    let world = try ClassicGraphs.karate()
    let g = try world.through()
    let order = (0 ..< 34).map(String.init)
    // obtained with: nx.betweenness_centrality(G, weight='dist'), dist = Fraction(1, weight) (exact ties)
    #expect(isApproximatelyEqual(
      values(try g.betweenness(length: .reciprocal), of: world, in: order), Reference.karateBetweennessReciprocal))
    // obtained with: nx.betweenness_centrality(G, weight=None)
    #expect(isApproximatelyEqual(
      values(try g.betweenness(length: .hops), of: world, in: order), Reference.karateBetweennessHops))
    // obtained with: nx.betweenness_centrality(G, weight='weight', normalized=False)
    #expect(isApproximatelyEqual(
      values(try g.betweenness(length: .raw, normalized: false), of: world, in: order), Reference.karateBetweennessRaw))
  }

  @Test("matches NetworkX on a small directed weighted graph")
  func smallDirected() throws {
    let g = try ClassicGraphs.smallDirected()
    // obtained with: nx.betweenness_centrality(D, weight='dist', normalized=False)
    #expect(isApproximatelyEqual(try g.betweenness(normalized: false), Reference.smallBetweennessReciprocal))
    // obtained with: nx.betweenness_centrality(D)
    #expect(isApproximatelyEqual(try g.betweenness(length: .hops), Reference.smallBetweennessHops))
    // obtained with: nx.betweenness_centrality(D, weight='weight', endpoints=True)
    #expect(isApproximatelyEqual(
      try g.betweenness(length: .raw, endpoints: true), Reference.smallBetweennessRawEndpoints))
  }

  @Test("matches NetworkX on the NetworKit 6-node graph, undirected and directed")
  func sixNode() throws {
    /*  0    3
         \  / \
          2    5
         /  \ /
        1    4     */
    // obtained with: nx.betweenness_centrality(G, normalized=False)  # networkx 3.6.1
    // (NetworKit reports 15, 3, 3, 1 for this graph: it counts ordered pairs; we halve, like NetworkX and igraph.)
    #expect(isApproximatelyEqual(
      try ClassicGraphs.networkitSix(directed: false).betweenness(normalized: false), [0, 0, 7.5, 1.5, 1.5, 0.5]))
    // obtained with: nx.betweenness_centrality(S6, normalized=False)
    #expect(isApproximatelyEqual(
      try ClassicGraphs.networkitSix(directed: true).betweenness(normalized: false), Reference.sixDirectedBetweenness))
  }

  @Test("star centre lies on every path", arguments: [3, 5, 10])
  func starCentre(n: Int) throws {
    let scores = try ClassicGraphs.star(leaves: n).betweenness(normalized: false)
    #expect(scores[0] == Double(n * (n - 1) / 2))  // closed form: C(n, 2)
    #expect(scores.dropFirst().allSatisfy { $0 == 0 })
  }

  @Test("corner cases: empty, one node, no edges, path, cycle, two components, self-loop")
  func cornerCases() throws {
    #expect(try Digraph(nodeCount: 0, edges: []).betweenness() == [])
    #expect(try Digraph(nodeCount: 1, edges: []).betweenness() == [0])
    #expect(try Digraph(nodeCount: 5, edges: []).betweenness() == [0, 0, 0, 0, 0])
    // obtained with: nx.betweenness_centrality(nx.path_graph(5), normalized=False)  # networkx 3.6.1
    #expect(try ClassicGraphs.path(5).betweenness(normalized: false) == [0, 3, 4, 3, 0])
    // obtained with: nx.betweenness_centrality(nx.cycle_graph(6), normalized=False)  # networkx 3.6.1
    #expect(isApproximatelyEqual(try ClassicGraphs.cycle(6).betweenness(normalized: false), Array(repeating: 2, count: 6)))
    // obtained with: G = nx.Graph([(0,1),(1,2),(3,4),(4,5)]); G.add_edge(2,2); nx.betweenness_centrality(G)
    let twoPaths = try Digraph(
      nodeCount: 6, edges: [(0, 1), (1, 2), (3, 4), (4, 5), (2, 2)], directed: false)
    #expect(isApproximatelyEqual(try twoPaths.betweenness(), [0, 0.1, 0, 0, 0.1, 0]))
  }

  @Test("parallel relations of different kinds merge into one tie")
  func parallel() throws {
    let doubled = try Digraph(nodeCount: 3, edges: [(0, 1), (0, 1), (1, 2)], directed: false)
    #expect(try doubled.betweenness(length: .hops, normalized: false) == [0, 1, 0])
  }

  @Test("a 20×20 grid: large path counts stay exact")
  func grid() throws {
    let b = try ClassicGraphs.grid(20, 20).betweenness(normalized: false)
    // obtained with: b = nx.betweenness_centrality(nx.grid_2d_graph(20, 20), normalized=False); max(b.values()), sum(b.values())  # networkx 3.6.1
    #expect(abs(b.max()! - 5449.19625873181) < 1e-6)
    #expect(abs(b.reduce(0, +) - 984200) < 1e-6)
  }

  @Test("by hops, the total equals the sum of (distance − 1) over reachable pairs", arguments: 0 ..< 15 as Range<UInt64>)
  func totalIsSumOfInnerVertices(seed: UInt64) throws {
    let g = try Digraph.random(nodes: 25, edgeProbability: 0.12, seed: seed)
    let total = try g.betweenness(length: .hops, normalized: false).reduce(0, +)
    var expected = 0.0
    for s in 0 ..< g.nodeCount {
      var depth = [Int](repeating: -1, count: g.nodeCount)
      depth[s] = 0
      var queue = [s]
      var head = 0
      while head < queue.count {
        let v = queue[head]
        head += 1
        for w in g.outNeighbors(of: v) where depth[w] < 0 {
          depth[w] = depth[v] + 1
          queue.append(w)
        }
      }
      for d in depth where d > 1 { expected += Double(d - 1) }
    }
    #expect(abs(total - expected) < 1e-9 * max(1, expected))
  }

  @Test("uniform strengths: 1/weight gives the same ranking as hops", arguments: 0 ..< 10 as Range<UInt64>)
  func uniformWeights(seed: UInt64) throws {
    let g = try Digraph.random(nodes: 20, edgeProbability: 0.15, seed: seed)
    #expect(isApproximatelyEqual(try g.betweenness(length: .reciprocal), try g.betweenness(length: .hops)))
  }

  @Test("a zero-strength tie is infinitely long: no shortest path uses it")
  func zeroStrength() throws {
    // 0 → 1 → 2 with strength 1, and a direct 0 → 2 of strength 0.
    let g = try Digraph(nodeCount: 3, edges: [(0, 1), (1, 2), (0, 2)], weights: [1, 1, 0])
    #expect(try g.betweenness(normalized: false) == [0, 1, 0])
    #expect(try g.betweenness(length: .hops, normalized: false) == [0, 0, 0])
  }

  @Test("the same result whatever the number of chunks a large graph is split into")
  func chunking() throws {
    let g = try Digraph.random(nodes: 60, edgeProbability: 0.05, seed: 7, weighted: true)
    let whole = try g.betweenness(normalized: false)
    var bySource = [Double](repeating: 0, count: 60)
    for s in 0 ..< 60 {
      let part = g.brandesAccumulate(sources: s ..< s + 1, length: .reciprocal, inLength: g.inArcLengths(.reciprocal), endpoints: false).nodes
      for v in 0 ..< 60 { bySource[v] += part[v] }
    }
    #expect(isApproximatelyEqual(whole, bySource, tolerance: 1e-12))
  }

  @Test("edge betweenness matches NetworkX, undirected and directed")
  func edges() throws {
    let world = try ClassicGraphs.florentine()
    let g = try world.through()
    // Our edges come sorted by node index; the world's node order is NetworkX's node order.
    let ours = try g.edgeBetweenness()
    // obtained with: nx.edge_betweenness_centrality(nx.florentine_families_graph())
    #expect(isApproximatelyEqual(ours.map(\.score), Reference.florentineEdgeBetweenness))
    #expect(ours.count == 20)
    // obtained with: nx.edge_betweenness_centrality(D, weight='dist', normalized=False)
    let d = try ClassicGraphs.smallDirected().edgeBetweenness(normalized: false)
    #expect(isApproximatelyEqual(d.map(\.score), Reference.smallEdgeBetweennessReciprocal))
    // Closed form: on a path every pair's route crosses the edges between them.
    let path = try ClassicGraphs.path(4).edgeBetweenness(length: .hops, normalized: false)
    #expect(path.map(\.score) == [3, 4, 3])
  }

  @Test("negative strengths are refused")
  func negative() throws {
    let g = try Digraph(nodeCount: 2, edges: [(0, 1)], weights: [-0.5])
    #expect(throws: GraphError.self) { try g.betweenness() }
  }

  @Test("sampled betweenness: all sources give the exact values with zero error; the estimate is unbiased")
  func sampled() throws {
    let karate = try ClassicGraphs.karate().through()
    let exact = try karate.betweenness()
    let all = try karate.approximateBetweenness(samples: 34, seed: 1)
    #expect(isApproximatelyEqual(all.scores, exact, tolerance: 1e-12))
    #expect(all.standardErrors.allSatisfy { $0 == 0 })
    #expect(try karate.approximateBetweenness(samples: 500, seed: 1).scores == all.scores)
    // The same seed, the same estimate; the mean over many seeds approaches the exact values.
    #expect(try karate.approximateBetweenness(samples: 8, seed: 5).scores == karate.approximateBetweenness(samples: 8, seed: 5).scores)
    var mean = [Double](repeating: 0, count: 34)
    let runs = 400
    for seed in 0 ..< runs {
      let e = try karate.approximateBetweenness(samples: 8, seed: UInt64(seed))
      for v in 0 ..< 34 { mean[v] += e.scores[v] / Double(runs) }
    }
    // The hub (node 0): the mean of 400 estimates within 0.02 of the exact value.
    #expect(abs(mean[0] - exact[0]) < 0.02)
    #expect(zip(mean, exact).allSatisfy { abs($0 - $1) < 0.03 })
  }

  @Test("betweenness reports every source to the progress sink, whichever core ran it")
  func progressCountsEverySource() throws {
    // The sink is read on the calling thread and handed to the workers: a task-local read on
    // a Dispatch worker thread is unbound, and sources run there went uncounted.
    let g = try Digraph(nodeCount: 300, edges: (0 ..< 299).map { ($0, $0 + 1) })
    for run in [{ _ = try g.betweenness() }, { _ = try g.approximateBetweenness(samples: 120, seed: 1) }, { _ = try g.edgeBetweenness() }] {
      let last = ChunkSlots<(Int, Int)>(count: 1)
      let sink = WorkProgress { done, total in last.set(0, (done, total)) }
      try WorkProgress.$current.withValue(sink) { try run() }
      let (done, total) = try #require(last.get(0))
      #expect(done == total && total > 0)
    }
  }
}


/// Every all-pairs measure split into work units gives the same bits whatever the threads:
/// the units are fixed by the node count and merged in unit order (`WorkUnits`).
@Suite("Work units: the same bits on any core count")
struct WorkUnitTests {
  @Test("two stages at once: each result in its place, the first error first, the caller's task-locals seen on the other thread")
  func together() throws {
    let sink = WorkProgress { _, _ in }
    let (a, b) = try WorkProgress.$current.withValue(sink) {
      try WorkUnits.$workerLimit.withValue(3) {
        try Digraph.$parallelSweepArcs.withValue(7) {
          try WorkUnits.together({ 1 }, { (WorkUnits.workerLimit, WorkProgress.current === sink, Digraph.parallelSweepArcs) })
        }
      }
    }
    #expect(a == 1 && b.0 == 3 && b.1 && b.2 == 7)
    struct Failure: Error, Equatable { let stage: Int }
    #expect(throws: Failure(stage: 1)) { try WorkUnits.together({ () throws -> Int in throw Failure(stage: 1) }, { () throws -> Int in throw Failure(stage: 2) }) }
    #expect(throws: Failure(stage: 2)) { try WorkUnits.together({ 1 }, { () throws -> Int in throw Failure(stage: 2) }) }
  }

  /// A seeded random digraph of `n` nodes, about 4n weighted arcs, some nodes unreachable.
  static func graph(_ n: Int, seed: UInt64) throws -> Digraph {
    var rng = SplitMix64(seed: seed)
    var edges: [(NodeIndex, NodeIndex)] = []
    var weights: [Double] = []
    for _ in 0 ..< 4 * n {
      let (a, b) = (Int(rng.next() % UInt64(n)), Int(rng.next() % UInt64(n - n / 10)))
      guard a != b else { continue }
      edges.append((a, b))
      weights.append(Double(1 + rng.next() % 9) / 8)
    }
    return try Digraph(nodeCount: n, edges: edges, weights: weights)
  }

  /// The measures computed with `threads` worker threads.
  static func measures(_ g: Digraph, threads: Int) throws -> [[Double]] {
    try WorkUnits.$workerLimit.withValue(threads) {
      let approximate = try g.approximateBetweenness(samples: 300, seed: 3)
      return [
        try g.betweenness(), try g.betweenness(length: .hops), try g.closeness(), try g.harmonic(),
        approximate.scores, approximate.standardErrors,
      ]
    }
  }

  @Test("betweenness, closeness, harmonic and sampled betweenness: 1, 2 and 3 threads agree bit for bit", arguments: [7, 300, 1_000])
  func sameBits(n: Int) throws {
    let g = try Self.graph(n, seed: UInt64(n))
    let one = try Self.measures(g, threads: 1)
    for threads in [2, 3] {
      let other = try Self.measures(g, threads: threads)
      #expect(zip(one, other).allSatisfy { a, b in a.map(\.bitPattern) == b.map(\.bitPattern) }, "\(threads) threads")
    }
  }

  @Test("Monte Carlo draws, rewired worlds and leverage confirmations: 1, 2 and 3 threads give the same report")
  func sameReports() throws {
    let world = try WorldIO.load(graphPath("pakistan-2025.yaml"))
    func reports(_ threads: Int) throws -> [Double] {
      try WorkUnits.$workerLimit.withValue(threads) {
        let u = try world.uncertainty(samples: 300, seed: 5) { try $0.scores(.pagerank) }
        let c = try world.contextCheck(.pagerank, worlds: 40, seed: 2)
        let l = try world.leverage(on: .influence(InfluencePair(source: "CHN", target: "PAK"), .fj), change: .remove, recompute: 20)
        // The seed's confirmations run on one thread (too small to share): these, on all.
        #expect(ring.relations.count * 20 >= World.serialConfirmation)
        let r = try ring.leverage(on: .influence(InfluencePair(source: "R0", target: "R30"), .fj), change: .remove, recompute: 20)
        return u.rows.flatMap { [$0.median, $0.low, $0.high] } + c.rows.flatMap { [$0.mean, $0.sd] } + l.entries.map { $0.exact ?? -1 } + r.entries.map { $0.exact ?? -1 }
      }
    }
    // 60 actors on a ring with 540 random chords: 600 relations.
    var rng = SplitMix64(seed: 11)
    let ids = (0 ..< 60).map { Actor.ID("R\($0)") }
    var ties = ids.indices.map { Relation(from: ids[$0], to: ids[($0 + 1) % 60], type: "aid", weight: 1, sign: .cooperative) }
    while ties.count < 600 {
      let (a, b) = (Int(rng.next() % 60), Int(rng.next() % 60))
      if a != b { ties.append(Relation(from: ids[a], to: ids[b], type: "aid", weight: 0.1 + rng.nextUnit(), sign: .cooperative)) }
    }
    let ring = World(name: "ring", actors: ids.map { Actor(id: $0) }, relations: ties, types: [RelationType(id: "aid", polarity: .cooperative)])
    let one = try reports(1)
    for threads in [2, 3] { #expect(try reports(threads).map(\.bitPattern) == one.map(\.bitPattern), "\(threads) threads") }
  }

  @Test("map: items in order; the first failing item's error, whatever the threads")
  func mapOrderAndErrors() throws {
    struct Failed: Error, Equatable { var item: Int }
    for threads in [1, 3] {
      let doubled = try WorkUnits.$workerLimit.withValue(threads) { try WorkUnits.map(1_000) { $0 * 2 } }
      #expect(doubled == Array(stride(from: 0, to: 2_000, by: 2)))
      let failure = WorkUnits.$workerLimit.withValue(threads) {
        Result {
          try WorkUnits.map(1_000) { k -> Int in
            if k == 17 || k == 900 { throw Failed(item: k) }
            return k
          }
        }
      }
      #expect(throws: Failed(item: 17)) { try failure.get() }
    }
  }

  @Test("units cover every item once, in order; at most 256 of them")
  func unitsCoverItems() {
    for items in [0, 1, 7, 255, 256, 257, 10_000] {
      let units = WorkUnits.count(items)
      #expect(units == max(1, min(items, 256)))
      let covered = (0 ..< units).flatMap { Array(WorkUnits.range($0, of: units, items: items)) }
      #expect(covered == Array(0 ..< items))
    }
    // The merge sees units in order whatever order the threads finish them in.
    let order = WorkUnits.$workerLimit.withValue(3) {
      WorkUnits.reduce(units: 50, initial: [Int](), state: {}) { unit, _ in
        if unit % 7 == 0 { usleep(2_000) }  // some units finish late
        return [unit]
      } merge: { $0 += $1 }
    }
    #expect(order == Array(0 ..< 50))
  }
}
