import Testing

@testable import Statecraft

@Suite("Structural balance")
struct BalanceTests {
  func gama() throws -> (World, SignedGraph) {
    let world = try WorldFile.load(graphPath("gahuku-gama.yaml"))
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
}

@Suite("Brokerage")
struct BrokerageTests {
  @Test("each role on a hand-built graph")
  func roles() throws {
    // Groups: 0,1,2 in A; 3,4 in B; 5 in C. Broker is node 1 or 3.
    let groups = [0, 0, 0, 1, 1, 2]
    let g = try Digraph(nodeCount: 6, edges: [
      (0, 1), (1, 2),  // 0→1→2: all A: coordinator for 1
      (1, 3),  // 0→1→3: a,b in A, c in B: representative for 1
      (3, 4),  // 1→3→4: b,c in B, a in A: gatekeeper for 3
      (3, 5),  // 1→3→5: A, B, C: liaison for 3
      (4, 3), (3, 0),  // 4→3→0: B,B,A: representative for 3; 1→3→0: a=1 (A), c=0 (A), b in B: itinerant for 3
    ])
    let r = g.brokerage(groups: groups)
    // Node 1: 0→1→2 (A A A) coordinator, 0→1→3 (A A B) representative.
    #expect(r[1].counts == [1, 0, 1, 0, 0])
    // Node 3: 1→3→0 (A B A) itinerant, 1→3→4 (A B B) gatekeeper, 1→3→5 (A B C) liaison,
    // 4→3→0 and 4→3→5 (B B A, B B C) representative.
    #expect(r[3].counts == [0, 1, 2, 1, 1])
    // Node 0: 3→0→1 (B A A) gatekeeper. Node 4: 3→4→3 returns to its start: nothing.
    #expect(r[0].counts == [0, 0, 0, 1, 0])
    #expect(r[4].total == 0)
  }

  @Test("a closed triangle brokers nothing; totals equal open two-paths", arguments: 0 ..< 8 as Range<UInt64>)
  func totals(seed: UInt64) throws {
    let g = try Digraph.random(nodes: 15, edgeProbability: 0.2, seed: seed)
    var rng = SplitMix64(seed: seed)
    let groups = (0 ..< 15).map { _ in Int(rng.next() % 3) }
    let r = g.brokerage(groups: groups)
    for b in 0 ..< 15 {
      var open = 0
      for a in g.inNeighbors(of: b) where a != b {
        for c in g.outNeighbors(of: b) where c != a && c != b && !g.hasArc(from: a, to: c) { open += 1 }
      }
      #expect(r[b].total == open)
    }
    let closed = try Digraph(nodeCount: 3, edges: [(0, 1), (1, 2), (0, 2)])
    #expect(closed.brokerage(groups: [0, 1, 2]).allSatisfy { $0.total == 0 })
  }
}

@Suite("Pairwise influence")
struct InfluenceTests {
  @Test("Friedkin-Johnsen V equals the limit of the dynamics, and rows sum to 1", arguments: 0 ..< 8 as Range<UInt64>)
  func fjDynamics(seed: UInt64) throws {
    let g = try Digraph.random(nodes: 12, edgeProbability: 0.25, seed: seed, weighted: true)
    var rng = SplitMix64(seed: seed &+ 99)
    let lambda = (0 ..< 12).map { _ in 0.2 + 0.7 * rng.nextUnit() }
    let v = try g.friedkinJohnsen(susceptibility: lambda)
    for i in 0 ..< 12 { #expect(abs(v.row(i).reduce(0, +) - 1) < 1e-12) }
    // Simulate x(t+1) = ΛW x(t) + (I − Λ) x(0) from a random x(0).
    let x0 = (0 ..< 12).map { _ in rng.nextUnit() }
    let w = g.heedMatrix()
    var x = x0
    for _ in 0 ..< 2000 {
      var next = [Double](repeating: 0, count: 12)
      for i in 0 ..< 12 {
        var heard = 0.0
        for j in 0 ..< 12 { heard += w[i * 12 + j] * x[j] }
        next[i] = lambda[i] * heard + (1 - lambda[i]) * x0[i]
      }
      x = next
    }
    var settled = [Double](repeating: 0, count: 12)
    for i in 0 ..< 12 { for j in 0 ..< 12 { settled[i] += v[i, j] * x0[j] } }
    #expect(isApproximatelyEqual(x, settled, tolerance: 1e-10))
  }

  @Test("closed forms: a stubborn leader and a follower")
  func leaderFollower() throws {
    // 0 → 1: 1 heeds 0 only. λ₁ = 0.5: 1 settles halfway between its own stance and 0's.
    let g = try Digraph(nodeCount: 2, edges: [(0, 1)])
    let v = try g.friedkinJohnsen(susceptibility: [0.9, 0.5])
    #expect(v[0, 0] == 1 && v[0, 1] == 0)  // 0 heeds itself
    #expect(abs(v[1, 0] - 0.5) < 1e-15 && abs(v[1, 1] - 0.5) < 1e-15)
    // Fully susceptible closed group: singular, a clear error.
    let loop = try Digraph(nodeCount: 2, edges: [(0, 1), (1, 0)])
    #expect(throws: GraphError.self) { try loop.friedkinJohnsen(susceptibility: [1, 1]) }
  }

  @Test("walk influence equals the walk series and refuses a divergent alpha")
  func walks() throws {
    let g = try ClassicGraphs.smallDirected()
    let alpha = 0.2
    let m = try g.walkInfluence(alpha: alpha)
    // Series: Σ_{k=1..200} α^k A^k.
    let n = 6
    var a = [Double](repeating: 0, count: n * n)
    for (u, v, w) in g.arcs { a[u * n + v] = w }
    var power = a.map { $0 * alpha }
    var sum = power
    for _ in 2 ... 200 {
      var next = [Double](repeating: 0, count: n * n)
      for i in 0 ..< n { for k in 0 ..< n where power[i * n + k] != 0 { for j in 0 ..< n { next[i * n + j] += power[i * n + k] * alpha * a[k * n + j] } } }
      power = next
      for i in 0 ..< n * n { sum[i] += power[i] }
    }
    #expect(isApproximatelyEqual(m.entries, sum, tolerance: 1e-10))
    #expect(throws: GraphError.self) { try g.walkInfluence(alpha: 0.6) }  // λmax = 2
  }
}
