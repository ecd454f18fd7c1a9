import ArgumentParser
import Foundation
import Statecraft
import StatecraftRender

extension StatecraftCommand {
  struct ScenarioRun: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "scenario",
      abstract: "Run what-if scenarios: apply each one's edits to a copy of the base world and compare every answer with the baseline.",
      discussion: """
        The scenario file (YAML; see Graphs/README.md) names the base world, the questions \
        (measures, influence pairs such as "CHN over PAK", paths such as "USA -- BSG", balance, \
        communities) and named scenarios of edits. Changes are listed biggest first; ties keep \
        file order. With several scenarios the table ends with them side by side.
        """)

    @Argument(help: "A scenario file (.yaml).") var file: String
    @Option(help: ArgumentHelp("Run only these scenarios.", discussion: idListHelp)) var only: [String] = []
    @Option(help: "Output format: table, json or csv.") var format: ReportFormat = .table
    @Option(name: .shortAndLong, parsing: .unconditional, help: "Table: show at most this many actors per measure.") var top = 10
    @Option(help: "Write a delta map of the (first chosen) scenario to this SVG, PNG or PDF file.") var map: String?
    @Option(help: "The measure the delta map colours nodes by (default: the first question measure).")
    var mapMeasure: Measure?
    @Option(help: "The delta map's layout: graph (a layout of the relations) or geo (actors at their coordinates on a world outline; SVG only).")
    var mapLayout: MapLayout = .graph
    @Option(parsing: .unconditional, help: "Stop after this many seconds with an error that says what to try.")
    var timeLimit: Double?
    @Option(parsing: .unconditional, help: "Also draw every weight range (the world's and the scenario's, weight: 0.3..0.6) this many times and report each change's median, 90% interval and how often it has the nominal change's sign.")
    var samples: Int?
    @Option(help: "Seed for --samples; the same seed gives the same output whatever the core count.") var seed: UInt64 = 0

    func validate() throws {
      guard top >= 1 else { throw ValidationError("--top must be at least 1, got \(top).") }
      if let map { _ = try mapFormat(map) }
      try TimeLimit.validate(timeLimit)
      try validateSamples(samples)
      if mapLayout == .geo, let map, (map as NSString).pathExtension.lowercased() != "svg" {
        throw ValidationError("--map-layout geo draws SVG (the outline is SVG paths); end --map in .svg.")
      }
    }

    /// The map's format, from the file name's extension.
    func mapFormat(_ map: String) throws -> OutputFormat {
      guard let format = OutputFormat(fileExtension: (map as NSString).pathExtension) else {
        throw ValidationError("cannot tell the map format from \"\(map)\"; end it in .svg, .png, .pdf or .dot.")
      }
      return format
    }

    func run() throws {
      TimeLimit.start(seconds: timeLimit, what: "the scenario file", hint: "run fewer scenarios (--only) or ask fewer questions (all-pairs measures such as betweenness cost most)")
      let scenarios = try ScenarioFile.load(file)
      let comparison = try scenarios.run(only: try parseList(only, option: "--only"))
      if let map {
        guard !comparison.scenarios.isEmpty else { throw ValidationError("no scenario to draw.") }
        let format = try mapFormat(map)
        if mapLayout == .geo {
          let svg = try comparison.geoDeltaMap(0, base: scenarios.base, measure: mapMeasure) { dot, engine in
            try IsolatedLayout.render(dot: dot, engine: engine, format: .svg)
          }
          try AtomicFileStream.write(svg, to: map)
          FileHandle.standardError.write(Data("wrote \(map) (svg, geographic)\n".utf8))
        } else {
          let (dot, engine) = try comparison.deltaMapDOT(0, base: scenarios.base, measure: mapMeasure)
          let bytes = try IsolatedLayout.render(dot: dot, engine: engine, format: format)
          try AtomicFileStream.write(bytes: bytes, to: map)
          FileHandle.standardError.write(Data("wrote \(map) (\(format.rawValue), engine \(engine.rawValue))\n".utf8))
        }
      }
      print(comparison.report(format, top: top))
      if let samples {
        let chosen = comparison.scenarios.map(\.scenario)
        let bar = ProgressBar(total: samples * chosen.count, label: "sampling", quiet: false)
        let sampled = try ScenarioRunner(questions: scenarios.questions).sampled(
          scenarios.base, chosen, nominal: comparison, samples: samples, seed: seed, progress: { bar.update($0) })
        bar.finish()
        print((format == .table ? "\n" : "") + (try sampled.rendered(format)))
      }
    }
  }
}
