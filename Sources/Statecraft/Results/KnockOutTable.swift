/// A knock-out ranking as a report (what `statecraft leverage --actors` prints).
///
/// JSON: `{"target", "baseline", "actors": [{"actor", "name", "after", "change"}]}`, largest
/// change first.
public struct KnockOutTable: ReportValue, Sendable {
  /// The ranking.
  public var knockOut: KnockOut
  /// The rows shown (at most `top`), each with the actor's display name.
  public var shown: [(row: KnockOut.Row, name: String)]
  /// How many rows there are in all.
  public var total: Int

  /// The first `top` rows of `knockOut`, named in `world`.
  public init(_ knockOut: KnockOut, in world: World, top: Int) {
    self.knockOut = knockOut
    shown = knockOut.rows.prefix(top).map { ($0, world[actor: $0.actor]?.name ?? $0.actor.rawValue) }
    total = knockOut.rows.count
  }

  private enum Keys: String, CodingKey { case target, baseline, actors }
  private struct Row: Encodable {
    var actor: String, name: String, after: Double, change: Double
  }

  public func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: Keys.self)
    try c.encode(knockOut.target.description, forKey: .target)
    try c.encode(knockOut.baseline, forKey: .baseline)
    try c.encode(shown.map { Row(actor: $0.row.actor.rawValue, name: $0.name, after: $0.row.after, change: $0.row.change) }, forKey: .actors)
  }

  public func text(_ format: ReportFormat) -> String {
    if format == .csv {
      return (["rank,actor,name,after,change"] + shown.enumerated().map { i, s in
        "\(i + 1),\(ReportText.csvField(s.row.actor.rawValue)),\(ReportText.csvField(s.name)),\(ReportText.jsonNumber(s.row.after)),\(ReportText.jsonNumber(s.row.change))"
      }).joined(separator: "\n")
    }
    var out = "Knock-out on \(knockOut.target): baseline \(ReportText.tableNumber(knockOut.baseline)); each actor removed in turn with its relations, recomputed exactly\n\n"
    let rows = shown.enumerated().map { i, s in
      [String(i + 1), s.row.actor.rawValue, s.name, ReportText.tableNumber(s.row.after), ReportText.signedNumber(s.row.change)]
    }
    out += ReportText.table(header: ["rank", "actor", "name", "without it", "change"], rows: rows, rightAligned: [0, 3, 4])
    if total > shown.count { out += "\n… \(total - shown.count) more (--top)" }
    return out
  }
}
