/// What a relationship map draws, decided once by ``DOTWriter`` (``DOTWriter/scene(_:options:)``)
/// and then either written as DOT for Graphviz or drawn straight to SVG by
/// ``PinnedMapDrawer`` when every actor is pinned: nodes and edges as Graphviz attribute lists
/// (the one vocabulary both understand), the title block as structured text.
struct MapScene {
  /// A boxed cluster (only engines that draw clusters, see ``LayoutEngine/drawsClusters``).
  struct Cluster {
    /// The cluster's heading (an attribute value such as a bloc).
    var label: String
    /// Fill and border colours.
    var fill: String, border: String
    /// Its hover text.
    var tooltip: String
  }

  /// A node: its DOT name (the actor id, `&` escaped on maps), the cluster it sits in and
  /// its Graphviz attributes (`shape`, `style`, `width`, `label`, `pos`, `id`, …).
  struct Node {
    var name: String
    var cluster: Int?
    var attributes: [(String, String)]
  }

  /// An edge between two node names with its Graphviz attributes (`color`, `penwidth`,
  /// `style`, `dir`, `label`, `id`, …).
  struct Edge {
    var from: String, to: String
    var attributes: [(String, String)]
  }

  /// The graph's name in DOT.
  var graphName: String
  /// Graph attributes (font, padding, the engine's layout settings).
  var graphAttributes: [(String, String)]
  /// The title block and key.
  var key: MapKey
  /// Boxed clusters, indexed by ``Node/cluster``.
  var clusters: [Cluster]
  /// Nodes in drawing order: each cluster's members together, then the rest, then ghosts.
  var nodes: [Node]
  /// Edges in drawing order.
  var edges: [Edge]
  /// Hover text set aside (``MapOptions/tipsAside``).
  var tips: MapTips
}

/// A map's title block: a heading, grey lines under it (caption, sources) and the key.
struct MapKey {
  /// What the key explains: line samples, the delta map's fill scale and marks, node shapes,
  /// group colours and a note on how width, arrows and size read.
  struct Legend {
    /// One sample per sign and mode present: its colour, a glyph drawn in it and the words.
    var samples: [(color: String, glyph: String, text: String)]
    /// A delta map's fill scale: its explanation and five swatches (fill, value).
    var delta: (text: String, swatches: [(fill: String, text: String)])?
    /// A delta map's marks (wide, dotted and double edges).
    var deltaNote: String?
    /// The node shapes by actor kind (or, on a geographic map, what the circles are).
    var kinds: String
    /// Group colours (fill, group name) under a title, when nodes are coloured by group.
    var groups: (title: String, entries: [(fill: String, label: String)])?
    /// How width, arrows and size read.
    var notes: String

    init(samples: [(color: String, glyph: String, text: String)], kinds: String, notes: String) {
      self.samples = samples
      self.kinds = kinds
      self.notes = notes
    }
  }

  /// The heading (the world's title, or a small-multiple panel's) and its size in points.
  var heading: String
  var headingSize: Double
  /// Grey lines under the heading, each with its size in points.
  var lines: [(text: String, size: Double)]
  /// The key; `nil` on a small-multiple panel.
  var legend: Legend?
}
