/// Scenario files written back: what the explorer's "save as scenario" produces, in the
/// documented format (`Graphs/README.md`), so `statecraft scenario` reads it and runs it to the
/// same numbers. Every string is double-quoted (JSON quoting is valid YAML).
public enum ScenarioWriter {
  /// A whole scenario file: `schema`, `base`, the questions (when given) and the scenarios.
  ///
  /// - Parameters:
  ///   - scenarios: The scenarios, each written with its edits.
  ///   - base: The base world's path as the file should name it (relative to where the
  ///     scenario file will be saved).
  ///   - undirected: Whether the base is read as undirected (`undirected: true`, for a CSV
  ///     edge list read with `--undirected`).
  ///   - questions: The questions; their lens's date is written as the date or as `all`
  ///     (a lens that sees every date), so the file never falls back to the base world's own date.
  public static func file(_ scenarios: [Scenario], base: String, undirected: Bool = false, questions: Questions? = nil) -> String {
    var out = "# Written by Statecraft; run it with: statecraft scenario THIS-FILE\nschema: 1\nbase: \(q(base))\n"
    if undirected { out += "undirected: true\n" }
    if let questions { out += self.questions(questions) }
    out += "scenarios:\n"
    for s in scenarios {
      out += "  - name: \(q(s.name))\n"
      if let title = s.title { out += "    title: \(q(title))\n" }
      out += "    edits:\n"
      if let date = s.date { out += "      - date: \(q(date.description))\n" }
      for e in s.edits { out += "      - \(edit(e))\n" }
    }
    return out
  }

  /// The `questions:` block.
  static func questions(_ q: Questions) -> String {
    var out = "questions:\n  measures: [\(q.measures.map { self.q($0.rawValue) }.joined(separator: ", "))]\n"
    if !q.influence.isEmpty { out += "  influence: [\(q.influence.map { self.q($0.description) }.joined(separator: ", "))]\n" }
    if q.model != .fj { out += "  model: \(q.model.rawValue)\n" }
    if !q.paths.isEmpty { out += "  paths: [\(q.paths.map { self.q($0.description) }.joined(separator: ", "))]\n" }
    if q.balance { out += "  balance: true\n" }
    if q.communities { out += "  communities: true\n" }
    if !q.knockOut.isEmpty { out += "  knock-out: [\(q.knockOut.map { self.q($0.description) }.joined(separator: ", "))]\n" }
    if q.lens.sign != .absolute { out += "  sign: \(q.lens.sign.rawValue)\n" }
    if let types = q.lens.types { out += "  types: [\(types.map(self.q).joined(separator: ", "))]\n" }
    if q.lens.combine != .sum { out += "  combine: \(q.lens.combine.rawValue)\n" }
    out += "  date: \(self.q(q.lens.date?.description ?? "all"))\n"
    return out
  }

  /// One edit as a flow mapping: `add: {from: "USA", …}`, `reweight: {id: "x", weight: 0.5}`.
  public static func edit(_ e: Edit) -> String {
    func num(_ x: Double) -> String { ReportText.jsonNumber(x) }
    switch e {
    case let .addRelation(r):
      var f: [(String, String)] = []
      if let id = r.id { f.append(("id", q(id))) }
      let weight = r.weightRange.map { q("\(num($0.lowerBound))..\(num($0.upperBound))") } ?? num(r.weight)
      f += [("from", q(r.from.rawValue)), ("to", q(r.to.rawValue)), ("type", q(r.type)), ("weight", weight), ("sign", r.sign.word)]
      if r.mutual { f.append(("mutual", "true")) }
      if let d = r.since { f.append(("since", q(d.description))) }
      if let d = r.until { f.append(("until", q(d.description))) }
      if let s = r.source { f.append(("source", q(s))) }
      if let n = r.note { f.append(("note", q(n))) }
      return "add: " + mapping(f)
    case let .removeRelation(ref): return "remove: " + mapping(reference(ref))
    case let .reweight(ref, w): return "reweight: " + mapping(reference(ref) + [("weight", num(w))])
    case let .reweightRange(ref, r): return "reweight: " + mapping(reference(ref) + [("weight", q("\(num(r.lowerBound))..\(num(r.upperBound))"))])
    case let .retype(ref, t): return "retype: " + mapping(reference(ref) + [("new-type", q(t))])
    case let .resign(ref, s): return "resign: " + mapping(reference(ref) + [("sign", s.word)])
    case let .redate(ref, since, until):
      func field(_ c: DateChange, _ name: String) -> [(String, String)] {
        switch c {
        case .keep: []
        case let .set(d): [(name, q(d.description))]
        case .clear: [(name, "null")]
        }
      }
      return "redate: " + mapping(reference(ref) + field(since, "since") + field(until, "until"))
    case let .scaleType(type, factor, among):
      var f = [("type", q(type)), ("factor", num(factor))]
      if let among { f.append(("among", "[" + among.map { q($0.rawValue) }.joined(separator: ", ") + "]")) }
      return "scale: " + mapping(f)
    case let .addActor(a):
      var f = [("id", q(a.id.rawValue)), ("name", q(a.name)), ("kind", a.kind.rawValue)]
      if !a.attributes.isEmpty {
        f.append(("attributes", mapping(a.attributes.keys.sorted().map { (q($0), q(a.attributes[$0]!)) })))
      }
      return "add-actor: " + mapping(f)
    case let .removeActor(id): return "remove-actor: \(q(id.rawValue))"
    }
  }

  static func reference(_ ref: RelationReference) -> [(String, String)] {
    switch ref {
    case let .id(id): [("id", q(id))]
    case let .match(from, to, type): [("from", q(from.rawValue)), ("to", q(to.rawValue))] + (type.map { [("type", q($0))] } ?? [])
    case let .key(k):
      // Always with its ordinal: without it, parallel relations of one type would be ambiguous.
      [("from", q(k.from.rawValue)), ("to", q(k.to.rawValue)), ("type", q(k.type)), ("ordinal", String(k.ordinal))]
    }
  }

  static func mapping(_ fields: [(String, String)]) -> String {
    "{" + fields.map { "\($0): \($1)" }.joined(separator: ", ") + "}"
  }

  static func q(_ s: String) -> String { ReportText.jsonString(s) }
}
