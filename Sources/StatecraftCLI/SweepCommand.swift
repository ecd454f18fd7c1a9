import ArgumentParser
import Foundation
import Statecraft
import StatecraftRender

extension StatecraftCommand {
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
      _ = try relationReference()
    }

    /// `--relation` as a reference: an id, or FROM,TO,TYPE.
    func relationReference() throws -> RelationReference {
      let parts = try parseList([relation], option: "--relation")
      switch parts.count {
      case 1: return .id(parts[0])
      case 3: return .match(from: Actor.ID(parts[0]), to: Actor.ID(parts[1]), type: parts[2])
      default: throw ValidationError("--relation takes an id or FROM,TO,TYPE; got \"\(relation)\".")
      }
    }

    func run() throws {
      let world = try graph.load()
      let reference = try relationReference()
      // Evenly spaced, rounded to 12 significant digits so that 0.1 … 1 prints as 1, not 0.9999999999999999.
      let weights = (0 ..< steps).map { Double(String(format: "%.12g", low + (high - low) * Double($0) / Double(steps - 1)))! }
      let set = try world.sweep(reference, over: weights, target: LeverageTarget(target, model: model)!, lens: try graph.lens(for: world))
      if let chart { try writeChart(set, title: "\(world.title): \(target) as \(set.axis) varies", to: chart) }
      print(set.report(format))
    }
  }
}
