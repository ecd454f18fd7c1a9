import Foundation
import Statecraft

extension ScenarioComparison {
  /// The delta map of one scenario: its edited world drawn with node fill by the change in
  /// `measure`, added and changed relations emphasised, removed ones ghosted and ties of
  /// unbalanced triangles drawn double (see ``DeltaMap``).
  ///
  /// - Parameters:
  ///   - index: Which scenario (0 = the first run).
  ///   - base: The base world the comparison ran on.
  ///   - measure: The measure whose change fills the nodes; default the first question
  ///     measure, else PageRank.
  ///   - format: svg, png, pdf or dot.
  /// - Returns: The rendered bytes and the layout engine used.
  public func deltaMap(
    _ index: Int = 0, base: World, measure: Measure? = nil, format: OutputFormat = .svg
  ) throws -> (bytes: [UInt8], engine: LayoutEngine) {
    let (dot, engine) = try deltaMapDOT(index, base: base, measure: measure)
    return (try GraphvizRenderer.render(dot: dot, engine: engine, format: format), engine)
  }

  /// The DOT text of ``deltaMap(_:base:measure:format:)`` and the engine to lay it out with,
  /// for callers that run the layout themselves (the CLI isolates it in a child process).
  ///
  /// - Parameter sources: Which sources the map's title block lists.
  public func deltaMapDOT(
    _ index: Int = 0, base: World, measure: Measure? = nil, sources: SourceListing = .cited
  ) throws -> (dot: String, engine: LayoutEngine) {
    let (edited, options) = try deltaMapOptions(index, base: base, measure: measure, sources: sources)
    return (try DOTWriter().write(edited, options: options), options.engine)
  }

  /// The delta map of one scenario on geography (``GeoMap``): the same fills, emphasis and
  /// ghosts as ``deltaMapDOT(_:base:measure:sources:)``, actors at their coordinates, removed
  /// actors ghosted where they were.
  ///
  /// - Parameter layout: Lays out DOT text to SVG (in-process Graphviz by default).
  /// - Throws: ``GeoError`` when no actor has coordinates.
  public func geoDeltaMap(
    _ index: Int = 0, base: World, measure: Measure? = nil, sources: SourceListing = .cited,
    layout: (String, LayoutEngine) throws -> [UInt8] = { try GraphvizRenderer.render(dot: $0, engine: $1, format: .svg) }
  ) throws -> String {
    let (edited, options) = try deltaMapOptions(index, base: base, measure: measure, sources: sources)
    return try GeoMap(options: options).svg(edited, layout: layout)
  }

  /// The edited world of one scenario and the delta map's options (engine included).
  func deltaMapOptions(
    _ index: Int, base: World, measure: Measure?, sources: SourceListing
  ) throws -> (World, MapOptions) {
    precondition(scenarios.indices.contains(index), "no scenario \(index)")
    let diff = scenarios[index]
    let edited = worlds[index]
    let m = measure ?? questions.measures.first ?? .pagerank
    var lens = questions.lens
    if let date = diff.scenario.date { lens.date = date }
    let before = try base.scores(m, lens: questions.lens, settings: questions.settings)
    let after = try edited.scores(m, lens: lens, settings: questions.settings)
    var baseline: [Actor.ID: Double] = [:]
    for (a, v) in zip(before.actors, before.values) { baseline[a] = v }
    let deltas = edited.scores(after.actors.indices.map { i in after.values[i] - (baseline[after.actors[i]] ?? 0) })
    let changes = base.relationDiff(to: edited)
    let removedActors = base.actors.filter { edited.index(of: $0.id) == nil }
    let balance = try edited.balance(lens: lens)
    let relations = try edited.relations(through: lens)
    // dot lays out the small worlds scenarios are written for well, ghosts and double lines
    // included; sfdp's spline router has aborted on those (Graphviz multispline.c).
    let engine: LayoutEngine = edited.actors.count + removedActors.count <= 150
      ? .dot : .automatic(nodes: edited.actors.count, edges: relations.count + changes.removed.count)
    var options = MapOptions(lens: lens, sizeBy: (m.rawValue, after), engine: engine)
    options.sources = sources
    options.delta = DeltaMap(
      scenario: diff.scenario.name + (diff.scenario.title.map { ": \($0)" } ?? ""), measure: m.rawValue,
      // Relations of a removed actor are ghosted to its ghost node.
      deltas: deltas, diff: changes, shown: lens.admits, drawn: lens.admits,
      removedActors: removedActors, unbalancedTriangles: balance.unbalancedTriangles)
    return (edited, options)
  }
}
