/// A result every front end renders the same way: its JSON is its `Encodable` encoding
/// (``ReportJSON``), and it draws itself as a table or CSV. The CLI prints these; the briefing
/// and scripts use the same values, so a number reads the same wherever it appears.
public protocol ReportValue: Encodable {
  /// The value as an aligned text table (``ReportFormat/table``) or CSV rows
  /// (``ReportFormat/csv``); JSON goes through ``rendered(_:)``.
  func text(_ format: ReportFormat) -> String
}

extension ReportValue {
  /// The value in any report format: JSON is ``ReportJSON/encode(_:)`` of the value.
  public func rendered(_ format: ReportFormat) throws -> String {
    format == .json ? try ReportJSON.encode(self) : text(format)
  }
}

/// Actors ranked by one value: `rank`, `path FROM` (values to every actor), `influence`.
///
/// JSON: an object of actor id → value, best first. CSV: `rank,actor,name,COLUMN`. Table: an
/// optional heading, then rank, actor, name and value.
public struct Ranking: ReportValue, Sendable {
  /// One ranked actor.
  public struct Row: Sendable {
    /// The actor, its display name and its value.
    public var actor: Actor.ID, name: String, value: Double
  }

  /// What the value is (`pagerank`, `length`, `influence`): the last column's header.
  public var column: String
  /// Lines printed above the table (never in JSON or CSV).
  public var heading: String?
  /// The actors, best first.
  public var rows: [Row]
  /// Tables print values with six fixed decimals instead of ``ReportText/tableNumber(_:)``.
  public var fixedDecimals = false

  /// A ranking of `scores` (best first, ties in file order), at most `top` rows.
  public init(_ scores: NodeScores, in world: World, column: String, top: Int? = nil, heading: String? = nil) {
    let ranked = top.map { scores.top($0) } ?? scores.ranked()
    self.init(ranked.map { ($0.actor, $0.score) }, in: world, column: column, heading: heading)
  }

  /// A ranking of rows already in order.
  public init(_ rows: [(actor: Actor.ID, value: Double)], in world: World, column: String, heading: String? = nil) {
    self.column = column
    self.heading = heading
    self.rows = rows.map { Row(actor: $0.actor, name: world[actor: $0.actor]?.name ?? "", value: $0.value) }
  }

  public func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: DynamicKey.self)
    for row in rows { try c.encode(row.value, forKey: DynamicKey(row.actor.rawValue)) }
  }

  public func text(_ format: ReportFormat) -> String {
    if format == .csv {
      var out = "rank,actor,name,\(column)"
      for (i, row) in rows.enumerated() {
        out += "\n\(i + 1),\(ReportText.csvField(row.actor.rawValue)),\(ReportText.csvField(row.name)),\(ReportText.jsonNumber(row.value))"
      }
      return out
    }
    // One format per column: a whole number beside a fraction ("3" above "2.800000") prints
    // with the same six decimals; a column of whole numbers (degrees) stays whole.
    let fractions = rows.contains { $0.value.isFinite && $0.value != $0.value.rounded() }
    let table = rows.enumerated().map { i, row in
      let whole = row.value.isFinite && row.value == row.value.rounded() && abs(row.value) < 1e15
      let fixed = fixedDecimals || (fractions && whole)
      return [String(i + 1), row.actor.rawValue, row.name, fixed ? String(format: "%.6f", row.value) : ReportText.tableNumber(row.value)]
    }
    let body = ReportText.table(header: ["rank", "actor", "name", column], rows: table, rightAligned: [0, 3])
    return heading.map { $0 + "\n\n" + body } ?? body
  }
}

extension World {
  /// One measure of every actor as a ranking (what `statecraft rank` prints).
  ///
  /// - Complexity: One computation of the measure.
  public func ranking(
    _ measure: Measure, lens: Lens = Lens(), settings: Measure.Settings = .init(), top: Int? = nil
  ) throws -> Ranking {
    Ranking(try scores(measure, lens: lens, settings: settings), in: self, column: measure.rawValue, top: top)
  }

  /// The best path value from one actor to every actor it reaches, best first (what
  /// `statecraft path FILE FROM` prints).
  ///
  /// - Complexity: One single-source search (Dijkstra for shortest paths).
  public func pathRanking(
    from source: Actor.ID, kind: PathKind = .shortest, lens: Lens = Lens(), direction: PathDirection = .along, top: Int? = nil
  ) throws -> Ranking {
    var rows = try pathValues(from: source, kind: kind, lens: lens, direction: direction)
    if let top { rows = Array(rows.prefix(top)) }
    return Ranking(
      rows, in: self, column: kind == .shortest ? "length" : kind.rawValue,
      heading: "\(kind.rawValue) paths from \(source): \(rows.count) actors reached")
  }

  /// Pairwise influence as a ranking: who sways `over`, whom `of` sways, or each actor's total
  /// (what `statecraft influence` prints; numbers from ``influence(_:on:model:alpha:start:)``).
  ///
  /// - Complexity: One sparse solve.
  public func influenceRanking(
    _ query: InfluenceQuery, model: InfluenceModel = .fj, lens: Lens = Lens(), alpha: Double? = nil, top: Int? = nil
  ) throws -> Ranking {
    let g = try through(lens.seeing(model))
    let scores = try influence(query, on: g, model: model, alpha: alpha)
    let description = model.summary(on: g, alpha: alpha)
    func name(_ id: Actor.ID) -> String {
      if let actor = self[actor: id] { return actor.name }
      guard let members = try? members(of: id) else { return id.rawValue }
      return members.map { actors[$0].name }.joined(separator: ", ")
    }
    let title: String
    switch (query, model) {
    case let (.over(t), .fj) where isGroup(t), let (.over(t), .signed) where isGroup(t):
      title = "Influence over \(t) (\(name(t))): share of each actor's stance in the group's mean settled stance"
    case let (.over(t), .fj): title = "Influence over \(t) (\(name(t))): share of each actor's stance in its settled stance"
    case let (.over(t), .signed):
      title = "Influence over \(t) (\(name(t))): signed share of each actor's stance in its settled stance (negative: pushes it away)"
    case let (.over(t), .walk): title = "Walks reaching \(t) (\(name(t))) from each actor"
    case let (.of(s), _) where isGroup(s): title = "Influence of \(s) (\(name(s)), together) on each actor"
    case let (.of(s), _): title = "Influence of \(s) (\(name(s))) on each actor"
    case (.total, _): title = "Total influence of each actor (summed over every other actor's settled stance)"
    }
    var ranking = Ranking(scores, in: self, column: "influence", top: top, heading: "\(title)\nModel: \(description)")
    ranking.fixedDecimals = true
    return ranking
  }
}

/// How much one actor or group sways another: one number with the members it sums and
/// averages (what `statecraft influence --of A --over B` prints).
///
/// JSON: `{"source", "target", "sources": [ids], "targets": [ids], "model", "value"}`.
public struct InfluenceShare: ReportValue, Sendable {
  /// The question as asked (groups spelled as written).
  public var source: String, target: String
  /// The actors the source sums over and the target averages over.
  public var sources: [String], targets: [String]
  /// The model statement.
  public var model: String
  /// The share (Friedkin–Johnsen) or walk sum.
  public var value: Double

  public func text(_ format: ReportFormat) -> String {
    if format == .csv { return "source,target,value\n\(ReportText.csvField(source)),\(ReportText.csvField(target)),\(ReportText.jsonNumber(value))\n" }
    var out = "Influence of \(source) over \(target): \(ReportText.tableNumber(value))\n"
    if sources.count > 1 { out += "  summed over \(sources.joined(separator: ", "))\n" }
    if targets.count > 1 { out += "  averaged over \(targets.joined(separator: ", ")) (the group's mean settled stance)\n" }
    return out + "Model: \(model)\n"
  }
}

extension World {
  /// ``InfluenceShare`` of a pair of actors or groups (``members(of:)``).
  /// - Complexity: one projection (O(*n* + *m* log *d*)) and one sparse influence solve.
  public func influenceShare(
    _ pair: InfluencePair, model: InfluenceModel = .fj, lens: Lens = Lens(), alpha: Double? = nil
  ) throws -> InfluenceShare {
    let g = try through(lens.seeing(model))
    let value = try influence(of: pair.source, over: pair.target, on: g, model: model, alpha: alpha)
    let description = model.summary(on: g, alpha: alpha)
    return InfluenceShare(
      source: pair.source.rawValue, target: pair.target.rawValue,
      sources: try members(of: pair.source).map { actors[$0].id.rawValue },
      targets: try members(of: pair.target).map { actors[$0].id.rawValue }, model: description, value: value)
  }
}
