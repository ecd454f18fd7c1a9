import Foundation

/// A scenario run under uncertainty: every weight range drawn, the world's and the
/// scenario's own (`weight: 0.3..0.6` in a `reweight:` or `add:`), the baseline and the
/// scenario drawn from the same values, and each change summarized over the samples (what
/// `statecraft scenario FILE --samples N` prints).
///
/// Table: per scenario, each influence question and the five actors whose measure moved most
/// in the nominal run, with the nominal change, the median, the 90% interval and the share of
/// samples whose change has the nominal change's sign ("China's share falls in 93% of
/// samples"). JSON: `{"samples", "seed", "scenarios": [{"name", "changes": [{"what",
/// "nominal", "median", "low", "high", "sameSign"}]}]}`.
public struct ScenarioUncertainty: ReportValue, Sendable {
  /// One change summarized over the samples.
  public struct Change: Encodable, Sendable {
    /// What changed: `CHN over PAK`, `pagerank of PAK`.
    public var what: String
    /// The change in the nominal run (every range at its midpoint).
    public var nominal: Double
    /// The median change and the 5th and 95th percentiles over the samples.
    public var median: Double, low: Double, high: Double
    /// The share of samples whose change has the nominal change's sign (for a nominal change
    /// of 0: the share that stay within 1e-12 of 0).
    public var sameSign: Double
  }

  /// One scenario's summarized changes.
  public struct ScenarioChanges: Encodable, Sendable {
    /// The scenario's name.
    public var name: String
    /// Its changes, influence questions first.
    public var changes: [Change]
  }

  /// How many samples were drawn, and the seed.
  public var samples: Int, seed: UInt64
  /// One entry per scenario, in the order run.
  public var scenarios: [ScenarioChanges]

  public func text(_ format: ReportFormat) -> String {
    func n(_ x: Double) -> String { ReportText.signedNumber(x) }
    if format == .csv {
      var out = "scenario,change,nominal,median,low,high,same_sign\n"
      for s in scenarios {
        for c in s.changes {
          out += [s.name, c.what].map(ReportText.csvField).joined(separator: ",")
            + ",\([c.nominal, c.median, c.low, c.high, c.sameSign].map(ReportText.jsonNumber).joined(separator: ","))\n"
        }
      }
      return out
    }
    var out = "Uncertainty: \(samples) samples (seed \(seed)); every weight range drawn, the world's and the scenario's, baseline and scenario from the same draw\n"
    for s in scenarios {
      out += "\n== \(s.name) ==\n"
      let rows = s.changes.map { c in
        [c.what, n(c.nominal), n(c.median), "\(n(c.low)) … \(n(c.high))", "\(Int((100 * c.sameSign).rounded()))%"]
      }
      out += ReportText.table(header: ["change", "nominal", "median", "90% interval", "same sign"], rows: rows, rightAligned: [1, 2, 3, 4])
    }
    return out
  }
}

extension World {
  /// The world with every weight range drawn for one sample: a relation's draw depends only
  /// on the seed, the sample and the relation's key (ends, type, ordinal), never on its
  /// position, so a scenario that adds or removes relations draws the others as the baseline
  /// does. Drawn relations keep no range.
  func drawn(sample: Int, seed: UInt64) -> World {
    let ranged = relations.indices.compactMap { i in relations.weightRange(at: i).map { (i, $0) } }
    guard !ranged.isEmpty else { return self }
    var world = self
    let keys = relationKeys()
    for (i, range) in ranged {
      var hash: UInt64 = 0xCBF2_9CE4_8422_2325  // FNV-1a: stable across runs, unlike Hasher
      for byte in "\(keys[i].from.rawValue)\u{0}\(keys[i].to.rawValue)\u{0}\(keys[i].type)\u{0}\(keys[i].ordinal)".utf8 {
        hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3
      }
      var rng = SplitMix64(seed: seed ^ hash ^ (UInt64(sample) &* 0x9E37_79B9_7F4A_7C15))
      var r = world.relations[i]
      r.weight = range.lowerBound + (range.upperBound - range.lowerBound) * rng.nextUnit()
      r.weightRange = nil
      world.relations[i] = r
    }
    return world
  }
}

extension ScenarioRunner {
  /// Runs `scenarios` `samples` times with every weight range drawn, and summarizes each
  /// influence question and each measure's five most-moved actors (by the `nominal` run).
  ///
  /// - Parameters:
  ///   - world: The base world.
  ///   - scenarios: The scenarios, as run for `nominal`.
  ///   - nominal: The nominal run (every range at its midpoint), which picks the changes to follow.
  ///   - samples: How many draws.
  ///   - seed: The seed; the same seed gives the same numbers.
  ///   - progress: Called with the number of samples finished over all scenarios.
  /// - Complexity: 2 × `samples` × scenarios runs of the measures and influence questions.
  public func sampled(
    _ world: World, _ scenarios: [Scenario], nominal: ScenarioComparison, samples: Int, seed: UInt64,
    progress: (@Sendable (Int) -> Void)? = nil
  ) throws -> ScenarioUncertainty {
    // Only what the summary reports is recomputed per sample.
    var asked = questions
    (asked.paths, asked.balance, asked.communities) = ([], false, false)
    let runner = ScenarioRunner(questions: asked)
    let measures = asked.measures
    var result: [ScenarioUncertainty.ScenarioChanges] = []
    let done = ChunkSlots<Int>(count: 1)
    done.set(0, 0)
    for (s, scenario) in scenarios.enumerated() {
      let diff = nominal.scenarios[s]
      let watched = diff.measures.map { m in (m.measure, m.changes.filter { $0.delta != nil }.prefix(5).map(\.actor)) }
      let labels = diff.influence.map(\.pair.description) + watched.flatMap { m, actors in actors.map { "\(m.rawValue) of \($0)" } }
      let nominalChanges = diff.influence.map { $0.after - $0.before }
        + watched.flatMap { m, actors in actors.map { a in diff.measures.first { $0.measure == m }!.changes.first { $0.actor == a }!.delta! } }
      let rows = try WorkUnits.map(samples) { k -> [Double] in
        let before = world.drawn(sample: k, seed: seed)
        let after = try scenario.applied(to: before).drawn(sample: k, seed: seed)
        let (b, a) = (try runner.answers(before), try runner.answers(after, date: scenario.date))
        var row = zip(b.influence, a.influence).map { $1 - $0 }
        for (m, actors) in watched {
          let i = measures.firstIndex(of: m)!
          for actor in actors { row.append((a.measures[i].scores[actor: actor] ?? .nan) - (b.measures[i].scores[actor: actor] ?? .nan)) }
        }
        if let progress { progress(done.update(0) { $0! + 1 }) }
        return row
      }
      let changes = labels.indices.map { j -> ScenarioUncertainty.Change in
        let values = rows.map { $0[j] }.filter { !$0.isNaN }.sorted()
        func quantile(_ q: Double) -> Double { values.isEmpty ? .nan : values[Swift.min(values.count - 1, Int(q * Double(values.count - 1) + 0.5))] }
        let sign = nominalChanges[j]
        let same = values.filter { sign > 1e-12 ? $0 > 0 : sign < -1e-12 ? $0 < 0 : abs($0) <= 1e-12 }.count
        return .init(
          what: labels[j], nominal: sign, median: quantile(0.5), low: quantile(0.05), high: quantile(0.95),
          sameSign: values.isEmpty ? .nan : Double(same) / Double(values.count))
      }
      result.append(.init(name: scenario.name, changes: changes))
    }
    return ScenarioUncertainty(samples: samples, seed: seed, scenarios: result)
  }
}
