/// The top entries of a leverage ranking as a report (what `statecraft leverage` prints).
///
/// JSON: `{"target", "change", "baseline", "closedForm", "entries": [{"relation", "from", "to",
/// "type", "weight", "candidate", "derivative", "estimate", "bound", "exact"}]}` (missing
/// numbers are `null`).
public struct LeverageTable: ReportValue, Sendable {
  /// The ranking.
  public var report: LeverageReport
  /// The entries shown: at most `top`, best first.
  public var top: Int
  /// Each shown entry's relation name and the relation itself (a candidate's is new).
  public var shown: [(name: String, relation: Relation, entry: LeverageEntry)]

  /// The first `top` entries of `report`, named in `world`.
  public init(_ report: LeverageReport, in world: World, top: Int) {
    self.report = report
    self.top = top
    shown = report.entries.prefix(top).map { (report.name(of: $0, in: world), $0.relation(in: world), $0) }
  }

  private enum Keys: String, CodingKey { case target, change, baseline, closedForm, stoppedAtTimeLimit, entries }
  private struct Row: Encodable {
    var relation: String, from: String, to: String, type: String, weight: Double, candidate: Bool
    var derivative: Double?, estimate: Double?, bound: Double?, exact: Double?

    func encode(to encoder: Encoder) throws {
      var c = encoder.container(keyedBy: DynamicKey.self)
      try c.encode(relation, forKey: DynamicKey("relation"))
      try c.encode(from, forKey: DynamicKey("from"))
      try c.encode(to, forKey: DynamicKey("to"))
      try c.encode(type, forKey: DynamicKey("type"))
      try c.encode(weight, forKey: DynamicKey("weight"))
      try c.encode(candidate, forKey: DynamicKey("candidate"))
      for (key, value) in [("derivative", derivative), ("estimate", estimate), ("bound", bound), ("exact", exact)] {
        try c.encode(value, forKey: DynamicKey(key))  // null when missing, never left out
      }
    }
  }

  public func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: Keys.self)
    try c.encode(report.target.description, forKey: .target)
    try c.encode(report.change.description, forKey: .change)
    try c.encode(report.baseline, forKey: .baseline)
    try c.encode(report.closedForm, forKey: .closedForm)
    if report.stoppedAtTimeLimit { try c.encode(true, forKey: .stoppedAtTimeLimit) }
    try c.encode(shown.map { name, r, e in
      Row(relation: name, from: r.from.rawValue, to: r.to.rawValue, type: r.type, weight: r.weight, candidate: e.isCandidate,
          derivative: e.derivative, estimate: e.estimate, bound: e.bound, exact: e.exact)
    }, forKey: .entries)
  }

  public func text(_ format: ReportFormat) -> String {
    func n(_ x: Double?) -> String { x.map(ReportText.jsonNumber) ?? "" }
    if format == .csv {
      return (["rank,relation,from,to,type,weight,candidate,derivative,estimate,bound,exact"] + shown.enumerated().map { i, s in
        [String(i + 1), ReportText.csvField(s.name), ReportText.csvField(s.relation.from.rawValue), ReportText.csvField(s.relation.to.rawValue),
         ReportText.csvField(s.relation.type), ReportText.jsonNumber(s.relation.weight), String(s.entry.isCandidate),
         n(s.entry.derivative), n(s.entry.estimate), n(s.entry.bound), n(s.entry.exact)].joined(separator: ",")
      }).joined(separator: "\n")
    }
    var out = "Leverage on \(report.target): baseline \(ReportText.tableNumber(report.baseline)); change: \(report.change)\n"
    let pageRank = if case .score(.pagerank, _) = report.target { true } else { false }
    out += !report.closedForm ? "no closed form for this target: every relation recomputed\n\n"
      : pageRank ? "estimate = rank-one change from one adjoint solve (derivative × Δw × s/(s + Δw), s the actor's out-strength); exact = recomputed on the edited world\n\n"
      : "estimate = derivative (one adjoint solve) × weight change; exact = recomputed on the edited world\n\n"
    let table = shown.enumerated().map { i, s -> [String] in
      let (e, r) = (s.entry, s.relation)
      // A PageRank jump's estimate is the rank-one numerator, marked *.
      let estimate = e.estimate.map { ReportText.signedNumber($0) + (e.bound == nil ? "" : "*") } ?? "—"
      return [String(i + 1), s.name, "\(r.from)\(r.mutual ? "↔" : "→")\(r.to)", r.type, ReportText.jsonNumber(r.weight), estimate,
              e.exact.map(ReportText.signedNumber) ?? "—"]
    }
    out += ReportText.table(header: ["rank", "relation", "tie", "type", "weight", "estimate", "exact"], rows: table, rightAligned: [0, 4, 5, 6])
    if shown.contains(where: { $0.entry.bound != nil }) {
      out += "\n* a jump (an actor's last out-tie): the rank-one numerator; the exact change has its sign and at most its bound"
    }
    let confirmed = report.entries.unranked.filter { $0.exact != nil }.count
    out += "\n\(confirmed) of \(report.entries.count) recomputed exactly; rows rank by exact change, and only recomputed rows are shown"
    if report.stoppedAtTimeLimit {
      out += "\nstopped at --time-limit: these are the best confirmed so far; relations not yet recomputed could still rank (raise --time-limit)"
    }
    if report.entries.count > top { out += "\n… \(report.entries.count - top) more (--top)" }
    return out
  }
}
