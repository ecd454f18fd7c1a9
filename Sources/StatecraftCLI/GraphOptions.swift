import ArgumentParser
import Statecraft

/// Options every command that reads a world shares: the file and the lens to look through.
struct GraphOptions: ParsableArguments {
  @Argument(help: "A world file (.yaml) or an edge list (.csv with a source,target header).")
  var file: String

  @Flag(help: "Read a CSV edge list as undirected (every edge mutual).")
  var undirected = false

  @Option(help: "Only these relation types, comma-separated (default: all).")
  var types: String?

  @Option(help: "Which ties count: positive, negative, absolute (all, at their strength).")
  var sign: Lens.SignLayer = .absolute

  @Option(help: "Only relations valid on this date (YYYY, YYYY-MM or YYYY-MM-DD).")
  var date: String?

  @Option(help: "How parallel relations between one pair merge: sum or max.")
  var combine: Digraph.Combine = .sum

  func validate() throws {
    if let date, PartialDate(date) == nil {
      throw ValidationError("--date \"\(date)\" is not a date; write YYYY, YYYY-MM or YYYY-MM-DD.")
    }
    if sign == .signed {
      throw ValidationError("--sign signed is for signed-aware measures; these commands need positive, negative or absolute.")
    }
  }

  var lens: Lens {
    Lens(
      types: types.map { $0.split(separator: ",").map { String($0).trimmingSpaces } },
      sign: sign, combine: combine, date: date.flatMap(PartialDate.init))
  }

  func load() throws -> World { try WorldFile.load(file, undirected: undirected) }
}

extension Lens.SignLayer: ExpressibleByArgument {
  // `signed` is for signed-aware measures (a later issue); do not offer it in help.
  public static var allValueStrings: [String] { ["positive", "negative", "absolute"] }
}
extension Lens.PathLength: ExpressibleByArgument {}
extension Digraph.Combine: ExpressibleByArgument {}
extension PathKind: ExpressibleByArgument {}

extension StringProtocol {
  var trimmingSpaces: String {
    String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
  }
}

/// How a command prints results.
enum OutputStyle: String, ExpressibleByArgument, CaseIterable {
  case table, json, csv
}
