import Foundation
import Statecraft

extension Reports {
  /// Structural balance of a world: triangle indices, frustration, camps and what breaks
  /// balance, in actor terms.
  public static func balance(_ world: World, lens: Lens = Lens(sign: .signed), exactLimit: Int = 30) throws -> String {
    var signed = lens
    signed.sign = .signed
    let g = try world.through(signed).signedGraph(combine: signed.combine)
    let t = g.triangleBalance()
    let f = g.frustration(exactLimit: exactLimit)
    func id(_ i: Int) -> String { world.actors[i].id.rawValue }
    var out = "Signed ties: \(g.positiveCount) friendly, \(g.negativeCount) hostile (directions merged; parallel relations net out by strength)\n"
    out += "Triangles: \(t.triangles); strictly balanced \(t.balanced) (index \(String(format: "%.3f", t.strictIndex))),"
    out += " weakly balanced \(t.weaklyBalanced) (index \(String(format: "%.3f", t.weakIndex)))\n"
    out += "Frustration index: \(f.index)"
    out += f.isExact ? " (exact)" : " (heuristic; at least \(f.lowerBound))"
    out += ", normalized balance \(String(format: "%.3f", f.normalized(tieCount: g.ties.count)))\n"
    let active = Set(g.ties.flatMap { [$0.u, $0.v] })
    for camp in 0 ... 1 {
      let members = world.actors.indices.filter { active.contains($0) && f.camps[$0] == camp }.map(id)
      out += "Camp \(camp == 0 ? "A" : "B"): \(members.isEmpty ? "—" : members.joined(separator: ", "))\n"
    }
    if !f.frustratedTies.isEmpty {
      out += "\nTies that break the two-camp split (\(f.frustratedTies.count)):\n"
      for e in f.frustratedTies {
        let sign = g.ties.first { $0.u == e[0] && $0.v == e[1] }!.sign
        let kinds = try world.relations(through: signed).filter {
          Set([$0.from, $0.to]) == Set([world.actors[e[0]].id, world.actors[e[1]].id])
        }.map(\.type)
        out += "  \(id(e[0])) – \(id(e[1])): \(sign > 0 ? "friendly across camps" : "hostile inside a camp") (\(kinds.joined(separator: ", ")))\n"
      }
    }
    if !t.unbalancedTriangles.isEmpty {
      out += "\nUnbalanced triangles (\(t.unbalancedTriangles.count)):\n"
      for tri in t.unbalancedTriangles.prefix(20) {
        let signs = [(tri[0], tri[1]), (tri[1], tri[2]), (tri[0], tri[2])].map { a, b in
          g.ties.first { $0.u == a && $0.v == b }!.sign > 0 ? "+" : "−"
        }
        out += "  \(tri.map(id).joined(separator: ", ")) (\(signs.joined()))\n"
      }
      if t.unbalancedTriangles.count > 20 { out += "  … and \(t.unbalancedTriangles.count - 20) more\n" }
    }
    return String(out.dropLast())
  }

  /// Gould–Fernandez brokerage roles per actor, groups from an actor attribute.
  public static func brokerage(_ world: World, lens: Lens = Lens(), by attribute: String, format: String = "table") throws -> String {
    let g = try world.through(lens)
    var labels: [String] = []
    let groups = world.actors.map { actor -> Int in
      let value = actor.attributes[attribute] ?? "(none)"
      if let i = labels.firstIndex(of: value) { return i }
      labels.append(value)
      return labels.count - 1
    }
    let roles = g.brokerage(groups: groups)
    let order = world.actors.indices.sorted { roles[$0].total != roles[$1].total ? roles[$0].total > roles[$1].total : $0 < $1 }
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
      if groups.contains(where: { labels[$0] == "(none)" }) {
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
