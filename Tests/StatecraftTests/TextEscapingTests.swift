import Testing

@testable import StatecraftGraph
@testable import StatecraftWorld

/// The byte-level text helpers the explorer's answers go through, against plain
/// character-by-character versions of the same rules.
@Suite("Text escaping and searching")
struct TextEscapingTests {
  /// The JSON/YAML quoting rule written scalar by scalar (the rule `jsonQuoted` states).
  static func reference(_ s: String) -> String {
    var r = "\""
    for u in s.unicodeScalars {
      switch u {
      case "\"": r += "\\\""
      case "\\": r += "\\\\"
      case "\n": r += "\\n"
      case "\r": r += "\\r"
      case "\t": r += "\\t"
      default:
        if u.value < 0x20 || (0x7F ... 0x9F).contains(u.value) || u.value == 0x2028 || u.value == 0x2029 || u.value == 0xFEFF {
          let hex = String(u.value, radix: 16)
          r += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          r.unicodeScalars.append(u)
        }
      }
    }
    return r + "\""
  }

  /// Text drawn from the characters each rule treats specially, their UTF-8 neighbours and
  /// plain text.
  static func randomText(_ rng: inout SplitMix64) -> String {
    let pool: [Unicode.Scalar] = [
      "a", "Z", " ", "\"", "\\", "\n", "\r", "\t", "\u{0}", "\u{1F}", "\u{7F}", "\u{80}", "\u{9F}", "\u{A0}", "\u{C2}",
      "é", "\u{2027}", "\u{2028}", "\u{2029}", "\u{202A}", "\u{FEFF}", "\u{FEFE}", "\u{FFFD}", "—", "↔", "😀", "<", "&",
    ]
    var s = String.UnicodeScalarView()
    for _ in 0 ..< Int(rng.next() % 24) { s.append(pool[Int(rng.next() % UInt64(pool.count))]) }
    return String(s)
  }

  @Test("jsonQuoted, written over bytes, quotes 20,000 random texts as the scalar-by-scalar rule does")
  func quotingMatchesTheRule() {
    var rng = SplitMix64(seed: 11)
    for _ in 0 ..< 20_000 {
      let s = Self.randomText(&rng)
      #expect(jsonQuoted(s) == Self.reference(s), "\(Array(s.unicodeScalars))")
    }
  }

  @Test("appendJSONQuoted appends to what is there")
  func appendKeepsPrefix() {
    var out = Array("x=".utf8)
    appendJSONQuoted("a\u{2028}b", to: &out)
    #expect(String(decoding: out, as: UTF8.self) == "x=\"a\\u2028b\"")
  }

  @Test("byteRange finds what range(of:) finds in markup, from any start, and nothing past the end")
  func byteSearch() {
    var rng = SplitMix64(seed: 5)
    let pieces = ["<g id=\"a1\">", "<text", "é", "/>", "<", "g", " ", "\u{2028}", "<te"]
    for _ in 0 ..< 2_000 {
      var s = ""
      for _ in 0 ..< Int(rng.next() % 12) { s += pieces[Int(rng.next() % UInt64(pieces.count))] }
      let needle = ["<text", "<g id=\"a1\">", "/>", "<", "x"][Int(rng.next() % 5)]
      let offset = Int(rng.next() % UInt64(s.utf8.count + 1))
      let start = s.utf8.index(s.utf8.startIndex, offsetBy: offset)
      let bytes = Array(s.utf8), n = Array(needle.utf8)
      let expected = (offset ..< max(offset, bytes.count - n.count + 1)).first { Array(bytes[$0 ..< $0 + n.count]) == n }
      let found = s.byteRange(of: needle, from: start).map { s.utf8.distance(from: s.utf8.startIndex, to: $0.lowerBound) }
      #expect(found == expected, "\(s) / \(needle) from \(offset)")
      if let r = s.byteRange(of: needle, from: start) { #expect(String(s[r]) == needle) }
    }
    #expect("".byteRange(of: "<") == nil)
  }
}
