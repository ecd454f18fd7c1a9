extension Edit: CustomStringConvertible {
  /// The edit in words, as reports list it.
  public var description: String {
    func w(_ x: Double) -> String { ReportText.jsonNumber(x) }
    switch self {
    case let .addRelation(r):
      let weight = r.weightRange.map { "\(w($0.lowerBound))..\(w($0.upperBound))" } ?? w(r.weight)
      return "add \(r.id.map { "\($0): " } ?? "")\(r.from)\(r.mutual ? "↔" : "→")\(r.to) \(r.type), weight \(weight), \(r.sign.word)"
    case let .removeRelation(ref): return "remove \(ref)"
    case let .reweight(ref, weight): return "re-weight \(ref) to \(w(weight))"
    case let .reweightRange(ref, range): return "re-weight \(ref) to \(w(range.lowerBound))..\(w(range.upperBound)) (uncertain)"
    case let .retype(ref, type): return "re-type \(ref) as \(type)"
    case let .resign(ref, sign): return "re-sign \(ref) as \(sign.word)"
    case let .redate(ref, since, until):
      func words(_ c: DateChange, _ name: String) -> String? {
        switch c {
        case .keep: nil
        case let .set(d): "\(name) \(d)"
        case .clear: "no \(name)"
        }
      }
      return "re-date \(ref): " + [words(since, "since"), words(until, "until")].compactMap { $0 }.joined(separator: ", ")
    case let .scaleType(type, factor, among):
      return "scale every \(type) relation by \(w(factor))" + (among.map { " among \($0.map(\.rawValue).joined(separator: ", "))" } ?? "")
    case let .addActor(a): return "add actor \(a.id) (\(a.name), \(a.kind.rawValue))"
    case let .removeActor(id): return "remove actor \(id) and its relations"
    }
  }
}

/// How a scenario comparison is printed.
public enum ReportFormat: String, CaseIterable, Sendable {
  /// An aligned text table, one JSON document, or CSV rows.
  case table, json, csv
}

extension ScenarioComparison {
  /// The comparison as text: a table report, JSON (shape in the README) or long CSV.
  ///
  /// - Parameters:
  ///   - format: Table, JSON or CSV.
  ///   - top: Table only: at most this many actors per measure (largest changes).
  public func report(_ format: ReportFormat, top: Int = 10) -> String {
    switch format {
    case .table: table(top: top)
    // The encoding cannot fail: every value is a string, number, flag or list of them.
    case .json: (try? ReportJSON.encode(self)) ?? "{}"
    case .csv: csv()
    }
  }

  func table(top: Int) -> String {
    var out = ""
    for (k, d) in scenarios.enumerated() {
      if k > 0 { out += "\n\n" }
      out += "== \(d.scenario.name)" + (d.scenario.title.map { ": \($0)" } ?? "") + " ==\n"
      out += "Edits:\n"
      for (i, e) in d.scenario.edits.enumerated() { out += "  \(i + 1). \(e)\n" }
      if let date = d.scenario.date { out += "  lens date \(date)\n" }
      for (measure, changes) in d.measures {
        let moved = changes.filter { $0.delta != 0 }
        out += "\n\(measure.rawValue): \(moved.count) of \(changes.count) actors changed"
        if moved.isEmpty { out += "\n"; continue }
        out += moved.count > top ? " (largest \(top) shown)\n" : "\n"
        let rows = moved.prefix(top).map { c -> [String] in
          [c.actor.rawValue, c.before.map(ReportText.tableNumber) ?? "—", c.after.map(ReportText.tableNumber) ?? "—",
           c.delta.map(ReportText.signedNumber) ?? (c.before == nil ? "added" : "removed"),
           rankText(c)]
        }
        out += ReportText.table(header: ["actor", "before", "after", "delta", "rank"], rows: rows, rightAligned: [1, 2, 3]) + "\n"
      }
      if !d.influence.isEmpty {
        let model = switch questions.model {
        case .fj: "Friedkin–Johnsen share on cooperative ties"
        case .signed: "signed Friedkin–Johnsen share: hostile ties repel"
        case .walk: "walk sums along every tie"
        }
        out += "\nInfluence (\(model)):\n"
        let rows = d.influence.map { p, b, a in
          [p.description, ReportText.tableNumber(b), ReportText.tableNumber(a), ReportText.signedNumber(a - b)]
        }
        out += ReportText.table(header: ["question", "before", "after", "delta"], rows: rows, rightAligned: [1, 2, 3]) + "\n"
      }
      for p in d.paths {
        out += "\nPath \(p.question): " + (p.changed ? "changed\n" : "unchanged\n")
        out += "  before: \(pathText(p.before))\n"
        if p.changed { out += "  after:  \(pathText(p.after))\n" }
      }
      if let b = d.balance {
        out += "\nBalance: frustration index \(b.before.frustration.index) → \(b.after.frustration.index)"
        out += ", strict triangle index \(ReportText.tableNumber(b.before.triangles.strictIndex)) → \(ReportText.tableNumber(b.after.triangles.strictIndex))\n"
        for t in b.becameUnbalanced { out += "  became unbalanced: \(t.map(\.rawValue).joined(separator: ", "))\n" }
        for t in b.becameBalanced { out += "  no longer unbalanced: \(t.map(\.rawValue).joined(separator: ", "))\n" }
      }
      for k in d.knockOuts {
        out += "\nKnock-out on \(k.target): each actor removed in turn, the change it makes, before → after\n"
        out += knockOutText(before: k.before, after: k.after)
      }
      if let c = d.communities {
        out += "\nCommunities: \(c.before.count) → \(c.after.count), modularity \(ReportText.tableNumber(c.before.modularity)) → \(ReportText.tableNumber(c.after.modularity))\n"
        if c.moves.isEmpty { out += "  nobody moved\n" }
        for m in c.moves {
          out += "  \(m.actor) moved: with \(m.from.map(\.rawValue).joined(separator: ", ")) → with \(m.to.map(\.rawValue).joined(separator: ", "))\n"
        }
      }
      out.removeLast()
    }
    if scenarios.count > 1 { out += "\n\n" + sideBySide() }
    return out
  }

  /// The first measure and every influence question, baseline and each scenario in columns.
  func sideBySide() -> String {
    var out = "== side by side =="
    let names = scenarios.map(\.scenario.name)
    if let (measure, base) = baseline.measures.first {
      let afters = scenarios.map { d in Dictionary(d.measures[0].changes.map { ($0.actor, $0.after) }, uniquingKeysWith: { a, _ in a }) }
      let rows = base.ranked().map { row -> [String] in
        [row.actor.rawValue, ReportText.tableNumber(row.score)]
          + afters.map { ($0[row.actor] ?? nil).map(ReportText.tableNumber) ?? "—" }
      }
      out += "\n\(measure.rawValue)\n" + ReportText.table(header: ["actor", "baseline"] + names, rows: rows, rightAligned: Set(1 ... names.count + 1))
    }
    if !questions.influence.isEmpty {
      let rows = questions.influence.indices.map { i -> [String] in
        [questions.influence[i].description, ReportText.tableNumber(baseline.influence[i])]
          + scenarios.map { ReportText.tableNumber($0.influence[i].after) }
      }
      out += "\n\ninfluence\n" + ReportText.table(header: ["question", "baseline"] + names, rows: rows, rightAligned: Set(1 ... names.count + 1))
    }
    return out
  }

  func rankText(_ c: ScoreChange) -> String {
    switch (c.rankBefore, c.rankAfter) {
    case let (b?, a?): b == a ? "\(a)" : "\(b) → \(a)"
    case let (nil, a?): "new, \(a)"
    case let (b?, nil): "was \(b)"
    default: ""
    }
  }

  func pathText(_ p: ExplainedPath?) -> String {
    guard let p else { return "no path" }
    let hops = p.hops.map { h in "\(h.from)–\(h.to) (\(h.relations.map(\.type).joined(separator: ", ")))" }
    return "\(p.actors.map(\.rawValue).joined(separator: " → ")), \(ReportText.tableNumber(p.value)): " + hops.joined(separator: "; ")
  }

  func csv() -> String {
    let f = ReportText.csvField
    let n = ReportText.jsonNumber
    var lines = ["scenario,question,item,before,after,delta,rank_before,rank_after"]
    for d in scenarios {
      let name = f(d.scenario.name)
      for (m, changes) in d.measures {
        for c in changes {
          lines.append([name, m.rawValue, f(c.actor.rawValue), c.before.map(n) ?? "", c.after.map(n) ?? "", c.delta.map(n) ?? "",
                        c.rankBefore.map(String.init) ?? "", c.rankAfter.map(String.init) ?? ""].joined(separator: ","))
        }
      }
      // A pair whose actor a scenario removed has no value on that side: an empty field, as
      // everywhere else in this CSV (never the word null).
      let c = { (x: Double) in x.isFinite ? n(x) : "" }
      for (p, b, a) in d.influence { lines.append([name, "influence", f(p.description), c(b), c(a), c(a - b), "", ""].joined(separator: ",")) }
      for p in d.paths {
        lines.append([name, "path", f(p.question.description), p.before.map { n($0.value) } ?? "", p.after.map { n($0.value) } ?? "",
                      (p.before != nil && p.after != nil) ? n(p.after!.value - p.before!.value) : "", "", ""].joined(separator: ","))
      }
      if let b = d.balance {
        let (x, y) = (Double(b.before.frustration.index), Double(b.after.frustration.index))
        lines.append([name, "frustration index", "", n(x), n(y), n(y - x), "", ""].joined(separator: ","))
      }
      if let c = d.communities {
        lines.append([name, "modularity", "", n(c.before.modularity), n(c.after.modularity), n(c.after.modularity - c.before.modularity), "", ""].joined(separator: ","))
      }
    }
    return lines.joined(separator: "\n")
  }
}

/// A knock-out before and after a scenario as table rows: the five actors whose removal
/// changes the target most in either world, with the change before and after (— where the
/// actor is not in that world or the knock-out could not run).
func knockOutText(before: KnockOut?, after: KnockOut?) -> String {
  func biggest(_ k: KnockOut?) -> [Actor.ID] { (k?.rows ?? []).sorted { abs($0.change) > abs($1.change) }.prefix(5).map(\.actor) }
  var actors: [Actor.ID] = []
  for a in biggest(before) + biggest(after) where !actors.contains(a) { actors.append(a) }
  func change(_ k: KnockOut?, _ a: Actor.ID) -> String { k?.rows.first { $0.actor == a }.map { ReportText.signedNumber($0.change) } ?? "—" }
  return ReportText.table(header: ["actor removed", "before", "after"], rows: actors.map { [$0.rawValue, change(before, $0), change(after, $0)] }, rightAligned: [1, 2]) + "\n"
}
