import Foundation

/// The spread of one per-actor result when relation weights are ranges: a seeded Monte Carlo.
public struct Uncertainty: Sendable {
  /// One actor's distribution over the samples.
  public struct Row: Sendable {
    /// The actor.
    public var actor: Actor.ID
    /// The result with every weight at its nominal value (a range's midpoint).
    public var nominal: Double
    /// The median over the samples.
    public var median: Double
    /// The 5th and 95th percentiles: a 90% interval.
    public var low: Double
    /// The 95th percentile (with ``low``, a 90% interval).
    public var high: Double
    /// `rankCounts[r]` samples ranked the actor `r + 1` (ties broken by file order).
    public var rankCounts: [Int]
  }

  /// How many samples were drawn.
  public var samples: Int
  /// The seed they were drawn from.
  public var seed: UInt64
  /// How many relations have a weight range (0: every sample is the nominal world).
  public var uncertainRelations: Int
  /// Rows by median, highest first; ties keep file order.
  public var rows: [Row]
}

extension World {
  /// Runs `compute` on `samples` copies of the world whose ranged weights are drawn
  /// uniformly from their ranges, and summarizes each actor's result.
  ///
  /// Sample `k` draws from its own generator, seeded from `seed` and `k`, so the same seed
  /// gives the same samples, byte for byte, whatever the number of cores; samples run on all
  /// cores. Percentiles interpolate linearly between order statistics (NumPy's default).
  ///
  ///     let u = try world.uncertainty(samples: 1000, seed: 7) { try $0.scores(.pagerank) }
  ///
  /// - Parameters:
  ///   - samples: How many draws.
  ///   - seed: The seed; the same seed gives the same result whatever the core count.
  ///   - compute: The quantity computed on each drawn world.
  ///   - progress: Called with the number of samples finished so far (from any
  ///     thread); the CLI draws its progress bar from it.
  /// - Complexity: `samples` runs of `compute`.
  public func uncertainty(
    samples: Int, seed: UInt64, progress: (@Sendable (Int) -> Void)? = nil,
    _ compute: @Sendable (World) throws -> NodeScores
  ) throws -> Uncertainty {
    precondition(samples > 0, "samples must be positive")
    let nominal = try compute(self)
    let ranged = relations.indices.compactMap { i in relations.weightRange(at: i).map { (i, $0) } }
    let n = actors.count
    let done = ChunkSlots<Int>(count: 1)
    done.set(0, 0)
    let base = self
    let values = try WorkUnits.map(samples) { k -> [Double] in
      var rng = SplitMix64(seed: seed &+ 0x9E37_79B9_7F4A_7C15 &* UInt64(k + 1))
      var world = base
      for (i, range) in ranged {
        world.relations.setWeight(range.lowerBound + (range.upperBound - range.lowerBound) * rng.nextUnit(), at: i)
      }
      let sample = try compute(world).values
      if let progress { progress(done.update(0) { $0! + 1 }) }
      return sample
    }
    // Per-sample ranks, then per-actor summaries.
    var rankCounts = [[Int]](repeating: [Int](repeating: 0, count: n), count: n)
    for sample in values {
      for (r, row) in NodeScores(actors: nominal.actors, values: sample).ranked().enumerated() {
        rankCounts[index(of: row.actor)!][r] += 1
      }
    }
    var medians: [Double] = []
    var rows: [Uncertainty.Row] = []
    for i in 0 ..< n {
      let sorted = values.map { $0[i] }.sorted()
      let median = Self.percentile(sorted, 0.5)
      medians.append(median)
      rows.append(Uncertainty.Row(
        actor: nominal.actors[i], nominal: nominal.values[i], median: median,
        low: Self.percentile(sorted, 0.05), high: Self.percentile(sorted, 0.95), rankCounts: rankCounts[i]))
    }
    let order = NodeScores(actors: nominal.actors, values: medians).ranked().map { index(of: $0.actor)! }
    return Uncertainty(samples: samples, seed: seed, uncertainRelations: ranged.count, rows: order.map { rows[$0] })
  }

  /// The `q`-quantile of sorted values, interpolating linearly between order statistics.
  static func percentile(_ sorted: [Double], _ q: Double) -> Double {
    guard sorted.count > 1 else { return sorted.first ?? .nan }
    let h = q * Double(sorted.count - 1)
    let lo = Int(h.rounded(.down))
    let hi = Swift.min(lo + 1, sorted.count - 1)
    if sorted[lo] == sorted[hi] { return sorted[lo] }
    return sorted[lo] + (h - Double(lo)) * (sorted[hi] - sorted[lo])
  }
}
