import Foundation
import Statecraft
import StatecraftRender

/// Renders a world to a file: DOT text, then Graphviz in-process, then an atomic write.
public enum MapRendering {
  /// What `render` produced.
  public struct Result: Sendable {
    /// The file written.
    public var path: String
    /// The layout engine used: the one requested, or the automatic choice.
    public var engine: LayoutEngine
    /// The output format.
    public var format: OutputFormat
    /// The size of the file written, in bytes.
    public var bytes: Int
  }

  /// Renders and writes the map; the file appears only when everything succeeded.
  public static func render(
    _ world: World, lens: Lens = Lens(), to path: String, format: OutputFormat,
    engine requested: LayoutEngine?, sizeBy: Measure? = .pagerank, clusterBy: String? = nil,
    edgeLabels: Bool? = nil, highlight: (Actor.ID, Actor.ID)? = nil, colorByCommunities: Bool = false,
    colorByCamps: Bool = false, markUnbalanced: Bool = false, note: String? = nil,
    sizeScores: NodeScores? = nil, sources: SourceListing = .cited, isolatedDeadline: Double? = nil
  ) throws -> Result {
    let relations = try world.relations(through: lens)
    let engine = requested ?? LayoutEngine.automatic(nodes: world.actors.count, edges: relations.count)
    let text = try MapComposition.dot(
      world, lens: lens, sizeBy: sizeBy, clusterBy: clusterBy, edgeLabels: edgeLabels, engine: engine,
      highlight: highlight, colorByCommunities: colorByCommunities, colorByCamps: colorByCamps,
      markUnbalanced: markUnbalanced, note: note, sizeScores: sizeScores, sources: sources)
    // The CLI lays out in a child process (a Graphviz crash or runaway layout becomes an
    // error); scripts and tests, whose executable has no `_layout` command, stay in-process.
    let bytes = try isolatedDeadline.map { try IsolatedLayout.render(dot: text, engine: engine, format: format, deadline: $0) }
      ?? GraphvizRenderer.render(dot: text, engine: engine, format: format)
    try AtomicFileStream.write(bytes: bytes, to: path)
    return Result(path: path, engine: engine, format: format, bytes: bytes.count)
  }
}
