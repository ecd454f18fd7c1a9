import Foundation
import Testing

@testable import Statecraft

@Suite("Weight ranges and Monte Carlo")
struct UncertaintyTests {
  static func world(_ weights: [String]) throws -> World {
    let relations = zip([("A", "B"), ("B", "C"), ("C", "A"), ("A", "C")], weights).map { pair, w in
      "  - {from: \(pair.0), to: \(pair.1), type: tie, weight: \(w)}"
    }.joined(separator: "\n")
    return try WorldYAML.parse("""
      schema: 1
      types:
        - {id: tie, polarity: cooperative}
      actors:
        - {id: A}
        - {id: B}
        - {id: C}
      relations:
      \(relations)
      """, file: "w.yaml", defaultName: "w")
  }

  @Test("ranges read as LOW..HIGH or {low, high}; the nominal weight is the midpoint; they round-trip")
  func reading() throws {
    let w = try Self.world(["0.6..1.0", "{low: 0.2, high: 0.4}", "1", "0.5..0.5"])
    #expect(w.relations[0].weightRange == 0.6 ... 1.0 && w.relations[0].weight == 0.8)
    #expect(w.relations[1].weightRange == 0.2 ... 0.4)
    #expect(w.relations[2].weightRange == nil)
    let back = try WorldYAML.parse(WorldYAML.write(w), file: "back.yaml", defaultName: "w")
    #expect(back.relations.map(\.weightRange) == w.relations.map(\.weightRange))
  }

  @Test("bad ranges are located errors")
  func badRanges() {
    for (weight, message) in [
      ("0.7..0.4", "has low > high; write the smaller number first"),
      ("0..0.4", "the low end must be greater than 0"),
      ("{low: 0.1}", "needs two finite numbers"),
      ("0.1..x", "needs two finite numbers"),
      ("0.1..0.2..0.3", "must read LOW..HIGH"),
    ] {
      #expect {
        try Self.world([weight, "1", "1", "1"])
      } throws: { error in
        "\(error)".contains("w.yaml:9:") && "\(error)".contains(message)
      }
    }
  }

  @Test("the same seed gives the same samples; point ranges give the nominal scores")
  func deterministic() throws {
    let w = try Self.world(["0.2..1.0", "0.5..0.9", "1", "0.1..0.3"])
    let a = try w.uncertainty(samples: 300, seed: 9) { try $0.scores(.pagerank) }
    let b = try w.uncertainty(samples: 300, seed: 9) { try $0.scores(.pagerank) }
    let c = try w.uncertainty(samples: 300, seed: 10) { try $0.scores(.pagerank) }
    #expect(a.rows.map(\.median) == b.rows.map(\.median) && a.rows.map(\.rankCounts) == b.rows.map(\.rankCounts))
    #expect(a.rows.map(\.median) != c.rows.map(\.median))
    #expect(a.rows.allSatisfy { $0.low <= $0.median && $0.median <= $0.high && $0.rankCounts.reduce(0, +) == 300 })
    let point = try Self.world(["0.6..0.6", "0.5..0.5", "1", "0.2..0.2"])
    let exact = try point.scores(.pagerank)
    let sampled = try point.uncertainty(samples: 50, seed: 1) { try $0.scores(.pagerank) }
    for row in sampled.rows {
      #expect(row.median == exact[actor: row.actor] && row.low == row.median && row.high == row.median)
    }
  }

  @Test("percentiles interpolate like NumPy")
  func percentiles() {
    // obtained with: numpy.percentile([1, 2, 3, 4], [5, 50, 95])  # numpy 2.x: 1.15, 2.5, 3.85
    #expect(abs(World.percentile([1, 2, 3, 4], 0.05) - 1.15) < 1e-12)
    #expect(World.percentile([1, 2, 3, 4], 0.5) == 2.5)
    #expect(abs(World.percentile([1, 2, 3, 4], 0.95) - 3.85) < 1e-12)
  }
}
