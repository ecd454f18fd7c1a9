/// How one actor's score moved between two results (a baseline and a scenario).
public struct ScoreChange: Hashable, Sendable {
  /// The actor whose score changed (or did not).
  public var actor: Actor.ID
  /// The score before, or `nil` when the actor was added.
  public var before: Double?
  /// The score after, or `nil` when the actor was removed.
  public var after: Double?
  /// Rank before and after (1 = highest; ties keep file order, as ``NodeScores/ranked()``).
  public var rankBefore: Int?
  /// The rank after (`nil` when the actor was removed).
  public var rankAfter: Int?

  /// `after − before`; `nil` when the actor exists on one side only.
  public var delta: Double? {
    guard let before, let after else { return nil }
    return after - before
  }

  /// Places gained (positive) or lost; `nil` when the actor exists on one side only.
  public var rankChange: Int? {
    guard let rankBefore, let rankAfter else { return nil }
    return rankBefore - rankAfter
  }
}

extension NodeScores {
  /// Each actor's change from these scores to `after`, biggest absolute change first.
  ///
  /// Equal changes (to 12 significant digits) keep the baseline's file order, then actors
  /// that only `after` has. Actors present on one side only (added or removed) come last.
  /// Comparing a result with itself gives every delta exactly 0.
  public func changes(to after: NodeScores) -> [ScoreChange] {
    let rankBefore = ranks()
    let rankAfter = after.ranks()
    var afterIndex: [Actor.ID: Int] = [:]
    for (i, a) in after.actors.enumerated() { afterIndex[a] = i }
    var rows: [ScoreChange] = []
    var seen = Set<Actor.ID>()
    for (i, a) in actors.enumerated() {
      seen.insert(a)
      let j = afterIndex[a]
      rows.append(ScoreChange(
        actor: a, before: values[i], after: j.map { after.values[$0] },
        rankBefore: rankBefore[i], rankAfter: j.map { rankAfter[$0] }))
    }
    for (j, a) in after.actors.enumerated() where !seen.contains(a) {
      rows.append(ScoreChange(actor: a, before: nil, after: after.values[j], rankBefore: nil, rankAfter: rankAfter[j]))
    }
    // Rows without a delta (an actor only before or only after) last, in order.
    return Self.descendingOrder(rows.map { $0.delta.map(abs) ?? -.infinity }).map { rows[$0] }
  }

  /// The rank of every actor (1-based, in file order of `actors`).
  public func ranks() -> [Int] {
    var index: [Actor.ID: Int] = [:]
    for (i, a) in actors.enumerated() { index[a] = i }
    var result = [Int](repeating: 0, count: actors.count)
    for (r, row) in ranked().enumerated() { result[index[row.actor]!] = r + 1 }
    return result
  }
}
