import Testing

@testable import Statecraft
@testable import StatecraftGraph
@testable import StatecraftWorld
import StatecraftTestSupport

@Suite("Degree and strength")
struct DegreeTests {
  @Test("matches NetworkX degree centrality on the Florentine families")
  func florentine() throws {
    let world = try ClassicGraphs.florentine()
    // obtained with: nx.degree_centrality(nx.florentine_families_graph())
    #expect(isApproximatelyEqual(
      values(try world.through().degreeCentrality(), of: world, in: Reference.florentineOrder),
      Reference.florentineDegreeCentrality))
  }

  @Test("matches NetworkX strength on the weighted karate club")
  func karate() throws {
    let world = try ClassicGraphs.karate()
    // obtained with: dict(G.degree(weight='weight'))
    #expect(values(try world.through().strength(), of: world, in: (0 ..< 34).map(String.init))
      == Reference.karateStrength)
  }

  @Test("matches NetworkX on a small directed weighted graph")
  func smallDirected() throws {
    let g = try ClassicGraphs.smallDirected()
    // obtained with: dict(D.in_degree(weight='weight'))
    #expect(g.strength(.in) == Reference.smallInStrength)
    // obtained with: nx.degree_centrality(D)
    #expect(isApproximatelyEqual(g.degreeCentrality(), Reference.smallDegreeCentrality))
    #expect(g.degree(.out) == [2, 2, 2, 1, 2, 0])
    #expect(g.degree(.in) == [1, 1, 2, 2, 1, 2])
  }

  @Test("corner cases: empty, single node, no edges, self-loops, parallel ties")
  func cornerCases() throws {
    #expect(try Digraph(nodeCount: 0, edges: []).degree() == [])
    // nx.degree_centrality of a one-node graph is {0: 1}
    #expect(try Digraph(nodeCount: 1, edges: []).degreeCentrality() == [1])
    #expect(try Digraph(nodeCount: 3, edges: []).degree() == [0, 0, 0])
    // NetworkX counts an undirected self-loop twice: nx.Graph([(0, 0), (0, 1)]).degree(0) == 3
    let loop = try Digraph(nodeCount: 2, edges: [(0, 0), (0, 1)], directed: false)
    #expect(loop.degree() == [3, 1])
    #expect(loop.strength() == [3, 1])
    // and a directed one twice too (once in, once out): nx.DiGraph([(0, 0)]).degree(0) == 2
    #expect(try Digraph(nodeCount: 1, edges: [(0, 0)]).degree() == [2])
    let parallel = try Digraph(nodeCount: 2, edges: [(0, 1), (0, 1)], weights: [0.5, 2])
    #expect(parallel.degree(.out) == [1, 0])
    #expect(parallel.strength(.out) == [2.5, 0])
  }

  @Test("in-strengths and out-strengths balance", arguments: 0 ..< 10 as Range<UInt64>)
  func handshake(seed: UInt64) throws {
    let g = try Digraph.random(nodes: 40, edgeProbability: 0.1, seed: seed, weighted: true)
    #expect(abs(g.strength(.in).reduce(0, +) - g.strength(.out).reduce(0, +)) < 1e-9)
    #expect(g.degree(.in).reduce(0, +) == g.arcCount)
  }
}
