import Foundation
import Testing

@testable import Statecraft
@testable import StatecraftGraph
@testable import StatecraftWorld

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

  @Test("a sweep equals re-weighting and recomputing at each weight")
  func sweep() throws {
    let world = try WorldIO.load(graphPath("pakistan-2025.yaml"))
    let target = LeverageTarget.influence(InfluencePair(source: "CHN", target: "PAK"), .fj)
    let s = try world.sweep(.id("us-tariff-threat"), over: [0.2, 0.8], target: target)
    for (w, v) in zip([0.2, 0.8], s.series[0].values) {
      var edited = world
      try edited.apply(.reweight(.id("us-tariff-threat"), weight: w))
      #expect(v == (try edited.value(of: target)))
    }
    // At the nominal weight the sweep equals the world's own value.
    #expect(s.series[0].values[1] == (try world.value(of: target)))
    #expect(s.report(.csv).hasPrefix("series,weight of us-tariff-threat,CHN over PAK\nCHN over PAK,0.2,"))
  }
}
