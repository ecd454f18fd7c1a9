extension WorldSummary: ReportValue {
  private enum Keys: String, CodingKey {
    case name, title, date, directed, actors, relations, arcs, mutual, ranged, actorsByKind, relationsBySign, types, sources, uncited, components
  }

  private struct TypeRow: Encodable {
    var id: String, polarity: String, mode: String, relations: Int
  }

  private struct SourceRow: Encodable {
    var id: String, citation: String, relations: Int
  }

  public func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: Keys.self)
    try c.encode(name, forKey: .name)
    try c.encode(title, forKey: .title)
    try c.encode(date?.description, forKey: .date)
    try c.encode(directed, forKey: .directed)
    try c.encode(actorCount, forKey: .actors)
    try c.encode(relationCount, forKey: .relations)
    try c.encode(arcCount, forKey: .arcs)
    try c.encode(mutualCount, forKey: .mutual)
    try c.encode(rangedCount, forKey: .ranged)
    var kinds = c.nestedContainer(keyedBy: DynamicKey.self, forKey: .actorsByKind)
    for k in actorsByKind { try kinds.encode(k.count, forKey: DynamicKey(k.kind.rawValue)) }
    var signs = c.nestedContainer(keyedBy: DynamicKey.self, forKey: .relationsBySign)
    for s in relationsBySign { try signs.encode(s.count, forKey: DynamicKey(s.sign.word)) }
    try c.encode(types.map { TypeRow(id: $0.type.id, polarity: $0.type.polarity.word, mode: $0.type.mode.rawValue, relations: $0.relations) }, forKey: .types)
    try c.encode(sources.map { SourceRow(id: $0.source.id, citation: $0.source.citation, relations: $0.relations) }, forKey: .sources)
    try c.encode(uncited, forKey: .uncited)
    try c.encode(components.map { $0.map(\.rawValue) }, forKey: .components)
  }

  /// The summary as text (CSV is not offered: `info` prints a table or JSON).
  public func text(_ format: ReportFormat) -> String {
    var out = "World: \(name) — \(title)\n"
    if let date { out += "Date: \(date)\n" }
    out += "Graph: \(directed ? "directed" : "undirected"), \(actorCount) actors, \(relationCount) relations"
    out += " (\(arcCount) arcs after merging parallel ties)\n"
    out += "\nActors by kind: \(actorsByKind.map { "\($0.kind.rawValue) \($0.count)" }.joined(separator: ", "))\n"
    out += "Relations by sign: \(relationsBySign.map { "\($0.sign.word) \($0.count)" }.joined(separator: ", "))"
    out += "; mutual \(mutualCount)"
    if rangedCount > 0 { out += "; \(rangedCount) with a weight range" }
    out += "\n\n"
    let typeRows = types.map { [$0.type.id, $0.type.polarity.word, $0.type.mode.rawValue, String($0.relations)] }
    out += ReportText.table(header: ["type", "polarity", "mode", "relations"], rows: typeRows, rightAligned: [3]) + "\n"
    if !sources.isEmpty {
      out += "\nSources:\n"
      for s in sources { out += "  [\(s.source.id)] \(s.source.citation) — cited by \(s.relations) relation\(s.relations == 1 ? "" : "s")\n" }
      if uncited > 0 { out += "  \(uncited) relation\(uncited == 1 ? "" : "s") cite no source\n" }
    }
    out += "\nWeakly connected components: \(components.count)\n"
    for (i, c) in components.prefix(10).enumerated() {
      let names = c.prefix(12).map(\.rawValue).joined(separator: ", ")
      out += "  \(i + 1). \(c.count) actors: \(names)\(c.count > 12 ? ", …" : "")\n"
    }
    if components.count > 10 { out += "  … and \(components.count - 10) more\n" }
    return String(out.dropLast())
  }
}
