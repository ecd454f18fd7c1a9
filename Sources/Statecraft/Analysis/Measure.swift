/// A per-actor measure, by name: the registry a script, a scenario file and the CLI share.
///
/// Each case states its definition and the NetworkX call it equals; ``compute(on:settings:start:)``
/// runs it on a projected ``Digraph`` and ``World/scores(_:lens:settings:)`` names the actors.
///
///     let pr = try world.scores(.pagerank)            // NodeScores, as `statecraft rank`
///     let m = Measure(rawValue: "betweenness")!       // by name, as scenario files say it
public enum Measure: String, CaseIterable, Sendable, Codable {
  /// PageRank; betweenness (length 1/strength by default); degree centrality.
  case pagerank, betweenness, degree
  /// In-degree centrality.
  case inDegree = "in-degree"
  /// Out-degree centrality.
  case outDegree = "out-degree"
  /// Weighted degree (sum of strengths in and out).
  case strength
  /// Sum of incoming strengths.
  case inStrength = "in-strength"
  /// Sum of outgoing strengths.
  case outStrength = "out-strength"
  /// Closeness (incoming distances), harmonic, eigenvector, Katz, HITS hubs and authorities.
  case closeness, harmonic, eigenvector, katz, hubs, authorities

  /// Settings for the measures that take any. `nil` tolerance and iteration limits mean the
  /// measure's NetworkX default (``defaultTolerance``, ``defaultMaxIterations``).
  public struct Settings: Hashable, Sendable {
    /// PageRank damping (NetworkX `alpha`).
    public var damping = 0.85
    /// What a strength means as a length for betweenness, closeness and harmonic.
    public var length: Lens.PathLength = .reciprocal
    /// NetworkX's normalized betweenness and degree (`false`: raw counts).
    public var normalized = true
    /// Count path endpoints in betweenness (NetworkX `endpoints`).
    public var endpoints = false
    /// Katz attenuation (NetworkX `alpha`); `nil`: half of 1/λmax, always convergent.
    public var katzAlpha: Double?
    /// Katz baseline (NetworkX `beta`).
    public var katzBeta = 1.0
    /// Per-node convergence tolerance of iterative measures (NetworkX `tol`).
    public var tolerance: Double?
    /// Sweeps after which an iterative measure gives up (NetworkX `max_iter`).
    public var maxIterations: Int?
    /// Settings with the defaults above.
    public init() {}
  }

  /// The NetworkX call this measure equals (with the lens's strengths as `weight`).
  public var networkXCall: String {
    switch self {
    case .pagerank: "nx.pagerank(G, alpha=damping, tol=1e-6, max_iter=100)"
    case .betweenness: "nx.betweenness_centrality(G, weight=length, normalized=True)"
    case .degree: "nx.degree_centrality(G)"
    case .inDegree: "nx.in_degree_centrality(G)"
    case .outDegree: "nx.out_degree_centrality(G)"
    case .strength: "dict(G.degree(weight='weight'))"
    case .inStrength: "dict(G.in_degree(weight='weight'))"
    case .outStrength: "dict(G.out_degree(weight='weight'))"
    case .closeness: "nx.closeness_centrality(G, distance=length)"
    case .harmonic: "nx.harmonic_centrality(G, distance=length)"
    case .eigenvector: "nx.eigenvector_centrality(G, weight='weight', tol=1e-6, max_iter=100)"
    case .katz: "nx.katz_centrality(G, alpha, beta, tol=1e-6, max_iter=1000)"
    case .hubs: "nx.hits(G)[0]"
    case .authorities: "nx.hits(G)[1]"
    }
  }

  /// Whether the measure iterates to a tolerance (and takes `tolerance`/`maxIterations`).
  public var isIterative: Bool { defaultMaxIterations != nil }

  /// NetworkX's default tolerance for an iterative measure.
  ///
  /// HITS differs on purpose: NetworkX solves it with ARPACK's sparse SVD, whose `tol` and
  /// `max_iter` count something else; our power iteration needs a tighter tolerance and
  /// more sweeps to reach the same vectors (1e-10, 10,000).
  public var defaultTolerance: Double? {
    switch self {
    case .pagerank, .eigenvector, .katz: 1e-6
    case .hubs, .authorities: 1e-10
    default: nil
    }
  }

  /// NetworkX's default iteration limit for an iterative measure (see ``defaultTolerance``).
  public var defaultMaxIterations: Int? {
    switch self {
    case .pagerank, .eigenvector: 100
    case .katz: 1000
    case .hubs, .authorities: 10_000
    default: nil
    }
  }

  /// Computes the measure on a projected digraph: one value per node.
  ///
  /// - Parameters:
  ///   - g: The projected digraph (``World/through(_:)``).
  ///   - settings: Damping, path lengths, normalization, tolerances.
  ///   - start: For PageRank, weights to start the iteration from (NetworkX's `nstart`; other
  ///     measures ignore it).
  /// - Throws: ``GraphError`` when an iterative measure does not converge (the message names
  ///   both limits), a path measure meets a negative strength, or Katz's alpha is too large.
  public func compute(on g: Digraph, settings: Settings = Settings(), start: [Double]? = nil) throws -> [Double] {
    let tolerance = settings.tolerance ?? defaultTolerance ?? 0
    let maxIterations = settings.maxIterations ?? defaultMaxIterations ?? 0
    switch self {
    case .pagerank:
      return try g.pageRank(damping: settings.damping, tolerance: tolerance, maxIterations: maxIterations, start: start)
    case .betweenness:
      return try g.betweenness(length: settings.length, normalized: settings.normalized, endpoints: settings.endpoints)
    case .degree: return counts(g, .all, settings)
    case .inDegree: return counts(g, .in, settings)
    case .outDegree: return counts(g, .out, settings)
    case .strength: return g.strength(.all)
    case .inStrength: return g.strength(.in)
    case .outStrength: return g.strength(.out)
    case .closeness: return try g.closeness(length: settings.length)
    case .harmonic: return try g.harmonic(length: settings.length)
    case .eigenvector: return try g.eigenvectorCentrality(tolerance: tolerance, maxIterations: maxIterations)
    case .katz:
      return try g.katzCentrality(
        alpha: Self.katzAlpha(on: g, settings: settings), beta: settings.katzBeta,
        tolerance: tolerance, maxIterations: maxIterations)
    case .hubs: return try g.hits(tolerance: tolerance, maxIterations: maxIterations).hubs
    case .authorities: return try g.hits(tolerance: tolerance, maxIterations: maxIterations).authorities
    }
  }

  /// The Katz alpha used: the given one, or half of 1/λmax (0.1 on a graph without cycles).
  public static func katzAlpha(on g: Digraph, settings: Settings) -> Double {
    if let alpha = settings.katzAlpha { return alpha }
    let radius = g.spectralRadius()
    return radius > 0 ? 0.5 / radius : 0.1
  }

  private func counts(_ g: Digraph, _ d: Digraph.Direction, _ settings: Settings) -> [Double] {
    settings.normalized ? g.degreeCentrality(d) : g.degree(d).map(Double.init)
  }

  /// Whether the normalized flag changes this measure.
  public var isNormalizable: Bool {
    [.betweenness, .degree, .inDegree, .outDegree].contains(self)
  }
}

extension World {
  /// One measure of every actor, seen through a lens.
  ///
  ///     let ranked = try world.scores(.pagerank).top(3)
  /// - Complexity: one projection plus the measure's own cost (see ``Measure``'s cases: PageRank O(*k* (*n* + *m*)), betweenness O(*n m* + *n*² log *n*)).
  public func scores(
    _ measure: Measure, lens: Lens = Lens(), settings: Measure.Settings = .init()
  ) throws -> NodeScores {
    scores(try measure.compute(on: through(lens), settings: settings))
  }

  /// A measure warm-started from an earlier answer: PageRank iterates from `start` (an
  /// earlier ``scores(_:lens:settings:)`` of this world before a small edit), matched to this
  /// world's actors by id (an actor it lacks starts at the mean), to the same stopping rule: the
  /// answer agrees with a cold start to the measure's tolerance, in fewer sweeps. Other
  /// measures are computed as usual.
  ///
  ///     let before = try world.scores(.pagerank)
  ///     try world.apply(.reweight(.id("us-tariff-threat"), weight: 0.3))
  ///     let after = try world.scores(.pagerank, start: before)
  ///
  /// - Complexity: PageRank: O(*k* (*n* + *m*)) for *k* sweeps, *k* small after a small edit.
  public func scores(
    _ measure: Measure, lens: Lens = Lens(), settings: Measure.Settings = .init(), start: NodeScores
  ) throws -> NodeScores {
    scores(try measure.compute(on: through(lens), settings: settings, start: startVector(start)))
  }

  /// An earlier answer as a starting vector in this world's actor order (an actor it lacks
  /// starts at the mean), or `nil` when it cannot start an iteration (no positive entry).
  func startVector(_ start: NodeScores) -> [Double]? {
    let known = start.values.isEmpty ? 0 : start.values.reduce(0, +) / Double(start.values.count)
    let vector = start.values(for: actors.map(\.id)).map { $0 ?? known }
    return vector.contains { $0 > 0 } && vector.allSatisfy { $0.isFinite && $0 >= 0 } ? vector : nil
  }
}
