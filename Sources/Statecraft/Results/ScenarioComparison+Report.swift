/// A scenario run as a report (what `statecraft scenario` prints): its JSON is this encoding
/// (shape in the README), its table and CSV ``ScenarioComparison/report(_:top:)``'s.
extension ScenarioComparison: ReportValue {
  private struct QuestionsJSON: Encodable {
    var measures: [String], influence: [String], model: String, paths: [String], balance: Bool, communities: Bool
  }

  private struct PathJSON: Encodable {
    struct Hop: Encodable { var from: String, to: String, types: [String] }
    var actors: [String], value: Double, hops: [Hop]
    init(_ p: ExplainedPath) {
      actors = p.actors.map(\.rawValue)
      value = p.value
      hops = p.hops.map { Hop(from: $0.from.rawValue, to: $0.to.rawValue, types: $0.relations.map(\.type)) }
    }
  }

  /// Scores keyed by actor, in the world's order.
  private struct Scores: Encodable {
    var scores: NodeScores
    func encode(to encoder: Encoder) throws {
      var c = encoder.container(keyedBy: DynamicKey.self)
      for (a, v) in zip(scores.actors, scores.values) { try c.encode(v, forKey: DynamicKey(a.rawValue)) }
    }
  }

  /// One actor's change; a missing side is `null`, never left out.
  private struct Change: Encodable {
    var change: ScoreChange
    func encode(to encoder: Encoder) throws {
      var c = encoder.container(keyedBy: DynamicKey.self)
      try c.encode(change.actor.rawValue, forKey: DynamicKey("actor"))
      for (k, v) in [("before", change.before), ("after", change.after), ("delta", change.delta)] { try c.encode(v, forKey: DynamicKey(k)) }
      try c.encode(change.rankBefore, forKey: DynamicKey("rankBefore"))
      try c.encode(change.rankAfter, forKey: DynamicKey("rankAfter"))
    }
  }

  private struct Baseline: Encodable {
    var comparison: ScenarioComparison
    func encode(to encoder: Encoder) throws {
      let b = comparison.baseline
      var c = encoder.container(keyedBy: DynamicKey.self)
      var measures = c.nestedContainer(keyedBy: DynamicKey.self, forKey: DynamicKey("measures"))
      for (m, s) in b.measures { try measures.encode(Scores(scores: s), forKey: DynamicKey(m.rawValue)) }
      try c.encode(zip(comparison.questions.influence, b.influence).map { InfluenceValue(question: $0.description, value: $1) }, forKey: DynamicKey("influence"))
      try c.encode(b.paths.map { $0.map(PathJSON.init) }, forKey: DynamicKey("paths"))
      if let balance = b.balance {
        try c.encode(balance.frustration.index, forKey: DynamicKey("frustrationIndex"))
        try c.encode(balance.unbalancedTriangles.map { $0.map(\.rawValue) }, forKey: DynamicKey("unbalancedTriangles"))
      }
      if let p = b.communities {
        try c.encode(p.members.map { $0.map(\.rawValue) }, forKey: DynamicKey("communities"))
        try c.encode(p.modularity, forKey: DynamicKey("modularity"))
      }
    }
  }

  private struct InfluenceValue: Encodable { var question: String, value: Double }
  private struct InfluenceChange: Encodable { var question: String, before: Double, after: Double, delta: Double }
  private struct PathChangeJSON: Encodable {
    var question: String, changed: Bool, before: PathJSON?, after: PathJSON?
    func encode(to encoder: Encoder) throws {
      var c = encoder.container(keyedBy: DynamicKey.self)
      try c.encode(question, forKey: DynamicKey("question"))
      try c.encode(changed, forKey: DynamicKey("changed"))
      try c.encode(before, forKey: DynamicKey("before"))
      try c.encode(after, forKey: DynamicKey("after"))
    }
  }
  private struct Move: Encodable { var actor: String, from: [String], to: [String] }

  private struct ScenarioJSON: Encodable {
    var diff: ScenarioDiff
    func encode(to encoder: Encoder) throws {
      let d = diff
      var c = encoder.container(keyedBy: DynamicKey.self)
      try c.encode(d.scenario.name, forKey: DynamicKey("name"))
      try c.encode(d.scenario.title, forKey: DynamicKey("title"))
      try c.encode(d.scenario.edits.map(\.description), forKey: DynamicKey("edits"))
      try c.encode(d.scenario.date?.description, forKey: DynamicKey("date"))
      var measures = c.nestedContainer(keyedBy: DynamicKey.self, forKey: DynamicKey("measures"))
      for (m, changes) in d.measures { try measures.encode(changes.map(Change.init), forKey: DynamicKey(m.rawValue)) }
      try c.encode(d.influence.map { InfluenceChange(question: $0.pair.description, before: $0.before, after: $0.after, delta: $0.after - $0.before) }, forKey: DynamicKey("influence"))
      try c.encode(d.paths.map { PathChangeJSON(question: $0.question.description, changed: $0.changed, before: $0.before.map(PathJSON.init), after: $0.after.map(PathJSON.init)) }, forKey: DynamicKey("paths"))
      if let b = d.balance {
        var balance = c.nestedContainer(keyedBy: DynamicKey.self, forKey: DynamicKey("balance"))
        try balance.encode(b.before.frustration.index, forKey: DynamicKey("frustrationBefore"))
        try balance.encode(b.after.frustration.index, forKey: DynamicKey("frustrationAfter"))
        try balance.encode(b.becameUnbalanced.map { $0.map(\.rawValue) }, forKey: DynamicKey("becameUnbalanced"))
        try balance.encode(b.becameBalanced.map { $0.map(\.rawValue) }, forKey: DynamicKey("becameBalanced"))
      }
      if !d.knockOuts.isEmpty {
        struct Row: Encodable { var actor: String, before: Double?, after: Double? }
        struct KnockOutJSON: Encodable { var target: String, rows: [Row] }
        try c.encode(d.knockOuts.map { k in
          let actors = ((k.before?.rows ?? []) + (k.after?.rows ?? [])).map(\.actor).reduce(into: [Actor.ID]()) { if !$0.contains($1) { $0.append($1) } }
          return KnockOutJSON(target: k.target.description, rows: actors.map { a in
            Row(actor: a.rawValue, before: k.before?.rows.first { $0.actor == a }?.change, after: k.after?.rows.first { $0.actor == a }?.change)
          })
        }, forKey: DynamicKey("knockOut"))
      }
      if let m = d.communities {
        var communities = c.nestedContainer(keyedBy: DynamicKey.self, forKey: DynamicKey("communities"))
        try communities.encode(m.before.modularity, forKey: DynamicKey("modularityBefore"))
        try communities.encode(m.after.modularity, forKey: DynamicKey("modularityAfter"))
        try communities.encode(m.moves.map { Move(actor: $0.actor.rawValue, from: $0.from.map(\.rawValue), to: $0.to.map(\.rawValue)) }, forKey: DynamicKey("moves"))
      }
    }
  }

  public func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: DynamicKey.self)
    try c.encode(QuestionsJSON(
      measures: questions.measures.map(\.rawValue), influence: questions.influence.map(\.description), model: questions.model.rawValue,
      paths: questions.paths.map(\.description), balance: questions.balance, communities: questions.communities), forKey: DynamicKey("questions"))
    try c.encode(Baseline(comparison: self), forKey: DynamicKey("baseline"))
    try c.encode(scenarios.map(ScenarioJSON.init), forKey: DynamicKey("scenarios"))
  }

  /// The table (at most 10 actors per measure) or the long CSV.
  public func text(_ format: ReportFormat) -> String { format == .csv ? csv() : table(top: 10) }
}

/// A set of series as a report (what `timeline` and `sweep` print): JSON `{"quantity",
/// "axis", "points", "series": [{"name", "change", "spread", "values"}]}`.
public struct SeriesReport: ReportValue, Sendable {
  /// The series and, when given, how many of those that moved most to show.
  public var set: SeriesSet, top: Int?

  private struct Row: Encodable { var name: String, change: Double, spread: Double, values: [Double] }
  private enum Keys: String, CodingKey { case quantity, axis, points, series }

  public func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: Keys.self)
    try c.encode(set.quantity, forKey: .quantity)
    try c.encode(set.axis, forKey: .axis)
    try c.encode(set.points, forKey: .points)
    try c.encode((top.map { set.biggestMovers($0) } ?? set.series).map { Row(name: $0.name, change: $0.change, spread: $0.spread, values: $0.values) }, forKey: .series)
  }

  public func text(_ format: ReportFormat) -> String { set.report(format == .csv ? .csv : .table, top: top) }
}
