import Foundation
import Statecraft
import StatecraftRender

/// Renders a world to a file: DOT text, then Graphviz in-process, then an atomic write.
public enum MapRendering {
  /// What `render` produced.
  public struct Result: Sendable {
    public var path: String
    public var engine: LayoutEngine
    public var format: OutputFormat
    public var bytes: Int
  }

  /// The DOT text for a world under the given options (sizing scores computed here).
  public static func dot(
    _ world: World, lens: Lens, sizeBy: Measure?, clusterBy: String?, edgeLabels: Bool?,
    engine: LayoutEngine, highlight: (Actor.ID, Actor.ID)? = nil, colorByCommunities: Bool = false,
    colorByCamps: Bool = false, markUnbalanced: Bool = false, note: String? = nil,
    sizeScores: NodeScores? = nil
  ) throws -> String {
    var options = MapOptions(lens: lens, clusterBy: clusterBy, edgeLabels: edgeLabels, engine: engine)
    options.note = note
    if let (from, to) = highlight {
      // The shortest path along the relations, or in either direction when there is none.
      let path = try world.paths(from: from, to: to, lens: lens).first
        ?? world.paths(from: from, to: to, lens: lens, undirected: true).first
      guard let path else { throw HighlightError(from: from, to: to) }
      options.highlight = Highlight(path: path.actors)
    }
    if colorByCommunities {
      options.colorGroups = ("Louvain community", try world.through(lens).louvainCommunities())
    }
    var signedLens = lens
    signedLens.sign = .signed
    if colorByCamps {
      options.colorGroups = ("balance camp", try world.through(signedLens).signedGraph(combine: signedLens.combine).frustration().camps)
    }
    if markUnbalanced {
      let triangles = try world.through(signedLens).signedGraph(combine: signedLens.combine).triangleBalance().unbalancedTriangles
      let ids = triangles.map { $0.map { world.actors[$0].id } }
      options.highlight = Highlight(
        caption: "highlighted: ties in \(triangles.count) unbalanced triangle\(triangles.count == 1 ? "" : "s")",
        actors: Set(ids.flatMap { $0 }),
        pairs: ids.flatMap { [($0[0], $0[1]), ($0[1], $0[2]), ($0[0], $0[2])] })
    }
    if let sizeBy {
      // Sizes come from every relation the lens admits, so the map and `rank` agree.
      // Given scores (of a larger world this map shows part of) win, so labels keep their values.
      let scores = try sizeScores.map { s in world.actors.map { s[actor: $0.id] ?? 0 } } ?? sizeBy.compute(on: world.through(lens))
      options.sizeBy = (sizeBy.rawValue, world.scores(scores))
    }
    return try DOTWriter().write(world, options: options)
  }

  /// Renders and writes the map; the file appears only when everything succeeded.
  public static func render(
    _ world: World, lens: Lens = Lens(), to path: String, format: OutputFormat,
    engine requested: LayoutEngine?, sizeBy: Measure? = .pagerank, clusterBy: String? = nil,
    edgeLabels: Bool? = nil, highlight: (Actor.ID, Actor.ID)? = nil, colorByCommunities: Bool = false,
    colorByCamps: Bool = false, markUnbalanced: Bool = false, note: String? = nil,
    sizeScores: NodeScores? = nil, isolatedDeadline: Double? = nil
  ) throws -> Result {
    let relations = try world.relations(through: lens)
    let engine = requested ?? LayoutEngine.automatic(nodes: world.actors.count, edges: relations.count)
    let text = try dot(
      world, lens: lens, sizeBy: sizeBy, clusterBy: clusterBy, edgeLabels: edgeLabels, engine: engine,
      highlight: highlight, colorByCommunities: colorByCommunities, colorByCamps: colorByCamps,
      markUnbalanced: markUnbalanced, note: note, sizeScores: sizeScores)
    // The CLI lays out in a child process (a Graphviz crash or runaway layout becomes an
    // error); scripts and tests, whose executable has no `_layout` command, stay in-process.
    let bytes = try isolatedDeadline.map { try IsolatedLayout.render(dot: text, engine: engine, format: format, deadline: $0) }
      ?? GraphvizRenderer.render(dot: text, engine: engine, format: format)
    try AtomicFileStream.write(bytes: bytes, to: path)
    return Result(path: path, engine: engine, format: format, bytes: bytes.count)
  }
}

/// A path to highlight does not exist.
public struct HighlightError: Error, CustomStringConvertible {
  public var from: Actor.ID
  public var to: Actor.ID
  public var description: String { "no path joins \(from) and \(to) under this lens, in either direction" }
}

