import Testing

@testable import Statecraft
@testable import StatecraftGraph
@testable import StatecraftWorld

@Suite("Spectral centralities")
struct SpectralTests {
  @Test("eigenvector, Katz and HITS match NetworkX on the Florentine families")
  func florentine() throws {
    let world = try ClassicGraphs.florentine()
    let g = try world.through()
    let order = Reference.florentineOrder
    // obtained with: nx.eigenvector_centrality(nx.florentine_families_graph())
    #expect(isApproximatelyEqual(values(try g.eigenvectorCentrality(), of: world, in: order), Reference.florentineEigenvector))
    // obtained with: nx.katz_centrality(nx.florentine_families_graph(), alpha=0.1)
    #expect(isApproximatelyEqual(values(try g.katzCentrality(alpha: 0.1), of: world, in: order), Reference.florentineKatz))
    // obtained with: nx.hits(nx.florentine_families_graph())[1] (ARPACK: another solver, 1e-6)
    #expect(isApproximatelyEqual(values(try g.hits().authorities, of: world, in: order), Reference.florentineAuthorities, tolerance: 1e-6))
  }

  @Test("weighted eigenvector and Katz match NetworkX on the karate club")
  func karate() throws {
    let world = try ClassicGraphs.karate()
    let g = try world.through()
    let order = (0 ..< 34).map(String.init)
    // obtained with: nx.eigenvector_centrality(G, weight='weight')
    #expect(isApproximatelyEqual(values(try g.eigenvectorCentrality(), of: world, in: order), Reference.karateEigenvectorWeighted))
    // obtained with: nx.katz_centrality(G, alpha=0.02, weight='weight')
    #expect(isApproximatelyEqual(values(try g.katzCentrality(alpha: 0.02), of: world, in: order), Reference.karateKatzWeighted))
    // obtained with: max(abs(np.linalg.eigvals(nx.to_numpy_array(G, weight='weight'))))
    #expect(abs(g.spectralRadius() - Reference.karateSpectralRadius[0]) < 1e-6)
  }

  @Test("λmax is certified per strong component, also where it is defective (two equal cycles joined)", arguments: [
    ("Defective", Reference.spectralDefectiveEdges, Reference.spectralDefectiveRadius),
    ("NearlyDefective", Reference.spectralNearlyDefectiveEdges, Reference.spectralNearlyDefectiveRadius),
    ("Random1", Reference.spectralRandom1Edges, Reference.spectralRandom1Radius),
    ("Random2", Reference.spectralRandom2Edges, Reference.spectralRandom2Radius),
    ("Random3", Reference.spectralRandom3Edges, Reference.spectralRandom3Radius),
  ])
  func certifiedRadius(name: String, triples: [Double], radius: [Double]) throws {
    // obtained with: max(abs(np.linalg.eigvals(nx.to_numpy_array(D, weight='weight'))))  (Scripts/reference_values.py)
    let edges = stride(from: 0, to: triples.count, by: 3).map { (Int(triples[$0]), Int(triples[$0 + 1])) }
    let weights = stride(from: 0, to: triples.count, by: 3).map { triples[$0 + 2] }
    let n = 1 + edges.map { max($0.0, $0.1) }.max()!
    let g = try Digraph(nodeCount: n, edges: edges, weights: weights)
    let bounds = g.spectralRadiusBounds()
    #expect(bounds.lower <= radius[0] + 1e-12 && radius[0] <= bounds.upper + 1e-12, "\(name): \(bounds) vs \(radius[0])")
    #expect(bounds.upper - bounds.lower <= 1e-11 * max(1, bounds.upper), "\(name): \(bounds)")
  }

  @Test("Katz takes an alpha just below 1/λmax on a defective graph (λmax 1), and refuses one at it")
  func katzNearTheEdge() throws {
    let triples = Reference.spectralDefectiveEdges
    let edges = stride(from: 0, to: triples.count, by: 3).map { (Int(triples[$0]), Int(triples[$0 + 1])) }
    let g = try Digraph(nodeCount: 6, edges: edges, weights: Array(repeating: 1, count: edges.count))
    #expect(g.spectralRadius() == 1)
    _ = try g.katzCentrality(alpha: 0.9999, maxIterations: 10_000_000)
    #expect(throws: GraphError.self) { try g.katzCentrality(alpha: 1) }
  }

  @Test("Katz refuses alpha at or above 1/λmax")
  func katzDiverges() throws {
    let g = try ClassicGraphs.karate().through()
    #expect(throws: GraphError.self) { try g.katzCentrality(alpha: 0.05) }  // 1/λmax = 0.0461
  }

  @Test("Katz and HITS on a small directed graph")
  func smallDirected() throws {
    let g = try ClassicGraphs.smallDirected()
    // obtained with: nx.katz_centrality(D, alpha=0.2, weight='weight')
    #expect(isApproximatelyEqual(try g.katzCentrality(alpha: 0.2), Reference.smallKatzWeighted))
    // obtained with: nx.hits(D) (ARPACK: another solver, 1e-6)
    let h = try g.hits()
    #expect(isApproximatelyEqual(h.hubs, Reference.smallHubs, tolerance: 1e-6))
    #expect(isApproximatelyEqual(h.authorities, Reference.smallAuthorities, tolerance: 1e-6))
  }

  @Test("Katz on path_graph(3) matches NetworkX's linear solve")
  func katzPath() throws {
    // obtained with: nx.katz_centrality(nx.path_graph(3), alpha=0.1)  # networkx 3.6.1
    #expect(isApproximatelyEqual(
      try ClassicGraphs.path(3).katzCentrality(alpha: 0.1),
      [0.5598852584152163, 0.6107839182711452, 0.5598852584152163], tolerance: 1e-6))
  }

  @Test("corner cases")
  func corners() throws {
    #expect(try Digraph(nodeCount: 0, edges: []).eigenvectorCentrality() == [])
    #expect(try Digraph(nodeCount: 0, edges: []).katzCentrality() == [])
    let empty = try Digraph(nodeCount: 4, edges: []).hits()
    #expect(empty.hubs == [0.25, 0.25, 0.25, 0.25])
    // Katz without edges: every node gets beta, normalized to 1/sqrt(n).
    #expect(isApproximatelyEqual(try Digraph(nodeCount: 4, edges: []).katzCentrality(), [0.5, 0.5, 0.5, 0.5]))
    // Cycle: uniform eigenvector (closed form).
    #expect(isApproximatelyEqual(try ClassicGraphs.cycle(5).eigenvectorCentrality(), Array(repeating: 1 / 5.0.squareRoot(), count: 5), tolerance: 1e-6))
  }

  @Test("eigenvector scores have unit length and are non-negative", arguments: 0 ..< 8 as Range<UInt64>)
  func eigenProperty(seed: UInt64) throws {
    let g = try Digraph.random(nodes: 25, edgeProbability: 0.2, seed: seed, directed: false, weighted: true)
    let x = try g.eigenvectorCentrality(maxIterations: 1000)
    #expect(abs(x.reduce(0) { $0 + $1 * $1 } - 1) < 1e-9)
    #expect(x.allSatisfy { $0 >= 0 })
  }
}
