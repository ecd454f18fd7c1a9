import ArgumentParser
import Foundation
import Statecraft
import StatecraftPage

extension StatecraftCommand {
  struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Write a briefing: one self-contained HTML file with key findings, the map, who matters, paths, balance, influence and what-if results.",
      discussion: """
        The page loads nothing from the network (no fonts, scripts or images; a strict \
        content-security policy), opens offline and prints to clean A4 pages. With --scenarios, \
        the scenario file's questions choose what to ask (influence pairs, paths, measures) and \
        each scenario gets its edits, delta map, ranked changes and sentences; without one, the \
        report asks about the actors with the highest PageRank and says so. --format json prints \
        the briefing's data instead (the same numbers the page shows).
        """)

    @OptionGroup var graph: GraphOptions
    @Option(help: "A scenario file whose base is this world.") var scenarios: String?
    @Option(name: .shortAndLong, help: "The HTML file to write (default: Output/NAME.html); - for standard output.")
    var output: String?
    @Option(help: "html (the page) or json (the briefing's data).") var format: Format = .html
    @Option(help: "Box actors on the map and group brokerage by this attribute (default: bloc when actors have it).")
    var groupBy: String?
    @Option(parsing: .unconditional, help: "The most actors the map draws (the top by PageRank); tables keep every actor.")
    var mapTop = 150

    enum Format: String, ExpressibleByArgument, CaseIterable { case html, json }

    func validate() throws {
      guard mapTop >= 1 else { throw ValidationError("--map-top must be at least 1, got \(mapTop).") }
      if let output, output != "-", format == .html, !output.lowercased().hasSuffix(".html"), !output.lowercased().hasSuffix(".htm") {
        throw ValidationError("--output \"\(output)\" does not end in .html; a briefing is an HTML page (use --format json for its data).")
      }
    }

    func run() throws {
      let world = try graph.load()
      if let attribute = groupBy, !world.actors.contains(where: { $0.attributes[attribute] != nil }) {
        throw ValidationError("no actor has the attribute \"\(attribute)\"; --group-by names an actor attribute such as bloc.")
      }
      let lens = try graph.lens(for: world)
      var document = BriefingDocument(
        world: graph.file, scenarios: scenarios, lens: graph.lensOptionsGiven ? lens : nil, generator: StatecraftCommand.versionLine)
      document.preloaded = world
      document.groupAttribute = groupBy
      document.mapCap = mapTop
      document.layout = { dot, engine in try IsolatedLayout.render(dot: dot, engine: engine, format: .svg) }
      let made = try ProgressBar.reporting("briefing", quiet: graph.quiet) { try document.make() }
      let text = format == .json ? try made.briefing.json() + "\n" : try made.page.html()
      let path = output ?? (format == .json ? "-" : "Output/\(world.fileStem).html")
      try AtomicFileStream.write(text, to: path)
      guard path != "-" else { return }
      let b = made.briefing
      StandardOutput.status("wrote \(path) (\(text.utf8.count / 1024) KB: \(b.findings.count) findings, \(b.measures.count) measures, \(b.paths.count) paths, \(b.influence.count) influence questions, \(b.scenarios.count) scenarios, \(b.sources.count) sources)", writing: [path])
      for f in b.findings { print("  • \(f.text)") }
    }
  }
}
