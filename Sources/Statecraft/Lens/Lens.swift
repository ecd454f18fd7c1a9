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
    if let types, !types.contains(relation.type) { return false }
    if let date, !relation.isValid(on: date) { return false }
    switch sign {
    case .positive: return relation.sign == .cooperative
    case .negative: return relation.sign == .hostile
    case .absolute: return true
    case .signed: return relation.sign != .neutral
    }
  }

  /// The arc strength a relation contributes under this lens.
  public func strength(of relation: Relation) -> Double {
    sign == .signed ? relation.weight * Double(relation.sign.rawValue) : relation.weight
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
    let arcs = try projectedArcs(lens)
    return Digraph(
      nodeCount: actors.count, arcSources: arcs.sources, arcTargets: arcs.targets, arcWeights: arcs.weights,
      directed: directed, combine: lens.combine)
  }

  /// The arcs a lens makes, before parallel arcs merge: one per admitted relation, two for
  /// a mutual one (or any relation of an undirected world), each with its relation's index.
  /// The one place a relation becomes arcs; ``through(_:)`` and ``projection(through:)``
  /// build on it.
  func projectedArcs(_ lens: Lens) throws -> (sources: [NodeIndex], targets: [NodeIndex], weights: [Double], relations: [Int]) {
    if let types = lens.types {
      let known = self.types.map(\.id)
      for t in types where !known.contains(t) { throw LensError.unknownType(t, known: known) }
    }
    var sources: [NodeIndex] = []
    var targets: [NodeIndex] = []
    var weights: [Double] = []
    var origins: [Int] = []
    sources.reserveCapacity(relations.count)
    targets.reserveCapacity(relations.count)
    weights.reserveCapacity(relations.count)
    origins.reserveCapacity(relations.count)
    for (i, r) in relations.enumerated() where lens.admits(r) {
      guard let u = index(of: r.from) else { throw LensError.unknownActor(r.from) }
      guard let v = index(of: r.to) else { throw LensError.unknownActor(r.to) }
      let w = lens.strength(of: r)
      sources.append(u)
      targets.append(v)
      weights.append(w)
      origins.append(i)
      if (r.mutual || !directed) && u != v {
        sources.append(v)
        targets.append(u)
        weights.append(w)
        origins.append(i)
      }
    }
    return (sources, targets, weights, origins)
  }
}
