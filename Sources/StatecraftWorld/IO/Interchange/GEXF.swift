import Foundation

/// Colours and sizes for Gephi, chosen by the caller (the map style lives in
/// StatecraftRender): one `#rrggbb` per actor and per relation, one size per actor.
public struct GEXFStyle: Sendable {
  /// One `#rrggbb` colour per actor, in the world's actor order.
  public var nodeColors: [String]
  /// One node size per actor, in the world's actor order (GEXF's `viz:size`).
  public var nodeSizes: [Double]
  /// One `#rrggbb` colour per relation, in the world's relation order.
  public var edgeColors: [String]

  /// A style from explicit colours and sizes.
  public init(nodeColors: [String], nodeSizes: [Double], edgeColors: [String]) {
    self.nodeColors = nodeColors
    self.nodeSizes = nodeSizes
    self.edgeColors = edgeColors
  }

  /// A plain style: grey nodes of one size, edges coloured by sign (used when no render
  /// module registered the map style).
  public init(world: World) {
    nodeColors = Array(repeating: "#9E9E9E", count: world.actors.count)
    nodeSizes = Array(repeating: 10, count: world.actors.count)
    edgeColors = world.relations.map { r in
      switch r.sign {
      case .cooperative: "#2166AC"
      case .hostile: "#D55E00"
      case .neutral: "#9E9E9E"
      }
    }
  }
}

/// GEXF 1.3, as Gephi reads it: typed attributes, dated relations as spells (so Gephi's
/// timeline works), colours and sizes in the `viz` namespace.
public enum GEXF {
  /// Writes a world as GEXF 1.3 (deterministic).
  ///
  /// Relations become edges with `label` and `kind` set to the relation type (Gephi keeps
  /// parallel edges of different kinds apart), `weight` the strength, `type="mutual"` for
  /// mutual relations in a directed graph, and a `<spell>` from `since` (first day) to
  /// `until` (last day) when dated; undated relations hold for the whole timeline.
  ///
  /// GEXF has no graph-level data, so the world's title goes into `<meta><description>`
  /// and the declarations of relation types and sources are not written (each relation
  /// keeps its type name, sign and citation key); `notes` says so.
  public static func write(_ world: World, style: GEXFStyle? = nil, notes: inout ConversionNotes) -> String {
    let flat = world.flattened()
    let dated = world.relations.contains { $0.since != nil || $0.until != nil }
    var out = header(world)
    if !world.types.isEmpty || !world.sources.isEmpty {
      notes.add("GEXF has no graph-level data: relation type declarations (polarity, mode, colour) and source citations are not written; relations keep type names, signs and citation keys")
    }
    out += "  <graph defaultedgetype=\"\(flat.directed ? "directed" : "undirected")\" mode=\"\(dated ? "dynamic" : "static")\"\(dated ? " timeformat=\"date\"" : "")>\n"
    let nodeKeys = flat.attributeKeys(forEdges: false).filter { $0.0 != "name" }
    // since/until are kept as attributes too: spells need full days, the world may have months.
    let edgeKeys = flat.attributeKeys(forEdges: true).filter { !["weight", "mutual"].contains($0.0) }
    writeAttributeDeclarations("node", nodeKeys, to: &out)
    writeAttributeDeclarations("edge", edgeKeys, to: &out)
    writeNodes(world, flat, keys: nodeKeys, style: style, to: &out)
    writeEdges(world, flat, keys: edgeKeys, style: style, to: &out)
    out += "  </graph>\n</gexf>\n"
    return out
  }

  /// The XML declaration, the `<gexf>` tag and the `<meta>` block (title, date and
  /// description joined by " — ", as ``read(_:file:notes:)`` splits them).
  private static func header(_ world: World) -> String {
    var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    out += "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" "
    out += "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
    out += "xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" version=\"1.3\">\n"
    out += "  <meta>\n    <creator>Statecraft</creator>\n"
    let description = [world.title, world.date.map { "as of \($0)" }, world.description].compactMap { $0 }.joined(separator: " — ")
    out += "    <description>\(xmlEscaped(description))</description>\n"
    out += "  </meta>\n"
    return out
  }

  /// One `<attributes>` block: the typed attribute declarations of a class (`node`, `edge`).
  private static func writeAttributeDeclarations(_ cls: String, _ keys: [(String, AttributeValue)], to out: inout String) {
    out += "    <attributes class=\"\(cls)\" mode=\"static\">\n"
    for (i, (k, v)) in keys.enumerated() {
      out += "      <attribute id=\"\(cls.prefix(1))\(i)\" title=\"\(xmlEscaped(cls == "edge" && k == "type" ? "relation_type" : k))\" type=\"\(gexfType(v))\" />\n"
    }
    out += "    </attributes>\n"
  }

  /// The `<nodes>` block: one node per actor, labelled by its name, with its size and colour.
  private static func writeNodes(
    _ world: World, _ flat: FlatGraph, keys: [(String, AttributeValue)], style: GEXFStyle?, to out: inout String
  ) {
    out += "    <nodes>\n"
    for (i, node) in flat.nodes.enumerated() {
      out += "      <node id=\"\(xmlEscaped(node.id))\" label=\"\(xmlEscaped(world.actors[i].name))\">\n"
      out += "        <attvalues>\n"
      for (k, v) in node.attributes where k != "name" {
        let idx = keys.firstIndex { $0.0 == k }!
        out += "          <attvalue for=\"n\(idx)\" value=\"\(xmlEscaped(v.text))\" />\n"
      }
      out += "        </attvalues>\n"
      if let style {
        out += "        <viz:size value=\"\(formatted(style.nodeSizes[i]))\" />\n"
        out += "        \(vizColor(style.nodeColors[i]))\n"
      }
      out += "      </node>\n"
    }
    out += "    </nodes>\n"
  }

  /// The `<edges>` block: one edge per relation, with its attributes, its spell when dated
  /// and its colour.
  private static func writeEdges(
    _ world: World, _ flat: FlatGraph, keys: [(String, AttributeValue)], style: GEXFStyle?, to out: inout String
  ) {
    out += "    <edges>\n"
    for (i, r) in WorkProgress.tracking(world.relations).enumerated() {
      var attrs = "id=\"\(i)\" source=\"\(xmlEscaped(r.from.rawValue))\" target=\"\(xmlEscaped(r.to.rawValue))\""
      attrs += " label=\"\(xmlEscaped(r.type))\" kind=\"\(xmlEscaped(r.type))\" weight=\"\(r.weight)\""
      if flat.directed && r.mutual { attrs += " type=\"mutual\"" }
      out += "      <edge \(attrs)>\n        <attvalues>\n"
      for (k, v) in flat.edges[i].attributes where !["weight", "mutual"].contains(k) {
        let idx = keys.firstIndex { $0.0 == k }!
        out += "          <attvalue for=\"e\(idx)\" value=\"\(xmlEscaped(v.text))\" />\n"
      }
      out += "        </attvalues>\n"
      if r.since != nil || r.until != nil {
        var spell = "<spell"
        if let s = r.since { spell += " start=\"\(fullDate(s, end: false))\"" }
        if let u = r.until { spell += " end=\"\(fullDate(u, end: true))\"" }
        out += "        <spells>\n          \(spell) />\n        </spells>\n"
      }
      if let style { out += "        \(vizColor(style.edgeColors[i]))\n" }
      out += "      </edge>\n"
    }
    out += "    </edges>\n"
  }

  static func gexfType(_ v: AttributeValue) -> String {
    switch v {
    case .string: "string"
    case .double: "double"
    case .int: "integer"
    case .bool: "boolean"
    }
  }

  static func formatted(_ x: Double) -> String { String(format: "%.3f", x) }

  static func vizColor(_ hex: String) -> String {
    let digits = Array(hex.dropFirst())
    func component(_ i: Int) -> Int { Int(String(digits[i * 2 ..< i * 2 + 2]), radix: 16) ?? 0 }
    guard digits.count >= 6 else { return "<viz:color r=\"0\" g=\"0\" b=\"0\" />" }
    return "<viz:color r=\"\(component(0))\" g=\"\(component(1))\" b=\"\(component(2))\" />"
  }

  /// A partial date as the full day it starts or ends on.
  static func fullDate(_ d: PartialDate, end: Bool) -> String {
    let m = d.month ?? (end ? 12 : 1)
    let day = d.day ?? (end ? PartialDate.daysIn(month: m, year: d.year) : 1)
    return String(format: "%04d-%02d-%02d", d.year, m, day)
  }

  /// Reads GEXF (1.2 or 1.3): attributes by title, `label` as the actor's name, the
  /// relation type from `relation_type`, `kind` or `label`, and the first spell as the
  /// relation's `since`/`until`.
  public static func read(_ data: Data, file: String, notes: inout ConversionNotes) throws -> FlatGraph {
    let root = try XMLElement_.parse(data, file: file)
    guard root.localName == "gexf", let graph = root.child("graph") else {
      throw GraphFileError.invalid(file: file, problems: [.init(line: root.line, column: root.column, message: "not GEXF: expected <gexf> with a <graph>")])
    }
    let attributes = DeclaredAttributes(graph)
    let directed = graph.attributes["defaultedgetype"] != "undirected"
    var flat = FlatGraph(directed: directed)
    readDescription(root, into: &flat)
    var missing: [GraphFileError.Problem] = []
    for n in graph.child("nodes")?.children("node") ?? [] {
      guard let id = n.attributes["id"] else {
        missing.append(.init(line: n.line, column: n.column, message: "a <node> has no id attribute; every node needs one"))
        continue
      }
      var attrs = attributes.values(n, "node", notes: &notes)
      if let label = n.attributes["label"] { attrs.insert(("name", .string(label)), at: 0) }
      if n.child("spells") != nil || n.attributes["start"] != nil { notes.add("node spells ignored (actors are not dated)") }
      flat.nodes.append(.init(id: id, attributes: attrs, line: n.line, column: n.column))
    }
    for e in graph.child("edges")?.children("edge") ?? [] {
      guard let s = e.attributes["source"], let t = e.attributes["target"] else {
        missing.append(.init(line: e.line, column: e.column, message: "an <edge> lacks a source or target attribute"))
        continue
      }
      let attrs = edgeAttributes(e, attributes, directed: directed, notes: &notes)
      flat.edges.append(.init(source: s, target: t, attributes: attrs, line: e.line, column: e.column))
    }
    if !missing.isEmpty { throw GraphFileError.invalid(file: file, problems: missing) }
    return flat
  }

  /// The writer's description is "title — as of date — description": read it back into
  /// those fields, so that a world written, read and written again is the same file.
  private static func readDescription(_ root: XMLElement_, into flat: inout FlatGraph) {
    guard let text = root.child("meta")?.child("description")?.text, !text.isEmpty else { return }
    var parts = text.components(separatedBy: " — ")
    flat.graph.append(("title", .string(parts.removeFirst())))
    if let first = parts.first, first.hasPrefix("as of "), PartialDate(String(first.dropFirst(6))) != nil {
      flat.graph.append(("date", .string(String(first.dropFirst(6)))))
      parts.removeFirst()
    }
    if !parts.isEmpty { flat.graph.append(("description", .string(parts.joined(separator: " — ")))) }
  }

  /// An edge's attributes: its attribute values (`relation_type` read as `type`), then what
  /// its XML attributes say (type from `kind` or `label`, weight, mutual) and its first spell
  /// as `since` and `until` where the values give no dates.
  private static func edgeAttributes(
    _ e: XMLElement_, _ attributes: DeclaredAttributes, directed: Bool, notes: inout ConversionNotes
  ) -> [(String, AttributeValue)] {
    var attrs: [(String, AttributeValue)] = []
    for (k, v) in attributes.values(e, "edge", notes: &notes) { attrs.append((k == "relation_type" ? "type" : k, v)) }
    if !attrs.contains(where: { $0.0 == "type" }), let kind = e.attributes["kind"] ?? e.attributes["label"] {
      attrs.append(("type", .string(kind)))
    }
    if let w = e.attributes["weight"] { attrs.append(("weight", DeclaredAttributes.typed(w, "double"))) }
    if e.attributes["type"] == "mutual" || (directed && e.attributes["type"] == "undirected") { attrs.append(("mutual", .bool(true))) }
    let spells = e.child("spells")?.children("spell") ?? []
    if spells.count > 1 { notes.add("edges with several spells keep only the first") }
    let start = spells.first?.attributes["start"] ?? e.attributes["start"]
    let end = spells.first?.attributes["end"] ?? e.attributes["end"]
    // Attribute values (the world's own partial dates) win over the spell's full days.
    if let start, !attrs.contains(where: { $0.0 == "since" }) { attrs.append(("since", .string(start))) }
    if let end, !attrs.contains(where: { $0.0 == "until" }) { attrs.append(("until", .string(end))) }
    return attrs
  }

  /// The attributes a GEXF graph declares (`<attributes class=…>`): per class, each id's
  /// title and type, which turn an element's `<attvalue>`s into typed attributes.
  private struct DeclaredAttributes {
    /// class -> id -> (title, type)
    var titles: [String: [String: (String, String)]] = [:]

    init(_ graph: XMLElement_) {
      for block in graph.children("attributes") {
        let cls = block.attributes["class"] ?? "node"
        for a in block.children("attribute") {
          if let id = a.attributes["id"] { titles[cls, default: [:]][id] = (a.attributes["title"] ?? id, a.attributes["type"] ?? "string") }
        }
      }
    }

    /// A value typed by a GEXF attribute type; text that does not parse stays a string.
    static func typed(_ text: String, _ type: String) -> AttributeValue {
      switch type {
      case "integer", "long": Int(text).map(AttributeValue.int) ?? .string(text)
      case "double", "float": Double(decimal: text).map(AttributeValue.double) ?? .string(text)
      case "boolean": .bool(text == "true")
      default: .string(text)
      }
    }

    /// An element's `<attvalue>`s as (title, typed value), in file order.
    func values(_ e: XMLElement_, _ cls: String, notes: inout ConversionNotes) -> [(String, AttributeValue)] {
      (e.child("attvalues")?.children("attvalue") ?? []).compactMap { v in
        guard let id = v.attributes["for"] ?? v.attributes["id"], let value = v.attributes["value"] else { return nil }
        guard let (title, type) = titles[cls]?[id] else {
          notes.add("GEXF attvalue for an undeclared attribute ignored")
          return nil
        }
        return (title, Self.typed(value, type))
      }
    }
  }
}
