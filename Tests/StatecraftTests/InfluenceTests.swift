import Testing

@testable import Statecraft

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

  @Test("sparse rows, columns and totals equal the dense matrices", arguments: 0 ..< 8 as Range<UInt64>)
  func sparseEqualsDense(seed: UInt64) throws {
    let g = try Digraph.random(nodes: 25, edgeProbability: 0.12, seed: seed, weighted: true)
    let n = g.nodeCount
    let lambda: [Double] = (0 ..< n).map { i -> Double in
      let step = Double((i * 7 + Int(seed)) % 10)
      return 0.2 + 0.07 * step
    }
    let v = try g.friedkinJohnsen(susceptibility: lambda)
    for i in [0, 7, n - 1] {
      #expect(isApproximatelyEqual(try g.friedkinJohnsenRow(i, susceptibility: lambda), v.row(i), tolerance: 1e-10))
      #expect(isApproximatelyEqual(try g.friedkinJohnsenColumn(i, susceptibility: lambda), v.column(i), tolerance: 1e-10))
    }
    let totals = (0 ..< n).map { v.column($0).reduce(0, +) }
    #expect(isApproximatelyEqual(try g.friedkinJohnsenTotals(susceptibility: lambda), totals, tolerance: 1e-10))
    let alpha = World.defaultWalkAlpha(g)
    let w = try g.walkInfluence(alpha: alpha)
    for i in [0, 7, n - 1] {
      #expect(isApproximatelyEqual(try g.walkInfluenceRow(i, alpha: alpha), w.row(i), tolerance: 1e-10))
      #expect(isApproximatelyEqual(try g.walkInfluenceColumn(i, alpha: alpha), w.column(i), tolerance: 1e-10))
    }
    let rowSums = (0 ..< n).map { w.row($0).reduce(0, +) }
    #expect(isApproximatelyEqual(try g.walkInfluenceTotals(alpha: alpha), rowSums, tolerance: 1e-10))
  }
}

@Suite("Friedkin–Johnsen: a singular system is named as such")
struct SingularInfluenceTests {
  // An actor with susceptibility 1 that heeds nobody (node 0), or two such actors heeding only
  // each other (nodes 0 and 1): I − ΛW has a zero row or a singular block.
  @Test("the sparse solves say 'singular, lower a susceptibility', as the dense one does", arguments: [
    ([(0, 1), (1, 2)], [1.0, 0.5, 0.5]),
    ([(0, 1), (1, 0), (1, 2)], [1.0, 1.0, 0.5]),
  ])
  func singular(edges: [(Int, Int)], lambda: [Double]) throws {
    let g = try Digraph(nodeCount: 3, edges: edges)
    for solve in [{ try g.friedkinJohnsenRow(2, susceptibility: lambda) }, { try g.friedkinJohnsenColumn(0, susceptibility: lambda) },
                  { try g.friedkinJohnsenTotals(susceptibility: lambda) }, { try g.friedkinJohnsen(susceptibility: lambda).entries }] {
      do {
        _ = try solve()
        Issue.record("a singular system was solved")
      } catch {
        #expect("\(error)".contains("singular") && "\(error)".contains("lower a susceptibility"), "\(error)")
      }
    }
  }

  @Test("an actor with susceptibility 1 that heeds someone outside is fine")
  func notSingular() throws {
    let g = try Digraph(nodeCount: 3, edges: [(1, 0), (1, 2)])
    #expect(try g.friedkinJohnsenTotals(susceptibility: [1, 0.5, 0.5]).allSatisfy(\.isFinite))
  }
}
