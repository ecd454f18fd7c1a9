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

  /// What a strength means as a path length (the graph core's `PathLength`, re-exported).
  public typealias PathLength = StatecraftGraph.PathLength

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

  /// A lens; by default it sees every relation type on every date at its absolute strength,
  /// with parallel relations summed and path lengths of 1/strength.
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

  /// The lens a world is seen through unless the user says otherwise: every relation type,
  /// every sign at its strength, parallel relations summed, and **the world's own date** when it
  /// declares one (`date: 2025-06`), so a relation that ended before that date or starts after
  /// it does not count. A world without a date is seen whole. (`Lens()` sees every date.)
  public static func standard(for world: World) -> Lens {
    Lens(date: world.date)
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
  /// Two errors are equal when they say the same (a tuple payload has no synthesized `==`).
  public static func == (a: LensError, b: LensError) -> Bool { a.description == b.description }

  case unknownType(String, known: [String])
  /// A relation built in code names an actor the world does not have.
  case danglingEnd(Actor.ID)
  /// The strengths a lens sees add up past ``Lens/maxTotalStrength``; `largest` is the
  /// strongest relation, named by its ends.
  case strengthOverflow(total: Double, largest: (from: Actor.ID, to: Actor.ID, weight: Double))
  /// A relation weaker than ``Lens/minStrength``.
  case strengthUnderflow(from: Actor.ID, to: Actor.ID, weight: Double)

  public var description: String {
    switch self {
    case let .unknownType(type, known):
      "relation type \"\(type)\" is not declared in this world; known types: "
        + known.joined(separator: ", ")
    case let .danglingEnd(id):
      "a relation names actor \"\(id)\", which is not in this world; add the actor or fix the relation"
    case let .strengthUnderflow(from, to, weight):
      "the relation \(from)→\(to) weighs \(String(format: "%.3g", weight)), below \(String(format: "%.0e", Lens.minStrength)): "
        + "its path length 1/weight overflows; multiply every weight by a common factor, or drop the relation"
    case let .strengthOverflow(total, largest):
      "the relations seen add up to a strength of \(total.isFinite ? String(format: "%.3g", total) : "more than 1.8e308"), "
        + "beyond \(String(format: "%.0e", Lens.maxTotalStrength)) (the strongest, \(largest.from)→\(largest.to), weighs \(String(format: "%.3g", largest.weight))); "
        + "sums and squares of such strengths overflow; divide every weight by a common factor: "
        + "every measure except path lengths is unchanged by it"
    }
  }
}

extension World {
  /// Throws ``LensError/unknownType(_:known:)`` if the lens names an undeclared type.
  func checkTypes(of lens: Lens) throws {
    guard let types = lens.types else { return }
    let known = self.types.map(\.id)
    for t in types where !known.contains(t) { throw LensError.unknownType(t, known: known) }
  }

  /// The relations a lens admits, in file order.
  /// - Complexity: O(*m*) for the filter, plus the relations copied out.
  public func relations(through lens: Lens) throws -> [Relation] {
    try checkTypes(of: lens)
    return relations.filter(lens.admits)
  }

  /// Each unordered pair of distinct actors the lens joins, with the `combine` of its
  /// relations' signed strengths (weight × sign, in file order), smaller node first and pairs
  /// in ascending order: what a signed graph is built from, read on the columns (no
  /// `Relation` values built; ends missing from the world are skipped).
  ///
  /// - Throws: ``LensError/unknownType(_:known:)`` if the lens names an undeclared type.
  /// - Complexity: O(*m* + *p* log *p*) for *p* pairs.
  package func signedPairStrengths(through lens: Lens) throws -> [(u: Int, v: Int, strength: Double)] {
    var signed = lens
    signed.sign = .signed
    try checkTypes(of: signed)
    let view = LensedRelations(self, signed)
    let n = actors.count
    var sums: [Int: Double] = [:]
    for i in relations.indices where view.admits(i) {
      guard let (u, v) = try? view.nodes(i), u != v else { continue }
      let key = Swift.min(u, v) * n + Swift.max(u, v)
      sums[key] = signed.combine.merge(sums[key, default: 0], signed.strength(relations.weights[i], relations.sign(at: i)))
    }
    return sums.keys.sorted().map { ($0 / n, $0 % n, sums[$0]!) }
  }

  /// How many relations a lens admits, counted on the columns (no `Relation` values built).
  /// - Complexity: O(*m*).
  public func relationCount(through lens: Lens) throws -> Int {
    try checkTypes(of: lens)
    let view = LensedRelations(self, lens)
    return relations.indices.count(where: view.admits)
  }

  /// Projects the world through a lens into a digraph whose node `i` is `actors[i]`.
  ///
  /// Mutual relations become two arcs. The digraph is undirected (as NetworkX's `Graph`)
  /// exactly when the world is declared undirected (``World/directed``), whatever the lens
  /// admits.
  ///
  /// - Throws: ``LensError/unknownType(_:known:)`` if the lens names an undeclared type,
  ///   ``LensError/danglingEnd(_:)`` if a relation names a missing actor.
  /// - Complexity: O(*n* + *m* log *d*): one pass over the relations, rows bucketed by source and sorted by target (*d*: the largest out-degree).
  public func through(_ lens: Lens = Lens()) throws -> Digraph {
    try checkTypes(of: lens)
    let rows = try bucketedArcs(lens, keepOrigins: false)
    return Digraph(
      nodeCount: actors.count, rowStarts: rows.starts, rowTargets: rows.targets, rowWeights: rows.weights,
      directed: directed, combine: lens.combine)
  }

  /// The arcs a lens makes, before parallel arcs merge, bucketed by source: one per admitted
  /// relation, two for a mutual one (or any relation of an undirected world); row `u` is
  /// `targets[starts[u] ..< starts[u + 1]]` in relation order, with each arc's relation in
  /// `origins` when asked. The one place a relation becomes arcs; ``through(_:)`` and
  /// ``projection(through:)`` build on it. Two passes over the columns and no array of
  /// (source, target) pairs: on a million relations that copy was the peak of most
  /// commands' memory.
  func bucketedArcs(_ lens: Lens, keepOrigins: Bool) throws -> (starts: [Int], targets: [NodeIndex], weights: [Double], origins: [Int]) {
    try checkTypes(of: lens)
    let store = relations
    let view = LensedRelations(self, lens)
    let n = actors.count
    var starts = [Int](repeating: 0, count: n + 1)
    // The counting pass also adds up the strengths and finds the weakest, for the bounds.
    var total = 0.0
    var weakest = -1
    for i in 0 ..< store.count where view.admits(i) {
      let (u, v) = try view.nodes(i)
      starts[u + 1] += 1
      if (store.isMutual(at: i) || !directed) && u != v { starts[v + 1] += 1 }
      let w = store.weights[i]
      total += w
      if w < Lens.minStrength && (weakest < 0 || w < store.weights[weakest]) { weakest = i }
    }
    for u in 0 ..< n { starts[u + 1] += starts[u] }
    try checkStrengthBounds(total: total, weakest: weakest, view)
    var fill = starts
    var targets = [NodeIndex](repeating: 0, count: starts[n])
    var weights = [Double](repeating: 0, count: starts[n])
    var origins = [Int](repeating: 0, count: keepOrigins ? starts[n] : 0)
    for i in 0 ..< store.count where view.admits(i) {
      let (u, v) = try view.nodes(i)
      let w = lens.strength(store.weights[i], store.sign(at: i))
      targets[fill[u]] = v
      weights[fill[u]] = w
      if keepOrigins { origins[fill[u]] = i }
      fill[u] += 1
      if (store.isMutual(at: i) || !directed) && u != v {
        targets[fill[v]] = u
        weights[fill[v]] = w
        if keepOrigins { origins[fill[v]] = i }
        fill[v] += 1
      }
    }
    return (starts, targets, weights, origins)
  }
}

extension Lens {
  /// The most the strengths a lens sees may add up to: 1e150, so that every sum of
  /// strengths and every square of a score built from them (eigenvector and HITS norms, λmax)
  /// stays far from Double's 1.8e308. Two parallel ties of 1.7e308 summed to infinity and
  /// printed NaN modularity and zero eigenvector scores; now they are refused in words.
  public static let maxTotalStrength = 1e150

  /// The weakest strength a lens sees: 1e-150, so that a path length of 1/strength stays
  /// finite (a weight of 1e-320 gave a tie of infinite length, ranked as the shortest path).
  public static let minStrength = 1e-150
}

extension World {
  /// Throws ``LensError/strengthUnderflow(from:to:weight:)`` for an admitted relation weaker
  /// than ``Lens/minStrength`` and ``LensError/strengthOverflow(total:largest:)`` when the
  /// strengths add up past ``Lens/maxTotalStrength``, from the sums the counting pass of
  /// ``bucketedArcs(_:keepOrigins:)`` gathers (no pass of its own unless it throws).
  fileprivate func checkStrengthBounds(total: Double, weakest: Int, _ view: LensedRelations) throws {
    let store = relations
    if weakest >= 0 {
      let r = store[weakest]
      throw LensError.strengthUnderflow(from: r.from, to: r.to, weight: r.weight)
    }
    guard total > Lens.maxTotalStrength || !total.isFinite else { return }
    // Only on failure: find the strongest relation to name it.
    var largest = -1
    for i in 0 ..< store.count where view.admits(i) && (largest < 0 || store.weights[i] > store.weights[largest]) { largest = i }
    let r = store[largest]
    throw LensError.strengthOverflow(total: total, largest: (r.from, r.to, r.weight))
  }

}

/// A world's relation columns seen through a lens, for code that visits every relation:
/// admission and endpoints are decided from per-symbol tables built once (one lookup per
/// interned actor and type), so the per-relation work is integer comparisons.
package struct LensedRelations {
  let store: RelationStore
  let lens: Lens
  /// Per interned actor: its node in the world, or -1.
  let node: [Int32]
  /// Per interned type: whether the lens admits it.
  let typeAdmitted: [Bool]

  package init(_ world: World, _ lens: Lens) {
    store = world.relations
    self.lens = lens
    // Symbols usually follow the world's actor order (World.init interns actors first, the
    // readers intern in order of appearance): compare that prefix, look the rest up.
    let table = store.actorTable
    var node = [Int32](repeating: -1, count: table.count)
    var aligned = 0
    while aligned < Swift.min(table.count, world.actors.count), table[aligned] == world.actors[aligned].id {
      node[aligned] = Int32(aligned)
      aligned += 1
    }
    for symbol in aligned ..< table.count { node[symbol] = world.index(of: table[symbol]).map(Int32.init) ?? -1 }
    self.node = node
    typeAdmitted = store.typeTable.map { t in lens.types.map { $0.contains { ScalarKey.equal($0, t) } } ?? true }
  }

  /// Whether the lens admits relation `i` (as ``Lens/admits(_:)`` on the relation).
  package func admits(_ i: Int) -> Bool {
    guard typeAdmitted[Int(store.typeSymbols[i])] else { return false }
    guard lens.admits(store.sign(at: i)) else { return false }
    if let date = lens.date, store.hasDates {
      return PartialDate.period(since: store.since(at: i), until: store.until(at: i), overlaps: date)
    }
    return true
  }

  /// Every relation's nodes at once, for loops over a million relations: `from[i]` and
  /// `to[i]` are the nodes relation `i` joins, −1 where an end is not in the world, and −2
  /// in `from` where the lens does not admit the relation; `mutual[i]` whether it is mutual.
  ///
  /// - Complexity: O(relations), integer work.
  package func columns() -> (from: [Int32], to: [Int32], mutual: [Bool]) {
    var from = [Int32](repeating: -2, count: store.count)
    var to = [Int32](repeating: -1, count: store.count)
    var mutual = [Bool](repeating: false, count: store.count)
    for i in 0 ..< store.count where admits(i) {
      from[i] = node[Int(store.fromSymbols[i])]
      to[i] = node[Int(store.toSymbols[i])]
      mutual[i] = store.isMutual(at: i)
    }
    return (from, to, mutual)
  }

  /// The nodes relation `i` joins.
  ///
  /// - Throws: ``LensError/danglingEnd(_:)`` when an end is not in the world.
  package func nodes(_ i: Int) throws -> (NodeIndex, NodeIndex) {
    let u = Int(node[Int(store.fromSymbols[i])])
    let v = Int(node[Int(store.toSymbols[i])])
    guard u >= 0 else { throw LensError.danglingEnd(store.actorTable[Int(store.fromSymbols[i])]) }
    guard v >= 0 else { throw LensError.danglingEnd(store.actorTable[Int(store.toSymbols[i])]) }
    return (u, v)
  }
}
