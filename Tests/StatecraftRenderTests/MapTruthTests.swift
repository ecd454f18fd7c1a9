import Foundation
#if canImport(FoundationXML)
  import FoundationXML
#endif
import Statecraft
import StatecraftTestSupport
import Testing

@testable import StatecraftRender

/// What a map or chart says must be what it shows: captions state the lens actually used,
/// legends list what is drawn, groups are boxed or keyed, charts carry their scales.
@Suite("Maps and charts say what they show")
struct MapTruthTests {
  @Test("a delta map draws a re-weighted tie once, CHANGED with its old weight; a tie re-signed out of the lens is ghosted as removed")
  func changedTies() throws {
    let world = try WorldIO.load(graphPath("pakistan-2025.yaml"))
    var edited = world
    try edited.apply([.reweight(.id("cpec-investment"), weight: 1.5), .resign(.id("minerals-pitch"), sign: .hostile)])
    let lens = Lens(sign: .positive, date: world.date)
    let delta = DeltaMap(
      scenario: "test", measure: "pagerank", deltas: edited.scores(Array(repeating: 0, count: edited.actors.count)),
      diff: world.relationDiff(to: edited), shown: lens.admits, drawn: lens.admits, removedActors: [], unbalancedTriangles: [])
    #expect(delta.changed.keys.map(\.id) == ["cpec-investment"] && delta.added.isEmpty)
    #expect(delta.removed.map(\.id) == ["minerals-pitch"], "the old cooperative tie is ghosted: its new version is outside the lens")
    let drawn = try dot(edited) { $0.lens = lens; $0.delta = delta; $0.edgeLabels = true }
    #expect(drawn.contains("label=\"CHANGED investment\"") && drawn.contains("changed in the scenario (weight 1 → 1.5)"))
    #expect(!drawn.contains("label=\"removed: investment\""))
  }

  func dot(_ world: World, _ configure: (inout MapOptions) -> Void = { _ in }) throws -> String {
    var options = MapOptions()
    configure(&options)
    return try DOTWriter().write(world, options: options)
  }

  @Test("the caption states the lens's date; without one it says every date is drawn, not 'as of' the world's date")
  func captionDate() throws {
    let world = try seedWorld()
    let dated = try dot(world) { $0.lens.date = PartialDate("2024-06") }
    #expect(dated.contains("as of 2024-06"))
    #expect(!dated.contains("as of 2025-07"))
    let undated = try dot(world)
    #expect(!undated.contains("as of "))
    #expect(undated.contains("relations of every date (world dated 2025-07)"))
  }

  @Test("--sources: cited lists only sources a drawn relation cites; all lists every one; none lists none")
  func sourceListing() throws {
    var world = try seedWorld()
    world.sources.append(Source(id: "uncited", title: "A source nobody cites"))
    let cited = try dot(world)
    #expect(cited.contains("Source: Pakistan courts the US") && !cited.contains("nobody cites"))
    #expect(try dot(world) { $0.sources = .all }.contains("nobody cites"))
    #expect(!(try dot(world) { $0.sources = .none }).contains("Source: "))
  }

  @Test("clusters: dot boxes them and says 'boxes'; sfdp colours them and keys every group")
  func clustersBoxedOrKeyed() throws {
    let world = try seedWorld()
    let boxed = try dot(world) { $0.clusterBy = "bloc"; $0.engine = .dot }
    #expect(boxed.contains("boxes: bloc") && boxed.contains("subgraph \"cluster_0\""))
    let coloured = try dot(world) { $0.clusterBy = "bloc"; $0.engine = .sfdp }
    #expect(!coloured.contains("boxes: bloc") && coloured.contains("colour: bloc"))
    for bloc in ["Pakistan", "United States", "China", "Baloch insurgency", "Western business"] {
      #expect(coloured.contains(">\(bloc)</td>"), "key names \(bloc)")
    }
  }

  @Test("camps are keyed by name, in fills that pass WCAG AA against black labels")
  func campsKeyed() throws {
    let world = try seedWorld()
    var signed = Lens()
    signed.sign = .signed
    let camps = try world.through(signed).signedGraph(combine: .sum).frustration().camps
    let text = try dot(world) { $0.colorGroups = ("balance camp", camps) }
    #expect(text.contains("camp A: ") && text.contains("camp B: BSG"))
    for fill in MapStyle().campFills {
      #expect(contrastWithBlack(fill) >= 4.5, "\(fill): \(contrastWithBlack(fill))")
      #expect(text.contains("fillcolor=\"\(fill)\""))
    }
  }

  @Test("a delta map promises 'labelled NEW' only when edge labels are drawn")
  func deltaLegendMatchesLabels() throws {
    let file = try ScenarioFile.load(graphPath("scenarios/pakistan-2025.yaml"))
    let comparison = try file.run(only: ["minerals-deal"])
    let (small, _) = try comparison.deltaMapDOT(0, base: file.base)
    #expect(small.contains("wide edge labelled NEW") && small.contains("label=\"NEW "))
    // The same edits on a world of more than 60 relations: labels switch off, and so does the promise.
    var big = file.base
    for i in 0 ..< 50 {
      try big.apply(.addActor(Actor(id: Actor.ID("X\(i)"), name: "Filler \(i)")))
      try big.apply(.addRelation(Relation(from: Actor.ID("X\(i)"), to: "PAK", type: "trade-talks", weight: 0.2, sign: .neutral)))
    }
    let bigComparison = try ScenarioRunner(questions: file.questions).compare(big, comparison.scenarios.map(\.scenario))
    let (large, _) = try bigComparison.deltaMapDOT(0, base: big)
    #expect(!large.contains("label=\"NEW "))
    #expect(!large.contains("labelled NEW") && large.contains("wide edge: added or changed"))
  }

  /// WCAG 2 contrast ratio of a fill against black text.
  func contrastWithBlack(_ hex: String) -> Double {
    let v = Int(hex.dropFirst(), radix: 16)!
    let channels = [(v >> 16) & 255, (v >> 8) & 255, v & 255].map { c -> Double in
      let s = Double(c) / 255
      return s <= 0.03928 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4)
    }
    let luminance = 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
    return (luminance + 0.05) / 0.05
  }
}

@Suite("Chart scales")
struct ChartScaleTests {
  @Test("round ticks: steps of 1, 2 or 5 × 10^k covering the range")
  func niceTicks() {
    let t = SeriesChart.niceTicks(0.0993, 0.1303)
    #expect(t.first! <= 0.0993 && t.last! >= 0.1303)
    let steps = zip(t.dropFirst(), t).map { $0 - $1 }
    #expect(steps.allSatisfy { abs($0 - 0.01) < 1e-12 })
    #expect(SeriesChart.niceTicks(0, 7) == [0, 2, 4, 6, 8])
    #expect(SeriesChart.niceTicks(-3, 3) == [-4, -2, 0, 2, 4])
  }

  @Test("a sweep chart wraps a long title, titles both axes, grids at ticks and marks the current weight")
  func sweepChart() throws {
    let world = try seedWorld()
    let set = try world.sweep(
      .id("us-tariff-threat"), over: [0.2, 0.4, 0.6, 0.8, 1.0], target: .influence(InfluencePair("CHN over PAK")!, .fj))
    let title = String(repeating: "A long briefing title that would run past the edge ", count: 3)
    let svg = SeriesChart.svg(set, title: title)
    #expect(XMLParser(data: Data(svg.utf8)).parse())
    let width = Double(svg.firstMatch(of: /width="([0-9.]+)"/)!.1)!
    let titleLines = svg.matches(of: /font-size="18" font-weight="bold">([^<]*)</).map { String($0.1) }
    #expect(titleLines.count >= 2)
    #expect(titleLines.allSatisfy { 86 + 10.5 * Double($0.count) <= width }, "every title line fits")
    #expect(svg.contains(">weight of us-tariff-threat</text>"), "x-axis title")
    #expect(svg.contains("rotate(-90") && svg.contains(">CHN over PAK</text>"), "y-axis title")
    #expect(svg.contains("current weight 0.8"), "marker at the current weight")
    #expect(svg.components(separatedBy: "stroke=\"#E4E4E4\"").count - 1 >= 3, "gridlines")
    for tick in [">0.2<", ">0.4<", ">0.6<", ">0.8<", ">1.0<"] { #expect(svg.contains(tick), "x tick \(tick)") }
  }

  @Test("a timeline chart labels dates between the first and the last")
  func timelineTicks() throws {
    let world = try WorldIO.load(graphPath("gdelt-sample.yaml"))
    let set = try world.timeline(.pagerank, from: PartialDate("2025-01")!, to: PartialDate("2025-12")!, step: .month)
    let svg = SeriesChart.svg(set, series: Array(set.series.prefix(1)), title: "t")
    let labels = svg.matches(of: /text-anchor="[a-z]+">(\d{4}-\d{2})</).map { String($0.1) }
    #expect(labels.first == "2025-01" && labels.last == "2025-12" && labels.count >= 4, "\(labels)")
  }
}
