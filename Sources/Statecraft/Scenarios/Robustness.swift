import Foundation

/// How robust a PageRank ordering is: the smallest change to one relation's weight that
/// makes one actor overtake another (in the spirit of Benzi and Guglielmi's rank-flip
/// analysis, arXiv 2501.10745), found from the derivatives and confirmed exactly.
public struct RankFlip: Sendable {
  /// The actor ahead and the one behind, with the gap between their scores.
  public var ahead: Actor.ID, behind: Actor.ID, gap: Double
  /// The relation whose change flips them, by the smallest change in weight (`nil`: no single
  /// relation's weight, raised or lowered towards zero, flips them).
  public var relation: Int?
  /// The relation's weight now and the weight at which the two actors swap (exact, to 1e-9).
  public var weight: Double?, flipWeight: Double?
  /// How many relations were tried by exact recomputation.
  public var confirmed: Int
}

extension World {
  /// The smallest single-relation weight change that reverses two actors' PageRank order:
  /// by default the leader and the runner-up.
  ///
  /// The gap g = x_ahead − x_behind has, for every relation, a derivative from two adjoint
  /// solves (``Digraph/pageRankSensitivity(to:damping:tolerance:)``); the first-order change
  /// that closes it is −g / (dg/dw). Up to ``exhaustiveLimit`` relations every relation is
  /// tried, both ways (the slope can point away from a crossing further out); beyond it, the
  /// `candidates` with the smallest first-order change, the way their slope points. Each is
  /// scanned outward on full PageRank recomputations and the first crossing bisected to 1e-12.
  /// Weights stay positive (a relation can be weakened towards zero, not removed) and may rise
  /// to 100 × the strongest weight.
  ///
  /// - Parameters:
  ///   - lens: Which relations count.
  ///   - damping: PageRank's damping factor.
  ///   - ahead: The actor ahead; `nil`: the first by PageRank.
  ///   - behind: The actor behind; `nil`: the second by PageRank.
  ///   - candidates: How many of the best first-order candidates to confirm exactly.
  /// - Complexity: two adjoint solves, then about 60 PageRanks per confirmed candidate.
  public func pageRankFlip(
    ahead: Actor.ID? = nil, behind: Actor.ID? = nil, lens: Lens = Lens(), damping: Double = 0.85, candidates: Int = 8
  ) throws -> RankFlip {
    let g = try through(lens)
    let x = try g.pageRank(damping: damping, tolerance: 1e-15, maxIterations: 100_000)
    let order = x.indices.sorted { (x[$0], $1) > (x[$1], $0) }
    let a = try ahead.map(requireIndex(of:)) ?? order[0]
    let b = try behind.map(requireIndex(of:)) ?? order.first { $0 != a }!
    let gap = x[a] - x[b]
    let sa = try g.pageRankSensitivity(to: a, damping: damping, tolerance: 1e-13)
    let sb = try g.pageRankSensitivity(to: b, damping: damping, tolerance: 1e-13)
    let view = LensedRelations(self, lens)
    let strongest = relations.weights.max() ?? 1
    func gapAt(_ i: Int, _ weight: Double) throws -> Double {
      var edited = self
      edited.relations.setWeight(weight, at: i)
      let y = try edited.through(lens).pageRank(damping: damping, tolerance: 1e-15, maxIterations: 100_000)
      return y[a] - y[b]
    }
    // Small worlds: every relation, both ways; otherwise the best first-order candidates, in
    // the direction their slope points.
    let admitted = relations.indices.filter { view.admits($0) }
    let tried: [(relation: Int, directions: [Double])] = admitted.count <= Self.exhaustiveLimit
      ? admitted.map { ($0, [1, -1]) }
      : try flipEstimates(view, sa, sb, gap: gap, strongest: strongest).prefix(candidates).map { ($0.relation, [$0.change > 0 ? 1 : -1]) }
    var best: (relation: Int, weight: Double)?
    for (i, directions) in tried {
      let w = relations.weights[i]
      for direction in directions {
        // No need to look further than the best crossing so far.
        let reach = best.map { abs($0.weight - relations.weights[$0.relation]) }
        guard let far = try crossing(from: w, direction: direction, strongest: strongest, within: reach, gap: { try gapAt(i, $0) })
        else { continue }
        if best.map({ abs(far - w) < abs($0.weight - relations.weights[$0.relation]) }) ?? true { best = (i, far) }
      }
    }
    return RankFlip(
      ahead: actors[a].id, behind: actors[b].id, gap: gap, relation: best?.relation,
      weight: best.map { relations.weights[$0.relation] }, flipWeight: best?.weight, confirmed: tried.count)
  }

  /// First order: for each admitted relation, the weight change that closes the gap between
  /// the two actors by the difference of their PageRank derivatives, kept when the new weight
  /// stays in (0, 100 × strongest]; smallest change first.
  private func flipEstimates(
    _ view: LensedRelations, _ sa: PageRankSensitivity, _ sb: PageRankSensitivity, gap: Double, strongest: Double
  ) throws -> [(relation: Int, change: Double)] {
    var estimates: [(relation: Int, change: Double)] = []
    for i in relations.indices where view.admits(i) {
      let (u, v) = try view.nodes(i)
      func slope(_ p: Int, _ q: Int) -> Double { (sa.derivative(from: p, to: q) ?? 0) - (sb.derivative(from: p, to: q) ?? 0) }
      let d = slope(u, v) + ((relations.isMutual(at: i) || !directed) && u != v ? slope(v, u) : 0)
      guard d != 0 else { continue }
      let change = -gap / d
      let w = relations.weights[i]
      if w + change > 0 && w + change <= 100 * strongest { estimates.append((i, change)) }
    }
    return estimates.sorted { (abs($0.change), $0.relation) < (abs($1.change), $1.relation) }
  }

  /// The weight at which `gap` first reaches 0, scanning outward from `w` on a grid (cubic
  /// spacing: fine near the current weight; up to 100 × strongest, or down towards 0) and
  /// bisecting the first crossing; `nil` when none lies within `reach` of `w`.
  private func crossing(
    from w: Double, direction: Double, strongest: Double, within reach: Double?, gap: (Double) throws -> Double
  ) throws -> Double? {
    var near = w
    var crossing: Double?
    for step in 1 ... 48 {
      let t = Double(step) / 48
      let next = direction > 0 ? w + (100 * strongest - w) * t * t * t : w * (1 - t * 0.999_999)
      if let reach, abs(next - w) > reach { break }
      if try gap(next) <= 0 {
        crossing = next
        break
      }
      near = next
    }
    guard var far = crossing else { return nil }
    for _ in 0 ..< 60 where abs(far - near) > 1e-12 * Swift.max(1, abs(far)) {
      let mid = near / 2 + far / 2
      if try gap(mid) > 0 { near = mid } else { far = mid }
    }
    return far
  }

  /// Up to this many relations, ``pageRankFlip(ahead:behind:lens:damping:candidates:)`` tries
  /// every relation both ways instead of trusting the first-order candidates.
  public static let exhaustiveLimit = 300
}

/// Each actor's score against worlds rewired at random with every actor's number of ties kept
/// (ORA's context report): a z-score and a percentile, so a reader can tell a position the
/// structure gives from one any actor with those ties would have.
public struct ContextCheck: Sendable {
  /// One actor's score in context.
  public struct Row: Sendable {
    /// The actor and its score in the world.
    public var actor: Actor.ID, score: Double
    /// The mean and standard deviation of its score over the rewired worlds.
    public var mean: Double, sd: Double
    /// (score − mean) / sd; NaN when the rewired scores do not vary.
    public var z: Double
    /// The share of rewired worlds in which its score is at most its real one.
    public var percentile: Double
  }

  /// The measure, how many rewired worlds and the seed.
  public var measure: Measure, worlds: Int, seed: UInt64
  /// One row per actor, in world order.
  public var rows: [Row]
}

extension Digraph {
  /// A copy with arcs rewired by random swaps that keep every node's out- and in-degree
  /// (directed: a→b, c→d become a→d, c→b) or degree (undirected), without self-loops or
  /// parallel arcs; each arc keeps its strength. 10 × arcs attempted swaps (Maslov and
  /// Sneppen, Science 296, 2002).
  func degreePreservingRewiring(rng: inout SplitMix64) throws -> Digraph {
    var arcs: [(u: Int, v: Int, w: Double)] = []
    for u in 0 ..< nodeCount {
      for (v, w) in zip(outNeighbors(of: u), outWeights(of: u)) where isDirected || u < v { arcs.append((u, v, w)) }
    }
    guard arcs.count >= 2 else { return self }
    let n = nodeCount
    func key(_ u: Int, _ v: Int) -> Int { isDirected ? u * n + v : Swift.min(u, v) * n + Swift.max(u, v) }
    var present = Set(arcs.map { key($0.u, $0.v) })
    for _ in 0 ..< 10 * arcs.count {
      let i = Int(rng.next() % UInt64(arcs.count)), j = Int(rng.next() % UInt64(arcs.count))
      guard i != j else { continue }
      var (a, b) = (arcs[i], arcs[j])
      if !isDirected && rng.next() & 1 == 1 { b = (b.v, b.u, b.w) }
      guard a.u != b.v, b.u != a.v, !present.contains(key(a.u, b.v)), !present.contains(key(b.u, a.v)) else { continue }
      present.remove(key(a.u, a.v))
      present.remove(key(b.u, b.v))
      (a.v, b.v) = (b.v, a.v)
      present.insert(key(a.u, a.v))
      present.insert(key(b.u, b.v))
      (arcs[i], arcs[j]) = (a, b)
    }
    return try Digraph(nodeCount: n, edges: arcs.map { ($0.u, $0.v) }, weights: arcs.map(\.w), directed: isDirected)
  }
}

extension World {
  /// Each actor's `measure` against `worlds` degree-preserving rewirings of the world seen
  /// through `lens` (``ContextCheck``); seeded, on all cores, the same output whatever the
  /// core count.
  ///
  /// - Complexity: `worlds` × (10 × arcs swaps + one run of the measure).
  public func contextCheck(
    _ measure: Measure, lens: Lens = Lens(), settings: Measure.Settings = .init(), worlds: Int = 100, seed: UInt64 = 0
  ) throws -> ContextCheck {
    let g = try through(lens)
    let actual = try measure.compute(on: g, settings: settings)
    let samples = try WorkUnits.map(worlds) { k in
      var rng = SplitMix64(seed: seed ^ (UInt64(k + 1) &* 0x9E37_79B9_7F4A_7C15))
      return try measure.compute(on: g.degreePreservingRewiring(rng: &rng), settings: settings)
    }
    let rows = actors.indices.map { i -> ContextCheck.Row in
      let values = samples.map { $0[i] }
      let mean = values.reduce(0, +) / Double(values.count)
      let sd = (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(Swift.max(1, values.count - 1))).squareRoot()
      let below = values.filter { $0 <= actual[i] + 1e-12 }.count
      return .init(
        actor: actors[i].id, score: actual[i], mean: mean, sd: sd, z: sd > 1e-15 ? (actual[i] - mean) / sd : .nan,
        percentile: Double(below) / Double(values.count))
    }
    return ContextCheck(measure: measure, worlds: worlds, seed: seed, rows: rows)
  }
}
