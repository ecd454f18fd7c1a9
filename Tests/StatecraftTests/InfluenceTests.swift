import Testing

@testable import Statecraft
@testable import StatecraftGraph
@testable import StatecraftWorld

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

@Suite("Influence of groups")
struct GroupInfluenceTests {
  @Test("a group's sway sums its members' shares and averages over the swayed group, as numpy's dense V says")
  func karateGroups() throws {
    let karate = try ClassicGraphs.karate()
    // obtained with: V = np.linalg.solve(I - 0.5 W, 0.5 I); sum(V[t, s] for s in (0, 33)) / 3 over t in (1, 2, 3)  (Scripts/reference_values.py)
    #expect(abs(try karate.influence(of: "0+33", over: "1+2+3") - Reference.karateGroupInfluence[0]) < 1e-10)
    // obtained with: V[[1, 2, 3], :].mean(axis=0)  (Scripts/reference_values.py)
    let row = try karate.influence(.over("1+2+3"))
    for (k, id) in row.actors.enumerated() {
      #expect(abs(row.values[k] - Reference.karateGroupOverRow[Int(id.rawValue)!]) < 1e-10, "\(id)")
    }
    // The same members by attribute, and the leverage closed form for a group.
    var tagged = karate
    for i in tagged.actors.indices where ["0", "33"].contains(tagged.actors[i].id.rawValue) { tagged.actors[i].attributes["role"] = "leader" }
    #expect(abs(try tagged.influence(of: "role=leader", over: "1+2+3") - Reference.karateGroupInfluence[0]) < 1e-10)
    let report = try tagged.leverage(on: .influence(InfluencePair("role=leader over 1+2+3")!, .fj), recompute: 3)
    #expect(abs(report.baseline - Reference.karateGroupInfluence[0]) < 1e-10)
    for e in report.entries.prefix(3) {
      var without = tagged
      without.relations.remove(at: try #require(e.relationIndex))
      #expect(abs(try #require(e.exact) - (try without.influence(of: "role=leader", over: "1+2+3") - report.baseline)) < 1e-10)
    }
  }

  @Test("groups are named by +, by attribute=value, or are an actor whose id holds them; misses say what exists")
  func naming() throws {
    var world = World(
      name: "g", actors: [Actor(id: "A", attributes: ["bloc": "Axis"]), Actor(id: "B", attributes: ["bloc": "Axis"]), Actor(id: "C"), Actor(id: "X+Y")],
      relations: [Relation(from: "A", to: "C", type: "t", weight: 1, sign: .cooperative), Relation(from: "B", to: "C", type: "t", weight: 1, sign: .cooperative)],
      types: [RelationType(id: "t", polarity: .cooperative)])
    #expect(try world.members(of: "bloc=Axis") == [0, 1])
    #expect(try world.members(of: "B+A+A") == [0, 1])
    #expect(try world.members(of: "X+Y") == [3])
    #expect { try world.members(of: "bloc=Axes") } throws: { "\($0)".contains("the attribute's values are Axis") }
    #expect { try world.members(of: "A+Q") } throws: { "\($0)".contains("\"Q\"") }
    #expect(InfluencePair("bloc=United States over C")?.source == "bloc=United States")
    #expect(InfluencePair("A over") == nil && InfluencePair("A over B over C") == nil)
    // Knock-out never removes a member of the question's groups.
    world.relations.append(Relation(from: "C", to: "A", type: "t", weight: 1, sign: .cooperative))
    let knock = try world.knockOut(.influence(InfluencePair("bloc=Axis over C")!, .fj))
    #expect(!knock.rows.isEmpty && knock.rows.map(\.actor).allSatisfy { !["A", "B", "C"].contains($0.rawValue) })
  }
}

@Suite("Hostility is not deference")
struct SignedInfluenceTests {
  static func signedGraph() throws -> Digraph {
    let t = Reference.signedInfluenceEdges
    let edges = stride(from: 0, to: t.count, by: 3).map { (Int(t[$0]), Int(t[$0 + 1])) }
    return try Digraph(nodeCount: 5, edges: edges, weights: stride(from: 0, to: t.count, by: 3).map { t[$0 + 2] })
  }

  @Test("signed Friedkin–Johnsen (Altafini) equals numpy's dense solve; sparse rows and columns agree")
  func matchesNumpy() throws {
    // obtained with: np.linalg.solve(I - L @ W, I - L), W rows normalized by absolute sums  (Scripts/reference_values.py)
    let g = try Self.signedGraph()
    let lambda = Reference.signedInfluenceLambda
    let dense = try g.friedkinJohnsen(susceptibility: lambda)
    for k in 0 ..< 25 { #expect(abs(dense.entries[k] - Reference.signedInfluenceV[k]) < 1e-12, "\(k)") }
    for i in 0 ..< 5 {
      let row = try g.friedkinJohnsenRow(i, susceptibility: lambda)
      let column = try g.friedkinJohnsenColumn(i, susceptibility: lambda)
      for j in 0 ..< 5 {
        #expect(abs(row[j] - Reference.signedInfluenceV[i * 5 + j]) < 1e-10)
        #expect(abs(column[j] - Reference.signedInfluenceV[j * 5 + i]) < 1e-10)
      }
    }
  }

  @Test("closed form: an actor that heeds only its attacker settles at −λ times the attacker's stance")
  func closedForm() throws {
    // B heeds A through a hostile tie alone; A heeds nobody (keeps its stance): x_B = λ(−x_A) + (1 − λ)u_B.
    let world = World(
      name: "attack", actors: [Actor(id: "A"), Actor(id: "B", attributes: ["susceptibility": "0.7"])],
      relations: [Relation(from: "A", to: "B", type: "strike", weight: 0.9, sign: .hostile)],
      types: [RelationType(id: "strike", polarity: .hostile)])
    #expect(abs(try world.influence(of: "A", over: "B", model: .signed) - -0.7) < 1e-12)
    #expect(abs(try world.influence(of: "B", over: "B", model: .signed) - 0.3) < 1e-12)
    // The default model never reads the strike as deference: B heeds nobody, A has no share.
    #expect(try world.influence(of: "A", over: "B") == 0)
    // Walk sums still see the strike: reach, not deference.
    #expect(try world.influence(of: "A", over: "B", model: .walk) > 0)
  }

  @Test("an attack never raises the attacker's share under the default model, on the seed world")
  func strikesDoNotDilute() throws {
    var world = try WorldIO.load(graphPath("pakistan-2025.yaml"))
    let before = try world.influence(of: "USA", over: "PAK")
    world.relations.append(Relation(from: "USA", to: "PAK", type: "tariff-threat", weight: 2, sign: .hostile))
    #expect(try world.influence(of: "USA", over: "PAK") == before)
    #expect(try world.influence(of: "USA", over: "PAK", model: .signed) < before)
    #expect(Lens().seeing(.fj).sign == .positive && Lens(sign: .negative).seeing(.fj).sign == .negative)
    #expect(Lens().seeing(.signed).seeing(.signed).sign == .signed && Lens(sign: .signed).seeing(.walk).sign == .absolute)
  }
}

/// Friedkin–Johnsen solves started from the answer before an edit (the hard-problems issue's
/// edits answered incrementally): the same fixed point to the tolerance, in fewer sweeps.
@Suite("Influence: warm starts after an edit")
struct InfluenceWarmStartTests {
  /// A seeded random digraph of 600 nodes and 3,000 weighted arcs, and the same graph with
  /// one arc re-weighted.
  static func graphs(seed: UInt64) throws -> (before: Digraph, after: Digraph) {
    var rng = SplitMix64(seed: seed)
    var edges: [(NodeIndex, NodeIndex)] = []
    var weights: [Double] = []
    while edges.count < 3_000 {
      let (a, b) = (Int(rng.next() % 600), Int(rng.next() % 600))
      guard a != b else { continue }
      edges.append((a, b))
      weights.append(Double(1 + rng.next() % 9) / 4)
    }
    let before = try Digraph(nodeCount: 600, edges: edges, weights: weights)
    weights[Int(rng.next() % 3_000)] *= 3
    return (before, try Digraph(nodeCount: 600, edges: edges, weights: weights))
  }

  @Test("row, column and totals: warm equals cold to the tolerance, in fewer sweeps", arguments: [1, 2, 3] as [UInt64])
  func warmStart(seed: UInt64) throws {
    let (before, after) = try Self.graphs(seed: seed)
    let lambda = [Double](repeating: 0.6, count: 600)
    let tol = 1e-13
    let solves: [(String, (Digraph, Int, [Double]?) throws -> [Double])] = [
      ("row", { g, k, s in try g.friedkinJohnsenRow(7, susceptibility: lambda, tolerance: tol, maxIterations: k, start: s) }),
      ("column", { g, k, s in try g.friedkinJohnsenColumn(7, susceptibility: lambda, tolerance: tol, maxIterations: k, start: s) }),
      ("totals", { g, k, s in try g.friedkinJohnsenTotals(susceptibility: lambda, tolerance: tol, maxIterations: k, start: s) }),
    ]
    for (name, solve) in solves {
      let old = try solve(before, 100_000, nil)
      let cold = try solve(after, 100_000, nil)
      // Sweeps each start needs: the fewest iterations it converges in (binary search: a
      // solve that converges within k sweeps converges within k + 1).
      func sweeps(_ start: [Double]?) -> Int {
        var (lo, hi) = (1, 400)
        while lo < hi {
          let mid = (lo + hi) / 2
          if (try? solve(after, mid, start)) != nil { hi = mid } else { lo = mid + 1 }
        }
        return lo
      }
      let (coldSweeps, warmSweeps) = (sweeps(nil), sweeps(old))
      let warm = try solve(after, 100_000, old)
      // Each answer is within n·tol·ρ/(1 − ρ) of the fixed point (ρ ≤ 0.6): within 1e-9 of each other.
      #expect(zip(warm, cold).allSatisfy { abs($0 - $1) <= 1e-9 }, "\(name)")
      // Jacobi converges linearly: a start nearer the fixed point saves the sweeps that
      // shrink the cold start's larger error (about a third here), not most of them.
      #expect(warmSweeps < coldSweeps, "\(name): \(warmSweeps) sweeps warm against \(coldSweeps) cold")
    }
  }

  @Test("a start of the wrong size, or with a NaN, is ignored: the cold answer")
  func badStart() throws {
    let (_, g) = try Self.graphs(seed: 4)
    let lambda = [Double](repeating: 0.6, count: 600)
    let cold = try g.friedkinJohnsenColumn(3, susceptibility: lambda)
    #expect(try g.friedkinJohnsenColumn(3, susceptibility: lambda, start: [1, 2]) == cold)
    #expect(try g.friedkinJohnsenColumn(3, susceptibility: lambda, start: [Double](repeating: .nan, count: 600)) == cold)
  }
}
