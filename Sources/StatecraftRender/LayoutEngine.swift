/// A Graphviz layout engine.
public enum LayoutEngine: String, CaseIterable, Sendable {
  /// Hierarchical layers; the most readable for small, sparse maps, unusable on dense
  /// graphs of a few hundred nodes.
  case dot
  /// Spring model (stress majorization), good up to about a thousand nodes.
  case neato
  /// Force-directed (Fruchterman–Reingold); slow and not deterministic run to run.
  case fdp
  /// Scalable force-directed with multilevel coarsening, for large graphs.
  case sfdp
  /// Circular layout.
  case circo
  /// Radial layout around a centre.
  case twopi

  /// Whether the engine draws `cluster` subgraphs as boxes (Graphviz 2.42: dot and fdp).
  public var drawsClusters: Bool { self == .dot || self == .fdp }

  /// The engine `auto` picks for a graph of this size: `dot` while it is safe (at most 150
  /// nodes and 2.5 ties per node, where Graphviz 2.42 stays under about a second), `sfdp`
  /// beyond (see GRAPHVIZ.md §5 for the measurements).
  public static func automatic(nodes: Int, edges: Int) -> LayoutEngine {
    nodes <= 150 && Double(edges) <= 2.5 * Double(max(nodes, 1)) ? .dot : .sfdp
  }
}

/// An output format Graphviz renders to.
public enum OutputFormat: String, CaseIterable, Sendable {
  case svg, png, pdf
  /// The DOT text itself, before layout.
  case dot

  /// The Graphviz renderer name: PNG and PDF go through cairo for anti-aliased output.
  var graphvizName: String {
    switch self {
    case .svg: "svg"
    case .png: "png:cairo"
    case .pdf: "pdf:cairo"
    case .dot: "dot"
    }
  }

  /// The format for a file extension, if any.
  public init?(fileExtension: String) {
    self.init(rawValue: fileExtension.lowercased())
  }
}
