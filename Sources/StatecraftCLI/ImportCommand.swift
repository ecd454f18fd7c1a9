import ArgumentParser
import Foundation
import Statecraft
import StatecraftRender

extension StatecraftCommand {
  struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Build worlds from external data.", subcommands: [GDELT.self])
  }
}

extension GDELTImport.Level: ExpressibleByArgument {}
extension GDELTImport.Window: ExpressibleByArgument {}

extension StatecraftCommand.Import {
  struct GDELT: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "gdelt",
      abstract: "Aggregate GDELT 2.0 event exports into a world of signed, weighted relations.",
      discussion: """
        Per directed dyad, time window and CAMEO root category: score = Σ Goldstein · ln(1 + NumMentions) \\
        · 0.5^(age/half-life); sign = sign(score), weight = |score|. Files stream line by line; \\
        malformed rows are reported with their line numbers and skipped.
        """)

    @Argument(help: "GDELT 2.0 event export files (*.export.CSV, tab-separated, 61 columns).")
    var files: [String]
    @Option(help: "First event day to keep (YYYY, YYYY-MM or YYYY-MM-DD).") var from: String?
    @Option(help: "Last event day to keep; also the reference date for decay.") var to: String?
    @Option(help: "Keep only events between these actors: comma-separated country codes or code prefixes.")
    var actors: String?
    @Option(help: "Actors are countries or full CAMEO actor codes (e.g. PAKGOV).") var level: GDELTImport.Level = .country
    @Option(help: "Time window of each relation: month, week, year or all.") var window: GDELTImport.Window = .month
    @Option(parsing: .unconditional, help: "Recency half-life in days (default: no decay).") var halfLife: Double?
    @Option(name: .shortAndLong, help: "The world file to write (.yaml, or any format convert writes).")
    var output: String
    @Flag(help: "No progress bar on stderr.") var quiet = false

    func validate() throws {
      for (flag, value) in [("--from", from), ("--to", to)] {
        if let value, PartialDate(value) == nil {
          throw ValidationError("\(flag) \"\(value)\" is not a date; write YYYY, YYYY-MM or YYYY-MM-DD.")
        }
      }
      if let halfLife, !(halfLife > 0) { throw ValidationError("--half-life must be a positive number of days.") }
      if WorldIO.Format(path: output) == nil {
        throw ValidationError("cannot tell the format of \"\(output)\"; end it in .yaml, .csv, .graphml, .gexf, .json or .dot.")
      }
    }

    func run() throws {
      var importer = GDELTImport()
      importer.from = from.flatMap(PartialDate.init)
      importer.to = to.flatMap(PartialDate.init)
      importer.actors = actors.map { Set($0.split(separator: ",").map { $0.trimmingSpaces.uppercased() }) }
      importer.level = level
      importer.window = window
      importer.halfLifeDays = halfLife
      let stem = ((output as NSString).lastPathComponent as NSString).deletingPathExtension
      var (world, report) = try ProgressBar.reporting("reading", quiet: quiet) { try importer.run(files: files, name: stem) }
      let span = ["month": "monthly windows", "week": "weekly windows", "year": "yearly windows", "all": "one window"][window.rawValue]!
      world.title = "GDELT events: \(world.actors.count) \(level == .country ? "countries" : "actors"), \(span)"
      let err = FileHandle.standardError
      err.write(Data(Reports.gdeltSummary(report).utf8))
      try report.requireUsable()
      var notes = ConversionNotes()
      let written: [String]
      if WorldIO.Format(path: output) == .yaml {
        let command = (["statecraft", "import", "gdelt"] + CommandLine.arguments.dropFirst(3)).joined(separator: " ")
        let header = [
          "Imported from GDELT 2.0 event exports by: \(command)",
          "Per directed dyad, \(window.rawValue) window and CAMEO root category:",
          "  score = sum of Goldstein * ln(1 + NumMentions)" + (halfLife.map { " * 0.5^(age in days / \($0))" } ?? ""),
          "  sign = sign(score), weight = |score| (a zero score: neutral, weighted by sum of ln(1 + NumMentions)).",
          "\(report.rows) rows read, \(report.kept) kept, \(report.filtered) filtered, \(report.malformed.count) malformed.",
        ]
        try AtomicFileStream.write(WorldYAML.write(world, header: header), to: output)
        written = [output]
      } else {
        written = try ProgressBar.reporting("writing", quiet: quiet) { try WorldIO.save(world, to: output, notes: &notes) }
      }
      reportNotes(notes, for: output)
      StandardOutput.status("wrote \(written.joined(separator: " and ")) (\(world.actors.count) actors, \(world.relations.count) relations)", writing: written)
    }
  }
}

extension Reports {
  /// The import's counts, and the first malformed rows with their locations.
  public static func gdeltSummary(_ r: GDELTImport.Report, limit: Int = 20) -> String {
    var out = "gdelt: \(r.rows) rows read, \(r.kept) kept, \(r.filtered) filtered (outside the dates or actors, an actor missing, or both actors the same), \(r.malformed.count) malformed\n"
    for m in r.malformed.prefix(limit) { out += "\(m.file):\(m.line): skipped: \(m.reason)\n" }
    if r.malformed.count > limit { out += "… and \(r.malformed.count - limit) more malformed rows\n" }
    return out
  }
}
