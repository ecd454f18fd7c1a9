import Foundation
import Statecraft
import StatecraftRender

/// A briefing as one self-contained HTML document: the sections are written on the server
/// side (so the page reads, prints and passes a screen reader without its script), the map is
/// the inline Graphviz SVG, and a small inlined script adds hover, sorting, focus and toggles.
///
/// The page loads nothing: its content-security policy is `default-src 'none'` with the
/// stylesheet and script admitted by their SHA-256, so even a string that slipped through
/// escaping could not run.
public struct BriefingPage: Sendable {
  /// The briefing to show.
  public var briefing: Briefing { didSet { names = Self.names(briefing) } }
  /// Each actor's display name by id (tables name thousands of actors).
  private var names: [String: String]
  /// The main map as SVG text (ids from ``StatecraftRender/MapOptions/elementIDs``).
  public var map: String?
  /// A caption line under the map (what a capped map leaves out).
  public var mapNote: String?
  /// The geographic map as SVG, when actors have coordinates (``StatecraftRender/GeoMap``).
  public var geoMap: String?
  /// One delta map per scenario, in ``Briefing/scenarios`` order (`nil` where none was drawn).
  public var deltaMaps: [String?]
  /// The generator line of the methods appendix (`Statecraft 0.9`, Graphviz version).
  public var generator: String
  /// Rows a long table shows before "show all".
  public var tableLimit = 25
  /// A report (one frozen file) or the live explorer (an edit panel that talks to the server).
  public var mode: Mode = .report
  /// The explorer session this page belongs to (sent back with every action).
  public var sessionID = ""
  /// The state numbers are compared with: each score shows its change against it (the
  /// explorer's unedited world).
  public var baseline: Briefing? { didSet { baselineIndex = Self.rows(baseline) } }
  /// Each actor's row in `baseline`, by id.
  private var baselineIndex: [String: Int] = [:]
  /// How many edits this page's state makes to the world file (an explorer session's steps,
  /// counted as its edit panel lists them): the header says the page is a what-if, not the
  /// file as it stands, so a downloaded report cannot be taken for the file's own briefing.
  /// 0: the file as it is.
  public var editCount = 0
  /// The edits in words, one line per step, for a downloaded report's header (the explorer's
  /// page lists them in its edit panel instead, and leaves this empty).
  public var editLines: [String] = []

  /// What the page is for.
  public enum Mode: Sendable {
    /// A self-contained briefing: loads nothing, talks to nobody.
    case report
    /// The explorer: the same sections, plus the edit panel and a script that fetches new
    /// sections from the server it came from (and only from it).
    case explorer
  }

  /// A page for a briefing and its rendered maps.
  public init(briefing: Briefing, map: String?, mapNote: String? = nil, deltaMaps: [String?] = [], generator: String) {
    self.briefing = briefing
    names = Self.names(briefing)
    self.map = map
    self.mapNote = mapNote
    self.deltaMaps = deltaMaps
    self.generator = generator
  }

  /// The whole document.
  public func html() throws -> String {
    let b = briefing
    let css = PageAssets.css
    let scripts = mode == .explorer ? [PageAssets.script, PageAssets.explorerScript] : [PageAssets.script]
    var policy = "default-src 'none'; style-src 'sha256-\(Self.base64Digest(css))'; script-src "
      + scripts.map { "'sha256-\(Self.base64Digest($0))'" }.joined(separator: " ")
      + "; img-src data:; base-uri 'none'; form-action 'none'"
    if mode == .explorer { policy += "; connect-src 'self'" }
    var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
    out += "<meta http-equiv=\"Content-Security-Policy\" content=\"\(HTML.attribute(policy))\">\n"
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    out += "<meta name=\"generator\" content=\"\(HTML.attribute(generator))\">\n"
    if mode == .explorer { out += "<meta name=\"statecraft-session\" content=\"\(HTML.attribute(sessionID))\">\n" }
    out += "<title>\(HTML.text(b.header.title)) — \(mode == .explorer ? "explorer" : "briefing")</title>\n<style>\(css)</style>\n</head>\n<body\(mode == .explorer ? " class=\"explorer\"" : "")>\n"
    if mode == .explorer { out += ExplorerPanel.html(briefing) }
    out += "<main>\n" + (try sections()) + "</main>\n<div id=\"tip\" hidden></div>\n"
    out += "<script type=\"application/json\" id=\"briefing-data\">\(HTML.scriptJSON(try b.json()))</script>\n"
    for script in scripts { out += "<script>\(script)</script>\n" }
    return out + "</body>\n</html>\n"
  }

  /// Every section, in order: what `<main>` holds, and what the explorer swaps in after an edit.
  public func sections() throws -> String { sections(after: sectionsAfterMaps()) }

  /// The sections after the maps, from who matters to methods: none reads ``map`` or
  /// ``geoMap``, so the explorer writes them while its maps are drawn.
  public func sectionsAfterMaps() -> String {
    whoMatters() + pathsSection() + balanceSection() + influenceSection() + timelineSection() + scenariosSection()
      + sourcesSection() + methodsSection()
  }

  /// Every section, `after` being this page's ``sectionsAfterMaps()``: the header (its
  /// contents name the geographic map when there is one), key findings and the two maps first.
  public func sections(after: String) -> String {
    header() + findings() + mapSection() + whereSection() + after
  }

  /// The briefing's data as the page's script reads it (JSON, safe inside a script element).
  public func dataJSON() throws -> String { HTML.scriptJSON(try briefing.compactJSON()) }

  /// The sections the explorer's quick answer on a big world recomputes (the header, key
  /// findings, who matters, paths, balance and influence), each a `<section>` with its id;
  /// the page keeps its other sections, marked as updating, until the full answer.
  public func quickSections() -> String {
    header() + findings() + whoMatters() + pathsSection() + balanceSection() + influenceSection()
  }

  /// The parts of the briefing's data the quick sections and the page's script use (all but
  /// the relation rows, the timeline, scenarios and sources), to merge into the page's data.
  public func quickDataJSON() throws -> String {
    struct Quick: Encodable {
      let b: Briefing
      func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: DynamicKey.self)
        try c.encode(b.header, forKey: DynamicKey("header"))
        try c.encode(b.findings, forKey: DynamicKey("findings"))
        try c.encode(b.choices, forKey: DynamicKey("choices"))
        try c.encode(b.measures, forKey: DynamicKey("measures"))
        try c.encode(b.actors, forKey: DynamicKey("actors"))
        try c.encode(b.paths, forKey: DynamicKey("paths"))
        try c.encode(b.balance, forKey: DynamicKey("balance"))
        try c.encode(b.communities, forKey: DynamicKey("communities"))
        try c.encode(b.influence, forKey: DynamicKey("influence"))
        try c.encode(b.leverage, forKey: DynamicKey("leverage"))
      }
    }
    return HTML.scriptJSON(try ReportJSON.encode(Quick(b: briefing), compact: true))
  }

  // MARK: - Sections

  func header() -> String {
    let h = briefing.header
    var out = "<header class=\"doc\" id=\"top\">\n<h1>\(HTML.text(h.title))</h1>\n"
    if let d = h.description { out += "<p class=\"lede\">\(HTML.text(d))</p>\n" }
    out += whatIf()
    out += "<dl class=\"meta\">\n"
    out += row("World", "\(h.name) · \(h.actors) actors, \(h.relations) relations · \(h.directed ? "directed" : "undirected")")
    out += row("World date", h.worldDate ?? "none declared")
    out += row("Lens", h.lens.text)
    out += row("Data", "\(h.file) · SHA-256 \(h.sha256)")
    out += row("Sources", briefing.sources.isEmpty ? "no relation cites a source" : "\(briefing.sources.count) cited (endnotes)")
    out += "</dl>\n"
    out += "<nav class=\"toc\">" + sectionsPresent().map { "<a href=\"#\($0.0)\">\(HTML.text($0.1))</a>" }.joined() + "</nav>\n</header>\n"
    return out
  }

  /// The what-if banner of an edited state (``editCount``): what the page shows, how its
  /// numbers are marked, and, in a report, every edit (folded away beyond twenty).
  func whatIf() -> String {
    guard editCount > 0 else { return "" }
    let edits = editCount == 1 ? "one edit" : "\(editCount) edits"
    let marks = baseline == nil ? "" : " Scores that moved are marked with their change against the unedited world (Who matters), as the map's fills are."
    var out = "<div class=\"whatif\"><p><strong>What if:</strong> this page shows the world file below with \(edits) applied"
    guard !editLines.isEmpty else {
      return out + " (listed in the edit panel), not the file as it stands.\(marks)</p></div>\n"
    }
    out += ", not the file as it stands.\(marks)</p>\n"
    let list = "<ol>" + editLines.map { "<li>\(HTML.text($0))</li>" }.joined() + "</ol>"
    out += editLines.count <= 20 ? list : "<details><summary>the \(editLines.count) edits</summary>\(list)</details>"
    return out + "</div>\n"
  }

  func row(_ term: String, _ value: String) -> String { "<dt>\(HTML.text(term))</dt><dd>\(HTML.text(value))</dd>\n" }

  func sectionsPresent() -> [(String, String)] {
    var s = [("findings", "Key findings"), ("map", "Map")]
    if geoMap != nil { s.append(("where", "Where")) }
    s.append(("who-matters", "Who matters"))
    if !briefing.paths.isEmpty { s.append(("paths", "How A reaches B")) }
    if briefing.balance != nil { s.append(("balance", "Balance and camps")) }
    if !briefing.influence.isEmpty { s.append(("influence", "Influence")) }
    if briefing.timeline != nil { s.append(("over-time", "Over time")) }
    if !briefing.scenarios.isEmpty { s.append(("what-if", "What if")) }
    s.append(("sources", "Sources"))
    s.append(("methods", "Methods"))
    return s
  }

  func findings() -> String {
    var out = "<section id=\"findings\">\n<h2>Key findings</h2>\n"
    if briefing.findings.isEmpty {
      out += "<p class=\"note\">This world has too few ties for generated findings.</p>\n"
    } else {
      out += "<ol class=\"findings\">\n"
      for f in briefing.findings { out += "<li>\(HTML.text(f.text)) <a href=\"#\(f.section)\">see ›</a></li>\n" }
      out += "</ol>\n"
    }
    if !briefing.choices.isEmpty {
      // An edited explorer state asks the unedited world's questions and says so itself.
      let lead = baseline == nil ? "No scenario file chose the questions, so this briefing did:" : "No scenario file chose the questions."
      out += "<p class=\"note\">\(lead) \(HTML.text(briefing.choices.joined(separator: " ")))</p>\n"
    }
    out += """
      <aside class="howto"><strong>How to read this.</strong>
      <p>Every number is computed by Statecraft from the world file named above, through the lens stated there; the Methods section names the NetworkX call each measure equals. Scores compare actors within this world only.</p>
      <p>On the map, blue ties are cooperative, vermilion hostile, grey neutral; dashed ties are words (threats, pledges), solid ties deeds; width is strength, node size PageRank. Hover a tie or actor for details and sources; click an actor to focus it; click a table header to sort.</p>
      </aside>
      </section>

      """
    return out
  }

  func mapSection() -> String {
    var out = "<section id=\"map\" class=\"page\">\n<h2>Map</h2>\n"
    guard let map else { return out + "<p class=\"note\">No map: the world has no actors.</p>\n</section>\n" }
    out += "<div class=\"controls\"><span>Colour actors by:</span>"
    out += "<label><input type=\"radio\" name=\"colour\" value=\"none\" checked> as drawn</label>"
    if briefing.balance != nil { out += "<label><input type=\"radio\" name=\"colour\" value=\"camps\"> balance camps</label>" }
    if briefing.communities != nil { out += "<label><input type=\"radio\" name=\"colour\" value=\"communities\"> communities</label>" }
    out += "<label><input type=\"checkbox\" id=\"hostile-only\"> hostile ties only</label></div>\n"
    out += "<div class=\"keyline\" id=\"keyline\"></div>\n"
    out += "<div class=\"mapwrap\"><div class=\"map main\">\(HTML.inlineSVG(map))</div><div class=\"card\" id=\"card\" hidden></div></div>\n"
    if let mapNote { out += "<p class=\"note\">\(HTML.text(mapNote))</p>\n" }
    return out + "</section>\n"
  }

  func whereSection() -> String {
    guard let geoMap else { return "" }
    let edits = mode == .explorer ? " After an edit, actors are filled by their change in PageRank and removed ones ghosted, as on the map above." : ""
    return "<section id=\"where\" class=\"page\">\n<h2>Where</h2>\n<p class=\"note\">The same ties on geography: actors at their coordinates (Equal Earth projection, Natural Earth outlines); hover for details.\(edits)</p>\n"
      + "<div class=\"map geo\">\(HTML.inlineSVG(geoMap))</div>\n</section>\n"
  }

  func whoMatters() -> String {
    let b = briefing
    var out = "<section id=\"who-matters\" class=\"page\">\n<h2>Who matters</h2>\n"
    out += "<p class=\"note\">Each column is one measure (value, and rank among \(b.actors.count) actors in small type). Click a header to sort.</p>\n"
    let pending = b.measures.filter(\.pending).map(\.name)
    if !pending.isEmpty {
      out += "<p class=\"note pending\">\(HTML.text(pending.joined(separator: " and "))) (all-pairs on \(b.actors.count) actors) are being recomputed and arrive in a moment; the other sections are up to date.</p>\n"
    }
    let ordered = b.actors.indices.sorted { (b.actors[$0].ranks.first ?? 0, $0) < (b.actors[$1].ranks.first ?? 0, $1) }
    var head = ["<th>actor</th>", "<th>kind</th>"]
    head += b.measures.map { "<th class=\"num\" title=\"\(HTML.attribute($0.networkX))\">\(HTML.text($0.name))</th>" }
    let befores = baselineRows(for: b)
    let rows = ordered.map { i -> String in
      let a = b.actors[i]
      var cells = ["<td>\(actorLink(a.id))</td>", "<td>\(HTML.text(a.kind))</td>"]
      let before = befores[i]
      for (k, s) in a.scores.enumerated() {
        if b.measures[k].pending {
          cells.append("<td class=\"num\" data-v=\"\">…</td>")
          continue
        }
        cells.append("<td class=\"num\" data-v=\"\(s.map { "\($0)" } ?? "")\">\(HTML.text(s.map(ReportText.tableNumber) ?? "—")) <small>\(a.ranks[k])</small>\(change(s, before?.scores[k] ?? nil, rank: a.ranks[k], rankBefore: before?.ranks[k]))</td>")
      }
      return "<tr>" + cells.joined() + "</tr>"
    }
    out += table(id: "measures", head: head, rows: rows, what: "actors")
    if let u = b.uncertainty {
      out += "<h3 id=\"uncertainty\">How sure: PageRank under uncertain weights</h3>\n"
      out += "<p class=\"note\">\(u.samples) samples (seed \(u.seed)) drawing each of the \(u.uncertainRelations) relations with a weight range uniformly from it; 90% interval = 5th to 95th percentile; “held rank” = share of samples in which the actor kept its nominal rank.</p>\n"
      let urows = u.rows.map { r in
        "<tr><td>\(actorLink(r.actor))</td><td class=\"num\" data-v=\"\(r.nominalRank)\">\(r.nominalRank)</td>" + [r.nominal, r.median].map(numberCell).joined()
          + "<td class=\"num\" data-v=\"\(r.low)\">\(ReportText.tableNumber(r.low)) – \(ReportText.tableNumber(r.high))</td>"
          + "<td class=\"num\" data-v=\"\(r.rankStability)\">\(Int((100 * r.rankStability).rounded()))%</td></tr>"
      }
      out += table(
        id: "uncertainty-table",
        head: ["<th>actor</th>", "<th class=\"num\">rank</th>", "<th class=\"num\">nominal</th>", "<th class=\"num\">median</th>", "<th class=\"num\">90% interval</th>", "<th class=\"num\">held rank</th>"],
        rows: urows, what: "actors")
    }
    return out + "</section>\n"
  }

  /// The baseline's row for each actor of ``briefing`` (nil without a baseline, for an added
  /// actor, or for every actor when the two measured different things), in its order: the
  /// measures are compared once for the table, not once per row.
  func baselineRows(for b: Briefing) -> [Briefing.ActorRow?] {
    guard let baseline, baseline.measures.map(\.name) == b.measures.map(\.name) else { return Array(repeating: nil, count: b.actors.count) }
    return b.actors.map { a in baselineIndex[a.id].map { baseline.actors[$0] } }
  }

  static func names(_ b: Briefing) -> [String: String] {
    Dictionary(b.actors.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
  }

  static func rows(_ b: Briefing?) -> [String: Int] {
    Dictionary((b?.actors ?? []).enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
  }

  /// A score's change against the baseline, marked up (nothing when it did not move).
  func change(_ now: Double?, _ before: Double?, rank: Int, rankBefore: Int?) -> String {
    guard baseline != nil else { return "" }
    guard let now, let before else { return now == nil ? "" : "<br><small class=\"delta up\">new</small>" }
    let d = now - before
    guard abs(d) > 1e-12 * max(1, abs(before)) else { return "" }
    let ranks = rankBefore.map { $0 != rank ? " (\($0)→\(rank))" : "" } ?? ""
    return "<br><small class=\"delta \(d > 0 ? "up" : "down")\">\(HTML.text(ReportText.signedNumber(d)))\(ranks)</small>"
  }

  func pathsSection() -> String {
    guard !briefing.paths.isEmpty else { return "" }
    var out = "<section id=\"paths\" class=\"page\">\n<h2>How A reaches B</h2>\n"
    for p in briefing.paths {
      out += "<h3>\(actorLink(p.from)) to \(actorLink(p.to))\(p.anyDirection ? " <small>(ties walked either way)</small>" : "")</h3>\n"
      out += pathBlock(p.path, valueName: p.valueName)
    }
    return out + "</section>\n"
  }

  func pathBlock(_ path: Briefing.PathValue?, valueName: String) -> String {
    guard let path else { return "<p class=\"path\">No chain of relations joins them under this lens.</p>\n" }
    var out = "<p class=\"path\">\(path.actors.map(actorLink).joined(separator: " → ")) <small>\(HTML.text(valueName)) \(HTML.text(ReportText.tableNumber(path.value))), \(path.hops.count) step\(path.hops.count == 1 ? "" : "s")</small></p>\n<ol class=\"hops\">\n"
    for h in path.hops {
      out += "<li>\(HTML.text(name(h.from))) – \(HTML.text(name(h.to)))<ul>"
      for r in h.relations { out += "<li\(r.sign == "hostile" ? " class=\"hostile\"" : "")>\(HTML.text(relationLine(r)))</li>" }
      out += "</ul></li>\n"
    }
    return out + "</ol>\n"
  }

  /// A path in one line: its actors, value and steps (the hops are in "How A reaches B").
  func pathLine(_ path: Briefing.PathValue?, valueName: String) -> String {
    guard let path else { return "no path" }
    return path.actors.map(actorLink).joined(separator: " → ")
      + " <small>\(HTML.text(valueName)) \(HTML.text(ReportText.tableNumber(path.value))), \(path.hops.count) step\(path.hops.count == 1 ? "" : "s")</small>"
  }

  func balanceSection() -> String {
    guard let bal = briefing.balance else { return "" }
    var out = "<section id=\"balance\" class=\"page\">\n<h2>Balance and camps</h2>\n"
    let ties = bal.friendlyTies + bal.hostileTies
    out += "<p>\(bal.friendlyTies) friendly and \(bal.hostileTies) hostile ties (directions merged, parallel relations netted by strength). "
    out += "Frustration index <strong>\(bal.frustration)</strong>\(bal.exact ? " (proven minimal)" : " (best split found; at least \(bal.lowerBound))"): "
    out += "the fewest ties that must break for the world to split into two camps, friendly within and hostile between; normalized balance \(HTML.text(ReportText.tableNumber(bal.normalizedBalance))) of \(ties) ties.</p>\n"
    out += "<div class=\"two\">"
    for (k, camp) in bal.camps.enumerated() {
      out += "<div><h3>Camp \(k == 0 ? "A" : "B")</h3><p>\(camp.isEmpty ? "—" : camp.map(actorLink).joined(separator: ", "))</p></div>"
    }
    out += "</div>\n"
    if !bal.brokenTies.isEmpty {
      out += "<h3>Ties that break the split</h3>\n<ul>"
      for t in bal.brokenTies {
        out += "<li>\(actorLink(t.actors[0])) – \(actorLink(t.actors[1])): \(t.friendly ? "friendly across the camps" : "hostile inside a camp") (\(HTML.text(t.types.joined(separator: ", "))))</li>"
      }
      out += "</ul>\n"
    }
    out += "<p class=\"note\">Triangles: \(bal.triangles), of which \(bal.balancedTriangles) balanced (index \(HTML.text(ReportText.tableNumber(bal.strictIndex)))).</p>\n"
    if bal.unbalancedCount > 0 {
      out += "<h3>Unbalanced triangles (\(bal.unbalancedCount))</h3>\n<ul>"
      for t in bal.unbalancedTriangles { out += "<li>\(t.dropLast().map(actorLink).joined(separator: ", ")) <small>(\(HTML.text(t.last ?? "")))</small></li>" }
      if bal.unbalancedCount > bal.unbalancedTriangles.count { out += "<li>… and \(bal.unbalancedCount - bal.unbalancedTriangles.count) more</li>" }
      out += "</ul>\n"
    }
    if let br = briefing.brokerage {
      out += "<h3 id=\"brokerage\">Brokerage by \(HTML.text(br.attribute))</h3>\n"
      out += "<p class=\"note\">Gould–Fernandez roles: an actor b brokers a → b → c when a → c is absent; the role depends on which of a, b, c share a \(HTML.text(br.attribute)).</p>\n"
      if br.rows.isEmpty {
        out += "<p>No actor brokers between others.</p>\n"
      } else {
        let head = ["<th>actor</th>", "<th>\(HTML.text(br.attribute))</th>"] + br.roles.map { "<th class=\"num\">\(HTML.text($0))</th>" } + ["<th class=\"num\">total</th>"]
        let rows = br.rows.map { r in
          "<tr><td>\(actorLink(r.actor))</td><td>\(HTML.text(r.group))</td>" + (r.counts + [r.total]).map { "<td class=\"num\" data-v=\"\($0)\">\($0)</td>" }.joined() + "</tr>"
        }
        out += table(id: "brokerage-table", head: head, rows: rows, what: "brokers")
      }
    }
    if let c = briefing.communities {
      out += "<h3 id=\"communities\">Communities</h3>\n<p class=\"note\">Louvain (seed 0), modularity \(HTML.text(ReportText.tableNumber(c.modularity))) with ties as undirected.</p>\n<ol>"
      for m in c.members.prefix(30) { out += "<li>\(m.prefix(40).map(actorLink).joined(separator: ", "))\(m.count > 40 ? ", … (\(m.count) in all)" : "")</li>" }
      if c.members.count > 30 { out += "<li>… and \(c.members.count - 30) more communities</li>" }
      out += "</ol>\n"
    }
    return out + "</section>\n"
  }

  func influenceSection() -> String {
    guard !briefing.influence.isEmpty else { return "" }
    var out = "<section id=\"influence\" class=\"page\">\n<h2>Influence</h2>\n"
    out += "<p class=\"note\">Model: \(HTML.text(briefing.influence[0].model)).</p>\n<div class=\"two\">"
    for answer in briefing.influence {
      out += "<div><h3>Who sways \(actorLink(answer.target))</h3>"
      let rows = answer.rows.map { s in
        "<tr><td>\(actorLink(s.actor))\(s.actor == answer.target ? " <small>(own stance)</small>" : "")</td>\(numberCell(s.share))</tr>"
      }
      out += table(id: "influence-\(BriefingPage.anchor(answer.target))", head: ["<th>actor</th>", "<th class=\"num\">share</th>"], rows: rows, what: "actors")
      out += "</div>"
    }
    out += "</div>\n"
    if !briefing.leverage.isEmpty {
      out += "<h3 id=\"leverage\">Which relations move these answers most</h3>\n"
      out += "<p class=\"note\">Each relation removed in turn: the change estimated from one adjoint solve, then the top eight recomputed exactly on the edited world.</p>\n<div class=\"two\">"
      for (k, l) in briefing.leverage.enumerated() {
        out += "<div><h4>\(HTML.text(l.question)) <small>now \(HTML.text(ReportText.tableNumber(l.baseline)))</small></h4>"
        if l.pending {
          out += "<p class=\"note pending\">The relations that move it most are being recomputed for this state and arrive in a moment.</p></div>"
          continue
        }
        let rows = l.rows.map { r in
          "<tr><td>\(HTML.text(r.relation))</td><td>\(HTML.text(r.tie))</td>"
            + [r.estimate, r.exact].map { v in "<td class=\"num\" data-v=\"\(v.map { "\($0)" } ?? "")\">\(HTML.text(v.map(ReportText.signedNumber) ?? "—"))</td>" }.joined() + "</tr>"
        }
        out += table(id: "leverage-\(k)", head: ["<th>relation</th>", "<th>tie</th>", "<th class=\"num\">estimate</th>", "<th class=\"num\">exact</th>"], rows: rows, what: "relations")
        if !l.knockOut.isEmpty {
          out += "<p class=\"small\">Whose removal moves it most (each actor removed with its relations, recomputed):</p>"
          let krows = l.knockOut.map { r in
            "<tr><td>\(actorLink(r.actor))</td>\(numberCell(r.after))<td class=\"num\" data-v=\"\(r.change)\">\(HTML.text(ReportText.signedNumber(r.change)))</td></tr>"
          }
          out += table(id: "knockout-\(k)", head: ["<th>without</th>", "<th class=\"num\">value</th>", "<th class=\"num\">change</th>"], rows: krows, what: "actors")
        }
        out += "</div>"
      }
      out += "</div>\n"
    }
    return out + "</section>\n"
  }

  func timelineSection() -> String {
    guard let t = briefing.timeline else { return "" }
    var out = "<section id=\"over-time\" class=\"page\">\n<h2>Over time</h2>\n"
    out += "<p class=\"note\">\(HTML.text(t.measure)) at each \(HTML.text(t.step)) from \(HTML.text(t.dates.first ?? "")) to \(HTML.text(t.dates.last ?? "")), each date seeing only the relations valid on it; the \(t.series.count) actors that moved most, on one scale.</p>\n"
    let set = SeriesSet(
      quantity: t.measure, axis: "date", points: t.dates, positions: t.dates.indices.map(Double.init),
      series: t.series.map { Series(name: name($0.actor), values: $0.values) })
    out += "<div class=\"map chart\">\(HTML.inlineSVG(SeriesChart.svg(set, title: "Who moved: \(t.measure) over time")))</div>\n"
    return out + "</section>\n"
  }

  func scenariosSection() -> String {
    guard !briefing.scenarios.isEmpty else { return "" }
    var out = "<section id=\"what-if\" class=\"page\">\n<h2>What if</h2>\n"
    for (k, s) in briefing.scenarios.enumerated() {
      out += "<div class=\"scenario\" id=\"\(Briefing.scenarioAnchor(s.name))\">\n<h3>\(HTML.text(s.title ?? s.name)) <small>(\(HTML.text(s.name)))</small></h3>\n"
      out += "<ul class=\"sentences\">" + s.sentences.map { "<li>\(HTML.text($0.prefix(1).uppercased() + $0.dropFirst()))</li>" }.joined() + "</ul>\n"
      out += "<p class=\"note\">Edits: " + s.edits.enumerated().map { "\($0 + 1). \(HTML.text($1))" }.joined(separator: "; ") + (s.date.map { "; lens date \(HTML.text($0))" } ?? "") + "</p>\n"
      if k < deltaMaps.count, let svg = deltaMaps[k] { out += "<div class=\"map delta\">\(HTML.inlineSVG(svg))</div>\n" }
      out += "<div class=\"two\">"
      for m in s.measures {
        out += "<div><h4>\(HTML.text(m.measure)): \(m.changes.count) actor\(m.changes.count == 1 ? "" : "s") changed</h4>"
        let ranked = m.changes.sorted { abs($0.delta ?? .infinity) > abs($1.delta ?? .infinity) }
        let rows = ranked.map { c in
          let d = c.delta
          let cls = (d ?? 0) > 0 ? "up" : (d ?? 0) < 0 ? "down" : ""
          let rank = c.rankBefore.map { b in c.rankAfter.map { a in a == b ? "\(a)" : "\(b) → \(a)" } ?? "\(b) → —" } ?? "—"
          return "<tr><td>\(actorLink(c.actor))</td>" + [c.before, c.after].map { $0.map(numberCell) ?? "<td class=\"num\" data-v=\"\">—</td>" }.joined()
            + "<td class=\"num \(cls)\" data-v=\"\(d.map { "\($0)" } ?? "")\">\(HTML.text(d.map(ReportText.signedNumber) ?? (c.before == nil ? "added" : "removed")))</td><td>\(rank)</td></tr>"
        }
        out += table(
          id: "scn-\(k)-\(BriefingPage.anchor(m.measure))",
          head: ["<th>actor</th>", "<th class=\"num\">before</th>", "<th class=\"num\">after</th>", "<th class=\"num\">change</th>", "<th>rank</th>"],
          rows: rows, what: "changes", limit: 10)
        out += "</div>"
      }
      out += "</div>\n"
      if !s.influence.isEmpty {
        out += "<h4>Influence</h4><table><thead><tr><th>question</th><th class=\"num\">before</th><th class=\"num\">after</th><th class=\"num\">change</th></tr></thead><tbody>"
        for i in s.influence {
          out += "<tr><td>\(HTML.text(i.pair))</td>\(numberCell(i.before))\(numberCell(i.after))<td class=\"num\">\(HTML.text(ReportText.signedNumber(i.after - i.before)))</td></tr>"
        }
        out += "</tbody></table>\n"
      }
      for p in s.paths where p.before != p.after {
        out += "<h4>The path from \(actorLink(p.from)) to \(actorLink(p.to)) changes</h4><ul>"
        out += "<li>Before: \(pathLine(p.before, valueName: p.valueName))</li><li>After: \(pathLine(p.after, valueName: p.valueName))</li></ul>\n"
      }
      out += "</div>\n"
    }
    return out + "</section>\n"
  }

  func sourcesSection() -> String {
    var out = "<section id=\"sources\" class=\"page\">\n<h2>Sources</h2>\n"
    guard !briefing.sources.isEmpty else { return out + "<p>No relation in this world cites a source.</p>\n</section>\n" }
    out += "<ol class=\"sources\">\n"
    for s in briefing.sources {
      out += "<li id=\"source-\(BriefingPage.anchor(s.id))\"><strong>\(HTML.text(s.citation))</strong> <small>[\(HTML.text(s.id))]</small>"
      if let url = s.url { out += "<br><span class=\"small\">\(HTML.text(url))</span>" }
      out += "<br><span class=\"small\">cited by \(s.count) relation\(s.count == 1 ? "" : "s"):</span><ul>"
      out += s.relations.map { "<li>\(HTML.text($0))</li>" }.joined()
      if s.count > s.relations.count { out += "<li>… and \(s.count - s.relations.count) more</li>" }
      out += "</ul></li>\n"
    }
    return out + "</ol>\n</section>\n"
  }

  func methodsSection() -> String {
    var out = "<section id=\"methods\" class=\"page\">\n<h2>Methods</h2>\n<table><thead><tr><th>measure</th><th>equals (NetworkX)</th></tr></thead><tbody>"
    for m in briefing.measures { out += "<tr><td>\(HTML.text(m.name))</td><td><code>\(HTML.text(m.networkX))</code></td></tr>" }
    out += "</tbody></table>\n"
    out += "<p class=\"small\">Path-based measures use length = 1/strength. Influence is Friedkin–Johnsen: each actor keeps a share of its own stance and weighs the rest by its ties’ strengths. Balance merges each pair’s relations into one signed tie. Lens: \(HTML.text(briefing.header.lens.text)). \(HTML.text(generator)).</p>\n"
    return out + "</section>\n"
  }

  // MARK: - Pieces

  func name(_ id: String) -> String { names[id] ?? id }

  /// An actor's name that focuses it on the map when clicked.
  func actorLink(_ id: String) -> String {
    "<a class=\"actor\" href=\"#map\" data-actor=\"\(HTML.attribute(id))\">\(HTML.text(name(id)))</a>"
  }

  func relationLine(_ r: Briefing.RelationRow) -> String {
    var line = "\(r.from) \(r.mutual ? "↔" : "→") \(r.to): \(r.type), weight \(ReportText.jsonNumber(r.weight)), \(r.sign)"
    if let p = r.period { line += ", \(p)" }
    if let s = r.source { line += " [\(s)]" }
    if let n = r.note { line += " — \(n)" }
    return line
  }

  func numberCell(_ x: Double) -> String {
    "<td class=\"num\" data-v=\"\(x.isFinite ? "\(x)" : "")\">\(HTML.text(ReportText.tableNumber(x)))</td>"
  }

  /// A sortable table; beyond `limit` rows the rest wait behind a "show all" button.
  func table(id: String, head: [String], rows: [String], what: String, limit: Int? = nil) -> String {
    let limit = limit ?? tableLimit
    let paged = rows.count > limit
    var out = "<table class=\"sortable\" id=\"\(id)\"\(paged ? " data-limit=\"\(limit)\"" : "")><thead><tr>\(head.joined())</tr></thead><tbody>\n"
    for (i, r) in rows.enumerated() {
      out += paged && i >= limit && r.hasPrefix("<tr>") ? "<tr class=\"more\">" + r.dropFirst(4) : r
      out += "\n"
    }
    out += "</tbody></table>\n"
    if paged {
      let label = "Show all \(rows.count) \(what)"
      out += "<button type=\"button\" class=\"showall\" data-table=\"\(id)\" data-label=\"\(HTML.attribute(label))\">\(HTML.text(label))</button>\n"
    }
    return out
  }

  static func anchor(_ s: String) -> String { String(s.map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "-" }) }

  static func base64Digest(_ text: String) -> String { Data(SHA256.digest(Array(text.utf8))).base64EncodedString() }
}
