import Statecraft

/// What goes on a map before it is drawn: the sizing measure, a highlighted path, camp or
/// community colours, unbalanced triangles. The CLI's `render`, the briefing and the
/// explorer compose maps here, so a map means the same wherever it appears.
public enum MapComposition {
  /// A world cut down to the actors a map can show, with what the caption says about the cut.
  public struct Capped: Sendable {
    /// The world to draw: all of it, or its top actors and the relations among them.
    public var world: World
    /// A caption line saying what was left out; `nil` when nothing was.
    public var note: String?
    /// The full world's scores, so a capped map's labels keep the values of the whole.
    public var sizeScores: NodeScores?
    /// How many relations the lens admits in the drawn world.
    public var relationCount: Int
  }

  /// Keeps the `cap` (else `defaultCap`) actors with the highest `measure` (PageRank when
  /// `nil`) and the relations among them; a world within the cap is returned whole.
  /// `capOption` is the option the caption names for choosing another cap.
  ///
  /// - Complexity: One measure computation and one pass over the relations.
  public static func capped(
    _ world: World, lens: Lens, measure: Measure?, cap: Int?, defaultCap: Int?, capOption: String = "--top"
  ) throws -> Capped {
    let count = try world.relationCount(through: lens)
    guard let limit = cap ?? defaultCap, limit < world.actors.count else {
      return Capped(world: world, note: nil, sizeScores: nil, relationCount: count)
    }
    let ranking = measure ?? .pagerank
    let scores = try world.scores(ranking, lens: lens)
    let kept = world.restricted(to: Set(scores.top(limit).map(\.actor)))
    let keptCount = try kept.relationCount(through: lens)
    let note = "showing the \(limit) actors with the highest \(ranking.rawValue) of \(world.actors.count) and \(keptCount) of \(count) relations"
      + (cap == nil ? " (default cap; \(capOption) N to choose)" : "")
    return Capped(world: kept, note: note, sizeScores: measure == nil ? nil : scores, relationCount: keptCount)
  }

  /// The DOT text for a world under the given options (sizing scores computed here).
  ///
  /// - Parameters:
  ///   - highlight: Two actors whose shortest path (along the relations, else either way)
  ///     is emphasized; throws ``HighlightError`` when none joins them.
  ///   - sizeScores: Scores to size nodes by instead of computing `sizeBy` on this world
  ///     (a map of part of a larger world keeps the larger world's values).
  ///   - sources: Which sources the title block lists.
  ///   - elementIDs: Stable SVG ids for a page script (``MapOptions/elementIDs``).
  public static func dot(
    _ world: World, lens: Lens, sizeBy: Measure?, clusterBy: String?, edgeLabels: Bool?,
    engine: LayoutEngine, highlight: (Actor.ID, Actor.ID)? = nil, colorByCommunities: Bool = false,
    colorByCamps: Bool = false, markUnbalanced: Bool = false, note: String? = nil,
    sizeScores: NodeScores? = nil, sources: SourceListing = .cited, elementIDs: Bool = false
  ) throws -> String {
    try DOTWriter().write(world, options: options(
      world, lens: lens, sizeBy: sizeBy, clusterBy: clusterBy, edgeLabels: edgeLabels, engine: engine,
      highlight: highlight, colorByCommunities: colorByCommunities, colorByCamps: colorByCamps,
      markUnbalanced: markUnbalanced, note: note, sizeScores: sizeScores, sources: sources, elementIDs: elementIDs))
  }

  /// The map options ``dot(_:lens:sizeBy:clusterBy:edgeLabels:engine:highlight:colorByCommunities:colorByCamps:markUnbalanced:note:sizeScores:sources:elementIDs:)``
  /// writes: what a geographic map (``GeoMap``) draws on geography instead.
  public static func options(
    _ world: World, lens: Lens, sizeBy: Measure?, clusterBy: String?, edgeLabels: Bool?,
    engine: LayoutEngine, highlight: (Actor.ID, Actor.ID)? = nil, colorByCommunities: Bool = false,
    colorByCamps: Bool = false, markUnbalanced: Bool = false, note: String? = nil,
    sizeScores: NodeScores? = nil, sources: SourceListing = .cited, elementIDs: Bool = false
  ) throws -> MapOptions {
    var options = MapOptions(lens: lens, clusterBy: clusterBy, edgeLabels: edgeLabels, engine: engine)
    options.note = note
    options.sources = sources
    options.elementIDs = elementIDs
    if let (from, to) = highlight {
      // The shortest path along the relations, or in either direction when there is none.
      let path = try world.paths(from: from, to: to, lens: lens).first
        ?? world.paths(from: from, to: to, lens: lens, direction: .either).first
      guard let path else { throw HighlightError(from: from, to: to) }
      options.highlight = Highlight(path: path.actors)
    }
    if colorByCommunities {
      options.colorGroups = ("Louvain community", try world.through(lens).louvainCommunities())
    }
    var signedLens = lens
    signedLens.sign = .signed
    if colorByCamps {
      options.colorGroups = ("balance camp", try world.signedGraph(lens: signedLens).frustration().camps)
    }
    if markUnbalanced {
      let triangles = try world.signedGraph(lens: signedLens).triangleBalance().unbalancedTriangles
      let ids = triangles.map { $0.map { world.actors[$0].id } }
      options.highlight = Highlight(
        caption: "highlighted: ties in \(triangles.count) unbalanced triangle\(triangles.count == 1 ? "" : "s")",
        actors: Set(ids.flatMap { $0 }),
        pairs: ids.flatMap { [($0[0], $0[1]), ($0[1], $0[2]), ($0[0], $0[2])] })
    }
    if let sizeBy {
      // Sizes come from every relation the lens admits, so the map and `rank` agree.
      // Given scores (of a larger world this map shows part of) win, so labels keep their values.
      let scores = try sizeScores.map { s in s.values(for: world.actors.map(\.id)).map { $0 ?? 0 } } ?? sizeBy.compute(on: world.through(lens))
      options.sizeBy = (sizeBy.rawValue, world.scores(scores))
    }
    return options
  }

}

/// A path to highlight does not exist.
public struct HighlightError: Error, CustomStringConvertible {
  /// One end of the path asked for.
  public var from: Actor.ID
  /// The other end of the path asked for.
  public var to: Actor.ID
  public var description: String { "no path joins \(from) and \(to) under this lens, in either direction" }
}

