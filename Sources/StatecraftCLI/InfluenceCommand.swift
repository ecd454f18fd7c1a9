import ArgumentParser
import Foundation
import Statecraft

extension StatecraftCommand {
  struct Influence: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Pairwise influence: who sways an actor (--over), whom an actor sways (--of).",
      discussion: """
        fj: Friedkin–Johnsen total influence V = (I − ΛW)⁻¹(I − Λ); an arc j → i means i heeds j; \
        susceptibility λ from the actor attribute `susceptibility` (default 0.5). walk: walk sums \
        Σ αᵏ Aᵏ (Katz, pairwise). Each answer is one sparse solve (time linear in relations per \
        sweep, memory linear in actors), so any world size works.
        """)

    @OptionGroup var graph: GraphOptions
    @Option(help: "Show who sways this actor or group (A+B, or attr=value such as bloc=west: the members' mean).")
    var over: String?
    @Option(help: "Show whom this actor or group sways (A+B or attr=value: the members together).") var of: String?
    @Option(name: .shortAndLong, parsing: .unconditional, help: "Show only the top N actors.") var top: Int?
    @Option(help: "fj (Friedkin–Johnsen on cooperative ties), signed (hostile ties repel: Altafini) or walk (walk sums along every tie).") var model: InfluenceModel = .fj
    @Option(parsing: .unconditional, help: "Walk attenuation (default: half of 1/λmax).") var alpha: Double?
    @Option(help: "Output format: table, json or csv.") var format: OutputStyle = .table
    @Option(parsing: .unconditional, help: "Monte Carlo over weight ranges: this many seeded samples (median, 90% interval, rank frequencies).")
    var samples: Int?
    @Option(help: "Seed for --samples.") var seed: UInt64 = 0

    func validate() throws {
      try validateSamples(samples)
      if over != nil && of != nil && samples != nil { throw ValidationError("--samples takes --over or --of, not both.") }
      if let top, top < 1 { throw ValidationError("--top must be at least 1, got \(top).") }
      if let alpha, !(alpha > 0 && alpha.isFinite) { throw ValidationError("--alpha must be a positive number, got \(alpha).") }
    }

    func run() throws {
      if let samples {
        let world = try graph.load()
        let lens = try graph.lens(for: world)
        let query: InfluenceQuery = over.map { .over(Actor.ID($0)) } ?? of.map { .of(Actor.ID($0)) } ?? .total
        let bar = ProgressBar(total: samples, label: "sampling", quiet: graph.quiet)
        let result = try world.uncertainty(samples: samples, seed: seed, progress: bar.update) { [model, alpha] w in
          try w.influence(query, model: model, lens: lens, alpha: alpha)
        }
        bar.finish()
        print(try UncertaintyReport(what: "influence (\(model.rawValue))", uncertainty: result).rendered(format))
        return
      }
      let world = try graph.load()
      if let over, let of {
        // One number: how much the source (or group) sways the target (or group).
        let pair = InfluencePair(source: Actor.ID(of), target: Actor.ID(over))
        print(try world.influenceShare(pair, model: model, lens: try graph.lens(for: world), alpha: alpha).rendered(format))
        return
      }
      print(try Reports.influence(
        world, lens: try graph.lens(for: world), over: over.map { Actor.ID($0) }, of: of.map { Actor.ID($0) },
        model: model, alpha: alpha, top: top, format: format.rawValue))
    }
  }
}
