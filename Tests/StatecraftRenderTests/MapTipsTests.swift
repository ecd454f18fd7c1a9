import Foundation
#if canImport(FoundationXML)
  import FoundationXML
#endif
import Statecraft
import Testing

@testable import StatecraftRender

@Suite("Map tips")
struct MapTipsTests {
  /// Collects each element group's `data-tip` as an XML parser reads it back.
  final class TipReader: NSObject, XMLParserDelegate {
    var tips: [String: String] = [:]
    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
      if name == "g", let id = attributes["id"], let tip = attributes["data-tip"] { tips[id] = tip }
    }
  }

  @Test("hostile hover text round-trips: an XML parser reads back every tip as written (less the controls XML cannot carry), the rest of the SVG untouched", arguments: [UInt64(1), 2, 3])
  func hostileRoundTrip(seed: UInt64) throws {
    var rng = SplitMix64(seed: seed)
    let alphabet: [String] = ["a", "Z", " ", "\"", "'", "<", ">", "&", "&amp;", "\n", "\r", "\t", "\u{1}", "\u{7}", "é", "→", "𝔸", "\\", "<g id=\"a1\">", "]]>", "data-tip=\""]
    var tips = MapTips()
    var groups = ""
    for i in 0 ..< 40 {
      let id = i.isMultiple(of: 2) ? "a\(i)" : "t\(i)_\(i + 1)_p_0"
      let text = (0 ..< Int.random(in: 0 ... 30, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }.joined()
      if i % 5 != 4 { tips.set(id, text) }  // some elements have no tip
      groups += "<g id=\"\(id)\" class=\"\(i.isMultiple(of: 2) ? "node" : "edge")\"><title>x</title></g>\n"
    }
    let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\">\n<g id=\"graph0\" class=\"graph\">\n\(groups)</g>\n</svg>\n"
    let out = tips.apply(to: svg)
    let reader = TipReader()
    let parser = XMLParser(data: Data(out.utf8))
    parser.delegate = reader
    #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
    // XML normalizes a CR read back to LF only when written raw; as &#13; it stays CR.
    let expected = tips.byID.mapValues { String(String.UnicodeScalarView($0.unicodeScalars.filter { $0.value >= 0x20 || "\t\n\r".unicodeScalars.contains($0) })) }
    #expect(reader.tips == expected)
    // Without the inserted attributes the SVG is what it was.
    #expect(out.replacing(/\ data-tip="[^"]*"/, with: "") == svg)
  }
}
