import ArgumentParser
import Statecraft

/// A per-actor measure the CLI can rank by, size nodes by, and report.
public enum Measure: String, ExpressibleByArgument, CaseIterable, Sendable {
  case pagerank, betweenness, degree
  case inDegree = "in-degree"
  case outDegree = "out-degree"
  case strength
  case inStrength = "in-strength"
  case outStrength = "out-strength"
  case closeness, harmonic, eigenvector, katz, hubs, authorities

  /// Settings for the measures that take any.
  public struct Settings: Sendable {
    public var damping = 0.85
    public var length: Lens.PathLength = .reciprocal
    public var normalized = true
    public var endpoints = false
    /// Katz attenuation (NetworkX `alpha`); `nil`: half of 1/λmax, always convergent.
    public var katzAlpha: Double?
    public var katzBeta = 1.0
    public init() {}
  }

  /// Computes the measure on a projected digraph.
  public func compute(on g: Digraph, settings: Settings = Settings()) throws -> [Double] {
    switch self {
    case .pagerank: return try g.pageRank(damping: settings.damping)
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
    case .eigenvector: return try g.eigenvectorCentrality(maxIterations: 1000)
    case .katz:
      let radius = g.spectralRadius()
      let alpha = settings.katzAlpha ?? (radius > 0 ? 0.5 / radius : 0.1)
      return try g.katzCentrality(alpha: alpha, beta: settings.katzBeta)
    case .hubs: return try g.hits().hubs
    case .authorities: return try g.hits().authorities
    }
  }

  private func counts(_ g: Digraph, _ d: Digraph.Direction, _ settings: Settings) -> [Double] {
    settings.normalized ? g.degreeCentrality(d) : g.degree(d).map(Double.init)
  }

  /// Whether the normalized flag changes this measure.
  var isNormalizable: Bool {
    [.betweenness, .degree, .inDegree, .outDegree].contains(self)
  }
}
