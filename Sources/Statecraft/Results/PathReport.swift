/// The best paths from one actor to another, each hop with the relations behind it (what
/// `statecraft path FILE FROM TO` prints).
///
/// JSON: an array of paths, each `{"actors": […], "value": …, "hops": [{"from", "to",
/// "relations": [{"from", "to", "type", "weight", "sign", "since"?, "until"?, "source"?,
/// "note"?}]}]}`.
public struct PathReport: ReportValue, Sendable {
  /// The ends, with display names.
  public var from: Actor.ID, to: Actor.ID
  /// The ends' display names.
  public var fromName: String, toName: String
  /// What was asked: the path kind, how many, and whether directions were ignored.
  public var kind: PathKind, count: Int, direction: PathDirection, allShortest: Bool
  /// What a path's value measures, in words.
  public var valueName: String
  /// The paths found, best first.
  public var paths: [ExplainedPath]
  /// Display names of the actors on the paths (for the text; never iterated).
  public var names: [Actor.ID: String]
  /// How many shortest paths there are, when `allShortest` listed fewer (it stops at 10,000).
  public var total: Double?
  /// Whether a path exists when directions are ignored (asked only when none was found along
  /// them), so the hint to try `--any-direction` is given only when it would help.
  public var foundAnyDirection = false
  /// The actors the paths had to avoid.
  public var avoided: [Actor.ID] = []

  public func encode(to encoder: Encoder) throws {
    var c = encoder.unkeyedContainer()
    for p in paths { try c.encode(Briefing.PathValue(p)) }
  }

  /// The paths as text, hop by hop (CSV is not offered for paths between two actors).
  public func text(_ format: ReportFormat) -> String {
    func label(_ id: Actor.ID, _ name: String) -> String { "\(name) (\(id))" }
    guard !paths.isEmpty else {
      return "No path from \(label(from, fromName)) to \(label(to, toName))"
        + (avoided.isEmpty ? "" : " avoiding \(avoided.map(\.rawValue).joined(separator: ", "))")
        + (direction == .either ? "." : foundAnyDirection ? " along the relations' directions; --any-direction finds one." : ", in either direction.")
    }
    var out = ""
    if let total, total > Double(paths.count) {
      out += "Showing \(paths.count) of \(total < 1e15 ? String(Int(total)) : String(format: "%.3g", total)) shortest paths (--all lists at most \(paths.count)).\n\n"
    }
    for (i, p) in paths.enumerated() {
      if i > 0 { out += "\n" }
      let title = count > 1 || allShortest ? "Path \(i + 1) of \(paths.count)" : "\(kind.rawValue.capitalized) path"
      out += "\(title): \(p.actors.map(\.rawValue).joined(separator: " → "))"
      out += "  [\(valueName) \(ReportText.tableNumber(p.value)), \(p.hops.count) ties]\n"
      for (j, h) in p.hops.enumerated() {
        out += "  \(j + 1). \(label(h.from, names[h.from] ?? h.from.rawValue)) – \(label(h.to, names[h.to] ?? h.to.rawValue))\n"
        for r in h.relations {
          let arrow = r.mutual ? "↔" : h.isAlong(r) ? "→" : "←"
          var line = "       \(arrow) \(r.type), weight \(ReportText.jsonNumber(r.weight)), \(r.sign.word)"
          if let period = r.period { line += ", \(period)" }
          if let src = r.source { line += " [\(src)]" }
          if let note = r.note { line += " — \(note)" }
          out += line + "\n"
        }
      }
    }
    return String(out.dropLast())
  }
}

extension World {
  /// The best paths between two actors as a report (``paths(from:to:count:kind:lens:avoiding:direction:allShortest:)``).
  ///
  /// - Complexity: As the path search: one Dijkstra for one path, Yen's k shortest paths for more.
  public func pathReport(
    from source: Actor.ID, to target: Actor.ID, count: Int = 1, kind: PathKind = .shortest, lens: Lens = Lens(),
    avoiding: [Actor.ID] = [], direction: PathDirection = .along, allShortest: Bool = false
  ) throws -> PathReport {
    let found = try paths(
      from: source, to: target, count: count, kind: kind, lens: lens, avoiding: avoiding, direction: direction,
      allShortest: allShortest)
    var names: [Actor.ID: String] = [:]
    for id in found.flatMap(\.actors) { names[id] = self[actor: id]?.name ?? id.rawValue }
    var report = PathReport(
      from: source, to: target, fromName: self[actor: source]?.name ?? source.rawValue,
      toName: self[actor: target]?.name ?? target.rawValue, kind: kind, count: count, direction: direction,
      allShortest: allShortest, valueName: kind.valueName(lens.pathLength), paths: found, names: names)
    report.avoided = avoiding
    if allShortest && found.count >= 10_000 {
      report.total = try through(lens).shortestPathCount(from: try requireIndex(of: source), to: try requireIndex(of: target), length: lens.pathLength)
    }
    if found.isEmpty && direction == .along {
      report.foundAnyDirection = !(try paths(from: source, to: target, kind: kind, lens: lens, avoiding: avoiding, direction: .either)).isEmpty
    }
    return report
  }
}
