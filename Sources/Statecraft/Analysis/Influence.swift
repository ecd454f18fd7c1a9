import Foundation

/// How pairwise influence is modelled: the models `statecraft influence`, scenario files and
/// leverage share.
///
/// Each model reads relation signs itself, so that being attacked is never read as heeding
/// the attacker (``Lens/seeing(_:)``): `fj`, the default, heeds cooperative ties only; `signed`
/// heeds cooperative ties and is pushed away by hostile ones; `walk` counts walks along every
/// tie (reach, not deference). Neutral ties carry no stance in `fj` and `signed`.
public enum InfluenceModel: String, CaseIterable, Sendable, Codable {
  /// Friedkin–Johnsen total influence V = (I − ΛW)⁻¹(I − Λ) on cooperative ties: an arc j → i
  /// means i heeds j; susceptibility λ comes from the actor attribute `susceptibility`
  /// (default 0.5).
  case fj
  /// Friedkin–Johnsen on the signed influence matrix (Altafini's antagonistic interactions):
  /// W = signed strengths over each row's absolute sum, so a hostile tie pushes the heeding
  /// actor's stance away from its adversary's; V[i][j] < 0 means j's stance repels i's.
  case signed
  /// Walk sums Σ αᵏ Aᵏ, k ≥ 1 (Katz, kept pairwise) along every tie; α defaults to half of 1/λmax.
  case walk

  /// A one-line statement of the model, for reports.
  public func summary(alpha: Double? = nil, radius: Double? = nil) -> String {
    switch self {
    case .fj:
      return "Friedkin–Johnsen total influence V = (I − ΛW)⁻¹(I − Λ) on cooperative ties (a hostile tie is not deference; --model signed lets it repel); susceptibility from the actor attribute `susceptibility`, default 0.5"
    case .signed:
      return "signed Friedkin–Johnsen (Altafini): V = (I − ΛW)⁻¹(I − Λ), W = signed strengths ÷ each actor's absolute total, so a hostile tie pushes a stance away (negative share); converges as ρ(ΛW) ≤ ρ(Λ|W|) < 1; susceptibility from `susceptibility`, default 0.5"
    case .walk:
      let a = alpha.map { formatG($0) } ?? "?"
      let r = radius.map { $0 > 0 ? formatG(1 / $0) : "∞" } ?? "?"
      return "walk-sum influence Σ αᵏ Aᵏ along every tie, α = \(a) (1/λmax = \(r))"
    }
  }
}

extension InfluenceModel {
  /// ``summary(alpha:radius:)`` with the walk model's α and λmax read from the graph it ran on.
  public func summary(on g: Digraph, alpha: Double?) -> String {
    self == .walk ? summary(alpha: alpha ?? World.defaultWalkAlpha(g), radius: g.spectralRadius()) : summary()
  }
}

extension Lens {
  /// This lens as an influence model sees the world: `fj` heeds cooperative ties only (the
  /// default `absolute` layer, or `signed`, becomes `positive`), `signed` sees `absolute` as
  /// `signed` (hostile ties negative), `walk` sees `signed` as `absolute`. A layer the user
  /// chose otherwise (`positive`, `negative`) is kept. Idempotent.
  ///
  /// The default is cooperative ties only because under "every tie is attention" an attack
  /// raised the attacker's share of the target's stance (Friedkin and Johnsen model positive
  /// influence only; Altafini, IEEE TAC 58(4), 2013, and Proskurnikov, Matveev and Cao, IEEE
  /// TAC 61(6), 2016, model hostility as repulsion: the `signed` model).
  public func seeing(_ model: InfluenceModel) -> Lens {
    var lens = self
    switch (model, sign) {
    case (.fj, .absolute), (.fj, .signed): lens.sign = .positive
    case (.signed, .absolute): lens.sign = .signed
    case (.walk, .signed): lens.sign = .absolute
    default: break
    }
    return lens
  }
}

/// A problem with influence model inputs.
public enum InfluenceError: Error, Equatable, Sendable, CustomStringConvertible {
  /// An actor's `susceptibility` attribute is not a number in 0...1.
  case badSusceptibility(actor: Actor.ID, value: String)
  /// A group `attribute=value` that no actor matches; `values` are the attribute's values.
  case emptyGroup(Actor.ID, values: [String])

  public var description: String {
    switch self {
    case let .badSusceptibility(actor, value):
      "actor \(actor) has susceptibility \"\(value)\"; give a number between 0 and 1"
    case let .emptyGroup(group, values):
      "no actor matches the group \"\(group)\""
        + (values.isEmpty ? "; no actor has that attribute" : "; the attribute's values are " + values.joined(separator: ", "))
    }
  }
}

/// Which slice of the influence matrix a question asks for.
public enum InfluenceQuery: Hashable, Sendable {
  /// Who sways this actor (Friedkin–Johnsen: its row of V; walk: who reaches it); for a
  /// group (``World/members(of:)``) the mean over its members.
  case over(Actor.ID)
  /// Whom this actor sways (Friedkin–Johnsen: its column of V; walk: whom it reaches); for a
  /// group the sum over its members.
  case of(Actor.ID)
  /// Each actor's influence summed over everyone.
  case total
}

extension World {
  /// Each actor's Friedkin–Johnsen susceptibility λ: the `susceptibility` attribute, else 0.5.
  /// - Complexity: O(*n*).
  public func susceptibilities() throws -> [Double] {
    try actors.map { actor -> Double in
      guard let text = actor.attributes["susceptibility"] else { return 0.5 }
      guard let x = Double(text), (0 ... 1).contains(x) else {
        throw InfluenceError.badSusceptibility(actor: actor.id, value: text)
      }
      return x
    }
  }

  /// One slice of the pairwise influence matrix, keyed by actor.
  ///
  /// Each slice is one sparse solve (O(relations × sweeps) time, O(actors) memory), never a
  /// dense matrix, so it answers on worlds of any size.
  ///
  /// - Parameters:
  ///   - query: Which slice: who sways an actor or group, whom it sways, or the totals.
  ///   - model: The influence model; it reads the signs itself (``Lens/seeing(_:)``).
  ///   - lens: Which relations count.
  ///   - alpha: Walk-sum attenuation; `nil`: half of 1/λmax (0.1 without cycles).
  /// - Complexity: one projection and one sparse solve (O(*k* (*n* + *m*))).
  public func influence(
    _ query: InfluenceQuery, model: InfluenceModel = .fj, lens: Lens = Lens(), alpha: Double? = nil
  ) throws -> NodeScores {
    try influence(query, on: through(lens.seeing(model)), model: model, alpha: alpha)
  }

  /// ``influence(_:model:lens:alpha:)`` on a digraph already projected from this world
  /// through the model's lens (`through(lens.seeing(model))`).
  ///
  /// `start`, an earlier answer to the same query (before an edit): a Friedkin–Johnsen
  /// solve for one actor or the totals starts from it, the same answer to the solve's
  ///   tolerance in fewer sweeps (the hard-problems issue's edits answered incrementally).
  ///   Ignored for groups, the walk model, or when the actors differ.
  /// - Complexity: one sparse solve (O(*k* (*n* + *m*))) on the given digraph.
  public func influence(
    _ query: InfluenceQuery, on g: Digraph, model: InfluenceModel = .fj, alpha: Double? = nil, start: NodeScores? = nil
  ) throws -> NodeScores {
    let warm = start.flatMap { $0.actors == actors.map(\.id) ? $0.values : nil }
    switch query {
    case .total: return scores(try slice(.total, on: g, model: model, alpha: alpha, start: warm))
    case let .over(t):
      // A group target: the mean of its members' rows.
      let members = try self.members(of: t)
      var sum = [Double](repeating: 0, count: actors.count)
      for m in members {
        let row = try slice(.over(m), on: g, model: model, alpha: alpha, start: members.count == 1 ? warm : nil)
        for (k, x) in row.enumerated() { sum[k] += x }
      }
      return scores(sum.map { $0 / Double(members.count) })
    case let .of(s):
      // A group source: the sum of its members' columns.
      let members = try self.members(of: s)
      var sum = [Double](repeating: 0, count: actors.count)
      for m in members {
        let column = try slice(.of(m), on: g, model: model, alpha: alpha, start: members.count == 1 ? warm : nil)
        for (k, x) in column.enumerated() { sum[k] += x }
      }
      return scores(sum)
    }
  }

  /// One actor's row or column of the influence matrix, or the totals.
  private enum Slice { case over(Int), of(Int), total }

  private func slice(_ slice: Slice, on g: Digraph, model: InfluenceModel, alpha: Double?, start: [Double]? = nil) throws -> [Double] {
    switch model {
    case .fj, .signed:
      // The graph decides: `fj` is projected without hostile ties, `signed` with them negative
      // (``Lens/seeing(_:)``); the solves normalize each row by its absolute total.
      let lambda = try susceptibilities()
      switch slice {
      case let .over(t): return try g.friedkinJohnsenRow(t, susceptibility: lambda, start: start)
      case let .of(s): return try g.friedkinJohnsenColumn(s, susceptibility: lambda, start: start)
      case .total: return try g.friedkinJohnsenTotals(susceptibility: lambda, start: start)
      }
    case .walk:
      let a = alpha ?? Self.defaultWalkAlpha(g)
      switch slice {
      case let .over(t): return try g.walkInfluenceColumn(t, alpha: a)
      case let .of(s): return try g.walkInfluenceRow(s, alpha: a)
      case .total: return try g.walkInfluenceTotals(alpha: a)
      }
    }
  }

  /// How much `source` sways `target`: V[target][source] (Friedkin–Johnsen), or the walk sum
  /// from `source` to `target`. Either may be a group (``members(of:)``): a group source sums
  /// its members' shares, a group target averages over its members.
  /// - Complexity: one projection and one sparse solve (O(*k* (*n* + *m*))).
  public func influence(
    of source: Actor.ID, over target: Actor.ID, model: InfluenceModel = .fj, lens: Lens = Lens(),
    alpha: Double? = nil
  ) throws -> Double {
    try influence(of: source, over: target, on: through(lens.seeing(model)), model: model, alpha: alpha)
  }

  /// ``influence(of:over:model:lens:alpha:)`` on a digraph already projected from this world
  /// through the model's lens (`through(lens.seeing(model))`).
  /// - Complexity: one sparse solve (O(*k* (*n* + *m*))) on the given digraph.
  public func influence(
    of source: Actor.ID, over target: Actor.ID, on g: Digraph, model: InfluenceModel = .fj, alpha: Double? = nil
  ) throws -> Double {
    let sources = try members(of: source)
    let row = try influence(.over(target), on: g, model: model, alpha: alpha).values
    return sources.reduce(0) { $0 + row[$1] }
  }

  /// Half of 1/λmax, or 0.1 on a graph without cycles: the walk model's default α.
  /// - Complexity: O(*k* (*n* + *m*)): a power iteration for λmax.
  public static func defaultWalkAlpha(_ g: Digraph) -> Double {
    let radius = g.spectralRadius()
    return radius > 0 ? 0.5 / radius : 0.1
  }
}

/// `%.4g` formatting, as reports print model parameters.
func formatG(_ x: Double) -> String { String(format: "%.4g", x) }
