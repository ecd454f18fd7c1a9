/// How far a conclusion holds (what `statecraft robustness` prints): the smallest single
/// relation change that swaps two actors' PageRank order, and each actor's score in context
/// (against degree-preserving rewirings).
///
/// JSON: `{"ahead", "behind", "gap", "flip": {"relation", "weight", "flipWeight"} | null,
/// "confirmed", "context": {"measure", "worlds", "seed", "rows": [{"actor", "score", "mean",
/// "sd", "z", "percentile"}]}}`.
public struct RobustnessReport: ReportValue, Sendable {
  /// The rank flip found.
  public var flip: RankFlip
  /// The flipping relation's name, when there is one.
  public var relationName: String?
  /// The context check.
  public var context: ContextCheck
  /// Display names by actor.
  public var names: [Actor.ID: String]

  private enum Keys: String, CodingKey { case ahead, behind, gap, flip, confirmed, context }
  private enum FlipKeys: String, CodingKey { case relation, weight, flipWeight }
  private enum ContextKeys: String, CodingKey { case measure, worlds, seed, rows }
  private struct Row: Encodable { var actor: String, score: Double, mean: Double, sd: Double, z: Double?, percentile: Double }

  public func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: Keys.self)
    try c.encode(flip.ahead.rawValue, forKey: .ahead)
    try c.encode(flip.behind.rawValue, forKey: .behind)
    try c.encode(flip.gap, forKey: .gap)
    if let relationName, let weight = flip.weight, let flipWeight = flip.flipWeight {
      var f = c.nestedContainer(keyedBy: FlipKeys.self, forKey: .flip)
      try f.encode(relationName, forKey: .relation)
      try f.encode(weight, forKey: .weight)
      try f.encode(flipWeight, forKey: .flipWeight)
    } else {
      try c.encodeNil(forKey: .flip)
    }
    try c.encode(flip.confirmed, forKey: .confirmed)
    var x = c.nestedContainer(keyedBy: ContextKeys.self, forKey: .context)
    try x.encode(context.measure.rawValue, forKey: .measure)
    try x.encode(context.worlds, forKey: .worlds)
    try x.encode(context.seed, forKey: .seed)
    try x.encode(context.rows.map { Row(actor: $0.actor.rawValue, score: $0.score, mean: $0.mean, sd: $0.sd, z: $0.z.isNaN ? nil : $0.z, percentile: $0.percentile) }, forKey: .rows)
  }

  public func text(_ format: ReportFormat) -> String {
    func name(_ id: Actor.ID) -> String { "\(names[id] ?? id.rawValue) (\(id))" }
    var out = "\(name(flip.ahead)) ranks above \(name(flip.behind)) by PageRank, by \(ReportText.tableNumber(flip.gap)).\n"
    if let relationName, let weight = flip.weight, let flipWeight = flip.flipWeight {
      let change = flipWeight - weight
      out += "The smallest single change that swaps them: \(relationName) from weight \(ReportText.jsonNumber(weight)) to "
        + "\(String(format: "%.4g", flipWeight)) (\(change > 0 ? "+" : "−")\(String(format: "%.0f", 100 * abs(change) / weight))%), "
        + "confirmed by exact recomputation (\(flip.confirmed) relations tried).\n"
    } else {
      out += "No single relation's weight (lowered towards zero or raised up to 100 × the strongest) swaps them; \(flip.confirmed) relations tried.\n"
    }
    out += "\n\(context.measure.rawValue) in context: against \(context.worlds) rewired worlds keeping every actor's number of ties (seed \(context.seed))\n"
    let rows = context.rows.sorted { ($0.z.isNaN ? -.infinity : $0.z) > ($1.z.isNaN ? -.infinity : $1.z) }.map { r in
      [name(r.actor), ReportText.tableNumber(r.score), ReportText.tableNumber(r.mean), r.z.isNaN ? "—" : String(format: "%+.2f", r.z),
       "\(Int((100 * r.percentile).rounded()))%"]
    }
    out += ReportText.table(header: ["actor", "score", "rewired mean", "z", "percentile"], rows: rows, rightAligned: [1, 2, 3, 4])
    return out
  }
}

extension World {
  /// ``RobustnessReport`` of the PageRank order of two actors (by default the first two) and of
  /// every actor's `measure` in context.
  /// - Complexity: as ``World/pageRankFlip(ahead:behind:lens:damping:candidates:)``, plus `samples` PageRanks when relations carry weight ranges.
  public func robustness(
    ahead: Actor.ID? = nil, behind: Actor.ID? = nil, lens: Lens = Lens(), measure: Measure = .pagerank,
    settings: Measure.Settings = .init(), worlds: Int = 100, seed: UInt64 = 0
  ) throws -> RobustnessReport {
    let flip = try pageRankFlip(ahead: ahead, behind: behind, lens: lens, damping: settings.damping)
    let context = try contextCheck(measure, lens: lens, settings: settings, worlds: worlds, seed: seed)
    var names: [Actor.ID: String] = [:]
    for a in actors { names[a.id] = a.name }
    return RobustnessReport(flip: flip, relationName: flip.relation.map { relationName(at: $0) }, context: context, names: names)
  }
}
