import Testing

@testable import Statecraft
@testable import StatecraftGraph
@testable import StatecraftWorld

@Suite("Closeness and harmonic")
struct ClosenessTests {
  @Test("match NetworkX on the Florentine families")
  func florentine() throws {
    let world = try ClassicGraphs.florentine()
    let g = try world.through()
    // obtained with: nx.closeness_centrality(nx.florentine_families_graph())
    #expect(isApproximatelyEqual(values(try g.closeness(), of: world, in: Reference.florentineOrder), Reference.florentineCloseness))
    // obtained with: nx.harmonic_centrality(nx.florentine_families_graph())
    #expect(isApproximatelyEqual(values(try g.harmonic(), of: world, in: Reference.florentineOrder), Reference.florentineHarmonic))
  }

  @Test("match NetworkX on the weighted karate club, length 1/weight")
  func karate() throws {
    let world = try ClassicGraphs.karate()
    let g = try world.through()
    let order = (0 ..< 34).map(String.init)
    // obtained with: nx.closeness_centrality(G, distance='dist'), dist = Fraction(1, weight)
    #expect(isApproximatelyEqual(values(try g.closeness(), of: world, in: order), Reference.karateClosenessReciprocal))
    // obtained with: nx.harmonic_centrality(G, distance='dist'), dist = Fraction(1, weight)
    #expect(isApproximatelyEqual(values(try g.harmonic(), of: world, in: order), Reference.karateHarmonicReciprocal))
  }

  @Test("match NetworkX on a small directed graph: incoming distances")
  func smallDirected() throws {
    let g = try ClassicGraphs.smallDirected()
    // obtained with: nx.closeness_centrality(D, distance='dist'), dist = 1/Fraction(weight)
    #expect(isApproximatelyEqual(try g.closeness(), Reference.smallClosenessReciprocal))
    // obtained with: nx.harmonic_centrality(D)
    #expect(isApproximatelyEqual(try g.harmonic(length: .hops), Reference.smallHarmonicHops))
  }

  @Test("corner cases and closed forms")
  func corners() throws {
    #expect(try Digraph(nodeCount: 0, edges: []).closeness() == [])
    #expect(try Digraph(nodeCount: 1, edges: []).closeness() == [0])
    #expect(try Digraph(nodeCount: 3, edges: []).harmonic() == [0, 0, 0])
    // Star centre: n leaves at distance 1 -> closeness 1, harmonic n.
    let star = try ClassicGraphs.star(leaves: 4)
    #expect(try star.closeness(length: .hops)[0] == 1)
    #expect(try star.harmonic(length: .hops)[0] == 4)
    // Two components: Wasserman-Faust scales by the reached share (closed form).
    let two = try Digraph(nodeCount: 4, edges: [(0, 1), (2, 3)], directed: false)
    #expect(isApproximatelyEqual(try two.closeness(length: .hops), [1.0 / 3, 1.0 / 3, 1.0 / 3, 1.0 / 3]))
    #expect(try two.closeness(length: .hops, wassermanFaust: false) == [1, 1, 1, 1])
    // Cycle C6 by hops: distances 1,1,2,2,3 -> 5/9 (closed form).
    #expect(isApproximatelyEqual(try ClassicGraphs.cycle(6).closeness(length: .hops), Array(repeating: 5.0 / 9, count: 6)))
  }

  @Test("harmonic equals the sum of inverse BFS depths with unit lengths", arguments: 0 ..< 8 as Range<UInt64>)
  func harmonicProperty(seed: UInt64) throws {
    let g = try Digraph.random(nodes: 20, edgeProbability: 0.15, seed: seed)
    let h = try g.harmonic()  // unit strengths: 1/weight = 1
    let hops = try g.harmonic(length: .hops)
    #expect(isApproximatelyEqual(h, hops))
  }
}
