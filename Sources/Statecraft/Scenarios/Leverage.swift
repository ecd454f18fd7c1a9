/// What leverage measures the effect on: one actor's score, or one actor's sway over another.
public enum LeverageTarget: Hashable, Sendable, CustomStringConvertible {
  /// An actor's score on a measure (closed form for PageRank; other measures recompute).
  case score(Measure, Actor.ID)
  /// How much one actor sways another (closed form for Friedkin–Johnsen; walk sums recompute).
  case influence(InfluencePair, InfluenceModel)

  /// Parses `CHN over PAK` (Friedkin–Johnsen) or `pagerank of PAK`.
  public init?(_ text: String, model: InfluenceModel = .fj) {
    if let pair = InfluencePair(text) {
      self = .influence(pair, model)
      return
    }
    let parts = text.split(separator: " ", omittingEmptySubsequences: true)
    guard parts.count == 3, parts[1].lowercased() == "of", let m = Measure(rawValue: String(parts[0])) else { return nil }
    self = .score(m, Actor.ID(String(parts[2])))
  }

  public var description: String {
    switch self {
    case let .score(m, a): "\(m.rawValue) of \(a)"
    case let .influence(p, _): p.description
    }
  }
}

/// The change leverage tries on every relation.
public enum LeverageChange: Hashable, Sendable, CustomStringConvertible {
  /// Remove the relation.
  case remove
  /// Add `x` to its weight (a negative `x` that reaches 0 removes it).
  case add(Double)

  public var description: String {
    switch self {
    case .remove: "remove"
    case let .add(x): x >= 0 ? "+\(ReportText.jsonNumber(x))" : ReportText.jsonNumber(x)
    }
  }

  /// Parses `remove`, `+0.1` or `-0.1`.
  public init?(_ text: String) {
    if text == "remove" { self = .remove; return }
    guard let x = Double(text), x.isFinite, x != 0 else { return nil }
    self = .add(x)
  }
}

/// One relation (existing or candidate) ranked by how much the change would move the target.
public struct LeverageEntry: Sendable {
  /// The relation's name (its id or key), or `new A→B type` for a candidate.
  public var name: String
  public var relation: Relation
  /// Whether the relation is a candidate to add rather than an existing one.
  public var isCandidate: Bool
  /// The first-order estimate of the target's change (derivative × weight change); `nil`
  /// when there is no slope (a jump: an actor's first tie of its kind) or no closed form.
  public var estimate: Double?
  /// The target's exact change, recomputed on the edited world (for the top entries).
  public var exact: Double?
  /// The derivative of the target with respect to the relation's weight, where known.
  public var derivative: Double?
}

/// Leverage of every relation on one target.
public struct LeverageReport: Sendable {
  public var target: LeverageTarget
  public var change: LeverageChange
  /// The target's value on the unedited world.
  public var baseline: Double
  /// Entries, largest |exact| (else |estimate|) first; ties keep file order, candidates last.
  public var entries: [LeverageEntry]
  /// Whether the estimates come from a closed form (PageRank, Friedkin–Johnsen).
  public var closedForm: Bool
}

extension World {
  /// Ranks every relation, and candidate relations between given actors, by how much a
  /// change would move a target.
  ///
  /// For PageRank and Friedkin–Johnsen the derivative of the target with respect to every
  /// relation's weight comes from one adjoint solve (``Digraph/pageRankSensitivity(to:damping:)``,
  /// ``Digraph/friedkinJohnsenSensitivity(of:over:susceptibility:)``); a relation's estimate
  /// is that derivative times its weight change (−weight for a removal). The top `recompute`
  /// entries, and every entry without a slope, are then recomputed exactly on an edited copy.
  /// Other measures recompute every entry.
  ///
  /// - Parameters:
  ///   - candidates: Actors between whom every absent ordered pair is tried as a new
  ///     relation of `candidateType` with weight `candidateWeight`.
  ///   - recompute: How many of the best-estimated entries to confirm exactly.
  /// - Complexity: two solves plus O(relations) for the estimates, plus `recompute` full
  ///   recomputations.
  public func leverage(
    on target: LeverageTarget, change: LeverageChange = .remove, lens: Lens = Lens(),
    settings: Measure.Settings = .init(), candidates: [Actor.ID] = [], candidateType: String? = nil,
    candidateWeight: Double = 0.5, recompute: Int = 10
  ) throws -> LeverageReport {
    let projection = try projection(through: lens)
    let g = projection.graph
    let keys = relationKeys()
    for a in candidates { _ = try requireIndex(of: a) }
    if !candidates.isEmpty {
      guard let t = candidateType, type(t) != nil else {
        throw EditError.unknownType(candidateType ?? "(none)", suggestion: types.first?.id)
      }
    }

    // The closed form, as a function of an arc (u, v) → derivative.
    var slope: ((Int, Int) -> Double?)?
    let baseline: Double
    switch target {
    case let .score(.pagerank, actor):
      let s = try g.pageRankSensitivity(to: try requireIndex(of: actor), damping: settings.damping)
      baseline = s.rank[try requireIndex(of: actor)]
      slope = { u, v in g.pageRankDerivative(from: u, to: v, rank: s.rank, adjoint: s.adjoint, damping: settings.damping) }
    case let .influence(pair, .fj):
      let s = try g.friedkinJohnsenSensitivity(
        of: try requireIndex(of: pair.source), over: try requireIndex(of: pair.target), susceptibility: try susceptibilities())
      baseline = s.value
      slope = s.derivative
    default:
      baseline = try value(of: target, lens: lens, settings: settings)
    }

    // Every existing relation the lens sees, then candidates.
    var entries: [LeverageEntry] = []
    let combineMax = lens.combine == .max
    for (i, r) in relations.enumerated() where lens.admits(r) {
      guard let u = index(of: r.from), let v = index(of: r.to) else { continue }
      let delta: Double = switch change {
      case .remove: -r.weight
      case let .add(x): max(x, -r.weight)
      }
      var derivative: Double?
      if let slope {
        // A mutual relation (or any relation of an undirected world) is two arcs.
        var arcs = [(u, v)]
        if (r.mutual || !directed) && u != v { arcs.append((v, u)) }
        var total = 0.0
        for (a, b) in arcs {
          guard let d = slope(a, b) else { total = .nan; break }
          // Under max, only the strongest relation of an arc moves it.
          if combineMax, let arc = g.arcIndex(from: a, to: b),
            projection.relations(behindArc: arc).contains(where: { relations[$0].weight > r.weight })
          {
            continue
          }
          total += d
        }
        derivative = total.isNaN ? nil : total
      }
      entries.append(LeverageEntry(
        name: relationName(at: i, keys: keys), relation: r, isCandidate: false,
        estimate: derivative.map { $0 * delta }, exact: nil, derivative: derivative))
    }
    if let candidateType {
      for a in candidates {
        for b in candidates where a != b {
          guard let u = index(of: a), let v = index(of: b) else { continue }
          let r = relation(from: a, to: b, type: candidateType, weight: candidateWeight)
          guard lens.admits(r) else { continue }
          let derivative = slope.flatMap { $0(u, v) }
          entries.append(LeverageEntry(
            name: "new \(a)→\(b) \(candidateType)", relation: r, isCandidate: true,
            estimate: derivative.map { $0 * candidateWeight }, exact: nil, derivative: derivative))
        }
      }
    }

    // Confirm the top estimates, every entry without one, and all of them without a closed form.
    let byEstimate = entries.indices.sorted { a, b in
      let x = abs(entries[a].estimate ?? 0)
      let y = abs(entries[b].estimate ?? 0)
      return x != y ? x > y : a < b
    }
    let confirm = slope == nil ? Array(entries.indices) : Array(byEstimate.prefix(recompute)) + entries.indices.filter { entries[$0].estimate == nil }
    for i in Set(confirm).sorted() {
      var edited = self
      let e = entries[i]
      if e.isCandidate {
        try edited.apply(.addRelation(e.relation))
      } else {
        let index = try relationIndexOf(e, keys: keys)
        let newWeight: Double = switch change {
        case .remove: 0
        case let .add(x): e.relation.weight + x
        }
        if newWeight <= 0 {
          edited.relations.remove(at: index)
        } else {
          edited.relations[index].weight = newWeight
        }
      }
      entries[i].exact = try edited.value(of: target, lens: lens, settings: settings) - baseline
    }
    let order = entries.indices.sorted { a, b in
      let x = abs(entries[a].exact ?? entries[a].estimate ?? 0)
      let y = abs(entries[b].exact ?? entries[b].estimate ?? 0)
      if entries[a].isCandidate != entries[b].isCandidate, NodeScores.orderingKey(x) == NodeScores.orderingKey(y) {
        return !entries[a].isCandidate
      }
      return NodeScores.orderingKey(x) != NodeScores.orderingKey(y) ? x > y : a < b
    }
    return LeverageReport(
      target: target, change: change, baseline: baseline, entries: order.map { entries[$0] }, closedForm: slope != nil)
  }

  /// The target's value on this world, computed from scratch.
  public func value(of target: LeverageTarget, lens: Lens = Lens(), settings: Measure.Settings = .init()) throws -> Double {
    switch target {
    case let .score(.pagerank, actor):
      // Converged, so that exact changes are not rounding noise of the default tolerance.
      return try through(lens).pageRank(damping: settings.damping, tolerance: 1e-15, maxIterations: 100_000)[requireIndex(of: actor)]
    case let .score(m, actor):
      return try scores(m, lens: lens, settings: settings).values[requireIndex(of: actor)]
    case let .influence(pair, model):
      return try influence(of: pair.source, over: pair.target, model: model, lens: lens)
    }
  }

  private func relationIndexOf(_ e: LeverageEntry, keys: [RelationKey]) throws -> Int {
    if let id = e.relation.id { return try relationIndex(.id(id)) }
    let i = relations.indices.first { relationName(at: $0, keys: keys) == e.name }
    guard let i else { throw EditError.unknownRelation(.id(e.name), suggestion: nil) }
    return i
  }
}
