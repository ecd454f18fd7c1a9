import Foundation
import Testing

@testable import Statecraft
@testable import StatecraftGraph
@testable import StatecraftWorld

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

@Suite("Uncertain scenarios")
struct UncertainScenarioTests {
  static let file = """
    schema: 1
    base: x.yaml
    questions:
      measures: [pagerank]
      influence: [CHN over PAK]
    scenarios:
      - name: deal
        edits:
          - add: {from: USA, to: PAK, type: partnership, weight: 0.2..0.9}
          - reweight: {id: us-tariff-threat, weight: 0.3..1.0}
    """

  @Test("ranges in scenario edits are drawn with the world's; intervals agree with an independent seeded simulation")
  func intervalsMatchASimulation() throws {
    let world = try WorldIO.load(graphPath("pakistan-2025.yaml"))
    let file = try ScenarioFile.parse(Self.file, file: "deal.yaml", base: world)
    #expect(file.scenarios[0].edits.contains { if case .reweightRange = $0 { true } else { false } })
    let nominal = try file.run()
    let sampled = try ScenarioRunner(questions: file.questions).sampled(world, file.scenarios, nominal: nominal, samples: 2_000, seed: 7)
    let china = try #require(sampled.scenarios[0].changes.first { $0.what == "CHN over PAK" })
    // The simulation: draw the partnership's weight (the only range that reaches whom Pakistan
    // heeds) and recompute China's share from scratch through the library's plain influence call.
    var rng = SplitMix64(seed: 99)
    let before = try world.influence(of: "CHN", over: "PAK")
    var changes: [Double] = []
    for _ in 0 ..< 2_000 {
      var edited = world
      try edited.apply(.addRelation(Relation(from: "USA", to: "PAK", type: "partnership", weight: 0.2 + 0.7 * rng.nextUnit(), sign: .cooperative)))
      changes.append(try edited.influence(of: "CHN", over: "PAK") - before)
    }
    changes.sort()
    #expect(abs(china.median - changes[1_000]) < 0.005, "\(china.median) vs \(changes[1_000])")
    #expect(abs(china.low - changes[100]) < 0.005 && abs(china.high - changes[1_900]) < 0.005)
    #expect(china.sameSign == 1 && china.nominal < 0)
    // The same seed gives the same numbers; the text says what was drawn.
    let again = try ScenarioRunner(questions: file.questions).sampled(world, file.scenarios, nominal: nominal, samples: 2_000, seed: 7)
    #expect(try sampled.rendered(.json) == again.rendered(.json))
    #expect(sampled.text(.table).contains("90% interval") && sampled.text(.table).contains("same sign"))
    // Ranges survive a round trip through the scenario writer.
    let written = ScenarioWriter.file(file.scenarios, base: "x.yaml", questions: file.questions)
    #expect(written.contains("weight: \"0.2..0.9\"") && written.contains("weight: \"0.3..1\""), "\(written)")
    #expect(try ScenarioFile.parse(written, file: "back.yaml", base: world).scenarios[0].edits == file.scenarios[0].edits)
  }
}

