/// What a world holds, counted in one pass: the value behind `statecraft info`.
public struct WorldSummary: Sendable {
  /// One relation type's declaration and how many relations (through the lens) have it.
  public struct TypeCount: Sendable {
    /// The declared relation type.
    public var type: RelationType
    /// How many relations the lens admits of this type.
    public var relations: Int
  }

  /// One source and how many relations (through the lens) cite it.
  public struct SourceCount: Sendable {
    /// The declared source.
    public var source: Source
    /// How many relations the lens admits that cite this source.
    public var relations: Int
  }

  /// The world's short machine name.
  public var name: String
  /// The world's title.
  public var title: String
  /// The date the world describes, if any.
  public var date: PartialDate?
  /// Whether the world is directed (declared, see ``World/directed``).
  public var directed: Bool
  /// How many actors the world has (the lens filters relations, not actors).
  public var actorCount: Int
  /// Relations the lens admits.
  public var relationCount: Int
  /// Arcs after parallel relations merged (mutual relations count twice).
  public var arcCount: Int
  /// Actors per kind, in ``Actor/Kind`` order, kinds without actors left out.
  public var actorsByKind: [(kind: Actor.Kind, count: Int)]
  /// Relations per sign: cooperative, neutral, hostile.
  public var relationsBySign: [(sign: Sign, count: Int)]
  /// Mutual relations the lens admits.
  public var mutualCount: Int
  /// Relations with a weight range.
  public var rangedCount: Int
  /// Every declared relation type, in file order, with its count (0 when unused).
  public var types: [TypeCount]
  /// Every declared source, in file order, with its count (0 when uncited).
  public var sources: [SourceCount]
  /// Relations that cite no source.
  public var uncited: Int
  /// Weakly connected components, largest first, as actor ids.
  public var components: [[Actor.ID]]
}

extension World {
  /// Counts actors, relations by sign and type, sources and components through a lens.
  ///
  /// - Complexity: O(*n* + *m*): one pass over the relations with dictionary counts, so a
  ///   world with a hundred thousand relation types costs no more than one with ten.
  public func summary(lens: Lens = Lens()) throws -> WorldSummary {
    let g = try through(lens)
    var byKind: [Actor.Kind: Int] = [:]
    for a in actors { byKind[a.kind, default: 0] += 1 }
    var bySign: [Sign: Int] = [:]
    var byType: [ScalarKey: Int] = [:]
    var bySource: [ScalarKey: Int] = [:]
    var mutual = 0, ranged = 0, uncited = 0, admitted = 0
    for r in relations where lens.admits(r) {
      admitted += 1
      bySign[r.sign, default: 0] += 1
      byType[ScalarKey(r.type), default: 0] += 1
      if let s = r.source { bySource[ScalarKey(s), default: 0] += 1 } else { uncited += 1 }
      if r.mutual { mutual += 1 }
      if r.weightRange != nil { ranged += 1 }
    }
    return WorldSummary(
      name: name, title: title, date: date, directed: directed, actorCount: actors.count,
      relationCount: admitted, arcCount: g.arcCount,
      actorsByKind: Actor.Kind.allCases.compactMap { k in byKind[k].map { (k, $0) } },
      relationsBySign: Sign.allCases.reversed().map { ($0, bySign[$0] ?? 0) },
      mutualCount: mutual, rangedCount: ranged,
      types: types.map { .init(type: $0, relations: byType[ScalarKey($0.id)] ?? 0) },
      sources: sources.map { .init(source: $0, relations: bySource[ScalarKey($0.id)] ?? 0) },
      uncited: uncited,
      components: g.weakComponents().map { $0.map { actors[$0].id } })
  }
}
