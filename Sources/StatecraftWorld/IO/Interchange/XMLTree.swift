import CLibXML2
import Foundation

/// A small XML element tree with source positions, read with libxml2's streaming reader
/// (`xmlTextReader`) for GraphML and GEXF: no size limit (FoundationXML refused documents over
/// 10 MB), no network or DTD loading, declared entities and elements with thousands of
/// attributes refused before parsing (``preflight(_:)``), nesting bounded, and every error
/// reported with libxml2's own message at its line and column.
final class XMLElement_ {
  let name: String
  let attributes: [String: String]
  var children: [XMLElement_] = []
  var text = ""
  let line: Int
  let column: Int

  init(name: String, attributes: [String: String], line: Int, column: Int) {
    self.name = name
    self.attributes = attributes
    self.line = line
    self.column = column
  }

  /// Children with this local name (namespace prefixes ignored).
  func children(_ local: String) -> [XMLElement_] { children.filter { $0.localName == local } }
  func child(_ local: String) -> XMLElement_? { children.first { $0.localName == local } }
  var localName: String { name.split(separator: ":").last.map(String.init) ?? name }

  /// Elements may nest this deep; deeper documents are refused (they are never real graphs,
  /// and tearing down a tree 40,000 levels deep overflowed the stack).
  static let maxDepth = 1_000

  /// Parses a document; every problem is located.
  static func parse(_ data: Data, file: String) throws -> XMLElement_ {
    try refuseBeforeReading(data, file: file)
    return try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) throws -> XMLElement_ in
      let base = buffer.baseAddress?.assumingMemoryBound(to: CChar.self)
      guard let reader = xmlReaderForMemory(base, Int32(buffer.count), nil, "UTF-8", cxml_reader_options()) else {
        throw failure(file, 1, 1, "the XML reader could not start")
      }
      defer { xmlFreeTextReader(reader) }
      cxml_silence(reader)
      xmlResetLastError()
      var tree = TreeBuilder(file: file)
      while try advance(reader, file: file) {
        try tree.take(reader)
      }
      return try tree.finished()
    }
  }

  /// A located error in `file`.
  private static func failure(_ file: String, _ line: Int, _ column: Int, _ message: String) -> GraphFileError {
    .invalid(file: file, problems: [.init(line: line, column: column, message: message)])
  }

  /// What is refused before libxml2 reads a byte: an encoding other than UTF-8, bytes that are
  /// not UTF-8, what ``preflight(_:)`` finds, and files of 2 GB or more.
  private static func refuseBeforeReading(_ data: Data, file: String) throws {
    if let (encoding, column) = declaredEncoding(data), !["utf-8", "utf8", "us-ascii", "ascii"].contains(encoding.lowercased()) {
      throw failure(file, 1, column, "the file declares encoding=\"\(encoding)\"; Statecraft reads XML in UTF-8 only (libxml2 would recode it, turning UTF-8 text such as \"Bé\" into \"BÃ©\"); save it as UTF-8 and declare encoding=\"UTF-8\"")
    }
    try requireUTF8(data, file: file)
    if let (line, column, message) = preflight(data) { throw failure(file, line, column, message) }
    guard data.count < Int(Int32.max) else {
      throw failure(file, 0, 0, "the file is larger than 2 GB, more than the XML reader takes; split it or convert it to CSV")
    }
  }

  /// Moves the reader to the next node: `false` at the end of the document; libxml2's own
  /// message, located, when the document is not well-formed.
  @inline(__always)
  private static func advance(_ reader: xmlTextReaderPtr, file: String) throws -> Bool {
    let status = xmlTextReaderRead(reader)
    if status == 0 { return false }
    guard status == 1 else {
      let error = xmlGetLastError()?.pointee
      let message = error.flatMap { $0.message.map { String(cString: $0) } }?
        .trimmingCharacters(in: .whitespacesAndNewlines) ?? "not well-formed XML"
      throw failure(file, Int(error?.line ?? 0), Int(error?.int2 ?? 0), "XML error: \(message)")
    }
    return true
  }

  /// The tree as the reader's nodes build it: the root, and the elements still open.
  private struct TreeBuilder {
    let file: String
    var root: XMLElement_?
    var stack: [XMLElement_] = []

    init(file: String) { self.file = file }

    @inline(__always)
    private static func string(_ p: UnsafePointer<xmlChar>?) -> String { p.map { String(cString: $0) } ?? "" }

    /// Takes the reader's current node: an element opens (or, empty, is added), an end tag
    /// closes, text is appended to the open element.
    mutating func take(_ reader: xmlTextReaderPtr) throws {
      switch xmlTextReaderNodeType(reader) {
      case 1:  // element
        try element(reader)
      case 15:  // end of element
        stack.removeLast()
      case 3, 4, 14:  // text, CDATA, significant white space
        stack.last?.text += Self.string(xmlTextReaderConstValue(reader))
      default:
        break
      }
    }

    /// The node's own line (the parser may have read ahead); the parser's column when it is
    /// still on that line, else the line's start.
    @inline(__always)
    private static func position(_ reader: xmlTextReaderPtr) -> (line: Int, column: Int) {
      let parserLine = Int(xmlTextReaderGetParserLineNumber(reader))
      let nodeLine = xmlTextReaderCurrentNode(reader).map { Int(xmlGetLineNo($0)) } ?? parserLine
      let line = nodeLine > 0 ? nodeLine : parserLine
      return (line, line == parserLine ? Int(xmlTextReaderGetParserColumnNumber(reader)) : 1)
    }

    /// A start tag: a new element with its attributes, added to the open element (or as the
    /// root), and opened unless empty.
    private mutating func element(_ reader: xmlTextReaderPtr) throws {
      let (line, column) = Self.position(reader)
      guard stack.count < maxDepth else {
        throw failure(file, line, column, "elements nest deeper than \(maxDepth) levels; a graph file never needs that")
      }
      let name = Self.string(xmlTextReaderConstName(reader))
      let empty = xmlTextReaderIsEmptyElement(reader) == 1
      var attributes: [String: String] = [:]
      while xmlTextReaderMoveToNextAttribute(reader) == 1 {
        attributes[Self.string(xmlTextReaderConstName(reader))] = Self.string(xmlTextReaderConstValue(reader))
      }
      xmlTextReaderMoveToElement(reader)
      let element = XMLElement_(name: name, attributes: attributes, line: line, column: column)
      if let parent = stack.last {
        parent.children.append(element)
      } else if root == nil {
        root = element
      } else {
        throw failure(file, line, column, "a second top-level element <\(name)>; an XML document has one root")
      }
      if !empty { stack.append(element) }
    }

    /// The root, once the document has ended with every element closed.
    func finished() throws -> XMLElement_ {
      guard let root else { throw failure(file, 1, 1, "the file holds no XML element") }
      if let open = stack.last { throw failure(file, 0, 0, "the file ends inside <\(open.name)>; it is truncated") }
      return root
    }
  }
}

extension XMLElement_ {
  /// The `encoding` an XML declaration names (`<?xml version="1.0" encoding="…"?>` on the first
  /// line) and the column of its value, if any.
  static func declaredEncoding(_ data: Data) -> (String, Int)? {
    let head = String(decoding: data.prefix(200), as: UTF8.self)
    guard head.hasPrefix("<?xml") || head.hasPrefix("\u{FEFF}<?xml"), let end = head.range(of: "?>"),
      let key = head.range(of: "encoding", range: head.startIndex ..< end.lowerBound)
    else { return nil }
    let rest = head[key.upperBound ..< end.lowerBound].drop { $0 == " " || $0 == "=" }
    guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
    let value = rest.dropFirst().prefix { $0 != quote }
    return (String(value), head.distance(from: head.startIndex, to: rest.startIndex) + 2)
  }

  /// The most attributes one element may carry: GraphML and GEXF elements have a handful, and
  /// libxml2 checks each new attribute against every earlier one (200,000 on one element,
  /// a 2.5 MB file, ran past 30 s).
  static let maxAttributes = 1_000

  /// The first thing libxml2 would handle badly, located: an `<!ENTITY` declaration, or an
  /// element with more than ``maxAttributes`` attributes.
  ///
  /// Declared entities are refused before libxml2 sees the document: its entity-amplification
  /// guard is off under `XML_PARSE_HUGE` (which large graph files need), and an attribute value
  /// that references nested entities was expanded to a gigabyte (the "billion laughs").
  /// One linear pass; comments, CDATA sections, processing instructions and quoted attribute
  /// values are skipped.
  static func preflight(_ data: Data) -> (line: Int, column: Int, message: String)? {
    data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> (line: Int, column: Int, message: String)? in
      var scan = PreflightScanner(raw.bindMemory(to: UInt8.self))
      while scan.i < scan.b.count {
        guard scan.b[scan.i] == UInt8(ascii: "<") else {
          scan.step()
          continue
        }
        if scan.starts("<!--") {
          scan.skip(to: "-->")
        } else if scan.starts("<![CDATA[") {
          scan.skip(to: "]]>")
        } else if scan.starts("<?") {
          scan.skip(to: "?>")
        } else if scan.starts("<!ENTITY") {
          return (scan.line, scan.column(scan.i), "the document declares an entity (<!ENTITY); GraphML and GEXF files never need one and Statecraft does not expand them (a few declared entities can expand a 1 KB file into gigabytes); write the text out in full")
        } else if scan.starts("<!DOCTYPE") {
          scan.i += 9  // its internal subset, if any, is scanned as it comes
        } else if scan.starts("<!") || scan.starts("</") {
          scan.skip(to: ">")
        } else {
          let (tagLine, tagColumn) = (scan.line, scan.column(scan.i))
          let attributes = scan.startTag()
          if attributes > maxAttributes {
            return (tagLine, tagColumn, "this element has \(attributes) attributes, more than the \(maxAttributes) a graph file needs (GraphML and GEXF keep data in <data> or <attvalue> children)")
          }
        }
      }
      return nil
    }
  }
}

/// The cursor of ``XMLElement_/preflight(_:)``: a byte position with its line, moved one
/// byte, one construct (up to its end marker) or one start tag at a time.
private struct PreflightScanner {
  let b: UnsafeBufferPointer<UInt8>
  var i = 0
  var line = 1
  var lineStart = 0

  init(_ bytes: UnsafeBufferPointer<UInt8>) { b = bytes }

  /// Whether the bytes at the cursor spell `text`.
  @inline(__always)
  func starts(_ text: StaticString) -> Bool { starts(text, at: i) }

  @inline(__always)
  private func starts(_ text: StaticString, at i: Int) -> Bool {
    let n = text.utf8CodeUnitCount
    guard i + n <= b.count else { return false }
    for k in 0 ..< n where b[i + k] != text.utf8Start[k] { return false }
    return true
  }

  /// Moves one byte on, counting lines.
  @inline(__always)
  mutating func step() {
    if b[i] == 0x0A {
      line += 1
      lineStart = i + 1
    }
    i += 1
  }

  /// Moves past the next `end` (or to the end of the data).
  mutating func skip(to end: StaticString) {
    while i < b.count && !starts(end, at: i) { step() }
    i = min(b.count, i + end.utf8CodeUnitCount)
  }

  /// The 1-based column (in Unicode scalars) of byte `at` on the current line.
  func column(_ at: Int) -> Int {
    String(decoding: UnsafeBufferPointer(rebasing: b[lineStart ..< at]), as: UTF8.self).unicodeScalars.count + 1
  }

  /// Reads a start tag from its `<` up to its `>` (the cursor stops on it) and returns its
  /// attribute count: each attribute has one `=` outside quotes.
  mutating func startTag() -> Int {
    var attributes = 0
    var quote: UInt8?
    step()
    while i < b.count {
      let c = b[i]
      if let q = quote {
        if c == q { quote = nil }
      } else if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
        quote = c
      } else if c == UInt8(ascii: "=") {
        attributes += 1
      } else if c == UInt8(ascii: ">") {
        break
      }
      step()
    }
    return attributes
  }
}

/// Text escaped for XML content and attribute values (GraphML, GEXF, SVG charts): markup
/// characters as entities, line breaks and tabs as character references, and the control
/// characters XML 1.0 cannot carry at all dropped.
public func xmlEscaped(_ s: String) -> String {
  // Most text needs nothing (every character escaped here is ASCII): one byte scan.
  if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 }) { return s }
  var out: [UInt8] = []
  appendXMLEscaped(s, to: &out)
  return String(decoding: out, as: UTF8.self)
}

/// Appends `s` escaped as ``xmlEscaped(_:)`` escapes it, as UTF-8 bytes: one pass over bytes
/// (a scalar-by-scalar copy of the explorer's tooltips, which hold many line breaks, was a
/// fifth of its answer to an edit).
public func appendXMLEscaped(_ s: String, to out: inout [UInt8]) {
  var s = s
  s.withUTF8 { bytes in
    // Runs of bytes that need nothing are copied at once (most of any text).
    var run = 0
    for (i, b) in bytes.enumerated() where b < 0x20 || b == 0x26 || b == 0x3C || b == 0x3E || b == 0x22 {
      out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run ..< i]))
      run = i + 1
      switch b {
      case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
      case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
      case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
      case UInt8(ascii: "\""): out.append(contentsOf: "&quot;".utf8)
      case UInt8(ascii: "\n"): out.append(contentsOf: "&#10;".utf8)
      case UInt8(ascii: "\r"): out.append(contentsOf: "&#13;".utf8)
      case UInt8(ascii: "\t"): out.append(contentsOf: "&#9;".utf8)
      // XML 1.0 cannot carry other control characters at all.
      default: continue
      }
    }
    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...]))
  }
}
