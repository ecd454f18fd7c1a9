import Foundation
import Yams

/// Reads and validates world files in Statecraft's YAML format (`schema: 1`).
///
/// Validation reports every problem it finds, not just the first, each with its line and
/// column: unknown keys (a typo like `wieght` is an error), missing or malformed fields,
/// references to undeclared actors, types or sources, duplicate ids, bad dates and
/// `until` before `since`. The format is documented in `Graphs/README.md`.
public enum WorldYAML {
  /// The schema version this reader understands.
  public static let schemaVersion = 1

  /// Parses a world from YAML text.
  ///
  /// - Parameters:
  ///   - text: The file's contents.
  ///   - file: The path to name in error messages.
  ///   - defaultName: The world's name when the file gives none (usually the file's stem).
  /// - Throws: ``GraphFileError/invalid(file:problems:)`` listing every problem found.
  public static func parse(_ text: String, file: String, defaultName: String) throws -> World {
    var reader = YAMLReader()
    let root = try YAMLReader.compose(text, file: file, emptyMessage: "the file is empty; a world needs at least `schema: 1`")
    let world = reader.world(root, defaultName: defaultName)
    try reader.throwProblems(file: file)
    return world!
  }
}

/// Walks a YAML node tree collecting located problems; the world reader and the scenario
/// reader are built on it.
package struct YAMLReader {
  package var problems: [GraphFileError.Problem] = []

  /// A reader with no problems yet.
  package init() {}

  /// Parses YAML text into a node tree, or throws a located syntax error.
  package static func compose(_ text: String, file: String, emptyMessage: String) throws -> Node {
    // libyaml drops a byte-order mark anywhere in the text, so "\u{FEFF}B" would silently
    // become "B"; one at the very start is the file's own mark and is fine.
    let bom: Character = "\u{FEFF}"
    if let at = text.dropFirst(text.first == bom ? 1 : 0).firstIndex(of: bom) {
      let before = text[..<at]
      let line = before.count(where: { $0 == "\n" }) + 1
      let column = before.unicodeScalars.reversed().prefix { $0 != "\n" }.count + 1
      throw GraphFileError.invalid(file: file, problems: [.init(
        line: line, column: column,
        message: "a byte-order mark (U+FEFF, invisible) inside the text; YAML would drop it silently and merge ids that differ only by it, so remove it")])
    }
    if let (line, column) = complexKey(in: text) {
      throw GraphFileError.invalid(file: file, problems: [.init(
        line: line, column: column,
        message: "a mapping key that is a collection or an alias (`? …`, `{…}: …`, `*name: …`); world and scenario files use plain keys, and such keys can make a file of a few hundred bytes take exponential time")])
    }
    let root: Node?
    do {
      root = try Yams.compose(yaml: text)
    } catch let error as YamlError {
      throw GraphFileError.invalid(file: file, problems: [problem(from: error)])
    }
    guard let root else {
      throw GraphFileError.invalid(file: file, problems: [.init(line: 1, column: 1, message: emptyMessage)])
    }
    return root
  }

  /// The line and column of the first mapping key that is not a plain scalar: an explicit
  /// key (`? `), a flow collection used as a key (`{…}: `, `[…]: `) or an alias used as one
  /// (`*name: `).
  ///
  /// Yams hashes every mapping key to find duplicates, and a key that is a collection whose
  /// values alias ever larger anchored collections hashes in exponential time (681 bytes ran
  /// forever), before any of Statecraft's own checks. This scan runs first, in linear time;
  /// quoted scalars, comments and block scalars (`|`, `>`) are skipped.
  static func complexKey(in text: String) -> (line: Int, column: Int)? {
    var scanner = ComplexKeyScanner()
    for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      if let column = scanner.scan(Array(raw.utf8)) { return (n + 1, column) }
    }
    return nil
  }

  /// Throws every problem collected so far, in file order.
  package func throwProblems(file: String) throws {
    if !problems.isEmpty {
      throw GraphFileError.invalid(file: file, problems: problems.sorted { ($0.line, $0.column) < ($1.line, $1.column) })
    }
  }

  static func problem(from error: YamlError) -> GraphFileError.Problem {
    switch error {
    case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _),
      let .composer(_, problem, mark, _):
      return .init(
        line: mark.line, column: mark.column,
        message: "YAML syntax error: \(problem); check indentation, colons and quotes")
    case let .duplicatedKeysInMapping(duplicates, context):
      return .init(
        line: context.mark.line, column: context.mark.column,
        message: "duplicate key \(duplicates.map { "\"\($0)\"" }.joined(separator: ", ")) in one mapping; keep one")
    case let .reader(problem, _, _, _):
      return .init(line: 0, column: 0, message: "cannot read the file: \(problem); save it as UTF-8")
    default:
      return .init(line: 0, column: 0, message: "YAML error: \(error)")
    }
  }

  package mutating func report(_ node: Node?, _ message: String) {
    let mark = node?.mark
    problems.append(.init(line: mark?.line ?? 0, column: mark?.column ?? 0, message: message))
  }

  /// A mapping's entries with their key nodes, after checking for unknown keys.
  package mutating func entries(
    _ node: Node, what: String, allowed: [String]
  ) -> [(key: String, keyNode: Node, value: Node)]? {
    guard case let .mapping(mapping) = node else {
      report(node, "\(what) must be a mapping of `key: value` lines")
      return nil
    }
    var result: [(key: String, keyNode: Node, value: Node)] = []
    var previous: String?
    for (k, v) in mapping {
      guard case let .scalar(key) = k else {
        report(k, "\(what) has a key that is not plain text")
        continue
      }
      defer { previous = key.string }
      // In `{note: drones, components}` the comma ends the note and "components" becomes a
      // key without a value: say so once, instead of "unknown key" for every piece.
      if !allowed.contains(key.string), case let .scalar(value) = v, value.string.isEmpty || value.string == "null",
        let previous, allowed.contains(previous)
      {
        report(k, "\"\(key.string)\" reads as a key because a comma in the \(previous) value split it; put the whole \(previous) in quotes, for example \(previous): \"…, \(key.string)\"")
        return nil
      }
      if !allowed.contains(key.string) {
        report(
          k,
          "unknown key \"\(key.string)\" in \(what)\(didYouMean(key.string, in: allowed)); "
            + "allowed keys: \(allowed.joined(separator: ", "))")
        continue
      }
      result.append((key.string, k, v))
    }
    return result
  }

  /// A scalar's text, or a reported problem.
  package mutating func text(_ node: Node, _ what: String) -> String? {
    guard case let .scalar(s) = node else {
      report(node, "\(what) must be a single value, not a list or mapping")
      return nil
    }
    if s.tag.rawValue == Tag.Name.null.rawValue && s.style == .plain
      && ["", "~", "null", "Null", "NULL"].contains(s.string)
    {
      report(node, "\(what) is empty; give a value")
      return nil
    }
    return s.string
  }

  package mutating func list(_ node: Node, _ what: String) -> [Node] {
    if case let .scalar(s) = node, ["", "~", "null"].contains(s.string) { return [] }
    guard case let .sequence(seq) = node else {
      report(node, "\(what) must be a list, with one `- ` entry per item")
      return []
    }
    return Array(seq)
  }

  package mutating func date(_ node: Node, _ what: String) -> PartialDate? {
    guard let s = text(node, what) else { return nil }
    guard let d = PartialDate(s) else {
      report(node, "\(what) \"\(s)\" is not a date; write YYYY, YYYY-MM or YYYY-MM-DD (for example 2025-04-07)")
      return nil
    }
    return d
  }

  mutating func world(_ root: Node, defaultName: String) -> World? {
    let keys = [
      "schema", "name", "title", "date", "description", "directed", "sources", "types", "actors",
      "relations",
    ]
    guard let top = entries(root, what: "the world file", allowed: keys) else { return nil }
    let field = Dictionary(top.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })

    if let schema = field["schema"] {
      if let s = text(schema.value, "schema"), Int(s) != WorldYAML.schemaVersion {
        report(
          schema.value,
          "schema version \"\(s)\" is not supported; this version of Statecraft reads schema \(WorldYAML.schemaVersion)")
      }
    } else {
      report(root, "the file has no `schema:` line; add `schema: \(WorldYAML.schemaVersion)` at the top")
    }
    var name = defaultName
    var title: String?
    var date: PartialDate?
    var description: String?
    if let f = field["name"], let s = text(f.value, "name") { name = s }
    if let f = field["title"] { title = text(f.value, "title") }
    if let f = field["date"] { date = self.date(f.value, "date") }
    if let f = field["description"] { description = text(f.value, "description") }
    var directed = true
    if let f = field["directed"], let s = text(f.value, "directed") {
      switch s.lowercased() {
      case "true", "yes": directed = true
      case "false", "no": directed = false
      default: report(f.value, "directed \"\(s)\" must be true or false")
      }
    }

    var sources: [Source] = []
    var types: [RelationType] = []
    var actors: [Actor] = []
    var relations = RelationStore()
    if let f = field["sources"] { sources = readSources(f.value) }
    if let f = field["types"] { types = readTypes(f.value) }
    if let f = field["actors"] { actors = readActors(f.value) } else {
      report(root, "the world has no `actors:` list; declare at least one actor")
    }
    if let f = field["relations"] {
      relations = RelationStore(readRelations(f.value, actors: actors, types: types, sources: sources, directed: directed))
    }

    return World(
      name: name, title: title, date: date, description: description, directed: directed, actors: actors,
      store: relations, types: types, sources: sources)
  }

  /// Records an id, reporting a duplicate with the line of the first declaration.
  mutating func claim(
    _ id: String, node: Node, kind: String, seen: inout [ScalarKey: Int]
  ) -> Bool {
    if let first = seen[ScalarKey(id)] {
      report(node, "duplicate \(kind) id \"\(id)\" (first declared at line \(first)); ids must be unique")
      return false
    }
    seen[ScalarKey(id)] = node.mark?.line ?? 0
    return true
  }

  mutating func readSources(_ node: Node) -> [Source] {
    var seen: [ScalarKey: Int] = [:]
    var result: [Source] = []
    for item in list(node, "sources") {
      guard let e = entries(item, what: "a source", allowed: ["id", "title", "publisher", "date", "url"])
      else { continue }
      var id: String?
      var title: String?
      var source = Source(id: "", title: "")
      for (key, _, value) in e {
        switch key {
        case "id": id = text(value, "source id")
          if let i = id, !claim(i, node: value, kind: "source", seen: &seen) { id = nil }
        case "title": title = text(value, "source title")
        case "publisher": source.publisher = text(value, "source publisher")
        case "date": source.date = date(value, "source date")
        default: source.url = text(value, "source url")
        }
      }
      if !e.contains(where: { $0.key == "id" }) { report(item, "a source needs an `id:`") }
      if !e.contains(where: { $0.key == "title" }) { report(item, "a source needs a `title:`") }
      if let id, let title {
        source.id = id
        source.title = title
        result.append(source)
      }
    }
    return result
  }

  mutating func readTypes(_ node: Node) -> [RelationType] {
    var seen: [ScalarKey: Int] = [:]
    var result: [RelationType] = []
    let allowed = ["id", "polarity", "mode", "color", "description"]
    for item in list(node, "types") {
      guard let e = entries(item, what: "a relation type", allowed: allowed) else { continue }
      var id: String?
      var polarity: Sign?
      var type = RelationType(id: "", polarity: .neutral)
      for (key, _, value) in e {
        switch key {
        case "id": id = text(value, "type id")
          if let i = id, !claim(i, node: value, kind: "relation type", seen: &seen) { id = nil }
        case "polarity":
          if let s = text(value, "polarity") {
            polarity = Sign(spelling: s)
            if polarity == nil {
              report(value, "polarity \"\(s)\" is not one of cooperative, hostile, neutral")
            }
          }
        case "mode":
          if let s = text(value, "mode") {
            if let m = RelationType.Mode(rawValue: s) { type.mode = m } else {
              report(value, "mode \"\(s)\" is not one of material, verbal")
            }
          }
        case "color":
          if let s = text(value, "color") {
            if isHexColor(s) { type.color = s } else {
              report(value, "color \"\(s)\" is not a colour; write #rrggbb, for example \"#1b7837\" (quoted)")
            }
          }
        default: type.description = text(value, "type description")
        }
      }
      if !e.contains(where: { $0.key == "id" }) { report(item, "a relation type needs an `id:`") }
      if !e.contains(where: { $0.key == "polarity" }) {
        report(item, "a relation type needs a `polarity:` (cooperative, hostile or neutral)")
      }
      if let id, let polarity {
        type.id = id
        type.polarity = polarity
        result.append(type)
      }
    }
    return result
  }

  mutating func readActors(_ node: Node) -> [Actor] {
    var seen: [ScalarKey: Int] = [:]
    var result: [Actor] = []
    let kinds = Actor.Kind.allCases.map(\.rawValue)
    for item in list(node, "actors") {
      guard let e = entries(item, what: "an actor", allowed: ["id", "name", "kind", "attributes"])
      else { continue }
      var id: String?
      var actor = Actor(id: "")
      var name: String?
      for (key, _, value) in e {
        switch key {
        case "id":
          id = text(value, "actor id")
          if let i = id {
            if let problem = Actor.ID.problem(in: i) {
              report(value, problem)
              id = nil
            } else if !claim(i, node: value, kind: "actor", seen: &seen) {
              id = nil
            }
          }
        case "name": name = text(value, "actor name")
        case "kind":
          if let s = text(value, "kind") {
            if let k = Actor.Kind(rawValue: s) { actor.kind = k } else {
              report(value, "kind \"\(s)\" is not one of \(kinds.joined(separator: ", "))\(didYouMean(s, in: kinds))")
            }
          }
        default:
          guard case let .mapping(attrs) = value else {
            report(value, "attributes must be a mapping such as `{bloc: west, region: Asia}`")
            continue
          }
          for (k, v) in attrs {
            guard case let .scalar(ks) = k, let vs = text(v, "attribute \"\(k.string ?? "")\"") else {
              continue
            }
            if let problem = GeoAttributes.problem(attribute: ks.string, value: vs) { report(v, problem) }
            actor.attributes[ks.string] = vs
          }
          if let half = GeoAttributes.unpaired(actor.attributes) {
            report(value, half.message)
          }
        }
      }
      if !e.contains(where: { $0.key == "id" }) { report(item, "an actor needs an `id:`") }
      if let id {
        actor.id = Actor.ID(id)
        actor.name = name ?? id
        result.append(actor)
      }
    }
    return result
  }

  mutating func readRelations(
    _ node: Node, actors: [Actor], types: [RelationType], sources: [Source], directed: Bool
  ) -> [Relation] {
    var seenIDs: [ScalarKey: Int] = [:]
    let known = RelationVocabulary(actors: actors, types: types, sources: sources)
    let allowed = ["id", "from", "to", "type", "weight", "sign", "mutual", "since", "until", "source", "note"]
    var result: [Relation] = []
    for item in list(node, "relations") {
      guard let e = entries(item, what: "a relation", allowed: allowed) else { continue }
      if let relation = readRelation(item, e, known: known, directed: directed, seenIDs: &seenIDs) {
        result.append(relation)
      }
    }
    return result
  }

  /// One relation entry, key by key; `nil` when any key has a problem (all are reported).
  private mutating func readRelation(
    _ item: Node, _ e: [(key: String, keyNode: Node, value: Node)], known: RelationVocabulary, directed: Bool,
    seenIDs: inout [ScalarKey: Int]
  ) -> Relation? {
    var relation = Relation(from: "", to: "", type: "", weight: 0, sign: .neutral, mutual: !directed)
    var ok = true
    var explicitSign: Sign?
    var untilNode: Node?
    for required in ["from", "to", "type", "weight"] where !e.contains(where: { $0.key == required }) {
      report(item, "a relation needs `\(required):`")
      ok = false
    }
    for (key, _, value) in e {
      let fine: Bool
      switch key {
      case "id": fine = relationID(value, into: &relation, seen: &seenIDs)
      case "from", "to": fine = relationEnd(key, value, into: &relation, known: known)
      case "type", "source": fine = relationDeclared(key, value, into: &relation, known: known)
      case "weight": fine = relationWeight(value, into: &relation)
      case "sign":
        guard let s = text(value, "sign") else { ok = false; continue }
        explicitSign = Sign(spelling: s)
        if explicitSign == nil { report(value, "sign \"\(s)\" is not one of cooperative, hostile, neutral") }
        fine = explicitSign != nil
      case "mutual": fine = relationMutual(value, into: &relation, directed: directed)
      case "since":
        relation.since = date(value, "since")
        fine = true
      case "until":
        untilNode = value
        relation.until = date(value, "until")
        fine = true
      default:
        relation.note = text(value, "note")
        fine = true
      }
      if !fine { ok = false }
    }
    if let since = relation.since, let until = relation.until, PartialDate.reversed(since: since, until: until) {
      report(untilNode, "until \(until) is before since \(since); swap them or fix the dates")
      ok = false
    }
    if let explicitSign {
      relation.sign = explicitSign
    } else if let sign = known.polarity[ScalarKey(relation.type)] {
      relation.sign = sign
    }
    return ok ? relation : nil
  }

  /// `id:` a non-empty id no other relation has (kept even when it is a duplicate).
  private mutating func relationID(_ value: Node, into relation: inout Relation, seen: inout [ScalarKey: Int]) -> Bool {
    guard let s = text(value, "relation id") else { return false }
    var fine = true
    if s.isEmpty || !claim(s, node: value, kind: "relation", seen: &seen) {
      if s.isEmpty { report(value, "a relation id must not be empty") }
      fine = false
    }
    relation.id = s
    return fine
  }

  /// A name that must be declared: its text and whether it is among `known` (if not, the
  /// problem is reported with a did-you-mean from `ids`); `nil` when the value is no text.
  private mutating func reference(
    _ value: Node, _ what: String, _ known: ScalarKeySet, _ ids: [String],
    problem: (_ name: String, _ suggestion: String) -> String
  ) -> (text: String, declared: Bool)? {
    guard let s = text(value, what) else { return nil }
    guard known.contains(s) else {
      report(value, problem(s, didYouMean(s, in: ids)))
      return (s, false)
    }
    return (s, true)
  }

  /// `from:` or `to:`, a declared actor.
  private mutating func relationEnd(_ key: String, _ value: Node, into relation: inout Relation, known: RelationVocabulary) -> Bool {
    let role = key == "from" ? "source" : "target"
    guard let (s, declared) = reference(value, "relation \(role)", known.actors, known.actorIDs, problem: {
      "relation \(role) \"\($0)\" is not an actor\($1); declare it under `actors:` or fix the id"
    }) else { return false }
    if key == "from" { relation.from = Actor.ID(s) } else { relation.to = Actor.ID(s) }
    return declared
  }

  /// `type:` or `source:`, a declared relation type or source key.
  private mutating func relationDeclared(_ key: String, _ value: Node, into relation: inout Relation, known: RelationVocabulary) -> Bool {
    let isType = key == "type"
    let found = isType
      ? reference(value, "relation type", known.types, known.typeIDs, problem: {
        "relation type \"\($0)\" is not declared\($1); add it under `types:` or fix the name"
      })
      : reference(value, "source", known.sources, known.sourceIDs, problem: {
        "source \"\($0)\" is not declared\($1); add it under `sources:` or fix the key"
      })
    guard let (s, declared) = found else { return false }
    if isType { relation.type = s } else { relation.source = s }
    return declared
  }

  /// `weight:`, a positive finite number or a range (`0.4..0.7`, `{low:, high:}`; the
  /// relation's weight is then its middle).
  private mutating func relationWeight(_ value: Node, into relation: inout Relation) -> Bool {
    var rangeText: String?
    if case .mapping = value {} else {
      guard let s = text(value, "weight") else { return false }
      guard s.contains("..") else { return relationWeight(s, value, into: &relation) }
      rangeText = s
    }
    guard let range = weightRange(value, text: rangeText) else { return false }
    relation.weightRange = range
    relation.weight = range.lowerBound / 2 + range.upperBound / 2  // halves first: 1e308 + 1.7e308 overflows
    return true
  }

  /// A single weight: a finite number greater than 0.
  private mutating func relationWeight(_ s: String, _ value: Node, into relation: inout Relation) -> Bool {
    guard let w = Double(decimal: s), w.isFinite else {
      report(value, "weight \"\(s)\" is not a finite number; give the tie's strength as a positive number such as 0.6")
      return false
    }
    guard w > 0 else {
      report(value, "weight \(s) must be greater than 0; a weight is the tie's strength (use `sign:` or a hostile type for hostility)")
      return false
    }
    relation.weight = w
    return true
  }

  /// `mutual:` true or false (false only in a directed world).
  private mutating func relationMutual(_ value: Node, into relation: inout Relation, directed: Bool) -> Bool {
    guard let s = text(value, "mutual") else { return false }
    switch s.lowercased() {
    case "true", "yes": relation.mutual = true
    case "false", "no":
      guard directed else {
        report(value, "mutual: false in a world declared `directed: false`; every relation there is mutual (drop the key, or declare the world directed)")
        return false
      }
      relation.mutual = false
    default:
      report(value, "mutual \"\(s)\" must be true or false")
      return false
    }
    return true
  }
}

/// What a world's relations may name: its actors, types (with their polarity) and sources,
/// as lists for suggestions and as sets for lookups.
private struct RelationVocabulary {
  let actorIDs: [String]
  let typeIDs: [String]
  let sourceIDs: [String]
  let actors: ScalarKeySet
  let types: ScalarKeySet
  let sources: ScalarKeySet
  let polarity: [ScalarKey: Sign]

  init(actors: [Actor], types: [RelationType], sources: [Source]) {
    actorIDs = actors.map(\.id.rawValue)
    typeIDs = types.map(\.id)
    sourceIDs = sources.map(\.id)
    self.actors = ScalarKeySet(actorIDs)
    self.types = ScalarKeySet(typeIDs)
    self.sources = ScalarKeySet(sourceIDs)
    polarity = Dictionary(types.map { (ScalarKey($0.id), $0.polarity) }, uniquingKeysWith: { a, _ in a })
  }
}

extension YAMLReader {
  /// A weight range, `0.4..0.7` or `{low: 0.4, high: 0.7}`: both ends finite, low > 0,
  /// low ≤ high (equal ends: an exact weight).
  package mutating func weightRange(_ node: Node, text: String? = nil) -> ClosedRange<Double>? {
    var low: Double?
    var high: Double?
    var lowText = ""
    var highText = ""
    if let text {
      let parts = text.components(separatedBy: "..")
      guard parts.count == 2 else {
        report(node, "weight range \"\(text)\" must read LOW..HIGH, for example 0.4..0.7")
        return nil
      }
      lowText = parts[0].trimmingCharacters(in: .whitespaces)
      highText = parts[1].trimmingCharacters(in: .whitespaces)
    } else {
      guard let e = entries(node, what: "a weight range", allowed: ["low", "high"]) else { return nil }
      for (key, _, value) in e {
        let t = self.text(value, "weight \(key)") ?? ""
        if key == "low" { lowText = t } else { highText = t }
      }
    }
    low = Double(decimal: lowText)
    high = Double(decimal: highText)
    guard let low, let high, low.isFinite, high.isFinite else {
      report(node, "weight range \"\(lowText)..\(highText)\" needs two finite numbers, for example 0.4..0.7 or {low: 0.4, high: 0.7}")
      return nil
    }
    guard low > 0 else {
      report(node, "weight range starts at \(lowText); the low end must be greater than 0 (a weight is a strength)")
      return nil
    }
    guard low <= high else {
      report(node, "weight range \(lowText)..\(highText) has low > high; write the smaller number first")
      return nil
    }
    return low ... high
  }
}

/// Whether `s` is `#rrggbb` or `#rrggbbaa`.
func isHexColor(_ s: String) -> Bool {
  s.first == "#" && (s.count == 7 || s.count == 9) && s.dropFirst().allSatisfy(\.isHexDigit)
}

extension Node {
  var string: String? { if case let .scalar(s) = self { s.string } else { nil } }
}

/// The cursor of ``YAMLReader/complexKey(in:)``: what carries from line to line (an open
/// block scalar, an open quoted scalar) and the position within the current line.
private struct ComplexKeyScanner {
  /// Inside a block scalar: lines indented deeper than this belong to it.
  var blockIndent: Int?
  /// An open quoted scalar may continue onto the next line.
  var quote: UInt8?
  var line: [UInt8] = []
  var indent = 0
  var i = 0
  /// The last character outside quotes, spaces skipped.
  var lastSignificant: UInt8?

  /// The column of the first complex key on `line`, if any.
  mutating func scan(_ line: [UInt8]) -> Int? {
    self.line = line
    indent = line.prefix { $0 == 0x20 }.count
    if let b = blockIndent {
      if indent > b || line.allSatisfy({ $0 == 0x20 || $0 == 0x0D }) { return nil }
      blockIndent = nil
    }
    i = 0
    lastSignificant = nil
    while i < line.count {
      if let q = quote {
        stepQuoted(q)
      } else if let column = stepPlain() {
        return column
      }
    }
    return nil
  }

  private func column(_ at: Int) -> Int { String(decoding: line[..<at], as: UTF8.self).unicodeScalars.count + 1 }

  /// Whether a `:` that ends a key follows `at`, after spaces.
  private func colonFollows(_ at: Int) -> Bool {
    var k = at
    while k < line.count && line[k] == 0x20 { k += 1 }
    guard k < line.count, line[k] == UInt8(ascii: ":") else { return false }
    return k + 1 == line.count || [0x20, 0x0D, UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]")].contains(line[k + 1])
  }

  /// One character inside a quoted scalar: `''` escapes `'`, `\` escapes in double quotes.
  private mutating func stepQuoted(_ q: UInt8) {
    let c = line[i]
    if c == q {
      if q == UInt8(ascii: "'") && i + 1 < line.count && line[i + 1] == q {
        i += 2  // '' escapes '
        return
      }
      quote = nil
      lastSignificant = c
    } else if c == UInt8(ascii: "\\") && q == UInt8(ascii: "\"") {
      i += 1
    }
    i += 1
  }

  /// One token outside quotes; the column of a complex key starting there, if it is one.
  private mutating func stepPlain() -> Int? {
    let c = line[i]
    switch c {
    case UInt8(ascii: "\""), UInt8(ascii: "'"):
      quote = c
    case UInt8(ascii: "#") where i == 0 || line[i - 1] == 0x20:
      i = line.count
      return nil
    case UInt8(ascii: "?") where (i + 1 == line.count || line[i + 1] == 0x20)
      && (lastSignificant == nil || [UInt8(ascii: "{"), UInt8(ascii: "["), UInt8(ascii: ","), UInt8(ascii: "-")].contains(lastSignificant!)):
      return column(i)
    case UInt8(ascii: "*"):
      var k = i + 1
      while k < line.count, ![0x20, UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}"), UInt8(ascii: ":")].contains(line[k]) { k += 1 }
      if colonFollows(k) { return column(i) }
      i = k
      lastSignificant = UInt8(ascii: "*")
      return nil
    case UInt8(ascii: "}"), UInt8(ascii: "]"):
      if colonFollows(i + 1) { return column(i) }
    case UInt8(ascii: "|") where lastSignificant == UInt8(ascii: ":") || lastSignificant == UInt8(ascii: "-"),
      UInt8(ascii: ">") where lastSignificant == UInt8(ascii: ":") || lastSignificant == UInt8(ascii: "-"):
      // A block scalar starts: its lines follow, indented deeper than this one.
      blockIndent = indent
      i = line.count
      return nil
    default:
      break
    }
    if c != 0x20 { lastSignificant = c }
    i += 1
    return nil
  }
}
