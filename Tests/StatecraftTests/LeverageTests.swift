import Testing

@testable import Statecraft
@testable import StatecraftGraph
@testable import StatecraftWorld

@Suite("Leverage")
struct LeverageTests {
  /// A random directed world: 10 actors, about 25 relations with parallel, mutual and hostile
  /// ones; every actor has an out-tie and an in-tie, so no derivative is a jump.
  static func randomWorld(seed: UInt64) -> World {
    var rng = SplitMix64(seed: seed)
    let n = 10
    let ids = (0 ..< n).map { Actor.ID("A\($0)") }
    var relations: [Relation] = []
    for i in 0 ..< n {
      relations.append(Relation(from: ids[i], to: ids[(i + 1) % n], type: "aid", weight: 0.2 + rng.nextUnit(), sign: .cooperative))
    }
    for _ in 0 ..< 15 {
      let a = Int(rng.next() % UInt64(n))
      var b = Int(rng.next() % UInt64(n))
      if a == b { b = (b + 3) % n }
      let hostile = rng.nextUnit() < 0.3
      relations.append(Relation(
        from: ids[a], to: ids[b], type: hostile ? "threat" : "aid", weight: 0.1 + rng.nextUnit(),
        sign: hostile ? .hostile : .cooperative, mutual: rng.nextUnit() < 0.25))
    }
    var actors = ids.map { Actor(id: $0) }
    for i in actors.indices { actors[i].attributes["susceptibility"] = String(0.2 + 0.6 * rng.nextUnit()) }
    return World(
      name: "random", actors: actors, relations: relations,
      types: [RelationType(id: "aid", polarity: .cooperative), RelationType(id: "threat", polarity: .hostile)])
  }

  @Test("the PageRank entry loop gives the generic loop's entries to the bit on 1, 2 and 3 threads (removals, jumps, mutual and undirected ties)", arguments: [1, 2, 3])
  func pageRankLoopMatchesGeneric(threads: Int) throws {
    try WorkUnits.$workerLimit.withValue(threads) {
      try pageRankLoopMatchesGeneric()
      try LeverageLoop.$parallelFrom.withValue(0) { try pageRankLoopMatchesGeneric() }
    }
  }

  func pageRankLoopMatchesGeneric() throws {
    for seed in 0 ..< 4 as Range<UInt64> {
      var world = Self.randomWorld(seed: seed)
      // A leaf with one out-tie: removing it is a jump with a bound.
      world.actors.append(Actor(id: "leaf"))
      world.relations.append(Relation(from: "leaf", to: "A2", type: "aid", weight: 0.4, sign: .cooperative))
      for directed in [true, false] {
        world.directed = directed
        for change in [LeverageChange.remove, .add(0.3), .add(-0.5)] {
          let target = LeverageTarget.score(.pagerank, "A3")
          let fast = try world.leverage(on: target, change: change, recompute: 0)
          let generic = try LeverageLoop.$generic.withValue(true) { try world.leverage(on: target, change: change, recompute: 0) }
          let key = { (r: LeverageReport) in r.entries.map { [$0.relationIndex.map(Double.init), $0.derivative, $0.estimate, $0.bound] } }
          #expect(key(fast) == key(generic), "seed \(seed), directed \(directed), \(change)")
          // The leaf's tie (0.4) is a jump when removed or cut by 0.5, in a directed world only.
          #expect(fast.entries.contains { $0.bound != nil } == (change != .add(0.3) && directed))
        }
      }
    }
  }

  /// The target's central finite difference in relation `i`'s weight.
  static func finiteDifference(_ world: World, _ i: Int, _ target: LeverageTarget, h: Double = 1e-6) throws -> Double {
    var up = world
    up.relations[i].weight += h
    var down = world
    down.relations[i].weight -= h
    return (try up.value(of: target) - down.value(of: target)) / (2 * h)
  }

  @Test("closed-form PageRank and Friedkin–Johnsen derivatives equal finite differences to 1e-6", arguments: 0 ..< 6 as Range<UInt64>)
  func derivativesMatchRecomputation(seed: UInt64) throws {
    let world = Self.randomWorld(seed: seed)
    for target in [
      LeverageTarget.score(.pagerank, "A3"),
      .influence(InfluencePair(source: "A1", target: "A4"), .fj),
    ] {
      let report = try world.leverage(on: target, change: .add(0.01), recompute: 0)
      #expect(report.closedForm)
      // Influence heeds cooperative ties only: hostile relations are not levers on it.
      let admitted = if case .influence = target { try world.relations(through: Lens().seeing(.fj)).count } else { world.relations.count }
      #expect(report.entries.count == admitted)
      for entry in report.entries {
        let i = try #require(world.relations.firstIndex(of: entry.relation(in: world)))
        let d = try #require(entry.derivative)
        let fd = try Self.finiteDifference(world, i, target)
        #expect(abs(d - fd) <= 1e-6, "\(target) \(report.name(of: entry, in: world)): \(d) vs \(fd)")
      }
    }
  }

  @Test("candidate relations: the slope at weight 0 equals a one-sided difference")
  func candidates() throws {
    let world = Self.randomWorld(seed: 42)
    let target = LeverageTarget.score(.pagerank, "A0")
    let report = try world.leverage(
      on: target, candidates: ["A2", "A5", "A7"], candidateType: "aid", candidateWeight: 0.5, recompute: 100)
    let new = report.entries.filter(\.isCandidate)
    #expect(new.count == 6)
    let base = try world.value(of: target)
    for e in new {
      var edited = world
      edited.relations.append(Relation(from: e.relation(in: world).from, to: e.relation(in: world).to, type: "aid", weight: 1e-8, sign: .cooperative))
      let fd = (try edited.value(of: target) - base) / 1e-8
      #expect(abs(try #require(e.derivative) - fd) <= 1e-6, "\(report.name(of: e, in: world))")
      // Confirmed exactly: adding the relation at weight 0.5.
      var added = world
      try added.apply(.addRelation(e.relation(in: world)))
      #expect(abs(try #require(e.exact) - (try added.value(of: target) - base)) <= 1e-12)
    }
  }

  @Test("estimates follow the help: PageRank candidates by the rank-one numerator, max moves an arc only as far as its maximum")
  func estimatesFollowTheHelp() throws {
    // PageRank candidates: derivative × Δw × s/(s + Δw), s the source's out-strength (the
    // audit saw derivative × weight: 0.0899 against the promised 0.0450).
    let world = Self.randomWorld(seed: 7)
    let target = LeverageTarget.score(.pagerank, "A3")
    let report = try world.leverage(on: target, candidates: ["A1", "A4", "A8"], candidateType: "aid", candidateWeight: 0.5, recompute: 0)
    let g = try world.through()
    for e in report.entries.filter(\.isCandidate) {
      let r = e.relation(in: world)
      let s = g.outWeights(of: try world.requireIndex(of: r.from)).reduce(0, +)
      let promised = try #require(e.derivative) * 0.5 * s / (s + 0.5)
      #expect(try abs(#require(e.estimate) - promised) <= 1e-15, "\(report.name(of: e, in: world))")
    }

    // Under max a candidate of 0.6 beside a tie of 0.5 raises the arc by 0.1, not 0.6.
    var maxWorld = world
    maxWorld.relations.append(Relation(from: "A2", to: "A6", type: "aid", weight: 0.5, sign: .cooperative))
    let lens = Lens(combine: .max)
    let beside = try maxWorld.leverage(on: target, lens: lens, candidates: ["A2", "A6"], candidateType: "aid", candidateWeight: 0.6, recompute: 100)
    let candidate = try #require(beside.entries.first { $0.isCandidate && $0.relation(in: maxWorld).from == "A2" })
    let exact = try #require(candidate.exact)
    #expect(try abs(#require(candidate.estimate) - exact) <= 0.1 * abs(exact), "estimate \(candidate.estimate!) exact \(exact)")
    #expect(try abs(#require(candidate.derivative) * 0.6 - exact) > 2 * abs(exact))

    // Two relations tied for the strongest: removing either leaves the arc as it was.
    var tied = world
    tied.relations.append(Relation(from: "A2", to: "A6", type: "aid", weight: 0.7, sign: .cooperative))
    tied.relations.append(Relation(from: "A2", to: "A6", type: "threat", weight: 0.7, sign: .hostile))
    let removal = try tied.leverage(on: target, change: .remove, lens: lens, recompute: 100)
    #expect(removal.entries.count { $0.relationIndex.map { $0 >= world.relations.count } ?? false } == 2)
    for e in removal.entries where e.relationIndex.map({ $0 >= world.relations.count }) ?? false {
      #expect(try e.estimate == 0 && abs(#require(e.exact)) <= 1e-12)
    }
    // A weaker relation behind an arc moves nothing when removed; raising it past the
    // strongest moves the arc by the excess only.
    let raise = try tied.leverage(on: target, change: .add(0.3), lens: lens, recompute: 100)
    #expect(raise.entries.count { $0.relationIndex.map { $0 >= world.relations.count } ?? false } == 2)
    for e in raise.entries where e.relationIndex.map({ $0 >= world.relations.count }) ?? false {
      let slope = try #require(try tied.through(lens).pageRankSensitivity(to: 3).derivative(from: 2, to: 6))
      #expect(try abs(#require(e.estimate) - slope * 0.3) <= 1e-12)
      #expect(try abs(#require(e.exact) - e.estimate!) <= 0.15 * abs(e.exact!))
    }
  }

  @Test("recomputation stops at the time limit and says so; entries with no bound are never pulled in by a zero threshold")
  func timeLimitAndZeroEstimates() throws {
    // A star: every removal cuts a leaf's only out-tie (a jump), so each needs its own recomputation.
    var relations: [Relation] = []
    for i in 0 ..< 3_000 { relations.append(Relation(from: Actor.ID("L\(i)"), to: "H", type: "tie", weight: 1, sign: .cooperative)) }
    let star = World(
      name: "star", actors: [Actor(id: "H")] + (0 ..< 3_000).map { Actor(id: Actor.ID("L\($0)")) }, relations: relations,
      types: [RelationType(id: "tie", polarity: .cooperative)])
    let start = ContinuousClock.now
    let report = try star.leverage(on: .score(.pagerank, "H"), recompute: 5, timeLimit: .milliseconds(300))
    #expect(ContinuousClock.now - start < .seconds(20))
    #expect(report.stoppedAtTimeLimit && report.entries.count { $0.exact != nil } < 3_000)
    #expect(LeverageTable(report, in: star, top: 5).text(.table).contains("stopped at --time-limit"))
    // 3,000 parallel ties on a cycle: every estimate is 0 and none is a jump, so only the top
    // and one batch are recomputed (all 3,002 were, through "bound ?? 0 >= 0").
    var pair = (0 ..< 3_000).map { Relation(from: "A", to: "B", type: "t\($0)", weight: 1, sign: .cooperative) }
    pair += [Relation(from: "B", to: "C", type: "t0", weight: 1, sign: .cooperative), Relation(from: "C", to: "A", type: "t0", weight: 1, sign: .cooperative)]
    let cycle = World(
      name: "pair", actors: ["A", "B", "C"].map { Actor(id: Actor.ID($0)) }, relations: pair,
      types: (0 ..< 3_000).map { RelationType(id: "t\($0)", polarity: .cooperative) })
    let flat = try cycle.leverage(on: .score(.pagerank, "C"), recompute: 5)
    #expect(flat.entries.count { $0.exact != nil } <= 20 && !flat.stoppedAtTimeLimit)
  }

  @Test("removals are recomputed exactly for the top entries; ranking is by size of change")
  func removals() throws {
    let world = try WorldIO.load(graphPath("pakistan-2025.yaml"))
    let target = LeverageTarget.influence(InfluencePair(source: "CHN", target: "PAK"), .fj)
    let report = try world.leverage(on: target, change: .remove, recompute: 5)
    let exact = report.entries.prefix(5).map { try! #require($0.exact) }
    #expect(exact.count == 5)
    #expect(zip(exact, exact.dropFirst()).allSatisfy { abs($0) >= abs($1) - 1e-15 })
    // Removing the alliance is the biggest lever on China's sway over Pakistan.
    #expect(report.entries[0].relation(in: world).type == "alliance")
    var edited = world
    edited.relations.removeAll { $0.type == "alliance" }
    #expect(abs(report.entries[0].exact! - (try edited.value(of: target) - report.baseline)) <= 1e-12)
    // Measures without a closed form recompute every entry.
    let degree = try world.leverage(on: .score(.betweenness, "PAK"), change: .remove)
    #expect(!degree.closedForm && degree.entries.allSatisfy { $0.exact != nil })
  }

  @Test("targets and changes parse from the command line's words")
  func parsing() {
    #expect(LeverageTarget("CHN over PAK") == .influence(InfluencePair(source: "CHN", target: "PAK"), .fj))
    #expect(LeverageTarget("pagerank of PAK") == .score(.pagerank, "PAK"))
    #expect(LeverageTarget("pagerank PAK") == nil)
    #expect(LeverageChange("remove") == .remove && LeverageChange("+0.1") == .add(0.1) && LeverageChange("-0.1") == .add(-0.1))
    #expect(LeverageChange("0") == nil && LeverageChange("x") == nil)
  }

  @Test("cutting an actor's last tie is a jump: Friedkin–Johnsen recomputes it, PageRank bounds it")
  func jumps() throws {
    let world = try WorldIO.load(graphPath("pakistan-2025.yaml"))
    // PAK → TRUMP is Trump's only in-tie: without it Trump heeds only himself.
    let report = try world.leverage(on: .influence(InfluencePair(source: "PAK", target: "TRUMP"), .fj), recompute: 0)
    let top = report.entries[0]
    #expect(report.name(of: top, in: world) == "PAK→TRUMP political-endorsement")
    #expect(top.estimate == nil && abs(top.exact! + report.baseline) < 1e-12)
    // BAL → PAK is BAL's only out-tie: removing it leaves BAL dangling for PageRank, one
    // rank-one change with the Sherman–Morrison numerator as estimate and a bound.
    let target = LeverageTarget.score(.pagerank, "PAK")
    let pr = try world.leverage(on: target, recompute: 0)
    let bal = try #require(pr.entries.first { pr.name(of: $0, in: world) == "BAL→PAK located-in" })
    let estimate = try #require(bal.estimate), bound = try #require(bal.bound)
    #expect(bal.exact == nil)
    var edited = world
    edited.relations.remove(at: try #require(bal.relationIndex))
    let exact = try edited.value(of: target) - world.value(of: target)
    #expect(exact.sign == estimate.sign && abs(exact) <= bound && abs(exact) >= abs(estimate) / 10)
    // Confirmed once its bound reaches the smallest of the top estimates.
    let confirmed = try world.leverage(on: target, recompute: 100)
    let again = try #require(confirmed.entries.first { confirmed.name(of: $0, in: world) == "BAL→PAK located-in" })
    #expect(abs(try #require(again.exact) - exact) <= 1e-12)
  }

  @Test("a PageRank jump's exact change has its estimate's sign and stays within its bound")
  func jumpBounds() throws {
    var checked = 0
    for seed in 0 ..< 8 as Range<UInt64> {
      // Actors with only their ring tie going out: removing it leaves them dangling.
      let world = Self.randomWorld(seed: seed)
      let target = LeverageTarget.score(.pagerank, Actor.ID("A\(seed % 10)"))
      let report = try world.leverage(on: target, recompute: 2)
      let threshold = report.entries.compactMap { $0.estimate.map(abs) }.sorted(by: >)[1]
      for entry in report.entries where entry.bound != nil {
        var edited = world
        edited.relations.remove(at: try #require(entry.relationIndex))
        let exact = try edited.value(of: target) - report.baseline
        let estimate = try #require(entry.estimate), bound = try #require(entry.bound)
        #expect(exact * estimate >= 0 && abs(exact) <= bound + 1e-15, "\(report.name(of: entry, in: world)): \(exact) vs \(estimate) ≤ \(bound)")
        // A jump that could reach the top two is confirmed.
        if bound >= threshold { #expect(entry.exact.map { abs($0 - exact) <= 1e-12 } == true) }
        checked += 1
      }
    }
    #expect(checked >= 8)
  }

  @Test("PageRank's rank-one estimate is exact when the walk cannot return to the changed actor")
  func rankOneExact() throws {
    // A has no in-ties and nobody dangles, so y_A = e_A and the Sherman–Morrison
    // denominator is exactly 1: removing A→C (two thirds of A's out-strength) is estimated
    // exactly, where the slope says a third as much.
    let world = World(
      name: "rank-one", actors: ["A", "B", "C"].map { Actor(id: Actor.ID($0)) },
      relations: [
        Relation(from: "A", to: "B", type: "tie", weight: 1, sign: .cooperative), Relation(from: "A", to: "C", type: "tie", weight: 2, sign: .cooperative),
        Relation(from: "B", to: "C", type: "tie", weight: 1, sign: .cooperative), Relation(from: "C", to: "B", type: "tie", weight: 1, sign: .cooperative),
      ],
      types: [RelationType(id: "tie", polarity: .cooperative)])
    let target = LeverageTarget.score(.pagerank, "B")
    let report = try world.leverage(on: target, recompute: 0)
    let entry = try #require(report.entries.first { $0.relationIndex == 1 })
    var edited = world
    edited.relations.remove(at: 1)
    let exact = try edited.value(of: target) - world.value(of: target)
    #expect(abs(try #require(entry.estimate) - exact) <= 1e-10)
    #expect(abs(try #require(entry.derivative) * -2 - exact) > abs(exact) / 2)
  }

  @Test("walk sums on a graph without cycles use alpha 0.1, not a runaway power iteration")
  func acyclicAlpha() throws {
    let g = try Digraph(nodeCount: 3, edges: [(0, 1), (1, 2)])
    #expect(g.isAcyclic && g.spectralRadius() == 0 && World.defaultWalkAlpha(g) == 0.1)
    #expect(try !Digraph(nodeCount: 2, edges: [(0, 0)]).isAcyclic)
  }
}

@Suite("Knock-out")
struct KnockOutTests {
  @Test("each actor's removal is recomputed exactly, ranked by the size of the change, the named actors kept")
  func exactAndRanked() throws {
    let world = try WorldIO.load(graphPath("pakistan-2025.yaml"))
    let target = LeverageTarget.influence(InfluencePair("CHN over PAK")!, .fj)
    let k = try world.knockOut(target)
    #expect(k.baseline == (try world.influence(of: "CHN", over: "PAK")))
    #expect(k.rows.count == world.actors.count - 2)
    #expect(!k.rows.contains { $0.actor == "CHN" || $0.actor == "PAK" })
    for row in k.rows {
      var without = world
      try without.apply(.removeActor(row.actor))
      #expect(row.after == (try without.influence(of: "CHN", over: "PAK")), "\(row.actor)")
    }
    let sizes = k.rows.map { abs($0.change) }
    #expect(zip(sizes, sizes.dropFirst()).allSatisfy { $0 >= $1 })
    #expect(k.rows.first?.actor == "USA")
    let again = try world.knockOut(target)
    #expect(again.rows.map(\.actor) == k.rows.map(\.actor) && again.rows.map(\.after) == k.rows.map(\.after))
  }

  @Test("a PageRank target keeps its actor; an unknown actor is refused")
  func scoreTarget() throws {
    let world = try WorldIO.load(graphPath("pakistan-2025.yaml"))
    let k = try world.knockOut(.score(.pagerank, "PAK"))
    #expect(k.rows.count == world.actors.count - 1 && !k.rows.contains { $0.actor == "PAK" })
    #expect(throws: UnknownActorError("NOPE", suggestion: nil)) { try world.knockOut(.score(.pagerank, "NOPE")) }
  }
}

@Suite("Leverage --top confirms what it shows")
struct LeverageConfirmationTests {
  /// A sparse random world where many removals are far from linear: 16 actors, a ring plus 14
  /// random relations, susceptibilities from 0.2 to 0.95.
  static func sparseWorld(seed: UInt64) -> World {
    var rng = SplitMix64(seed: seed)
    let n = 16
    let ids = (0 ..< n).map { Actor.ID("A\($0)") }
    var relations: [Relation] = []
    for i in 0 ..< n { relations.append(Relation(from: ids[i], to: ids[(i + 1) % n], type: "aid", weight: 0.05 + rng.nextUnit(), sign: .cooperative)) }
    for _ in 0 ..< 14 {
      let a = Int(rng.next() % UInt64(n))
      var b = Int(rng.next() % UInt64(n))
      if a == b { b = (b + 5) % n }
      relations.append(Relation(from: ids[a], to: ids[b], type: "aid", weight: 0.05 + 2 * rng.nextUnit(), sign: .cooperative))
    }
    var actors = ids.map { Actor(id: $0) }
    for i in actors.indices { actors[i].attributes["susceptibility"] = String(0.2 + 0.75 * rng.nextUnit()) }
    return World(name: "sparse", actors: actors, relations: relations, types: [RelationType(id: "aid", polarity: .cooperative)])
  }

  @Test("the rows --top shows are all recomputed, and they are the true top by exact change (brute force, 60 seeded worlds)")
  func topIsTrue() throws {
    var missed: [UInt64] = []
    for seed in UInt64(1) ... 60 {
      let world = Self.sparseWorld(seed: seed)
      let target = LeverageTarget.influence(InfluencePair(source: "A3", target: "A9"), .fj)
      let report = try world.leverage(on: target, recompute: 5)
      let shown = Array(report.entries.prefix(5))
      #expect(shown.allSatisfy { $0.exact != nil }, "seed \(seed): an unconfirmed row is shown")
      // Brute force: every relation removed in turn.
      let baseline = try world.value(of: target)
      var exact: [Double] = []
      for i in world.relations.indices {
        var w = world
        w.relations.remove(at: i)
        exact.append(abs(try w.value(of: target) - baseline))
      }
      let fifth = exact.sorted(by: >)[4]
      if shown.contains(where: { abs($0.exact ?? 0) < fifth - 1e-12 }) { missed.append(seed) }
    }
    #expect(missed.isEmpty, "a true top-5 lever was left out for seeds \(missed)")
  }
}

@Suite("Robustness of a ranking")
struct RobustnessTests {
  @Test("the smallest one-relation swap of two PageRank scores equals a brute-force search", arguments: 0 ..< 4 as Range<UInt64>)
  func flipMatchesBruteForce(seed: UInt64) throws {
    let world = LeverageTests.randomWorld(seed: seed)
    let flip = try world.pageRankFlip(candidates: 1_000)
    let x = try world.through().pageRank(damping: 0.85, tolerance: 1e-15, maxIterations: 100_000)
    let (a, b) = (try world.requireIndex(of: flip.ahead), try world.requireIndex(of: flip.behind))
    // Brute force: every relation, weights on a fine grid up to 100 × the strongest, then
    // bisection on the first crossing on each side of the current weight.
    let strongest = world.relations.weights.max()!
    var best = Double.infinity
    for i in world.relations.indices {
      let w = world.relations.weights[i]
      func gap(_ weight: Double) throws -> Double {
        var edited = world
        edited.relations.setWeight(weight, at: i)
        let y = try edited.through().pageRank(damping: 0.85, tolerance: 1e-15, maxIterations: 100_000)
        return y[a] - y[b]
      }
      for direction in [1.0, -1.0] {
        var previous = w
        for step in 1 ... 200 {
          let t = Double(step) / 200
          let next: Double = direction > 0 ? w + (100 * strongest - w) * t * t * t : w * (1 - t * 0.999_999)
          if try gap(next) <= 0 {
            var (near, far) = (previous, next)
            for _ in 0 ..< 60 { let mid = near / 2 + far / 2; if try gap(mid) > 0 { near = mid } else { far = mid } }
            best = min(best, abs(far - w))
            break
          }
          previous = next
        }
      }
    }
    if best.isFinite {
      let found = try #require(flip.flipWeight.map { abs($0 - flip.weight!) })
      #expect(abs(found - best) <= 1e-6 * max(1, best), "seed \(seed): \(found) vs brute force \(best)")
    } else {
      #expect(flip.relation == nil)
    }
    #expect(x[a] - x[b] == flip.gap)
  }

  @Test("rewiring keeps every actor's in- and out-degree; the context check is seeded and deterministic")
  func contextCheck() throws {
    let world = LeverageTests.randomWorld(seed: 3)
    let g = try world.through()
    var rng = SplitMix64(seed: 5)
    let rewired = try g.degreePreservingRewiring(rng: &rng)
    #expect(rewired.degree(.out) == g.degree(.out) && rewired.degree(.in) == g.degree(.in))
    let first = try world.contextCheck(.pagerank, worlds: 40, seed: 9)
    let second = try world.contextCheck(.pagerank, worlds: 40, seed: 9)
    #expect(first.rows.map(\.z).description == second.rows.map(\.z).description)
    #expect(first.rows.allSatisfy { (0 ... 1).contains($0.percentile) })
    // In-degree drives PageRank: the rewired mean tracks the real score.
    let report = try world.robustness(worlds: 20)
    #expect(report.text(.table).contains("rewired worlds keeping every actor's number of ties"))
  }
}
