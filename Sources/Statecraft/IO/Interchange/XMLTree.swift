import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// A small XML element tree with source positions, read with Foundation's XMLParser (for
/// GraphML and GEXF).
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

  /// Parses a document; syntax errors are located.
  static func parse(_ data: Data, file: String) throws -> XMLElement_ {
    if let (line, column, byte) = firstInvalidUTF8(data) {
      throw GraphFileError.invalid(file: file, problems: [.init(
        line: line, column: column,
        message: "byte 0x\(String(byte, radix: 16, uppercase: true)) is not UTF-8; save the file as UTF-8")])
    }
    let delegate = TreeBuilder()
    let parser = XMLParser(data: data)
    parser.delegate = delegate
    parser.shouldProcessNamespaces = false
    delegate.parser = parser
    if !parser.parse() || delegate.root == nil || !delegate.stack.isEmpty {
      if let (line, column) = delegate.tooDeep {
        throw GraphFileError.invalid(file: file, problems: [.init(
          line: line, column: column, message: "elements nest deeper than \(maxDepth) levels; a graph file never needs that")])
      }
      let message = parser.parserError.map { ($0 as NSError).localizedDescription }
        ?? (delegate.stack.isEmpty ? "not well-formed XML" : "the file ends inside <\(delegate.stack.last!.name)>; it is truncated")
      throw GraphFileError.invalid(
        file: file,
        problems: [.init(line: parser.lineNumber, column: parser.columnNumber, message: "XML error: \(message)")])
    }
    return delegate.root!
  }

  /// The line, column and value of the first byte that is not valid UTF-8, if any.
  static func firstInvalidUTF8(_ data: Data) -> (Int, Int, UInt8)? {
    var line = 1, column = 1
    var i = data.startIndex
    while i < data.endIndex {
      let b = data[i]
      let length = b < 0x80 ? 1 : b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0
      guard length > 0, data.distance(from: i, to: data.endIndex) >= length else { return (line, column, b) }
      for k in 1 ..< length where data[i + k] & 0xC0 != 0x80 { return (line, column, data[i + k]) }
      // Overlong three- and four-byte forms, surrogates and code points above U+10FFFF.
      if length == 3 {
        let b1 = data[i + 1]
        if (b == 0xE0 && b1 < 0xA0) || (b == 0xED && b1 >= 0xA0) { return (line, column, b1) }
      } else if length == 4 {
        let b1 = data[i + 1]
        if (b == 0xF0 && b1 < 0x90) || (b == 0xF4 && b1 >= 0x90) { return (line, column, b1) }
      }
      if b == 0x0A { line += 1; column = 1 } else { column += 1 }
      i += length
    }
    return nil
  }
}

private final class TreeBuilder: NSObject, XMLParserDelegate {
  var root: XMLElement_?
  var stack: [XMLElement_] = []
  weak var parser: XMLParser?
  /// Where the document first nested deeper than ``XMLElement_/maxDepth``.
  var tooDeep: (Int, Int)?

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
  ) {
    guard stack.count < XMLElement_.maxDepth else {
      if tooDeep == nil { tooDeep = (parser.lineNumber, parser.columnNumber) }
      parser.abortParsing()
      return
    }
    let element = XMLElement_(
      name: elementName, attributes: attributeDict, line: parser.lineNumber, column: parser.columnNumber)
    if let parent = stack.last { parent.children.append(element) } else { root = element }
    stack.append(element)
  }

  func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
    if tooDeep == nil, !stack.isEmpty { stack.removeLast() }
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    stack.last?.text += string
  }
}

/// Text escaped for XML content and attribute values (GraphML, GEXF, SVG charts): markup
/// characters as entities, line breaks and tabs as character references, and the control
/// characters XML 1.0 cannot carry at all dropped.
public func xmlEscaped(_ s: String) -> String {
  var r = ""
  r.reserveCapacity(s.count)
  for c in s.unicodeScalars {
    switch c {
    case "&": r += "&amp;"
    case "<": r += "&lt;"
    case ">": r += "&gt;"
    case "\"": r += "&quot;"
    case "\n": r += "&#10;"
    case "\r": r += "&#13;"
    case "\t": r += "&#9;"
    default:
      // XML 1.0 cannot carry other control characters at all.
      if c.value < 0x20 { continue }
      r.unicodeScalars.append(c)
    }
  }
  return r
}
