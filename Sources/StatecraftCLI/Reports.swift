import Foundation
import Statecraft

/// The text each command prints: the library's result values (``ReportValue``) rendered in
/// the chosen format. Nothing here computes; each function names the library call behind it,
/// so a script gets the same value and the same text.
public enum Reports {
  /// A ranking of every actor by one measure (``World/ranking(_:lens:settings:top:)``).
  public static func rank(
    _ world: World, lens: Lens = Lens(), measure: Measure, settings: Measure.Settings = .init(),
    top: Int? = nil, format: String = "table"
  ) throws -> String {
    try world.ranking(measure, lens: lens, settings: settings, top: top).rendered(ReportFormat(format))
  }

  /// The best path value from one actor to every actor it reaches (``World/pathRanking(from:kind:lens:direction:top:)``).
  public static func pathValues(
    _ world: World, from source: Actor.ID, kind: PathKind = .shortest, lens: Lens = Lens(),
    direction: PathDirection = .along, top: Int? = nil, format: String = "table"
  ) throws -> String {
    try world.pathRanking(from: source, kind: kind, lens: lens, direction: direction, top: top).rendered(ReportFormat(format))
  }

  /// A summary of a world (``World/summary(lens:)``), as text or JSON.
  public static func info(_ world: World, lens: Lens = Lens(), format: ReportFormat = .table) throws -> String {
    try world.summary(lens: lens).rendered(format)
  }

  /// The best paths from one actor to another, each hop with the relations behind it
  /// (``World/pathReport(from:to:count:kind:lens:avoiding:undirected:allShortest:)``).
  public static func paths(
    _ world: World, from source: Actor.ID, to target: Actor.ID, count: Int = 1,
    kind: PathKind = .shortest, lens: Lens = Lens(), avoiding: [Actor.ID] = [],
    direction: PathDirection = .along, allShortest: Bool = false, format: String = "table"
  ) throws -> String {
    try world.pathReport(
      from: source, to: target, count: count, kind: kind, lens: lens, avoiding: avoiding,
      direction: direction, allShortest: allShortest
    ).rendered(ReportFormat(format))
  }

  /// Louvain communities with their members and modularity (``World/communityReport(lens:resolution:seed:)``).
  public static func communities(
    _ world: World, lens: Lens = Lens(), resolution: Double = 1, seed: UInt64 = 0, format: String = "table"
  ) throws -> String {
    try world.communityReport(lens: lens, resolution: resolution, seed: seed).rendered(ReportFormat(format))
  }

  /// Structural balance (``World/balance(lens:exactLimit:timeLimit:prove:)``), as text or JSON.
  public static func balance(
    _ world: World, lens: Lens = Lens(), exactLimit: Int = 30, timeLimit: Duration? = nil, prove: Bool = false, format: String = "table"
  ) throws -> String {
    try world.balance(lens: lens, exactLimit: exactLimit, timeLimit: timeLimit, prove: prove).rendered(ReportFormat(format))
  }

  /// Gould–Fernandez brokerage roles, groups from an attribute (``World/brokerageReport(by:lens:)``).
  public static func brokerage(_ world: World, lens: Lens = Lens(), by attribute: String, format: String = "table") throws -> String {
    try world.brokerageReport(by: attribute, lens: lens).rendered(ReportFormat(format))
  }

  /// Pairwise influence: who sways `over`, whom `of` sways, or each actor's total
  /// (``World/influenceRanking(_:model:lens:alpha:)``).
  public static func influence(
    _ world: World, lens: Lens = Lens(), over target: Actor.ID? = nil, of source: Actor.ID? = nil,
    model: InfluenceModel = .fj, alpha: Double? = nil, top: Int? = nil, format: String = "table"
  ) throws -> String {
    let query: InfluenceQuery = target.map { .over($0) } ?? source.map { .of($0) } ?? .total
    return try world.influenceRanking(query, model: model, lens: lens, alpha: alpha, top: top).rendered(ReportFormat(format))
  }

  /// The result of validating a file: a summary line when valid.
  public static func validSummary(_ world: World, file: String) -> String {
    "\(file): valid — \(world.actors.count) actors, \(world.relations.count) relations, "
      + "\(world.types.count) types, \(world.sources.count) sources"
  }
}

extension ReportFormat {
  /// The format named by a command's `--format` value (table for anything else).
  init(_ name: String) { self = ReportFormat(rawValue: name) ?? .table }
}
