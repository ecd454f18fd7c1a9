import Foundation
import Statecraft

/// What to draw on a relationship map.
public struct MapOptions: Sendable {
  /// Which relations to draw (types, sign layer, date). Actors are always all drawn.
  public var lens: Lens
  /// Scores that size the nodes, with the measure's name for the legend.
  public var sizeBy: (measure: String, scores: NodeScores)?
  /// An actor attribute (such as `bloc`) whose values group actors into boxed clusters.
  public var clusterBy: String?
  /// Whether to print each relation's type on its edge; `nil` decides by size (≤ 60 edges).
  public var edgeLabels: Bool?
  /// Layout engine hints written into the DOT: `dot` gets rank settings, others overlap
  /// removal.
  public var engine: LayoutEngine
  /// Actors and ties to emphasize (a path, unbalanced triangles); everything else is dimmed.
  public var highlight: Highlight?
  /// A group label per actor (such as Louvain communities) that colours the nodes, with a
  /// name for the caption.
  public var colorGroups: (name: String, labels: [Int])?
  /// Interchange mode: one edge per relation (no bundling) and every datum as an `sc_`
  /// attribute, so ``DOTReader`` reads the world back without loss.
  public var interchange = false
  /// A scenario's changes to draw over its edited world (a delta map).
  public var delta: DeltaMap?
  /// A line for the caption saying what the map leaves out (``World/restricted(to:)``).
  public var note: String?
  /// Which sources the title block lists: none, those the drawn relations cite (the
  /// default), or every source the world declares.
  public var sources: SourceListing = .cited
  /// Whether nodes and edges carry stable SVG ids a page script can find: `a<index>` for the
  /// actor at that index of the world, `t<from>_<to>_<sign>_<k>` for the k-th drawn edge
  /// between two actor indices (sign `p`, `n` or `z`). The briefing and the explorer use them.
  public var elementIDs = false
  /// Positions (points) to pin actors at, from an earlier layout (``GraphvizRenderer/nodePositions(dot:engine:)``):
  /// with `neato`, pinned actors stay where they were and an actor without a position is
  /// placed around them. The explorer keeps its map still this way.
  public var positions: [Actor.ID: Point] = [:]
  /// Actors drawn as small circles sized by the size measure, their names beside them
  /// (Graphviz `xlabel`): what a geographic map needs, where boxes would hide the places.
  public var compactNodes = false
  /// With ``compactNodes``: a factor on the circles' size (a map of thousands of actors draws
  /// them smaller so places stay visible).
  public var compactScale = 1.0
  /// With ``compactNodes``: the actors whose names are written beside their circles; `nil`
  /// for every actor. The others are named in their tooltips.
  public var namedActors: Set<Actor.ID>?
  /// A small-multiple panel's heading: when set, the title block is this line and the counts
  /// only (no title, sources or key; the document around the panels carries them).
  public var panelTitle: String?
  /// A line added to a relation's tooltip (the explorer states each tie's leverage on the
  /// current influence question there).
  public var tieNotes: [Relation: String] = [:]
  /// Whether the hover text of elements with ids (``elementIDs``) is left out of the DOT and
  /// returned beside it (``DOTWriter/writeWithTips(_:options:)``), for ``MapTips/apply(to:)``
  /// to add to the drawn SVG as `data-tip` attributes, which the page's script shows. Only
  /// for maps inside a page (a stand-alone SVG needs Graphviz's tooltips): Graphviz parsing
  /// and escaping the tooltips (twice per tie, edge and label) was a third of an explorer
  /// map's layout, and they made up 30 of the seed map's 41 KB of DOT.
  public var tipsAside = false

  /// Options with these settings; the others keep their defaults.
  public init(
    lens: Lens = Lens(), sizeBy: (measure: String, scores: NodeScores)? = nil,
    clusterBy: String? = nil, edgeLabels: Bool? = nil, engine: LayoutEngine = .dot
  ) {
    self.lens = lens
    self.sizeBy = sizeBy
    self.clusterBy = clusterBy
    self.edgeLabels = edgeLabels
    self.engine = engine
  }
}

/// A position on a map, in points.
public struct Point: Hashable, Sendable {
  /// Coordinates in points (1/72 inch), y up, as Graphviz reports them.
  public var x: Double, y: Double
  /// A point.
  public init(x: Double, y: Double) { (self.x, self.y) = (x, y) }
}

/// Which sources a map's title block lists.
public enum SourceListing: String, CaseIterable, Sendable {
  /// No bibliography on the map (a report lists sources as endnotes).
  case none
  /// Only the sources that the drawn relations cite.
  case cited
  /// Every source the world declares, cited or not.
  case all
}

/// What a delta map shows on a scenario's edited world: node fill by the change in a measure
/// (a diverging palette centred on zero), added or changed relations emphasised, removed
/// relations and actors ghosted, ties of unbalanced triangles drawn double.
public struct DeltaMap: Sendable {
  /// The scenario's name and title, for the map's caption.
  public var scenario: String
  /// The measure whose change fills the nodes.
  public var measure: String
  /// `after − before` per actor of the edited world (an added actor: its score).
  public var deltas: NodeScores
  /// Relations of the edited world that are new (or changed, when ``changed`` does not
  /// tell them apart).
  public var added: Set<Relation>
  /// Relations of the base world that the scenario removed (or the old version of a changed
  /// one, when ``changed`` does not tell them apart).
  public var removed: [Relation]
  /// Relations of the edited world that changed (`World.relationDiff(to:)`),
  /// each with its version in the base world: drawn once, wide and labelled CHANGED, the old
  /// values in its hover text (a re-weighted tie drawn as a removed ghost beside a new one
  /// read as if the actor had pulled out).
  public var changed: [Relation: Relation] = [:]
  /// Actors the scenario removed.
  public var removedActors: [Actor]
  /// Pairs tied in an unbalanced triangle of the edited world (both orders).
  public var unbalancedPairs: Set<[Actor.ID]>
  /// How many triangles are unbalanced in the edited world.
  public var unbalancedCount: Int
  /// The |change| that gets the deepest fill; `nil`: the largest change on this map. Small
  /// multiples share one scale so their colours compare.
  public var scale: Double?

  /// The |change| that gets the deepest fill.
  var fillScale: Double { scale ?? deltas.values.map(abs).max() ?? 0 }

  /// A delta map; each unbalanced triangle (three actors) gives its three pairs, in both orders,
  /// to ``unbalancedPairs`` and counts once in ``unbalancedCount``.
  public init(
    scenario: String, measure: String, deltas: NodeScores, added: Set<Relation>, removed: [Relation],
    removedActors: [Actor], unbalancedTriangles: [[Actor.ID]]
  ) {
    self.scenario = scenario
    self.measure = measure
    self.deltas = deltas
    self.added = added
    self.removed = removed
    self.changed = [:]
    self.removedActors = removedActors
    unbalancedPairs = Set(unbalancedTriangles.flatMap { t in [[t[0], t[1]], [t[1], t[2]], [t[0], t[2]]].flatMap { [$0, [$0[1], $0[0]]] } })
    unbalancedCount = unbalancedTriangles.count
  }

  /// A delta map from a relation diff: added relations emphasised, removed ones ghosted,
  /// changed ones drawn once, emphasised, with their old values (``changed``). Only
  /// relations of the base world `shown` admits are ghosted (the lens's, between actors the
  /// map shows); a changed relation the map does not draw (`drawn` refuses its new version:
  /// re-signed out of the lens, re-dated out of its date) is ghosted as removed.
  public init(
    scenario: String, measure: String, deltas: NodeScores, diff: RelationDiff, shown: (Relation) -> Bool,
    drawn: (Relation) -> Bool, removedActors: [Actor], unbalancedTriangles: [[Actor.ID]]
  ) {
    let (kept, left) = (diff.changed.filter { drawn($0.after) }, diff.changed.filter { !drawn($0.after) })
    self.init(
      scenario: scenario, measure: measure, deltas: deltas, added: Set(diff.added),
      removed: (diff.removed + left.map(\.before)).filter(shown),
      removedActors: removedActors, unbalancedTriangles: unbalancedTriangles)
    changed = Dictionary(kept.map { ($0.after, $0.before) }, uniquingKeysWith: { first, _ in first })
  }

  /// A fill for a change: blue for a gain, orange for a loss, near-white for none; the
  /// colour deepens with |delta| / `scale` (4 steps each way, colour-blind safe: the ends of
  /// ColorBrewer's PuOr and RdBu).
  static func fill(_ delta: Double, scale: Double) -> String {
    let gains = ["#F7F7F7", "#D1E5F0", "#92C5DE", "#4393C3", "#2166AC"]
    let losses = ["#F7F7F7", "#FEE0B6", "#FDB863", "#E08214", "#B35806"]
    guard scale > 0, delta != 0 else { return gains[0] }
    let step = min(4, max(1, Int((abs(delta) / scale * 4).rounded(.up))))
    return delta > 0 ? gains[step] : losses[step]
  }
}

/// What a map emphasizes: some actors and the ties between given pairs (either direction),
/// described in the caption.
public struct Highlight: Sendable {
  /// The caption line saying what is highlighted.
  public var caption: String
  /// The actors to emphasize.
  public var actors: Set<Actor.ID>
  /// The pairs whose ties are emphasized, each stored in both orders.
  public var pairs: Set<[Actor.ID]>

  /// A highlight of `actors` and of the ties between each of `pairs`, in either direction.
  public init(caption: String, actors: Set<Actor.ID>, pairs: [(Actor.ID, Actor.ID)]) {
    self.caption = caption
    self.actors = actors
    self.pairs = Set(pairs.flatMap { [[$0, $1], [$1, $0]] })
  }

  /// A path's actors and consecutive pairs.
  public init(path: [Actor.ID]) {
    self.init(
      caption: "highlighted: " + path.map(\.rawValue).joined(separator: " – "), actors: Set(path),
      pairs: Array(zip(path, path.dropFirst())))
  }
}

/// Writes a world as Graphviz DOT text: deterministic, pure Swift, golden-testable.
///
/// The map encodes: edge colour by sign (or the type's own colour), dashed edges for
/// verbal ties, edge width by strength, arrows for direction (none for mutual ties), node
/// shape by actor kind, node size by a chosen measure, boxed clusters by an actor
/// attribute, a legend, and a title and caption (world title, date, sources). Every node and
/// edge carries a tooltip (SVG `<title>`-like hover text) with its full details, in the DOT or,
/// with ``MapOptions/tipsAside``, beside it (``writeWithTips(_:options:)``).
public struct DOTWriter: Sendable {
  /// The colours, shapes and sizes of the map.
  public var style: MapStyle

  /// A writer drawing in `style` (``MapStyle/default`` unless given).
  public init(style: MapStyle = .default) { self.style = style }

  /// Returns the world as DOT text, drawn as `options` say; the same input gives the same text.
  /// - Throws: ``LensError/unknownType(_:known:)`` when the lens names an undeclared type.
  public func write(_ world: World, options: MapOptions = MapOptions()) throws -> String {
    try writeWithTips(world, options: options).dot
  }

  /// The world as DOT (``write(_:options:)``) and, with ``MapOptions/tipsAside``, the hover
  /// text of every element with an id, which the DOT then leaves out.
  /// - Throws: ``LensError/unknownType(_:known:)`` when the lens names an undeclared type.
  public func writeWithTips(_ world: World, options: MapOptions) throws -> (dot: String, tips: MapTips) {
    let scene = try self.scene(world, options: options)
    return (dot(scene), scene.tips)
  }

  /// What the map draws, decided once for DOT (``dot(_:)``) and for a drawing made without
  /// Graphviz (``PinnedMapDrawer``).
  func scene(_ world: World, options: MapOptions) throws -> MapScene {
    var tips: MapTips? = options.tipsAside && options.elementIDs ? MapTips() : nil
    let relations = try world.relations(through: options.lens)
    let graphName = "statecraft_" + world.name.map { $0.isLetter || $0.isNumber ? $0 : "_" }.map(String.init).joined()
    let (clusters, nodes) = sceneNodes(world, options: options, tips: &tips)
    return MapScene(
      graphName: graphName, graphAttributes: graphAttributes(world, relations, options: options),
      key: mapKey(world, relations: relations, options: options), clusters: clusters, nodes: nodes,
      edges: sceneEdges(world, relations, options: options, tips: &tips), tips: tips ?? MapTips())
  }

  /// The scene as DOT text.
  func dot(_ scene: MapScene) -> String {
    var out = ""
    out += "digraph \(quote(scene.graphName)) {\n"
    for (k, v) in scene.graphAttributes { out += "  \(key(k))=\(quote(v));\n" }
    out += "  label=<\(titleBlock(scene.key))>;\n"
    out += "  node [fontname=\(quote(style.fontName)), fontsize=11, penwidth=1.2, margin=\"0.12,0.06\"];\n"
    out += "  edge [fontname=\(quote(style.fontName)), fontsize=9, arrowsize=0.8];\n"
    var open: Int?
    for node in scene.nodes {
      if node.cluster != open {
        if open != nil { out += "  }\n" }
        if let c = node.cluster {
          let cluster = scene.clusters[c]
          out += "  subgraph \(quote("cluster_\(c)")) {\n"
          out += "    label=<<b>\(html(cluster.label))</b>>; fontsize=12; style=\"rounded,filled\";\n"
          out += "    fillcolor=\(quote(cluster.fill)); color=\(quote(cluster.border));\n"
          out += "    tooltip=\(quote(cluster.tooltip));\n"
        }
        open = node.cluster
      }
      out += (open == nil ? "  " : "    ") + statement(quote(node.name), node.attributes) + "\n"
    }
    if open != nil { out += "  }\n" }
    for edge in scene.edges { out += "  " + statement(quote(edge.from) + " -> " + quote(edge.to), edge.attributes) + "\n" }
    out += "}\n"
    return out
  }

  /// The graph's attributes: the font and page, then the engine's layout settings (spline
  /// routing and overlap removal chosen by size and pinning), interchange data, pinning.
  func graphAttributes(_ world: World, _ relations: [Relation], options: MapOptions) -> [(String, String)] {
    var graphAttributes: [(String, String)] = [
      ("fontname", style.fontName), ("fontsize", "12"), ("labelloc", "t"), ("labeljust", "l"),
      ("bgcolor", "white"), ("pad", "0.3"),
    ]
    switch options.engine {
    case .dot:
      graphAttributes += [
        ("rankdir", "TB"), ("nodesep", "0.4"), ("ranksep", "0.8"),
        ("nslimit", "4"), ("mclimit", "1"), ("splines", "true"),
      ]
      // Graphviz before 13.0.1 frees a rank's node list twice when it inserts a label node
      // for a labelled edge between two nodes of one rank (make_vn_slot; GitLab #1494,
      // #2331; AddressSanitizer shows it on the clustered seed map). The old cluster ranking
      // makes such flat edges between clusters; `newrank` ranks the whole graph at once and
      // does not.
      if options.clusterBy != nil { graphAttributes.append(("newrank", "true")) }
    default:
      // Spline routing and Voronoi overlap removal cost far more than linear time in sfdp and
      // neato (../shared/GRAPHVIZ.md): beyond a few hundred ties, straight edges and prism.
      let large = relations.count > 300
      graphAttributes += [
        // Pinned maps keep every position exactly: overlap removal would rescale them.
        ("overlap", !options.positions.isEmpty ? "true" : large ? "prism" : "false"),
        // Pinned maps draw straight ties (Graphviz fans out the ties between one pair): neato's
        // obstacle-avoiding router aborts the process (multispline.c findMap assertion) when
        // pinned actors overlap, which the explorer's load test hit within seconds; curved
        // ties enumerate every cycle of the graph (find_all_cycles, minutes on 150 pinned
        // actors with 528 ties), and Graphviz 2.42 read freed memory in that code now and
        // then: a process laying out explorer maps (the tests' 3,000 random requests) crashed
        // there in 5 of 9 runs, none in 8 with straight ties.
        ("splines", !options.positions.isEmpty || large ? "line" : "true"), ("sep", "+8"),
        ("outputorder", "edgesfirst"),
      ]
    }
    if options.interchange {
      for (k, v) in world.flattened().graph { graphAttributes.append(("sc_" + k, v.text)) }
      // Relations are drawn as arcs either way; the declared shape travels as data.
      if !world.directed { graphAttributes.append(("sc_directed", "false")) }
    }
    // Pinned positions are given in points (as a layout reports them).
    if !options.positions.isEmpty { graphAttributes += [("inputscale", "72"), ("notranslate", "true")] }
    if options.compactNodes { graphAttributes.append(("forcelabels", "true")) }
    return graphAttributes
  }

  /// Nodes, grouped into clusters by attribute value (in order of first appearance; boxed
  /// when the engine draws clusters), then the ghosts of actors a scenario removed. Tooltips
  /// go into `tips` when it is set.
  func sceneNodes(_ world: World, options: MapOptions, tips: inout MapTips?) -> ([MapScene.Cluster], [MapScene.Node]) {
    let maxScore = options.sizeBy.map { $0.scores.values.map(abs).max() ?? 0 } ?? 0
    let groups = clusterGroups(world, attribute: options.clusterBy)
    let boxes = options.engine.drawsClusters
    var clusters: [MapScene.Cluster] = []
    var nodes: [MapScene.Node] = []
    for (g, group) in groups.enumerated() {
      var cluster: Int?
      if let value = group.value, boxes {
        cluster = clusters.count
        clusters.append(MapScene.Cluster(
          label: value, fill: palette(style.groupFills, g), border: palette(style.groupBorders, g),
          tooltip: "\(options.clusterBy ?? ""): \(value)"))
      }
      for i in group.members {
        let attributes = nodeAttributes(
          world, i, options: options, maxScore: maxScore, group: group.value == nil ? nil : g, boxed: boxes, tips: &tips)
        nodes.append(MapScene.Node(name: nodeName(world.actors[i].id, options), cluster: cluster, attributes: attributes))
      }
    }
    for actor in options.delta?.removedActors ?? [] {
      // A ghost stays where the actor was drawn (pinned maps) and takes the map's node style.
      var attributes: [(String, String)] = options.compactNodes
        ? [("shape", "circle"), ("fixedsize", "true"), ("width", "0.18"), ("style", "dashed"), ("label", ""), ("fontsize", "10"), ("xlabel", shown(actor.name + " (removed)"))]
        : [("shape", "box"), ("style", "rounded,dashed"), ("label", shown(actor.name + "\n(removed)"))]
      attributes += [("color", "#BBBBBB"), ("fontcolor", "#999999"), ("tooltip", shown("\(actor.name) (\(actor.id)): removed by the scenario"))]
      if let p = options.positions[actor.id] { attributes += [("pos", "\(formatNumber(p.x)),\(formatNumber(p.y))!"), ("pin", "true")] }
      nodes.append(MapScene.Node(name: nodeName(actor.id, options), cluster: nil, attributes: attributes))
    }
    return (clusters, nodes)
  }

  /// Edges: relations with the same ends, direction, sign and mode share one edge (its label
  /// and tooltip list each of them); others are drawn in parallel. Interchange output carries
  /// every relation's fields as `sc_` attributes. Tooltips go into `tips` when it is set.
  func sceneEdges(_ world: World, _ relations: [Relation], options: MapOptions, tips: inout MapTips?) -> [MapScene.Edge] {
    var bundles = options.interchange ? relations.map { Bundle(relations: [$0]) } : edgeBundles(world, relations, delta: options.delta)
    if let delta = options.delta {
      bundles += delta.removed.map { Bundle(relations: [$0], status: .removed) }
    }
    let weights = bundles.map(\.weight)
    let weightRange = (weights.min() ?? 1) ... (weights.max() ?? 1)
    let labels = options.edgeLabels ?? (relations.count <= 60)
    return bundles.enumerated().map { k, bundle in
      let emphasis = options.highlight.map { $0.pairs.contains([bundle.first.from, bundle.first.to]) }
      let unbalanced = options.delta?.unbalancedPairs.contains([bundle.first.from, bundle.first.to]) ?? false
      var extra: [(String, String)] = []
      var id: String?
      if options.elementIDs, let from = world.index(of: bundle.first.from), let to = world.index(of: bundle.first.to) {
        let sign = bundle.first.sign == .cooperative ? "p" : bundle.first.sign == .hostile ? "n" : "z"
        id = "t\(from)_\(to)_\(sign)_\(k)"
        extra.append(("id", id!))
      }
      if options.interchange {
        let r = bundle.first
        extra += [("sc_type", r.type), ("sc_weight", "\(r.weight)"), ("sc_sign", String(r.sign.rawValue)), ("sc_mutual", r.mutual ? "true" : "false")]
        if let v = r.since { extra.append(("sc_since", v.description)) }
        if let v = r.until { extra.append(("sc_until", v.description)) }
        if let v = r.source { extra.append(("sc_citation", v)) }
        if let v = r.note { extra.append(("sc_note", v)) }
        if let v = r.id { extra.append(("sc_statecraft_id", v)) }
        if let v = r.weightRange {
          extra += [("sc_statecraft_weight_low", "\(v.lowerBound)"), ("sc_statecraft_weight_high", "\(v.upperBound)")]
        }
      }
      let attributes = edgeAttributes(
        world, bundle, weightRange: weightRange, labels: labels, emphasis: emphasis, unbalanced: unbalanced,
        notes: options.tieNotes, changedFrom: options.delta?.changed ?? [:], tipID: id, tips: &tips)
      let r = bundle.first
      return MapScene.Edge(
        from: nodeName(r.from, interchange: options.interchange), to: nodeName(r.to, interchange: options.interchange),
        attributes: attributes + extra)
    }
  }

  // MARK: - Pieces

  struct Group {
    var value: String?
    var members: [Int]
  }

  func clusterGroups(_ world: World, attribute: String?) -> [Group] {
    guard let attribute else { return [Group(value: nil, members: Array(world.actors.indices))] }
    var groups: [Group] = []
    var loose = Group(value: nil, members: [])
    for (i, actor) in world.actors.enumerated() {
      guard let value = actor.attributes[attribute] else {
        loose.members.append(i)
        continue
      }
      if let g = groups.firstIndex(where: { $0.value == value }) {
        groups[g].members.append(i)
      } else {
        groups.append(Group(value: value, members: [i]))
      }
    }
    return loose.members.isEmpty ? groups : groups + [loose]
  }

  /// A node's attributes: shape by kind, size and label by the size measure, fill, emphasis,
  /// id, pinned position and interchange data.
  func nodeAttributes(
    _ world: World, _ i: Int, options: MapOptions, maxScore: Double, group: Int?, boxed: Bool, tips: inout MapTips?
  ) -> [(String, String)] {
    let actor = world.actors[i]
    let (shape, nodeStyle) = style.shapes[actor.kind] ?? ("ellipse", "filled")
    var label = actor.name
    var tooltip = "\(actor.name) (\(actor.id)) · \(actor.kind.rawValue)"
    for key in actor.attributes.keys.sorted() { tooltip += "\n\(key): \(actor.attributes[key]!)" }
    var attributes: [(String, String)] = [("shape", shape), ("style", nodeStyle)]
    if let (measure, scores) = options.sizeBy {
      let score = scores.values[i]
      let t = maxScore > 0 ? abs(score) / maxScore : 0
      let width = style.nodeWidth.lowerBound + t * (style.nodeWidth.upperBound - style.nodeWidth.lowerBound)
      label += "\n\(measure) \(formatScore(score))"
      tooltip += "\n\(measure): \(score)"
      // Font sizes in half points: each distinct size is a font Graphviz (through Pango) loads
      // and measures afresh, which made a pinned explorer map twice as slow to draw as one
      // whose sizes repeat; half a point is not visible on the map.
      attributes += [("width", formatNumber(width)), ("fontsize", formatNumber(((10 + 5 * t) * 2).rounded() / 2))]
      attributes += [("penwidth", formatNumber(1 + 1.5 * t))]
    }
    attributes += fill(of: i, options: options, group: group, boxed: boxed, label: &label, tooltip: &tooltip)
    if let highlight = options.highlight {
      if highlight.actors.contains(actor.id) {
        attributes += [("penwidth", "3"), ("color", "#000000")]
      } else {
        attributes += [("fontcolor", "#777777"), ("color", "#AAAAAA")]
      }
    }
    attributes.append(("label", shown(label)))
    if options.elementIDs, tips != nil { tips?.set("a\(i)", tooltip) } else { attributes.append(("tooltip", shown(tooltip))) }
    if options.compactNodes {
      let t = options.sizeBy.map { maxScore > 0 ? abs($0.scores.values[i]) / maxScore : 0 } ?? 0.3
      attributes.removeAll { ["shape", "width", "label", "fontsize"].contains($0.0) }
      attributes += [
        ("shape", "circle"), ("fixedsize", "true"), ("width", formatNumber((0.14 + 0.32 * t) * options.compactScale)), ("label", ""),
        ("fontsize", "10"),
      ]
      if options.namedActors?.contains(actor.id) ?? true { attributes.append(("xlabel", shown(actor.name))) }
    }
    if options.elementIDs { attributes.append(("id", "a\(i)")) }
    if let p = options.positions[actor.id] {
      attributes += [("pos", "\(formatNumber(p.x)),\(formatNumber(p.y))!"), ("pin", "true")]
    }
    if options.interchange {
      attributes += [("sc_name", actor.name), ("sc_kind", actor.kind.rawValue)]
      // libcgraph renames nodes whose name starts with % (its anonymous ids: "%x" read back
      // as "%3"), so such an id travels in an attribute too.
      if actor.id.rawValue.hasPrefix("%") { attributes.append(("sc_id", actor.id.rawValue)) }
      attributes += actor.attributes.keys.sorted().map { ("sc_attr_" + $0, actor.attributes[$0]!) }
    }
    return attributes
  }

  /// A node's fill and border: by its change on a delta map (with the change in its label),
  /// by a colour grouping, by its cluster when clusters are not boxed, or plain. Inside a
  /// cluster box nodes are white; without boxes the group colours the node.
  func fill(
    of i: Int, options: MapOptions, group: Int?, boxed: Bool, label: inout String, tooltip: inout String
  ) -> [(String, String)] {
    var attributes: [(String, String)] = []
    if let delta = options.delta {
      let change = delta.deltas.values[i]
      let scale = delta.fillScale
      attributes += [("fillcolor", DeltaMap.fill(change, scale: scale))]
      // A change is shown to the precision of the scores beside it (3 decimals), a tiny one as
      // "<0.001": "Δ +4.72e-05" read as a large number at a glance.
      label += "\nΔ \(change == 0 ? "0" : (change > 0 ? "+" : "−") + (abs(change) < 0.0005 ? "<0.001" : ReportText.decimal(abs(change), places: 3)))"
      tooltip += "\nchange in \(delta.measure): \(change)"
    } else if let colorGroups = options.colorGroups {
      let g = colorGroups.labels[i]
      attributes += [("fillcolor", groupFill(colorGroups.name, g)), ("color", palette(style.groupBorders, g))]
      tooltip += "\n\(colorGroups.name): \(g)"
    } else if let group, !boxed {
      attributes += [("fillcolor", palette(style.groupFills, group)), ("color", palette(style.groupBorders, group))]
    } else {
      attributes += [("fillcolor", group == nil ? style.nodeFill : "white")]
    }
    return attributes
  }

  /// Relations drawn as one edge.
  struct Bundle {
    /// Whether a delta map draws the bundle as new, changed, removed, or unchanged.
    enum Status { case unchanged, added, changed, removed }
    var relations: [Relation]
    var status: Status = .unchanged
    var first: Relation { relations[0] }
    /// The bundle's strength: the sum of its relations' weights.
    var weight: Double { relations.reduce(0) { $0 + $1.weight } }
  }

  /// What makes relations share one drawn edge: the same ends, direction, sign, mode,
  /// colour and delta-map status.
  struct BundleKey: Hashable {
    var from: Actor.ID, to: Actor.ID, mutual: Bool, sign: Sign, mode: RelationType.Mode?, color: String?
    var status: Bundle.Status
  }

  /// Relations grouped into drawn edges, in order of first appearance; O(m) with a
  /// dictionary (a scan per relation made 50,000-tie maps take seconds).
  func edgeBundles(_ world: World, _ relations: [Relation], delta: DeltaMap? = nil) -> [Bundle] {
    var bundles: [Bundle] = []
    var index: [BundleKey: Int] = [:]
    for r in relations {
      let type = world.type(r.type)
      let status: Bundle.Status = delta.map { $0.changed[r] != nil ? .changed : $0.added.contains(r) ? .added : .unchanged } ?? .unchanged
      let key = BundleKey(
        from: r.from, to: r.to, mutual: r.mutual, sign: r.sign, mode: type?.mode, color: type?.color,
        status: status)
      if let i = index[key] {
        bundles[i].relations.append(r)
      } else {
        index[key] = bundles.count
        bundles.append(Bundle(relations: [r], status: key.status))
      }
    }
    return bundles
  }

  /// An edge's attributes: colour by sign (or type), width by strength, dashes for words,
  /// dots for removed ties, a double line in an unbalanced triangle, label and hover text.
  ///
  /// - Parameters:
  ///   - emphasis: `nil` without a highlighted path; `true` for the path's ties (drawn
  ///     wider), `false` for the others (dimmed).
  ///   - unbalanced: Whether the tie lies in an unbalanced triangle (delta maps draw it
  ///     double).
  ///   - changedFrom: A changed relation's version before the scenario (its hover text says
  ///     what changed).
  ///   - tipID, tips: With both set, the tooltip goes into `tips` under `tipID` instead of the DOT.
  func edgeAttributes(
    _ world: World, _ bundle: Bundle, weightRange: ClosedRange<Double>, labels: Bool,
    emphasis: Bool? = nil, unbalanced: Bool = false, notes: [Relation: String] = [:],
    changedFrom: [Relation: Relation] = [:], tipID: String?, tips: inout MapTips?
  ) -> [(String, String)] {
    let r = bundle.first
    let color = bundle.status == .removed ? "#BBBBBB" : style.color(for: r, in: world) + (emphasis == false ? "40" : "")
    let verbal = world.type(r.type)?.mode == .verbal
    // Width runs from the weakest to the strongest edge; equal strengths get a middle width.
    let spread = weightRange.upperBound - weightRange.lowerBound
    let t = spread > 0 ? (bundle.weight - weightRange.lowerBound) / spread : 0.25
    let width = style.penWidth.lowerBound + t * (style.penWidth.upperBound - style.penWidth.lowerBound)
      + (emphasis == true || bundle.status == .added || bundle.status == .changed ? 2.5 : 0)
    var tip = bundle.relations.map { r in relationTooltip(world, r, verbal: verbal) + (notes[r].map { "\n" + $0 } ?? "") }.joined(separator: "\n\n")
    switch bundle.status {
    case .added: tip = "new in the scenario\n" + tip
    case .changed:
      let was = bundle.relations.compactMap { r in changedFrom[r].map { Self.changeText(from: $0, to: r) } }
      tip = "changed in the scenario" + (was.isEmpty ? "" : " (" + was.joined(separator: "; ") + ")") + "\n" + tip
    case .removed: tip = "removed by the scenario\n" + tip
    case .unchanged: break
    }
    // A double line (colour, white gap, colour) marks a tie in an unbalanced triangle.
    let stroke = unbalanced && bundle.status != .removed ? "\(color):white:\(color)" : color
    var attributes: [(String, String)] = [("color", stroke), ("penwidth", formatNumber(width))]
    if let tipID, tips != nil {
      tips?.set(tipID, tip)
    } else {
      attributes += [("tooltip", shown(tip)), ("labeltooltip", shown(tip))]
    }
    if bundle.status == .removed {
      attributes.append(("style", "dotted"))
    } else if verbal {
      attributes.append(("style", "dashed"))
    }
    if r.mutual { attributes.append(("dir", "none")) }
    if labels {
      var typeCounts: [(String, Int)] = []
      for x in bundle.relations {
        if let i = typeCounts.firstIndex(where: { $0.0 == x.type }) { typeCounts[i].1 += 1 } else {
          typeCounts.append((x.type, 1))
        }
      }
      var label = typeCounts.map { $1 > 1 ? "\($0) ×\($1)" : $0 }.joined(separator: "\n")
      if bundle.status == .added { label = "NEW " + label }
      if bundle.status == .changed { label = "CHANGED " + label }
      if bundle.status == .removed { label = "removed: " + label }
      attributes += [("label", shown(label)), ("fontcolor", color)]
    }
    return attributes
  }

  /// What a scenario changed in a relation, in words (`weight 1 → 1.5; sign cooperative →
  /// hostile`): the fields a relation keeps under the same ends, type and id.
  static func changeText(from old: Relation, to new: Relation) -> String {
    var parts: [String] = []
    if old.weight != new.weight { parts.append("weight \(formatNumber(old.weight)) → \(formatNumber(new.weight))") }
    if old.sign != new.sign { parts.append("sign \(old.sign.word) → \(new.sign.word)") }
    if old.period != new.period { parts.append("period \(old.period ?? "open") → \(new.period ?? "open")") }
    if old.mutual != new.mutual { parts.append(new.mutual ? "now mutual" : "now one way") }
    if old.weightRange != new.weightRange {
      func range(_ r: ClosedRange<Double>?) -> String { r.map { "\(formatNumber($0.lowerBound))–\(formatNumber($0.upperBound))" } ?? "none" }
      parts.append("weight range \(range(old.weightRange)) → \(range(new.weightRange))")
    }
    if old.source != new.source || old.note != new.note { parts.append("source or note") }
    return parts.joined(separator: "; ")
  }

  /// A relation's hover text: ends, type, weight, sign, period, source (its citation) and note.
  func relationTooltip(_ world: World, _ r: Relation, verbal: Bool) -> String {
    var tip = "\(r.from) \(r.mutual ? "↔" : "→") \(r.to): \(r.type)"
    tip += "\nweight \(formatNumber(r.weight)) · \(r.sign.word)\(verbal ? " · verbal" : "")"
    if let period = r.period { tip += "\n\(period)" }
    if let key = r.source { tip += "\nsource: \(world.source(key)?.citation ?? key)" }
    if let note = r.note { tip += "\n\(note)" }
    return tip
  }

  /// The title block: the title, caption (date, sources, counts) and lens description, then
  /// the key.
  func mapKey(_ world: World, relations: [Relation], options: MapOptions) -> MapKey {
    if let panel = options.panelTitle {
      return MapKey(heading: panel, headingSize: 16, lines: [("\(world.actors.count) actors, \(relations.count) relations", 11)], legend: nil)
    }
    var caption: [String] = []
    caption.append(Self.dateCaption(world, lens: options.lens))
    caption.append("\(world.actors.count) actors, \(relations.count) relations")
    if let clusterBy = options.clusterBy {
      // Only dot draws cluster boxes; other engines colour the groups (keyed in the legend).
      caption.append(options.engine.drawsClusters ? "boxes: \(clusterBy)" : "colour: \(clusterBy) (see key)")
    }
    if let types = options.lens.types { caption.append("types: \(types.joined(separator: ", "))") }
    if let colorGroups = options.colorGroups { caption.append("colour: \(colorGroups.name)") }
    if let highlight = options.highlight { caption.append(highlight.caption) }
    if let delta = options.delta { caption.insert("scenario: \(delta.scenario)", at: 0) }
    if let note = options.note { caption.append(note) }
    if options.lens.sign != .absolute { caption.append("\(options.lens.sign.rawValue) ties only") }
    var lines = [(text: caption.joined(separator: " · "), size: 11.0)]
    for source in listedSources(world, relations: relations, listing: options.sources) { lines.append(("Source: \(source.citation)", 10)) }
    return MapKey(heading: world.title, headingSize: 18, lines: lines, legend: legend(world, relations: relations, options: options))
  }

  /// The title block as an HTML-like label: a table of the heading, the grey lines and the key.
  func titleBlock(_ key: MapKey) -> String {
    var rows = "<tr><td align=\"left\"><font point-size=\"\(formatNumber(key.headingSize))\"><b>\(html(key.heading))</b></font></td></tr>"
    for line in key.lines {
      rows += "<tr><td align=\"left\"><font point-size=\"\(formatNumber(line.size))\" color=\"#555555\">\(html(line.text))</font></td></tr>"
    }
    if let legend = key.legend { rows += legendRows(legend) }
    return "<table border=\"0\" cellborder=\"0\" cellspacing=\"2\">\(rows)</table>"
  }

  /// What a caption says about dates: the lens's date when it has one ("as of 2024-06");
  /// otherwise that relations of every date are drawn, naming the world's own date if it
  /// declares one (a world dated 2025-07 seen without `--date` still shows ties that ended
  /// earlier, so "as of 2025-07" would be false).
  public static func dateCaption(_ world: World, lens: Lens) -> String {
    if let date = lens.date { return "as of \(date)" }
    if let date = world.date { return "relations of every date (world dated \(date))" }
    return "relations of every date"
  }

  /// The sources a title block lists, in the world's order.
  func listedSources(_ world: World, relations: [Relation], listing: SourceListing) -> [Source] {
    switch listing {
    case .none: return []
    case .all: return world.sources
    case .cited:
      let cited = Set(relations.compactMap(\.source))
      return world.sources.filter { cited.contains($0.id) }
    }
  }

  /// The key: one line sample per sign and mode present, the delta map's fill scale and
  /// marks, the shapes of the actor kinds present, the group colours, and how width, arrows
  /// and size read.
  func legend(_ world: World, relations: [Relation], options: MapOptions) -> MapKey.Legend {
    var samples: [(Sign, RelationType.Mode)] = []
    for r in relations {
      let mode = world.type(r.type)?.mode ?? .material
      if !samples.contains(where: { $0 == (r.sign, mode) }) { samples.append((r.sign, mode)) }
    }
    samples.sort { ($0.0.rawValue, $0.1.rawValue) > ($1.0.rawValue, $1.1.rawValue) }
    let shapeNames: [Actor.Kind: String] = [
      .state: "rounded box", .region: "tab", .company: "component box", .armedGroup: "octagon",
      .organization: "hexagon", .person: "ellipse", .project: "cylinder", .other: "ellipse",
    ]
    let kinds = Actor.Kind.allCases.filter { k in world.actors.contains { $0.kind == k } }
    var legend = MapKey.Legend(
      samples: samples.map { sign, mode in
        (style.signColors[sign] ?? "#000000", mode == .verbal ? "╍╍╍" : "━━━", "\(sign.word), \(mode == .verbal ? "verbal (dashed)" : "material")")
      },
      kinds: kinds.map { "\(shapeNames[$0] ?? ""): \($0.rawValue)" }.joined(separator: " · "),
      notes: "Line width: strength of the tie · no arrowhead: mutual tie · hover an actor or tie for details and sources")
    if options.compactNodes {
      let names = options.namedActors.map { "names beside the \($0.count) largest; hover any circle for its name" } ?? "names beside them"
      legend.kinds = "circles: actors at their places, \(names)"
    }
    if let sizeBy = options.sizeBy { legend.notes += " · node size: \(sizeBy.measure)" }
    if let delta = options.delta {
      let scale = delta.fillScale
      legend.delta = (
        "node fill: change in \(delta.measure) (orange lost, blue gained)",
        [-1.0, -0.5, 0, 0.5, 1].map { f in (DeltaMap.fill(f * scale, scale: scale), f == 0 ? "0" : (f > 0 ? "+" : "−") + formatScore(abs(f) * scale)) })
      let labelled = options.edgeLabels ?? (relations.count <= 60)
      legend.deltaNote = "\(labelled ? "wide edge labelled NEW or CHANGED" : "wide edge"): added or changed · grey dotted: removed"
        + (delta.unbalancedCount > 0 ? " · double line: tie in one of \(delta.unbalancedCount) unbalanced triangles" : "")
    }
    legend.groups = groupKey(world, options: options)
    return legend
  }

  /// The key's rows of an HTML-like label (``titleBlock(_:)``).
  func legendRows(_ legend: MapKey.Legend) -> String {
    // One cell for the kinds, separated by dots: as columns under the sign samples, long names
    // ran into each other wherever the viewer's font is wider than Graphviz's estimate.
    let span = "<td align=\"left\" colspan=\"\(Swift.max(1, legend.samples.count))\">"
    var rows = "<tr>" + legend.samples.map { "<td align=\"left\"><font color=\"\($0.color)\">\($0.glyph)</font> \(html($0.text))</td>" }.joined() + "</tr>"
    if let delta = legend.delta {
      let swatches = delta.swatches.map { "<td bgcolor=\"\($0.fill)\" border=\"1\">\($0.text)</td>" }.joined()
      rows += "<tr><td align=\"left\">\(html(delta.text))</td>\(swatches)</tr>"
    }
    if let note = legend.deltaNote { rows += "<tr><td align=\"left\">\(html(note))</td></tr>" }
    rows += "<tr>" + span + html(legend.kinds) + "</td></tr>"
    if let groups = legend.groups {
      let cells = groups.entries.map { "<td bgcolor=\"\($0.fill)\" border=\"1\">\(html($0.label))</td>" }.joined()
      rows += "<tr>" + span + "<table border=\"0\" cellspacing=\"2\" cellpadding=\"3\"><tr><td align=\"left\">\(html(groups.title)):</td>\(cells)</tr></table></td></tr>"
    }
    return "<tr><td align=\"left\"><table border=\"0\" cellborder=\"0\" cellspacing=\"0\" cellpadding=\"3\">"
      + "<tr><td align=\"left\"><font point-size=\"10\"><table border=\"0\" cellspacing=\"0\" cellpadding=\"4\">\(rows)</table></font></td></tr>"
      + "<tr><td align=\"left\"><font point-size=\"10\" color=\"#555555\">\(html(legend.notes))</font></td></tr>"
      + "</table></td></tr>"
  }

  /// A colour key for groups drawn as node colours: clusters an engine cannot box, Louvain
  /// communities or balance camps (each colour swatch with its group's name or first members,
  /// twelve at most); `nil` when node colours mean nothing beyond the defaults.
  func groupKey(_ world: World, options: MapOptions) -> (title: String, entries: [(fill: String, label: String)])? {
    guard options.delta == nil else { return nil }
    var entries: [(fill: String, label: String)] = []
    var title = ""
    if let colorGroups = options.colorGroups {
      title = colorGroups.name
      var members: [[String]] = []
      for (i, g) in colorGroups.labels.enumerated() where g >= 0 {
        while members.count <= g { members.append([]) }
        members[g].append(world.actors[i].id.rawValue)
      }
      for (g, m) in members.enumerated() where !m.isEmpty {
        let name = colorGroups.name == "balance camp" ? "camp \(g == 0 ? "A" : "B")" : "\(g + 1)"
        entries.append((groupFill(colorGroups.name, g), "\(name): " + m.prefix(5).joined(separator: ", ") + (m.count > 5 ? ", …" : "")))
      }
    } else if let attribute = options.clusterBy, !options.engine.drawsClusters {
      title = attribute
      for (g, group) in clusterGroups(world, attribute: attribute).enumerated() {
        if let value = group.value { entries.append((palette(style.groupFills, g), value)) }
      }
    }
    return entries.isEmpty ? nil : (title, Array(entries.prefix(12)))
  }

  /// The fill of colour group `g`: the camp fills for balance camps, else the group palette.
  func groupFill(_ name: String, _ g: Int) -> String {
    name == "balance camp" ? palette(style.campFills, g) : palette(style.groupFills, g)
  }

  // MARK: - Text

  /// A DOT statement: `head [key="value", …];`, written into one string (building each
  /// `key=value` apart and joining them was a third of writing an explorer map).
  func statement(_ head: String, _ attributes: [(String, String)]) -> String {
    var out = head
    out.reserveCapacity(head.utf8.count + attributes.reduce(4) { $0 + $1.0.utf8.count + $1.1.utf8.count + 6 })
    out += " ["
    for (i, (k, v)) in attributes.enumerated() {
      if i > 0 { out += ", " }
      out += key(k)
      out += "="
      appendQuoted(v, to: &out)
    }
    out += "];"
    return out
  }

  /// A DOT double-quoted string: `"` and `\` escaped, newlines kept as `\n` line breaks.
  func quote(_ s: String) -> String {
    var out = ""
    appendQuoted(s, to: &out)
    return out
  }

  /// Appends `s` as a DOT double-quoted string (see ``quote(_:)``).
  func appendQuoted(_ s: String, to out: inout String) {
    // Most text needs no escape: one byte scan; the rest is one pass over bytes (tooltips
    // hold line breaks, and a scalar-by-scalar copy of them was a tenth of an explorer answer).
    if !s.utf8.contains(where: { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 < 0x20 }) {
      out += "\""
      out += s
      out += "\""
      return
    }
    var bytes: [UInt8] = [UInt8(ascii: "\"")]
    bytes.reserveCapacity(s.utf8.count + 16)
    for b in s.utf8 {
      switch b {
      case UInt8(ascii: "\""): bytes += [UInt8(ascii: "\\"), b]
      case UInt8(ascii: "\\"): bytes += [b, b]
      case UInt8(ascii: "\n"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
      case UInt8(ascii: "\r"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
      // Graphviz reads C strings: a NUL would end the text mid-string (a syntax error at
      // render time), so it and the other C0 controls but tab become U+FFFD.
      case 0 ..< 0x20 where b != UInt8(ascii: "\t"): bytes += [0xEF, 0xBF, 0xBD]
      default: bytes.append(b)
      }
    }
    bytes.append(UInt8(ascii: "\""))
    out += String(decoding: bytes, as: UTF8.self)
  }

  /// Display text (labels, tooltips) made literal for Graphviz: `&` as `&amp;` (Graphviz turns
  /// entities in labels into characters, and would otherwise pass `&nbsp;` raw into SVG) and a
  /// word joiner after every backslash, so `\N`, `\G`, `\E`, `\l` in a name or note are
  /// shown as written instead of being expanded or read as line breaks.
  func shown(_ s: String) -> String {
    guard s.utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "\\") }) else { return s }
    var r = ""
    for u in s.unicodeScalars {
      switch u {
      case "&": r += "&amp;"
      case "\\": r += "\\\u{2060}"
      default: r.unicodeScalars.append(u)
      }
    }
    return r
  }

  /// A node's name in the DOT text: the actor id, with `&` escaped on maps (Graphviz copies
  /// node names into SVG `<title>`s and leaves anything entity-like unescaped); interchange
  /// DOT keeps ids exactly.
  func nodeName(_ id: Actor.ID, _ options: MapOptions) -> String { nodeName(id, interchange: options.interchange) }

  func nodeName(_ id: Actor.ID, interchange: Bool) -> String {
    // Most ids have no `&`: a byte scan (Foundation's replacingOccurrences compares Unicode
    // clusters, and this runs twice per tie on every explorer answer).
    guard !interchange, id.rawValue.utf8.contains(UInt8(ascii: "&")) else { return id.rawValue }
    return id.rawValue.split(separator: "&", omittingEmptySubsequences: false).joined(separator: "&amp;")
  }

  /// An attribute name: bare when it is a plain identifier, quoted otherwise.
  func key(_ k: String) -> String {
    k.utf8.allSatisfy { (0x30 ... 0x39).contains($0) || (0x41 ... 0x5A).contains($0) || (0x61 ... 0x7A).contains($0) || $0 == 0x5F } ? k : quote(k)
  }

  /// Text escaped for an HTML-like label.
  func html(_ s: String) -> String {
    var r = ""
    for c in s {
      switch c {
      case "&": r += "&amp;"
      case "<": r += "&lt;"
      case ">": r += "&gt;"
      case "\"": r += "&quot;"
      default: r.append(c)
      }
    }
    return r
  }

  func palette(_ colors: [String], _ i: Int) -> String { colors[i % colors.count] }
}

/// A number with up to 3 decimals and no trailing zeros ("0.6", "2", "1.125"), as C's
/// `%.3f` rounds it (the decimal value of the double, half to even).
func formatNumber(_ x: Double) -> String {
  // "%.3f" without Foundation's formatting where it is certain (a map writes thousands of
  // these; Foundation's formatting was most of the DOT's time), the zeros trimmed on bytes
  // (trimming Characters one by one was a tenth of drawing an explorer map).
  let s = ReportText.decimal(x, places: 3)
  guard s.utf8.contains(UInt8(ascii: ".")) else { return s }
  var end = s.utf8.endIndex
  while end > s.utf8.startIndex, s.utf8[s.utf8.index(before: end)] == UInt8(ascii: "0") { end = s.utf8.index(before: end) }
  if end > s.utf8.startIndex, s.utf8[s.utf8.index(before: end)] == UInt8(ascii: ".") { end = s.utf8.index(before: end) }
  let trimmed = String(s[..<end])
  return trimmed == "-0" ? "0" : trimmed
}

/// A score with 3 significant digits for labels ("0.214", "12.5", "1.5e-05").
func formatScore(_ x: Double) -> String { String(format: "%.3g", x) }
