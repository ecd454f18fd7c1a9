import Foundation
import Statecraft

/// The text each command prints, as pure functions so tests need no subprocess.
public enum Reports {
  /// A ranking of every actor by one measure, as a table, JSON (an object of actor id →
  /// score, highest first) or CSV.
  public static func rank(
    _ world: World, lens: Lens = Lens(), measure: Measure, settings: Measure.Settings = .init(),
    top: Int? = nil, format: String = "table"
  ) throws -> String {
    let g = try world.through(lens)
    let scores = world.scores(try measure.compute(on: g, settings: settings))
    let rows = top.map { scores.top($0) } ?? scores.ranked()
    return actorValues(rows.map { ($0.actor, $0.score) }, in: world, column: measure.rawValue, format: format)
  }

  /// Actors with one value each, in the given order: a JSON object of actor id → value, CSV
  /// `rank,actor,name,COLUMN`, or a table; how `rank` and `path FILE FROM` print.
  static func actorValues(_ rows: [(actor: Actor.ID, value: Double)], in world: World, column: String, format: String) -> String {
    switch format {
    case "json":
      let body = rows.map { "  \(jsonString($0.actor.rawValue)): \(jsonNumber($0.value))" }
      return rows.isEmpty ? "{}" : "{\n" + body.joined(separator: ",\n") + "\n}"
    case "csv":
      var out = "rank,actor,name,\(column)\n"
      for (i, row) in rows.enumerated() {
        out += "\(i + 1),\(csvField(row.actor.rawValue)),\(csvField(world[actor: row.actor]?.name ?? "")),\(jsonNumber(row.value))\n"
      }
      return String(out.dropLast())
    default:
      let table = rows.enumerated().map { i, row in
        [String(i + 1), row.actor.rawValue, world[actor: row.actor]?.name ?? "", tableNumber(row.value)]
      }
      return formatTable(header: ["rank", "actor", "name", column], rows: table, rightAligned: [0, 3])
    }
  }

  /// The best path value from one actor to every actor it reaches (``World/pathValues(from:kind:lens:undirected:)``),
  /// best first: a table, JSON (an object of actor id → value) or CSV.
  public static func pathValues(
    _ world: World, from source: Actor.ID, kind: PathKind = .shortest, lens: Lens = Lens(),
    undirected: Bool = false, top: Int? = nil, format: String = "table"
  ) throws -> String {
    var rows = try world.pathValues(from: source, kind: kind, lens: lens, undirected: undirected)
    if let top { rows = Array(rows.prefix(top)) }
    let column = kind == .shortest ? "length" : kind.rawValue
    let list = actorValues(rows, in: world, column: column, format: format)
    return format == "table" ? "\(kind.rawValue) paths from \(source): \(rows.count) actors reached\n\n" + list : list
  }

  /// A summary of a world (``World/summary(lens:)``): actors by kind, relations by sign and
  /// type, sources, components; as text or JSON.
  public static func info(_ world: World, lens: Lens = Lens(), format: ReportFormat = .table) throws -> String {
    let w = try world.summary(lens: lens)
    if format == .json { return infoJSON(w) }
    var out = "World: \(w.name) — \(w.title)\n"
    if let date = w.date { out += "Date: \(date)\n" }
    out += "Graph: \(w.directed ? "directed" : "undirected"), \(w.actorCount) actors, \(w.relationCount) relations"
    out += " (\(w.arcCount) arcs after merging parallel ties)\n"
    out += "\nActors by kind: \(w.actorsByKind.map { "\($0.kind.rawValue) \($0.count)" }.joined(separator: ", "))\n"
    out += "Relations by sign: \(w.relationsBySign.map { "\($0.sign.word) \($0.count)" }.joined(separator: ", "))"
    out += "; mutual \(w.mutualCount)"
    if w.rangedCount > 0 { out += "; \(w.rangedCount) with a weight range" }
    out += "\n\n"
    let typeRows = w.types.map { [$0.type.id, $0.type.polarity.word, $0.type.mode.rawValue, String($0.relations)] }
    out += formatTable(header: ["type", "polarity", "mode", "relations"], rows: typeRows, rightAligned: [3]) + "\n"
    if !w.sources.isEmpty {
      out += "\nSources:\n"
      for s in w.sources { out += "  [\(s.source.id)] \(s.source.citation) — cited by \(s.relations) relations\n" }
      if w.uncited > 0 { out += "  \(w.uncited) relations cite no source\n" }
    }
    out += "\nWeakly connected components: \(w.components.count)\n"
    for (i, c) in w.components.prefix(10).enumerated() {
      let names = c.prefix(12).map(\.rawValue).joined(separator: ", ")
      out += "  \(i + 1). \(c.count) actors: \(names)\(c.count > 12 ? ", …" : "")\n"
    }
    if w.components.count > 10 { out += "  … and \(w.components.count - 10) more\n" }
    return String(out.dropLast())
  }

  /// The summary as one JSON object (shape in the README).
  static func infoJSON(_ w: WorldSummary) -> String {
    var out = "{\n  \"name\": \(jsonString(w.name)), \"title\": \(jsonString(w.title)), \"date\": \(w.date.map { jsonString($0.description) } ?? "null"),\n"
    out += "  \"directed\": \(w.directed), \"actors\": \(w.actorCount), \"relations\": \(w.relationCount), \"arcs\": \(w.arcCount), \"mutual\": \(w.mutualCount), \"ranged\": \(w.rangedCount),\n"
    out += "  \"actorsByKind\": {" + w.actorsByKind.map { "\(jsonString($0.kind.rawValue)): \($0.count)" }.joined(separator: ", ") + "},\n"
    out += "  \"relationsBySign\": {" + w.relationsBySign.map { "\(jsonString($0.sign.word)): \($0.count)" }.joined(separator: ", ") + "},\n"
    out += "  \"types\": [" + w.types.map { "{\"id\": \(jsonString($0.type.id)), \"polarity\": \(jsonString($0.type.polarity.word)), \"mode\": \(jsonString($0.type.mode.rawValue)), \"relations\": \($0.relations)}" }.joined(separator: ", ") + "],\n"
    out += "  \"sources\": [" + w.sources.map { "{\"id\": \(jsonString($0.source.id)), \"citation\": \(jsonString($0.source.citation)), \"relations\": \($0.relations)}" }.joined(separator: ", ") + "], \"uncited\": \(w.uncited),\n"
    out += "  \"components\": [" + w.components.map { "[" + $0.map { jsonString($0.rawValue) }.joined(separator: ", ") + "]" }.joined(separator: ", ") + "]\n}"
    return out
  }

  /// The best paths from one actor to another, each hop with the relations behind it.
  public static func paths(
    _ world: World, from source: Actor.ID, to target: Actor.ID, count: Int = 1,
    kind: PathKind = .shortest, lens: Lens = Lens(), avoiding: [Actor.ID] = [],
    undirected: Bool = false, allShortest: Bool = false, format: String = "table"
  ) throws -> String {
    let found = try world.paths(
      from: source, to: target, count: count, kind: kind, lens: lens, avoiding: avoiding,
      undirected: undirected, allShortest: allShortest)
    func name(_ id: Actor.ID) -> String { "\(world[actor: id]?.name ?? id.rawValue) (\(id))" }
    let valueName = kind.valueName(lens.pathLength)
    if format == "json" {
      let items = found.map { p -> String in
        let hops = p.hops.map { h -> String in
          let rels = h.relations.map { r in
            "{\"from\": \(jsonString(r.from.rawValue)), \"to\": \(jsonString(r.to.rawValue)), \"type\": \(jsonString(r.type)), \"weight\": \(jsonNumber(r.weight)), \"sign\": \(jsonString(r.sign.word))"
              + (r.since.map { ", \"since\": \(jsonString($0.description))" } ?? "")
              + (r.until.map { ", \"until\": \(jsonString($0.description))" } ?? "")
              + (r.source.map { ", \"source\": \(jsonString($0))" } ?? "")
              + (r.note.map { ", \"note\": \(jsonString($0))" } ?? "") + "}"
          }
          return "{\"from\": \(jsonString(h.from.rawValue)), \"to\": \(jsonString(h.to.rawValue)), \"relations\": [\(rels.joined(separator: ", "))]}"
        }
        return "  {\"actors\": [\(p.actors.map { jsonString($0.rawValue) }.joined(separator: ", "))], \"value\": \(jsonNumber(p.value)),\n   \"hops\": [\(hops.joined(separator: ",\n     "))]}"
      }
      return "[\n" + items.joined(separator: ",\n") + "\n]"
    }
    guard !found.isEmpty else {
      return "No path from \(name(source)) to \(name(target))"
        + (undirected ? "." : " along the relations' directions; try --any-direction.")
    }
    var out = ""
    for (i, p) in found.enumerated() {
      if i > 0 { out += "\n" }
      let title = count > 1 || allShortest ? "Path \(i + 1) of \(found.count)" : "\(kind.rawValue.capitalized) path"
      out += "\(title): \(p.actors.map(\.rawValue).joined(separator: " → "))"
      out += "  [\(valueName) \(tableNumber(p.value)), \(p.hops.count) ties]\n"
      for (j, h) in p.hops.enumerated() {
        out += "  \(j + 1). \(name(h.from)) – \(name(h.to))\n"
        for r in h.relations {
          let arrow = r.mutual ? "↔" : h.isAlong(r) ? "→" : "←"
          var line = "       \(arrow) \(r.type), weight \(jsonNumber(r.weight)), \(r.sign.word)"
          if let period = r.period { line += ", \(period)" }
          if let src = r.source { line += " [\(src)]" }
          if let note = r.note { line += " — \(note)" }
          out += line + "\n"
        }
      }
    }
    return String(out.dropLast())
  }

  /// Louvain communities with their members and the partition's modularity.
  public static func communities(
    _ world: World, lens: Lens = Lens(), resolution: Double = 1, seed: UInt64 = 0,
    format: String = "table"
  ) throws -> String {
    let g = try world.through(lens)
    let labels = try g.louvainCommunities(resolution: resolution, seed: seed)
    let q = g.modularity(labels, resolution: resolution)
    let undirectedQ = g.symmetrized().modularity(labels, resolution: resolution)
    switch format {
    case "json":
      let body = world.actors.enumerated().map { "  \(jsonString($1.id.rawValue)): \(labels[$0])" }
      return "{\n" + body.joined(separator: ",\n") + "\n}"
    case "csv":
      return (["actor,name,community"] + world.actors.enumerated().map {
        "\(csvField($1.id.rawValue)),\(csvField($1.name)),\(labels[$0])"
      }).joined(separator: "\n")
    default:
      let k = (labels.max() ?? -1) + 1
      var members: [[String]] = Array(repeating: [], count: k)  // one pass, not one per community
      for (i, actor) in world.actors.enumerated() { members[labels[i]].append(actor.id.rawValue) }
      let rows = members.enumerated().map { c, m in [String(c), String(m.count), m.joined(separator: ", ")] }
      var out = "Louvain communities (resolution \(tableNumber(resolution)), seed \(seed)): \(k)\n"
      out += "modularity \(String(format: "%.6f", undirectedQ)) (ties as undirected)"
      if g.isDirected { out += ", \(String(format: "%.6f", q)) (directed, nx.community.modularity on the DiGraph)" }
      out += "\n\n" + formatTable(header: ["community", "size", "members"], rows: rows, rightAligned: [0, 1])
      return out
    }
  }

  /// The result of validating a file: a summary line when valid.
  public static func validSummary(_ world: World, file: String) -> String {
    "\(file): valid — \(world.actors.count) actors, \(world.relations.count) relations, "
      + "\(world.types.count) types, \(world.sources.count) sources"
  }

  // MARK: - Formatting

  static func formatTable(header: [String], rows: [[String]], rightAligned: Set<Int> = []) -> String {
    ReportText.table(header: header, rows: rows, rightAligned: rightAligned)
  }
  static func jsonNumber(_ x: Double) -> String { ReportText.jsonNumber(x) }
  static func tableNumber(_ x: Double) -> String { ReportText.tableNumber(x) }
  static func jsonString(_ s: String) -> String { ReportText.jsonString(s) }
  static func csvField(_ s: String) -> String { ReportText.csvField(s) }
}

extension Reports {
  /// A Monte Carlo summary: per actor the nominal value, median, 90% interval and how often
  /// each rank occurred.
  public static func uncertainty(_ u: Uncertainty, world: World, what: String, top: Int?, format: ReportFormat) -> String {
    let rows = top.map { Array(u.rows.prefix($0)) } ?? u.rows
    func ranks(_ counts: [Int]) -> String {
      counts.enumerated().filter { $0.element > 0 }.map { "\($0.offset + 1): \(String(format: "%.0f%%", 100 * Double($0.element) / Double(u.samples)))" }
        .joined(separator: ", ")
    }
    switch format {
    case .json:
      let body = rows.map { r in
        "    {\"actor\": \(jsonString(r.actor.rawValue)), \"nominal\": \(jsonNumber(r.nominal)), \"median\": \(jsonNumber(r.median)), "
          + "\"low\": \(jsonNumber(r.low)), \"high\": \(jsonNumber(r.high)), \"rankCounts\": [\(r.rankCounts.map(String.init).joined(separator: ", "))]}"
      }
      return "{\n  \"measure\": \(jsonString(what)), \"samples\": \(u.samples), \"seed\": \(u.seed), \"uncertainRelations\": \(u.uncertainRelations),\n  \"actors\": [\n"
        + body.joined(separator: ",\n") + "\n  ]\n}"
    case .csv:
      return (["actor,nominal,median,p5,p95," + (1 ... world.actors.count).map { "rank\($0)" }.joined(separator: ",")] + rows.map { r in
        ([csvField(r.actor.rawValue), jsonNumber(r.nominal), jsonNumber(r.median), jsonNumber(r.low), jsonNumber(r.high)]
          + r.rankCounts.map(String.init)).joined(separator: ",")
      }).joined(separator: "\n")
    case .table:
      var out = "\(what): \(u.samples) samples (seed \(u.seed)) over \(u.uncertainRelations) relation\(u.uncertainRelations == 1 ? "" : "s") with a weight range; 90% interval = 5th to 95th percentile\n\n"
      let table = rows.map { r in
        [r.actor.rawValue, tableNumber(r.nominal), tableNumber(r.median), "\(tableNumber(r.low)) – \(tableNumber(r.high))", ranks(r.rankCounts)]
      }
      out += formatTable(header: ["actor", "nominal", "median", "90% interval", "rank (share of samples)"], rows: table, rightAligned: [1, 2])
      return out
    }
  }
}

extension Reports {
  /// Sampled betweenness with each estimate's standard error.
  public static func estimate(
    _ world: World, _ estimate: (scores: [Double], standardErrors: [Double]), sources: Int, seed: UInt64, top: Int?,
    format: ReportFormat
  ) -> String {
    let ranked = world.scores(estimate.scores).ranked()
    let rows = top.map { Array(ranked.prefix($0)) } ?? ranked
    let error = { (id: Actor.ID) in estimate.standardErrors[world.index(of: id)!] }
    switch format {
    case .json:
      let body = rows.map { "  \(jsonString($0.actor.rawValue)): {\"betweenness\": \(jsonNumber($0.score)), \"standardError\": \(jsonNumber(error($0.actor)))}" }
      return "{\n" + body.joined(separator: ",\n") + "\n}"
    case .csv:
      return (["rank,actor,name,betweenness,standard_error"] + rows.enumerated().map { i, r in
        "\(i + 1),\(csvField(r.actor.rawValue)),\(csvField(world[actor: r.actor]?.name ?? "")),\(jsonNumber(r.score)),\(jsonNumber(error(r.actor)))"
      }).joined(separator: "\n")
    case .table:
      let table = rows.enumerated().map { i, r in
        [String(i + 1), r.actor.rawValue, world[actor: r.actor]?.name ?? "", tableNumber(r.score), "± " + tableNumber(error(r.actor))]
      }
      return "Betweenness estimated from \(sources) of \(world.actors.count) sources (Brandes–Pich, seed \(seed)); ± one standard error\n\n"
        + formatTable(header: ["rank", "actor", "name", "betweenness", "error"], rows: table, rightAligned: [0, 3, 4])
    }
  }
}

