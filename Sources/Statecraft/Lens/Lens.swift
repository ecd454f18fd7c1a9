/// A way of looking at a world: which relations count and what their weights mean.
///
/// A lens turns a multiplex, signed, dated ``World`` into the plain weighted ``Digraph``
/// every algorithm runs on:
///
/// - **types**: which relation types count (`nil`: all);
/// - **sign**: which layer is seen: only cooperative ties, only hostile ones, every tie at
///   its strength (`absolute`, the default: hostility is a tie too when asking who matters),
///   or `signed` strengths for signed-aware measures;
/// - **combine**: how parallel relations between one ordered pair merge (sum or max);
/// - **date**: only relations valid on that date (`since`/`until`) count;
/// - **pathLength**: what a strength means to path measures (betweenness, shortest paths):
///   a length of `1/strength` (strong ties are short, the default), one hop per tie, or the
///   raw strength used as a length.
///
///     let g = try world.through(Lens(types: ["investment", "trade"], sign: .positive))
public struct Lens: Hashable, Sendable {
  /// Which sign layer a lens sees.
  public enum SignLayer: String, CaseIterable, Sendable {
    /// Cooperative relations only.
    case positive
    /// Hostile relations only, at their (positive) strength.
    case negative
    /// Every relation at its strength, whatever its sign.
    case absolute
    /// Every relation at strength × sign (neutral relations drop out); only signed-aware
    /// measures accept this layer.
    case signed
  }

  /// What a strength means as a path length.
  public enum PathLength: String, CaseIterable, Sendable {
    /// Length = 1 / strength: strong ties are short. The default.
    case reciprocal
    /// Every tie has length 1 (NetworkX's `weight=None`).
    case hops
    /// The strength itself is the length (NetworkX's `weight="weight"`).
    case raw
  }

  /// Which relation types count (`nil`: all).
  public var types: [String]?
  /// Which sign layer is seen.
  public var sign: SignLayer
  /// How parallel relations between one ordered pair merge.
  public var combine: Digraph.Combine
  /// Only relations valid on this date count (`nil`: all).
  public var date: PartialDate?
  /// What a strength means as a path length.
  public var pathLength: PathLength

  public init(
    types: [String]? = nil, sign: SignLayer = .absolute, combine: Digraph.Combine = .sum,
    date: PartialDate? = nil, pathLength: PathLength = .reciprocal
  ) {
    self.types = types
    self.sign = sign
    self.combine = combine
    self.date = date
    self.pathLength = pathLength
  }

  /// Whether a relation passes this lens's type, sign and date filters.
  public func admits(_ relation: Relation) -> Bool {
    if let types, !types.contains(where: { ScalarKey.equal($0, relation.type) }) { return false }
    if let date, !relation.isValid(on: date) { return false }
    return admits(relation.sign)
  }

  /// Whether this lens's sign layer sees a relation of this sign.
  func admits(_ sign: Sign) -> Bool {
    switch self.sign {
    case .positive: sign == .cooperative
    case .negative: sign == .hostile
    case .absolute: true
    case .signed: sign != .neutral
    }
  }

  /// The arc strength a relation contributes under this lens.
  public func strength(of relation: Relation) -> Double { strength(relation.weight, relation.sign) }

  /// The arc strength of a relation with this weight and sign under this lens.
  func strength(_ weight: Double, _ sign: Sign) -> Double {
    self.sign == .signed ? weight * Double(sign.rawValue) : weight
  }
}

/// A lens that does not fit the world it is applied to.
public enum LensError: Error, Equatable, Sendable, CustomStringConvertible {
  case unknownType(String, known: [String])
  /// A relation built in code names an actor the world does not have.
  case unknownActor(Actor.ID)

  public var description: String {
    switch self {
    case let .unknownType(type, known):
      "relation type \"\(type)\" is not declared in this world; known types: "
        + known.joined(separator: ", ")
    case let .unknownActor(id):
      "a relation names actor \"\(id)\", which is not in this world; add the actor or fix the relation"
    }
  }
}

extension World {
  /// The relations a lens admits, in file order.
  public func relations(through lens: Lens) throws -> [Relation] {
    if let types = lens.types {
      let known = self.types.map(\.id)
      for t in types where !known.contains(t) { throw LensError.unknownType(t, known: known) }
    }
    return relations.filter(lens.admits)
  }

  /// Projects the world through a lens into a digraph whose node `i` is `actors[i]`.
  ///
  /// Mutual relations become two arcs. The digraph is undirected (as NetworkX's `Graph`)
  /// exactly when the world is declared undirected (``World/directed``), whatever the lens
  /// admits.
  ///
  /// - Throws: ``LensError/unknownType(_:known:)`` if the lens names an undeclared type,
  ///   ``LensError/unknownActor(_:)`` if a relation names a missing actor.
  public func through(_ lens: Lens = Lens()) throws -> Digraph {
    let arcs = try projectedArcs(lens, keepOrigins: false)
    return Digraph(
      nodeCount: actors.count, arcSources: arcs.sources, arcTargets: arcs.targets, arcWeights: arcs.weights,
      directed: directed, combine: lens.combine)
  }

  /// The arcs a lens makes, before parallel arcs merge: one per admitted relation, two for
  /// a mutual one (or any relation of an undirected world), each with its relation's index.
  /// The one place a relation becomes arcs; ``through(_:)`` and ``projection(through:)``
  /// build on it.
  /// With `keepOrigins` false the `relations` array stays empty (a plain projection does not
  /// need it: 8 bytes per arc saved).
  func projectedArcs(_ lens: Lens, keepOrigins: Bool = true) throws -> (sources: [NodeIndex], targets: [NodeIndex], weights: [Double], relations: [Int]) {
    if let types = lens.types {
      let known = self.types.map(\.id)
      for t in types where !known.contains(t) { throw LensError.unknownType(t, known: known) }
    }
    let store = relations
    let view = LensedRelations(self, lens)
    var sources: [NodeIndex] = []
    var targets: [NodeIndex] = []
    var weights: [Double] = []
    var origins: [Int] = []
    sources.reserveCapacity(store.count)
    targets.reserveCapacity(store.count)
    weights.reserveCapacity(store.count)
    if keepOrigins { origins.reserveCapacity(store.count) }
    for i in 0 ..< store.count where view.admits(i) {
      let (u, v) = try view.nodes(i)
      let w = lens.strength(store.weights[i], store.sign(at: i))
      sources.append(u)
      targets.append(v)
      weights.append(w)
      if keepOrigins { origins.append(i) }
      if (store.isMutual(at: i) || !directed) && u != v {
        sources.append(v)
        targets.append(u)
        weights.append(w)
        if keepOrigins { origins.append(i) }
      }
    }
    return (sources, targets, weights, origins)
  }
}

/// A world's relation columns seen through a lens, for code that visits every relation:
/// admission and endpoints are decided from per-symbol tables built once (one lookup per
/// interned actor and type), so the per-relation work is integer comparisons.
struct LensedRelations {
  let store: RelationStore
  let lens: Lens
  /// Per interned actor: its node in the world, or -1.
  let node: [Int32]
  /// Per interned type: whether the lens admits it.
  let typeAdmitted: [Bool]

  init(_ world: World, _ lens: Lens) {
    store = world.relations
    self.lens = lens
    node = store.actorTable.map { id in world.index(of: id).map(Int32.init) ?? -1 }
    typeAdmitted = store.typeTable.map { t in lens.types.map { $0.contains { ScalarKey.equal($0, t) } } ?? true }
  }

  /// Whether the lens admits relation `i` (as ``Lens/admits(_:)`` on the relation).
  func admits(_ i: Int) -> Bool {
    guard typeAdmitted[Int(store.typeSymbols[i])] else { return false }
    guard lens.admits(store.sign(at: i)) else { return false }
    if let date = lens.date, store.hasDates {
      return PartialDate.period(since: store.since(at: i), until: store.until(at: i), overlaps: date)
    }
    return true
  }

  /// The nodes relation `i` joins.
  ///
  /// - Throws: ``LensError/unknownActor(_:)`` when an end is not in the world.
  func nodes(_ i: Int) throws -> (NodeIndex, NodeIndex) {
    let u = Int(node[Int(store.fromSymbols[i])])
    let v = Int(node[Int(store.toSymbols[i])])
    guard u >= 0 else { throw LensError.unknownActor(store.actorTable[Int(store.fromSymbols[i])]) }
    guard v >= 0 else { throw LensError.unknownActor(store.actorTable[Int(store.toSymbols[i])]) }
    return (u, v)
  }
}
