/// Gould–Fernandez brokerage roles per actor, groups from an attribute, as a report (what
/// `statecraft brokerage` prints).
///
/// JSON: an object of actor id → {role: count}, most roles first. CSV and table: actor,
/// group, one column per role, total.
public struct BrokerageReport: ReportValue, Sendable {
  /// The attribute that forms the groups.
  public var attribute: String
  /// The actors' ids in file order.
  public var actors: [Actor.ID]
  /// The roles and groups.
  public var result: WorldBrokerage

  public func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: DynamicKey.self)
    for i in result.order {
      var roles = c.nestedContainer(keyedBy: DynamicKey.self, forKey: DynamicKey(actors[i].rawValue))
      for (name, count) in zip(BrokerageRoles.roleNames, result.roles[i].counts) { try roles.encode(count, forKey: DynamicKey(name)) }
    }
  }

  public func text(_ format: ReportFormat) -> String {
    let header = ["actor", attribute] + BrokerageRoles.roleNames + ["total"]
    let rows = result.order.map { i in
      [actors[i].rawValue, result.groupOf(i)] + result.roles[i].counts.map(String.init) + [String(result.roles[i].total)]
    }
    if format == .csv {
      return ([header.joined(separator: ",")] + rows.map { $0.map(ReportText.csvField).joined(separator: ",") }).joined(separator: "\n")
    }
    var out = "Brokerage roles (Gould–Fernandez), groups by \(attribute); b brokers a → b → c when a → c is absent\n\n"
    out += ReportText.table(header: header, rows: rows, rightAligned: Set(2 ..< header.count))
    if result.hasUngrouped { out += "\n\nActors without \"\(attribute)\" form the group (none)." }
    return out
  }
}

extension World {
  /// Brokerage roles as a report (``brokerage(by:lens:)``).
  ///
  /// - Complexity: O(Σ in-degree × out-degree) over the lens's digraph.
  public func brokerageReport(by attribute: String, lens: Lens = Lens()) throws -> BrokerageReport {
    BrokerageReport(attribute: attribute, actors: actors.map(\.id), result: try brokerage(by: attribute, lens: lens))
  }
}
