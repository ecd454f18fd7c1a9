import Foundation

/// JSON in NetworkX's node-link form (`nx.node_link_data(G)` / `nx.node_link_graph(data)`,
/// networkx 3.6: `"edges"`; the older `"links"` key is also read).
public enum NodeLinkJSON {
  /// Writes a world as node-link JSON (deterministic, two-space indented), streaming the
  /// relations into `out`.
  public static func write(_ world: World, to out: inout some TextOutputStream) {
    func object(_ pairs: [(String, AttributeValue)]) -> String {
      "{" + pairs.map { "\(jsonQuoted($0.0)): \(json($0.1))" }.joined(separator: ", ") + "}"
    }
    let g = world.flattenedHeader()
    var seen = Set<[String]>()
    var multi = false
    for r in world.relations {
      let key = g.directed ? [r.from.rawValue, r.to.rawValue] : [min(r.from.rawValue, r.to.rawValue), max(r.from.rawValue, r.to.rawValue)]
      if !seen.insert(key).inserted { multi = true; break }
    }
    out.write("{\n  \"directed\": \(g.directed),\n  \"multigraph\": \(multi),\n")
    out.write("  \"graph\": \(object(g.graph)),\n  \"nodes\": [\n")
    out.write(g.nodes.map { "    " + object([("id", .string($0.id))] + $0.attributes) }.joined(separator: ",\n"))
    out.write("\n  ],\n  \"edges\": [\n")
    for (i, r) in WorkProgress.tracking(world.relations).enumerated() {
      let endpoints: [(String, AttributeValue)] = [("source", .string(r.from.rawValue)), ("target", .string(r.to.rawValue))]
      let key: [(String, AttributeValue)] = multi ? [("key", .int(i))] : []
      out.write((i > 0 ? ",\n    " : "    ") + object(endpoints + key + world.edgeAttributes(r, undirected: !g.directed)))
    }
    out.write("\n  ]\n}\n")
  }

  /// The node-link JSON text of a world.
  public static func write(_ world: World) -> String {
    var s = ""
    write(world, to: &s)
    return s
  }

  static func json(_ v: AttributeValue) -> String {
    switch v {
    case let .string(s): jsonQuoted(s)
    case let .double(d): d.isFinite ? "\(d)" : "null"
    case let .int(i): String(i)
    case let .bool(b): b ? "true" : "false"
    }
  }

  /// Reads node-link JSON (through Statecraft's own JSON reader: every fault located, any depth up to its
  /// bound). Attributes are read in sorted key order (deterministic whatever the file's order).
  public static func read(_ data: Data, file: String, notes: inout ConversionNotes) throws -> FlatGraph {
    try requireUTF8(data, file: file)
    let root: JSONReader.Value
    do {
      // A leading byte-order mark is skipped, as every other reader skips it (RFC 8259 §8.1
      // lets a parser ignore one).
      root = try JSONReader.parse(data.starts(with: [0xEF, 0xBB, 0xBF]) ? data.dropFirst(3) : data)
    } catch let fault as JSONReader.Fault {
      throw GraphFileError.invalid(file: file, problems: [.init(line: fault.line, column: fault.column, message: "not valid JSON: \(fault.message)")])
    }
    func problem(_ line: Int, _ column: Int, _ message: String) -> GraphFileError {
      .invalid(file: file, problems: [.init(line: line, column: column, message: message)])
    }
    guard case let .object(top, _, _, _) = root else {
      throw problem(1, 1, "node-link JSON must be an object with \"nodes\" and \"edges\" (or \"links\")")
    }
    var directed = false
    if case let .bool(d)? = top["directed"] { directed = d }
    func attribute(_ v: JSONReader.Value) -> AttributeValue? {
      switch v {
      case let .string(s): .string(s)
      case let .int(i): .int(i)
      case let .double(d): .double(d)
      case let .bool(b): .bool(b)
      case .null, .array, .object: nil
      }
    }
    func pairs(_ object: [String: JSONReader.Value], skipping: Set<String>, what: String) -> [(String, AttributeValue)] {
      object.keys.sorted().filter { !skipping.contains($0) }.compactMap { k in
        guard let v = attribute(object[k]!) else {
          notes.add("\(what) attribute \"\(k)\" is a list, object or null; dropped")
          return nil
        }
        return (k, v)
      }
    }
    var flat = FlatGraph(directed: directed)
    if case let .object(g, _, _, _)? = top["graph"] { flat.graph = pairs(g, skipping: [], what: "graph") }
    guard case let .array(nodes)? = top["nodes"] else { throw problem(1, 1, "no \"nodes\" list") }
    for (i, n) in nodes.enumerated() {
      guard case let .object(o, _, line, column) = n else { throw problem(1, 1, "nodes[\(i)] is not an object") }
      guard let id = o["id"].flatMap(attribute)?.text else { throw problem(line, column, "nodes[\(i)] has no \"id\"") }
      flat.nodes.append(.init(id: id, attributes: pairs(o, skipping: ["id"], what: "node"), line: line, column: column))
    }
    let edgeList: [JSONReader.Value]
    if case let .array(e)? = top["edges"] { edgeList = e } else if case let .array(e)? = top["links"] { edgeList = e } else { edgeList = [] }
    for (i, e) in edgeList.enumerated() {
      guard case let .object(o, _, line, column) = e else { throw problem(1, 1, "edges[\(i)] is not an object") }
      guard let s = o["source"].flatMap(attribute)?.text, let t = o["target"].flatMap(attribute)?.text else {
        throw problem(line, column, "edges[\(i)] needs \"source\" and \"target\"")
      }
      flat.edges.append(.init(
        source: s, target: t, attributes: pairs(o, skipping: ["source", "target", "key"], what: "edge"), line: line, column: column))
    }
    return flat
  }

}
