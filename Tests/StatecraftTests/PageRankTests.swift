import Testing

@testable import Statecraft
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
}
