import Testing

@testable import Statecraft
@testable import StatecraftGraph
@testable import StatecraftWorld

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
