import Statecraft

/// How a relationship map looks: colours, shapes and sizes, chosen to read well in a
/// briefing (colour-blind-safe sign colours, a shape per actor kind).
public struct MapStyle: Sendable {
  /// Edge colour per sign: blue for cooperative, vermilion for hostile, grey for neutral
  /// (Okabe–Ito colours, distinguishable under the common colour-vision deficiencies).
  public var signColors: [Sign: String] = [
    .cooperative: "#0072B2", .hostile: "#D55E00", .neutral: "#8C8C8C",
  ]
  /// Node shape (Graphviz name) and extra style per actor kind.
  public var shapes: [Actor.Kind: (shape: String, style: String)] = [
    .state: ("box", "rounded,filled"),
    .region: ("tab", "filled"),
    .company: ("component", "filled"),
    .armedGroup: ("octagon", "filled"),
    .organization: ("hexagon", "filled"),
    .person: ("ellipse", "filled"),
    .project: ("cylinder", "filled"),
    .other: ("ellipse", "filled"),
  ]
  /// Fill colours for cluster groups, assigned in order of first appearance.
  public var groupFills: [String] = [
    "#E8F1FA", "#FDEBD8", "#E6F4EA", "#F3E8F7", "#FFF6D6", "#E9ECEF", "#FCE4EC", "#E0F7F7",
  ]
  /// Cluster border colours matching ``groupFills``.
  public var groupBorders: [String] = [
    "#6A9FD0", "#E3A15E", "#6DB37E", "#A77DBF", "#D4B43C", "#8E99A4", "#D77A9A", "#4FB0B0",
  ]
  /// Fills of the two balance camps: a mid blue and a mid orange that tell apart under the
  /// common colour-vision deficiencies, each over 11:1 against black labels (WCAG AA asks 4.5:1).
  public var campFills = ["#9ECAE1", "#FDAE6B"]
  /// The fill of unlabelled actors.
  public var nodeFill = "#F7F7F7"
  /// The font of every label (a Graphviz font name).
  public var fontName = "Helvetica"
  /// Edge width range (points) from the weakest to the strongest tie.
  public var penWidth: ClosedRange<Double> = 1 ... 5
  /// Node width range (inches) from the lowest to the highest sizing score.
  public var nodeWidth: ClosedRange<Double> = 1.1 ... 2.4

  /// A style with the default colours, shapes and sizes above.
  public init() {}

  public static let `default` = MapStyle()

  /// The colour of a relation's edge: its type's declared colour, else its sign's colour (black
  /// when the sign has none).
  public func color(for relation: Relation, in world: World) -> String {
    if let c = world.type(relation.type)?.color { return c }
    return signColors[relation.sign] ?? "#000000"
  }
}
