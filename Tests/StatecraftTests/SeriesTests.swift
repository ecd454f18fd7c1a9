import Foundation
import Testing

@testable import Statecraft
@testable import StatecraftGraph
@testable import StatecraftWorld
import StatecraftTestSupport

@Suite("Timelines and sweeps")
struct SeriesTests {
  @Test("a timeline sees only the relations valid on each date")
  func timeline() throws {
    let world = try WorldIO.load(graphPath("gdelt-sample.yaml"))
    let t = try world.timeline(.pagerank, from: PartialDate("2025-03")!, to: PartialDate("2025-09")!, step: .month)
    #expect(t.points == ["2025-03", "2025-04", "2025-05", "2025-06", "2025-07", "2025-08", "2025-09"])
    for (i, p) in t.points.enumerated() {
      let direct = try world.scores(.pagerank, lens: Lens(date: PartialDate(p)))
      #expect(t.series.map { $0.values[i] } == direct.values)
    }
    #expect(t.biggestMovers(1)[0].name == "PAK")
    let quarters = try world.timeline(.degree, from: PartialDate("2024")!, to: PartialDate("2025")!, step: .quarter)
    #expect(quarters.points == ["2024-01", "2024-04", "2024-07", "2024-10", "2025-01", "2025-04", "2025-07", "2025-10"])
    let years = try world.timeline(.degree, from: PartialDate("2024")!, to: PartialDate("2025")!, step: .year)
    #expect(years.points == ["2024", "2025"])
  }

  @Test("a sweep equals re-weighting and recomputing at each weight (to the solver's tolerance)")
  func sweep() throws {
    let world = try WorldIO.load(graphPath("pakistan-2025.yaml"))
    let target = LeverageTarget.influence(InfluencePair(source: "CHN", target: "PAK"), .fj)
    let s = try world.sweep(.id("us-tariff-threat"), over: [0.2, 0.8], target: target)
    for (w, v) in zip([0.2, 0.8], s.series[0].values) {
      var edited = world
      try edited.apply(.reweight(.id("us-tariff-threat"), weight: w))
      // Each step starts from the one before: equal to the tolerance, not bit for bit.
      #expect(abs(v - (try edited.value(of: target))) <= 1e-12)
    }
    // At the nominal weight the sweep equals the world's own value.
    #expect(abs(s.series[0].values[1] - (try world.value(of: target))) <= 1e-12)
    #expect(s.report(.csv).hasPrefix("series,weight of us-tariff-threat,CHN over PAK\nCHN over PAK,0.2,"))
  }
}

/// A sweep starts each step's solve from the step before's (the hard-problems issue's edits
/// answered incrementally): the same values as solving every step from scratch.
@Suite("Sweeps started warm")
struct WarmSweepTests {
  @Test("PageRank and influence sweeps equal step-by-step cold solves to the solvers' tolerance")
  func warmEqualsCold() throws {
    let world = try WorldIO.load(graphPath("pakistan-2025.yaml"))
    let weights = [0.05, 0.2, 0.4, 0.6, 0.8, 1.0, 1.4]
    let targets: [LeverageTarget] = [.score(.pagerank, "PAK"), .influence(InfluencePair(source: "CHN", target: "PAK"), .fj)]
    for target in targets {
      let swept = try world.sweep(.id("us-tariff-threat"), over: weights, target: target).series[0].values
      let cold = try weights.map { w -> Double in
        var edited = world
        try edited.apply(.reweight(.id("us-tariff-threat"), weight: w))
        return try edited.value(of: target)
      }
      #expect(zip(swept, cold).allSatisfy { abs($0 - $1) <= 1e-12 }, "\(target): \(swept) against \(cold)")
    }
  }
}
