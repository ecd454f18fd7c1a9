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

  /// Settings for the measures that take any.
  public struct Settings: Sendable {
    public var damping = 0.85
    public var length: Lens.PathLength = .reciprocal
    public var normalized = true
    public var endpoints = false
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
