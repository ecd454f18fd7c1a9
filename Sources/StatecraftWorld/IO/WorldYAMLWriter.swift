extension WorldYAML {
  /// Writes a world in the `schema: 1` YAML format, readable by ``parse(_:file:defaultName:)``
  /// with nothing lost. Strings are double-quoted (JSON-style escapes, valid YAML), actors
  /// and relations one flow mapping per line, in file order.
  public static func write(_ world: World, header: [String] = []) -> String {
    func q(_ s: String) -> String { jsonQuoted(s) }
    var out = header.map { "# " + $0 }.joined(separator: "\n")
    if !out.isEmpty { out += "\n" }
    out += "schema: \(schemaVersion)\n"
    out += "name: \(q(world.name))\n"
    out += "title: \(q(world.title))\n"
    if let d = world.date { out += "date: \(d)\n" }
    if let d = world.description { out += "description: \(q(d))\n" }
    if !world.directed { out += "directed: false\n" }
    if !world.sources.isEmpty {
      out += "sources:\n"
      for s in world.sources {
        var f = ["id: \(q(s.id))", "title: \(q(s.title))"]
        if let p = s.publisher { f.append("publisher: \(q(p))") }
        if let d = s.date { f.append("date: \(d)") }
        if let u = s.url { f.append("url: \(q(u))") }
        out += "  - {\(f.joined(separator: ", "))}\n"
      }
    }
    if !world.types.isEmpty {
      out += "types:\n"
      for t in world.types {
        var f = ["id: \(q(t.id))", "polarity: \(t.polarity.word)", "mode: \(t.mode.rawValue)"]
        if let c = t.color { f.append("color: \(q(c))") }
        if let d = t.description { f.append("description: \(q(d))") }
        out += "  - {\(f.joined(separator: ", "))}\n"
      }
    }
    out += "actors:\n"
    for a in world.actors {
      var f = ["id: \(q(a.id.rawValue))", "name: \(q(a.name))", "kind: \(a.kind.rawValue)"]
      if !a.attributes.isEmpty {
        f.append("attributes: {" + a.attributes.keys.sorted().map { "\(q($0)): \(q(a.attributes[$0]!))" }.joined(separator: ", ") + "}")
      }
      out += "  - {\(f.joined(separator: ", "))}\n"
    }
    if world.actors.isEmpty { out = String(out.dropLast()) + " []\n" }
    out += "relations:\n"
    let polarity = Dictionary(world.types.map { (ScalarKey($0.id), $0.polarity) }, uniquingKeysWith: { a, _ in a })
    for r in WorkProgress.tracking(world.relations) {
      var f = r.id.map { ["id: \(q($0))"] } ?? []
      f += ["from: \(q(r.from.rawValue))", "to: \(q(r.to.rawValue))", "type: \(q(r.type))", r.weightRange.map { "weight: \($0.lowerBound)..\($0.upperBound)" } ?? "weight: \(r.weight)"]
      if polarity[ScalarKey(r.type)] != r.sign { f.append("sign: \(r.sign.word)") }
      if r.mutual && world.directed { f.append("mutual: true") }
      if let s = r.since { f.append("since: \(s)") }
      if let u = r.until { f.append("until: \(u)") }
      if let s = r.source { f.append("source: \(q(s))") }
      if let n = r.note { f.append("note: \(q(n))") }
      out += "  - {\(f.joined(separator: ", "))}\n"
    }
    if world.relations.isEmpty { out = String(out.dropLast()) + " []\n" }
    return out
  }
}
