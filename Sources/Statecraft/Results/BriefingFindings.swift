import Foundation

/// The sentences a briefing opens with, generated from its own sections by fixed templates:
/// each states one number the briefing proves and names the section that proves it. Nothing
/// here invents a claim; a template whose inputs are missing says nothing.
struct BriefingFindings {
  var briefing: Briefing

  /// Every finding, in reading order: who matters, who brokers, who sways, camps, paths,
  /// uncertainty, then one per scenario.
  func all() -> [Briefing.Finding] {
    var out: [Briefing.Finding] = []
    out += leader("pagerank", verb: "matters most by PageRank")
    out += leader("betweenness", verb: "brokers most (highest betweenness)")
    out += influence()
    out += leverage()
    out += knockOut()
    out += balance()
    out += paths()
    out += uncertainty()
    for s in briefing.scenarios {
      if let first = s.sentences.first { out.append(.init(text: Self.finding(first, scenario: s), section: Briefing.scenarioAnchor(s.name))) }
    }
    return out
  }

  /// An actor's display name: `Pakistan`, or the id when the world has no such actor.
  func name(_ id: String) -> String { briefing.actors.first { $0.id == id }?.name ?? id }

  func leader(_ measure: String, verb: String) -> [Briefing.Finding] {
    guard let m = briefing.measures.firstIndex(where: { $0.name == measure }), briefing.actors.count >= 2 else { return [] }
    let ranked = briefing.actors.filter { $0.scores[m] != nil }.sorted { $0.ranks[m] < $1.ranks[m] }
    guard ranked.count >= 2, let top = ranked[0].scores[m], let second = ranked[1].scores[m], top > 0 else { return [] }
    if second == top {
      return [.init(text: "\(ranked[0].name) and \(ranked[1].name) share the lead on \(measure), \(Self.number(top)) each.", section: "who-matters")]
    }
    if second == 0 {
      return [.init(text: "\(ranked[0].name) alone scores above 0 on \(measure), \(Self.number(top)).", section: "who-matters")]
    }
    return [.init(
      text: "\(ranked[0].name) \(verb), \(Self.number(top)), ahead of \(ranked[1].name), \(Self.number(second)).",
      section: "who-matters")]
  }

  func influence() -> [Briefing.Finding] {
    briefing.influence.compactMap { answer in
      let outside = answer.rows.filter { $0.actor != answer.target }
      guard let first = outside.first else { return nil }
      var text = "\(name(first.actor)) holds the largest outside share of \(name(answer.target))’s settled stance, \(Self.number(first.share))"
      if outside.count > 1 { text += ", ahead of \(name(outside[1].actor)), \(Self.number(outside[1].share))" }
      return .init(text: text + ".", section: "influence")
    }
  }

  func leverage() -> [Briefing.Finding] {
    briefing.leverage.compactMap { l in
      guard let top = l.rows.first, let exact = top.exact, exact != 0 else { return nil }
      return .init(
        text: "The relation that moves \(l.question) most is \(top.tie)\(top.relation.contains("→") ? "" : " (\(top.relation))"): removing it changes the share by \(exact > 0 ? "+" : "−")\(Self.number(abs(exact))), from \(Self.number(l.baseline)).",
        section: "leverage")
    }
  }

  func knockOut() -> [Briefing.Finding] {
    briefing.leverage.compactMap { l in
      guard let top = l.knockOut.first, top.change != 0 else { return nil }
      let (b, a) = Self.distinct(l.baseline, top.after)
      return .init(text: "Without \(name(top.actor)), \(l.question) would move most: from \(b) to \(a).", section: "leverage")
    }
  }

  func balance() -> [Briefing.Finding] {
    guard let b = briefing.balance, b.friendlyTies + b.hostileTies > 0 else { return [] }
    let camps = b.camps.map { $0.map(name).joined(separator: ", ") }
    switch b.frustration {
    case 0 where b.hostileTies == 0:
      return [.init(text: "No tie is hostile: the world is one camp.", section: "balance")]
    case 0:
      return [.init(text: "The world splits cleanly into two camps: \(camps[0]) against \(camps[1]).", section: "balance")]
    case 1 where b.brokenTies.count == 1:
      let t = b.brokenTies[0]
      let what = t.friendly ? "a friendly tie across the camps" : "a hostile tie inside one camp"
      return [.init(
        text: "The world is one tie short of two clean camps: \(name(t.actors[0]))–\(name(t.actors[1])) (\(Self.distinctTypes(t.types))) is \(what).",
        section: "balance")]
    default:
      let proof = b.exact ? "" : " (a heuristic split; at least \(b.lowerBound))"
      return [.init(
        text: "\(b.frustration) of \(b.friendlyTies + b.hostileTies) ties keep the world from splitting into two clean camps\(proof).",
        section: "balance")]
    }
  }

  func paths() -> [Briefing.Finding] {
    briefing.paths.map { p in
      guard let path = p.path else {
        return .init(text: "No chain of relations joins \(name(p.from)) to \(name(p.to)).", section: "paths")
      }
      let steps = path.hops.count
      return .init(
        text: "\(name(p.from)) reaches \(name(p.to)) in \(steps) step\(steps == 1 ? "" : "s"): \(path.actors.map(name).joined(separator: " → ")).",
        section: "paths")
    }
  }

  func uncertainty() -> [Briefing.Finding] {
    guard let u = briefing.uncertainty, let top = u.rows.first else { return [] }
    let share = Int((100 * top.rankStability).rounded())
    return [.init(
      text: "Across \(u.samples) draws of the \(u.uncertainRelations) uncertain weight\(u.uncertainRelations == 1 ? "" : "s"), \(name(top.actor)) ranks first by PageRank in \(share)% of samples.",
      section: "uncertainty")]
  }

  /// Sentences about one scenario, each a clause that reads after "Under “title”, ": each
  /// influence pair's change, then the largest move of the first measure, then balance.
  static func sentences(for s: Briefing.ScenarioSection, in world: World) -> [String] {
    func name(_ id: String) -> String { world[actor: Actor.ID(id)]?.name ?? id }
    var out: [String] = []
    for change in s.influence where change.before.isFinite && change.after.isFinite {
      let parts = change.pair.components(separatedBy: " over ")
      guard parts.count == 2 else { continue }
      let subject = "\(name(parts[0]))’s share of \(name(parts[1]))’s stance"
      if change.before == change.after {
        out.append("\(subject) stays at \(number(change.before)).")
      } else {
        let verb = change.after > change.before ? "rises" : "falls"
        let percent = change.before != 0 ? " (\(signedPercent((change.after - change.before) / change.before)))" : ""
        let (b, a) = distinct(change.before, change.after)
        out.append("\(subject) \(verb) from \(b) to \(a)\(percent).")
      }
    }
    if let m = s.measures.first, let big = m.changes.compactMap({ c in c.delta.map { (c, $0) } }).max(by: { abs($0.1) < abs($1.1) }) {
      let (c, d) = big
      let (b, a) = distinct(c.before ?? 0, c.after ?? 0)
      var text = "\(name(c.actor))’s \(m.measure) moves most, \(d > 0 ? "up" : "down") from \(b) to \(a)"
      if let rb = c.rankBefore, let ra = c.rankAfter, rb != ra { text += " (rank \(rb) → \(ra))" }
      out.append(text + ".")
    }
    if let b = s.frustrationBefore, let a = s.frustrationAfter, a != b {
      out.append("the ties that break the two-camp split go from \(b) to \(a).")
    }
    if out.isEmpty { out.append("none of the measures asked about moves.") }
    return out
  }

  /// A scenario sentence as a finding: `Under “TITLE”, CLAUSE`.
  static func finding(_ clause: String, scenario s: Briefing.ScenarioSection) -> String {
    "Under “\(s.title ?? s.name)”, \(clause)"
  }

  /// Relation types once each, in first-appearance order (`cameo-10, cameo-11`).
  static func distinctTypes(_ types: [String]) -> String {
    var seen: [String] = []
    for t in types where !seen.contains(t) { seen.append(t) }
    return seen.joined(separator: ", ")
  }

  /// Three significant digits (`0.106`, `12.3`, `4.72e-05`), as prose prints numbers.
  static func number(_ x: Double, significant: Int = 3) -> String {
    if x == 0 { return "0" }
    if abs(x) >= 1e-3 && abs(x) < 1e6 {
      let digits = max(0, significant - 1 - Int(floor(log10(abs(x)))))
      return String(format: "%.\(digits)f", x)
    }
    return String(format: "%.\(significant - 1)e", x)
  }

  /// Two different numbers printed with the fewest significant digits (3 to 8) that tell
  /// them apart: `0.1060 → 0.1063`, never `0.106 → 0.106`.
  static func distinct(_ a: Double, _ b: Double) -> (String, String) {
    for digits in 3 ... 8 {
      let (x, y) = (number(a, significant: digits), number(b, significant: digits))
      if x != y { return (x, y) }
    }
    return (number(a, significant: 8), number(b, significant: 8))
  }

  /// A relative change as a signed whole percent (`+21%`, `−4%`), or `<1%` for tiny moves.
  static func signedPercent(_ r: Double) -> String {
    let p = (100 * r).rounded()
    if p == 0 { return r > 0 ? "+<1%" : "−<1%" }
    return (p > 0 ? "+" : "−") + "\(Int(abs(p)))%"
  }

  /// An HTML anchor from a name: letters, digits and `-`; anything else becomes `-`.
  static func anchor(_ name: String) -> String {
    String(name.map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "-" })
  }
}

extension Briefing {
  /// The HTML anchor of a scenario's section (`scenario-minerals-deal`).
  public static func scenarioAnchor(_ name: String) -> String { "scenario-" + BriefingFindings.anchor(name) }
  /// A number as the briefing's prose prints it: three significant digits.
  public static func prose(_ x: Double) -> String { BriefingFindings.number(x) }
}
