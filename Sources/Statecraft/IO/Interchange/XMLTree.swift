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

  /// Parses a document; syntax errors are located.
  static func parse(_ data: Data, file: String) throws -> XMLElement_ {
    let delegate = TreeBuilder()
    let parser = XMLParser(data: data)
    parser.delegate = delegate
    parser.shouldProcessNamespaces = false
    delegate.parser = parser
    if !parser.parse() || delegate.root == nil || !delegate.stack.isEmpty {
      let message = parser.parserError.map { ($0 as NSError).localizedDescription }
        ?? (delegate.stack.isEmpty ? "not well-formed XML" : "the file ends inside <\(delegate.stack.last!.name)>; it is truncated")
      throw GraphFileError.invalid(
        file: file,
        problems: [.init(line: parser.lineNumber, column: parser.columnNumber, message: "XML error: \(message)")])
    }
    return delegate.root!
  }
}

private final class TreeBuilder: NSObject, XMLParserDelegate {
  var root: XMLElement_?
  var stack: [XMLElement_] = []
  weak var parser: XMLParser?

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
  ) {
    let element = XMLElement_(
      name: elementName, attributes: attributeDict, line: parser.lineNumber, column: parser.columnNumber)
    if let parent = stack.last { parent.children.append(element) } else { root = element }
    stack.append(element)
  }

  func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
    stack.removeLast()
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
