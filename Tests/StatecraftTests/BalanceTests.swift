import Testing

@testable import Statecraft
@testable import StatecraftGraph
@testable import StatecraftWorld

@Suite("Structural balance")
struct BalanceTests {
  func gama() throws -> (World, SignedGraph) {
    let world = try WorldIO.load(graphPath("gahuku-gama.yaml"))
    return (world, try world.through(Lens(sign: .signed)).signedGraph())
  }

  @Test("Gahuku-Gama: 29 alliances, 29 enmities, 68 triangles of which 59 balanced")
  func triangles() throws {
    let (_, g) = try gama()
    #expect(g.positiveCount == 29 && g.negativeCount == 29)
    let t = g.triangleBalance()
    // obtained with: brute force over all C(16, 3) triples (Scripts/reference_values.py)
    #expect([Double(t.triangles), Double(t.balanced)] == Reference.gamaTriangleCounts)
    #expect(t.triangles == 68 && t.balanced == 59)
    #expect(abs(t.strictIndex - 59.0 / 68) < 1e-15)
    #expect(t.weaklyBalanced == 66)  // only two ++- triangles, both through MASIL
  }

  @Test("Gahuku-Gama: frustration index 7, as published, with the camps that reach it")
  func frustration() throws {
    let (world, g) = try gama()
    // Aref, Mason & Wilson (2018): line index of balance of the highland tribes = 7.
    let f = g.frustration()
    // obtained with: min over all 2**16 camp splits (Scripts/reference_values.py)
    #expect(Double(f.index) == Reference.gamaFrustration[0])
    #expect(f.index == 7)
    #expect(f.isExact)
    #expect(f.frustratedTies.count == 7)
    // The camps: the GAVEV-KOTUN-NAGAD-GAMA alliance against everyone else.
    let campA = world.actors.indices.filter { f.camps[$0] == f.camps[0] }.map { world.actors[$0].id.rawValue }
    #expect(campA == ["GAVEV", "KOTUN", "NAGAD", "GAMA"])
    // The heuristic alone finds it too, and says how good it is.
    let h = g.frustration(exactLimit: 0)
    #expect(h.index == 7)
    #expect(h.lowerBound <= 7)
  }

  @Test("exact frustration agrees with brute force on small random signed graphs", arguments: 0 ..< 12 as Range<UInt64>)
  func bruteForce(seed: UInt64) throws {
    var rng = SplitMix64(seed: seed)
    var ties: [(Int, Int, Int)] = []
    for u in 0 ..< 10 { for v in u + 1 ..< 10 where rng.nextUnit() < 0.4 { ties.append((u, v, rng.nextUnit() < 0.5 ? 1 : -1)) } }
    let g = try SignedGraph(nodeCount: 10, ties: ties)
    var best = Int.max
    for mask in 0 ..< (1 << 10) {
      let c = g.ties.filter { ($0.sign > 0) != (((mask >> $0.u) & 1) == ((mask >> $0.v) & 1)) }.count
      best = min(best, c)
    }
    let f = g.frustration()
    #expect(f.index == best)
    #expect(f.frustratedTies.count == best)
    #expect(f.lowerBound <= best)
    #expect(g.frustration(exactLimit: 0).index >= best)  // the heuristic is an upper bound
  }

  @Test("balanced graphs: index 0, all triangles balanced; corner cases")
  func balanced() throws {
    // Two camps {0,1} and {2,3}: friendly inside, hostile across.
    let g = try SignedGraph(nodeCount: 4, ties: [(0, 1, 1), (2, 3, 1), (0, 2, -1), (1, 3, -1), (0, 3, -1)])
    #expect(g.frustration().index == 0)
    #expect(g.triangleBalance().strictIndex == 1)
    let empty = try SignedGraph(nodeCount: 0, ties: [])
    #expect(empty.frustration().index == 0)
    #expect(empty.triangleBalance().triangles == 0)
    // An all-hostile triangle: weakly but not strictly balanced, frustration 1.
    let enemies = try SignedGraph(nodeCount: 3, ties: [(0, 1, -1), (1, 2, -1), (0, 2, -1)])
    #expect(enemies.triangleBalance().balanced == 0 && enemies.triangleBalance().weaklyBalanced == 1)
    #expect(enemies.frustration().index == 1)
  }

  @Test("the signed lens: parallel relations net out; hostile beats a weaker friendly tie")
  func fromWorld() throws {
    let d = try Digraph(nodeCount: 3, edges: [(0, 1), (1, 0), (1, 2), (2, 2)], weights: [0.5, -0.8, 1, 1])
    let s = d.signedGraph()
    #expect(s.ties.map { [$0.u, $0.v, $0.sign] } == [[0, 1, -1], [1, 2, 1]])
  }

  @Test("the local search's restarts on work units give the one-thread search's split, on 1, 2 and 3 threads")
  func localSearchOnWorkUnits() throws {
    // The search as it ran on one thread: one generator for every restart, in order.
    func sequential(_ g: SignedGraph, restarts: Int, seed: UInt64) -> (Int, [Int]) {
      var rng = SplitMix64(seed: seed)
      var best = (Int.max, [Int]())
      for start in 0 ..< restarts {
        var camps = (0 ..< g.nodeCount).map { _ in start == 0 ? 0 : Int(rng.next() & 1) }
        var improved = true
        while improved {
          improved = false
          for v in 0 ..< g.nodeCount {
            var (stay, move) = (0, 0)
            for (w, s) in g.neighbors[v] { if (s > 0) != (camps[w] == camps[v]) { stay += 1 } else { move += 1 } }
            if move < stay { camps[v] ^= 1; improved = true }
          }
        }
        let cost = g.frustrated(camps).count
        if cost < best.0 { best = (cost, camps) }
      }
      let first = (0 ..< g.nodeCount).first { !g.neighbors[$0].isEmpty } ?? 0
      return (best.0, best.1.isEmpty || best.1[first] == 0 ? best.1 : best.1.map { $0 ^ 1 })
    }
    for (n, density, seed) in [(40, 0.2, UInt64(1)), (120, 0.05, 2), (300, 0.02, 3)] {
      let g = try randomSigned(nodes: n, density: density, seed: seed)
      let (index, camps) = sequential(g, restarts: 50, seed: 0)
      for threads in 1 ... 3 {
        let f = WorkUnits.$workerLimit.withValue(threads) { g.frustration(exactLimit: 0) }
        #expect(f.index == index && f.camps == camps, "n \(n), \(threads) threads")
      }
    }
  }

  /// A random signed graph: each pair tied with probability `density`, half the ties hostile.
  func randomSigned(nodes n: Int, density: Double, seed: UInt64) throws -> SignedGraph {
    var rng = SplitMix64(seed: seed)
    var ties: [(NodeIndex, NodeIndex, Int)] = []
    for u in 0 ..< n { for v in u + 1 ..< n where rng.nextUnit() < density { ties.append((u, v, rng.nextUnit() < 0.5 ? 1 : -1)) } }
    return try SignedGraph(nodeCount: n, ties: ties)
  }

  /// The frustration index of `g` by trying every split (node 0 fixed).
  func bruteForceIndex(_ g: SignedGraph) -> Int {
    var best = Int.max
    for mask in 0 ..< (1 << max(0, g.nodeCount - 1)) {
      let side = { (v: Int) in v == 0 ? 0 : (mask >> (v - 1)) & 1 }
      best = min(best, g.ties.filter { ($0.sign > 0) != (side($0.u) == side($0.v)) }.count)
    }
    return best
  }

  @Test("the integer program (GLPK) proves the brute-force optimum on random signed graphs of 3 to 12 actors", arguments: 0 ..< 10 as Range<UInt64>)
  func integerProgramAgainstBruteForce(seed: UInt64) throws {
    var rng = SplitMix64(seed: 1_000 + seed)
    for _ in 0 ..< 30 {
      let n = 3 + Int(rng.next() % 10)
      let density = 0.2 + 0.7 * rng.nextUnit()
      var ties: [(Int, Int, Int)] = []
      for u in 0 ..< n { for v in u + 1 ..< n where rng.nextUnit() < density { ties.append((u, v, rng.nextUnit() < 0.5 ? 1 : -1)) } }
      let g = try SignedGraph(nodeCount: n, ties: ties)
      let best = bruteForceIndex(g)
      // Started from the worst split (everyone in one camp): the program must find the optimum itself.
      let worst = (index: g.frustrated([Int](repeating: 0, count: n)).count, camps: [Int](repeating: 0, count: n))
      let solved = try #require(g.frustrationMILP(incumbent: worst, timeLimit: .seconds(30)))
      #expect(solved.index == best && solved.proven && solved.lowerBound == best, "n \(n), ties \(ties)")
      #expect(g.frustrated(solved.camps).count == best)
    }
  }

  @Test("the integer program: Gahuku–Gama 7, and HiGHS's proven optimum on random signed graphs of 20 to 80 actors")
  func integerProgramReferences() throws {
    let (_, gama) = try gama()
    let start = (index: gama.ties.count, camps: [Int](repeating: 0, count: gama.nodeCount))
    let g7 = try #require(gama.frustrationMILP(incumbent: start, timeLimit: .seconds(30)))
    // Aref, Mason & Wilson (2018): line index of balance of the highland tribes = 7.
    #expect(g7.index == 7 && g7.proven)
    for c in FrustrationReference.cases {
      let g = try SignedGraph(nodeCount: c.nodes, ties: c.ties)
      let f = g.frustration(exactLimit: 0, timeLimit: .seconds(60), prove: true)
      #expect(f.index == c.optimum && f.isExact && f.lowerBound == c.optimum, "\(c.nodes) nodes: \(f.index) (at least \(f.lowerBound)), HiGHS \(c.optimum)")
      #expect(g.frustrated(f.camps).count == f.index)
    }
  }

  @Test("a dense world's proof keeps its time limit: the relaxation and the model are bounded too")
  func denseTimeLimit() throws {
    let g = try randomSigned(nodes: 150, density: 0.5, seed: 5)
    let start = ContinuousClock.now
    let f = g.frustration(exactLimit: 0, timeLimit: .seconds(2), prove: true)
    #expect(ContinuousClock.now - start < .seconds(12), "took \(ContinuousClock.now - start)")
    #expect(!f.isExact && f.stoppedAtTimeLimit && f.lowerBound <= f.index && f.index == g.frustrated(f.camps).count)
  }

  @Test("proving stops at its time limit with the best split and a bound that holds: within N of optimal")
  func proofTimeLimit() throws {
    let g = try randomSigned(nodes: 60, density: 0.3, seed: 11)
    let start = ContinuousClock.now
    let f = g.frustration(exactLimit: 0, timeLimit: .milliseconds(500), prove: true)
    #expect(ContinuousClock.now - start < .seconds(5))
    #expect(!f.isExact && f.stoppedAtTimeLimit && f.lowerBound < f.index && f.index == g.frustrated(f.camps).count)
    // The program's bound is never below the triangle packing it started from.
    #expect(f.lowerBound >= g.disjointUnbalancedTriangles())
  }

  @Test("a time limit stops the exact search with the best split found and a proven lower bound")
  func timeLimit() throws {
    let g = try randomSigned(nodes: 60, density: 0.3, seed: 11)
    let start = ContinuousClock.now
    let f = g.frustration(exactLimit: 100, timeLimit: .milliseconds(200))
    #expect(ContinuousClock.now - start < .seconds(5))
    #expect(!f.isExact && f.lowerBound <= f.index && f.index == g.frustrated(f.camps).count)
  }
}


@Suite("Balance counts each relation once")
struct BalanceRelationRuleTests {
  @Test("a mutual +0.3 and a hostile −0.5 make one hostile tie (−0.2), not +0.3 + 0.3 − 0.5")
  func mutualCountsOnce() throws {
    let world = World(
      name: "pair", actors: [Actor(id: "A"), Actor(id: "B"), Actor(id: "C")],
      relations: [
        Relation(from: "A", to: "B", type: "ally", weight: 0.3, sign: .cooperative, mutual: true),
        Relation(from: "B", to: "A", type: "feud", weight: 0.5, sign: .hostile),
        Relation(from: "B", to: "C", type: "ally", weight: 0.4, sign: .cooperative),
        Relation(from: "C", to: "B", type: "ally", weight: 0.4, sign: .cooperative),
      ],
      types: [RelationType(id: "ally", polarity: .cooperative), RelationType(id: "feud", polarity: .hostile)])
    let report = try world.balance()
    #expect(report.hostileTies == 1 && report.friendlyTies == 1, "A–B hostile, B–C friendly (two one-way relations, one tie)")
    let g = try world.signedGraph()
    #expect(g.ties.map { [$0.u, $0.v, $0.sign] } == [[0, 1, -1], [1, 2, 1]])
  }
}

@Suite("Balance at size")
struct BalanceAtSizeTests {
  @Test("a signed K150 is reported in seconds with its broken ties' types (each frustrated tie filtered every relation)", .timeLimit(.minutes(1)))
  func completeGraph() throws {
    var rng = SplitMix64(seed: 150)
    var csv = "source,target,weight,sign,type\n"
    for i in 0 ..< 150 { for j in i + 1 ..< 150 { csv += "N\(i),N\(j),1,\(rng.nextUnit() < 0.5 ? "-" : "+"),t\(j % 3)\n" } }
    let world = try EdgeListCSV.parse(csv, file: "k150.csv", name: "k150", undirected: true)
    let report = try world.balance()
    #expect(report.triangles.triangles == 150 * 149 * 148 / 6)
    #expect(!report.brokenTies.isEmpty && report.brokenTies.allSatisfy { $0.types.count == 1 })
    // Each broken tie names the type of the one relation between its pair.
    let tie = report.brokenTies[0]
    let j = max(Int(tie.actors[0].rawValue.dropFirst())!, Int(tie.actors[1].rawValue.dropFirst())!)
    #expect(tie.types == ["t\(j % 3)"])
  }
}

@Suite("Collapsed worlds")
struct CollapseTests {
  @Test("a world collapsed by bloc: members become one actor, relations between blocs kept, inside dropped")
  func collapse() throws {
    let world = try WorldIO.load(graphPath("pakistan-2025.yaml"))
    let blocs = try world.collapsed(by: "bloc")
    let values = Set(world.actors.compactMap { $0.attributes["bloc"] })
    #expect(Set(blocs.actors.map(\.id.rawValue)) == values.union(world.actors.filter { $0.attributes["bloc"] == nil }.map(\.id.rawValue)))
    let us = try #require(blocs[actor: "United States"])
    #expect(us.attributes["members"] == "USA, USTR, TRUMP")
    // Every relation between two blocs survives with its weight; none joins a bloc to itself.
    func bloc(_ id: Actor.ID) -> String { world[actor: id]?.attributes["bloc"] ?? id.rawValue }
    let between = world.relations.indices.filter { bloc(world.relations[$0].from) != bloc(world.relations[$0].to) }
    #expect(blocs.relations.count == between.count)
    #expect(blocs.relations.indices.allSatisfy { blocs.relations[$0].from != blocs.relations[$0].to })
    #expect(abs(blocs.relations.weights.reduce(0, +) - between.map { world.relations.weights[$0] }.reduce(0, +)) < 1e-12)
    #expect { try world.collapsed(by: "blok") } throws: { "\($0)".contains("did you mean \"bloc\"") }
    _ = try blocs.scores(.pagerank)
  }
}
