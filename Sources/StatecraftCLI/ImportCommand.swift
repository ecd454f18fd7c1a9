import ArgumentParser
import Foundation
import Statecraft
import StatecraftRender

extension StatecraftCommand {
  struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Build worlds from external data.", subcommands: [Events.self, GDELT.self])
  }
}

extension EventImport.Level: ExpressibleByArgument {}
extension EventImport.Window: ExpressibleByArgument {}
extension EventImport.Profile: ExpressibleByArgument {}
extension EventImport.Weight: ExpressibleByArgument {}

/// The options every event import shares: dates, actors, level, window, decay, output.
struct EventImportOptions: ParsableArguments {
  @Option(help: "First event day to keep (YYYY, YYYY-MM or YYYY-MM-DD); with a masterfilelist.txt, also the first file.") var from: String?
  @Option(help: "Last event day to keep; also the reference date for decay.") var to: String?
  @Option(help: "Keep only events between these actors: comma-separated codes or code prefixes (USA,CHN,PAK).")
  var actors: String?
  @Option(help: "Actors are countries or the source's own actors (CAMEO codes such as PAKGOV, POLECAT and ACLED names).")
  var level: EventImport.Level = .country
  @Option(help: "Time window of each relation: day, week, month, quarter, year or all.") var window: EventImport.Window = .month
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
    if let a = from.flatMap(PartialDate.init), let b = to.flatMap(PartialDate.init), a.firstDayKey > b.lastDayKey {
      throw ValidationError("--from \(from!) is after --to \(to!).")
    }
    if let actors, Self.codes(actors).isEmpty { throw ValidationError("--actors names no code; give codes or prefixes such as USA,CHN,PAK.") }
    if let halfLife, !(halfLife > 0) { throw ValidationError("--half-life must be a positive number of days.") }
    if WorldIO.Format(path: output) == nil {
      throw ValidationError("cannot tell the format of \"\(output)\"; end it in .yaml, .csv, .graphml, .gexf, .json or .dot.")
    }
  }

  /// `importer` with these options set.
  func configure(_ importer: inout EventImport) {
    importer.from = from.flatMap(PartialDate.init)
    importer.to = to.flatMap(PartialDate.init)
    importer.actors = actors.map(Self.codes)
    importer.level = level
    importer.window = window
    importer.halfLifeDays = halfLife
  }

  /// A comma-separated list of codes, trimmed and upper-cased.
  static func codes(_ list: String) -> Set<String> { Set(list.split(separator: ",").map { $0.trimmingSpaces.uppercased() }.filter { !$0.isEmpty }) }

  /// Runs the import, prints its counts, and writes the world (YAML with a header saying how it was made).
  func run(_ importer: EventImport, files: [String], command: String) throws {
    let stem = ((output as NSString).lastPathComponent as NSString).deletingPathExtension
    var (world, report) = try ProgressBar.reporting("reading", quiet: quiet) { try importer.run(files: files, name: stem) }
    let span = ["day": "daily", "week": "weekly", "month": "monthly", "quarter": "quarterly", "year": "yearly"][window.rawValue].map { "\($0) windows" } ?? "one window"
    world.title = "\(importer.profile.displayName) events: \(world.actors.count) \(level == .country ? "countries" : "actors"), \(span)"
    FileHandle.standardError.write(Data(Reports.eventSummary(report, profile: importer.profile).utf8))
    try report.requireUsable(profile: importer.profile)
    var notes = ConversionNotes()
    let written: [String]
    if WorldIO.Format(path: output) == .yaml {
      let invocation = ([command] + CommandLine.arguments.dropFirst(3)).joined(separator: " ")
      let header = [
        "Imported from \(importer.profile.displayName) files by: \(invocation)",
        "Per directed pair, \(window == .all ? "one window" : "\(window.rawValue)") and event type (see `statecraft import events --help`):",
        "  score = sum of event score * strength" + (halfLife.map { " * 0.5^(age in days / \($0))" } ?? ""),
        "  sign = sign(score), weight = \(importer.weight == .score ? "|score|" : "sum of \(importer.weight.rawValue)").",
        "\(report.files) files, \(report.rows) rows read, \(report.kept) kept, \(report.filtered) filtered, \(report.malformedRows) malformed.",
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

extension StatecraftCommand.Import {
  struct Events: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "events",
      abstract: "Aggregate event data (GDELT, GDELT with Mentions, Phoenix, POLECAT, ACLED) into a dated world.",
      discussion: """
        Per directed actor pair, time window and event type: score = Σ event score · strength \\
        (Goldstein for GDELT and Phoenix, the PLOVER manual's table for POLECAT, ACLED's event \\
        types scored by their nearest CAMEO category); strength = ln(1 + NumMentions) for GDELT, \\
        ln(1 + distinct sources) · mean Confidence/100 with Mentions, 1 otherwise. sign = sign(score); \\
        weight = |score|, or the events' count, mentions, confidence or fatalities (--weight). \\
        Each relation is dated by its window (since/until), so the world feeds `timeline`. \\
        Files are read plain, zipped or gzipped, one per core; FILES may be folders, quoted \\
        globs or GDELT's masterfilelist.txt (with --from/--to, the mirror beside it). A malformed \\
        row stops the import with its file and line unless --skip-bad-rows (which still refuses \
        a file whose rows are mostly malformed: it is not this source's). The same file given \
        twice, an empty or truncated file, and an import whose relations all weigh 0 are errors.
        """)

    @Option(help: "The source: gdelt, gdelt-mentions (give export and Mentions files), phoenix, polecat or acled.")
    var profile: EventImport.Profile
    @Argument(help: "Event files (plain, .zip or .gz), folders, quoted globs, or GDELT's masterfilelist.txt.")
    var files: [String]
    @OptionGroup var options: EventImportOptions
    @Option(help: "Keep only events whose two actors' countries are among these (comma-separated; ACLED: the event's country or ISO number).")
    var countries: String?
    @Option(help: "What a relation's weight measures: score, count, mentions (GDELT), confidence (GDELT with Mentions) or fatalities (ACLED).")
    var weight: EventImport.Weight = .score
    @Flag(help: "Count malformed rows and go on, instead of stopping at the first (a file mostly malformed is still refused).") var skipBadRows = false
    @Flag(help: "With Mentions: drop events reported only in machine-translated articles.") var dropTranslated = false

    func validate() throws {
      if dropTranslated && profile != .gdeltMentions { throw ValidationError("--drop-translated needs --profile gdelt-mentions (it reads the Mentions table).") }
      if !profile.weights.contains(weight) {
        throw ValidationError("--weight \(weight.rawValue) is not something \(profile.displayName) files say; use \(profile.weights.map(\.rawValue).joined(separator: ", ")).")
      }
    }

    func run() throws {
      var importer = EventImport(profile: profile)
      options.configure(&importer)
      importer.countries = countries.map(EventImportOptions.codes)
      importer.weight = weight
      importer.skipBadRows = skipBadRows
      importer.dropTranslated = dropTranslated
      let paths = try EventFiles.expand(files, profile: profile, from: importer.from, to: importer.to)
      try options.run(importer, files: paths, command: "statecraft import events")
    }
  }

  struct GDELT: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "gdelt",
      abstract: "Aggregate GDELT 2.0 event exports into a world of signed, weighted relations.",
      discussion: """
        The same as `import events --profile gdelt --skip-bad-rows`: per directed dyad, time window \\
        and CAMEO root category: score = Σ Goldstein · ln(1 + NumMentions) · 0.5^(age/half-life); \\
        sign = sign(score), weight = |score|. Files stream line by line; malformed rows are \\
        reported with their line numbers and skipped.
        """)

    @Argument(help: "GDELT 2.0 event export files (*.export.CSV, tab-separated, 61 columns; plain or zipped).")
    var files: [String]
    @OptionGroup var options: EventImportOptions

    func run() throws {
      var importer = EventImport(profile: .gdelt)
      options.configure(&importer)
      importer.skipBadRows = true
      try options.run(importer, files: files, command: "statecraft import gdelt")
    }
  }
}

extension Reports {
  /// The import's counts, and the first malformed rows with their locations.
  public static func eventSummary(_ r: EventImport.Report, profile: EventImport.Profile, limit: Int = 20) -> String {
    var out = "\(profile.rawValue): \(r.files) file\(r.files == 1 ? "" : "s"), \(r.rows) rows read, "
    if r.mentionFiles > 0 { out += "\(r.mentionRows) mentions read from \(r.mentionFiles) Mentions file\(r.mentionFiles == 1 ? "" : "s"), " }
    out += "\(r.kept) kept, \(r.filtered) filtered (outside the dates, actors or countries, an actor missing, or both actors the same), \(r.malformedRows) malformed\n"
    for m in r.malformed.prefix(limit) { out += "\(m.file):\(m.line)\(m.column > 0 ? ":\(m.column)" : ""): skipped: \(m.reason)\n" }
    if r.malformedRows > limit { out += "… and \(r.malformedRows - limit) more malformed rows\n" }
    return out
  }
}
