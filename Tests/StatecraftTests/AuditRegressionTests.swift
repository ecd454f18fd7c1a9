import Foundation
import Testing

@testable import Statecraft
@testable import StatecraftGraph
@testable import StatecraftWorld

/// The cases an outside audit against NetworkX 3.6.1 found, each with the input that
/// showed it, rebuilt from the issue's description.
@Suite("Audit regressions: cases an outside comparison with NetworkX 3.6.1 found")
struct AuditRegressionTests {
  @Test("--combine max keeps the strongest tie with its sign, so the frustrated triangle stays frustrated")
  func combineMaxKeepsStrongestSign() throws {
    // A→B hostile 0.9 and A→B cooperative 0.2; B–C and A–C cooperative.
    let world = World(
      name: "t",
      actors: ["A", "B", "C"].map { Actor(id: Actor.ID($0)) },
      relations: [
        Relation(from: "A", to: "B", type: "threat", weight: 0.9, sign: .hostile),
        Relation(from: "A", to: "B", type: "aid", weight: 0.2, sign: .cooperative),
        Relation(from: "B", to: "C", type: "aid", weight: 1, sign: .cooperative),
        Relation(from: "A", to: "C", type: "aid", weight: 1, sign: .cooperative),
      ],
      types: [RelationType(id: "threat", polarity: .hostile), RelationType(id: "aid", polarity: .cooperative)])
    for combine in Digraph.Combine.allCases {
      let lens = Lens(sign: .signed, combine: combine)
      let signed = try world.through(lens).signedGraph(combine: combine)
      // sum: −0.9 + 0.2 = −0.7, hostile; max: the 0.9 threat wins, hostile.
      #expect(signed.ties.first { $0.u == 0 && $0.v == 1 }?.sign == -1, "\(combine)")
      #expect(signed.triangleBalance().balanced == 0, "\(combine)")
    }
    // Across directions, max keeps the strongest arc too: B→A friendly 0.95 beats A→B −0.9.
    let d = try Digraph(nodeCount: 2, edges: [(0, 1), (1, 0)], weights: [-0.9, 0.95])
    #expect(d.signedGraph(combine: .max).ties.map(\.sign) == [1])
    // Equally strong ties of opposite sign cancel, as a zero sum does.
    let even = try Digraph(nodeCount: 2, edges: [(0, 1), (1, 0)], weights: [-0.5, 0.5])
    #expect(even.signedGraph(combine: .max).ties.isEmpty)
    #expect(even.signedGraph(combine: .sum).ties.isEmpty)
  }

  @Test("ids that differ only by Unicode normalization stay two actors, as in NetworkX")
  func unicodeNormalization() throws {
    let precomposed = "Caf\u{E9}"
    let decomposed = "Cafe\u{301}"
    #expect(precomposed == decomposed)  // Swift's String equality: canonical equivalence
    #expect(Actor.ID(precomposed) != Actor.ID(decomposed))
    let csv = "source,target\n\(precomposed),X\n\(decomposed),X\n\(precomposed),Y\n"
    let world = try EdgeListCSV.parse(csv, file: "cafe.csv", name: "cafe", undirected: true)
    #expect(world.actors.count == 4)
    // obtained with: G = nx.Graph(); G.add_edge("Caf\u00e9","X"); G.add_edge("Cafe\u0301","X");
    //   G.add_edge("Caf\u00e9","Y"); nx.degree_centrality(G)  # networkx 3.6.1
    let degree = try world.scores(.degree)
    #expect(degree[actor: Actor.ID(precomposed)] == 0.6666666666666666)
    #expect(degree[actor: Actor.ID(decomposed)] == 0.3333333333333333)
    #expect(degree[actor: "X"] == 0.6666666666666666)

    // A YAML world may declare both; a relation naming a third spelling is refused with a hint.
    let yaml = """
      schema: 1
      actors:
        - {id: "\(precomposed)"}
        - {id: "\(decomposed)"}
      types:
        - {id: tie, polarity: cooperative}
      relations:
        - {from: "\(precomposed)", to: "\(decomposed)", type: tie, weight: 1}
      """
    let both = try WorldYAML.parse(yaml, file: "u.yaml", defaultName: "u")
    #expect(both.actors.count == 2 && both.relations.count == 1)
    let nfdOnly = """
      schema: 1
      actors:
        - {id: "\(precomposed)"}
        - {id: B}
      types:
        - {id: tie, polarity: cooperative}
      relations:
        - {from: "\(decomposed)", to: B, type: tie, weight: 1}
      """
    #expect {
      try WorldYAML.parse(nfdOnly, file: "u.yaml", defaultName: "u")
    } throws: { error in
      "\(error)".contains("looks the same but is encoded differently (Unicode normalization)")
    }
  }

  @Test("list options follow CSV rules, so an id may hold a comma")
  func idLists() throws {
    #expect(try IDList.parse("PAK, USA") == ["PAK", "USA"])
    #expect(try IDList.parse(#""Washington, D.C.",PAK"#) == ["Washington, D.C.", "PAK"])
    #expect(try IDList.parse(#""say ""hi""",x"#) == [#"say "hi""#, "x"])
    #expect(try IDList.parse(["A,B", #""C, D""#]) == ["A", "B", "C, D"])
    #expect(throws: IDListError.self) { try IDList.parse(#""Washington, D.C."#) }
  }

  @Test("eigenvector keeps NetworkX's 100 iterations and reports non-convergence")
  func eigenvectorIterationDefaults() throws {
    // obtained with: G = nx.DiGraph([(0,1),(1,2),(2,0),(0,0),(2,3),(3,3),(3,1)]);
    //   nx.eigenvector_centrality(G)  # networkx 3.6.1 (converges in 15 sweeps)
    let loops = try Digraph(nodeCount: 4, edges: [(0, 1), (1, 2), (2, 0), (0, 0), (2, 3), (3, 3), (3, 1)])
    #expect(isApproximatelyEqual(
      try loops.eigenvectorCentrality(),
      [0.507992324547434, 0.599181236731056, 0.35336870539315024, 0.507992324547434], tolerance: 1e-9))
    // obtained with: nx.eigenvector_centrality(G, max_iter=100, tol=1e-3)  # networkx 3.6.1
    #expect(isApproximatelyEqual(
      try loops.eigenvectorCentrality(tolerance: 1e-3),
      [0.5082121706061621, 0.5986840919856424, 0.3535790396769485, 0.5082121706061621], tolerance: 1e-9))

    // NetworkX raises PowerIterationFailedConvergence on DiGraph([(0,1),(2,1)]) with the
    // defaults; with max_iter=1000 it stops at sweep 578.
    let slow = try Digraph(nodeCount: 3, edges: [(0, 1), (2, 1)])
    #expect {
      try slow.eigenvectorCentrality()
    } throws: { error in
      guard case GraphError.didNotConverge(_, 100, _) = error else { return false }
      return "\(error)".contains("--max-iterations") && "\(error)".contains("--tolerance")
    }
    // obtained with: nx.eigenvector_centrality(nx.DiGraph([(0,1),(2,1)]), max_iter=1000)  # networkx 3.6.1
    #expect(isApproximatelyEqual(
      try slow.eigenvectorCentrality(maxIterations: 1000),
      [0.0008643035894373601, 0.9999992529790263, 0.0008643035894373601], tolerance: 1e-9))
    // The measure registry uses the same defaults.
    #expect(throws: GraphError.self) { try Measure.eigenvector.compute(on: slow) }
    var settings = Measure.Settings()
    settings.maxIterations = 1000
    #expect(try Measure.eigenvector.compute(on: slow, settings: settings).count == 3)
  }

  @Test("Katz and HITS take the tolerance and iteration limit; defaults as documented")
  func katzAndHITSOptions() throws {
    let g = try Digraph(nodeCount: 4, edges: [(0, 1), (1, 2), (2, 0), (0, 0), (2, 3), (3, 3), (3, 1)])
    // obtained with: nx.katz_centrality(G, alpha=0.1)  # networkx 3.6.1, G as above
    #expect(isApproximatelyEqual(
      try g.katzCentrality(alpha: 0.1),
      [0.5099098144270866, 0.5145035857614488, 0.46397200620347734, 0.5099098144270866], tolerance: 1e-6))
    // obtained with: nx.hits(G)  # networkx 3.6.1 (scipy's tiny negatives read as 0)
    let hits = try g.hits()
    #expect(isApproximatelyEqual(hits.hubs, [1.0 / 3, 0, 1.0 / 3, 1.0 / 3], tolerance: 1e-6))
    #expect(isApproximatelyEqual(hits.authorities, [1.0 / 3, 1.0 / 3, 0, 1.0 / 3], tolerance: 1e-6))
    #expect(throws: GraphError.self) { try g.katzCentrality(alpha: 0.1, maxIterations: 2) }
    #expect(throws: GraphError.self) { try g.hits(maxIterations: 1) }
    #expect(Measure.katz.defaultMaxIterations == 1000 && Measure.eigenvector.defaultMaxIterations == 100)
    #expect(Measure.pagerank.defaultTolerance == 1e-6 && !Measure.betweenness.isIterative)
  }

  @Test("PageRank to a tighter tolerance matches NetworkX's converged vector")
  func pageRankTolerance() throws {
    let g = try Digraph(nodeCount: 3, edges: [(0, 1), (1, 2), (2, 0), (0, 2)])
    // obtained with: nx.pagerank(nx.DiGraph([(0,1),(1,2),(2,0),(0,2)]), tol=1e-10, max_iter=1000)  # networkx 3.6.1
    #expect(isApproximatelyEqual(
      try g.pageRank(tolerance: 1e-10, maxIterations: 1000),
      [0.3877897116493844, 0.21481062751331187, 0.39739966083730344], tolerance: 1e-12))
  }
}
