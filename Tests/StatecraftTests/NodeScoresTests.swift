import Foundation
import Testing

@testable import Statecraft
@testable import StatecraftGraph
@testable import StatecraftWorld
import StatecraftTestSupport

@Suite("NodeScores")
struct NodeScoresTests {
  @Test("scores looked up for many actors at once equal the one-actor lookup: missing, repeated and reordered ids")
  func valuesForIDs() {
    var rng = SplitMix64(seed: 7)
    let actors = (0 ..< 200).map { _ in Actor.ID("a\(Int(rng.next() % 150))") }  // repeats: the first wins
    let scores = NodeScores(actors: actors, values: actors.indices.map { _ in rng.nextUnit() })
    let asked = (0 ..< 400).map { _ in Actor.ID("a\(Int(rng.next() % 180))") }  // some unknown
    #expect(scores.values(for: asked) == asked.map { scores[actor: $0] })
    #expect(scores.values(for: actors) == actors.map { scores[actor: $0] })
  }

  @Test("the first k of the descending order, found without ordering the rest, equal its prefix (ties, NaN, ±0)", arguments: [UInt64(1), 2, 3])
  func descendingPrefix(seed: UInt64) {
    var rng = SplitMix64(seed: seed)
    // Few distinct values so ties abound; some NaN, −0 and values equal to 12 digits.
    let palette: [Double] = [1, 2, 2 + 1e-14, 0, -0.0, .nan, -3, 5, .infinity, 1e-300]
    let values = (0 ..< 3_000).map { _ in palette[Int(rng.next() % UInt64(palette.count))] * (rng.next() % 7 == 0 ? 1 : 1) }
    let keys = NodeScores.descendingKeys(values)
    let full = NodeScores.descendingOrder(values)
    for k in [0, 1, 7, 256, 2_999, 3_000, 5_000] {
      #expect(NodeScores.descendingPrefix(k, keys: keys) == Array(full.prefix(k)), "k = \(k)")
    }
    // Leverage's ranked view: the head and the lazily sorted rest read as the full order.
    let entries = values.indices.map { LeverageEntry(relationIndex: $0) }
    let ranked = RankedEntries(storage: entries, sizes: values)
    #expect(ranked.map(\.relationIndex) == full.map { Optional($0) })
  }

  @Test("a big ranking's head, found in parallel units, and its keys are the same on 1, 2 and 3 threads", arguments: [1, 2, 3])
  func descendingPrefixInParallel(threads: Int) {
    var rng = SplitMix64(seed: 11)
    // Above the sizes where keys and the head are made on every core; ties in every unit.
    let values = (0 ..< 300_000).map { _ in rng.next() % 5 == 0 ? Double(rng.next() % 50) : rng.nextUnit() }
    let full = NodeScores.descendingOrder(values)
    WorkUnits.$workerLimit.withValue(threads) {
      let keys = NodeScores.descendingKeys(values)
      #expect(keys == values.map(NodeScores.descendingKey))
      for k in [1, 256, 1_000] { #expect(NodeScores.descendingPrefix(k, keys: keys) == Array(full.prefix(k)), "k = \(k)") }
      let entries = values.indices.map { LeverageEntry(relationIndex: $0) }
      let ranked = RankedEntries(storage: entries, sizes: values)
      #expect(ranked.prefix(300).map(\.relationIndex) == full.prefix(300).map { Optional($0) })
    }
  }

  @Test("ranking breaks ties by file order, even with rounding noise")
  func ties() {
    let s = NodeScores(actors: ["A", "B", "C", "D"], values: [0.1, 0.3, 0.1 + 1e-17, 0.30000000000000004])
    #expect(s.ranked().map(\.actor) == ["B", "D", "A", "C"])
    #expect(s.top(1).map(\.actor) == ["B"])
    #expect(s[actor: "C"] == 0.1 + 1e-17)
    #expect(s[actor: "Z"] == nil)
  }

  @Test("the radix ranking equals a comparison sort on seeded random values with ties, signs, zeros and NaN", arguments: [7, 600, 5_000, 300_000] as [Int])
  func radixOrder(count: Int) {
    var rng = SplitMix64(seed: UInt64(count))
    let pool: [Double] = [0, -0.0, 1, -1, .infinity, -.infinity, .nan, 1e-300, 0.1 + 1e-17, 0.1]
    let values: [Double] = (0 ..< count).map { _ in
      switch rng.next() % 4 {
      case 0: pool[Int(rng.next() % UInt64(pool.count))]
      case 1: (rng.nextUnit() - 0.5) * 1e6
      case 2: rng.nextUnit() * pow(10, Double(Int(rng.next() % 40)) - 30)
      default: Double(Int(rng.next() % 5))  // many exact ties
      }
    }
    // The definition: keys to 12 significant digits, larger first, NaN last, ties by index.
    let key = values.map { NodeScores.orderingKey($0) }
    let expected = values.indices.sorted { a, b in
      switch (key[a].isNaN, key[b].isNaN) {
      case (false, false): key[a] != key[b] ? key[a] > key[b] : a < b
      case (true, true): a < b
      case (let x, _): !x
      }
    }
    #expect(NodeScores.descendingOrder(values) == expected)
  }
}

/// `ReportJSON` on objects keyed by many ids (a ranking of 100,000 actors is one object): keys
/// keep the order they were written in, and a key written twice keeps its first place.
@Suite("Report JSON with many keys")
struct ReportJSONManyKeysTests {
  struct ManyKeys: Encodable {
    struct Key: CodingKey {
      var stringValue: String
      var intValue: Int? { nil }
      init(stringValue: String) { self.stringValue = stringValue }
      init?(intValue: Int) { nil }
    }
    let pairs: [(String, Int)]
    func encode(to encoder: Encoder) throws {
      var c = encoder.container(keyedBy: Key.self)
      for (k, v) in pairs { try c.encode(v, forKey: Key(stringValue: k)) }
    }
  }

  @Test("2,000 keys in written order, a repeated key in its first place with its last value")
  func order() throws {
    var pairs = (0 ..< 2_000).map { ("a\(($0 * 7919) % 2_000)", $0) }
    pairs.append(("a0", -1))  // a0 was written first; written again, it stays first with -1
    let json = try ReportJSON.encode(ManyKeys(pairs: pairs))
    let keys = json.split(separator: "\n").dropFirst().dropLast().map { $0.split(separator: "\"")[1] }
    #expect(keys.count == 2_000 && keys.prefix(3) == ["a0", "a1919", "a1838"])
    #expect(json.contains("\"a0\": -1,"))
  }

  @Test("compact JSON is the same value on one line: nested objects, arrays, hostile keys and strings")
  func compact() throws {
    struct Nested: Encodable {
      let name = "a \"quoted\"\nline, {not: [json]}"
      let values = [1.5, -0.0, 1e-7]
      let empty: [Int] = []
      let rows = [["x": 1], [:], ["y\u{2028}": 2]]
      let none: Int? = nil
      let many = ManyKeys(pairs: (0 ..< 40).map { ("k\($0)", $0) })
    }
    let pretty = try ReportJSON.encode(Nested())
    let compact = try ReportJSON.encode(Nested(), compact: true)
    #expect(!compact.contains("\n") && !compact.contains("\": ") && compact.utf8.count < pretty.utf8.count)
    let a = try JSONSerialization.jsonObject(with: Data(pretty.utf8)) as? NSDictionary
    let b = try JSONSerialization.jsonObject(with: Data(compact.utf8)) as? NSDictionary
    #expect(a != nil && a == b)
    // The keys keep their written order.
    #expect(compact.hasPrefix("{\"name\":\"a \\\"quoted\\\"\\nline, {not: [json]}\",\"values\":[1.5,"))
  }
}

/// `ReportJSON` writes scalars, optional scalars and arrays of them without the generic
/// `Encodable` path (by their type): each must print as the generic path did, whether it
/// arrives as a keyed, unkeyed or single value, as a nested value or as an `Encodable` box.
@Suite("Report JSON scalars")
struct ReportJSONScalarTests {
  /// Wraps a value so it is encoded through the generic `encode(_: some Encodable)` methods.
  struct Boxed<T: Encodable>: Encodable {
    let value: T
    func encode(to encoder: Encoder) throws {
      var single = encoder.singleValueContainer()
      try single.encode(value)
    }
  }

  struct Everything: Encodable {
    let d = 0.1, f: Float = 0.5, i = -3, u: UInt64 = 18_446_744_073_709_551_615, b = true, s = "tab\there \"q\" \u{7F}"
    let od: Double? = nil, od2: Double? = 2.5, os: String? = "é\u{2028}", oi: Int? = nil
    let ad = [1.0, .nan, -0.0], aod: [Double?] = [nil, 1e-7], ai = [1, 2], astr = ["a\\b", ""]
    let boxed = [Boxed(value: Double?.none)], boxedString = Boxed(value: "x\n"), nested = [[0.25]]
    func encode(to encoder: Encoder) throws {
      var c = encoder.container(keyedBy: DynamicKey.self)
      try c.encode(d, forKey: DynamicKey("d"))
      try c.encode(f, forKey: DynamicKey("f"))
      try c.encode(i, forKey: DynamicKey("i"))
      try c.encode(u, forKey: DynamicKey("u"))
      try c.encode(b, forKey: DynamicKey("b"))
      try c.encode(s, forKey: DynamicKey("s"))
      // Optionals written as values (null when absent), as the generic path wrote them.
      try c.encode(od, forKey: DynamicKey("od"))
      try c.encode(od2, forKey: DynamicKey("od2"))
      try c.encode(os, forKey: DynamicKey("os"))
      try c.encode(oi, forKey: DynamicKey("oi"))
      try c.encodeIfPresent(oi, forKey: DynamicKey("absent"))
      try c.encode(ad, forKey: DynamicKey("ad"))
      try c.encode(aod, forKey: DynamicKey("aod"))
      try c.encode(ai, forKey: DynamicKey("ai"))
      try c.encode(astr, forKey: DynamicKey("astr"))
      try c.encode(boxed, forKey: DynamicKey("boxed"))
      try c.encode(boxedString, forKey: DynamicKey("boxedString"))
      try c.encode(nested, forKey: DynamicKey("nested"))
      var list = c.nestedUnkeyedContainer(forKey: DynamicKey("list"))
      try list.encode(1.5)
      try list.encode("y")
      try list.encode(7)
      try list.encode(false)
      try list.encode(Int?.none)
    }
  }

  @Test("each scalar kind prints as JSON, escapes and nulls included")
  func scalars() throws {
    // Written out by hand from the rules (`ReportText.jsonNumber`: shortest round trip,
    // null when not finite, −0 as 0; strings escaped as `jsonQuoted`).
    let expected = #"{"d":0.1,"f":0.5,"i":-3,"u":18446744073709551615,"b":true,"s":"tab\there \"q\" \u007f","#
      + #""od":null,"od2":2.5,"os":"é\u2028","oi":null,"ad":[1,null,0],"aod":[null,1e-07],"ai":[1,2],"astr":["a\\b",""],"#
      + #""boxed":[null],"boxedString":"x\n","nested":[[0.25]],"list":[1.5,"y",7,false,null]}"#
    #expect(try ReportJSON.encode(Everything(), compact: true) == expected)
    // The pretty form holds the same value.
    let pretty = try JSONSerialization.jsonObject(with: Data(try ReportJSON.encode(Everything()).utf8)) as? NSDictionary
    let compact = try JSONSerialization.jsonObject(with: Data(expected.utf8)) as? NSDictionary
    #expect(pretty != nil && pretty == compact)
  }
}

/// `ReportJSON`'s string fast paths on hostile text: whatever a string holds (quotes,
/// backslashes, controls, line separators, non-ASCII), it reads back as written.
@Suite("Report JSON hostile strings")
struct ReportJSONHostileTests {
  struct Row: Codable, Equatable {
    var name: String, maybe: String?, list: [String], scores: [Double?]
  }

  @Test("random hostile strings and numbers round-trip through ReportJSON, compact and pretty", arguments: [UInt64(11), 12, 13])
  func roundTrip(seed: UInt64) throws {
    var rng = SplitMix64(seed: seed)
    let alphabet: [Character] = ["a", "\"", "\\", "\n", "\r", "\t", "\u{0}", "\u{1F}", "\u{7F}", "\u{85}", "\u{2028}", "\u{2029}", "\u{FEFF}", "é", "中", "🙂", "<", "/", "}", "]", ":"]
    func text() -> String { String((0 ..< Int(rng.next() % 12)).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }) }
    let rows = (0 ..< 40).map { _ in
      Row(name: text(), maybe: rng.next() % 3 == 0 ? nil : text(), list: (0 ..< Int(rng.next() % 4)).map { _ in text() },
          scores: (0 ..< Int(rng.next() % 4)).map { _ in rng.next() % 4 == 0 ? nil : Double(Int64(bitPattern: rng.next() >> 11)) / 1e9 })
    }
    for compact in [true, false] {
      let json = try ReportJSON.encode(rows, compact: compact)
      #expect(try JSONDecoder().decode([Row].self, from: Data(json.utf8)) == rows, "compact: \(compact)")
    }
  }
}

/// Report numbers written without Foundation where it is certain, as C writes them.
@Suite("Report numbers")
struct ReportNumberTests {
  @Test("appendFixed writes the same digits as text and as bytes", arguments: [0, 1, 2, 3, 9])
  func fixedBytes(places: Int) {
    var rng = SplitMix64(seed: UInt64(places) + 90)
    var values: [Double] = [0, -0.0, 1, -1, 0.5, -0.005, 99.995, 1e15, .infinity, .nan, -1e-12]
    for _ in 0 ..< 2_000 { values.append((rng.nextUnit() - 0.5) * pow(10, Double(Int(rng.next() % 24)) - 8)) }
    for x in values {
      var text = ""
      var bytes: [UInt8] = [UInt8(ascii: "x")]
      ReportText.appendFixed(x, places: places, to: &text)
      ReportText.appendFixed(x, places: places, to: &bytes)
      #expect(String(decoding: bytes, as: UTF8.self) == "x" + text, "\(x)")
    }
  }

  @Test("decimal(_:places:) writes what String(format: \"%.Nf\") writes: random magnitudes, signs, zeros and near ties", arguments: Array(0 ... 9))
  func decimalAsPrintf(places: Int) {
    var rng = SplitMix64(seed: UInt64(places) + 40)
    var scale = 1.0
    for _ in 0 ..< places { scale *= 10 }
    var values: [Double] = [0, -0.0, 1, -1, 0.5, -0.5, 2.5, 1e15, -1e15, 1e300, .infinity, -.infinity, .nan, .leastNonzeroMagnitude, -1e-12]
    for _ in 0 ..< 8_000 {
      let x = (rng.nextUnit() - 0.5) * pow(10, Double(Int(rng.next() % 30)) - 12)
      values.append(x)
      // Exact and near ties of the last place, where the product's rounding decides.
      let tie = ((x * scale).rounded(.down) + 0.5) / scale
      values += [tie, tie.nextUp, tie.nextDown, -tie]
    }
    let wrong = values.filter { ReportText.decimal($0, places: places) != String(format: "%.\(places)f", $0) }
    #expect(wrong.isEmpty, "\(wrong.prefix(5).map { "\($0): \(ReportText.decimal($0, places: places)) vs \(String(format: "%.\(places)f", $0))" })")
  }

  @Test("table numbers and signed changes keep their printf forms")
  func tableNumbers() {
    #expect(ReportText.tableNumber(0.123456789) == "0.123457")
    #expect(ReportText.tableNumber(-2.5e-5) == "-2.5000e-05")
    #expect(ReportText.tableNumber(3) == "3")
    #expect(ReportText.signedNumber(0.0001234) == "+0.000123")
    #expect(ReportText.signedNumber(-0.25) == "−0.250000")
  }
}
