import Foundation
import Yams

/// A scenario file: a base world, the questions to ask, and named scenarios of edits.
///
/// The format (YAML, `schema: 1`) is documented in `Graphs/README.md`; examples live in
/// `Graphs/scenarios/`. Loading reads the base world and checks every edit against it, so
/// every problem is reported as `file:line:column: message` before anything runs.
///
///     let file = try ScenarioFile.load("Graphs/scenarios/minerals-deal.yaml")
///     let comparison = try file.run()
public struct ScenarioFile: Sendable {
  /// The scenario file's path.
  public var path: String
  /// The base world's path as written in the file, and as resolved against the file's folder.
  public var basePath: String
  /// The base world (never changed by a run).
  public var base: World
  /// What every scenario is asked.
  public var questions: Questions
  /// Scenarios in file order, each with the edits of the scenarios it extends first.
  public var scenarios: [Scenario]

  /// Runs every scenario (or only those named) against the base world.
  ///
  /// - Throws: ``ScenarioError/unknownScenario(_:known:)`` for a name not in the file.
  public func run(only names: [String] = []) throws -> ScenarioComparison {
    let chosen = try names.isEmpty ? scenarios : names.map { name in
      guard let s = scenarios.first(where: { $0.name == name }) else {
        throw ScenarioError.unknownScenario(name, known: scenarios.map(\.name))
      }
      return s
    }
    return try ScenarioRunner(questions: questions).compare(base, chosen)
  }

  /// Reads and checks a scenario file and its base world.
  ///
  /// - Throws: ``GraphFileError`` naming the line and column of every problem (unknown keys,
  ///   actors, relations, types, measures; ambiguous references; `extends:` cycles; bad
  ///   weights), or the base world's own errors.
  public static func load(_ path: String) throws -> ScenarioFile {
    try parse(WorldIO.readText(path), file: path) { basePath, undirected in
      try WorldIO.load(basePath, undirected: undirected)
    }
  }

  /// Reads scenario-file text whose base world is already at hand (a script, a test, the
  /// fuzzer): `base` is ignored and `world` edited instead.
  public static func parse(_ text: String, file: String, base world: World) throws -> ScenarioFile {
    try parse(text, file: file) { _, _ in world }
  }

  /// Parses, obtains the base world through `loadBase(resolved path, undirected)`, and
  /// checks every edit and question against it.
  static func parse(
    _ text: String, file path: String, loadBase: (String, Bool) throws -> World
  ) throws -> ScenarioFile {
    let root = try YAMLReader.compose(text, file: path, emptyMessage: "the file is empty; a scenario file needs `schema: 1`, `base:` and `scenarios:`")
    var reader = YAMLReader()
    // Problems are collected through every stage and reported together, in one round: a typo
    // in an edit and an unknown actor in a question come out at once.
    guard let parsed = reader.scenarioFile(root) else { throw GraphFileError.invalid(file: path, problems: reader.problems) }
    let folder = (path as NSString).deletingLastPathComponent
    let basePath = parsed.base.hasPrefix("/") || folder.isEmpty ? parsed.base : folder + "/" + parsed.base
    let base: World
    do {
      base = try loadBase(basePath, parsed.undirected)
    } catch let error as GraphFileError {
      reader.report(at: parsed.baseMark, "the base world cannot be read: \(error.lines.joined(separator: " | "))")
      try reader.throwProblems(file: path)
      throw error
    }
    let scenarios = reader.resolve(parsed, base: base)
    reader.checkQuestions(parsed.questionMarks, parsed.questions, base: base)
    try reader.throwProblems(file: path)
    // Questions see the base world on its own date, as every command does by default
    // (Lens.standard); a scenario's `date:` edit moves it.
    var questions = parsed.questions
    if questions.lens.date == nil && !parsed.everyDate { questions.lens.date = base.date }
    return ScenarioFile(path: path, basePath: basePath, base: base, questions: questions, scenarios: scenarios)
  }

}

/// A scenario file as written, before the base world is read.
struct ParsedScenarioFile {
  struct Mark { var line: Int; var column: Int }
  struct Entry {
    var name: String
    var title: String?
    var extends: String?
    var extendsMark: Mark
    var mark: Mark
    var edits: [ParsedEdit]
  }
  /// One edit as written: the edit (`nil` when it was malformed and reported), or the lens
  /// date of a `date:` item; an added relation without `sign:` takes its type's polarity.
  struct ParsedEdit {
    var edit: Edit?
    var date: PartialDate? = nil
    var signFromType = false
    var mark: Mark
  }
  var base: String
  var baseMark: Mark
  /// Read a CSV edge-list base as undirected (`undirected: true`).
  var undirected: Bool
  var questions: Questions
  /// The questions said `date: all`: every relation counts, whatever the base world's date.
  var everyDate: Bool
  /// Actors named by questions, with where.
  var questionMarks: [(Actor.ID, Mark)]
  var entries: [Entry]
}

extension YAMLReader {
  fileprivate func mark(_ node: Node?) -> ParsedScenarioFile.Mark {
    .init(line: node?.mark?.line ?? 0, column: node?.mark?.column ?? 0)
  }

  mutating func report(at mark: ParsedScenarioFile.Mark, _ message: String) {
    problems.append(.init(line: mark.line, column: mark.column, message: message))
  }

  mutating func scenarioFile(_ root: Node) -> ParsedScenarioFile? {
    guard let top = entries(root, what: "the scenario file", allowed: ["schema", "base", "undirected", "questions", "scenarios"]) else { return nil }
    let field = Dictionary(top.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
    if let schema = field["schema"] {
      if let s = text(schema.value, "schema"), s != "1" { report(schema.value, "schema \"\(s)\" is not supported; write `schema: 1`") }
    } else {
      report(root, "the file has no `schema:` line; add `schema: 1` at the top")
    }
    guard let baseField = field["base"], let base = text(baseField.value, "base") else {
      if field["base"] == nil { report(root, "the file has no `base:`; name the world file the scenarios edit, relative to this file") }
      return nil
    }
    let undirected = field["undirected"].map { flag($0.value, "undirected") } ?? false
    var questions = Questions(measures: [])
    var marks: [(Actor.ID, ParsedScenarioFile.Mark)] = []
    var everyDate = false
    if let q = field["questions"] { readQuestions(q.value, into: &questions, marks: &marks, everyDate: &everyDate) } else {
      questions.measures = [.pagerank]
    }
    var result: [ParsedScenarioFile.Entry] = []
    guard let list = field["scenarios"] else {
      report(root, "the file has no `scenarios:` list; add at least one scenario with `name:` and `edits:`")
      return nil
    }
    var names: Set<String> = []
    for item in self.list(list.value, "scenarios") {
      guard let e = entries(item, what: "a scenario", allowed: ["name", "title", "extends", "edits"]) else { continue }
      var entry = ParsedScenarioFile.Entry(name: "", extendsMark: mark(item), mark: mark(item), edits: [])
      for (key, _, value) in e {
        switch key {
        case "name":
          entry.name = text(value, "scenario name") ?? ""
          if !names.insert(entry.name).inserted { report(value, "duplicate scenario name \"\(entry.name)\"; names must be unique") }
        case "title": entry.title = text(value, "scenario title")
        case "extends":
          entry.extends = text(value, "extends")
          entry.extendsMark = mark(value)
        default:
          for editNode in self.list(value, "edits") { entry.edits.append(readEdit(editNode)) }
        }
      }
      if entry.name.isEmpty { report(item, "a scenario needs a `name:`") }
      result.append(entry)
    }
    return ParsedScenarioFile(
      base: base, baseMark: mark(baseField.value), undirected: undirected, questions: questions, everyDate: everyDate,
      questionMarks: marks, entries: result)
  }

  mutating func readQuestions(
    _ node: Node, into q: inout Questions, marks: inout [(Actor.ID, ParsedScenarioFile.Mark)], everyDate: inout Bool
  ) {
    let allowed = ["measures", "influence", "model", "paths", "balance", "communities", "knock-out", "sign", "types", "combine", "date"]
    guard let e = entries(node, what: "questions", allowed: allowed) else { return }
    let problemsBefore = problems.count
    for (key, _, value) in e {
      if !readAsked(key, value, into: &q, marks: &marks) { readLensKey(key, value, into: &q.lens, everyDate: &everyDate) }
    }
    q.knockOut = q.knockOut.map { if case let .influence(p, _) = $0 { .influence(p, q.model) } else { $0 } }
    if q.measures.isEmpty && q.influence.isEmpty && q.paths.isEmpty && !q.balance && !q.communities && q.knockOut.isEmpty
      && problems.count == problemsBefore
    {
      report(node, "no questions: ask for `measures:`, `influence:`, `paths:`, `knock-out:`, `balance: true` or `communities: true`")
    }
  }

  /// One key of `questions:` that asks something (measures, influence, model, paths,
  /// balance, communities, knock-out); `false` when the key is a lens key instead.
  private mutating func readAsked(
    _ key: String, _ value: Node, into q: inout Questions, marks: inout [(Actor.ID, ParsedScenarioFile.Mark)]
  ) -> Bool {
    switch key {
    case "measures":
      for m in list(value, "measures") {
        guard let name = text(m, "measure") else { continue }
        if let measure = Measure(rawValue: name) { q.measures.append(measure) } else {
          let names = Measure.allCases.map(\.rawValue)
          report(m, "unknown measure \"\(name)\"\(didYouMean(name, in: names)); measures: \(names.joined(separator: ", "))")
        }
      }
    case "influence":
      for p in list(value, "influence") {
        guard let s = text(p, "influence question") else { continue }
        if let pair = InfluencePair(s) {
          q.influence.append(pair)
          marks += [(pair.source, mark(p)), (pair.target, mark(p))]
        } else {
          report(p, "influence question \"\(s)\" must read SOURCE over TARGET, for example \"CHN over PAK\"")
        }
      }
    case "model":
      if let s = text(value, "model") {
        if let m = InfluenceModel(rawValue: s) { q.model = m } else { report(value, "model \"\(s)\" is not fj, signed or walk") }
      }
    case "paths":
      for p in list(value, "paths") {
        guard let s = text(p, "path question") else { continue }
        if let path = PathQuestion(s) {
          q.paths.append(path)
          marks += [(path.from, mark(p)), (path.to, mark(p))]
        } else {
          report(p, "path question \"\(s)\" must read FROM to TO (along relations) or FROM -- TO (either direction)")
        }
      }
    case "balance": q.balance = flag(value, "balance")
    case "communities": q.communities = flag(value, "communities")
    case "knock-out":
      // Targets as leverage reads them ("CHN over PAK", "pagerank of PAK"); the influence
      // model is applied once every key is read.
      for t in list(value, "knock-out") {
        guard let s = text(t, "knock-out target") else { continue }
        if let target = LeverageTarget(s) {
          q.knockOut.append(target)
          switch target {
          case let .score(_, a): marks.append((a, mark(t)))
          case let .influence(p, _): marks += [(p.source, mark(t)), (p.target, mark(t))]
          }
        } else {
          report(t, "knock-out target \"\(s)\" must read SOURCE over TARGET or MEASURE of ACTOR, for example \"pagerank of PAK\"")
        }
      }
    default: return false
    }
    return true
  }

  /// One lens key of `questions:` (sign, types, combine, date).
  private mutating func readLensKey(_ key: String, _ value: Node, into lens: inout Lens, everyDate: inout Bool) {
    switch key {
    case "sign":
      if let s = text(value, "sign") {
        if let layer = Lens.SignLayer(rawValue: s), layer != .signed { lens.sign = layer } else {
          report(value, "sign \"\(s)\" is not one of positive, negative, absolute")
        }
      }
    case "types": lens.types = list(value, "types").compactMap { text($0, "type") }
    case "combine":
      if let s = text(value, "combine") {
        if let c = Digraph.Combine(rawValue: s) { lens.combine = c } else { report(value, "combine \"\(s)\" is not sum or max") }
      }
    default:
      // `all`: every relation whatever its dates (as `--date all`), not the base's date.
      if case let .scalar(scalar) = value, scalar.string == "all" { everyDate = true } else { lens.date = date(value, "date") }
    }
  }

  mutating func flag(_ node: Node, _ what: String) -> Bool {
    guard let s = text(node, what) else { return false }
    switch s.lowercased() {
    case "true", "yes": return true
    case "false", "no": return false
    default:
      report(node, "\(what) \"\(s)\" must be true or false")
      return false
    }
  }

  /// One edit: a mapping with exactly one key naming the operation.
  mutating func readEdit(_ node: Node) -> ParsedScenarioFile.ParsedEdit {
    let operations = ["add", "remove", "reweight", "retype", "resign", "redate", "scale", "add-actor", "remove-actor", "date"]
    let at = mark(node)
    guard let e = entries(node, what: "an edit", allowed: operations) else { return .init(edit: nil, mark: at) }
    guard e.count == 1, let (op, _, value) = e.first else {
      report(node, "an edit names one operation (\(operations.joined(separator: ", "))); split this one into several `- ` items")
      return .init(edit: nil, mark: at)
    }
    let valueMark = mark(value)
    switch op {
    case "date": return .init(edit: nil, date: date(value, "date"), mark: valueMark)
    case "remove-actor": return .init(edit: text(value, "actor").map { .removeActor(Actor.ID($0)) }, mark: valueMark)
    case "add-actor": return readAddActor(value, at: at)
    case "scale": return readScale(value, at: at)
    case "add": return readAdd(value, at: at)
    default: return readRelationEdit(op, value, at: at)
    }
  }

  /// `add-actor: {id, name, kind, attributes}`.
  private mutating func readAddActor(_ value: Node, at: ParsedScenarioFile.Mark) -> ParsedScenarioFile.ParsedEdit {
    let valueMark = mark(value)
    guard let f = entries(value, what: "add-actor", allowed: ["id", "name", "kind", "attributes"]) else { return .init(edit: nil, mark: at) }
    var actor = Actor(id: "")
    for (k, _, v) in f {
      switch k {
      case "id": actor.id = Actor.ID(text(v, "actor id") ?? "")
      case "name": actor.name = text(v, "actor name") ?? ""
      case "kind":
        if let s = text(v, "kind") {
          if let kind = Actor.Kind(rawValue: s) { actor.kind = kind } else {
            let kinds = Actor.Kind.allCases.map(\.rawValue)
            report(v, "kind \"\(s)\" is not one of \(kinds.joined(separator: ", "))\(didYouMean(s, in: kinds))")
          }
        }
      default:
        if case let .mapping(attrs) = v {
          for (ak, av) in attrs { if let ks = ak.string, let vs = text(av, "attribute") { actor.attributes[ks] = vs } }
        } else {
          report(v, "attributes must be a mapping such as `{bloc: west}`")
        }
      }
    }
    if actor.name.isEmpty { actor.name = actor.id.rawValue }
    if actor.id.rawValue.isEmpty { report(value, "add-actor needs an `id:`"); return .init(edit: nil, mark: at) }
    return .init(edit: .addActor(actor), mark: valueMark)
  }

  /// `scale: {type, factor, among}`.
  private mutating func readScale(_ value: Node, at: ParsedScenarioFile.Mark) -> ParsedScenarioFile.ParsedEdit {
    let valueMark = mark(value)
    guard let f = entries(value, what: "scale", allowed: ["type", "factor", "among"]) else { return .init(edit: nil, mark: at) }
    var type: String?
    var factor: Double?
    var among: [Actor.ID]?
    for (k, _, v) in f {
      switch k {
      case "type": type = text(v, "type")
      case "factor": factor = number(v, "factor")
      default: among = list(v, "among").compactMap { text($0, "actor").map(Actor.ID.init(rawValue:)) }
      }
    }
    guard let type, let factor else {
      // A factor that is there but unreadable was reported by `number`; say only what is missing.
      let missing = [type == nil && !f.contains { $0.0 == "type" } ? "`type:`" : nil,
                     factor == nil && !f.contains { $0.0 == "factor" } ? "`factor:`" : nil].compactMap { $0 }
      if !missing.isEmpty { report(value, "scale needs \(missing.joined(separator: " and "))") }
      return .init(edit: nil, mark: at)
    }
    return .init(edit: .scaleType(type, factor: factor, among: among), mark: valueMark)
  }

  /// `add: {from, to, type, weight, …}`: a new relation, its sign from its type unless given.
  private mutating func readAdd(_ value: Node, at: ParsedScenarioFile.Mark) -> ParsedScenarioFile.ParsedEdit {
    let valueMark = mark(value)
    let keys = ["id", "from", "to", "type", "weight", "sign", "mutual", "since", "until", "source", "note"]
    guard let f = entries(value, what: "add", allowed: keys) else { return .init(edit: nil, mark: at) }
    var r = Relation(from: "", to: "", type: "", weight: 0, sign: .neutral)
    var explicitSign: Sign?
    for (k, _, v) in f {
      switch k {
      case "id": r.id = text(v, "relation id")
      case "from": r.from = Actor.ID(text(v, "from") ?? "")
      case "to": r.to = Actor.ID(text(v, "to") ?? "")
      case "type": r.type = text(v, "type") ?? ""
      case "weight":
        if case let .scalar(s) = v, s.string.contains("..") {
          r.weightRange = weightRange(v, text: s.string)
          r.weight = r.weightRange.map { $0.lowerBound / 2 + $0.upperBound / 2 } ?? .nan
        } else {
          r.weight = number(v, "weight") ?? .nan
        }
      case "sign": explicitSign = sign(v)
      case "mutual": r.mutual = flag(v, "mutual")
      case "since": r.since = date(v, "since")
      case "until": r.until = date(v, "until")
      case "source": r.source = text(v, "source")
      default: r.note = text(v, "note")
      }
    }
    for required in ["from", "to", "type", "weight"] where !f.contains(where: { $0.key == required }) {
      report(value, "add needs `\(required):`")
      return .init(edit: nil, mark: at)
    }
    // Without `sign:`, the sign is the type's polarity, known once the base world is read.
    if let explicitSign { r.sign = explicitSign }
    return .init(edit: .addRelation(r), signFromType: explicitSign == nil, mark: valueMark)
  }

  /// remove, reweight, retype, resign, redate: a reference to one relation plus at most one
  /// new value (or, for redate, the dates).
  private mutating func readRelationEdit(_ op: String, _ value: Node, at: ParsedScenarioFile.Mark) -> ParsedScenarioFile.ParsedEdit {
    let valueMark = mark(value)
    if op == "remove", case .scalar = value { return .init(edit: text(value, "relation id").map { .removeRelation(.id($0)) }, mark: valueMark) }
    let extra = ["reweight": "weight", "retype": "new-type", "resign": "sign"][op]
    guard let (ref, dateChanges, newValue) = readReference(op, value, extra: extra) else { return .init(edit: nil, mark: at) }
    if let extra, newValue == nil {
      report(value, "\(op) needs `\(extra):`")
      return .init(edit: nil, mark: at)
    }
    switch op {
    case "redate":
      guard !dateChanges.isEmpty else {
        report(value, "redate needs `since:` or `until:` (a date sets it, null clears it)")
        return .init(edit: nil, mark: at)
      }
      return .init(edit: .redate(ref, since: dateChanges["since"] ?? .keep, until: dateChanges["until"] ?? .keep), mark: valueMark)
    case "remove": return .init(edit: .removeRelation(ref), mark: valueMark)
    case "reweight":
      // `weight: 0.3..0.6` makes the strength uncertain (drawn by `scenario --samples`).
      if case let .scalar(s) = newValue!, s.string.contains("..") {
        return .init(edit: weightRange(newValue!, text: s.string).map { .reweightRange(ref, range: $0) }, mark: valueMark)
      }
      return .init(edit: number(newValue!, "weight").map { .reweight(ref, weight: $0) }, mark: valueMark)
    case "retype": return .init(edit: text(newValue!, "new-type").map { .retype(ref, type: $0) }, mark: valueMark)
    default: return .init(edit: sign(newValue!).map { .resign(ref, sign: $0) }, mark: valueMark)
    }
  }

  /// The relation an edit names (by `id:`, by `from:`/`to:`/`type:`/`ordinal:`, or by
  /// `from:` and `to:`), the dates a redate sets or clears, and the new value under `extra`;
  /// `nil` after reporting what is wrong.
  private mutating func readReference(
    _ op: String, _ value: Node, extra: String?
  ) -> (RelationReference, [String: DateChange], Node?)? {
    let dates = op == "redate" ? ["since", "until"] : []
    guard let f = entries(value, what: op, allowed: ["id", "from", "to", "type", "ordinal"] + (extra.map { [$0] } ?? []) + dates) else { return nil }
    var dateChanges: [String: DateChange] = [:]
    var id: String?
    var from: String?
    var to: String?
    var type: String?
    var ordinal: Double?
    var newValue: Node?
    for (k, _, v) in f {
      switch k {
      case "id": id = text(v, "relation id")
      case "from": from = text(v, "from")
      case "to": to = text(v, "to")
      case "type": type = text(v, "type")
      case "ordinal": ordinal = number(v, "ordinal")
      case "since", "until":
        // A date sets it; `null` (or `~`) clears it.
        if case let .scalar(sv) = v, ["", "~", "null"].contains(sv.string) { dateChanges[k] = .clear } else if let d = date(v, k) { dateChanges[k] = .set(d) }
      default: newValue = v
      }
    }
    if let id { return (.id(id), dateChanges, newValue) }
    if let from, let to, let type, let ordinal {
      // `ordinal: 2` names the second relation of that type from `from` to `to` (its key).
      guard ordinal >= 1, ordinal == ordinal.rounded(), ordinal < 1e9 else {
        report(value, "ordinal must be a whole number from 1 (the n-th \(from)→\(to) \(type) relation)")
        return nil
      }
      return (.key(RelationKey(from: Actor.ID(from), to: Actor.ID(to), type: type, ordinal: Int(ordinal))), dateChanges, newValue)
    }
    if let from, let to { return (.match(from: Actor.ID(from), to: Actor.ID(to), type: type), dateChanges, newValue) }
    report(value, "\(op) names a relation by `id:`, or by `from:` and `to:` (and `type:` when several join the pair)")
    return nil
  }

  mutating func number(_ node: Node, _ what: String) -> Double? {
    guard let s = text(node, what) else { return nil }
    guard let x = Double(s), x.isFinite else {
      report(node, "\(what) \"\(s)\" is not a finite number")
      return nil
    }
    return x
  }

  mutating func sign(_ node: Node) -> Sign? {
    guard let s = text(node, "sign") else { return nil }
    guard let sign = Sign(spelling: s) else {
      report(node, "sign \"\(s)\" is not one of cooperative, hostile, neutral")
      return nil
    }
    return sign
  }

  /// Resolves `extends:` chains and checks every edit against the base world, reporting at
  /// each edit's line and column.
  mutating func resolve(_ file: ParsedScenarioFile, base: World) -> [Scenario] {
    // Each scenario is resolved once, on top of its parent's resolved world: a chain of
    // 5,000 `extends:` was re-walked and re-applied for every scenario (quadratic, over 60 s).
    let byName = Dictionary(file.entries.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
    var done: [String: ResolvedScenario?] = [:]  // nil: broken or failed (reported where it happened)
    var result: [Scenario] = []
    for entry in file.entries {
      if done[entry.name] == nil {
        let (pending, start) = ancestry(of: entry, in: file, byName: byName, done: done, base: base)
        // Resolve from the topmost pending ancestor down to this scenario.
        var state = start
        for part in pending.reversed() {
          state = state.flatMap { apply(part, on: $0) }
          done[part.name] = .some(state)
        }
      }
      if let resolved = done[entry.name] ?? nil {
        result.append(Scenario(name: entry.name, title: entry.title, edits: resolved.edits, date: resolved.date))
      }
    }
    return result
  }

  /// Walks up `extends:` from `entry` to an ancestor already resolved (or the base): the
  /// scenarios on the way, `entry` first, and the state to resolve them from (`nil` after
  /// reporting an unknown parent or a cycle).
  private mutating func ancestry(
    of entry: ParsedScenarioFile.Entry, in file: ParsedScenarioFile, byName: [String: ParsedScenarioFile.Entry],
    done: [String: ResolvedScenario?], base: World
  ) -> (pending: [ParsedScenarioFile.Entry], start: ResolvedScenario?) {
    var pending = [entry]
    var onPath: [String: Int] = [entry.name: 0]
    var current = entry
    while let parent = current.extends {
      if let known = done[parent] { return (pending, known) }
      guard let next = byName[parent] else {
        report(at: current.extendsMark, "extends \"\(parent)\", which is not a scenario in this file\(didYouMean(parent, in: file.entries.map(\.name)))")
        return (pending, nil)
      }
      if let at = onPath[parent] {
        // Reported once, by the scenario whose `extends:` closes the cycle; at most 12 names.
        let cycle = pending[at...].map(\.name) + [parent]
        let shown = cycle.count > 12 ? cycle.prefix(6) + ["…"] + cycle.suffix(6) : cycle[...]
        report(at: current.extendsMark, "extends cycle of \(cycle.count - 1) scenarios: \(shown.joined(separator: " → ")); a scenario cannot extend itself, directly or through others")
        return (pending, nil)
      }
      onPath[parent] = pending.count
      pending.append(next)
      current = next
    }
    return (pending, ResolvedScenario(world: base, edits: [], date: nil))
  }

  /// One scenario's own edits on top of its parent's world; `nil` when one fails (reported
  /// at the edit, once: the scenarios extending it fail with it silently).
  private mutating func apply(_ part: ParsedScenarioFile.Entry, on parent: ResolvedScenario) -> ResolvedScenario? {
    var next = parent
    var failed = false
    for parsed in part.edits {
      if let date = parsed.date {
        next.date = date
        continue
      }
      guard var edit = parsed.edit else {
        failed = true
        continue
      }
      if case var .addRelation(r) = edit {
        if parsed.signFromType { r.sign = next.world.type(r.type)?.polarity ?? .neutral }
        // In an undirected world every relation runs both ways; say so (it read "B→C").
        if !next.world.directed { r.mutual = true }
        edit = .addRelation(r)
      }
      do {
        try next.world.apply(edit)
        next.edits.append(edit)
      } catch {
        report(at: parsed.mark, "\(error)")
        failed = true
      }
    }
    return failed ? nil : next
  }

  /// Every actor a question names must be in the base world.
  mutating func checkQuestions(_ marks: [(Actor.ID, ParsedScenarioFile.Mark)], _ q: Questions, base: World) {
    let ids = base.actors.map(\.id.rawValue)
    for (id, at) in marks where base.index(of: id) == nil {
      if base.isGroup(id) {
        do { _ = try base.members(of: id) } catch { report(at: at, "\(error)") }
      } else {
        report(at: at, "actor \"\(id)\" is not in the base world\(didYouMean(id.rawValue, in: ids))")
      }
    }
    if let types = q.lens.types {
      for t in types where base.type(t) == nil {
        report(at: .init(line: 0, column: 0), "questions: type \"\(t)\" is not declared in the base world\(didYouMean(t, in: base.types.map(\.id)))")
      }
    }
  }
}

/// A scenario resolved on top of its ancestors: its world, every edit from the base, its date.
private struct ResolvedScenario {
  var world: World
  var edits: [Edit]
  var date: PartialDate?
}
