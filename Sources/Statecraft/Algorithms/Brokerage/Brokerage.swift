/// Gould–Fernandez brokerage role counts for one actor.
public struct BrokerageRoles: Sendable, Equatable {
  /// a, b, c all in one group (b mediates inside its own group).
  public var coordinator = 0
  /// a and c in one group, b outside it (b mediates for another group).
  public var itinerant = 0
  /// b in a's group, c in another (b represents its group to outsiders).
  public var representative = 0
  /// b in c's group, a in another (b controls access into its group).
  public var gatekeeper = 0
  /// a, b, c in three different groups.
  public var liaison = 0

  /// All roles together: the sum of the five counts.
  public var total: Int { coordinator + itinerant + representative + gatekeeper + liaison }

  /// The counts in the order coordinator, itinerant, representative, gatekeeper, liaison.
  public var counts: [Int] { [coordinator, itinerant, representative, gatekeeper, liaison] }
  /// The role names, in the order of ``counts``.
  public static let roleNames = ["coordinator", "itinerant", "representative", "gatekeeper", "liaison"]
}

extension Digraph {
  /// Returns each node's Gould–Fernandez brokerage roles given a group per node.
  ///
  /// Node b *brokers* the ordered pair (a, c) when a → b and b → c but not a → c (a ≠ c);
  /// each such two-path counts once for b in the role fixed by the three nodes' groups. On an
  /// undirected graph every tie is read both ways, so (a, c) and (c, a) both count, as
  /// `sna::brokerage` does for symmetric data.
  ///
  /// Conventions: the raw counts of `sna::brokerage(net, cl)$raw.nli` (R package sna), columns
  /// w_I (coordinator), w_O (itinerant), b_IO (representative), b_OI (gatekeeper), b_O
  /// (liaison). Expected counts under random group assignment are not computed.
  ///
  /// - Parameter groups: A group label per node (e.g. from an actor attribute such as bloc).
  /// - Complexity: O(Σ_b indeg(b) · outdeg(b) · log *d*).
  ///
  /// ## References
  /// - R. V. Gould, R. M. Fernandez. "Structures of mediation: A formal approach to
  ///   brokerage in transaction networks." Sociological Methodology 19, 1989.
  public func brokerage(groups: [Int]) -> [BrokerageRoles] {
    precondition(groups.count == nodeCount, "one group per node")
    var roles = [BrokerageRoles](repeating: BrokerageRoles(), count: nodeCount)
    for b in 0 ..< nodeCount {
      for a in inNeighbors(of: b) where a != b {
        for c in outNeighbors(of: b) where c != a && c != b && !hasArc(from: a, to: c) {
          let (ga, gb, gc) = (groups[a], groups[b], groups[c])
          if ga == gb && gb == gc {
            roles[b].coordinator += 1
          } else if ga == gc {
            roles[b].itinerant += 1
          } else if ga == gb {
            roles[b].representative += 1
          } else if gb == gc {
            roles[b].gatekeeper += 1
          } else {
            roles[b].liaison += 1
          }
        }
      }
    }
    return roles
  }
}

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
