/// What a scenario run asks of the baseline and of every scenario.
///
///     var q = Questions(measures: [.pagerank, .betweenness])
///     q.influence = [InfluencePair(source: "CHN", target: "PAK")]
///     q.paths = [PathQuestion(from: "USA", to: "BSG", anyDirection: true)]
public struct Questions: Hashable, Sendable {
  /// Per-actor measures to compare.
  public var measures: [Measure]
  /// Settings for those measures (the same as `statecraft rank`'s).
  public var settings: Measure.Settings
  /// Influence of one actor over another.
  public var influence: [InfluencePair]
  /// The targets of ``influence``, each once, in the order first asked.
  public var influenceTargets: [Actor.ID] {
    var targets: [Actor.ID] = []
    for p in influence where !targets.contains(p.target) { targets.append(p.target) }
    return targets
  }
  /// The influence model for ``influence``.
  public var model: InfluenceModel
  /// Best paths to compare.
  public var paths: [PathQuestion]
  /// Whether to compare structural balance.
  public var balance: Bool
  /// Whether to compare Louvain communities, and with which seed.
  public var communities: Bool
  /// The Louvain seed for ``communities``.
  public var communitySeed: UInt64
  /// The lens every question looks through (a scenario's `date` overrides its date).
  public var lens: Lens
  /// Knock-outs to compare: for each target, every actor removed in turn
  /// (``World/knockOut(_:lens:settings:progress:)``), before and after each scenario.
  public var knockOut: [LeverageTarget] = []

  /// Questions; by default PageRank alone through the default lens, and no influence, path,
  /// balance or community question.
  public init(
    measures: [Measure] = [.pagerank], settings: Measure.Settings = .init(),
    influence: [InfluencePair] = [], model: InfluenceModel = .fj, paths: [PathQuestion] = [],
    balance: Bool = false, communities: Bool = false, communitySeed: UInt64 = 0, lens: Lens = Lens()
  ) {
    self.measures = measures
    self.settings = settings
    self.influence = influence
    self.model = model
    self.paths = paths
    self.balance = balance
    self.communities = communities
    self.communitySeed = communitySeed
    self.lens = lens
  }
}

/// "How much does `source` sway `target`": `CHN over PAK` in a scenario file.
public struct InfluencePair: Hashable, Sendable, CustomStringConvertible {
  /// The actor whose sway is measured.
  public var source: Actor.ID
  /// The actor swayed.
  public var target: Actor.ID
  /// How much `source` sways `target`.
  public init(source: Actor.ID, target: Actor.ID) {
    self.source = source
    self.target = target
  }

  /// Parses `SOURCE over TARGET`; either side may be a group (``World/members(of:)``):
  /// `IRN+IRGC over HOU`, `bloc=United States over PAK`.
  public init?(_ text: String) {
    let words = text.split(separator: " ", omittingEmptySubsequences: true)
    let overs = words.indices.filter { words[$0].lowercased() == "over" }
    guard overs.count == 1, let at = overs.first, at > 0, at < words.count - 1 else { return nil }
    self.init(
      source: Actor.ID(words[..<at].joined(separator: " ")), target: Actor.ID(words[(at + 1)...].joined(separator: " ")))
  }

  public var description: String { "\(source) over \(target)" }
}

/// "How does `from` reach `to`": `USA to BSG` in a scenario file.
public struct PathQuestion: Hashable, Sendable, CustomStringConvertible {
  /// Where the path starts.
  public var from: Actor.ID
  /// Where the path ends.
  public var to: Actor.ID
  /// Shortest, widest or strongest.
  public var kind: PathKind
  /// Whether relations may be walked against their direction (`--` in the question).
  public var direction: PathDirection

  /// How `from` reaches `to`; the shortest path along relations unless told otherwise.
  public init(from: Actor.ID, to: Actor.ID, kind: PathKind = .shortest, direction: PathDirection = .along) {
    self.from = from
    self.to = to
    self.kind = kind
    self.direction = direction
  }

  /// Parses `FROM to TO` (along relations) or `FROM -- TO` (either direction).
  public init?(_ text: String) {
    let parts = text.split(separator: " ", omittingEmptySubsequences: true)
    guard parts.count == 3, parts[1].lowercased() == "to" || parts[1] == "--" else { return nil }
    self.init(from: Actor.ID(String(parts[0])), to: Actor.ID(String(parts[2])), direction: parts[1] == "--" ? .either : .along)
  }

  public var description: String { "\(from) \(direction == .either ? "--" : "to") \(to)" }
}
