/// Everything a briefing states about one world, as one value: the header (world, lens,
/// provenance), key findings, who matters, paths, balance, brokerage, communities, influence,
/// what-if results and the sources behind them.
///
/// The value is what `statecraft report` renders to HTML and what `report --format json`
/// prints; nothing in a front end computes a number. Build one with
/// ``make(world:request:comparison:)``:
///
///     let briefing = try Briefing.make(world: world, request: .init(file: "world.yaml", fileBytes: bytes))
///     print(briefing.findings.map(\.text).joined(separator: "\n"))
///
/// Its JSON encoding (``json()``) has sorted keys and no dictionaries iterated in hash order, so
/// the same world gives the same bytes.
public struct Briefing: Encodable, Sendable {
  /// The world and how it was looked at.
  public var header: Header
  /// Short sentences generated from the results, each pointing to the section that proves it.
  public var findings: [Finding]
  /// What the briefing chose to ask when no scenario file said (targets, paths), in words.
  public var choices: [String]
  /// The measures of the "who matters" table, in column order.
  public var measures: [MeasureColumn]
  /// Every actor in file order with its scores, ranks, camp and community.
  public var actors: [ActorRow]
  /// The relations the lens admits, in file order (the actor card lists an actor's ties).
  public var relations: [RelationRow]
  /// PageRank under sampled weights, when some relation has a weight range.
  public var uncertainty: UncertaintyTable?
  /// The path questions and their explained answers.
  public var paths: [PathAnswer]
  /// Structural balance: frustration, camps, ties that break the split, unbalanced triangles.
  public var balance: BalanceSection?
  /// Gould–Fernandez brokerage by an actor attribute, when actors carry it.
  public var brokerage: BrokerageTable?
  /// Louvain communities.
  public var communities: CommunitySection?
  /// Who sways each key actor.
  public var influence: [InfluenceAnswer]
  /// For each influence question, the relations whose removal moves it most.
  public var leverage: [LeverageSection]
  /// How PageRank moved over the world's dated span, when relations carry dates.
  public var timeline: TimelineSection?
  /// One section per scenario, when a scenario file was given.
  public var scenarios: [ScenarioSection]
  /// The sources cited by the relations, each with the relations that cite it.
  public var sources: [SourceNote]
  /// The relation types the world declares (what an edit may use).
  public var types: [String]
  /// The months from the earliest to the latest date a relation carries (empty when none is
  /// dated): the explorer's date slider runs over them.
  public var months: [String]
}

extension Briefing {
  /// The world, its date, the lens and the data's provenance.
  public struct Header: Encodable, Sendable {
    /// The world's short name and title.
    public var name: String, title: String
    /// The world's description, if it has one.
    public var description: String?
    /// The date the world declares (`date:`), if any.
    public var worldDate: String?
    /// The file the world was read from, as given.
    public var file: String
    /// SHA-256 of the file's bytes, in hexadecimal.
    public var sha256: String
    /// Counts as the lens sees them.
    public var actors: Int, relations: Int
    /// Whether relations have a direction.
    public var directed: Bool
    /// The lens every number in the briefing was computed through.
    public var lens: LensStatement
  }

  /// One generated sentence and the section (an HTML anchor) that holds its evidence.
  public struct Finding: Encodable, Sendable, Hashable {
    /// The sentence, with its number.
    public var text: String
    /// The anchor of the section that proves it: `who-matters`, `paths`, `balance`, …
    public var section: String
  }

  /// A measure in the "who matters" table: its name and the NetworkX call it equals.
  public struct MeasureColumn: Encodable, Sendable {
    /// The measure's name, as `rank --measure` takes it.
    public var name: String
    /// The NetworkX call that gives the same numbers.
    public var networkX: String
    /// Whether the values follow in a second answer (``Briefing/Request/deferred``).
    public var pending = false
  }

  /// One actor with its measures (in ``Briefing/measures`` order).
  public struct ActorRow: Encodable, Sendable {
    /// Id, display name and kind.
    public var id: String, name: String, kind: String
    /// Attributes as key/value pairs sorted by key.
    public var attributes: [[String]]
    /// One score per measure; `nil` where a measure has no value.
    public var scores: [Double?]
    /// One rank (1 = highest) per measure.
    public var ranks: [Int]
    /// The balance camp (0 = A, 1 = B), when balance was computed.
    public var camp: Int?
    /// The Louvain community, when communities were computed.
    public var community: Int?
  }

  /// A relation as a reader sees it: ends, type, weight, sign, dates, source, note (the
  /// relation objects of `path --format json` too).
  public struct RelationRow: Encodable, Sendable, Hashable {
    /// Its position among the world's relations (briefing rows only: what an edit names).
    public var index: Int?
    /// The relation's ends, type, weight and sign word (cooperative, hostile, neutral).
    public var from: String, to: String, type: String, weight: Double, sign: String
    /// Whether it binds both ways.
    public var mutual: Bool
    /// Its validity dates, if any.
    public var since: String?, until: String?
    /// The key of the source it cites, and its note.
    public var source: String?, note: String?

    /// The row for one relation.
    public init(_ r: Relation) {
      (from, to, type, weight, sign, mutual) = (r.from.rawValue, r.to.rawValue, r.type, r.weight, r.sign.word, r.mutual)
      (since, until, source, note) = (r.since?.description, r.until?.description, r.source, r.note)
    }

    /// The validity period in words (`since 2023-01`, `2022-04 – 2023-12`), if dated.
    public var period: String? { Relation.period(since: since, until: until) }

    /// The relation in one line: `USA → PAK tariff-threat (0.8, hostile)`.
    public var summary: String {
      "\(from) \(mutual ? "↔" : "→") \(to) \(type) (\(ReportText.jsonNumber(weight)), \(sign))"
    }
  }

  /// A Monte Carlo summary of one measure over the world's weight ranges.
  public struct UncertaintyTable: Encodable, Sendable {
    /// The measure sampled, the number of samples, the seed and how many relations have a range.
    public var measure: String, samples: Int, seed: UInt64, uncertainRelations: Int
    /// One row per actor, by nominal score.
    public var rows: [Row]
    /// An actor's nominal score, median, 90% interval and how often it held its nominal rank.
    public struct Row: Encodable, Sendable {
      /// The actor and its score with the weights at their midpoints.
      public var actor: String, nominal: Double
      /// Median and the 5th–95th percentile interval over the samples.
      public var median: Double, low: Double, high: Double
      /// The nominal rank, and the share of samples in which the actor held it.
      public var nominalRank: Int, rankStability: Double
    }
  }

  /// A path question and its best path (`nil`: none joins the two).
  public struct PathAnswer: Encodable, Sendable {
    /// The question in words (`USA -- BSG`).
    public var question: String
    /// The ends and whether relations may be walked against their direction.
    public var from: String, to: String, anyDirection: Bool
    /// What the path's value measures.
    public var valueName: String
    /// The path found, hop by hop.
    public var path: PathValue?
  }

  /// A path: its actors, value, and per hop the relations behind it.
  public struct PathValue: Encodable, Sendable, Equatable {
    /// The actors along the path, start first.
    public var actors: [String]
    /// The path's value (length, bottleneck or product, by kind).
    public var value: Double
    /// Each hop with the relations that make it.
    public var hops: [Hop]
    /// One step and its relations.
    public struct Hop: Encodable, Sendable, Equatable {
      /// The hop's ends.
      public var from: String, to: String
      /// The relations joining them.
      public var relations: [RelationRow]
    }

    /// The value of a found path.
    public init(_ p: ExplainedPath) {
      actors = p.actors.map(\.rawValue)
      value = p.value
      hops = p.hops.map { h in Hop(from: h.from.rawValue, to: h.to.rawValue, relations: h.relations.map(RelationRow.init)) }
    }
  }

  /// Structural balance in a reader's terms.
  public struct BalanceSection: Encodable, Sendable {
    /// Signed ties after merging directions and parallel relations.
    public var friendlyTies: Int, hostileTies: Int
    /// The frustration index (ties to flip for two clean camps), whether it is proven, and its lower bound.
    public var frustration: Int, exact: Bool, lowerBound: Int
    /// 1 − frustration / ties.
    public var normalizedBalance: Double
    /// Triangle counts and the strict balance index.
    public var triangles: Int, balancedTriangles: Int, strictIndex: Double
    /// The two camps of the best split, as actor ids.
    public var camps: [[String]]
    /// Ties that break the split: friendly across camps, hostile inside one.
    public var brokenTies: [BrokenTie]
    /// Up to 50 unbalanced triangles with their signs, and how many there are in all.
    public var unbalancedTriangles: [[String]], unbalancedCount: Int
    /// A tie the best split does not honour.
    public struct BrokenTie: Encodable, Sendable {
      /// The pair, whether the tie is friendly (then it crosses camps) and its relation types.
      public var actors: [String], friendly: Bool, types: [String]
    }
  }

  /// Brokerage roles per actor, groups from one attribute.
  public struct BrokerageTable: Encodable, Sendable {
    /// The attribute that forms the groups, and the role names in column order.
    public var attribute: String, roles: [String]
    /// Actors with at least one brokerage role, most roles first.
    public var rows: [Row]
    /// One actor's role counts.
    public struct Row: Encodable, Sendable {
      /// The actor, its group and one count per role, then the total.
      public var actor: String, group: String, counts: [Int], total: Int
    }
  }

  /// Louvain communities and their modularity.
  public struct CommunitySection: Encodable, Sendable {
    /// The members of each community, as actor ids.
    public var members: [[String]]
    /// Modularity of the partition (ties as undirected).
    public var modularity: Double
  }

  /// Who sways one actor: each actor's share of the target's settled stance.
  public struct InfluenceAnswer: Encodable, Sendable {
    /// The target and the model in words.
    public var target: String, model: String
    /// The largest shares first (the target's own share included, marked by id).
    public var rows: [Share]
    /// One actor's share.
    public struct Share: Encodable, Sendable {
      /// The actor and its share.
      public var actor: String, share: Double
    }
  }

  /// The relations whose removal moves one influence question most (``World/leverage(on:change:lens:settings:candidates:candidateType:candidateWeight:recompute:timeLimit:progress:)``).
  public struct LeverageSection: Encodable, Sendable {
    /// The question (`CHN over PAK`) and its value now.
    public var question: String, baseline: Double
    /// The top relations, best estimate first, each confirmed by recomputation.
    public var rows: [Row]
    /// The actors whose removal moves the question most (exact; worlds of at most 500 actors).
    public var knockOut: [KnockOutRow]
    /// Whether the rows follow in a second answer (``Briefing/Request/leverageDeferred``):
    /// `rows` and `knockOut` are empty until then.
    public var pending = false
    /// One removed actor and the question's value without it.
    public struct KnockOutRow: Encodable, Sendable {
      /// The actor, the value without it and the change.
      public var actor: String, after: Double, change: Double
    }
    /// One relation: its name, the tie in words, the estimated and the exact change.
    public struct Row: Encodable, Sendable {
      /// The relation's id or key, and the tie (`USA→PAK tariff-threat`).
      public var relation: String, tie: String
      /// The change estimated from one adjoint solve, and the change recomputed exactly.
      public var estimate: Double?, exact: Double?
    }
  }

  /// A measure over the dates the world's relations span, for the actors that moved most.
  public struct TimelineSection: Encodable, Sendable {
    /// The measure, the step between dates and the dates.
    public var measure: String, step: String, dates: [String]
    /// The actors that moved most (largest max − min), with one value per date.
    public var series: [Series]
    /// One actor's values over the dates.
    public struct Series: Encodable, Sendable {
      /// The actor and its values.
      public var actor: String, values: [Double]
    }
  }

  /// One scenario: its edits, what changed, and sentences that say so.
  public struct ScenarioSection: Encodable, Sendable {
    /// The scenario's name and title.
    public var name: String, title: String?
    /// The edits in words.
    public var edits: [String]
    /// The lens date the scenario sets, if any.
    public var date: String?
    /// Generated sentences about the largest changes.
    public var sentences: [String]
    /// Per measure the actors whose score changed, largest change first.
    public var measures: [MeasureChanges]
    /// Influence questions before and after.
    public var influence: [InfluenceChange]
    /// Path questions whose answer changed.
    public var paths: [PathChange]
    /// The frustration index before and after, when balance was asked.
    public var frustrationBefore: Int?, frustrationAfter: Int?

    /// One measure's changes.
    public struct MeasureChanges: Encodable, Sendable {
      /// The measure and every actor whose score moved.
      public var measure: String, changes: [Change]
    }
    /// One actor's change (a missing side: the actor was added or removed).
    public struct Change: Encodable, Sendable {
      /// The actor, its score and rank before and after.
      public var actor: String, before: Double?, after: Double?, rankBefore: Int?, rankAfter: Int?
      /// `after − before`, when both exist.
      public var delta: Double?
    }
    /// One influence pair before and after.
    public struct InfluenceChange: Encodable, Sendable {
      /// The pair (`CHN over PAK`) and its values.
      public var pair: String, before: Double, after: Double
    }
    /// One path question before and after.
    public struct PathChange: Encodable, Sendable {
      /// The question, its ends and what its value measures.
      public var question: String, from: String, to: String, valueName: String
      /// The best path on each side.
      public var before: PathValue?, after: PathValue?
    }
  }

  /// A source with the relations that cite it.
  public struct SourceNote: Encodable, Sendable {
    /// Its key, the citation in one line and its address.
    public var id: String, citation: String, url: String?
    /// Up to 50 citing relations in words, and how many cite it in all.
    public var relations: [String], count: Int
  }
}

/// A lens in the terms every output states it: date, sign, types, how parallel ties combine.
public struct LensStatement: Encodable, Sendable, Hashable {
  /// The date looked at, or `nil` for every date.
  public var date: String?
  /// Which ties count: absolute, positive, negative or signed.
  public var sign: String
  /// The relation types admitted, or `nil` for all.
  public var types: [String]?
  /// How parallel relations merge: sum or max.
  public var combine: String

  /// The statement of a lens.
  public init(_ lens: Lens) {
    date = lens.date?.description
    sign = lens.sign.rawValue
    types = lens.types
    combine = lens.combine.rawValue
  }

  /// The lens in one line: `every date · ties of every sign at their strength · all types · parallel ties summed`.
  public var text: String {
    let signWords = [
      "absolute": "ties of every sign at their strength", "positive": "cooperative ties only",
      "negative": "hostile ties only", "signed": "signed ties",
    ]
    return [
      date.map { "relations valid on \($0)" } ?? "relations of every date",
      signWords[sign] ?? sign,
      types.map { "types: " + $0.joined(separator: ", ") } ?? "all relation types",
      combine == "max" ? "parallel ties: the strongest counts" : "parallel ties summed",
    ].joined(separator: " · ")
  }

  /// The lens of a series of dates in one line, `each` naming what carries a date (`panel`,
  /// `date`): `each date: relations valid on it · cooperative ties only · all relation types · …`.
  public func text(eachDated each: String) -> String {
    var rest = self
    rest.date = nil
    return "each \(each): relations valid on its date · " + rest.text.split(separator: "·").dropFirst()
      .map { String($0).trimmingCharacters(in: .whitespaces) }.joined(separator: " · ")
  }
}
