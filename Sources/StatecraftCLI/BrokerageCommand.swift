import ArgumentParser
import Foundation
import Statecraft

extension StatecraftCommand {
  struct Brokerage: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Gould–Fernandez brokerage roles of each actor, with groups from an attribute.")

    @OptionGroup var graph: GraphOptions
    @Option(help: "The actor attribute that defines groups (e.g. bloc).") var by: String
    @Option(help: "Output format: table, json or csv.") var format: OutputStyle = .table

    func run() throws {
      let world = try graph.load()
      guard world.actors.contains(where: { $0.attributes[by] != nil }) else {
        throw ValidationError("no actor has the attribute \"\(by)\".")
      }
      print(try Reports.brokerage(world, lens: try graph.lens(for: world), by: by, format: format.rawValue))
    }
  }
}
