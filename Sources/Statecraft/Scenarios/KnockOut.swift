import Foundation

/// Whose removal would move a target most (ORA's "immediate impact"): each actor removed in
/// turn, with its relations, and the target recomputed exactly on what is left.
public struct KnockOut: Sendable {
  /// One removed actor and what the target became without it.
  public struct Row: Sendable {
    /// The removed actor.
    public var actor: Actor.ID
    /// The target's value without the actor.
    public var after: Double
    /// `after − baseline`.
    public var change: Double { after - baseline }
    /// The target's value with every actor (copied here so a row reads on its own).
    public var baseline: Double
  }

  /// What was measured.
  public var target: LeverageTarget
  /// The target's value with every actor.
  public var baseline: Double
  /// Every actor the target does not name, by the size of the change (largest first; ties in
  /// file order).
  public var rows: [Row]
}

extension World {
  /// Removes each actor in turn (with its relations) and recomputes `target` exactly, on all
  /// cores; the actors the target names are kept.
  ///
  ///     let k = try world.knockOut(.influence(InfluencePair("CHN over PAK")!, .fj))
  ///     k.rows.first?.actor  // whose absence moves China's sway over Pakistan most
  ///
  /// The result is the same whatever the core count: each actor's run is independent and the
  /// ranking breaks ties by file order.
  ///
  /// - Parameters:
  ///   - target: What is recomputed without each actor.
  ///   - lens: Which relations count.
  ///   - settings: Measure settings, as for `rank`.
  ///   - progress: Called with the number of actors done (from any thread).
  /// - Complexity: One target computation per actor, each on a copy of the world without it:
  ///   O(n × (m + the target's cost)).
  public func knockOut(
    _ target: LeverageTarget, lens: Lens = Lens(), settings: Measure.Settings = .init(),
    progress: (@Sendable (Int) -> Void)? = nil
  ) throws -> KnockOut {
    // The actors the question names (a group's members too) are never knocked out.
    let named: Set<Actor.ID>
    switch target {
    case let .score(_, a): named = [actors[try requireIndex(of: a)].id]
    case let .influence(p, _): named = Set(try (members(of: p.source) + members(of: p.target)).map { actors[$0].id })
    }
    let baseline = try value(of: target, lens: lens, settings: settings)
    let candidates = actors.map(\.id).filter { !named.contains($0) }
    let done = ChunkSlots<Int>(count: 1)
    done.set(0, 0)
    let base = self
    let after = try WorkUnits.map(candidates.count) { k -> Double in
      defer { if let progress { progress(done.update(0) { $0! + 1 }) } }
      var without = base
      try without.apply(.removeActor(candidates[k]))
      return try without.value(of: target, lens: lens, settings: settings)
    }
    let rows = zip(candidates, after).map { KnockOut.Row(actor: $0, after: $1, baseline: baseline) }
    let order = rows.indices.sorted { abs(rows[$0].change) != abs(rows[$1].change) ? abs(rows[$0].change) > abs(rows[$1].change) : $0 < $1 }
    return KnockOut(target: target, baseline: baseline, rows: order.map { rows[$0] })
  }
}
