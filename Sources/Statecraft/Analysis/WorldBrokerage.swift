import Foundation

/// Brokerage roles of every actor of a world, groups formed by one actor attribute.
public struct WorldBrokerage: Sendable {
  /// The attribute's values in order of first appearance; actors without it form `(none)`.
  public var groupNames: [String]
  /// Each actor's group, an index into ``groupNames``.
  public var groups: [Int]
  /// Each actor's roles, in the world's actor order.
  public var roles: [BrokerageRoles]
  /// Actor indices by total roles, most first; ties keep file order.
  public var order: [Int]

  /// The group name of the actor at index `i`.
  public func groupOf(_ i: Int) -> String { groupNames[groups[i]] }
  /// Whether some actor lacks the attribute (and so sits in the group `(none)`).
  public var hasUngrouped: Bool { groupNames.contains("(none)") }
}

extension World {
  /// Gould–Fernandez brokerage with groups from an actor attribute (``Digraph/brokerage(groups:)``).
  ///
  /// - Complexity: O(Σ in-degree × out-degree) over the lens's digraph.
  public func brokerage(by attribute: String, lens: Lens = Lens()) throws -> WorldBrokerage {
    var names: [String] = []
    var index: [String: Int] = [:]
    let groups = actors.map { actor -> Int in
      let value = actor.attributes[attribute] ?? "(none)"
      if let i = index[value] { return i }
      index[value] = names.count
      names.append(value)
      return names.count - 1
    }
    let roles = try through(lens).brokerage(groups: groups)
    let order = actors.indices.sorted { roles[$0].total != roles[$1].total ? roles[$0].total > roles[$1].total : $0 < $1 }
    return WorldBrokerage(groupNames: names, groups: groups, roles: roles, order: order)
  }
}
