import ArgumentParser
import Foundation
import Statecraft
import StatecraftRender

extension StatecraftCommand {
  struct Timeline: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "How influence moved over time: a measure at each date, each date seeing only the relations valid then.",
      discussion: """
        Relations count on a date when their since/until span covers it (undated relations count \
        on every date). The table lists the actors that moved most (largest max − min, with last − first beside it); --chart \
        draws them as small multiples on one scale.
        """)

    @OptionGroup var graph: GraphOptions
    @Option(help: "The measure.") var measure: Measure = .pagerank
    @Option(help: "First date (YYYY, YYYY-MM or YYYY-MM-DD).") var from: String
    @Option(help: "Last date (YYYY, YYYY-MM or YYYY-MM-DD).") var to: String
    @Option(help: "day, week (for worlds of daily or weekly relations, as `import events --window week` writes), month, quarter or year.")
    var step: TimeStep = .month
    @Option(name: .shortAndLong, parsing: .unconditional, help: "Show the N actors that moved most.") var top = 6
    @Option(help: "Output format: table, json or csv.") var format: OutputStyle = .table
    @Option(help: "Draw the top movers as small multiples to this .svg file.") var chart: String?
    @Option(help: "The chart: lines (the top movers' values by date) or geo (a geographic map per date, at most 6 dates, actors sized by the measure and filled by its change since the first).")
    var chartLayout: ChartLayout = .lines
    @Option(help: "A scenario file whose base is this world; with --scenario, follow that scenario over the dates.")
    var scenarios: String?
    @Option(help: "The scenario to follow (its edits applied before every date; its own date: edit is ignored).")
    var scenario: String?

    func validate() throws {
      if (scenarios == nil) != (scenario == nil) { throw ValidationError("--scenario and --scenarios go together: the file and the scenario in it.") }
      for (name, value) in [("--from", from), ("--to", to)] where PartialDate(value) == nil {
        throw ValidationError("\(name) \"\(value)\" is not a date; write YYYY, YYYY-MM or YYYY-MM-DD.")
      }
      if let a = PartialDate(from), let b = PartialDate(to), a.firstDayKey > b.lastDayKey {
        throw ValidationError("--from \(from) is after --to \(to).")
      }
      guard top >= 1 else { throw ValidationError("--top must be at least 1, got \(top).") }
      try validateChartPath(chart)
    }

    func run() throws {
      var world = try graph.load()
      if let scenarios, let scenario {
        let file = try ScenarioFile.load(scenarios)
        guard let chosen = file.scenarios.first(where: { $0.name == scenario }) else {
          throw ValidationError("no scenario \"\(scenario)\" in \(scenarios)\(didYouMean(closestMatch(to: scenario, in: file.scenarios.map(\.name)), for: scenario)).")
        }
        world = try chosen.applied(to: world)
      }
      var bar: ProgressBar?
      let set = try world.timeline(measure, from: PartialDate(from)!, to: PartialDate(to)!, step: step, lens: try graph.lens(for: world)) { done, total in
        if bar == nil { bar = ProgressBar(total: total, label: "dates", quiet: graph.quiet) }
        bar?.update(done)
      }
      bar?.finish()
      if let chart {
        let title = "\(world.title)\(scenario.map { " under “\($0)”" } ?? ""): \(measure.rawValue), \(from) to \(to)"
        if chartLayout == .geo {
          let dates = GeoTimeline.panels(set.points.compactMap(PartialDate.init))
          let svg = try GeoTimeline(measure: measure, lens: try graph.lens(for: world)).svg(world, dates: dates, title: title) { dot, engine in
            try IsolatedLayout.render(dot: dot, engine: engine, format: .svg)
          }
          try AtomicFileStream.write(svg, to: chart)
          FileHandle.standardError.write(Data("wrote \(chart) (\(dates.count) geographic panels)\n".utf8))
        } else {
          let lens = LensStatement(try graph.lens(for: world)).text(eachDated: "date")
          try writeChart(set, series: set.biggestMovers(top), title: title, lens: lens, to: chart)
        }
      }
      if let scenario, format == .table { print("Scenario \(scenario): its edits applied before every date\n") }
      print(set.report(format, top: top))
    }
  }
}
