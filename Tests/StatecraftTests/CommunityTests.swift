import Testing

@testable import Statecraft
@testable import StatecraftGraph
@testable import StatecraftWorld

@Suite("Components and communities")
struct CommunityTests {
  @Test("strongly connected components match a hand check and cover every node")
  func strong() throws {
    let g = try ClassicGraphs.smallDirected()
    // obtained with: sorted(map(sorted, nx.strongly_connected_components(D)))  # [[0,1,2],[3,4],[5]]
    #expect(g.strongComponents() == [[0, 1, 2], [3, 4], [5]])
    #expect(try Digraph(nodeCount: 0, edges: []).strongComponents() == [])
    #expect(try ClassicGraphs.path(4, directed: true).strongComponents() == [[0], [1], [2], [3]])
    #expect(try ClassicGraphs.cycle(4, directed: true).strongComponents() == [[0, 1, 2, 3]])
    // A long path does not overflow a recursion stack.
    #expect(try ClassicGraphs.path(200_000, directed: true).strongComponents().count == 200_000)
  }

  @Test("modularity matches NetworkX")
  func modularity() throws {
    let world = try ClassicGraphs.karate()
    let g = try world.through()
    let labels = world.actors.map { Reference.karateClubLabels[Int($0.id.rawValue)!] }
    // obtained with: nx.community.modularity(G, [Mr. Hi, Officer], weight='weight')
    #expect(try abs(g.modularity(labels.map { Int($0) }) - Reference.karateClubModularityWeighted[0]) < 1e-12)
    let unweighted = try Digraph(
      nodeCount: 34, edges: world.relations.map { (world.index(of: $0.from)!, world.index(of: $0.to)!) }, directed: false)
    // obtained with: nx.community.modularity(G, [Mr. Hi, Officer], weight=None)
    #expect(try abs(unweighted.modularity(labels.map { Int($0) }) - Reference.karateClubModularity[0]) < 1e-12)
    // obtained with: nx.community.modularity(nx.barbell_graph(4, 0), [set(range(4)), set(range(4, 8))])
    let barbell = try Digraph(
      nodeCount: 8,
      edges: [(0, 1), (0, 2), (0, 3), (1, 2), (1, 3), (2, 3), (4, 5), (4, 6), (4, 7), (5, 6), (5, 7), (6, 7), (3, 4)],
      directed: false)
    #expect(try abs(barbell.modularity([0, 0, 0, 0, 1, 1, 1, 1]) - Reference.barbellModularity[0]) < 1e-12)
    #expect(try barbell.louvainCommunities(seed: 1) == [0, 0, 0, 0, 1, 1, 1, 1])
  }

  @Test("Louvain on the karate club reaches NetworkX's modularity")
  func louvainKarate() throws {
    let g = try ClassicGraphs.karate().through()
    let best = try (0 ..< 5 as Range<UInt64>).map { try g.modularity(g.louvainCommunities(seed: $0)) }.max()!
    // obtained with: nx.community.modularity(G, nx.community.louvain_communities(G, weight='weight', seed=42))
    #expect(best >= Reference.karateLouvainModularityNX[0] - 0.01)
  }

  @Test("Louvain: at least the singletons' modularity, same seed same partition", arguments: 0 ..< 10 as Range<UInt64>)
  func louvainProperties(seed: UInt64) throws {
    let g = try Digraph.random(nodes: 40, edgeProbability: 0.1, seed: seed, directed: false, weighted: true)
    let a = try g.louvainCommunities(seed: seed)
    #expect(try g.louvainCommunities(seed: seed) == a)
    #expect(try g.modularity(a) >= g.modularity(Array(0 ..< 40)) - 1e-12)
  }

  @Test("parallel Louvain: the same partition with 1, 2 or 3 workers, and the planted blocks found (seeded)")
  func louvainParallelDeterministic() throws {
    // 21,000 nodes (above louvainParallelLevel) in blocks of 30: four ties inside the block
    // and one random tie outside per node.
    let n = 21_000
    var rng = SplitMix64(seed: 11)
    var edges: [(Int, Int)] = []
    for u in 0 ..< n {
      let block = u / 30 * 30
      for _ in 0 ..< 4 { edges.append((u, block + Int(rng.next() % 30))) }
      edges.append((u, Int(rng.next() % UInt64(n))))
    }
    let g = try Digraph(nodeCount: n, edges: edges, directed: false)
    #expect(n >= louvainParallelLevel)
    let one = try g.louvainCommunities(resolution: 1, threshold: 1e-7, seed: 5, workers: 1)
    #expect(try g.louvainCommunities(resolution: 1, threshold: 1e-7, seed: 5, workers: 2) == one)
    #expect(try g.louvainCommunities(resolution: 1, threshold: 1e-7, seed: 5, workers: 3) == one)
    // The planted partition's modularity, as a floor for what Louvain must reach.
    let planted = (0 ..< n).map { $0 / 30 }
    #expect(try g.modularity(one) >= g.modularity(planted) - 0.01)
  }
}
