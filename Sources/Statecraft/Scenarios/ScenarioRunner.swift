/// The answers to a ``Questions`` on one world.
public struct Answers: Sendable {
  /// One result per question measure, in question order.
  public var measures: [(measure: Measure, scores: NodeScores)]
  /// One value per influence pair, in question order; NaN when the world lacks either actor
  /// (a scenario removed it).
  public var influence: [Double]
  /// The best path per path question (`nil`: unreachable), in question order.
  public var paths: [ExplainedPath?]
  /// Structural balance, when asked.
  public var balance: BalanceReport?
  /// Louvain communities, when asked.
  public var communities: Partition?
  /// One knock-out per knock-out question (`nil` when the world lacks an actor it names).
  public var knockOuts: [KnockOut?] = []
}

/// How one scenario's answers differ from the baseline's.
public struct ScenarioDiff: Sendable {
  /// A path question's answer before and after.
  public struct PathChange: Sendable {
    /// The path question.
    public var question: PathQuestion
    /// The best path on the baseline (`nil`: none).
    public var before: ExplainedPath?
    /// The best path in the scenario (`nil`: none).
    public var after: ExplainedPath?
    /// Whether the route (its actors) or its value changed.
    public var changed: Bool
  }

  /// Structural balance before and after, and the triangles that changed state.
  public struct BalanceChange: Sendable {
    /// Balance on the baseline.
    public var before: BalanceReport
    /// Balance in the scenario.
    public var after: BalanceReport
    /// Triangles unbalanced after but not before (each as three actor IDs).
    public var becameUnbalanced: [[Actor.ID]]
    /// Triangles unbalanced before but not after (balanced now, or gone).
    public var becameBalanced: [[Actor.ID]]
  }

  /// A community move: the actor, its baseline community and its community now.
  public struct CommunityMove: Sendable {
    /// The actor that moved.
    public var actor: Actor.ID
    /// The members of its baseline community.
    public var from: [Actor.ID]
    /// The members of its community in the scenario.
    public var to: [Actor.ID]
  }

  /// The scenario, its edits flattened through `extends`.
  public var scenario: Scenario
  /// Per question measure: every actor's change, biggest first (see ``NodeScores/changes(to:)``).
  public var measures: [(measure: Measure, changes: [ScoreChange])]
  /// Per influence pair: (pair, before, after).
  public var influence: [(pair: InfluencePair, before: Double, after: Double)]
  /// Per path question: the best path before and after.
  public var paths: [PathChange]
  /// Structural balance before and after, when asked.
  public var balance: BalanceChange?
  /// Communities before and after and who moved, when asked.
  public var communities: (before: Partition, after: Partition, moves: [CommunityMove])?
  /// Per knock-out question: the knock-out before and after (`nil` where an actor is missing).
  public var knockOuts: [(target: LeverageTarget, before: KnockOut?, after: KnockOut?)] = []
}

/// The baseline's answers and every scenario's diff against them.
public struct ScenarioComparison: Sendable {
  /// The questions asked.
  public var questions: Questions
  /// The answers on the unedited world.
  public var baseline: Answers
  /// One diff per scenario, in the order run.
  public var scenarios: [ScenarioDiff]
  /// The edited world of each scenario, in order (for delta maps).
  public var worlds: [World]
}

/// Runs scenarios against a base world and compares every answer with the baseline.
///
///     let runner = ScenarioRunner(questions: Questions(measures: [.pagerank]))
///     let comparison = try runner.compare(world, [deal])
///     comparison.scenarios[0].measures[0].changes.first  // the biggest mover
///
/// The base world never changes: each scenario is applied to a copy. Scenarios are
/// independent of each other; the same inputs give the same comparison, byte for byte.
public struct ScenarioRunner: Sendable {
  /// The questions asked.
  public var questions: Questions

  /// A runner that asks `questions` of the baseline and of every scenario.
  public init(questions: Questions) { self.questions = questions }

  /// Answers the questions on one world, with the lens date overridden when given.
  public func answers(_ world: World, date: PartialDate? = nil) throws -> Answers {
    var lens = questions.lens
    if let date { lens.date = date }
    let g = try world.through(lens)
    var result = Answers(measures: [], influence: [], paths: [], balance: nil, communities: nil)
    for m in questions.measures {
      result.measures.append((m, world.scores(try m.compute(on: g, settings: questions.settings))))
    }
    // Influence sees the world as its model does (``Lens/seeing(_:)``): no hostile ties for fj.
    let heed = questions.influence.isEmpty ? g : try world.through(lens.seeing(questions.model))
    for pair in questions.influence {
      // An actor (or a group member) the scenario removed has no value.
      guard (try? world.members(of: pair.source)) != nil, (try? world.members(of: pair.target)) != nil else {
        result.influence.append(.nan)
        continue
      }
      result.influence.append(try world.influence(of: pair.source, over: pair.target, on: heed, model: questions.model))
    }
    for q in questions.paths {
      guard world.index(of: q.from) != nil, world.index(of: q.to) != nil else {
        result.paths.append(nil)
        continue
      }
      result.paths.append(try world.paths(
        from: q.from, to: q.to, kind: q.kind, lens: lens, direction: q.direction).first)
    }
    if questions.balance { result.balance = try world.balance(lens: lens) }
    if questions.communities { result.communities = try world.communities(lens: lens, seed: questions.communitySeed) }
    for target in questions.knockOut {
      result.knockOuts.append(try? world.knockOut(target, lens: lens, settings: questions.settings))
    }
    return result
  }

  /// Runs every scenario and compares it with the baseline.
  public func compare(_ world: World, _ scenarios: [Scenario]) throws -> ScenarioComparison {
    let baseline = try answers(world)
    var diffs: [ScenarioDiff] = []
    var worlds: [World] = []
    // A scenario that extends the previous one starts with its edits: continue from its
    // world (a chain of 5,000 `extends:` re-applied 12.5 million edits).
    var previous: (edits: [Edit], world: World)?
    for scenario in scenarios {
      let edited: World
      if let p = previous, p.edits.count <= scenario.edits.count, scenario.edits[..<p.edits.count].elementsEqual(p.edits) {
        edited = try Scenario(name: scenario.name, edits: Array(scenario.edits[p.edits.count...])).applied(to: p.world)
      } else {
        edited = try scenario.applied(to: world)
      }
      previous = (scenario.edits, edited)
      let after = try answers(edited, date: scenario.date)
      diffs.append(diff(scenario, baseline, after))
      worlds.append(edited)
    }
    return ScenarioComparison(questions: questions, baseline: baseline, scenarios: diffs, worlds: worlds)
  }

  func diff(_ scenario: Scenario, _ before: Answers, _ after: Answers) -> ScenarioDiff {
    let measures = zip(before.measures, after.measures).map { ($0.measure, $0.scores.changes(to: $1.scores)) }
    let influence = zip(questions.influence, zip(before.influence, after.influence)).map { ($0, $1.0, $1.1) }
    let paths = zip(questions.paths, zip(before.paths, after.paths)).map { q, pair in
      let (b, a) = pair
      let changed = b?.actors != a?.actors || b?.value != a?.value
      return ScenarioDiff.PathChange(question: q, before: b, after: a, changed: changed)
    }
    var balance: ScenarioDiff.BalanceChange?
    if let b = before.balance, let a = after.balance {
      func keys(_ r: BalanceReport) -> [[Actor.ID]] { r.unbalancedTriangles.map { $0.sorted() } }
      let old = Set(keys(b))
      let new = Set(keys(a))
      balance = .init(
        before: b, after: a, becameUnbalanced: keys(a).filter { !old.contains($0) },
        becameBalanced: keys(b).filter { !new.contains($0) })
    }
    var communities: (Partition, Partition, [ScenarioDiff.CommunityMove])?
    if let b = before.communities, let a = after.communities {
      communities = (b, a, b.moves(to: a).map { .init(actor: $0.actor, from: $0.from, to: $0.to) })
    }
    var diff = ScenarioDiff(
      scenario: scenario, measures: measures, influence: influence, paths: paths, balance: balance,
      communities: communities)
    diff.knockOuts = zip(questions.knockOut, zip(before.knockOuts, after.knockOuts)).map { ($0, $1.0, $1.1) }
    return diff
  }
}
