import ArgumentParser
import Foundation
import Statecraft

extension StatecraftCommand {
  struct Path: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Find how one actor reaches another, explained relation by relation.",
      discussion: """
        shortest = least total length (1/strength per tie by default; nx.dijkstra_path); \
        widest = strongest weakest tie; strongest = largest product of strengths. With -k, \
        the k best loopless paths (Yen; nx.shortest_simple_paths).
        """)

    @OptionGroup var graph: GraphOptions
    @Argument(help: "The actor paths start from.") var from: String
    @Argument(help: "The actor paths lead to; without it, the best value to every actor FROM reaches (nx.single_source_dijkstra_path_length for shortest), best first.")
    var to: String?
    @Option(parsing: .unconditional, help: "Without TO: show only the N best.") var top: Int?
    @Option(help: "shortest, widest or strongest.") var kind: PathKind = .shortest
    @Option(name: .short, parsing: .unconditional, help: "How many loopless paths, best first.") var k = 1
    @Option(help: ArgumentHelp("Actors no path may pass through.", discussion: idListHelp))
    var avoid: [String] = []
    @Option(help: "Tie length for shortest paths: reciprocal (1/strength), hops or raw.")
    var length: Lens.PathLength = .reciprocal
    @Flag(help: "Walk relations in either direction (who is connected to whom, not who acts on whom).")
    var anyDirection = false
    @Flag(help: "List every shortest path (nx.all_shortest_paths) instead of the k best.")
    var all = false
    @Option(help: "Output format: table or json.") var format: OutputStyle = .table

    func validate() throws {
      guard k >= 1 else { throw ValidationError("-k must be at least 1, got \(k).") }
      if format == .csv && to != nil { throw ValidationError("--format for paths is table or json (csv lists the values to every actor, without TO).") }
      if to == nil && (k != 1 || all || !avoid.isEmpty) {
        throw ValidationError("without TO, path lists the best value to every actor; -k, --all and --avoid need TO.")
      }
      if all && (kind != .shortest || k != 1 || anyDirection || !avoid.isEmpty) {
        throw ValidationError("--all lists shortest paths along the relations; drop --kind, -k, --any-direction and --avoid.")
      }
    }

    func run() throws {
      let world = try graph.load()
      var lens = try graph.lens(for: world)
      lens.pathLength = length
      let avoided = try parseList(avoid, option: "--avoid").map(Actor.ID.init(rawValue:))
      guard let to else {
        print(try Reports.pathValues(
          world, from: Actor.ID(from), kind: kind, lens: lens, direction: anyDirection ? .either : .along, top: top,
          format: format.rawValue))
        return
      }
      print(try Reports.paths(
        world, from: Actor.ID(from), to: Actor.ID(to), count: k, kind: kind, lens: lens,
        avoiding: avoided, direction: anyDirection ? .either : .along, allShortest: all, format: format.rawValue))
    }
  }
}
