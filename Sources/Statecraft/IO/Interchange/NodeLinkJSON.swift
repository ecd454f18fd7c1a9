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
    for (i, r) in world.relations.enumerated() {
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

  /// A JSON value as decoded without losing the difference between ints, doubles and bools.
  enum Value: Decodable {
    case string(String), int(Int), double(Double), bool(Bool), null
    case array([Value]), object([String: Value])

    init(from decoder: Decoder) throws {
      let c = try decoder.singleValueContainer()
      if c.decodeNil() { self = .null }
      else if let b = try? c.decode(Bool.self) { self = .bool(b) }
      else if let i = try? c.decode(Int.self) { self = .int(i) }
      else if let d = try? c.decode(Double.self) { self = .double(d) }
      else if let s = try? c.decode(String.self) { self = .string(s) }
      else if let a = try? c.decode([Value].self) { self = .array(a) }
      else { self = .object(try c.decode([String: Value].self)) }
    }

    var attribute: AttributeValue? {
      switch self {
      case let .string(s): .string(s)
      case let .int(i): .int(i)
      case let .double(d): .double(d)
      case let .bool(b): .bool(b)
      case .null, .array, .object: nil
      }
    }
  }

  /// Reads node-link JSON. Attribute order within an object is not kept by JSON decoding,
  /// so attributes are read in sorted key order (deterministic).
  public static func read(_ data: Data, file: String, notes: inout ConversionNotes) throws -> FlatGraph {
    let root: Value
    do {
      root = try JSONDecoder().decode(Value.self, from: data)
    } catch {
      throw GraphFileError.invalid(file: file, problems: [.init(line: 0, column: 0, message: "not valid JSON: \(Self.describe(error))")])
    }
    guard case let .object(top) = root else {
      throw GraphFileError.invalid(file: file, problems: [.init(line: 0, column: 0, message: "node-link JSON must be an object with \"nodes\" and \"edges\"")])
    }
    var directed = false
    if case let .bool(d)? = top["directed"] { directed = d }
    func pairs(_ object: [String: Value], skipping: Set<String>, what: String) -> [(String, AttributeValue)] {
      object.keys.sorted().filter { !skipping.contains($0) }.compactMap { k in
        guard let v = object[k]!.attribute else {
          notes.add("\(what) attribute \"\(k)\" is a list, object or null; dropped")
          return nil
        }
        return (k, v)
      }
    }
    var flat = FlatGraph(directed: directed)
    if case let .object(g)? = top["graph"] { flat.graph = pairs(g, skipping: [], what: "graph") }
    guard case let .array(nodes)? = top["nodes"] else {
      throw GraphFileError.invalid(file: file, problems: [.init(line: 0, column: 0, message: "no \"nodes\" list")])
    }
    for (i, n) in nodes.enumerated() {
      guard case let .object(o) = n, let id = o["id"]?.attribute?.text else {
        throw GraphFileError.invalid(file: file, problems: [.init(line: 0, column: 0, message: "nodes[\(i)] has no \"id\"")])
      }
      flat.nodes.append(.init(id: id, attributes: pairs(o, skipping: ["id"], what: "node")))
    }
    let edgeList: [Value]
    if case let .array(e)? = top["edges"] { edgeList = e } else if case let .array(e)? = top["links"] { edgeList = e } else { edgeList = [] }
    for (i, e) in edgeList.enumerated() {
      guard case let .object(o) = e, let s = o["source"]?.attribute?.text, let t = o["target"]?.attribute?.text else {
        throw GraphFileError.invalid(file: file, problems: [.init(line: 0, column: 0, message: "edges[\(i)] needs \"source\" and \"target\"")])
      }
      flat.edges.append(.init(source: s, target: t, attributes: pairs(o, skipping: ["source", "target", "key"], what: "edge")))
    }
    return flat
  }

  static func describe(_ error: Error) -> String {
    if case let DecodingError.dataCorrupted(context) = error {
      return (context.underlyingError as NSError?)?.localizedDescription ?? context.debugDescription
    }
    return "\(error)"
  }
}
