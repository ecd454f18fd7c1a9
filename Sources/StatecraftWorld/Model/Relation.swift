/// A typed, signed, weighted, dated tie from one actor to another.
///
/// `weight` is the *strength* of the tie (> 0). `sign` defaults to the type's polarity.
/// A `mutual` relation holds both ways (an alliance, trade talks) and becomes two arcs in a
/// ``Digraph``. Several relations may join the same pair (multiplex); the ``Lens`` says how
/// they collapse.
public struct Relation: Hashable, Sendable {
  /// An optional stable name (`id:` in YAML), unique in its world; scenarios and leverage
  /// name the relation by it. Without one, a relation is named by its ``RelationKey``.
  public var id: String?
  /// The actor the relation goes from (who acts).
  public var from: Actor.ID
  /// The actor the relation goes to (who is acted on).
  public var to: Actor.ID
  /// A declared relation type (``RelationType``).
  public var type: String
  /// The tie's strength, > 0; a range's midpoint when ``weightRange`` is set.
  public var weight: Double
  /// The analyst's uncertainty about the strength, when given as a range (`weight: 0.4..0.7`):
  /// Monte Carlo runs draw the weight uniformly from it; everything else uses ``weight``, the
  /// range's midpoint. `nil`: the weight is exact.
  public var weightRange: ClosedRange<Double>?
  /// Cooperative, neutral or hostile; defaults to the type's polarity.
  public var sign: Sign
  /// Whether the relation holds both ways (two arcs in a directed world).
  public var mutual: Bool
  /// The first day the relation holds, if known.
  public var since: PartialDate?
  /// The last day the relation holds, if known.
  public var until: PartialDate?
  /// A key into the world's sources.
  public var source: String?
  /// Free text shown in tooltips and path explanations.
  public var note: String?

  /// A relation with these fields, stored as given (not validated); ``weightRange`` is `nil`.
  public init(
    from: Actor.ID, to: Actor.ID, type: String, weight: Double, sign: Sign,
    mutual: Bool = false, since: PartialDate? = nil, until: PartialDate? = nil,
    source: String? = nil, note: String? = nil, id: String? = nil
  ) {
    self.id = id
    self.from = from
    self.to = to
    self.type = type
    self.weight = weight
    self.sign = sign
    self.mutual = mutual
    self.since = since
    self.until = until
    self.source = source
    self.note = note
  }

  /// Whether the relation joins `a` and `b` as written (`a` → `b`), or either way when it is
  /// mutual.
  public func joins(_ a: Actor.ID, _ b: Actor.ID) -> Bool {
    (from == a && to == b) || (mutual && from == b && to == a)
  }

  /// Whether the relation holds on any day covered by `date`.
  public func isValid(on date: PartialDate) -> Bool {
    PartialDate.period(since: since, until: until, overlaps: date)
  }

  /// `since`–`until` as text, or `nil` when the relation is undated.
  public var period: String? { Self.period(since: since?.description, until: until?.description) }

  /// A validity period in words: `since 2023-01`, `until 2024-06`, `2022-04 – 2023-12`, or
  /// `nil` without either date (how every report and page writes one).
  public static func period(since: String?, until: String?) -> String? {
    switch (since, until) {
    case (nil, nil): nil
    case let (s?, nil): "since \(s)"
    case let (nil, u?): "until \(u)"
    case let (s?, u?) where s == u: "in \(s)"  // "2025-06 – 2025-06" said one month twice
    case let (s?, u?): "\(s) – \(u)"
    }
  }
}
