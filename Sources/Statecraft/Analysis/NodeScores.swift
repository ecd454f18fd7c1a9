/// One score per actor, with the mapping between node indices and actor IDs kept in one place.
///
///     let ranked = world.scores(try graph.pageRank())
///     ranked.top(3)          // [(actor: "PAK", score: 0.21), …], ties broken by file order
///     ranked[actor: "USA"]   // 0.17
public struct NodeScores: Sendable {
  /// Actor IDs in file order; `values[i]` belongs to `actors[i]`.
  public let actors: [Actor.ID]
  /// One score per actor, in the order of ``actors``.
  public let values: [Double]

  /// Scores for actors: `values[i]` belongs to `actors[i]`, so the two must have the same length.
  public init(actors: [Actor.ID], values: [Double]) {
    precondition(actors.count == values.count, "one score per actor")
    self.actors = actors
    self.values = values
  }

  /// The score of an actor, or `nil` when it is not among ``actors``.
  /// - Complexity: O(*n*): a linear search of ``actors``.
  public subscript(actor id: Actor.ID) -> Double? {
    actors.firstIndex(of: id).map { values[$0] }
  }

  /// The scores of `ids`, in their order (`nil` for an actor not among ``actors``): what
  /// ``subscript(actor:)`` gives each, found through one dictionary instead of a search per
  /// actor (quadratic on a thousand actors).
  /// - Complexity: O(*n* + `ids.count`).
  public func values(for ids: [Actor.ID]) -> [Double?] {
    // The first of a repeated id, as `firstIndex(of:)` finds it.
    var position: [Actor.ID: Int] = [:]
    position.reserveCapacity(actors.count)
    for (i, id) in actors.enumerated() where position[id] == nil { position[id] = i }
    return ids.map { position[$0].map { values[$0] } }
  }

  /// Every actor, highest score first; equal scores (to 12 significant digits, so that
  /// floating-point noise cannot reorder them) keep file order.
  public func ranked() -> [(actor: Actor.ID, score: Double)] {
    Self.descendingOrder(values).map { (actors[$0], values[$0]) }
  }

  /// The `k` highest-scoring actors (all of them if `k` is larger).
  public func top(_ k: Int) -> [(actor: Actor.ID, score: Double)] {
    Array(ranked().prefix(max(0, k)))
  }

  static func orderingKey(_ x: Double) -> Double {
    guard x.isFinite, x != 0 else { return x }
    let magnitude = (abs(x)).exponent
    let quantum = Double(sign: .plus, exponent: magnitude - 40, significand: 1)
    return (x / quantum).rounded() * quantum
  }
}

extension World {
  /// Attaches actor IDs to one value per node of a digraph projected from this world.
  /// - Complexity: O(*n*).
  public func scores(_ values: [Double]) -> NodeScores {
    NodeScores(actors: actors.map(\.id), values: values)
  }
}
