import ArgumentParser
import Foundation
import Statecraft
import StatecraftRender

extension TimeStep: ExpressibleByArgument {}

/// Refuses a `--chart` path that does not end in `.svg`: charts are drawn as SVG, and a file
/// named `.png` holding SVG text would be a lie.
func validateChartPath(_ path: String?) throws {
  guard let path, path != "-" else { return }
  guard (path as NSString).pathExtension.lowercased() == "svg" else {
    throw ValidationError("--chart \"\(path)\": charts are written as SVG; end the file name in .svg (a browser or `rsvg-convert` turns it into PNG or PDF).")
  }
}

/// Writes a series chart as SVG (atomically) and says so on stderr.
func writeChart(_ set: SeriesSet, series: [Series]? = nil, title: String, lens: String? = nil, to path: String) throws {
  try AtomicFileStream.write(SeriesChart.svg(set, series: series, title: title, lens: lens), to: path)
  FileHandle.standardError.write(Data("wrote \(path)\n".utf8))
}

/// How `timeline --chart` draws: line charts of the top movers, or geographic small multiples.
enum ChartLayout: String, CaseIterable, ExpressibleByArgument {
  case lines, geo
}

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
          throw ValidationError("no scenario \"\(scenario)\" in \(scenarios)\(closestMatch(to: scenario, in: file.scenarios.map(\.name)).map { "; did you mean \"\($0)\"?" } ?? "").")
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

  struct Sweep: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Vary one relation's weight over a range and report a target at each step.",
      discussion: "Targets as for leverage: \"CHN over PAK\" or \"pagerank of PAK\".")

    @OptionGroup var graph: GraphOptions
    @Option(help: "The relation: its id, or FROM,TO,TYPE.") var relation: String
    @Option(help: "The target: \"SOURCE over TARGET\" or \"MEASURE of ACTOR\".") var target: String
    @Option(help: "fj (cooperative ties), signed (hostile ties repel) or walk, for an influence target.") var model: InfluenceModel = .fj
    @Option(name: .customLong("from"), parsing: .unconditional, help: "Smallest weight (> 0).") var low = 0.1
    @Option(name: .customLong("to"), parsing: .unconditional, help: "Largest weight.") var high = 1.0
    @Option(parsing: .unconditional, help: "Number of weights, evenly spaced.") var steps = 10
    @Option(help: "Output format: table, json or csv.") var format: OutputStyle = .table
    @Option(help: "Draw the series to this .svg file.") var chart: String?

    func validate() throws {
      guard LeverageTarget(target) != nil else {
        throw ValidationError("--target \"\(target)\" must read SOURCE over TARGET (\"CHN over PAK\") or MEASURE of ACTOR (\"pagerank of PAK\").")
      }
      guard low > 0, low.isFinite, high.isFinite, low <= high else {
        throw ValidationError("--from and --to must be finite, --from > 0 and --from ≤ --to; got \(low) and \(high).")
      }
      guard (2 ... 1000).contains(steps) else { throw ValidationError("--steps must be between 2 and 1000, got \(steps).") }
      try validateChartPath(chart)
    }

    func run() throws {
      let world = try graph.load()
      let parts = try parseList([relation], option: "--relation")
      let reference: RelationReference
      switch parts.count {
      case 1: reference = .id(parts[0])
      case 3: reference = .match(from: Actor.ID(parts[0]), to: Actor.ID(parts[1]), type: parts[2])
      default: throw ValidationError("--relation takes an id or FROM,TO,TYPE; got \"\(relation)\".")
      }
      // Evenly spaced, rounded to 12 significant digits so that 0.1 … 1 prints as 1, not 0.9999999999999999.
      let weights = (0 ..< steps).map { Double(String(format: "%.12g", low + (high - low) * Double($0) / Double(steps - 1)))! }
      let set = try world.sweep(reference, over: weights, target: LeverageTarget(target, model: model)!, lens: try graph.lens(for: world))
      if let chart { try writeChart(set, title: "\(world.title): \(target) as \(set.axis) varies", to: chart) }
      print(set.report(format))
    }
  }
}
