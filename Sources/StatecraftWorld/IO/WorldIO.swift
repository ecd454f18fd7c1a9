import Foundation
import Synchronization

/// The one format registry: reads and writes worlds in every format Statecraft speaks,
/// chosen by file extension or by name: Statecraft YAML, CSV edge (+ node) tables, GraphML,
/// GEXF 1.3, node-link JSON and DOT. Every command, `validate` included, loads through
/// ``load(_:format:undirected:nodes:notes:)``. What a format cannot hold is reported in
/// ``ConversionNotes``, never dropped silently.
///
/// DOT needs libcgraph, which this module does not link: `StatecraftRender` registers its
/// reader and writer (``Plugins``) with `WorldIO.registerRenderFormats()`; until then a DOT
/// file is refused with a message saying so.
public enum WorldIO {
  /// Format support that lives in other modules, registered at start-up.
  public struct Plugins: Sendable {
    /// Parses DOT text into a flat graph; throws ``GraphFileError`` for bad input.
    public var readDOT: (@Sendable (_ text: String, _ file: String, _ notes: inout ConversionNotes) throws -> FlatGraph)?
    /// Writes a world as interchange DOT.
    public var writeDOT: (@Sendable (World) throws -> String)?
    /// Node colours and sizes for GEXF's viz attributes, as on the maps.
    public var gexfStyle: (@Sendable (World) -> GEXFStyle)?
    /// No plugins: every hook `nil`.
    public init() {}
  }

  private static let registry = Mutex(Plugins())

  /// Installs format support from another module (see ``Plugins``).
  public static func register(_ update: (inout Plugins) -> Void) {
    registry.withLock { update(&$0) }
  }

  static var plugins: Plugins { registry.withLock { $0 } }

  /// A file format the registry reads and writes.
  public enum Format: String, CaseIterable, Sendable {
    /// Statecraft YAML, CSV edge (+ node) table, GraphML, GEXF 1.3, node-link JSON, DOT.
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

    /// The format a file's first bytes show, for a path without an extension (a stream such
    /// as `<(zcat world.csv.gz)`): `<` opens GraphML or GEXF (by the root element's name),
    /// `{` node-link JSON, `digraph`/`graph`/`strict` DOT, a top-level `schema:` key or a
    /// `---` document start YAML; anything else is read as a CSV edge list.
    public static func sniff(_ data: Data) -> Format {
      let head = String(decoding: data.prefix(4096), as: UTF8.self)
      let text = head.drop { $0.isWhitespace || $0 == "\u{FEFF}" }
      if text.hasPrefix("<") { return text.contains("<gexf") ? .gexf : .graphml }
      if text.hasPrefix("{") { return .json }
      let word = text.prefix { $0.isLetter }.lowercased()
      if ["digraph", "graph", "strict"].contains(word) { return .dot }
      if text.hasPrefix("---") || head.split(separator: "\n").contains(where: { $0.hasPrefix("schema:") }) { return .yaml }
      return .csv
    }
  }

  /// Loads a world from any supported format, discarding conversion notes.
  public static func load(_ path: String, format: Format? = nil, undirected: Bool = false, nodes: String? = nil) throws -> World {
    var notes = ConversionNotes()
    return try load(path, format: format, undirected: undirected, nodes: nodes, notes: &notes)
  }

  /// Loads a world from any supported format.
  ///
  /// - Parameters:
  ///   - format: Overrides the extension.
  ///   - undirected: CSV only: every edge is mutual.
  ///   - nodes: CSV only: a node table (id, name, kind, attribute columns).
  ///   - notes: What was dropped or guessed.
  ///   - path: The file (a path without an extension is read and its format told from its bytes).
  public static func load(
    _ path: String, format: Format? = nil, undirected: Bool = false, nodes: String? = nil,
    notes: inout ConversionNotes
  ) throws -> World {
    // A path without an extension (a stream such as /dev/fd/63, /dev/stdin) is read first
    // and its format told from its first bytes.
    var preread: Data?
    let ext = (path as NSString).pathExtension
    guard let format = try format ?? Format(path: path) ?? (ext.isEmpty ? {
      let data = try readData(path)
      preread = data
      return Format.sniff(data)
    }() : nil) else {
      throw GraphFileError.unreadable(
        file: path, reason: "unknown file type .\(ext); a world file ends in .yaml, .csv, .graphml, .gexf, .json or .dot")
    }
    func text() throws -> String { try preread.map { try utf8Text($0, path) } ?? readText(path) }
    func data() throws -> Data { try preread ?? readData(path) }
    let stem = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
    switch format {
    case .yaml:
      return try WorldYAML.parse(try text(), file: path, defaultName: stem)
    case .csv:
      let text = try text()
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
      return try GraphML.read(try data(), file: path, notes: &notes).world(file: path, defaultName: stem, notes: &notes)
    case .gexf:
      return try GEXF.read(try data(), file: path, notes: &notes).world(file: path, defaultName: stem, notes: &notes)
    case .json:
      return try NodeLinkJSON.read(try data(), file: path, notes: &notes).world(file: path, defaultName: stem, notes: &notes)
    case .dot:
      guard let readDOT = plugins.readDOT else { throw missingDOT(path) }
      return try readDOT(try text(), path, &notes).world(file: path, defaultName: stem, notes: &notes)
    }
  }

  /// The files written by ``save(_:to:format:notes:)``.
  public static func save(_ world: World, to path: String, format: Format? = nil, notes: inout ConversionNotes) throws -> [String] {
    guard let format = format ?? Format(path: path) else {
      throw OutputFileError(path: path, reason: "unknown output type; use .yaml, .csv, .graphml, .gexf, .json or .dot (or --to)")
    }
    switch format {
    case .yaml:
      try AtomicFileStream.write(WorldYAML.write(world), to: path)
      return [path]
    case .csv:
      guard path != "-" else {
        throw OutputFileError(path: path, reason: "CSV is two files (edges and nodes), so it cannot go to standard output; give a file name")
      }
      let nodesPath = ((path as NSString).deletingPathExtension) + ".nodes.csv"
      var edges = try AtomicFileStream(path: path)
      var nodes = try AtomicFileStream(path: nodesPath)
      defer {
        edges.abandon()
        nodes.abandon()
      }
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
      let style = plugins.gexfStyle?(world) ?? GEXFStyle(world: world)
      try AtomicFileStream.write(GEXF.write(world, style: style, notes: &notes), to: path)
      return [path]
    case .json:
      var stream = try AtomicFileStream(path: path)
      NodeLinkJSON.write(world, to: &stream)
      try stream.commit()
      return [path]
    case .dot:
      guard let writeDOT = plugins.writeDOT else { throw missingDOT(path) }
      try AtomicFileStream.write(try writeDOT(world), to: path)
      return [path]
    }
  }

  static func missingDOT(_ path: String) -> GraphFileError {
    .unreadable(file: path, reason: "DOT is read and written by the render module; call WorldIO.registerRenderFormats() from StatecraftRender first")
  }

  /// The largest world file read: 1 GiB (about 30 million CSV relations). Every reader holds
  /// the whole text and builds a tree or columns several times its size, so a larger file
  /// is refused up front, with its size, instead of failing to allocate halfway.
  public static let maxInputBytes = 1 << 30

  /// The bytes of a file, a FIFO or a character device (process substitution,
  /// `<(zcat w.csv.gz)`, and `/dev/stdin` read as streams), at most ``maxInputBytes``.
  ///
  /// - Throws: ``GraphFileError/unreadable(file:reason:)`` naming what is wrong: missing,
  ///   unreadable, a directory, or too large (with its size).
  static func readData(_ path: String, limit: Int = maxInputBytes) throws -> Data {
    let file = try InputFile(path)
    func tooLarge(_ bytes: Int) -> GraphFileError {
      .unreadable(file: path, reason: "is \(ReportText.byteSize(bytes)), more than the \(ReportText.byteSize(limit)) a world file may be; split it or keep the relations that matter (for event data, `statecraft import gdelt` reads files of any size as a stream)")
    }
    if let size = file.size, size > limit { throw tooLarge(size) }
    // Read to the end (a regular file's size can change while it is read; a stream has none).
    var data = Data(capacity: file.size ?? 1 << 16)
    var chunk = [UInt8](repeating: 0, count: 1 << 20)
    while true {
      let n = try file.read(into: &chunk)
      if n == 0 { break }
      data.append(contentsOf: chunk[0 ..< n])
      if data.count > limit { throw tooLarge(data.count) }
    }
    return data
  }

  package static func readText(_ path: String) throws -> String { try utf8Text(readData(path), path) }

  /// A file's bytes as text, or an error saying it is not UTF-8.
  static func utf8Text(_ data: Data, _ path: String) throws -> String {
    guard let text = String(data: data, encoding: .utf8) else {
      throw GraphFileError.unreadable(file: path, reason: "is not UTF-8 text; save it as UTF-8")
    }
    return text
  }
}
