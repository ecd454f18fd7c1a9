extension BalanceReport: ReportValue {
  private enum Keys: String, CodingKey {
    case friendlyTies, hostileTies, triangles, balancedTriangles, weaklyBalancedTriangles, strictIndex, weakIndex
    case frustrationIndex, exact, lowerBound, normalizedBalance, camps, brokenTies, unbalancedTriangles
  }

  private struct Broken: Encodable {
    var actors: [String], friendly: Bool, types: [String]
  }

  private struct Triangle: Encodable {
    var actors: [String], signs: String
  }

  public func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: Keys.self)
    try c.encode(friendlyTies, forKey: .friendlyTies)
    try c.encode(hostileTies, forKey: .hostileTies)
    try c.encode(triangles.triangles, forKey: .triangles)
    try c.encode(triangles.balanced, forKey: .balancedTriangles)
    try c.encode(triangles.weaklyBalanced, forKey: .weaklyBalancedTriangles)
    try c.encode(triangles.strictIndex, forKey: .strictIndex)
    try c.encode(triangles.weakIndex, forKey: .weakIndex)
    try c.encode(frustration.index, forKey: .frustrationIndex)
    try c.encode(frustration.isExact, forKey: .exact)
    try c.encode(frustration.lowerBound, forKey: .lowerBound)
    try c.encode(normalizedBalance, forKey: .normalizedBalance)
    try c.encode(camps.map { $0.map(\.rawValue) }, forKey: .camps)
    try c.encode(brokenTies.map { Broken(actors: $0.actors.map(\.rawValue), friendly: $0.friendly, types: $0.types) }, forKey: .brokenTies)
    try c.encode(zip(unbalancedTriangles, unbalancedTriangleSigns).map { Triangle(actors: $0.map(\.rawValue), signs: $1) }, forKey: .unbalancedTriangles)
  }

  /// The report as text (CSV is not offered: `balance` prints a table or JSON).
  public func text(_ format: ReportFormat) -> String {
    let t = triangles
    let f = frustration
    var out = "Signed ties: \(friendlyTies) friendly, \(hostileTies) hostile (each relation counts once toward its pair; a pair's relations net out by strength)\n"
    out += "Triangles: \(t.triangles); strictly balanced \(t.balanced) (index \(String(format: "%.3f", t.strictIndex))),"
    out += " weakly balanced \(t.weaklyBalanced) (index \(String(format: "%.3f", t.weakIndex)))\n"
    out += "Frustration index: \(f.index)"
    out += f.isExact ? " (exact)"
      : f.stoppedAtTimeLimit ? " (within \(f.index - f.lowerBound) of optimal: at least \(f.lowerBound); the exact search stopped at its time limit)"
      : " (heuristic; at least \(f.lowerBound))"
    out += ", normalized balance \(String(format: "%.3f", normalizedBalance))\n"
    for (camp, members) in camps.enumerated() {
      out += "Camp \(camp == 0 ? "A" : "B"): \(members.isEmpty ? "—" : members.map(\.rawValue).joined(separator: ", "))\n"
    }
    if !brokenTies.isEmpty {
      out += "\nTies that break the two-camp split (\(brokenTies.count)):\n"
      for e in brokenTies {
        out += "  \(e.actors[0]) – \(e.actors[1]): \(e.friendly ? "friendly across camps" : "hostile inside a camp") (\(e.types.joined(separator: ", ")))\n"
      }
    }
    if !unbalancedTriangles.isEmpty {
      out += "\nUnbalanced triangles (\(unbalancedTriangles.count)):\n"
      for (tri, signs) in zip(unbalancedTriangles, unbalancedTriangleSigns).prefix(20) {
        out += "  \(tri.map(\.rawValue).joined(separator: ", ")) (\(signs))\n"
      }
      if unbalancedTriangles.count > 20 { out += "  … and \(unbalancedTriangles.count - 20) more\n" }
    }
    return String(out.dropLast())
  }
}
