import Testing

@testable import Statecraft
@testable import StatecraftGraph
@testable import StatecraftWorld
import StatecraftTestSupport

@Suite("PageRank")
struct PageRankTests {
  @Test("matches NetworkX on the Florentine families")
  func florentine() throws {
    let world = try ClassicGraphs.florentine()
    let rank = try world.through().pageRank()
    // obtained with: nx.pagerank(nx.florentine_families_graph())  (Reference.florentinePageRank)
    #expect(isApproximatelyEqual(values(rank, of: world, in: Reference.florentineOrder), Reference.florentinePageRank))
  }

  @Test("matches NetworkX on the weighted karate club, with and without weights")
  func karate() throws {
    let world = try ClassicGraphs.karate()
    let order = (0 ..< 34).map(String.init)
    // obtained with: nx.pagerank(nx.karate_club_graph(), weight='weight')
    #expect(isApproximatelyEqual(
      values(try world.through().pageRank(), of: world, in: order), Reference.karateWeightedPageRank))
    // obtained with: nx.pagerank(nx.karate_club_graph(), weight=None)
    let hops = try Digraph(
      nodeCount: world.actors.count,
      edges: world.relations.map { (world.index(of: $0.from)!, world.index(of: $0.to)!) },
      directed: false)
    #expect(isApproximatelyEqual(values(try hops.pageRank(), of: world, in: order), Reference.karatePageRank))
    // obtained with: nx.pagerank(nx.karate_club_graph(), weight=None)[33]  # networkx 3.6.1
    #expect(abs(values(try hops.pageRank(), of: world, in: ["33"])[0] - 0.1009179167487121) < 1e-9)
  }

  @Test("matches NetworkX on a small directed weighted graph: dangling, personalization")
  func smallDirected() throws {
    let g = try ClassicGraphs.smallDirected()
    // obtained with: nx.pagerank(D, weight='weight')
    #expect(isApproximatelyEqual(try g.pageRank(), Reference.smallPageRank))
    // obtained with: nx.pagerank(D, alpha=0.7, personalization={0: 1, 3: 3}, tol=1e-10)
    #expect(isApproximatelyEqual(
      try g.pageRank(damping: 0.7, personalization: [1, 0, 0, 3, 0, 0], tolerance: 1e-10),
      Reference.smallPageRankPersonalized))
    // obtained with: nx.pagerank(D, dangling={5: 1, 0: 1})
    #expect(isApproximatelyEqual(
      try g.pageRank(dangling: [1, 0, 0, 0, 0, 1]), Reference.smallPageRankDangling))
  }

  @Test("HITS on a three-node cycle with a chord matches NetworkX")
  func styleTable() throws {
    // obtained with: nx.pagerank(nx.DiGraph([(0,1),(1,2),(2,0),(0,2)]))  # networkx 3.6.1
    let g = try Digraph(nodeCount: 3, edges: [(0, 1), (1, 2), (2, 0), (0, 2)])
    #expect(isApproximatelyEqual(
      try g.pageRank(), [0.387789442707259, 0.21481051315058508, 0.3974000441421556]))
    // obtained with: nx.pagerank(nx.DiGraph([(0,1)]))  # networkx 3.6.1
    let d = try Digraph(nodeCount: 2, edges: [(0, 1)])
    #expect(isApproximatelyEqual(try d.pageRank(), [0.3508773619358619, 0.649122638064138]))
  }

  @Test("chunked sweeps on all cores give the one-core answer to the bit, directed and undirected, with dangling nodes")
  func parallelSweeps() throws {
    var rng = SplitMix64(seed: 22)
    let n = 3_000
    // Random weighted arcs, parallel ones among them; nodes 0..<50 have no out-arcs.
    let edges = (0 ..< 20_000).map { _ in
      (Int.random(in: 50 ..< n, using: &rng), Int.random(in: 0 ..< n, using: &rng), Double.random(in: 0.1 ... 3, using: &rng))
    }
    for directed in [true, false] {
      let g = try Digraph(nodeCount: n, edges: edges.map { ($0.0, $0.1) }, weights: edges.map(\.2), directed: directed)
      // As a big graph sweeps: in chunks whose sums are added in chunk order.
      try Digraph.$parallelSweepArcs.withValue(0) {
        let serial = try g.pageRankSweeps(tolerance: 1e-10, workers: 1)
        let parallel = try g.pageRankSweeps(tolerance: 1e-10, workers: 4)
        let same = serial.scores == parallel.scores && serial.sweeps == parallel.sweeps
        #expect(same, "directed: \(directed)")
        // The same PageRank as the one-pass sweeps of small graphs, to the tolerance.
        let small = try Digraph.$parallelSweepArcs.withValue(Int.max) { try g.pageRankSweeps(tolerance: 1e-10, workers: 1) }
        #expect(isApproximatelyEqual(serial.scores, small.scores, tolerance: 1e-9), "directed: \(directed)")
      }
    }
  }

  @Test("eigenvector, Katz and HITS sweeps on all cores give the one-core answer to the bit")
  func parallelPowerIterations() throws {
    var rng = SplitMix64(seed: 23)
    let n = 2_000
    let edges = (0 ..< 12_000).map { _ in
      (Int.random(in: 30 ..< n, using: &rng), Int.random(in: 0 ..< n, using: &rng), Double.random(in: 0.1 ... 3, using: &rng))
    }
    let g = try Digraph(nodeCount: n, edges: edges.map { ($0.0, $0.1) }, weights: edges.map(\.2))
    let alpha = 0.5 / g.spectralRadius()
    let measures: [(String, (Digraph) throws -> [Double])] = [
      ("eigenvector", { try $0.eigenvectorCentrality(tolerance: 1e-10, maxIterations: 10_000) }),
      ("katz", { try $0.katzCentrality(alpha: alpha, tolerance: 1e-10) }),
      ("hits", { let h = try $0.hits(tolerance: 1e-10); return h.hubs + h.authorities }),
    ]
    for (name, measure) in measures {
      let one = try WorkUnits.$workerLimit.withValue(1) { try measure(g) }
      let all = try Digraph.$parallelSweepArcs.withValue(0) { try WorkUnits.$workerLimit.withValue(4) { try measure(g) } }
      #expect(one == all, "\(name)")
    }
  }

  @Test("corner cases: empty, one node, no edges, self-loop, cycle, two components")
  func cornerCases() throws {
    #expect(try Digraph(nodeCount: 0, edges: []).pageRank() == [])
    #expect(try Digraph(nodeCount: 1, edges: []).pageRank() == [1])
    #expect(isApproximatelyEqual(try Digraph(nodeCount: 4, edges: []).pageRank(), [0.25, 0.25, 0.25, 0.25]))
    // A self-loop is an ordinary out-arc: half of node 0's walk stays home.
    // obtained with: nx.pagerank(nx.DiGraph([(0, 0), (0, 1)]))  # networkx 3.6.1
    let loop = try Digraph(nodeCount: 2, edges: [(0, 0), (0, 1)])
    #expect(isApproximatelyEqual(try loop.pageRank(), [0.5, 0.5]))
    // A cycle is uniform (closed form, by symmetry).
    #expect(isApproximatelyEqual(try ClassicGraphs.cycle(5, directed: true).pageRank(), Array(repeating: 0.2, count: 5)))
    // Two identical components get identical scores.
    let two = try Digraph(nodeCount: 4, edges: [(0, 1), (2, 3)], directed: false)
    #expect(isApproximatelyEqual(try two.pageRank(), Array(repeating: 0.25, count: 4)))
  }

  @Test("parallel relations of different kinds add up (MultiDiGraph semantics)")
  func parallel() throws {
    let merged = try Digraph(nodeCount: 3, edges: [(0, 1), (0, 1), (0, 2)])
    let summed = try Digraph(nodeCount: 3, edges: [(0, 1), (0, 2)], weights: [2, 1])
    #expect(try merged.pageRank() == summed.pageRank())
  }

  @Test("a grid converges and sums to 1")
  func grid() throws {
    let rank = try ClassicGraphs.grid(30, 30).pageRank()
    #expect(abs(rank.reduce(0, +) - 1) < 1e-9)
  }

  @Test("errors: signed strengths, bad personalization, no convergence")
  func errors() throws {
    let negative = try Digraph(nodeCount: 2, edges: [(0, 1)], weights: [-1])
    #expect(throws: GraphError.negativeWeight(algorithm: "pageRank", source: 0, target: 1, weight: -1)) {
      try negative.pageRank()
    }
    let g = try ClassicGraphs.smallDirected()
    #expect(throws: GraphError.self) { try g.pageRank(personalization: [0, 0, 0, 0, 0, 0]) }
    #expect(throws: GraphError.self) { try g.pageRank(personalization: [1]) }
    #expect(throws: GraphError.self) { try g.pageRank(tolerance: 1e-300, maxIterations: 3) }
  }

  @Test("scores are a probability distribution", arguments: 0 ..< 20 as Range<UInt64>)
  func sumsToOne(seed: UInt64) throws {
    let g = try Digraph.random(nodes: 30, edgeProbability: 0.1, seed: seed, weighted: true)
    let rank = try g.pageRank()
    #expect(rank.allSatisfy { $0 > 0 })
    #expect(abs(rank.reduce(0, +) - 1) < 1e-9)
  }

  @Test("a start vector (NetworkX's nstart) is followed as NetworkX follows it")
  func startVector() throws {
    let g = try Digraph(nodeCount: 4, edges: [(0, 1), (1, 2), (2, 0), (0, 2), (2, 3)], weights: [1, 2, 1, 0.5, 1])
    // obtained with: nx.pagerank(G, alpha=0.85, nstart={0: 0.7, 1: 0.1, 2: 0.1, 3: 0.1}, tol=1e-6, max_iter=100)  # networkx 3.6.1, G the weighted DiGraph above
    let expected = [0.22683732693647363, 0.21424480507522842, 0.3320805410518244, 0.22683732693647363]
    let warm = try g.pageRank(start: [7, 1, 1, 1])  // normalized, as NetworkX does
    #expect(isApproximatelyEqual(warm, expected, tolerance: 1e-15), "\(warm)")
    // obtained with: the same call without nstart
    let cold = [0.22683736909301985, 0.21424385316871172, 0.3320814086452484, 0.22683736909301985]
    #expect(isApproximatelyEqual(try g.pageRank(), cold, tolerance: 1e-15))
    #expect(throws: GraphError.self) { try g.pageRank(start: [1, 1]) }
    #expect(throws: GraphError.self) { try g.pageRank(start: [0, 0, 0, 0]) }
  }

  @Test("warm-started after one edit: the cold answer to the tolerance, in a fraction of the sweeps", arguments: [UInt64(1), 2, 3])
  func warmStart(seed: UInt64) throws {
    var rng = SplitMix64(seed: seed)
    let n = 2_000
    var relations: [Relation] = []
    for _ in 0 ..< 10_000 {
      let (a, b) = (Int(rng.next() % UInt64(n)), Int(rng.next() % UInt64(n)))
      if a != b { relations.append(Relation(from: Actor.ID("a\(a)"), to: Actor.ID("a\(b)"), type: "t", weight: 0.1 + rng.nextUnit(), sign: .cooperative)) }
    }
    var world = World(name: "w", title: "w", actors: (0 ..< n).map { Actor(id: Actor.ID("a\($0)")) }, relations: relations, types: [RelationType(id: "t", polarity: .cooperative)])
    let before = try world.scores(.pagerank)
    world.relations.setWeight(5, at: 17)
    let g = try world.through()
    let exact = try g.pageRank(tolerance: 1e-15, maxIterations: 10_000)
    let (cold, coldSweeps) = try g.pageRankSweeps()
    let (warm, warmSweeps) = try g.pageRankSweeps(start: world.startVector(before))
    // Both stop when a sweep moves less than n·tol in L1; each is then within n·tol·d/(1 − d) of the fixed point.
    let bound = Double(n) * 1e-6 * 0.85 / 0.15
    let l1 = { (x: [Double], y: [Double]) in zip(x, y).map { abs($0 - $1) }.reduce(0, +) }
    #expect(l1(cold, exact) <= bound && l1(warm, exact) <= bound, "\(l1(cold, exact)) \(l1(warm, exact))")
    #expect(Double(warmSweeps) <= 0.5 * Double(coldSweeps), "warm \(warmSweeps) sweeps, cold \(coldSweeps)")
    // Through the world: the same vector.
    #expect(try world.scores(.pagerank, start: before).values == warm)
  }
}

