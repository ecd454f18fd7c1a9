import Foundation
import Statecraft

/// Reads and writes worlds in every format Statecraft speaks, chosen by file extension or
/// by name: Statecraft YAML, CSV edge (+ node) tables, GraphML, GEXF 1.3, node-link JSON and
/// DOT. What a format cannot hold is reported in ``ConversionNotes``, never dropped silently.
public enum WorldIO {
  public enum Format: String, CaseIterable, Sendable {
    case yaml, csv, graphml, gexf, json, dot

    /// The format a path's extension names, if any.
    public init?(path: String) {
      switch (path as NSString).pathExtension.lowercased() {
      case "yaml", "yml": self = .yaml
      case "csv": self = .csv
      case "graphml", "xml": self = .graphml
      case "gexf": self = .gexf
      case "json": self = .json
      case "dot", "gv": self = .dot
      default: return nil
      }
    }
  }

  /// Loads a world from any supported format.
  ///
  /// - Parameters:
  ///   - format: Overrides the extension.
  ///   - undirected: CSV only: every edge is mutual.
  ///   - nodes: CSV only: a node table (id, name, kind, attribute columns).
  ///   - notes: What was dropped or guessed.
  public static func load(
    _ path: String, format: Format? = nil, undirected: Bool = false, nodes: String? = nil,
    notes: inout ConversionNotes
  ) throws -> World {
    guard let format = format ?? Format(path: path) else {
      throw GraphFileError.unreadable(
        file: path, reason: "unknown file type; use .yaml, .csv, .graphml, .gexf, .json or .dot (or --from)")
    }
    let stem = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
    switch format {
    case .yaml:
      return try WorldFile.load(path, format: .yaml)
    case .csv:
      let text = try readText(path)
      // A node table beside the edge list (as `convert` writes them) is read too.
      var nodesPath = nodes
      let sibling = (path as NSString).deletingPathExtension + ".nodes.csv"
      if nodesPath == nil && !path.hasSuffix(".nodes.csv") && FileManager.default.fileExists(atPath: sibling) {
        nodesPath = sibling
        notes.add("node table \(sibling) read with the edge list")
      }
      let nodeTable = try nodesPath.map { (text: try readText($0), file: $0) }
      return try EdgeListCSV.parse(text, file: path, name: stem, undirected: undirected, nodeTable: nodeTable)
    case .graphml:
      return try GraphML.read(try readData(path), file: path, notes: &notes).world(file: path, defaultName: stem, notes: &notes)
    case .gexf:
      return try GEXF.read(try readData(path), file: path, notes: &notes).world(file: path, defaultName: stem, notes: &notes)
    case .json:
      return try NodeLinkJSON.read(try readData(path), file: path, notes: &notes).world(file: path, defaultName: stem, notes: &notes)
    case .dot:
      let flat: FlatGraph
      do {
        flat = try DOTReader.read(try readText(path), notes: &notes)
      } catch let RenderError.syntax(message) {
        throw GraphFileError.invalid(file: path, problems: [.init(line: 0, column: 0, message: "DOT: \(message)")])
      }
      return try flat.world(file: path, defaultName: stem, notes: &notes)
    }
  }

  /// The files written by ``save(_:to:format:notes:)``.
  public static func save(_ world: World, to path: String, format: Format? = nil, notes: inout ConversionNotes) throws -> [String] {
    guard let format = format ?? Format(path: path) else {
      throw OutputFileError(path: path, reason: "unknown output type; use .yaml, .csv, .graphml, .gexf, .json or .dot (or --to)")
    }
    switch format {
    case .yaml:
      try writeAtomically(WorldYAML.write(world), to: path)
      return [path]
    case .csv:
      let nodesPath = ((path as NSString).deletingPathExtension) + ".nodes.csv"
      var edges = try AtomicFileStream(path: path)
      var nodes = try AtomicFileStream(path: nodesPath)
      EdgeListCSV.write(world, edges: &edges, nodes: &nodes, notes: &notes)
      try edges.commit()
      try nodes.commit()
      return [path, nodesPath]
    case .graphml:
      var stream = try AtomicFileStream(path: path)
      GraphML.write(world, to: &stream)
      try stream.commit()
      return [path]
    case .gexf:
      try writeAtomically(GEXF.write(world, style: gexfStyle(world), notes: &notes), to: path)
      return [path]
    case .json:
      var stream = try AtomicFileStream(path: path)
      NodeLinkJSON.write(world, to: &stream)
      try stream.commit()
      return [path]
    case .dot:
      var options = MapOptions()
      options.interchange = true
      options.edgeLabels = true
      try writeAtomically(try DOTWriter().write(world, options: options), to: path)
      return [path]
    }
  }

  /// Node colours by `bloc` (the map's group palette), sizes by PageRank, edge colours by
  /// sign, as on the maps.
  static func gexfStyle(_ world: World) -> GEXFStyle {
    let style = MapStyle.default
    var groups: [String] = []
    let nodeColors = world.actors.map { a -> String in
      guard let bloc = a.attributes["bloc"] else { return "#9E9E9E" }
      if !groups.contains(bloc) { groups.append(bloc) }
      return style.groupBorders[groups.firstIndex(of: bloc)! % style.groupBorders.count]
    }
    let rank = (try? world.through().pageRank()) ?? Array(repeating: 0, count: world.actors.count)
    let top = rank.max() ?? 0
    let sizes = rank.map { top > 0 ? 10 + 40 * $0 / top : 10 }
    return GEXFStyle(nodeColors: nodeColors, nodeSizes: sizes, edgeColors: world.relations.map { style.color(for: $0, in: world) })
  }

  static func readData(_ path: String) throws -> Data {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw GraphFileError.unreadable(
        file: path,
        reason: FileManager.default.fileExists(atPath: path) ? "cannot be read; check its permissions" : "no such file; check the path")
    }
    return data
  }

  static func readText(_ path: String) throws -> String {
    guard let text = String(data: try readData(path), encoding: .utf8) else {
      throw GraphFileError.unreadable(file: path, reason: "is not UTF-8 text; save it as UTF-8")
    }
    return text
  }

  /// Writes to a temporary file beside the target and renames it over the target.
  public static func writeAtomically(_ text: String, to path: String) throws {
    try writeAtomically(Array(text.utf8), to: path)
  }

  public static func writeAtomically(_ bytes: [UInt8], to path: String) throws {
    let url = URL(fileURLWithPath: path)
    do {
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(bytes).write(to: url, options: .atomic)
    } catch {
      throw OutputFileError(path: path, reason: (error as NSError).localizedDescription)
    }
  }
}

