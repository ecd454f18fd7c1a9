import Foundation

/// A typed attribute value as interchange formats store them.
public enum AttributeValue: Hashable, Sendable {
  case string(String)
  case double(Double)
  case int(Int)
  case bool(Bool)

  /// The value as text (numbers in shortest round-trip form).
  public var text: String {
    switch self {
    case let .string(s): s
    case let .double(d): d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) + ".0" : "\(d)"
    case let .int(i): String(i)
    case let .bool(b): b ? "true" : "false"
    }
  }

  /// The value as a number, if it is one (or a numeric string).
  public var number: Double? {
    switch self {
    case let .double(d): d
    case let .int(i): Double(i)
    case let .string(s): Double(decimal: s.trimmingCharacters(in: .whitespaces))
    case .bool: nil
    }
  }
}

/// A format-neutral, flat view of a world: graph, node and edge attributes as name–value
/// pairs. Every interchange format maps to and from this, so the world ↔ attributes
/// conventions live in one place:
///
/// - graph: `name`, `title`, `date`, `description`, and `statecraft_types` /
///   `statecraft_sources` (JSON arrays of the declared relation types and sources);
/// - nodes: `id`, `name`, `kind`, then every actor attribute;
/// - edges: one per relation: `type`, `weight`, `sign` (−1, 0, 1), `mutual` (directed
///   graphs only), `since`, `until`, `citation` (the source key; not `source`, which
///   node-link JSON uses for the edge's tail), `note`.
///
/// A world whose relations are all mutual becomes an undirected graph (one edge per relation).
public struct FlatGraph: Sendable {
  /// One node: its id and attributes.
  public struct Node: Sendable {
    /// The node's id (an actor's id).
    public var id: String
    /// The node's attributes as name–value pairs, in order.
    public var attributes: [(String, AttributeValue)]
    /// Where the node was declared (line, column), for error messages; 0 when unknown.
    public var line = 0
    /// The column of that declaration; 0 when unknown.
    public var column = 0

    /// A node with its attributes and, when known, where it was declared.
    public init(id: String, attributes: [(String, AttributeValue)], line: Int = 0, column: Int = 0) {
      self.id = id
      self.attributes = attributes
      self.line = line
      self.column = column
    }
  }

  /// One edge: its end nodes by id, and its attributes.
  public struct Edge: Sendable {
    /// The id of the node the edge starts from (its tail).
    public var source: String
    /// The id of the node the edge goes to (its head).
    public var target: String
    /// The edge's attributes as name–value pairs, in order.
    public var attributes: [(String, AttributeValue)]
    /// Where the edge was declared (line, column), for error messages; 0 when unknown.
    public var line = 0
    /// The column of that declaration; 0 when unknown.
    public var column = 0

    /// An edge with its attributes and, when known, where it was declared.
    public init(source: String, target: String, attributes: [(String, AttributeValue)], line: Int = 0, column: Int = 0) {
      self.source = source
      self.target = target
      self.attributes = attributes
      self.line = line
      self.column = column
    }
  }

  /// Whether edges are directed.
  public var directed: Bool
  /// Graph-level attributes as name–value pairs, in order.
  public var graph: [(String, AttributeValue)]
  /// The nodes, in order.
  public var nodes: [Node]
  /// The edges, in order.
  public var edges: [Edge]

  /// A flat graph; graph attributes, nodes and edges default to none.
  public init(directed: Bool, graph: [(String, AttributeValue)] = [], nodes: [Node] = [], edges: [Edge] = []) {
    self.directed = directed
    self.graph = graph
    self.nodes = nodes
    self.edges = edges
  }

  /// Whether two edges join the same ordered pair (a multigraph).
  public var hasParallelEdges: Bool {
    var seen = Set<[String]>()
    for e in edges {
      let key = directed ? [e.source, e.target] : [min(e.source, e.target), max(e.source, e.target)]
      if !seen.insert(key).inserted { return true }
    }
    return false
  }

  /// The attribute names used on nodes / edges, in first-seen order, with the type of the
  /// first value seen (formats with typed keys declare them up front).
  public func attributeKeys(forEdges: Bool) -> [(String, AttributeValue)] {
    var keys: [(String, AttributeValue)] = []
    for attributes in forEdges ? edges.map(\.attributes) : nodes.map(\.attributes) {
      for (k, v) in attributes where !keys.contains(where: { $0.0 == k }) { keys.append((k, v)) }
    }
    return keys
  }
}

// MARK: - World → FlatGraph

extension World {
  /// The world as flat attributes, losing nothing (see ``FlatGraph``).
  /// - Complexity: O(*n* + *m*) (every attribute of every actor and relation).
  public func flattened() -> FlatGraph {
    var flat = flattenedHeader()
    flat.edges = relations.map { r in
      FlatGraph.Edge(source: r.from.rawValue, target: r.to.rawValue, attributes: edgeAttributes(r, undirected: !flat.directed))
    }
    return flat
  }

  /// Graph and node attributes only: writers stream the edges with ``edgeAttributes(_:undirected:)``.
  /// - Complexity: O(*n*) plus the graph's attributes.
  public func flattenedHeader() -> FlatGraph {
    var graph: [(String, AttributeValue)] = [("name", .string(name)), ("title", .string(title))]
    if let date { graph.append(("date", .string(date.description))) }
    if let description { graph.append(("description", .string(description))) }
    graph.append(("statecraft_types", .string(Self.typesJSON(types))))
    graph.append(("statecraft_sources", .string(Self.sourcesJSON(sources))))
    let nodes = actors.map { a in
      FlatGraph.Node(
        id: a.id.rawValue,
        attributes: [("name", .string(a.name)), ("kind", .string(a.kind.rawValue))]
          + a.attributes.keys.sorted().map { (Self.attributeKey($0), .string(a.attributes[$0]!)) })
    }
    return FlatGraph(directed: directed, graph: graph, nodes: nodes, edges: [])
  }

  /// One relation's edge attributes (see ``FlatGraph``).
  /// - Complexity: O(attributes of `r`).
  public func edgeAttributes(_ r: Relation, undirected: Bool) -> [(String, AttributeValue)] {
    var attributes: [(String, AttributeValue)] = [
      ("type", .string(r.type)), ("weight", .double(r.weight)), ("sign", .int(r.sign.rawValue)),
    ]
    if !undirected { attributes.append(("mutual", .bool(r.mutual))) }
    if let since = r.since { attributes.append(("since", .string(since.description))) }
    if let until = r.until { attributes.append(("until", .string(until.description))) }
    if let source = r.source { attributes.append(("citation", .string(source))) }
    if let note = r.note { attributes.append(("note", .string(note))) }
    if let id = r.id { attributes.append(("statecraft_id", .string(id))) }
    if let range = r.weightRange {
      attributes.append(("statecraft_weight_low", .double(range.lowerBound)))
      attributes.append(("statecraft_weight_high", .double(range.upperBound)))
    }
    return attributes
  }

  /// The edge attribute names (and a sample value for their type) any relation uses, in
  /// the order of ``edgeAttributes(_:undirected:)``.
  /// - Complexity: O(*m*): one pass to find the attributes relations use.
  public func edgeAttributeKeys(undirected: Bool) -> [(String, AttributeValue)] {
    var keys: [(String, AttributeValue)] = [("type", .string("")), ("weight", .double(0)), ("sign", .int(0))]
    if !undirected { keys.append(("mutual", .bool(false))) }
    for (name, present) in [
      ("since", relations.contains { $0.since != nil }), ("until", relations.contains { $0.until != nil }),
      ("citation", relations.contains { $0.source != nil }), ("note", relations.contains { $0.note != nil }),
      ("statecraft_id", relations.contains { $0.id != nil }),
    ] where present {
      keys.append((name, .string("")))
    }
    if relations.contains(where: { $0.weightRange != nil }) {
      keys += [("statecraft_weight_low", .double(0)), ("statecraft_weight_high", .double(0))]
    }
    return relations.isEmpty ? [] : keys
  }

  /// Free actor attributes whose names the formats or Statecraft use themselves (a node's
  /// `id`, `name`, `kind`, `label`, NetworkX's link keys, Statecraft's own) are written under
  /// this prefix, so an attribute called `name` never overwrites the actor's name.
  static let attributePrefix = "statecraft_attr_"
  static let reservedAttributeNames: Set<String> = ["id", "name", "kind", "label", "source", "target", "key", "weight"]

  /// The key a free actor attribute is written under.
  static func attributeKey(_ name: String) -> String {
    reservedAttributeNames.contains(name) || name.hasPrefix("statecraft_") ? attributePrefix + name : name
  }

  static func typesJSON(_ types: [RelationType]) -> String {
    let items = types.map { t -> String in
      var fields = ["\"id\": \(jsonQuoted(t.id))", "\"polarity\": \(jsonQuoted(t.polarity.word))", "\"mode\": \(jsonQuoted(t.mode.rawValue))"]
      if let c = t.color { fields.append("\"color\": \(jsonQuoted(c))") }
      if let d = t.description { fields.append("\"description\": \(jsonQuoted(d))") }
      return "{" + fields.joined(separator: ", ") + "}"
    }
    return "[" + items.joined(separator: ", ") + "]"
  }

  static func sourcesJSON(_ sources: [Source]) -> String {
    let items = sources.map { s -> String in
      var fields = ["\"id\": \(jsonQuoted(s.id))", "\"title\": \(jsonQuoted(s.title))"]
      if let p = s.publisher { fields.append("\"publisher\": \(jsonQuoted(p))") }
      if let d = s.date { fields.append("\"date\": \(jsonQuoted(d.description))") }
      if let u = s.url { fields.append("\"url\": \(jsonQuoted(u))") }
      return "{" + fields.joined(separator: ", ") + "}"
    }
    return "[" + items.joined(separator: ", ") + "]"
  }
}

// MARK: - FlatGraph → World

extension FlatGraph {
  /// Builds a world, applying the conventions of ``FlatGraph`` and filling gaps with
  /// defaults: a node without `name` is named by its id, a node without a valid `kind` is
  /// `other`, an edge without `type` is a `tie`, without `weight` has strength 1. A
  /// negative weight without a `sign` becomes a hostile tie of that magnitude. Everything
  /// dropped or guessed is recorded in `notes`.
  ///
  /// - Throws: ``GraphFileError/invalid(file:problems:)`` for edges naming missing nodes,
  ///   duplicate node ids and unusable weights, each with its location when the format
  ///   gives one.
  public func world(file: String, defaultName: String, notes: inout ConversionNotes) throws -> World {
    var problems: [GraphFileError.Problem] = []
    var (types, sources) = declarations(notes: &notes)
    let (actors, seen) = self.actors(problems: &problems, notes: &notes)
    let relations = self.relations(declared: seen, declaredTypes: types, problems: &problems, notes: &notes)
    if !problems.isEmpty { throw GraphFileError.invalid(file: file, problems: problems) }
    types += relations.inferredTypes
    for key in Set(relations.store.compactMap(\.source)).sorted() where !sources.contains(where: { $0.id == key }) {
      notes.add("source \"\(key)\" has no citation in the file; declared with its key as title")
      sources.append(Source(id: key, title: key))
    }
    let date = graphValue("date").flatMap(PartialDate.init)
    // A graph name that is not a safe file stem ("Zachary's Karate Club") becomes the title.
    let graphName = graphValue("name") ?? ""
    let safe = !graphName.isEmpty && graphName.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
    return World(
      name: safe ? graphName : defaultName,
      title: graphValue("title") ?? (graphName.isEmpty ? nil : graphName), date: date,
      description: graphValue("description"), directed: directed,
      actors: actors, store: relations.store, types: types, sources: sources)
  }

  /// A graph-level attribute's text.
  private func graphValue(_ key: String) -> String? { graph.first { $0.0 == key }?.1.text }

  /// The graph-level phase: the relation types and sources the graph declares (as JSON, the
  /// way ``World/flattened()`` writes them); other graph attributes than the world's own are noted as dropped.
  private func declarations(notes: inout ConversionNotes) -> (types: [RelationType], sources: [Source]) {
    var types: [RelationType] = []
    var sources: [Source] = []
    if let json = graphValue("statecraft_types") { types = decodeTypes(json, notes: &notes) }
    if let json = graphValue("statecraft_sources") { sources = decodeSources(json, notes: &notes) }
    for (k, _) in graph where !["name", "title", "date", "description", "statecraft_types", "statecraft_sources"].contains(k) {
      notes.add("graph attribute \"\(k)\" dropped (worlds keep name, title, date, description)")
    }
    return (types, sources)
  }

  /// The node phase: one actor per node with a valid, new id, and the ids seen.
  private func actors(
    problems: inout [GraphFileError.Problem], notes: inout ConversionNotes
  ) -> (actors: [Actor], seen: [ScalarKey: Int]) {
    var actors: [Actor] = []
    var seen: [ScalarKey: Int] = [:]
    for node in nodes {
      if let problem = Actor.ID.problem(in: node.id) {
        problems.append(.init(line: node.line, column: node.column, message: problem))
        continue
      }
      if seen[ScalarKey(node.id)] != nil {
        problems.append(.init(line: node.line, column: node.column, message: "duplicate node id \"\(node.id)\""))
        continue
      }
      seen[ScalarKey(node.id)] = actors.count
      actors.append(actor(node, notes: &notes))
    }
    return (actors, seen)
  }

  /// A node's actor: `name` (else `label`) as its name, `kind` when it is a Statecraft kind,
  /// every other attribute kept (the writer's prefix dropped).
  private func actor(_ node: Node, notes: inout ConversionNotes) -> Actor {
    var actor = Actor(id: Actor.ID(node.id))
    for (k, v) in node.attributes {
      switch k {
      case "name", "label": if k == "name" || actor.name == node.id { actor.name = v.text }
      case "kind":
        if let kind = Actor.Kind(rawValue: v.text) { actor.kind = kind } else {
          notes.add("node kind \"\(v.text)\" is not a Statecraft kind; kept as attribute \"kind_original\", kind other")
          actor.attributes["kind_original"] = v.text
        }
      default:
        if k.hasPrefix(World.attributePrefix) {
          actor.attributes[String(k.dropFirst(World.attributePrefix.count))] = v.text
        } else {
          actor.attributes[k] = v.text
        }
      }
    }
    return actor
  }

  /// The edge phase: one relation per edge between declared nodes with a usable weight, and
  /// the types the file does not declare, their polarity from their relations' signs.
  private func relations(
    declared seen: [ScalarKey: Int], declaredTypes types: [RelationType],
    problems: inout [GraphFileError.Problem], notes: inout ConversionNotes
  ) -> (store: RelationStore, inferredTypes: [RelationType]) {
    var relations = RelationStore()
    var typeOrder: [String] = types.map(\.id)
    var signsByType: [String: [Sign]] = [:]
    for edge in edges {
      guard seen[ScalarKey(edge.source)] != nil, seen[ScalarKey(edge.target)] != nil else {
        let missing = seen[ScalarKey(edge.source)] == nil ? edge.source : edge.target
        problems.append(.init(line: edge.line, column: edge.column, message: "edge names node \"\(missing)\", which is not declared"))
        continue
      }
      var reading = EdgeReading(edge, directed: directed)
      for (k, v) in edge.attributes { reading.take(k, v, problems: &problems, notes: &notes) }
      guard let r = reading.relation(problems: &problems, notes: &notes) else { continue }
      if !typeOrder.contains(r.type) { typeOrder.append(r.type) }
      signsByType[r.type, default: []].append(r.sign)
      relations.append(r)
    }
    // Types not declared in the file: polarity from their relations' signs.
    let inferred = typeOrder.filter { id in !types.contains(where: { $0.id == id }) }.map { id in
      let signs = signsByType[id] ?? []
      let polarity: Sign = signs.allSatisfy { $0 == .hostile } && !signs.isEmpty ? .hostile : signs.allSatisfy { $0 == .neutral } && !signs.isEmpty ? .neutral : .cooperative
      return RelationType(id: id, polarity: polarity)
    }
    return (relations, inferred)
  }

  /// One edge becoming a relation: its attributes taken one at a time, then its weight and
  /// sign settled and its dates checked.
  private struct EdgeReading {
    let edge: Edge
    let directed: Bool
    var r: Relation
    var explicitSign: Sign?
    var rawWeight = 1.0
    var rangeLow: Double?
    var rangeHigh: Double?

    init(_ edge: Edge, directed: Bool) {
      self.edge = edge
      self.directed = directed
      r = Relation(from: Actor.ID(edge.source), to: Actor.ID(edge.target), type: "tie", weight: 1, sign: .cooperative, mutual: !directed)
    }

    private func problem(_ message: String) -> GraphFileError.Problem {
      .init(line: edge.line, column: edge.column, message: message)
    }

    /// Takes one attribute: the relation's fields by name, a weight or range end that is no
    /// usable number as a problem, anything else as a note.
    mutating func take(
      _ k: String, _ v: AttributeValue, problems: inout [GraphFileError.Problem], notes: inout ConversionNotes
    ) {
      switch k {
      case "type": r.type = v.text
      case "weight":
        guard let w = v.number, w.isFinite else {
          problems.append(problem("edge \(edge.source) -> \(edge.target) has weight \"\(v.text)\", not a finite number"))
          return
        }
        rawWeight = w
      case "sign":
        // Only -1, 0 and 1 are signs; NaN, infinities and 1e300 are not (and must not trap).
        let numeric = v.number.flatMap { [-1.0, 0, 1].contains($0) ? Sign(rawValue: Int($0)) : nil }
        if let s = numeric ?? Sign(spelling: v.text) { explicitSign = s } else {
          notes.add("edge sign \"\(v.text)\" not understood; sign taken from the weight")
        }
      case "mutual": if directed { r.mutual = v.text == "true" || v.text == "1" }
      case "since", "until":
        if let d = PartialDate(v.text) {
          if k == "since" { r.since = d } else { r.until = d }
        } else {
          notes.add("edge \(k) \"\(v.text)\" is not a date (YYYY, YYYY-MM or YYYY-MM-DD); dropped")
        }
      case "citation": r.source = v.text
      case "note": r.note = v.text
      case "statecraft_id": r.id = v.text
      case "statecraft_weight_low", "statecraft_weight_high":
        guard let x = v.number, x.isFinite, x > 0 else {
          problems.append(problem("edge \(edge.source) -> \(edge.target) has \(k) \"\(v.text)\"; a weight range end must be a positive number"))
          return
        }
        if k == "statecraft_weight_low" { rangeLow = x } else { rangeHigh = x }
      case "id", "key": break  // edge identities are not relations' data
      default: notes.add("edge attribute \"\(k)\" dropped (relations keep type, weight, sign, mutual, dates, source, note)")
      }
    }

    /// The relation, once every attribute is taken: `nil` for a weight of 0 (noted) or dates
    /// in the wrong order (a problem). A negative weight without a sign is a hostile tie.
    mutating func relation(problems: inout [GraphFileError.Problem], notes: inout ConversionNotes) -> Relation? {
      if rawWeight == 0 {
        notes.add("edge with weight 0 dropped (a tie needs a positive strength)")
        return nil
      }
      if rawWeight < 0 && explicitSign == nil {
        notes.add("negative weight read as a hostile tie of that strength")
        explicitSign = .hostile
      }
      r.weight = abs(rawWeight)
      if let rangeLow, let rangeHigh, rangeLow <= rangeHigh { r.weightRange = rangeLow ... rangeHigh }
      r.sign = explicitSign ?? .cooperative
      if let since = r.since, let until = r.until, PartialDate.reversed(since: since, until: until) {
        problems.append(problem("edge \(edge.source) -> \(edge.target): until \(until) is before since \(since); swap them or fix the dates"))
        return nil
      }
      return r
    }
  }

  private func decodeTypes(_ json: String, notes: inout ConversionNotes) -> [RelationType] {
    guard let items = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]] else {
      notes.add("graph attribute statecraft_types is not a JSON list; types inferred from relations")
      return []
    }
    return items.compactMap { d in
      guard let id = d["id"] as? String else { return nil }
      return RelationType(
        id: id, polarity: (d["polarity"] as? String).flatMap(Sign.init(spelling:)) ?? .neutral,
        mode: (d["mode"] as? String).flatMap(RelationType.Mode.init(rawValue:)) ?? .material,
        color: d["color"] as? String, description: d["description"] as? String)
    }
  }

  private func decodeSources(_ json: String, notes: inout ConversionNotes) -> [Source] {
    guard let items = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]] else {
      notes.add("graph attribute statecraft_sources is not a JSON list; sources rebuilt from keys")
      return []
    }
    return items.compactMap { d in
      guard let id = d["id"] as? String, let title = d["title"] as? String else { return nil }
      return Source(
        id: id, title: title, publisher: d["publisher"] as? String,
        date: (d["date"] as? String).flatMap(PartialDate.init), url: d["url"] as? String)
    }
  }
}
