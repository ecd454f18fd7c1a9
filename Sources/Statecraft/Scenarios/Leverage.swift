import Foundation

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
  /// The relation's index in the world, or `nil` for a candidate.
  public var relationIndex: Int?
  /// The relation a candidate would add (`nil` for an existing relation: entries stay
  /// small on million-relation worlds).
  public var candidate: Relation?
  /// Whether the relation is a candidate to add rather than an existing one.
  public var isCandidate: Bool { relationIndex == nil }

  /// The relation: the world's, or the candidate.
  public func relation(in world: World) -> Relation { candidate ?? world.relations[relationIndex!] }
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
  /// What was measured.
  public var target: LeverageTarget
  /// The change tried on every relation.
  public var change: LeverageChange
  /// The target's value on the unedited world.
  public var baseline: Double
  /// Entries, largest |exact| (else |estimate|) first; ties keep file order, candidates last.
  public var entries: [LeverageEntry]
  /// Whether the estimates come from a closed form (PageRank, Friedkin–Johnsen).
  public var closedForm: Bool

  /// An entry's name: the relation's id or key (``World/relationName(at:keys:)``), or
  /// `new A→B type` for a candidate. Names are made on demand: a million keys cost more
  /// than the ranking.
  public func name(of entry: LeverageEntry, in world: World) -> String {
    guard let i = entry.relationIndex, entry.candidate == nil else {
      let r = entry.relation(in: world)
      return "new \(r.from)→\(r.to) \(r.type)"
    }
    return world.relationName(at: i)
  }
}

extension World {
  /// Ranks every relation, and candidate relations between given actors, by how much a
  /// change would move a target.
  ///
  /// For PageRank and Friedkin–Johnsen the derivative of the target with respect to every
  /// relation's weight comes from one adjoint solve (``Digraph/pageRankSensitivity(to:damping:)``,
  /// ``Digraph/friedkinJohnsenSensitivity(of:over:susceptibility:)``); a relation's estimate
  /// is that derivative times its weight change (−weight for a removal). A change that cuts
  /// an actor's last tie of the kind the target depends on (PageRank: its last out-tie, which
  /// makes it dangling; Friedkin–Johnsen: its last in-tie, after which it heeds only itself)
  /// is a jump, not a slope: such entries have no estimate and are always recomputed, as are
  /// the top `recompute` estimates. Other measures recompute every entry.
  ///
  /// - Parameters:
  ///   - candidates: Actors between whom every pair (ordered in a directed world, unordered
  ///     in an undirected one), tied already or not, is tried as a new relation of
  ///     `candidateType` with weight `candidateWeight`.
  ///   - recompute: How many of the best-estimated entries to confirm exactly.
  /// - Complexity: two solves plus O(relations) for the estimates, plus `recompute` full
  ///   recomputations.
  public func leverage(
    on target: LeverageTarget, change: LeverageChange = .remove, lens: Lens = Lens(),
    settings: Measure.Settings = .init(), candidates: [Actor.ID] = [], candidateType: String? = nil,
    candidateWeight: Double = 0.5, recompute: Int = 10,
    progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil
  ) throws -> LeverageReport {
    let projection = try projection(through: lens)
    let g = projection.graph
    let tolerance = settings.tolerance ?? 1e-12
    for a in candidates { _ = try requireIndex(of: a) }
    if let t = candidateType, type(t) == nil {
      throw EditError.unknownType(t, suggestion: closestMatch(to: t, in: types.map(\.id)))
    }

    // The closed form: a derivative per pair (u, v), and per existing arc in CSR order.
    var slope: ((Int, Int) -> Double?)?
    var arcSlopes: [Double]?
    let baseline: Double
    switch target {
    case let .score(.pagerank, actor):
      let s = try g.pageRankSensitivity(to: try requireIndex(of: actor), damping: settings.damping, tolerance: tolerance)
      baseline = recompute > 0 ? try value(of: target, lens: lens, settings: settings) : s.rank[try requireIndex(of: actor)]
      slope = s.derivative
      arcSlopes = s.arcDerivatives
    case let .influence(pair, .fj):
      let s = try g.friedkinJohnsenSensitivity(
        of: try requireIndex(of: pair.source), over: try requireIndex(of: pair.target), susceptibility: try susceptibilities(),
        tolerance: tolerance)
      baseline = recompute > 0 ? try value(of: target, lens: lens, settings: settings) : s.value
      slope = s.derivative
      var perArc = [Double](repeating: .nan, count: g.arcCount)
      for u in 0 ..< g.nodeCount {
        for (arc, v) in zip(g.outArcIndices(of: u), g.outNeighbors(of: u)) { perArc[arc] = s.derivative(u, v) ?? .nan }
      }
      arcSlopes = perArc
    default:
      baseline = try value(of: target, lens: lens, settings: settings)
    }

    // Each relation's derivative is the sum over the arcs it makes (two when mutual); under
    // max only the strongest relation of an arc moves it.
    var derivative = [Double](repeating: 0, count: relations.count)
    if let arcSlopes {
      for arc in 0 ..< g.arcCount {
        let behind = projection.relations(behindArc: arc)
        if lens.combine == .max {
          let strongest = behind.max { relations.weights[$0] < relations.weights[$1] }!
          derivative[strongest] += arcSlopes[arc]
        } else {
          for r in behind { derivative[r] += arcSlopes[arc] }
        }
      }
    }
    // Jumps: how many relations feed each node's out-arcs (PageRank) or in-arcs (FJ).
    var feeding = [Int](repeating: 0, count: g.nodeCount)
    let outward: Bool = if case .score = target { true } else { false }
    if arcSlopes != nil {
      for u in 0 ..< g.nodeCount {
        for (arc, v) in zip(g.outArcIndices(of: u), g.outNeighbors(of: u)) {
          feeding[outward ? u : v] += projection.relations(behindArc: arc).count
        }
      }
    }
    var entries: [LeverageEntry] = []
    entries.reserveCapacity(relations.count)
    let view = LensedRelations(self, lens)
    for i in relations.indices where view.admits(i) {
      let weight = relations.weights[i]
      let delta: Double = switch change {
      case .remove: -weight
      case let .add(x): max(x, -weight)
      }
      var d: Double? = arcSlopes == nil || derivative[i].isNaN ? nil : derivative[i]
      if d != nil, delta == -weight, let (u, v) = try? view.nodes(i) {
        let both = relations.isMutual(at: i) || !directed
        let ends = outward ? [u] + (both ? [v] : []) : [v] + (both ? [u] : [])
        if ends.contains(where: { feeding[$0] <= 1 }) { d = nil }
      }
      entries.append(LeverageEntry(relationIndex: i, candidate: nil, estimate: d.map { $0 * delta }, exact: nil, derivative: d))
    }
    if let candidateType {
      for (p, a) in candidates.enumerated() {
        for (q, b) in candidates.enumerated() where a != b && (directed || p < q) {
          guard let u = index(of: a), let v = index(of: b) else { continue }
          let r = relation(from: a, to: b, type: candidateType, weight: candidateWeight)
          guard lens.admits(r) else { continue }
          // An undirected candidate is two arcs; under max a candidate weaker than the
          // existing tie does not move it.
          var arcs = [(u, v)]
          if !directed { arcs.append((v, u)) }
          var derivative: Double? = 0
          for (x, y) in arcs {
            if lens.combine == .max, let w = g.weight(from: x, to: y), abs(w) >= candidateWeight { continue }
            guard let d = slope?(x, y), let sum = derivative else { derivative = nil; break }
            derivative = sum + d
          }
          entries.append(LeverageEntry(
            relationIndex: nil, candidate: r, estimate: derivative.map { $0 * candidateWeight }, exact: nil,
            derivative: derivative))
        }
      }
    }

    // Confirm the top estimates, every entry without one, and all of them without a closed form.
    let confirm = slope == nil
      ? Array(entries.indices)
      : Self.largest(recompute, of: entries.map { abs($0.estimate ?? 0) }) + entries.indices.filter { entries[$0].estimate == nil }
    let toConfirm = Set(confirm).sorted()
    // Each confirmation is an independent full computation: spread over the cores in fixed
    // chunks, written back by entry, so the report does not depend on the core count.
    let chunks = Swift.max(1, Swift.min(toConfirm.count, 16))
    let exact = ChunkSlots<Result<[Double], Error>>(count: chunks)
    let finished = ChunkSlots<Int>(count: 1)
    finished.set(0, 0)
    let base = self
    let frozen = entries
    DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
      exact.set(chunk, Result {
        try toConfirm[toConfirm.count * chunk / chunks ..< toConfirm.count * (chunk + 1) / chunks].map { i in
          var edited = base
          let e = frozen[i]
          if let index = e.relationIndex {
            let newWeight: Double = switch change {
            case .remove: 0
            case let .add(x): base.relations.weights[index] + x
            }
            if newWeight <= 0 {
              edited.relations.remove(at: index)
            } else {
              edited.relations.setWeight(newWeight, at: index)
            }
          } else {
            try edited.apply(.addRelation(e.relation(in: base)))
          }
          let value = try edited.value(of: target, lens: lens, settings: settings) - baseline
          let done = finished.update(0) { $0! + 1 }
          progress?(done, toConfirm.count)
          return value
        }
      })
    }
    for chunk in 0 ..< chunks {
      let values = try exact.get(chunk)!.get()
      for (k, i) in toConfirm[toConfirm.count * chunk / chunks ..< toConfirm.count * (chunk + 1) / chunks].enumerated() {
        entries[i].exact = values[k]
      }
    }
    // Largest change first (12 significant digits, so rounding noise cannot reorder); ties
    // in entry order: existing relations in file order, then candidates.
    var order = entries.indices.map { (key: NodeScores.orderingKey(abs(entries[$0].exact ?? entries[$0].estimate ?? 0)), index: $0) }
    order.sort { $0.key != $1.key ? $0.key > $1.key : $0.index < $1.index }
    return LeverageReport(
      target: target, change: change, baseline: baseline, entries: order.map { entries[$0.index] }, closedForm: slope != nil)
  }

  /// The indices of the `k` largest values (ties: lower index), largest first; O(n k).
  static func largest(_ k: Int, of values: [Double]) -> [Int] {
    var best: [Int] = []
    guard k > 0 else { return best }
    for i in values.indices {
      if best.count == k, let last = best.last, values[last] >= values[i] { continue }
      var at = best.count
      while at > 0 && values[best[at - 1]] < values[i] { at -= 1 }
      best.insert(i, at: at)
      if best.count > k { best.removeLast() }
    }
    return best
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
}
