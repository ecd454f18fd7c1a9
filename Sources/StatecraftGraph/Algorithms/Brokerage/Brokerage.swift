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
