import ArgumentParser
import Foundation
import Statecraft

extension StatecraftCommand {
  struct Leverage: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Rank relations by how much a change to each would move a target (an influence pair or an actor's score).",
      discussion: """
        Targets: "CHN over PAK" (Friedkin–Johnsen share of CHN in PAK's settled stance; --model walk \
        for walk sums) or "pagerank of PAK" (any measure). For PageRank and Friedkin–Johnsen one \
        adjoint solve gives the derivative of the target with respect to every relation's weight; \
        the estimate is that derivative times the weight change (for PageRank, the rank-one \
        change: derivative × Δw × s/(s + Δw), s the actor's out-strength), and the --top entries are then \
        recomputed exactly. A removal that cuts an actor's last tie of the kind the target \
        depends on is a jump: for PageRank (the actor's last out-tie) the estimate is the exact \
        rank-one (Sherman–Morrison) numerator with a bound, recomputed when the bound could reach \
        the top; a Friedkin–Johnsen jump (an actor's last in-tie) shows — and is always \
        recomputed. Other measures recompute every relation. With --actors, actors instead of \
        relations: each removed in turn with its relations, the target recomputed exactly \
        (ORA's immediate impact).
        """)

    @OptionGroup var graph: GraphOptions
    @Option(help: "The target: \"SOURCE over TARGET\" or \"MEASURE of ACTOR\".") var target: String
    @Option(parsing: .unconditional, help: "The change tried on each relation: remove, +X or -X (a weight change: --change -0.1 lowers each weight by 0.1).")
    var change = "remove"
    @Option(help: ArgumentHelp("Also try new relations between every ordered pair of these actors.", discussion: idListHelp))
    var candidates: [String] = []
    @Option(help: "The type of candidate relations (a declared type).") var candidateType: String?
    @Option(parsing: .unconditional, help: "The weight of candidate relations.") var candidateWeight = 0.5
    @Option(help: "fj (cooperative ties), signed (hostile ties repel) or walk, for an influence target.") var model: InfluenceModel = .fj
    @Option(name: .shortAndLong, parsing: .unconditional, help: "Show this many relations (or actors, with --actors), each recomputed exactly; further relations are recomputed, a batch of this many at a time, while a batch still changes the top.") var top = 10
    @Flag(help: "Rank actors instead: remove each actor in turn (with its relations) and recompute the target exactly, on all cores (a knock-out).")
    var actors = false
    @Option(help: "Output format: table, json or csv.") var format: OutputStyle = .table
    @Option(parsing: .unconditional, help: "Stop recomputing after this many seconds and show what was confirmed, saying so.")
    var timeLimit: Double?

    func validate() throws {
      if actors, !candidates.isEmpty || change != "remove" {
        throw ValidationError("--actors removes whole actors; drop --candidates and --change.")
      }
      try TimeLimit.validate(timeLimit)
      guard LeverageTarget(target) != nil else {
        throw ValidationError("--target \"\(target)\" must read SOURCE over TARGET (\"CHN over PAK\") or MEASURE of ACTOR (\"pagerank of PAK\").")
      }
      guard LeverageChange(change) != nil else {
        throw ValidationError("--change \"\(change)\" must be remove, +X or -X (for example +0.1).")
      }
      guard top >= 1 else { throw ValidationError("--top must be at least 1, got \(top).") }
      guard candidateWeight > 0, candidateWeight.isFinite else {
        throw ValidationError("--candidate-weight must be a positive number, got \(candidateWeight).")
      }
      if !candidates.isEmpty && candidateType == nil {
        throw ValidationError("--candidates needs --candidate-type: the type of the relations to try (for example partnership).")
      }
    }

    func run() throws {
      let world = try graph.load()
      if actors {
        let bar = ProgressBar(total: world.actors.count, label: "actors removed", quiet: graph.quiet)
        let knock = try world.knockOut(LeverageTarget(target, model: model)!, lens: try graph.lens(for: world), progress: { bar.update($0) })
        bar.finish()
        print(try KnockOutTable(knock, in: world, top: top).rendered(format))
        return
      }
      let bar = ProgressBar(total: 1, label: "recomputing", quiet: graph.quiet)
      let report = try world.leverage(
        on: LeverageTarget(target, model: model)!, change: LeverageChange(change)!, lens: try graph.lens(for: world),
        candidates: try parseList(candidates, option: "--candidates").map(Actor.ID.init(rawValue:)),
        candidateType: candidateType, candidateWeight: candidateWeight, recompute: top,
        timeLimit: timeLimit.map { Duration.milliseconds(Int64($0 * 1000)) }
      ) { done, total in bar.update(done, of: total) }
      bar.finish()
      print(try LeverageTable(report, in: world, top: top).rendered(format))
    }
  }
}
