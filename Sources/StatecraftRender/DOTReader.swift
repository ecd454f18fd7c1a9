import CGraphviz
import Statecraft

/// Reads DOT through libcgraph's own parser (never a hand-written one).
///
/// Statecraft's interchange DOT (`sc_` attributes, written by ``DOTWriter`` with
/// `interchange`) reads back without loss. Any other DOT works too: a node's `label`
/// becomes the actor's name, an edge's `weight` its strength and its `label` its type;
/// Graphviz styling attributes are dropped and listed in the notes.
public enum DOTReader {
  /// Parses DOT text into a flat graph.
  ///
  /// Graphviz 2.42's parser has been seen to leave the heap damaged after a syntax error (a
  /// later, unrelated call crashed with "double free or corruption"): a long-lived process
  /// that reads DOT it did not write should read it in a child process. The CLI reads a file
  /// once and exits; the library's tests parse broken DOT only in an exit test.
  ///
  /// - Throws: ``RenderError/syntax(_:)`` with Graphviz's message (which names the line).
  public static func read(_ text: String, notes: inout ConversionNotes) throws -> FlatGraph {
    var dropped: [String] = []
    let flat = try GraphvizRenderer.withParsedGraph(text) { g -> FlatGraph in
      let reader = ParsedDOT(g)
      var flat = FlatGraph(directed: agisdirected(g) != 0)
      reader.readGraphData(into: &flat)
      let ids = reader.readNodes(into: &flat, dropped: &dropped)
      reader.readEdges(ids: ids, into: &flat, dropped: &dropped)
      return flat
    }
    for d in dropped { notes.add("DOT \(d) dropped (Graphviz styling is not world data)") }
    return flat
  }
}

/// One graph libcgraph parsed, read into a ``FlatGraph`` in three phases (graph data, nodes,
/// edges). Interchange files (written by ``DOTWriter`` with `sc_` attributes) carry world data
/// in those attributes; foreign DOT keeps labels and weights and drops styling.
private struct ParsedDOT {
  let g: UnsafeMutablePointer<Agraph_t>
  let nodeSymbols: [UnsafeMutablePointer<Agsym_t>]
  let edgeSymbols: [UnsafeMutablePointer<Agsym_t>]
  /// Whether the file is Statecraft's interchange DOT.
  let interchange: Bool

  init(_ g: UnsafeMutablePointer<Agraph_t>) {
    self.g = g
    nodeSymbols = Self.symbols(g, Int32(AGNODE))
    edgeSymbols = Self.symbols(g, Int32(AGEDGE))
    interchange = nodeSymbols.contains { String(cString: $0.pointee.name) == "sc_kind" }
      || edgeSymbols.contains { String(cString: $0.pointee.name) == "sc_type" }
  }

  /// The attributes declared for one kind of object (graph, node, edge).
  static func symbols(_ g: UnsafeMutablePointer<Agraph_t>, _ kind: Int32) -> [UnsafeMutablePointer<Agsym_t>] {
    var result: [UnsafeMutablePointer<Agsym_t>] = []
    var sym = agnxtattr(g, kind, nil)
    while let s = sym {
      result.append(s)
      sym = agnxtattr(g, kind, s)
    }
    return result
  }

  /// An object's attribute values that are set (not empty, not an empty default).
  func values(_ obj: UnsafeMutableRawPointer, _ syms: [UnsafeMutablePointer<Agsym_t>]) -> [(String, String)] {
    syms.compactMap { s in
      guard let raw = agxget(obj, s) else { return nil }
      let name = String(cString: s.pointee.name)
      // libcgraph unescapes only \" ; our interchange attributes (sc_) carry the other
      // escapes DOTWriter wrote, which must be undone or backslashes double every pass.
      let value = name.hasPrefix("sc_") ? DOTReader.unescape(String(cString: raw)) : String(cString: raw)
      let defaultValue = s.pointee.defval.map { String(cString: $0) } ?? ""
      return value.isEmpty || (value == defaultValue && defaultValue.isEmpty) ? nil : (name, value)
    }
  }

  /// The graph's `sc_` attributes: its data and whether the world is directed.
  func readGraphData(into flat: inout FlatGraph) {
    for (k, v) in values(UnsafeMutableRawPointer(g), Self.symbols(g, Int32(AGRAPH))) where k.hasPrefix("sc_") {
      if k == "sc_directed" {
        flat.directed = v != "false"
      } else {
        flat.graph.append((String(k.dropFirst(3)), .string(v)))
      }
    }
  }

  /// The nodes in file order; returns each node's id by its DOT name. An id is the name with
  /// DOTWriter's escapes undone (libcgraph keeps `\\` as two characters: "C:\Users" doubled
  /// its backslashes on every round trip), or `sc_id`.
  func readNodes(into flat: inout FlatGraph, dropped: inout [String]) -> [String: String] {
    var ids: [String: String] = [:]
    var node = agfstnode(g)
    while let n = node {
      let name = String(cString: agnameof(UnsafeMutableRawPointer(n)))
      var id = interchange ? DOTReader.unescape(name) : name  // foreign DOT: names are taken as written
      var attributes: [(String, AttributeValue)] = []
      for (k, v) in values(UnsafeMutableRawPointer(n), nodeSymbols) {
        if k == "sc_id" {
          id = v
        } else if k.hasPrefix("sc_attr_") {
          attributes.append((String(k.dropFirst(8)), .string(v)))
        } else if k.hasPrefix("sc_") {
          attributes.append((String(k.dropFirst(3)), .string(v)))
        } else if !interchange && k == "label" && v != "\\N" {
          attributes.append(("name", .string(v)))
        } else if !interchange && !(k == "label" && v == "\\N") {  // \N: Graphviz's default label, not data
          dropped.append("node attribute \"\(k)\"")
        }
      }
      ids[name] = id
      flat.nodes.append(.init(id: id, attributes: attributes))
      node = agnxtnode(g, n)
    }
    return ids
  }

  /// The edges in the order the file gives them (creation sequence), not per node.
  func readEdges(ids: [String: String], into flat: inout FlatGraph, dropped: inout [String]) {
    var allEdges: [UnsafeMutablePointer<Agedge_t>] = []
    var node = agfstnode(g)
    while let n = node {
      var edge = agfstout(g, n)
      while let e = edge {
        allEdges.append(e)
        edge = agnxtout(g, e)
      }
      node = agnxtnode(g, n)
    }
    allEdges.sort { cgv_seq(UnsafeMutableRawPointer($0)) < cgv_seq(UnsafeMutableRawPointer($1)) }
    for e in allEdges {
      let tailName = String(cString: agnameof(UnsafeMutableRawPointer(cgv_tail(e))))
      let headName = String(cString: agnameof(UnsafeMutableRawPointer(cgv_head(e))))
      let (s, t) = (ids[tailName] ?? tailName, ids[headName] ?? headName)
      var attributes: [(String, AttributeValue)] = []
      for (k, v) in values(UnsafeMutableRawPointer(e), edgeSymbols) {
        if k.hasPrefix("sc_") {
          attributes.append((String(k.dropFirst(3)), .string(v)))
        } else if !interchange && k == "weight" {
          attributes.append(("weight", .string(v)))
        } else if !interchange && k == "label" {
          attributes.append(("type", .string(v)))
        } else if !interchange && k != "key" {
          dropped.append("edge attribute \"\(k)\"")
        }
      }
      flat.edges.append(.init(source: s, target: t, attributes: attributes))
    }
  }
}

extension DOTReader {
  /// Undoes ``DOTWriter``'s quoting of interchange values: `\\` → `\`, `\n` → newline,
  /// `\r` → carriage return, `\"` → `"`; any other backslash is kept as written.
  static func unescape(_ s: String) -> String {
    guard s.contains("\\") else { return s }
    var out = ""
    var pending = false
    for c in s.unicodeScalars {
      if pending {
        switch c {
        case "\\": out.unicodeScalars.append("\\")
        case "n": out.unicodeScalars.append("\n")
        case "r": out.unicodeScalars.append("\r")
        case "\"": out.unicodeScalars.append("\"")
        default:
          out.unicodeScalars.append("\\")
          out.unicodeScalars.append(c)
        }
        pending = false
      } else if c == "\\" {
        pending = true
      } else {
        out.unicodeScalars.append(c)
      }
    }
    if pending { out.unicodeScalars.append("\\") }
    return out
  }
}


extension DOTReader {
  /// The line a Graphviz message names ("syntax error in line 3 near ';'"), if any.
  public static func lineNumber(in message: String) -> Int? {
    guard let range = message.range(of: "in line ") else { return nil }
    return Int(message[range.upperBound...].prefix { $0.isNumber })
  }

  /// The longest quoted string, HTML string or bare word a DOT file may hold: Graphviz's
  /// lexer is quadratic in a token's length (a 3 MB label took 5.9 s), so longer ones are
  /// refused before parsing.
  public static let maxTokenBytes = 512 * 1024

  /// The deepest `{ }` nesting a DOT file may have (subgraphs in subgraphs); real files use a
  /// few levels.
  public static let maxNesting = 100

  /// Checks what libcgraph would silently accept badly: a token over ``maxTokenBytes``, braces
  /// nested deeper than ``maxNesting`` and a second graph after the first (libcgraph reads one
  /// and ignores the rest). Linear in the
  /// text; comments (`//`, `/* */`, `#` lines) and strings are skipped as the lexer does.
  ///
  /// - Returns: The first problem, located, or `nil`.
  public static func preflight(_ text: String) -> GraphFileError.Problem? {
    var scanner = DOTScanner(bytes: Array(text.utf8))
    while scanner.i < scanner.bytes.count {
      if scanner.skipBlankOrComment() { continue }
      if let problem = scanner.token() { return problem }
    }
    return nil
  }
}

/// A cursor over DOT bytes that knows just enough of the lexer (comments, strings, HTML
/// strings, words, braces) to find what libcgraph would accept badly, with its line.
private struct DOTScanner {
  let bytes: [UInt8]
  var i = 0, line = 1, lineStart = 0
  var depth = 0, graphs = 0

  /// The column of byte `at` on the line starting at `start`, in characters. Counted only
  /// when a problem is reported: counting one per token made a file written on one line
  /// quadratic (5,000 edges took 6.7 s).
  func column(_ at: Int, from start: Int) -> Int {
    1 + bytes[start ..< at].reduce(0) { $0 + ($1 & 0xC0 != 0x80 ? 1 : 0) }
  }

  mutating func newline(_ at: Int) {
    line += 1
    lineStart = at + 1
  }

  /// Skips one blank, line break or comment (`//`, `/* */`, a `#` line); `false` at a token.
  mutating func skipBlankOrComment() -> Bool {
    let b = bytes[i]
    switch b {
    case 0x0A:
      newline(i)
      i += 1
    case 0x20, 0x09, 0x0D:
      i += 1
    case UInt8(ascii: "#") where i == lineStart:
      while i < bytes.count && bytes[i] != 0x0A { i += 1 }
    case UInt8(ascii: "/") where i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "/"):
      while i < bytes.count && bytes[i] != 0x0A { i += 1 }
    case UInt8(ascii: "/") where i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "*"):
      i += 2
      while i + 1 < bytes.count && !(bytes[i] == UInt8(ascii: "*") && bytes[i + 1] == UInt8(ascii: "/")) {
        if bytes[i] == 0x0A { newline(i) }
        i += 1
      }
      i += 2
    default:
      return false
    }
    return true
  }

  /// Reads one token; a problem when it starts a second graph, is too long, or nests braces
  /// too deep.
  mutating func token() -> GraphFileError.Problem? {
    if graphs > 0 {
      return .init(line: line, column: column(i, from: lineStart), message: "a second graph starts here; Graphviz reads only the first graph of a file, so split the file into one graph per file")
    }
    let (startLine, startLineStart, start) = (line, lineStart, i)
    let what: String
    switch bytes[i] {
    case UInt8(ascii: "\""):
      quotedString()
      what = "quoted string"
    case UInt8(ascii: "<"):
      htmlString()
      what = "HTML string"
    case UInt8(ascii: "{"):
      depth += 1
      if depth > DOTReader.maxNesting {
        return .init(line: line, column: column(i, from: lineStart), message: "braces nest deeper than \(DOTReader.maxNesting) levels; Graphviz's parser drops what lies deeper without a word (a relation inside 5,000 levels vanished), so flatten the subgraphs")
      }
      i += 1
      return nil
    case UInt8(ascii: "}"):
      depth -= 1
      if depth == 0 { graphs += 1 }
      i += 1
      return nil
    case let b where Self.isWordByte(b):
      while i < bytes.count, Self.isWordByte(bytes[i]) { i += 1 }
      what = "word"
    default:
      i += 1
      return nil
    }
    guard i - start > DOTReader.maxTokenBytes else { return nil }
    return .init(line: startLine, column: column(start, from: startLineStart), message: "this \(what) is over \(DOTReader.maxTokenBytes / 1024) KiB (the most Statecraft hands to Graphviz's parser, which slows quadratically on long tokens); shorten it or move the text to a YAML or GraphML world")
  }

  /// A byte of an unquoted DOT word: a letter, digit, `_`, `.` or any non-ASCII byte.
  static func isWordByte(_ b: UInt8) -> Bool {
    b >= 0x80 || (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) || b == UInt8(ascii: "_") || b == UInt8(ascii: ".")
  }

  /// Past a quoted string (escapes skipped, line breaks counted).
  mutating func quotedString() {
    i += 1
    while i < bytes.count && bytes[i] != UInt8(ascii: "\"") {
      if bytes[i] == UInt8(ascii: "\\") { i += 1 }
      if i < bytes.count && bytes[i] == 0x0A { newline(i) }
      i += 1
    }
    i += 1
  }

  /// Past an HTML string `<…>`, its angle brackets nested.
  mutating func htmlString() {
    var nesting = 0
    repeat {
      if bytes[i] == UInt8(ascii: "<") { nesting += 1 }
      if bytes[i] == UInt8(ascii: ">") { nesting -= 1 }
      if bytes[i] == 0x0A { newline(i) }
      i += 1
    } while i < bytes.count && nesting > 0
  }
}
