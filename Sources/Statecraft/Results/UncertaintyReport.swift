import Foundation

/// A Monte Carlo summary as a report: per actor the nominal value, median, 90% interval and
/// how often each rank occurred (what `rank --samples` and `influence --samples` print).
///
/// JSON: `{"measure", "samples", "seed", "uncertainRelations", "actors": [{"actor",
/// "nominal", "median", "low", "high", "rankCounts"}]}`.
public struct UncertaintyReport: ReportValue, Sendable {
  /// What was sampled (`pagerank`, `influence (fj)`).
  public var what: String
  /// The samples' summary.
  public var uncertainty: Uncertainty
  /// At most this many actors (nominal order).
  public var top: Int?

  private var rows: [Uncertainty.Row] { top.map { Array(uncertainty.rows.prefix($0)) } ?? uncertainty.rows }

  private enum Keys: String, CodingKey { case measure, samples, seed, uncertainRelations, actors }
  private struct Row: Encodable {
    var actor: String, nominal: Double, median: Double, low: Double, high: Double, rankCounts: [Int]
  }

  /// A report of `uncertainty`, at most `top` actors.
  public init(what: String, uncertainty: Uncertainty, top: Int? = nil) {
    self.what = what
    self.uncertainty = uncertainty
    self.top = top
  }

  public func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: Keys.self)
    try c.encode(what, forKey: .measure)
    try c.encode(uncertainty.samples, forKey: .samples)
    try c.encode(uncertainty.seed, forKey: .seed)
    try c.encode(uncertainty.uncertainRelations, forKey: .uncertainRelations)
    try c.encode(rows.map { Row(actor: $0.actor.rawValue, nominal: $0.nominal, median: $0.median, low: $0.low, high: $0.high, rankCounts: $0.rankCounts) }, forKey: .actors)
  }

  public func text(_ format: ReportFormat) -> String {
    let u = uncertainty
    if format == .csv {
      let ranks = (1 ... max(1, u.rows.first?.rankCounts.count ?? 1)).map { "rank\($0)" }.joined(separator: ",")
      return (["actor,nominal,median,p5,p95," + ranks] + rows.map { r in
        ([ReportText.csvField(r.actor.rawValue)] + [r.nominal, r.median, r.low, r.high].map(ReportText.jsonNumber) + r.rankCounts.map(String.init))
          .joined(separator: ",")
      }).joined(separator: "\n")
    }
    func ranks(_ counts: [Int]) -> String {
      counts.enumerated().filter { $0.element > 0 }
        .map { rank, count -> String in
          // A rank reached in a few samples reads "<1%", never "0%".
          let share = 100 * Double(count) / Double(u.samples)
          return "\(rank + 1): " + (share < 0.5 ? "<1%" : String(format: "%.0f%%", share))
        }
        .joined(separator: ", ")
    }
    var out = "\(what): \(u.samples) samples (seed \(u.seed)) over \(u.uncertainRelations) relation\(u.uncertainRelations == 1 ? "" : "s") with a weight range; 90% interval = 5th to 95th percentile\n\n"
    let table = rows.map { r in
      [r.actor.rawValue, ReportText.tableNumber(r.nominal), ReportText.tableNumber(r.median),
       "\(ReportText.tableNumber(r.low)) – \(ReportText.tableNumber(r.high))", ranks(r.rankCounts)]
    }
    out += ReportText.table(header: ["actor", "nominal", "median", "90% interval", "rank (share of samples)"], rows: table, rightAligned: [1, 2])
    return out
  }
}

/// Betweenness estimated from sampled sources (Brandes–Pich), each with its standard error
/// (what `rank --measure betweenness --sources N` prints).
///
/// JSON: an object of actor id → {"betweenness", "standardError"}, highest first.
public struct SampledBetweenness: ReportValue, Sendable {
  /// The actors, highest estimate first: id, name, estimate, standard error.
  public var rows: [(actor: Actor.ID, name: String, value: Double, error: Double)]
  /// How many sources were sampled, of how many actors, and the seed.
  public var sources: Int, actorCount: Int, seed: UInt64

  private struct Entry: Encodable { var betweenness: Double, standardError: Double }

  /// The report of an estimate over `world`, at most `top` actors.
  public init(_ estimate: (scores: [Double], standardErrors: [Double]), in world: World, sources: Int, seed: UInt64, top: Int?) {
    let ranked = world.scores(estimate.scores).ranked()
    rows = (top.map { Array(ranked.prefix($0)) } ?? ranked).map { r in
      let i = world.index(of: r.actor)!
      return (r.actor, world.actors[i].name, r.score, estimate.standardErrors[i])
    }
    (self.sources, actorCount, self.seed) = (sources, world.actors.count, seed)
  }

  public func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: DynamicKey.self)
    for r in rows { try c.encode(Entry(betweenness: r.value, standardError: r.error), forKey: DynamicKey(r.actor.rawValue)) }
  }

  public func text(_ format: ReportFormat) -> String {
    if format == .csv {
      return (["rank,actor,name,betweenness,standard_error"] + rows.enumerated().map { i, r in
        "\(i + 1),\(ReportText.csvField(r.actor.rawValue)),\(ReportText.csvField(r.name)),\(ReportText.jsonNumber(r.value)),\(ReportText.jsonNumber(r.error))"
      }).joined(separator: "\n")
    }
    let table = rows.enumerated().map { i, r in [String(i + 1), r.actor.rawValue, r.name, ReportText.tableNumber(r.value), "± " + ReportText.tableNumber(r.error)] }
    return "Betweenness estimated from \(sources) of \(actorCount) sources (Brandes–Pich, seed \(seed)); ± one standard error\n\n"
      + ReportText.table(header: ["rank", "actor", "name", "betweenness", "error"], rows: table, rightAligned: [0, 3, 4])
  }
}
