import ArgumentParser
import Foundation
import Statecraft
import StatecraftRender

/// Writes conversion notes to stderr, one line each, naming the file.
func reportNotes(_ notes: ConversionNotes, for file: String) {
  for line in notes.lines { FileHandle.standardError.write(Data("note: \(file): \(line)\n".utf8)) }
}

/// Options every command that reads a world shares: the file and the lens to look through.
struct GraphOptions: ParsableArguments {
  @Argument(help: "A world: .yaml, .csv (edge list with a source,target header), .graphml, .gexf, .json (node-link) or .dot.")
  var file: String

  @Flag(help: "Read a CSV edge list as undirected (every edge mutual).")
  var undirected = false

  @Option(help: "For a CSV edge list: a node table (id, name, kind, attribute columns).")
  var nodes: String?

  @Option(help: ArgumentHelp("Only these relation types (default: all).", discussion: idListHelp))
  var types: [String] = []

  @Option(help: "Which ties count: positive, negative, absolute (all, at their strength).")
  var sign: Lens.SignLayer = .absolute

  @Option(help: "Only relations valid on this date (YYYY, YYYY-MM or YYYY-MM-DD), or all for every relation whatever its dates. Default: the world's own date (its `date:`), else all.")
  var date: String?

  @Option(help: "How parallel relations between one pair merge: sum or max.")
  var combine: Digraph.Combine = .sum

  @Option(help: "See the world as its groups: actors sharing this attribute's value become one actor (bloc: Axis, Gulf, …); relations between groups are kept and merged by --combine, those inside a group dropped.")
  var collapseBy: String?

  @Flag(help: "No progress bar (it is drawn only on a terminal's standard error anyway).")
  var quiet = false

  func validate() throws {
    if let date, date != "all", PartialDate(date) == nil {
      throw ValidationError("--date \"\(date)\" is not a date; write YYYY, YYYY-MM or YYYY-MM-DD, or all.")
    }
    if sign == .signed {
      throw ValidationError("--sign signed is for signed-aware measures; these commands need positive, negative or absolute.")
    }
  }

  /// The lens the options describe for `world`: without `--date`, the world's own date
  /// (``Lens/standard(for:)``); `--date all` counts every relation whatever its dates.
  func lens(for world: World) throws -> Lens {
    var lens = Lens.standard(for: world)
    lens.types = types.isEmpty ? nil : try parseList(types, option: "--types")
    lens.sign = sign
    lens.combine = combine
    if let date { lens.date = date == "all" ? nil : PartialDate(date) }
    return lens
  }

  /// Whether any lens option was given (a scenario file's own lens applies otherwise).
  var lensOptionsGiven: Bool { !types.isEmpty || sign != .absolute || date != nil || combine != .sum }

  /// Loads the world; what the format could not carry is reported on stderr.
  func load() throws -> World {
    var notes = ConversionNotes()
    let world = try WorldIO.load(file, undirected: undirected, nodes: nodes, notes: &notes)
    reportNotes(notes, for: file)
    return try collapseBy.map { try world.collapsed(by: $0) } ?? world
  }
}

extension Lens.SignLayer: ExpressibleByArgument {
  // `signed` is for signed-aware measures (a later issue); do not offer it in help.
  /// The `--sign` values help lists: every layer except `signed`.
  public static var allValueStrings: [String] { ["positive", "negative", "absolute"] }
}
extension Lens.PathLength: ExpressibleByArgument {}
extension Digraph.Combine: ExpressibleByArgument {}
extension PathKind: ExpressibleByArgument {}
extension Measure: ExpressibleByArgument {}
extension InfluenceModel: ExpressibleByArgument {}
extension WorldIO.Format: ExpressibleByArgument {}
extension SourceListing: ExpressibleByArgument {}

/// How `render` places actors: a graph layout, or at their coordinates.
enum MapLayout: String, CaseIterable, ExpressibleByArgument {
  case graph, geo
}

extension StringProtocol {
  var trimmingSpaces: String {
    String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
  }
}

/// The `--help` text every list option shares.
let idListHelp = """
  Comma-separated, or repeat the option. An id that holds a comma is quoted as in CSV: \
  '"Washington, D.C.",PAK'.
  """

/// Parses a repeatable, comma-separated list option (CSV quoting), or fails naming the option.
func parseList(_ values: [String], option: String) throws -> [String] {
  do {
    return try IDList.parse(values)
  } catch let error as IDListError {
    throw ValidationError("\(option): \(error)")
  }
}

/// How a command prints results: the library's ``ReportFormat``.
typealias OutputStyle = ReportFormat
extension ReportFormat: ExpressibleByArgument {}
