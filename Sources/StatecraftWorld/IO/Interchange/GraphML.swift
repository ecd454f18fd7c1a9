import Foundation

/// GraphML as NetworkX writes and reads it (`nx.write_graphml` / `nx.read_graphml`): typed
/// `<key>`s for graph, node and edge attributes, `edgedefault` for direction, parallel
/// edges allowed (NetworkX then reads a multigraph).
public enum GraphML {
  /// Writes a world as GraphML (deterministic: keys, nodes and edges in order), streaming
  /// the relations into `out`.
  public static func write(_ world: World, to out: inout some TextOutputStream) {
    let g = world.flattenedHeader()
    out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
    out.write("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" ")
    out.write("xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" ")
    out.write("xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n")
    var keyIDs: [String: String] = [:]  // "for/name" -> id
    func declare(_ domain: String, _ keys: [(String, AttributeValue)]) {
      for (name, value) in keys {
        let id = "\(domain.prefix(1))\(keyIDs.count)"
        keyIDs["\(domain)/\(name)"] = id
        out.write("  <key id=\"\(id)\" for=\"\(domain)\" attr.name=\"\(xmlEscaped(name))\" attr.type=\"\(typeName(value))\" />\n")
      }
    }
    declare("graph", g.graph)
    declare("node", g.attributeKeys(forEdges: false))
    declare("edge", world.edgeAttributeKeys(undirected: !g.directed))
    out.write("  <graph edgedefault=\"\(g.directed ? "directed" : "undirected")\">\n")
    for (k, v) in g.graph { out.write("    <data key=\"\(keyIDs["graph/\(k)"]!)\">\(xmlEscaped(v.text))</data>\n") }
    for node in g.nodes {
      out.write("    <node id=\"\(xmlEscaped(node.id))\">\n")
      for (k, v) in node.attributes { out.write("      <data key=\"\(keyIDs["node/\(k)"]!)\">\(xmlEscaped(v.text))</data>\n") }
      out.write("    </node>\n")
    }
    // Per edge attribute name, its key id: looked up once per data element, not rebuilt.
    var edgeKeys: [String: String] = [:]
    for (name, id) in keyIDs where name.hasPrefix("edge/") { edgeKeys[String(name.dropFirst(5))] = id }
    for (i, r) in WorkProgress.tracking(world.relations).enumerated() {
      var line = "    <edge id=\"e\(i)\" source=\"\(xmlEscaped(r.from.rawValue))\" target=\"\(xmlEscaped(r.to.rawValue))\">\n"
      for (k, v) in world.edgeAttributes(r, undirected: !g.directed) {
        line += "      <data key=\"\(edgeKeys[k]!)\">\(xmlEscaped(v.text))</data>\n"
      }
      out.write(line + "    </edge>\n")
    }
    out.write("  </graph>\n</graphml>\n")
  }

  /// The GraphML text of a world.
  public static func write(_ world: World) -> String {
    var s = ""
    write(world, to: &s)
    return s
  }

  static func typeName(_ v: AttributeValue) -> String {
    switch v {
    case .string: "string"
    case .double: "double"
    case .int: "int"
    case .bool: "boolean"
    }
  }

  /// Reads GraphML (the first `<graph>`), typing each value by its key's `attr.type`.
  public static func read(_ data: Data, file: String, notes: inout ConversionNotes) throws -> FlatGraph {
    let root = try XMLElement_.parse(data, file: file)
    guard root.localName == "graphml" else {
      throw GraphFileError.invalid(file: file, problems: [.init(line: root.line, column: root.column, message: "not GraphML: the root element is <\(root.name)>")])
    }
    let keys = declaredKeys(root, notes: &notes)
    guard let graph = root.child("graph") else {
      throw GraphFileError.invalid(file: file, problems: [.init(line: root.line, column: root.column, message: "GraphML file has no <graph>")])
    }
    if root.children("graph").count > 1 { notes.add("only the first <graph> of the file read") }
    let directed = graph.attributes["edgedefault"] != "undirected"
    var flat = FlatGraph(directed: directed, graph: keys.attributes(graph, domain: "graph", notes: &notes))
    for n in graph.children("node") {
      guard let id = n.attributes["id"] else {
        throw GraphFileError.invalid(file: file, problems: [.init(line: n.line, column: n.column, message: "<node> without an id")])
      }
      if !n.children("graph").isEmpty { notes.add("nested graphs inside nodes ignored") }
      flat.nodes.append(.init(id: id, attributes: keys.attributes(n, domain: "node", notes: &notes), line: n.line, column: n.column))
    }
    for e in graph.children("edge") {
      guard let s = e.attributes["source"], let t = e.attributes["target"] else {
        throw GraphFileError.invalid(file: file, problems: [.init(line: e.line, column: e.column, message: "<edge> without source or target")])
      }
      if let d = e.attributes["directed"], (d == "true") != directed {
        notes.add("per-edge direction differing from edgedefault ignored")
      }
      flat.edges.append(.init(source: s, target: t, attributes: keys.attributes(e, domain: "edge", notes: &notes), line: e.line, column: e.column))
    }
    if !graph.children("hyperedge").isEmpty { notes.add("hyperedges ignored") }
    return flat
  }

  /// The `<key>` declarations of a document, by id.
  private static func declaredKeys(_ root: XMLElement_, notes: inout ConversionNotes) -> Keys {
    var keys: [String: Keys.Key] = [:]
    for k in root.children("key") {
      guard let id = k.attributes["id"] else { continue }
      keys[id] = Keys.Key(
        name: k.attributes["attr.name"] ?? id, type: k.attributes["attr.type"] ?? "string",
        domain: k.attributes["for"] ?? "all", defaultValue: k.child("default")?.text)
      if k.attributes["yfiles.type"] != nil { notes.add("yFiles graphics keys ignored") }
    }
    return Keys(byID: keys)
  }

  /// A document's declared keys: what turns an element's `<data>` children into typed attributes.
  private struct Keys {
    struct Key { var name: String; var type: String; var domain: String; var defaultValue: String? }
    let byID: [String: Key]

    /// A value typed by its key's `attr.type`; text that does not parse stays a string.
    func value(_ text: String, _ type: String) -> AttributeValue {
      switch type {
      case "boolean": .bool(["true", "1"].contains(text.lowercased()))
      case "int", "long": Int(text).map(AttributeValue.int) ?? .string(text)
      case "float", "double": Double(decimal: text).map(AttributeValue.double) ?? .string(text)
      default: .string(text)
      }
    }

    /// An element's attributes in file order, then the defaults of keys for its domain that it
    /// does not set.
    func attributes(_ e: XMLElement_, domain: String, notes: inout ConversionNotes) -> [(String, AttributeValue)] {
      var result: [(String, AttributeValue)] = []
      for d in e.children("data") {
        guard let id = d.attributes["key"], let key = byID[id] else {
          notes.add("<data> with an undeclared key ignored")
          continue
        }
        result.append((key.name, value(d.text, key.type)))
      }
      // Defaults declared on keys apply where the element has no value.
      for (_, key) in byID.sorted(by: { $0.key < $1.key }) where (key.domain == domain || key.domain == "all") && key.defaultValue != nil {
        if !result.contains(where: { $0.0 == key.name }) { result.append((key.name, value(key.defaultValue!, key.type))) }
      }
      return result
    }
  }
}
