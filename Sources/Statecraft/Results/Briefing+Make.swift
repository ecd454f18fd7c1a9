import Foundation

extension Briefing {
  /// What a briefing looks at and asks.
  public struct Request: Sendable {
    /// The file the world came from, as the reader should see it named, and its bytes (hashed).
    public var file: String
    /// The world file's bytes, for the SHA-256 in the header.
    public var fileBytes: [UInt8]
    /// The SHA-256 of ``fileBytes`` in hex, when the caller has it already (the explorer
    /// hashes its world file once, not on every answer); `nil`: hashed here.
    public var fileSHA256: String?
    /// The lens every number is computed through.
    public var lens: Lens
    /// Questions from a scenario file; `nil`: the briefing chooses (and says what it chose).
    public var questions: Questions?
    /// The attribute that groups actors for brokerage and map boxes; `nil`: `bloc` when
    /// actors carry it.
    public var groupAttribute: String?
    /// Monte Carlo samples over weight ranges, and their seed.
    public var samples: Int = 500
    /// The seed of the Monte Carlo samples.
    public var seed: UInt64 = 0
    /// Whether actor knock-outs are computed beside each influence question (one full
    /// recomputation per actor; the explorer turns them off to answer quickly).
    public var knockOut = true
    /// Measures left for a second pass: their columns are marked pending and carry no
    /// values (the explorer answers an edit on a big world without its all-pairs measures,
    /// then sends them).
    public var deferred: Set<Measure> = []
    /// How many of each leverage table's top rows are confirmed by exact recomputation (the
    /// explorer's first answer on a big world confirms none; its second confirms them).
    public var leverageRecompute = 8
    /// Whether the leverage tables are left pending (questions and values only; rows in a
    /// second answer): confirming them is a quarter of an explorer answer on a big world,
    /// and rows ranked by estimates alone would mislead.
    public var leverageDeferred = false
    /// Whether only the parts the explorer's quick answer shows are computed (who matters,
    /// paths, balance, communities, influence, findings): the relation rows, uncertainty,
    /// brokerage and timeline are left empty.
    public var essentialsOnly = false
    /// An earlier PageRank of this world (before the edit being answered): the iteration
    /// starts from it (``World/scores(_:lens:settings:start:)``), the same answer to the
    /// tolerance in fewer sweeps. Not bit for bit the cold start's: the explorer leaves it off
    /// so that its numbers equal `statecraft scenario`'s for the same edits.
    public var pageRankStart: NodeScores?
    /// Earlier influence answers by target (``SolvedState/influence``): each Friedkin–Johnsen
    /// solve starts from its target's, the same answer to the solve's tolerance in fewer sweeps.
    public var influenceStart: [Actor.ID: NodeScores] = [:]
    /// An earlier betweenness of this world (``SolvedState/betweenness``): betweenness is
    /// updated from it, recomputing only the sources the edits since can affect
    /// (``Digraph/betweennessSums(updating:limit:)``), the same scores up to rounding.
    /// Betweenness ``deferred`` is answered this way too when at most
    /// ``allPairsUpdateLimit`` sources are affected.
    public var betweennessStart: BetweennessSums?
    /// An earlier closeness of this world (``SolvedState/closeness``), updated as
    /// ``betweennessStart`` is (``Digraph/closenessSums(updating:limit:)``).
    public var closenessStart: ClosenessSums?
    /// How many affected sources a deferred betweenness or closeness may recompute from its
    /// start and still be answered (the explorer's time budget for a quick answer).
    public var allPairsUpdateLimit = 0

    /// A request for one world file seen through `lens`.
    public init(file: String, fileBytes: [UInt8], lens: Lens = Lens(), questions: Questions? = nil) {
      self.file = file
      self.fileBytes = fileBytes
      self.lens = lens
      self.questions = questions
    }
  }

  /// The measures every briefing tabulates, after those a scenario file asks for.
  public static let defaultMeasures: [Measure] = [.pagerank, .betweenness, .closeness, .inStrength, .outStrength]

  /// Computes every section of a briefing.
  ///
  /// - Parameters:
  ///   - world: The world the briefing is about.
  ///   - request: What to ask and how (lens, questions, samples, knock-outs).
  ///   - comparison: The scenario runs to report (``ScenarioRunner/compare(_:_:)`` with the
  ///     same questions); `nil` for a briefing without scenarios.
  /// - Complexity: One run of each measure (betweenness and closeness dominate: O(nm + n² log n)),
  ///   one balance analysis, one Louvain run, one influence solve per target and `samples`
  ///   PageRanks when relations carry weight ranges.
  public static func make(world: World, request: Request, comparison: ScenarioComparison? = nil) throws -> Briefing {
    try solve(world: world, request: request, comparison: comparison).briefing
  }

  /// The full answers behind a briefing that the next one, after an edit, can start from
  /// (``Request/pageRankStart``, ``Request/influenceStart``): the briefing keeps only the top
  /// rows of each.
  public struct SolvedState: Sendable {
    /// PageRank of every actor (`nil` when it was left pending or failed).
    public var pageRank: NodeScores?
    /// Each influence target's full row of shares.
    public var influence: [Actor.ID: NodeScores]
    /// Betweenness as sums an edit can update (`nil` when it was left pending or failed).
    public var betweenness: BetweennessSums?
    /// Closeness as sums an edit can update (`nil` when it was left pending or failed).
    public var closeness: ClosenessSums?
  }

  /// ``make(world:request:comparison:)`` with the full answers it solved, to warm-start the
  /// briefing of the next state (the explorer's quick answers).
  /// - Complexity: as ``make(world:request:comparison:)``.
  public static func solve(
    world: World, request: Request, comparison: ScenarioComparison? = nil
  ) throws -> (briefing: Briefing, solved: SolvedState) {
    let lens = request.lens
    let g = try world.through(lens)
    let admitted = try world.relations(through: lens)
    var choices: [String] = []

    // Balance on another thread, while who matters, influence and communities are solved on
    // this one (none needs another; paths and the actor rows need them all).
    let ((columns, scores, allPairs, pagerank, influence, rows, partition), balanceReport) = try WorkUnits.together {
      // Who matters.
      let (columns, scores, allPairs) = measureColumns(world, graph: g, request: request, choices: &choices)
      let pagerank = scores.first.map { _ in scores[columns.firstIndex { $0.name == Measure.pagerank.rawValue } ?? 0] }
      // Influence questions: from the scenario file, else chosen here.
      let (influence, rows) = try influenceAnswers(world, lens: lens, request: request, pagerank: pagerank, choices: &choices)
      let partition = try world.communities(lens: lens, seed: request.questions?.communitySeed ?? 0)
      return (columns, scores, allPairs, pagerank, influence, rows, partition)
    } _: {
      g.edgeCount > 0 ? try world.balance(lens: lens) : nil
    }

    let actors = actorRows(world, scores: scores, columns: columns, camps: balanceReport, partition: partition)
    let influencePairs = request.questions?.influence ?? []
    let model = request.questions?.model ?? .fj
    let paths = try pathAnswers(world, lens: lens, request: request, pagerank: pagerank, balance: balanceReport, choices: &choices)

    var briefing = Briefing(
      header: Header(
        name: world.name, title: world.title, description: world.description, worldDate: world.date?.description,
        file: request.file, sha256: request.fileSHA256 ?? SHA256.hex(request.fileBytes), actors: world.actors.count,
        relations: admitted.count, directed: world.directed, lens: LensStatement(lens)),
      findings: [], choices: choices, measures: columns, actors: actors,
      relations: request.essentialsOnly ? [] : try admittedRows(world, lens: lens),
      uncertainty: request.essentialsOnly ? nil : try uncertaintyTable(world, lens: lens, samples: request.samples, seed: request.seed),
      paths: paths, balance: balanceReport.map(balanceSection),
      brokerage: request.essentialsOnly ? nil : try brokerageTable(world, lens: lens, attribute: request.groupAttribute),
      communities: CommunitySection(members: partition.members.map { $0.map(\.rawValue) }, modularity: partition.modularity),
      influence: influence,
      leverage: try leverageSections(
        world, lens: lens, pairs: influencePairs.isEmpty ? chosenPairs(influence) : influencePairs, model: model,
        knockOut: request.knockOut, recompute: request.leverageRecompute, deferred: request.leverageDeferred),
      timeline: request.essentialsOnly ? nil : try timelineSection(world, lens: lens),
      scenarios: comparison.map { scenarioSections($0, in: world) } ?? [],
      sources: sourceNotes(world), types: world.types.map(\.id), months: months(world))
    briefing.findings = BriefingFindings(briefing: briefing).all()
    return (briefing, SolvedState(pageRank: pagerank, influence: rows, betweenness: allPairs.betweenness, closeness: allPairs.closeness))
  }

  /// The briefing's measure columns and scores: the default measures plus those asked for;
  /// deferred ones as pending (NaN), failed ones left out with the reason in `choices`; and
  /// betweenness and closeness as sums the next answer can update.
  static func measureColumns(
    _ world: World, graph g: Digraph, request: Request, choices: inout [String]
  ) -> (columns: [MeasureColumn], scores: [NodeScores], allPairs: (betweenness: BetweennessSums?, closeness: ClosenessSums?)) {
    var measureList = request.questions?.measures ?? []
    for m in defaultMeasures where !measureList.contains(m) { measureList.append(m) }
    var columns: [MeasureColumn] = []
    var scores: [NodeScores] = []
    let settings = request.questions?.settings ?? .init()
    let betweenness = (try? betweennessSums(graph: g, request: request, settings: settings)) ?? nil
    let closeness = (try? closenessSums(graph: g, request: request, settings: settings)) ?? nil
    for m in measureList {
      let kept = m == .betweenness ? betweenness?.scores(normalized: settings.normalized) : m == .closeness ? closeness?.closeness() : nil
      if let kept {
        scores.append(world.scores(kept))
        columns.append(MeasureColumn(name: m.rawValue, networkX: m.networkXCall))
        continue
      }
      if request.deferred.contains(m) {
        scores.append(world.scores(Array(repeating: .nan, count: world.actors.count)))
        columns.append(MeasureColumn(name: m.rawValue, networkX: m.networkXCall, pending: true))
        continue
      }
      do {
        let start = m == .pagerank ? request.pageRankStart.flatMap(world.startVector) : nil
        scores.append(world.scores(try m.compute(on: g, settings: settings, start: start)))
        columns.append(MeasureColumn(name: m.rawValue, networkX: m.networkXCall))
      } catch {
        choices.append("\(m.rawValue) is left out: \(error)")
      }
    }
    return (columns, scores, (betweenness, closeness))
  }

  /// Betweenness as updatable sums: updated from ``Request/betweennessStart`` when it has
  /// the same settings (within ``Request/allPairsUpdateLimit`` affected sources when
  /// deferred), else computed in full unless deferred; `nil` when deferred and not updated.
  /// Throws what betweenness throws (a negative strength), which leaves the column to
  /// ``Measure/compute(on:settings:start:)`` and its message.
  static func betweennessSums(graph g: Digraph, request: Request, settings: Measure.Settings) throws -> BetweennessSums? {
    let deferred = request.deferred.contains(.betweenness)
    if let start = request.betweennessStart, start.length == settings.length, start.endpoints == settings.endpoints,
       let updated = try g.betweennessSums(updating: start, limit: deferred ? request.allPairsUpdateLimit : nil) {
      return updated
    }
    return deferred ? nil : try g.betweennessSums(length: settings.length, endpoints: settings.endpoints)
  }

  /// Closeness as updatable sums, as ``betweennessSums(graph:request:settings:)`` does for
  /// betweenness (from ``Request/closenessStart``).
  static func closenessSums(graph g: Digraph, request: Request, settings: Measure.Settings) throws -> ClosenessSums? {
    let deferred = request.deferred.contains(.closeness)
    if let start = request.closenessStart, start.length == settings.length,
       let updated = try g.closenessSums(updating: start, limit: deferred ? request.allPairsUpdateLimit : nil) {
      return updated
    }
    return deferred ? nil : try g.closenessSums(length: settings.length)
  }

  /// One row per actor: attributes, scores and ranks per column, balance camp, community.
  static func actorRows(
    _ world: World, scores: [NodeScores], columns: [MeasureColumn], camps balance: BalanceReport?, partition: Partition
  ) -> [ActorRow] {
    let ranks = scores.indices.map { k in columns[k].pending ? Array(repeating: 0, count: world.actors.count) : scores[k].ranks() }
    let campOf = balance.map { report in
      var camp: [Actor.ID: Int] = [:]
      for (c, members) in report.camps.enumerated() { for a in members { camp[a] = c } }
      return camp
    }
    return world.actors.enumerated().map { i, a in
      ActorRow(
        id: a.id.rawValue, name: a.name, kind: a.kind.rawValue,
        attributes: a.attributes.keys.sorted().map { [$0, a.attributes[$0]!] },
        scores: scores.map { $0.values[i].isFinite ? $0.values[i] : nil }, ranks: ranks.map { $0[i] },
        camp: campOf?[a.id], community: partition.labels[i])
    }
  }

  /// Influence over each target (those the scenario file asks about, else the top three by
  /// PageRank, said in `choices`), one share table per target.
  static func influenceAnswers(
    _ world: World, lens: Lens, request: Request, pagerank: NodeScores?, choices: inout [String]
  ) throws -> (answers: [InfluenceAnswer], rows: [Actor.ID: NodeScores]) {
    var targets = request.questions?.influenceTargets ?? []
    if request.questions == nil, let pagerank {
      targets = pagerank.top(min(3, world.actors.count)).map(\.actor)
      if !targets.isEmpty {
        choices.append("Influence over \(targets.map(\.rawValue).joined(separator: ", ")): the \(targets.count == 1 ? "actor" : "\(targets.count) actors") with the highest PageRank.")
      }
    }
    let model = request.questions?.model ?? .fj
    var influence: [InfluenceAnswer] = []
    var full: [Actor.ID: NodeScores] = [:]
    let heed = try world.through(lens.seeing(model))
    for t in targets where heed.edgeCount > 0 {
      let shares = try world.influence(.over(t), on: heed, model: model, start: request.influenceStart[t])
      full[t] = shares
      let rows = shares.top(min(8, world.actors.count)).filter { $0.score > 0 }.map { InfluenceAnswer.Share(actor: $0.actor.rawValue, share: $0.score) }
      influence.append(InfluenceAnswer(target: t.rawValue, model: model.summary(), rows: rows))
    }
    return (influence, full)
  }

  /// The path questions asked (else the two rivals chosen, said in `choices`), each answered
  /// by its best path under the lens.
  static func pathAnswers(
    _ world: World, lens: Lens, request: Request, pagerank: NodeScores?, balance balanceReport: BalanceReport?,
    choices: inout [String]
  ) throws -> [PathAnswer] {
    var pathQuestions = request.questions?.paths ?? []
    if request.questions == nil, let chosen = chosenRivals(world, pagerank: pagerank, balance: balanceReport) {
      pathQuestions = [PathQuestion(from: chosen.0, to: chosen.1, direction: .either)]
      choices.append("The path from \(chosen.0) to \(chosen.1): \(chosen.2).")
    }
    return try pathQuestions.map { q in
      let found = try world.paths(from: q.from, to: q.to, kind: q.kind, lens: lens, direction: q.direction).first
      return PathAnswer(
        question: q.description, from: q.from.rawValue, to: q.to.rawValue, anyDirection: q.direction == .either,
        valueName: q.kind.valueName(lens.pathLength), path: found.map(PathValue.init))
    }
  }

  /// The two highest-PageRank actors in opposite balance camps (else the two highest overall),
  /// with the reason in words; `nil` for a world of fewer than two actors.
  static func chosenRivals(_ world: World, pagerank: NodeScores?, balance: BalanceReport?) -> (Actor.ID, Actor.ID, String)? {
    guard let pagerank, world.actors.count >= 2 else { return nil }
    let ranked = pagerank.ranked().map(\.actor)
    if let balance, balance.camps.count == 2, !balance.camps[0].isEmpty, !balance.camps[1].isEmpty {
      let campA = Set(balance.camps[0])
      let first = ranked[0]
      if let rival = ranked.first(where: { campA.contains($0) != campA.contains(first) }) {
        return (first, rival, "the highest-PageRank actor and the highest-PageRank actor in the other balance camp, ties walked either way")
      }
    }
    return (ranked[0], ranked[1], "the two actors with the highest PageRank, ties walked either way")
  }

  /// For each chosen influence target, the pair with its largest outside source.
  static func chosenPairs(_ answers: [InfluenceAnswer]) -> [InfluencePair] {
    answers.compactMap { a in
      a.rows.first { $0.actor != a.target }.map { InfluencePair(source: Actor.ID($0.actor), target: Actor.ID(a.target)) }
    }
  }

  /// Relations whose removal moves each influence question most, the top eight confirmed
  /// exactly; skipped beyond 200,000 relations (each question costs two solves and eight
  /// recomputations).
  static func leverageSections(
    _ world: World, lens: Lens, pairs: [InfluencePair], model: InfluenceModel, knockOut: Bool = true, recompute: Int = 8,
    deferred: Bool = false
  ) throws -> [LeverageSection] {
    guard world.relations.count <= 200_000 else { return [] }
    if deferred {
      return pairs.compactMap { pair in
        (try? world.value(of: .influence(pair, model), lens: lens)).map {
          LeverageSection(question: pair.description, baseline: $0, rows: [], knockOut: [], pending: true)
        }
      }
    }
    // A question whose edited worlds cannot all be solved (a singular system once a tie is
    // gone) gets no leverage table rather than ending the briefing.
    return pairs.compactMap { pair in try? leverageSection(world, lens: lens, pair: pair, model: model, knockOut: knockOut, recompute: recompute) }
  }

  static func leverageSection(
    _ world: World, lens: Lens, pair: InfluencePair, model: InfluenceModel, knockOut: Bool, recompute: Int = 8
  ) throws -> LeverageSection {
    do {
      let report = try world.leverage(on: .influence(pair, model), change: .remove, lens: lens, recompute: recompute)
      let rows = report.entries.prefix(8).map { e -> LeverageSection.Row in
        let r = e.relation(in: world)
        return .init(relation: report.name(of: e, in: world), tie: "\(r.from)\(r.mutual ? "↔" : "→")\(r.to) \(r.type)", estimate: e.estimate, exact: e.exact)
      }
      let knock = knockOut && world.actors.count <= 500 ? try world.knockOut(.influence(pair, model), lens: lens).rows.prefix(5).map {
        LeverageSection.KnockOutRow(actor: $0.actor.rawValue, after: $0.after, change: $0.change)
      } : []
      return LeverageSection(question: pair.description, baseline: report.baseline, rows: rows, knockOut: knock)
    }
  }

  /// The relations the lens admits, each with its index among the world's relations.
  static func admittedRows(_ world: World, lens: Lens) throws -> [RelationRow] {
    world.relations.indices.compactMap { i in
      let r = world.relations[i]
      guard lens.admits(r) else { return nil }
      var row = RelationRow(r)
      row.index = i
      return row
    }
  }

  /// The first and last month any relation's `since` or `until` names; `nil` when none is dated.
  static func datedSpan(_ world: World) -> (start: PartialDate, end: PartialDate)? {
    var first: PartialDate?, last: PartialDate?
    for i in world.relations.indices {
      let r = world.relations[i]
      for d in [r.since, r.until].compactMap({ $0 }) {
        if first.map({ d.firstDayKey < $0.firstDayKey }) ?? true { first = d }
        if last.map({ d.lastDayKey > $0.lastDayKey }) ?? true { last = d }
      }
    }
    guard let first, let last else { return nil }
    return (PartialDate(validYear: first.year, month: first.month ?? 1), PartialDate(validYear: last.year, month: last.month ?? 12))
  }

  /// Every month of the dated span (at most 600), as `YYYY-MM`.
  static func months(_ world: World) -> [String] {
    guard let (start, end) = datedSpan(world) else { return [] }
    var out: [String] = []
    var m = start.year * 12 + (start.month ?? 1) - 1
    let last = end.year * 12 + (end.month ?? 12) - 1
    while m <= last && out.count < 600 {
      out.append(PartialDate(validYear: m / 12, month: m % 12 + 1).description)
      m += 1
    }
    return out
  }

  /// PageRank from the earliest to the latest date any relation carries, by month (a span
  /// up to three years), quarter (up to ten) or year; `nil` when no relation is dated.
  static func timelineSection(_ world: World, lens: Lens) throws -> TimelineSection? {
    guard let (start, end) = datedSpan(world), lens.date == nil else { return nil }
    let months = (end.year - start.year) * 12 + (end.month ?? 12) - (start.month ?? 1)
    guard months >= 1 else { return nil }
    let step: TimeStep = months <= 36 ? .month : months <= 120 ? .quarter : .year
    let set = try world.timeline(.pagerank, from: start, to: end, step: step, lens: lens)
    let movers = set.biggestMovers(6).filter { $0.spread > 0 }
    guard !movers.isEmpty else { return nil }
    return TimelineSection(
      measure: Measure.pagerank.rawValue, step: step.rawValue, dates: set.points,
      series: movers.map { .init(actor: $0.name, values: $0.values) })
  }

  static func uncertaintyTable(_ world: World, lens: Lens, samples: Int, seed: UInt64) throws -> UncertaintyTable? {
    let ranged = world.relations.indices.filter { world.relations.weightRange(at: $0) != nil }.count
    guard ranged > 0, samples > 0 else { return nil }
    let u = try world.uncertainty(samples: samples, seed: seed) { try $0.scores(.pagerank, lens: lens) }
    let rows = u.rows.enumerated().map { rank, r in
      UncertaintyTable.Row(
        actor: r.actor.rawValue, nominal: r.nominal, median: r.median, low: r.low, high: r.high, nominalRank: rank + 1,
        rankStability: rank < r.rankCounts.count ? Double(r.rankCounts[rank]) / Double(u.samples) : 0)
    }
    return UncertaintyTable(measure: Measure.pagerank.rawValue, samples: u.samples, seed: u.seed, uncertainRelations: u.uncertainRelations, rows: rows)
  }

  static func balanceSection(_ b: BalanceReport) -> BalanceSection {
    BalanceSection(
      friendlyTies: b.friendlyTies, hostileTies: b.hostileTies, frustration: b.frustration.index,
      exact: b.frustration.isExact, lowerBound: b.frustration.lowerBound, normalizedBalance: b.normalizedBalance,
      triangles: b.triangles.triangles, balancedTriangles: b.triangles.balanced, strictIndex: b.triangles.strictIndex,
      camps: b.camps.map { $0.map(\.rawValue) },
      brokenTies: b.brokenTies.map {
        .init(actors: $0.actors.map(\.rawValue), friendly: $0.friendly, types: BriefingFindings.distinctTypes($0.types).components(separatedBy: ", "))
      },
      unbalancedTriangles: zip(b.unbalancedTriangles, b.unbalancedTriangleSigns).prefix(50).map { $0.map(\.rawValue) + [$1] },
      unbalancedCount: b.unbalancedTriangles.count)
  }

  static func brokerageTable(_ world: World, lens: Lens, attribute requested: String?) throws -> BrokerageTable? {
    let attribute = requested ?? (world.actors.contains { $0.attributes["bloc"] != nil } ? "bloc" : nil)
    guard let attribute else { return nil }
    let result = try world.brokerage(by: attribute, lens: lens)
    let rows = result.order.filter { result.roles[$0].total > 0 }.map { i in
      BrokerageTable.Row(
        actor: world.actors[i].id.rawValue, group: result.groupOf(i), counts: result.roles[i].counts, total: result.roles[i].total)
    }
    return BrokerageTable(attribute: attribute, roles: BrokerageRoles.roleNames, rows: rows)
  }

  static func scenarioSections(_ c: ScenarioComparison, in world: World) -> [ScenarioSection] {
    c.scenarios.map { d in
      var section = ScenarioSection(
        name: d.scenario.name, title: d.scenario.title, edits: d.scenario.edits.map(\.description),
        date: d.scenario.date?.description, sentences: [],
        measures: d.measures.map { m, changes in
          ScenarioSection.MeasureChanges(
            measure: m.rawValue,
            changes: changes.filter { $0.delta != 0 }.map {
              .init(actor: $0.actor.rawValue, before: $0.before, after: $0.after, rankBefore: $0.rankBefore, rankAfter: $0.rankAfter, delta: $0.delta)
            })
        },
        influence: d.influence.map { .init(pair: $0.pair.description, before: $0.before, after: $0.after) },
        paths: d.paths.map {
          .init(
            question: $0.question.description, from: $0.question.from.rawValue, to: $0.question.to.rawValue,
            valueName: $0.question.kind.valueName(c.questions.lens.pathLength),
            before: $0.before.map(PathValue.init), after: $0.after.map(PathValue.init))
        },
        frustrationBefore: d.balance?.before.frustration.index, frustrationAfter: d.balance?.after.frustration.index)
      section.sentences = BriefingFindings.sentences(for: section, in: world)
      return section
    }
  }

  static func sourceNotes(_ world: World) -> [SourceNote] {
    var citing: [String: [Int]] = [:]
    for i in world.relations.indices { if let s = world.relations[i].source { citing[s, default: []].append(i) } }
    return world.sources.compactMap { s in
      guard let list = citing[s.id] else { return nil }
      return SourceNote(
        id: s.id, citation: s.citation, url: s.url,
        relations: list.prefix(50).map { RelationRow(world.relations[$0]).summary }, count: list.count)
    }
  }

  /// The briefing as JSON (``ReportJSON``: keys in declaration order, so the same world
  /// gives the same bytes).
  public func json() throws -> String { try ReportJSON.encode(self) }

  /// The briefing as JSON on one line (``ReportJSON/encode(_:compact:)``), for a page's script.
  public func compactJSON() throws -> String { try ReportJSON.encode(self, compact: true) }
}

extension PathKind {
  /// What a path's value measures, in words (`length (sum of 1/strength)`, `weakest tie`, …).
  public func valueName(_ length: Lens.PathLength) -> String {
    switch self {
    case .shortest:
      switch length {
      case .hops: "hops"
      case .raw: "length (sum of strengths)"
      case .reciprocal: "length (sum of 1/strength)"
      }
    case .widest: "weakest tie"
    case .strongest: "product of strengths ÷ the world's strongest tie"
    }
  }
}
