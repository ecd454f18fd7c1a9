/// A path between actors, explained relation by relation so an analyst can read why A
/// reaches B.
public struct ExplainedPath: Sendable {
  /// One step of a path: the actors it joins and the relations that make the tie.
  public struct Hop: Sendable {
    /// The actor the step leaves.
    public var from: Actor.ID
    /// The actor the step reaches.
    public var to: Actor.ID
    /// The relations behind this step, in file order: those from `from` to `to` (and mutual
    /// ones), and with `undirected` queries also those from `to` to `from`, which the step
    /// walks against their direction. Parallel ties of different kinds all appear; the step's
    /// strength is the lens's combination of those in the direction the search used.
    public var relations: [Relation]

    /// Whether a relation of this hop is walked along its direction.
    public func isAlong(_ r: Relation) -> Bool { r.from == from || r.mutual }
  }

  /// What made the path best: shortest, widest or strongest.
  public var kind: PathKind
  /// The actors along the path, from its start to its end.
  public var actors: [Actor.ID]
  /// Total length, bottleneck strength or product of normalized strengths, by ``kind``.
  public var value: Double
  /// One step per consecutive pair of ``actors``.
  public var hops: [Hop]
}

extension World {
  /// Finds and explains the best paths from one actor to another under a lens.
  ///
  ///     let paths = try world.paths(from: "USA", to: "BSG", direction: .either)
  ///     paths[0].hops.map { $0.relations.map(\.type) }  // [["tariff-threat", …], ["insurgency"]]
  ///
  /// - Parameters:
  ///   - source: The actor the paths start at.
  ///   - target: The actor they end at.
  ///   - count: How many loopless paths, best first (Yen's algorithm beyond 1).
  ///   - kind: Shortest, widest or strongest.
  ///   - lens: Which relations count; `lens.pathLength` gives lengths for shortest paths.
  ///   - avoiding: Actors no path may pass through.
  ///   - direction: `.either` lets relations be walked against their direction.
  ///   - allShortest: Return every shortest path instead (then `avoiding` must be empty and
  ///     `undirected` false).
  /// - Returns: The paths, best first; empty when `to` cannot be reached.
  /// - Throws: ``UnknownActorError`` for an unknown actor, ``PathError`` for options that contradict each other, ``LensError`` and ``GraphError`` from the
  ///   projection.
  /// - Complexity: one projection, then Dijkstra (O((*n* + *m*) log *n*)) per path: Yen's algorithm for `count` > 1 repeats it O(`count` × *n*) times.
  public func paths(
    from source: Actor.ID, to target: Actor.ID, count: Int = 1, kind: PathKind = .shortest,
    lens: Lens = Lens(), avoiding: [Actor.ID] = [], direction: PathDirection = .along,
    allShortest: Bool = false
  ) throws -> [ExplainedPath] {
    func node(_ id: Actor.ID) throws -> Int {
      guard let i = index(of: id) else {
        throw UnknownActorError(id, suggestion: actorSuggestion(for: id))
      }
      return i
    }
    let s = try node(source)
    let t = try node(target)
    let avoided = Set(try avoiding.map(node))
    if let end = [source, target].first(where: { avoiding.contains($0) }) { throw PathError.avoidingAnEnd(end) }
    let g = try through(lens)
    let found: [Path]
    if allShortest {
      guard avoiding.isEmpty && direction == .along else { throw PathError.allShortestTakesNoOptions }
      found = try g.allShortestPaths(from: s, to: t, length: lens.pathLength)
    } else {
      found = try g.bestPaths(
        from: s, to: t, count: count, kind: kind, length: lens.pathLength, avoiding: avoided,
        direction: direction)
    }
    let view = LensedRelations(self, lens)
    return found.map { path in
      let hops = zip(path.nodes, path.nodes.dropFirst()).map { u, v -> ExplainedPath.Hop in
        let a = actors[u].id
        let b = actors[v].id
        // The admitted relations a→b, and b→a when mutual or walked against their direction.
        let between = relations.indices(joining: a, b, type: nil, eitherWay: direction == .either).filter(view.admits)
        return .init(from: a, to: b, relations: between.map { relations[$0] })
      }
      return ExplainedPath(kind: kind, actors: path.nodes.map { actors[$0].id }, value: path.value, hops: hops)
    }
  }
}

extension World {
  /// The best path value from one actor to every actor it reaches (itself included, except
  /// for widest paths where its value is infinite), best
  /// first: shortest lengths ascending, widest and strongest values descending; ties in
  /// file order.
  ///
  /// Conventions: `.shortest` matches `nx.single_source_dijkstra_path_length(G, source,
  /// weight=length)` with the lens's path length (1/strength by default).
  /// - Throws: ``UnknownActorError`` for an unknown actor, ``LensError`` and ``GraphError`` from
  ///   the projection.
  /// - Complexity: O((*n* + *m*) log *n*).
  public func pathValues(
    from source: Actor.ID, kind: PathKind = .shortest, lens: Lens = Lens(), direction: PathDirection = .along
  ) throws -> [(actor: Actor.ID, value: Double)] {
    guard let s = index(of: source) else {
      throw UnknownActorError(source, suggestion: actorSuggestion(for: source))
    }
    let values = try through(lens).bestValues(from: s, kind: kind, length: lens.pathLength, direction: direction)
    // The source's own widest value is infinite (no tie to bottleneck): left out.
    var reached = values.indices.filter { values[$0]?.isFinite ?? false }
    let ascending = kind == .shortest
    reached.sort { a, b in
      let (x, y) = (values[a]!, values[b]!)
      return x != y ? (ascending ? x < y : x > y) : a < b
    }
    return reached.map { (actors[$0].id, values[$0]!) }
  }
}

/// A path query whose options contradict each other. (An unknown actor is an
/// ``UnknownActorError``.)
public enum PathError: Error, Equatable, Sendable, CustomStringConvertible {
  /// A path cannot avoid the actor it starts or ends at.
  case avoidingAnEnd(Actor.ID)
  /// All shortest paths follow the relations' directions and avoid nobody.
  case allShortestTakesNoOptions

  public var description: String {
    switch self {
    case let .avoidingAnEnd(id):
      "a path cannot avoid \(id), where it starts or ends; avoid the actors in between"
    case .allShortestTakesNoOptions:
      "all shortest paths follow the relations' directions and avoid nobody; drop --avoid and --any-direction, or ask for -k paths"
    }
  }
}
