import ArgumentParser
import Foundation
import Statecraft

extension StatecraftCommand {
  struct Info: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Summarize a world: actors, relations, types, sources, components.")
    @OptionGroup var graph: GraphOptions
    @Option(help: "Output format: table or json.") var format: OutputStyle = .table

    func validate() throws {
      if format == .csv { throw ValidationError("--format for info is table or json.") }
    }

    func run() throws {
      let world = try graph.load()
      print(try Reports.info(world, lens: try graph.lens(for: world), format: format))
    }
  }
}
