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
    guard let x = Double(decimal: text), x.isFinite, x != 0 else { return nil }
    self = .add(x)
  }
}

/// An optional Double stored in 8 bytes, NaN for `nil` (an `Optional<Double>` takes 16 in an
/// array of structs).
@propertyWrapper
public struct NaNForNil: Sendable {
  private var stored: Double = .nan
  /// An absent value (stored as NaN).
  public init() {}
  /// The value, `nil` when absent.
  public var wrappedValue: Double? {
    get { stored.isNaN ? nil : stored }
    set { stored = newValue ?? .nan }
  }
}

/// Which loop makes leverage's relation entries; tests bind `generic` to compare the
/// PageRank loop (``World/pageRankEntries``) with the generic one, bit for bit.
enum LeverageLoop {
  /// Whether PageRank targets take the generic per-relation loop.
  @TaskLocal static var generic = false
  /// From this many relations the PageRank loop's columns are made on another thread and its
  /// entries filled by work units; below it a thread costs more than it saves (tests bind 0).
  @TaskLocal static var parallelFrom = 1 << 14
}

/// One relation (existing or candidate) ranked by how much the change would move the target.
///
/// Entries are compact (48 bytes; a candidate's relation is boxed, absent values are stored
/// as NaN): a million-relation world has a million of them.
public struct LeverageEntry: Sendable {
  /// A candidate's relation, shared rather than copied into every entry.
  final class Candidate: Sendable {
    let relation: Relation
    init(_ relation: Relation) { self.relation = relation }
  }

  private var index: Int32
  private var box: Candidate?

  /// An existing relation's entry.
  init(relationIndex: Int) {
    index = Int32(relationIndex)
    box = nil
  }

  /// A candidate's entry.
  init(candidate: Relation) {
    index = -1
    box = Candidate(candidate)
  }

  /// The relation's index in the world, or `nil` for a candidate.
  public var relationIndex: Int? { index >= 0 ? Int(index) : nil }
  /// The relation a candidate would add (`nil` for an existing relation).
  public var candidate: Relation? { box?.relation }
  /// Whether the relation is a candidate to add rather than an existing one.
  public var isCandidate: Bool { index < 0 }

  /// The relation: the world's, or the candidate.
  public func relation(in world: World) -> Relation { candidate ?? world.relations[Int(index)] }
  /// The estimate of the target's change. For PageRank (under `sum`) the Sherman–Morrison
  /// numerator of each arc's rank-one change (``PageRankSensitivity/change(from:to:by:)``,
  /// or ``PageRankSensitivity/danglingChange(of:)`` for a jump: an actor loses its last
  /// out-tie); otherwise derivative × weight change. `nil` for other jumps (a Friedkin–Johnsen
  /// actor's last in-tie, a mutual tie that is an end's last) and without a closed form.
  @NaNForNil public internal(set) var estimate: Double?
  /// The target's exact change, recomputed on the edited world (for the top entries).
  @NaNForNil public internal(set) var exact: Double?
  /// The derivative of the target with respect to the relation's weight, where known.
  @NaNForNil public internal(set) var derivative: Double?
  /// For a jump with a closed-form estimate (PageRank, a removal that leaves an actor with no
  /// out-tie): the exact change has the estimate's sign and at most this size.
  @NaNForNil public internal(set) var bound: Double?
  /// The size that ranks the entry: |exact|, else |estimate|, else 0.
}

/// Leverage entries in rank order: a view through the ranking onto the entries as they were
/// made, so that ranking a million relations does not move a million entries. The first
/// 256 ranks are found at once (the tables show a few dozen); the full order is
/// sorted the first time a rank past them is read, so a report that shows its top rows never
/// pays for ordering a million.
public struct RankedEntries: RandomAccessCollection, Sendable {
  let storage: [LeverageEntry]
  /// The first ranks' entry indices.
  let head: [Int]
  /// The whole ranking, made on first use past `head`.
  let full: FullRanking

  /// How many ranks are ordered up front.
  static let headCount = 256

  /// Ranks `storage` by `sizes`, largest first (``NodeScores/descendingOrder(_:)``'s order
  /// and ties).
  init(storage: [LeverageEntry], sizes: [Double]) {
    let keys = NodeScores.descendingKeys(sizes)
    self.storage = storage
    head = NodeScores.descendingPrefix(Self.headCount, keys: keys)
    full = FullRanking(keys: head.count == keys.count ? [] : keys, known: head.count == keys.count ? head : nil)
  }

  /// The first rank (0).
  public var startIndex: Int { 0 }
  /// One past the last rank.
  public var endIndex: Int { storage.count }
  /// The entry at a rank (0 is the largest change).
  public subscript(position: Int) -> LeverageEntry {
    storage[position < head.count ? head[position] : full.order()[position]]
  }
  /// Every entry in the order it was made (relations in file order, then candidates): for a
  /// pass over all of them that needs no ranking.
  public var unranked: [LeverageEntry] { storage }
}

/// A ranking sorted once, on first use, by whichever thread asks first.
final class FullRanking: @unchecked Sendable {
  private let keys: [UInt64]
  private var known: [Int]?
  private let lock = NSLock()

  init(keys: [UInt64], known: [Int]?) {
    self.keys = keys
    self.known = known
  }

  /// The whole order (``NodeScores/descendingOrder(keys:)``).
  func order() -> [Int] {
    lock.withLock {
      if let known { return known }
      let sorted = NodeScores.descendingOrder(keys: keys)
      known = sorted
      return sorted
    }
  }
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
  public var entries: RankedEntries
  /// Whether the estimates come from a closed form (PageRank, Friedkin–Johnsen).
  public var closedForm: Bool
  /// Whether recomputation stopped at the time limit with entries it would have confirmed
  /// left unconfirmed: the rows shown are then the best confirmed so far, not certified.
  public var stoppedAtTimeLimit = false

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

extension LeverageChange {
  /// The weight change this makes to a relation of weight `weight` (a weight never goes
  /// below zero).
  func delta(from weight: Double) -> Double {
    switch self {
    case .remove: -weight
    case let .add(x): Swift.max(x, -weight)
    }
  }
}

extension World {
  /// Under `--combine max`, each relation's slope and first-order estimate: an arc is the
  /// strongest relation behind it, so a relation moves its arc only as far as that maximum
  /// moves. Removing the strongest drops the arc to the runner-up (to nothing when tied with
  /// it: the estimate is 0, where giving the first of two equal ties the whole slope estimated
  /// −0.122 for an exact 0); raising a weaker relation moves the arc only past the strongest.
  /// The derivative is the arc's slope for its strongest relation (the first of tied ones).
  fileprivate func maxCombineEstimates(
    _ g: Digraph, _ projection: Projection, change: LeverageChange, slope: (Int, Int) -> Double?
  ) -> (derivative: [Double], estimate: [Double]) {
    var derivative = [Double](repeating: 0, count: relations.count)
    var estimate = [Double](repeating: 0, count: relations.count)
    let weights = relations.weights
    for u in 0 ..< g.nodeCount {
      for (arc, v) in zip(g.outArcIndices(of: u), g.outNeighbors(of: u)) {
        let behind = projection.relations(behindArc: arc)
        guard let d = slope(u, v) else {
          for r in behind { derivative[r] = .nan }
          continue
        }
        // The strongest relation behind the arc (first of equals) and the runner-up's weight.
        guard var first = behind.first else { continue }
        var runnerUp = 0.0
        for r in behind.dropFirst() {
          if weights[r] > weights[first] {
            runnerUp = weights[first]
            first = r
          } else {
            runnerUp = Swift.max(runnerUp, weights[r])
          }
        }
        let top = weights[first]
        derivative[first] += d
        for r in behind {
          let others = r == first ? runnerUp : top
          let moved = Swift.max(weights[r] + change.delta(from: weights[r]), others) - top
          estimate[r] += moved == 0 ? 0 : d * moved
        }
      }
    }
    return (derivative, estimate)
  }

  /// Ranks every relation, and candidate relations between given actors, by how much a
  /// change would move a target.
  ///
  /// For PageRank and Friedkin–Johnsen the derivative of the target with respect to every
  /// relation's weight comes from one adjoint solve (``Digraph/pageRankSensitivity(to:damping:tolerance:)``,
  /// ``Digraph/friedkinJohnsenSensitivity(of:over:susceptibility:tolerance:)-(NodeIndex,_,_,_)``); a relation's
  /// estimate is that derivative times its weight change (−weight for a removal), and for
  /// PageRank under `sum` the rank-one numerator, derivative × Δw × s_a / (s_a + Δw), which
  /// stays close when a removal takes most of an actor's out-strength; a candidate's estimate
  /// is the same numerator at its weight. Under `max` a relation moves its arc only as far as
  /// the arc's maximum moves (removing one of two equally strong relations moves nothing;
  /// a candidate beside a tie of 0.5 at weight 0.6 raises it by 0.1). A change that cuts
  /// an actor's last tie of the kind the target depends on (PageRank: its last out-tie, which
  /// makes it dangling; Friedkin–Johnsen: its last in-tie, after which it heeds only itself)
  /// is a jump, not a slope. A PageRank jump of one arc is one rank-one change: its estimate
  /// is the Sherman–Morrison numerator, with a bound on the exact change, and it is
  /// recomputed when the bound reaches the smallest of the top `recompute` estimates; other
  /// jumps have no estimate and are always recomputed. The top `recompute` estimates are
  /// recomputed. Other measures recompute every entry.
  ///
  /// - Parameters:
  ///   - target: What is measured: a PageRank score or an influence pair (actors or groups).
  ///   - change: The change tried on every relation: removal or a weight change.
  ///   - lens: Which relations count (an influence target sees them as its model does).
  ///   - settings: Measure settings, as for `rank`.
  ///   - candidateType: The type of the candidate relations (a declared type).
  ///   - candidateWeight: Their weight.
  ///   - progress: Called with the recomputations done and to do (from any thread).
  ///   - candidates: Actors between whom every pair (ordered in a directed world, unordered
  ///     in an undirected one), tied already or not, is tried as a new relation of
  ///     `candidateType` with weight `candidateWeight`.
  ///   - timeLimit: Stop recomputing after this long; what was confirmed is reported, with
  ///     ``LeverageReport/stoppedAtTimeLimit`` set (every jump of a star of 100,000 leaves
  ///     needs its own recomputation).
  ///   - recompute: How many of the best-estimated entries to confirm exactly; then further
  ///     batches of this many, by estimate, while a batch still enters the top `recompute`
  ///     exact changes. Entries rank confirmed first (by exact change), then by estimate.
  /// - Complexity: two solves plus O(relations) for the estimates, plus `recompute` full
  ///   recomputations.
  public func leverage(
    on target: LeverageTarget, change: LeverageChange = .remove, lens: Lens = Lens(),
    settings: Measure.Settings = .init(), candidates: [Actor.ID] = [], candidateType: String? = nil,
    candidateWeight: Double = 0.5, recompute: Int = 10, timeLimit: Duration? = nil,
    progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil
  ) throws -> LeverageReport {
    for a in candidates { _ = try requireIndex(of: a) }
    if let t = candidateType, type(t) == nil {
      throw EditError.unknownType(t, suggestion: typeSuggestion(for: t))
    }
    // A PageRank score under sum reads the relations as columns: made on another core while
    // the projection and the solves run (the projection is mostly one core's work).
    let pageRankLoop = if case .score(.pagerank, _) = target, lens.combine != .max, !LeverageLoop.generic { true } else { false }
    let solve = { [self] in
      try leverageRun(
        on: target, change: change, lens: lens, settings: settings, recompute: recompute, timeLimit: timeLimit, progress: progress)
    }
    let parallelFrom = LeverageLoop.parallelFrom  // read here: task-locals stay on this thread
    let columns: @Sendable () throws -> RelationColumns = { [self] in
      try RelationColumns(self, lens, outward: true, parallelFrom: parallelFrom)
    }
    let (run, columnsMade): (LeverageRun, RelationColumns?) =
      if !pageRankLoop {
        (try solve(), nil)
      } else if relations.count < parallelFrom {
        (try solve(), try columns())
      } else {
        try WorkUnits.together(solve, columns)
      }
    var entries: [LeverageEntry]
    if let columnsMade, let pageRank = run.pageRank {
      entries = pageRankEntries(run, pageRank, columns: columnsMade)
    } else {
      entries = try relationEntries(run)
    }
    if let candidateType {
      entries += candidateEntries(run, among: candidates, type: candidateType, weight: candidateWeight)
    }
    // A Friedkin–Johnsen share lies in [0, 1] whatever the change, so no estimate may carry
    // it outside (a change of +1e308 extrapolated to estimates of 1e306).
    if case .influence(_, .fj) = target {
      for k in entries.indices {
        if let e = entries[k].estimate { entries[k].estimate = Swift.min(Swift.max(e, -run.baseline), 1 - run.baseline) }
      }
    }
    try confirmBest(&entries, run, recompute: recompute)
    // Largest change first (12 significant digits, so rounding noise cannot reorder); ties
    // in entry order: existing relations in file order, then candidates.
    // Confirmed entries rank first, by their exact change; the rest follow by estimate, so the
    // top rows shown are never unconfirmed ones.
    let sizes = entries.map { e in e.exact.map(abs) ?? -1 / (1 + abs(e.estimate ?? 0)) }
    var report = LeverageReport(
      target: target, change: change, baseline: run.baseline, entries: RankedEntries(storage: entries, sizes: sizes),
      closedForm: run.slope != nil)
    report.stoppedAtTimeLimit = run.stopped.get(0) ?? false
    return report
  }

  /// The first phase of ``leverage(on:change:lens:settings:candidates:candidateType:candidateWeight:recompute:timeLimit:progress:)``:
  /// the target's lens and digraph, its closed form (a derivative per pair) when it has one,
  /// and its baseline value.
  fileprivate func leverageRun(
    on target: LeverageTarget, change: LeverageChange, lens: Lens, settings: Measure.Settings, recompute: Int,
    timeLimit: Duration?, progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?
  ) throws -> LeverageRun {
    // An influence target sees the world as its model does (no hostile ties for fj).
    let lens = if case let .influence(_, model) = target { lens.seeing(model) } else { lens }
    // Under max only the strongest relation behind an arc moves it, which needs the
    // relations behind every arc; under sum every relation moves its arcs.
    let projection = lens.combine == .max ? try projection(through: lens) : nil
    let g = try projection?.graph ?? through(lens)
    let tolerance = settings.tolerance ?? 1e-12
    var slope: (@Sendable (Int, Int) -> Double?)?
    var pageRank: PageRankSensitivity?
    let baseline: Double
    switch target {
    case let .score(.pagerank, actor):
      let s = try g.pageRankSensitivity(to: try requireIndex(of: actor), damping: settings.damping, tolerance: tolerance)
      baseline = recompute > 0 ? try value(of: target, lens: lens, settings: settings) : s.rank[try requireIndex(of: actor)]
      slope = { s.derivative(from: $0, to: $1) }
      pageRank = s
    case let .influence(pair, .fj):
      let s = try g.friedkinJohnsenSensitivity(
        of: try members(of: pair.source), over: try members(of: pair.target), susceptibility: try susceptibilities(),
        tolerance: tolerance)
      baseline = recompute > 0 ? try value(of: target, lens: lens, settings: settings) : s.value
      slope = s.derivative
    default:
      baseline = try value(of: target, lens: lens, settings: settings)
    }
    let stopped = ChunkSlots<Bool>(count: 1)
    stopped.set(0, false)
    return LeverageRun(
      target: target, change: change, lens: lens, settings: settings, projection: projection, graph: g, slope: slope,
      pageRank: pageRank, baseline: baseline, deadline: timeLimit.map { ContinuousClock.now + $0 }, stopped: stopped,
      progress: progress)
  }

  /// Jumps: how many relations feed each node's out-arcs (PageRank) or in-arcs
  /// (Friedkin–Johnsen). Under max, a relation moves an arc only as far as the arc's maximum
  /// moves (``maxCombineEstimates``, returned beside); under sum, the arcs it makes.
  fileprivate func feeding(_ run: LeverageRun) throws -> (counts: [Int32], underMax: (derivative: [Double], estimate: [Double])?) {
    let g = run.graph
    var feeding = [Int32](repeating: 0, count: run.slope == nil ? 0 : g.nodeCount)
    var underMax: (derivative: [Double], estimate: [Double])?
    if let slope = run.slope, let projection = run.projection {
      underMax = maxCombineEstimates(g, projection, change: run.change, slope: slope)
      for u in 0 ..< g.nodeCount {
        for (arc, v) in zip(g.outArcIndices(of: u), g.outNeighbors(of: u)) {
          feeding[run.outward ? u : v] += Int32(projection.relations(behindArc: arc).count)
        }
      }
    } else if run.slope != nil {
      feeding = try RelationColumns(self, run.lens, outward: run.outward, parallelFrom: .max).feeding
    }
    return (feeding, underMax)
  }

  /// One entry per relation the lens admits, with its derivative and estimate when the target
  /// has a closed form (a jump's estimate is the rank-one numerator, or none).
  fileprivate func relationEntries(_ run: LeverageRun) throws -> [LeverageEntry] {
    let (feeding, underMax) = try feeding(run)
    let view = LensedRelations(self, run.lens)
    var entries: [LeverageEntry] = []
    entries.reserveCapacity(relations.count)
    for i in relations.indices where view.admits(i) {
      var entry = LeverageEntry(relationIndex: i)
      guard let slope = run.slope, let (u, v) = try? view.nodes(i) else {
        entries.append(entry)
        continue
      }
      // A relation's derivative sums over the arcs it makes (two when mutual or
      // undirected); NaN where an arc has no slope.
      let twoArcs = (relations.isMutual(at: i) || !directed) && u != v
      let derivative = underMax?.derivative[i] ?? ((slope(u, v) ?? .nan) + (twoArcs ? slope(v, u) ?? .nan : 0))
      if !derivative.isNaN {
        let weight = relations.weights[i]
        let delta = run.change.delta(from: weight)
        entry.derivative = derivative
        entry.estimate = underMax?.estimate[i] ?? derivative * delta
        // PageRank under sum: each arc's rank-one numerator rather than the slope.
        if let pageRank = run.pageRank, underMax == nil, let near = pageRank.change(from: u, to: v, by: delta) {
          let far = twoArcs ? pageRank.change(from: v, to: u, by: delta) : 0
          if let far { entry.estimate = near + far }
        }
        // A removal that cuts an end's last feeding relation is a jump, not a slope.
        let (near, far) = run.outward ? (u, v) : (v, u)
        let nearJumps = feeding[near] <= 1
        if delta == -weight, nearJumps || (twoArcs && feeding[far] <= 1) {
          entry.estimate = nil
          // PageRank, one arc, its source left dangling: one rank-one change, the
          // Sherman–Morrison numerator as the estimate and a bound on the exact change.
          if let pageRank = run.pageRank, nearJumps, !twoArcs, case let (estimate, bound?) = pageRank.danglingChange(of: near) {
            entry.estimate = estimate
            entry.bound = bound
          }
        }
      }
      entries.append(entry)
    }
    return entries
  }

  /// ``relationEntries(_:)`` for a PageRank score under `sum` (the common case, and a million
  /// relations on big worlds): the same entries, to the bit, from whole columns (each
  /// relation's nodes and weights, each node's ``PageRankTerms``), without a closure call or
  /// a thrown error per relation (the generic loop took a third of leverage on M). Work units
  /// fill their own slices of the result on every core.
  ///
  /// - Complexity: O(relations), spread over the cores.
  fileprivate func pageRankEntries(_ run: LeverageRun, _ pageRank: PageRankSensitivity, columns: RelationColumns) -> [LeverageEntry] {
    let (from, to, mutual, feeding, units, starts) = (columns.from, columns.to, columns.mutual, columns.feeding, columns.units, columns.starts)
    let directed = directed
    let weights = relations.weights
    let z = pageRank.z
    let terms = PageRankTerms.every(pageRank)
    let change = run.change
    func entry(_ i: Int) -> LeverageEntry {
      var entry = LeverageEntry(relationIndex: i)
      let u = Int(from[i]), v = Int(to[i])
      let twoArcs = (mutual[i] || !directed) && u != v
      let near = terms[u]
      let derivative = near.slope(to: z[v]) + (twoArcs ? terms[v].slope(to: z[u]) : 0)
      guard !derivative.isNaN else { return entry }
      let weight = weights[i]
      let delta = change.delta(from: weight)
      entry.derivative = derivative
      entry.estimate = derivative * delta
      if let nearChange = near.change(to: z[v], by: delta) {
        let far = twoArcs ? terms[v].change(to: z[u], by: delta) : 0
        if let far { entry.estimate = nearChange + far }
      }
      // A removal that leaves the source without out-ties (or an end of a mutual tie) is a jump.
      let nearJumps = feeding[u] <= 1
      if delta == -weight, nearJumps || (twoArcs && feeding[v] <= 1) {
        entry.estimate = nil
        if nearJumps, !twoArcs, case let (estimate, bound?) = pageRank.danglingChange(of: u) {
          entry.estimate = estimate
          entry.bound = bound
        }
      }
      return entry
    }
    let total = starts[units]
    return [LeverageEntry](unsafeUninitializedCapacity: total) { buffer, count in
      WorkUnits.reduce(units: units, initial: (), state: {}) { unit, _ in
        var k = starts[unit]
        for i in WorkUnits.range(unit, of: units, items: from.count) where from[i] != -2 {
          (buffer.baseAddress! + k).initialize(to: entry(i))
          k += 1
        }
      } merge: { _, _ in }
      count = total
    }
  }

  /// The relations a lens admits as columns (``LensedRelations/columns()``), how many relations
  /// feed each node's out-arcs (`outward`, a score's jumps) or in-arcs (an influence's), as
  /// ``feeding(_:)`` reports them under sum, and where each work unit's entries start among
  /// the admitted ones (one unit below `parallelFrom` relations).
  fileprivate struct RelationColumns: Sendable {
    let from: [Int32], to: [Int32], mutual: [Bool]
    let feeding: [Int32]
    let units: Int
    let starts: [Int]

    /// - Throws: ``LensError/danglingEnd(_:)`` for an admitted relation with an end not in
    ///   the world, as ``feeding(_:)`` does.
    init(_ world: World, _ lens: Lens, outward: Bool, parallelFrom: Int) throws {
      let view = LensedRelations(world, lens)
      (from, to, mutual) = view.columns()
      var feeding = [Int32](repeating: 0, count: world.actors.count)
      units = from.count < parallelFrom ? 1 : WorkUnits.count(from.count)
      var starts = [Int](repeating: 0, count: units + 1)
      for unit in 0 ..< units {
        var count = 0
        for i in WorkUnits.range(unit, of: units, items: from.count) where from[i] != -2 {
          let u = Int(from[i]), v = Int(to[i])
          guard u >= 0, v >= 0 else { _ = try view.nodes(i); continue }
          let (near, far) = outward ? (u, v) : (v, u)
          feeding[near] += 1
          if (mutual[i] || !world.directed) && u != v { feeding[far] += 1 }
          count += 1
        }
        starts[unit + 1] = starts[unit] + count
      }
      (self.feeding, self.starts) = (feeding, starts)
    }
  }

  /// One node's share of ``PageRankSensitivity/derivative(from:to:)`` and
  /// ``PageRankSensitivity/change(from:to:by:)`` as a source, in one place (32 bytes), so
  /// the per-relation loop reads one cache line per source instead of four arrays; the
  /// products are grouped as those functions group them, so the values are the same bits.
  fileprivate struct PageRankTerms {
    /// d · x_a.
    let dampedRank: Double
    /// d · x_a / s_a, NaN when a is dangling.
    let scale: Double
    /// Σ_j P_aj z_j.
    let rowMean: Double
    /// s_a.
    let strength: Double

    /// Every node's terms, from the sensitivity's vectors.
    /// - Complexity: O(*n*).
    static func every(_ s: PageRankSensitivity) -> [PageRankTerms] {
      (0 ..< s.rank.count).map { a in
        let dampedRank = s.damping * s.rank[a]
        return PageRankTerms(
          dampedRank: dampedRank, scale: s.outStrength[a] > 0 ? dampedRank / s.outStrength[a] : .nan, rowMean: s.rowMean[a],
          strength: s.outStrength[a])
      }
    }

    /// The derivative of an arc from this node to a node whose adjoint value is `zb`.
    func slope(to zb: Double) -> Double { scale * (zb - rowMean) }

    /// The rank-one numerator of such an arc changed by `delta`; `nil` when the node is, or
    /// would be left, dangling.
    func change(to zb: Double, by delta: Double) -> Double? {
      let remaining = strength + delta
      guard strength > 0, remaining > 0 else { return nil }
      return dampedRank * delta * (zb - rowMean) / remaining
    }
  }

  /// One entry per candidate pair (ordered in a directed world, unordered in an undirected
  /// one) that the lens admits as a new relation of `type` with `weight`.
  fileprivate func candidateEntries(_ run: LeverageRun, among candidates: [Actor.ID], type: String, weight: Double) -> [LeverageEntry] {
    var entries: [LeverageEntry] = []
    for (p, a) in candidates.enumerated() {
      for (q, b) in candidates.enumerated() where a != b && (directed || p < q) {
        guard let u = index(of: a), let v = index(of: b) else { continue }
        let r = relation(from: a, to: b, type: type, weight: weight)
        guard run.lens.admits(r) else { continue }
        // An undirected candidate is two arcs. Under max an arc rises only to the candidate's
        // weight (0.5 beside a tie of 0.4 moves it by 0.1; beside 0.6, not at all). PageRank
        // takes each arc's rank-one numerator, derivative × Δw × s/(s + Δw), as the help says.
        var arcs = [(u, v)]
        if !directed { arcs.append((v, u)) }
        var derivative: Double? = 0
        var estimate: Double? = 0
        for (x, y) in arcs {
          let rise = run.lens.combine == .max ? Swift.max(0, weight - abs(run.graph.weight(from: x, to: y) ?? 0)) : weight
          guard let d = run.slope?(x, y), let sum = derivative, let total = estimate else {
            derivative = nil
            estimate = nil
            break
          }
          derivative = sum + (rise > 0 ? d : 0)
          estimate = total + (run.pageRank?.change(from: x, to: y, by: rise) ?? d * rise)
        }
        var entry = LeverageEntry(candidate: r)
        entry.derivative = derivative
        entry.estimate = estimate
        entries.append(entry)
      }
    }
    return entries
  }

  /// Confirms the top estimates, every entry without one, every jump whose bound reaches the
  /// smallest confirmed estimate, and all of them without a closed form; then, since an
  /// estimate is first order, further batches by estimate while a batch still enters the
  /// top `recompute` exact changes.
  fileprivate func confirmBest(_ entries: inout [LeverageEntry], _ run: LeverageRun, recompute: Int) throws {
    var confirm: [Int]
    if run.slope == nil {
      confirm = Array(entries.indices)
    } else {
      confirm = Self.largest(recompute, count: entries.count) { abs(entries[$0].estimate ?? 0) }
      let threshold = confirm.last.map { abs(entries[$0].estimate ?? 0) } ?? .infinity
      // Only a jump has a bound; a slope entry without one is never pulled in by it (with every
      // estimate 0, "bound ?? 0 >= 0" recomputed all 100,000 parallel ties of one pair).
      confirm += entries.indices.filter { entries[$0].estimate == nil || entries[$0].bound.map { $0 >= threshold } ?? false }
    }
    try confirmExactly(Set(confirm).sorted(), in: &entries, run)
    // An estimate is first order: a relation estimated below the top can change more. Keep
    // confirming the next best estimates, a batch of `recompute` at a time, while the last
    // batch still put an entry into the top `recompute` exact changes (at most 20 batches).
    guard run.slope != nil && recompute > 0 else { return }
    for _ in 0 ..< 20 {
      let exactTop = entries.compactMap(\.exact).map(abs).sorted(by: >)
      guard exactTop.count >= recompute else { break }
      let floor = exactTop[recompute - 1]
      let next = Self.largest(recompute, count: entries.count) { entries[$0].exact == nil ? abs(entries[$0].estimate ?? 0) : -1 }.filter { entries[$0].exact == nil }
      guard !next.isEmpty else { break }
      try confirmExactly(next.sorted(), in: &entries, run)
      guard next.contains(where: { abs(entries[$0].exact ?? 0) > floor }) else { break }
    }
  }

  /// Recomputes the target exactly for the entries at `indices` (each an independent full
  /// computation, spread over the cores in work units, or on this thread below
  /// ``serialConfirmation`` relations × entries, and written back by entry, so the report
  /// does not depend on the core count).
  ///
  /// Past `deadline` the remaining entries are left unconfirmed and `stopped` is set.
  fileprivate func confirmExactly(_ indices: [Int], in entries: inout [LeverageEntry], _ run: LeverageRun) throws {
    guard !indices.isEmpty else { return }
    let finished = ChunkSlots<Int>(count: 1)
    finished.set(0, 0)
    let frozen = entries
    // Each recomputation builds and solves the world's graph again. On a small world that
    // takes microseconds, less than handing the items to other threads costs (a third of
    // the seed's confirmations was the hand-off, beside an explorer's maps drawing on the
    // other core): below ``serialConfirmation`` relations in all they run on this thread.
    let threads = relations.count * indices.count < Self.serialConfirmation ? 1 : WorkUnits.workerLimit
    let values = try WorkUnits.$workerLimit.withValue(threads) { try confirmValues(indices, frozen, run, finished) }
    for (k, i) in indices.enumerated() where !values[k].isNaN { entries[i].exact = values[k] }
  }

  /// Below this many relations times confirmations, ``confirmExactly(_:in:_:)`` recomputes
  /// on the calling thread.
  static let serialConfirmation = 10_000

  /// The exact change of each entry at `indices` of `frozen` (NaN past the deadline).
  fileprivate func confirmValues(_ indices: [Int], _ frozen: [LeverageEntry], _ run: LeverageRun, _ finished: ChunkSlots<Int>) throws -> [Double] {
    let (target, change, lens, settings, baseline) = (run.target, run.change, run.lens, run.settings, run.baseline)
    let (deadline, stopped, progress) = (run.deadline, run.stopped, run.progress)
    let base = self
    return try WorkUnits.map(indices.count) { k -> Double in
      if let deadline, ContinuousClock.now > deadline {
        stopped.set(0, true)
        return .nan  // left unconfirmed
      }
      var edited = base
      let e = frozen[indices[k]]
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
      progress?(done, indices.count)
      return value
    }
  }

  /// The indices `i` in `0 ..< count` of the `k` largest `value(i)` (ties: lower index), largest first; O(count · k).
  static func largest(_ k: Int, count: Int, of value: (Int) -> Double) -> [Int] {
    var best: [Int] = []
    guard k > 0 else { return best }
    var values: [Double] = []  // the values of `best`, in its order
    for i in 0 ..< count {
      let x = value(i)
      if best.count == k, let last = values.last, last >= x { continue }
      var at = best.count
      while at > 0 && values[at - 1] < x { at -= 1 }
      best.insert(i, at: at)
      values.insert(x, at: at)
      if values.count > k { values.removeLast() }
      if best.count > k { best.removeLast() }
    }
    return best
  }

  /// The target's value on this world, computed from scratch.
  /// - Complexity: one projection and one full computation of the target.
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

  /// ``value(of:lens:settings:)`` started from an earlier solution of a nearby world (`start`:
  /// its PageRank vector, or the influence target's row; a sweep's last step), with this
  /// world's solution to start the next from. The same value to the solver's tolerance in
  /// fewer sweeps (the hard-problems issue's edits answered incrementally); other targets are
  /// solved as ``value(of:lens:settings:)`` does, with no solution.
  /// - Complexity: one projection and one solve, started warm.
  func value(
    of target: LeverageTarget, lens: Lens, settings: Measure.Settings, start: [Double]?
  ) throws -> (value: Double, solution: [Double]?) {
    switch target {
    case let .score(.pagerank, actor):
      let ranks = try through(lens).pageRank(damping: settings.damping, tolerance: 1e-15, maxIterations: 100_000, start: start)
      return (ranks[try requireIndex(of: actor)], ranks)
    case let .influence(pair, model) where model != .walk:
      let row = try influence(.over(pair.target), on: through(lens.seeing(model)), model: model, start: start.map { scores($0) })
      return (try members(of: pair.source).reduce(0) { $0 + row.values[$1] }, row.values)
    default:
      return (try value(of: target, lens: lens, settings: settings), nil)
    }
  }
}

/// What one leverage run fixes before any entry is scored: the target seen through its lens,
/// its digraph (and, under max, the relations behind each arc), the closed form when the
/// target has one, the baseline value, and the time limit's state.
private struct LeverageRun {
  let target: LeverageTarget
  let change: LeverageChange
  let lens: Lens
  let settings: Measure.Settings
  let projection: Projection?
  let graph: Digraph
  /// The derivative of the target by the weight of arc (u, v), when it has a closed form.
  let slope: (@Sendable (Int, Int) -> Double?)?
  let pageRank: PageRankSensitivity?
  let baseline: Double
  let deadline: ContinuousClock.Instant?
  /// Set when the deadline passed with entries left unconfirmed.
  let stopped: ChunkSlots<Bool>
  let progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?

  /// Whether a relation's jump is judged at its source (a PageRank score: out-arcs) or its
  /// target (influence: in-arcs).
  var outward: Bool { if case .score = target { true } else { false } }
}

