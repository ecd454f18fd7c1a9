import ArgumentParser
import Foundation
import Statecraft

extension StatecraftCommand {
  struct Balance: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Structural balance: triangle indices, frustration index, the two camps and what breaks them.")

    @OptionGroup var graph: GraphOptions
    @Option(parsing: .unconditional, help: "Search camp assignments exactly (branch and bound) up to this many actors; above, or when that search runs out of time, the frustration index is proven with an integer program (GLPK).") var exactLimit = 30
    @Option(parsing: .unconditional, help: "Stop proving the frustration index after this many seconds (default 60) and report the best split found, within how much of optimal.")
    var timeLimit: Double?
    @Flag(help: "Do not prove the frustration index: report the local search's split and a triangle lower bound at once.")
    var heuristic = false

    static let defaultTimeLimit = 60.0

    func validate() throws {
      if format == .csv { throw ValidationError("--format for balance is table or json.") }
      if graph.sign != .absolute {
        throw ValidationError(
          "balance reads both signs at once: a triangle is balanced or not by the signs of its three ties, so --sign \(graph.sign.rawValue) would leave nothing to balance. Drop --sign; use --types or --date to choose which relations count.")
      }
    }

    @Option(help: "Output format: table or json.") var format: OutputStyle = .table

    func run() throws {
      try TimeLimit.validate(timeLimit)
      let world = try graph.load()
      let lens = try graph.lens(for: world)
      let report = try ProgressBar.reporting("frustration search, millionths of splits settled", quiet: graph.quiet) {
        try Reports.balance(
          world, lens: lens, exactLimit: exactLimit,
          timeLimit: .milliseconds(Int64((timeLimit ?? Self.defaultTimeLimit) * 1000)), prove: !heuristic, format: format.rawValue)
      }
      print(report)
    }
  }
}
