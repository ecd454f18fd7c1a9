import Testing

@testable import Statecraft
@testable import StatecraftGraph
@testable import StatecraftWorld
import StatecraftTestSupport

@Suite("Digraph")
struct DigraphTests {
  @Test("a negative strength is found when the graph is built and named by its arc, empty rows before it")
  func firstNegativeArc() throws {
    // Rows: 0 → 1; 1 and 2 empty; 3 → 0 (−2) and 3 → 4 (−1); the first negative is 3 → 0.
    let g = try Digraph(nodeCount: 5, edges: [(3, 4), (0, 1), (3, 0)], weights: [-1, 1, -2])
    #expect(throws: GraphError.negativeWeight(algorithm: "x", source: 3, target: 0, weight: -2)) { try g.requireNonNegativeWeights(for: "x") }
    let last = try Digraph(nodeCount: 3, edges: [(0, 1), (2, 0)], weights: [1, -0.5])
    #expect(throws: GraphError.negativeWeight(algorithm: "y", source: 2, target: 0, weight: -0.5)) { try last.requireNonNegativeWeights(for: "y") }
    try Digraph(nodeCount: 3, edges: [(0, 1)], weights: [0]).requireNonNegativeWeights(for: "z")  // 0 is allowed
    #expect(g.outStrengths == [1, 0, 0, -3, 0])
  }

  @Test("CSR rows are sorted and in/out adjacency agree", arguments: 0 ..< 10 as Range<UInt64>)
  func consistency(seed: UInt64) throws {
    let g = try Digraph.random(nodes: 30, edgeProbability: 0.1, seed: seed, weighted: true)
    var fromIn: [(Int, Int, Double)] = []
    for v in 0 ..< g.nodeCount {
      #expect(Array(g.inNeighbors(of: v)) == g.inNeighbors(of: v).sorted())
      for (u, w) in zip(g.inNeighbors(of: v), g.inWeights(of: v)) { fromIn.append((u, v, w)) }
    }
    fromIn.sort { ($0.0, $0.1) < ($1.0, $1.1) }
    #expect(fromIn.map { [Double($0.0), Double($0.1), $0.2] } == g.arcs.map { [Double($0.source), Double($0.target), $0.weight] })
  }

  @Test("out-of-range nodes and non-finite weights are errors")
  func errors() {
    #expect(throws: GraphError.nodeOutOfRange(3, nodeCount: 3)) { try Digraph(nodeCount: 3, edges: [(0, 3)]) }
    #expect(throws: GraphError.self) { try Digraph(nodeCount: 2, edges: [(0, 1)], weights: [.nan]) }
  }

  @Test("undirected edge count follows NetworkX, self-loops once")
  func edgeCount() throws {
    let g = try Digraph(nodeCount: 3, edges: [(0, 1), (1, 2), (2, 2)], directed: false)
    #expect(g.edgeCount == 3)
    #expect(g.arcCount == 5)
  }

  @Test("weak components")
  func components() throws {
    #expect(try Digraph(nodeCount: 5, edges: [(0, 1), (3, 2)]).weakComponents() == [[0, 1], [2, 3], [4]])
    #expect(try Digraph(nodeCount: 0, edges: []).weakComponents() == [])
  }

  @Test("public calls refuse parameters outside their domain with an error, never a trap")
  func parametersOutsideTheDomain() throws {
    #expect(throws: GraphError.self) { try Digraph(nodeCount: -1, edges: []) }
    #expect(throws: GraphError.self) { try Digraph(nodeCount: 2, edges: [(0, 1)], weights: [1, 2]) }
    let g = try Digraph(nodeCount: 3, edges: [(0, 1), (1, 2)])
    #expect(throws: GraphError.self) { try g.pageRank(damping: 1.5) }
    #expect(throws: GraphError.self) { try g.pageRank(maxIterations: 0) }
    #expect(throws: GraphError.self) { try g.modularity([0, 1]) }
    #expect(throws: GraphError.self) { try g.bestPaths(from: 0, to: 2, count: 0) }
    #expect(throws: GraphError.self) { try g.pageRankSensitivity(to: 7) }
    let world = World(name: "ab", actors: [Actor(id: "A"), Actor(id: "B")], relations: [Relation(from: "A", to: "B", type: "tie", weight: 1, sign: .cooperative)])
    #expect(throws: GraphError.self) { try world.paths(from: "A", to: "B", count: 0) }
    #expect(throws: UnknownActorError("C", suggestion: nil)) { try world.paths(from: "A", to: "C") }
    #expect(UnknownActorError("AA", suggestion: "A").description == "actor \"AA\" is not in this world; did you mean \"A\"?")
    // Dates name real days or nothing.
    #expect(PartialDate(year: 2025, month: 2, day: 29) == nil)
    #expect(PartialDate(year: 2024, month: 2, day: 29) != nil)
    #expect(PartialDate(year: -1) == nil && PartialDate(year: 2025, month: 13) == nil && PartialDate(year: 2025, day: 3) == nil)
  }
}
