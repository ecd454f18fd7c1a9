import ArgumentParser
import Foundation
import Statecraft

extension StatecraftCommand {
  struct Communities: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Find communities with Louvain and report their modularity.",
      discussion: "Louvain on the lens's strengths, directed ties made undirected; modularity as nx.community.modularity.")

    @OptionGroup var graph: GraphOptions
    @Option(parsing: .unconditional, help: "Resolution (γ); above 1 favours smaller communities.") var resolution = 1.0
    @Option(help: "Seed for the node order; the same seed gives the same partition.") var seed: UInt64 = 0
    @Option(help: "Output format: table, json (actor → community) or csv.") var format: OutputStyle = .table

    func validate() throws {
      guard Digraph.resolutionRange.contains(resolution) else {
        throw ValidationError("--resolution must be positive and at most 1e6 (0.1–10 is usual), got \(ReportText.tableNumber(resolution)).")
      }
    }

    func run() throws {
      let world = try graph.load()
      print(try Reports.communities(world, lens: try graph.lens(for: world), resolution: resolution, seed: seed, format: format.rawValue))
    }
  }
}
