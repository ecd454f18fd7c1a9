import Foundation
import Statecraft

extension Reports {
  /// Structural balance of a world (``World/balance(lens:exactLimit:)``) as text or JSON.
  public static func balance(
    _ world: World, lens: Lens = Lens(), exactLimit: Int = 30, timeLimit: Duration? = nil, format: String = "table"
  ) throws -> String {
    let b = try world.balance(lens: lens, exactLimit: exactLimit, timeLimit: timeLimit)
    let t = b.triangles
    let f = b.frustration
    if format == "json" { return balanceJSON(b) }
    var out = "Signed ties: \(b.friendlyTies) friendly, \(b.hostileTies) hostile (directions merged; parallel relations net out by strength)\n"
    out += "Triangles: \(t.triangles); strictly balanced \(t.balanced) (index \(String(format: "%.3f", t.strictIndex))),"
    out += " weakly balanced \(t.weaklyBalanced) (index \(String(format: "%.3f", t.weakIndex)))\n"
    out += "Frustration index: \(f.index)"
    out += f.isExact ? " (exact)" : " (heuristic; at least \(f.lowerBound))"
    out += ", normalized balance \(String(format: "%.3f", b.normalizedBalance))\n"
    for (camp, members) in b.camps.enumerated() {
      out += "Camp \(camp == 0 ? "A" : "B"): \(members.isEmpty ? "—" : members.map(\.rawValue).joined(separator: ", "))\n"
    }
    if !b.brokenTies.isEmpty {
      out += "\nTies that break the two-camp split (\(b.brokenTies.count)):\n"
      for e in b.brokenTies {
        out += "  \(e.actors[0]) – \(e.actors[1]): \(e.friendly ? "friendly across camps" : "hostile inside a camp") (\(e.types.joined(separator: ", ")))\n"
      }
    }
    if !b.unbalancedTriangles.isEmpty {
      out += "\nUnbalanced triangles (\(b.unbalancedTriangles.count)):\n"
      for (tri, signs) in zip(b.unbalancedTriangles, b.unbalancedTriangleSigns).prefix(20) {
        out += "  \(tri.map(\.rawValue).joined(separator: ", ")) (\(signs))\n"
      }
      if b.unbalancedTriangles.count > 20 { out += "  … and \(b.unbalancedTriangles.count - 20) more\n" }
    }
    return String(out.dropLast())
  }

  /// The balance report as one JSON object (shape documented in the README).
  static func balanceJSON(_ b: BalanceReport) -> String {
    func ids(_ list: [Actor.ID]) -> String { "[" + list.map { jsonString($0.rawValue) }.joined(separator: ", ") + "]" }
    let t = b.triangles
    let f = b.frustration
    var out = "{\n"
    out += "  \"friendlyTies\": \(b.friendlyTies),\n  \"hostileTies\": \(b.hostileTies),\n"
    out += "  \"triangles\": \(t.triangles),\n  \"balancedTriangles\": \(t.balanced),\n  \"weaklyBalancedTriangles\": \(t.weaklyBalanced),\n"
    out += "  \"strictIndex\": \(jsonNumber(t.strictIndex)),\n  \"weakIndex\": \(jsonNumber(t.weakIndex)),\n"
    out += "  \"frustrationIndex\": \(f.index),\n  \"exact\": \(f.isExact),\n  \"lowerBound\": \(f.lowerBound),\n"
    out += "  \"normalizedBalance\": \(jsonNumber(b.normalizedBalance)),\n"
    out += "  \"camps\": [\(b.camps.map(ids).joined(separator: ", "))],\n"
    out += "  \"brokenTies\": [" + b.brokenTies.map {
      "{\"actors\": \(ids($0.actors)), \"friendly\": \($0.friendly), \"types\": [\($0.types.map(jsonString).joined(separator: ", "))]}"
    }.joined(separator: ", ") + "],\n"
    out += "  \"unbalancedTriangles\": [" + zip(b.unbalancedTriangles, b.unbalancedTriangleSigns).map {
      "{\"actors\": \(ids($0)), \"signs\": \(jsonString($1))}"
    }.joined(separator: ", ") + "]\n}"
    return out
  }

  /// Gould–Fernandez brokerage roles per actor, groups from an actor attribute.
  public static func brokerage(_ world: World, lens: Lens = Lens(), by attribute: String, format: String = "table") throws -> String {
    let result = try world.brokerage(by: attribute, lens: lens)
    let (roles, order) = (result.roles, result.order)
    let header = ["actor", attribute] + BrokerageRoles.roleNames + ["total"]
    let rows = order.map { i in
      [world.actors[i].id.rawValue, world.actors[i].attributes[attribute] ?? "(none)"]
        + roles[i].counts.map(String.init) + [String(roles[i].total)]
    }
    switch format {
    case "json":
      let body = order.map { i in
        "  \(jsonString(world.actors[i].id.rawValue)): {"
          + zip(BrokerageRoles.roleNames, roles[i].counts).map { "\(jsonString($0)): \($1)" }.joined(separator: ", ") + "}"
      }
      return "{\n" + body.joined(separator: ",\n") + "\n}"
    case "csv":
      return ([header.joined(separator: ",")] + rows.map { $0.map(csvField).joined(separator: ",") }).joined(separator: "\n")
    default:
      var out = "Brokerage roles (Gould–Fernandez), groups by \(attribute); b brokers a → b → c when a → c is absent\n\n"
      out += formatTable(header: header, rows: rows, rightAligned: Set(2 ..< header.count))
      if result.hasUngrouped {
        out += "\n\nActors without \"\(attribute)\" form the group (none)."
      }
      return out
    }
  }

  /// Pairwise influence: who sways an actor (`over`), or whom an actor sways (`of`), or each
  /// actor's total; the numbers are ``World/influence(_:on:model:alpha:)``'s.
  public static func influence(
    _ world: World, lens: Lens = Lens(), over target: Actor.ID? = nil, of source: Actor.ID? = nil,
    model: InfluenceModel = .fj, alpha: Double? = nil, format: String = "table"
  ) throws -> String {
    let g = try world.through(lens)
    let query: InfluenceQuery = target.map { .over($0) } ?? source.map { .of($0) } ?? .total
    let scores = try world.influence(query, on: g, model: model, alpha: alpha)
    let description = model == .walk
      ? model.summary(alpha: alpha ?? World.defaultWalkAlpha(g), radius: g.spectralRadius()) : model.summary()
    let title: String
    switch (query, model) {
    case let (.over(t), .fj):
      title = "Influence over \(t) (\(world[actor: t]!.name)): share of each actor's stance in its settled stance"
    case let (.over(t), .walk): title = "Walks reaching \(t) (\(world[actor: t]!.name)) from each actor"
    case let (.of(s), _): title = "Influence of \(s) (\(world[actor: s]!.name)) on each actor"
    case (.total, _): title = "Total influence of each actor (summed over every other actor's settled stance)"
    }
    switch format {
    case "json":
      let body = scores.ranked().map { "  \(jsonString($0.actor.rawValue)): \(jsonNumber($0.score))" }
      return "{\n" + body.joined(separator: ",\n") + "\n}"
    case "csv":
      return (["rank,actor,name,influence"] + scores.ranked().enumerated().map { i, r in
        "\(i + 1),\(csvField(r.actor.rawValue)),\(csvField(world[actor: r.actor]!.name)),\(jsonNumber(r.score))"
      }).joined(separator: "\n")
    default:
      let rows = scores.ranked().enumerated().map { i, r in
        [String(i + 1), r.actor.rawValue, world[actor: r.actor]!.name, String(format: "%.6f", r.score)]
      }
      return "\(title)\nModel: \(description)\n\n"
        + formatTable(header: ["rank", "actor", "name", "influence"], rows: rows, rightAligned: [0, 3])
    }
  }
}
