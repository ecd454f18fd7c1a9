import Foundation
import Testing

@testable import StatecraftGraph

/// Betweenness and closeness after an edit, from the sources the edit can affect
/// (`Digraph.betweennessSums(updating:)`, `closenessSums(updating:)`), against recomputing
/// them from scratch.
@Suite("All-pairs measures by affected sources")
struct AffectedSourcesTests {
  /// One kind of edit to a graph's arcs.
  enum EditKind: CaseIterable { case stronger, weaker, removed, added }

  /// `g` with one edit of `kind` to an arc picked by `rng` (an undirected graph keeps both
  /// directions of the edge together).
  static func edited(_ g: Digraph, _ kind: EditKind, rng: inout SplitMix64) throws -> Digraph {
    var arcs = g.arcs.filter { g.isDirected || $0.source <= $0.target }
    let n = g.nodeCount
    if kind == .added {
      var (a, b) = (0, 0)
      repeat { (a, b) = (Int(rng.next() % UInt64(n)), Int(rng.next() % UInt64(n))) } while a == b || g.hasArc(from: a, to: b)
      arcs.append((g.isDirected ? a : min(a, b), g.isDirected ? b : max(a, b), 0.2 + rng.nextUnit()))
    } else {
      let k = Int(rng.next() % UInt64(arcs.count))
      switch kind {
      case .stronger: arcs[k].weight *= 3
      case .weaker: arcs[k].weight *= 0.3
      case .removed: arcs.remove(at: k)
      case .added: break
      }
    }
    return try Digraph(nodeCount: n, edges: arcs.map { ($0.source, $0.target) }, weights: arcs.map(\.weight), directed: g.isDirected)
  }

  /// Whether two score vectors agree within a relative 1e-12 of the larger's largest entry.
  static func agree(_ a: [Double], _ b: [Double]) -> Bool {
    let scale = max(1, (a + b).map(abs).max() ?? 0)
    return a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= 1e-12 * scale }
  }

  @Test(
    "equals a full recomputation after every kind of edit, on random graphs, every length",
    arguments: [(true, UInt64(1)), (true, 2), (false, 3), (false, 4)])
  func matchesFullRecomputation(directed: Bool, seed: UInt64) throws {
    var rng = SplitMix64(seed: seed)
    let g = try Digraph.random(nodes: 40, edgeProbability: directed ? 0.08 : 0.06, seed: seed, directed: directed, weighted: true)
    for length in PathLength.allCases {
      for endpoints in [false, true] {
        let before = try g.betweennessSums(length: length, endpoints: endpoints)
        for kind in EditKind.allCases {
          let h = try Self.edited(g, kind, rng: &rng)
          let updated = try #require(try h.betweennessSums(updating: before))
          let full = try h.betweennessSums(length: length, endpoints: endpoints)
          #expect(Self.agree(updated.sums, full.sums), "\(kind) \(length) endpoints \(endpoints)")
          #expect(Self.agree(updated.scores(normalized: true), try h.betweenness(length: length, endpoints: endpoints)))
          #expect(updated.sourcesRun <= h.nodeCount)
        }
      }
    }
  }

  @Test("a source it calls unaffected has the same dependencies before and after", arguments: [UInt64(5), 6, 7])
  func unaffectedSourcesKeepTheirDependencies(seed: UInt64) throws {
    var rng = SplitMix64(seed: seed)
    let g = try Digraph.random(nodes: 30, edgeProbability: 0.1, seed: seed, weighted: true)
    var checked = 0
    for kind in EditKind.allCases {
      let h = try Self.edited(g, kind, rng: &rng)
      for length in [PathLength.reciprocal, .hops] {
        let affected = Set(h.sourcesAffected(since: g, length: length))
        for s in 0 ..< g.nodeCount where !affected.contains(s) {
          let old = g.dependencySums(sources: [s], length: length, endpoints: false)
          let new = h.dependencySums(sources: [s], length: length, endpoints: false)
          #expect(Self.agree(old, new), "source \(s) after \(kind) under \(length)")
          checked += 1
        }
      }
    }
    #expect(checked > 100)  // the test examines many unaffected sources, not none
  }

  @Test("an arc on no shortest path made longer recomputes nothing; hops ignore strengths")
  func nothingToRecompute() throws {
    // A triangle 0→1→2 with a long shortcut 0→2 (length 1/0.1 = 10 > 1 + 1).
    let g = try Digraph(nodeCount: 3, edges: [(0, 1), (1, 2), (0, 2)], weights: [1, 1, 0.1])
    let weaker = try Digraph(nodeCount: 3, edges: [(0, 1), (1, 2), (0, 2)], weights: [1, 1, 0.05])
    let sums = try g.betweennessSums()
    #expect(weaker.sourcesAffected(since: g) == [])
    let updated = try #require(try weaker.betweennessSums(updating: sums))
    #expect(updated.sourcesRun == 0)
    #expect(updated.scores(normalized: false) == [0, 1, 0])  // closed form: 1 lies on 0→2
    // Under hops a change of strength changes no path.
    let stronger = try Digraph(nodeCount: 3, edges: [(0, 1), (1, 2), (0, 2)], weights: [1, 1, 5])
    #expect(stronger.sourcesAffected(since: g, length: .hops) == [])
    // The shortcut made strong enough to tie (1/0.5 = 2 = 1 + 1) affects source 0 only.
    let tie = try Digraph(nodeCount: 3, edges: [(0, 1), (1, 2), (0, 2)], weights: [1, 1, 0.5])
    #expect(tie.sourcesAffected(since: g) == [0])
    #expect(try tie.betweennessSums(updating: sums)?.scores(normalized: false) == [0, 0.5, 0])
  }

  @Test("earlier sums that are not finite are not updated but recomputed")
  func nonFiniteEarlierSums() throws {
    // Sums that are not finite (as zero-length arcs under `.raw` once gave) cannot be
    // updated by subtraction: the update recomputes, or gives up within a budget.
    let g = try Digraph(nodeCount: 3, edges: [(0, 1), (1, 2)], weights: [0, 1])
    let good = try g.betweennessSums(length: .raw)
    #expect(good.scores(normalized: false) == [0, 1, 0])
    let before = BetweennessSums(graph: g, length: .raw, endpoints: false, sums: [0, .nan, 0], sourcesRun: 3)
    let h = try Digraph(nodeCount: 3, edges: [(0, 1), (1, 2)], weights: [1, 1])
    let updated = try #require(try h.betweennessSums(updating: before))
    let full = try h.betweennessSums(length: .raw)
    #expect(updated.sums == full.sums && updated.sourcesRun == 3)
    let budgeted = try h.betweennessSums(updating: before, limit: 2)
    #expect(budgeted == nil, "a budget is not spent on a full recomputation")
  }

  @Test("the 4-cycle closed form; a limit leaves it to the caller; a new node recomputes all")
  func closedFormsAndLimits() throws {
    let path = try Digraph(nodeCount: 4, edges: [(0, 1), (1, 2), (2, 3)], directed: false)
    let sums = try path.betweennessSums(length: .hops)
    #expect(sums.scores(normalized: false) == [0, 2, 2, 0])  // closed form: P4's inner nodes
    let cycle = try Digraph(nodeCount: 4, edges: [(0, 1), (1, 2), (2, 3), (0, 3)], directed: false)
    let updated = try #require(try cycle.betweennessSums(updating: sums))
    #expect(updated.scores(normalized: false) == [0.5, 0.5, 0.5, 0.5])  // closed form: C4
    #expect(try cycle.betweennessSums(updating: sums, limit: 1) == nil)
    let bigger = try Digraph(nodeCount: 5, edges: [(0, 1), (1, 2), (2, 3), (3, 4)], directed: false)
    let regrown = try #require(try bigger.betweennessSums(updating: sums))
    #expect(regrown.sourcesRun == 5)
    #expect(regrown.sums == (try bigger.betweennessSums(length: .hops)).sums)
  }

  @Test(
    "closeness equals a full recomputation after every kind of edit, on random graphs, every length",
    arguments: [(true, UInt64(11)), (true, 12), (false, 13)])
  func closenessMatchesFullRecomputation(directed: Bool, seed: UInt64) throws {
    var rng = SplitMix64(seed: seed)
    let g = try Digraph.random(nodes: 40, edgeProbability: directed ? 0.06 : 0.05, seed: seed, directed: directed, weighted: true)
    for length in PathLength.allCases {
      let before = try g.closenessSums(length: length)
      for kind in EditKind.allCases {
        let h = try Self.edited(g, kind, rng: &rng)
        let updated = try #require(try h.closenessSums(updating: before))
        let full = try h.closenessSums(length: length)
        #expect(updated.reached == full.reached, "\(kind) \(length)")
        #expect(Self.agree(updated.totals, full.totals), "\(kind) \(length)")
        #expect(Self.agree(updated.closeness(), try h.closeness(length: length)))
        #expect(updated.sourcesRun <= h.nodeCount)
      }
    }
  }

  @Test("closeness: the path grown into a cycle (closed forms); a limit leaves it to the caller")
  func closenessClosedForms() throws {
    let path = try Digraph(nodeCount: 4, edges: [(0, 1), (1, 2), (2, 3)], directed: false)
    let sums = try path.closenessSums(length: .hops)
    #expect(sums.closeness() == [0.5, 0.75, 0.75, 0.5])  // closed form: 3/6 and 3/4 on P4
    let cycle = try Digraph(nodeCount: 4, edges: [(0, 1), (1, 2), (2, 3), (0, 3)], directed: false)
    #expect(try cycle.closenessSums(updating: sums)?.closeness() == [0.75, 0.75, 0.75, 0.75])  // C4: 3/4
    #expect(try cycle.closenessSums(updating: sums, limit: 1) == nil)
    // A directed arc made weaker on no shortest path changes no node's incoming distances.
    let g = try Digraph(nodeCount: 3, edges: [(0, 1), (1, 2), (0, 2)], weights: [1, 1, 0.1])
    let weaker = try Digraph(nodeCount: 3, edges: [(0, 1), (1, 2), (0, 2)], weights: [1, 1, 0.05])
    let kept = try #require(try weaker.closenessSums(updating: try g.closenessSums()))
    let recomputed = try weaker.closeness()
    #expect(kept.sourcesRun == 0 && kept.closeness() == recomputed)
  }
}
