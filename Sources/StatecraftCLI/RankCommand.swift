import ArgumentParser
import Foundation
import Statecraft

extension StatecraftCommand {
  struct Rank: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Rank actors by a centrality measure.",
      discussion: """
        Measures follow NetworkX: pagerank = nx.pagerank (weighted by strength); betweenness, \
        closeness, harmonic = nx.betweenness_centrality / closeness_centrality / \
        harmonic_centrality with length 1/strength (see --length); degree = nx.degree_centrality; \
        strength = weighted degree; eigenvector = nx.eigenvector_centrality; katz = \
        nx.katz_centrality (default alpha: half of 1/λmax); hubs, authorities = nx.hits. \
        Ties keep file order.
        """)

    @OptionGroup var graph: GraphOptions
    @Option(help: "The measure: \(Measure.allCases.map(\.rawValue).joined(separator: ", ")).")
    var measure: Measure = .pagerank
    @Option(parsing: .unconditional, help: "PageRank damping factor (NetworkX: alpha).") var damping = 0.85
    @Option(parsing: .unconditional, help: "Katz attenuation (NetworkX: alpha); must be below 1/λmax. Default: half of 1/λmax.")
    var alpha: Double?
    @Option(parsing: .unconditional, help: "Katz baseline (NetworkX: beta).") var beta = 1.0
    @Option(parsing: .unconditional, help: "Per-node tolerance of pagerank, eigenvector, katz, hubs and authorities (NetworkX: tol). Default: NetworkX's, 1e-6 (HITS: 1e-10).")
    var tolerance: Double?
    @Option(parsing: .unconditional, help: "Iteration limit of pagerank, eigenvector, katz, hubs and authorities (NetworkX: max_iter). Default: NetworkX's, 100 (katz 1000, HITS 10000).")
    var maxIterations: Int?
    @Option(help: "Path length for betweenness, closeness, harmonic: reciprocal (1/strength), hops or raw.")
    var length: Lens.PathLength = .reciprocal
    @Flag(help: "Raw counts instead of NetworkX's normalized betweenness and degree.")
    var raw = false
    @Flag(help: "Count path endpoints in betweenness (NetworkX: endpoints=True).") var endpoints = false
    @Option(name: .shortAndLong, parsing: .unconditional, help: "Show only the top N actors.") var top: Int?
    @Option(help: "Output format: table, json or csv.") var format: OutputStyle = .table
    @Option(parsing: .unconditional, help: "Monte Carlo over weight ranges (weight: 0.4..0.7): this many seeded samples; reports median, 90% interval and rank frequencies.")
    var samples: Int?
    @Option(help: "Seed for --samples and --sources; the same seed gives the same output whatever the core count.") var seed: UInt64 = 0
    @Option(parsing: .unconditional, help: "Betweenness only: estimate from this many sampled sources (Brandes–Pich), for worlds where exact betweenness is out of reach; adds each estimate's standard error.")
    var sources: Int?
    @Option(parsing: .unconditional, help: "Stop after this many seconds with an error that says what to try (exact betweenness on 20,000 actors takes minutes).")
    var timeLimit: Double?

    func validate() throws {
      try validateSamples(samples)
      try TimeLimit.validate(timeLimit)
      if let sources {
        guard sources >= 1 else { throw ValidationError("--sources must be at least 1, got \(sources).") }
        guard measure == .betweenness else { throw ValidationError("--sources samples betweenness; --measure is \(measure.rawValue).") }
        guard samples == nil else { throw ValidationError("choose --sources (sampled betweenness) or --samples (weight ranges), not both.") }
      }
      guard (0 ... 1).contains(damping) else {
        throw ValidationError("--damping must be between 0 and 1, got \(damping).")
      }
      if let top, top < 1 { throw ValidationError("--top must be at least 1, got \(top).") }
      if let alpha, !(alpha > 0 && alpha.isFinite) { throw ValidationError("--alpha must be a positive number, got \(alpha).") }
      if let tolerance, !(tolerance > 0 && tolerance.isFinite) {
        throw ValidationError("--tolerance must be a positive number, got \(tolerance).")
      }
      if let maxIterations, maxIterations < 1 {
        throw ValidationError("--max-iterations must be at least 1, got \(maxIterations).")
      }
      if (tolerance != nil || maxIterations != nil) && !measure.isIterative {
        throw ValidationError("--tolerance and --max-iterations apply to pagerank, eigenvector, katz, hubs and authorities; \(measure.rawValue) is computed exactly.")
      }
    }

    func run() throws {
      TimeLimit.start(
        seconds: timeLimit, what: "\(measure.rawValue)",
        hint: measure == .betweenness ? "estimate it from sampled sources instead (--sources 500)" : "raise --time-limit, or look at fewer actors (--types, --date)")
      var settings = Measure.Settings()
      settings.damping = damping
      settings.length = length
      settings.normalized = !raw
      settings.endpoints = endpoints
      settings.katzAlpha = alpha
      settings.katzBeta = beta
      settings.tolerance = tolerance
      settings.maxIterations = maxIterations
      if let sources {
        let world = try graph.load()
        let g = try world.through(try graph.lens(for: world))
        let estimate = try ProgressBar.reporting("sources", quiet: graph.quiet) {
          try g.approximateBetweenness(samples: sources, seed: seed, length: length, normalized: !raw, endpoints: endpoints)
        }
        print(try SampledBetweenness(estimate, in: world, sources: min(sources, world.actors.count), seed: seed, top: top).rendered(format))
        return
      }
      if let samples {
        let world = try graph.load()
        let lens = try graph.lens(for: world)
        let bar = ProgressBar(total: samples, label: "sampling", quiet: graph.quiet)
        let result = try world.uncertainty(samples: samples, seed: seed, progress: bar.update) { [measure, settings] w in
          try w.scores(measure, lens: lens, settings: settings)
        }
        bar.finish()
        print(try UncertaintyReport(what: measure.rawValue, uncertainty: result, top: top).rendered(format))
        return
      }
      let world = try graph.load()
      let lens = try graph.lens(for: world)
      let report = try ProgressBar.reporting("sources", quiet: graph.quiet) {
        try Reports.rank(world, lens: lens, measure: measure, settings: settings, top: top, format: format.rawValue)
      }
      print(report)
    }
  }
}
