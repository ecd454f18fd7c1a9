import Foundation
import Statecraft
@testable import StatecraftRender
import StatecraftTestSupport
import Testing

@testable import StatecraftExplorer

@Suite("Explorer session")
struct ExplorerSessionTests {
  func session() throws -> ExplorerSession {
    let file = graphPath("pakistan-2025.yaml")
    let scenarios = try ScenarioFile.load(graphPath("scenarios/pakistan-2025.yaml"))
    return try ExplorerSession(world: WorldIO.load(file), file: file, questions: scenarios.questions)
  }

  func act(_ s: ExplorerSession, _ json: String) throws -> ExplorerSession.Response {
    let r = s.perform(try JSONDecoder().decode(ExplorerSession.Request.self, from: Data(json.utf8)))
    return r
  }

  /// The parts of the page's data these tests read (JSONDecoder parses numbers exactly;
  /// JSONSerialization on Linux can be a bit off in the last place).
  struct PageData: Decodable {
    struct Measure: Decodable { var name: String }
    struct Actor: Decodable { var id: String; var scores: [Double?] }
    var measures: [Measure]
    var actors: [Actor]
  }

  /// PageRank per actor as the page's data states it.
  func pagerank(_ response: ExplorerSession.Response) throws -> [String: Double] {
    let data = try JSONDecoder().decode(PageData.self, from: Data(try #require(response.data).utf8))
    let k = data.measures.firstIndex { $0.name == "pagerank" }!
    var out: [String: Double] = [:]
    for a in data.actors { out[a.id] = a.scores[k] }
    return out
  }

  func library(_ world: World) throws -> [String: Double] {
    let scores = try world.scores(.pagerank)
    return Dictionary(uniqueKeysWithValues: zip(scores.actors.map(\.rawValue), scores.values))
  }

  @Test("an edit recomputes the page through the library; undo and redo restore it exactly")
  func editUndoRedo() throws {
    let s = try session()
    let base = try library(s.base)
    let i = try s.base.relationIndex(.id("us-tariff-threat"))
    let edited = try act(s, #"{"action": "edit", "op": "update", "relation": \#(i), "weight": 0.3}"#)
    #expect(edited.error == nil && edited.canUndo && !edited.canRedo)
    var world = s.base
    try world.apply(.reweight(.id("us-tariff-threat"), weight: 0.3))
    #expect(try pagerank(edited) == library(world))
    #expect(try pagerank(edited) != base)
    #expect(try #require(edited.main).contains("class=\"delta "), "moved numbers are marked")
    let undone = try act(s, #"{"action": "undo"}"#)
    #expect(try pagerank(undone) == base && undone.canRedo && !undone.canUndo)
    let redone = try act(s, #"{"action": "redo"}"#)
    #expect(try pagerank(redone) == library(world))
    // A new edit after undo ends redo, and its answer says so (it used to offer a redo that
    // then answered "Nothing to redo.").
    _ = try act(s, #"{"action": "undo"}"#)
    let other = try act(s, #"{"action": "edit", "op": "update", "relation": \#(i), "weight": 0.5}"#)
    #expect(other.error == nil && other.canUndo && !other.canRedo)
    #expect(try act(s, #"{"action": "redo"}"#).message == "Nothing to redo.")
  }

  @Test("every answer lists the session's edits in words, through edits, undo, redo, refusals and a new edit after undo")
  func editListFollowsTheSteps() throws {
    let s = try session()
    let actions = [
      #"{"action": "edit", "op": "update", "relation": 0, "weight": 0.3}"#,
      #"{"action": "edit", "op": "update", "relation": 2, "weight": 1.2, "sign": "hostile"}"#,
      #"{"action": "undo"}"#, #"{"action": "redo"}"#, #"{"action": "undo"}"#, #"{"action": "undo"}"#, #"{"action": "undo"}"#,
      #"{"action": "edit", "op": "update", "relation": 1, "weight": -1}"#,
      #"{"action": "edit", "op": "remove", "relation": 3}"#, #"{"action": "undo"}"#,
      #"{"action": "edit", "op": "add", "from": "USA", "to": "CHN", "type": "rivalry", "weight": 0.7}"#,
      #"{"action": "state"}"#,
    ]
    for json in actions {
      let r = try act(s, json)
      // One line per step: the weight and sign of relation 2 change in one step.
      #expect(r.edits == s.steps.map { $0.map(\.description).joined(separator: "; ") }, "after \(json)")
      let sent = try JSONSerialization.jsonObject(with: Data(r.json)) as? [String: Any]
      #expect(r.steps == s.steps.count && sent?["steps"] as? Int == s.steps.count, "after \(json)")
    }
    #expect(s.edits.count == 1)
  }

  @Test("after a long session an answer lists only the last steps (its size does not grow with the session) and counts them all")
  func editListCapped() throws {
    let s = try session()
    let total = ExplorerSession.listedSteps + 3
    var last = ExplorerSession.Response(main: nil, data: nil, sections: nil, edits: [], canUndo: false, canRedo: false)
    for k in 0 ..< total {
      last = try act(s, #"{"action": "edit", "op": "update", "relation": \#(k % 5), "weight": \#(0.2 + Double(k) / 100)}"#)
      #expect(last.error == nil)
    }
    #expect(last.steps == total && last.edits.count == ExplorerSession.listedSteps)
    let lines = s.steps.map { $0.map(\.description).joined(separator: "; ") }
    #expect(last.edits == Array(lines.suffix(ExplorerSession.listedSteps)) && last.edits.first == lines[total - ExplorerSession.listedSteps])
    let json = try JSONSerialization.jsonObject(with: Data(last.json)) as? [String: Any]
    #expect(json?["steps"] as? Int == total)
    let undone = try act(s, #"{"action": "undo"}"#)
    #expect(undone.steps == total - 1 && undone.edits.count == ExplorerSession.listedSteps)
  }

  @Test("the geographic view sits beside the map and shows the edit: fills by the change, a removed actor ghosted")
  func geographicView() throws {
    let s = try session()
    let first = try act(s, #"{"action": "state"}"#)
    #expect(first.error == nil)
    #expect(try s.page().contains("<section id=\"where\""), "the page has the Where section")
    let removed = try act(s, #"{"action": "edit", "op": "remove-actor", "id": "ABX"}"#)
    #expect(removed.error == nil, "\(removed.error ?? "")")
    let main = try #require(removed.main)
    let whereSection = try #require(main.range(of: "<section id=\"where\"")).lowerBound
    let geo = main[whereSection...]
    #expect(geo.contains("class=\"outline\"") && geo.contains("(removed)") && geo.contains("scenario: explorer edits"))
    // The ghost's hover text is a data-tip too (the page removes <title>s).
    #expect(main.firstMatch(of: /class="node" data-tip="[^"]*\(ABX\): removed by the scenario"/) != nil)
  }

  @Test("an answer leaves out the outline the page already shows, and sends it when the page shows another or none")
  func outlineKept() throws {
    let s = try session()
    let page = try s.page()
    let shown = try #require(page.firstMatch(of: /<g class="outline" data-outline="([^"]+)">\n<clipPath/)).1
    let kept = try act(s, #"{"action": "edit", "op": "update", "relation": 0, "weight": 0.4, "outline": "\#(shown)"}"#)
    #expect(kept.error == nil)
    #expect(kept.main?.contains("<g class=\"outline\" data-outline=\"\(shown)\"></g>") == true, "the same outline: left out")
    #expect(kept.main?.contains("class=\"country\"") == false)
    for (k, other) in [#", "outline": "statecraft-geo-0""#, ""].enumerated() {
      let sent = try act(s, #"{"action": "edit", "op": "update", "relation": 0, "weight": 0.\#(k + 5)\#(other)}"#)
      #expect(try #require(sent.main).contains("<g class=\"outline\" data-outline=\"\(shown)\">\n<clipPath") && sent.main!.contains("class=\"country\""))
    }
  }

  @Test("leverage on hover: each tie's tooltip states its estimated leverage on the influence question, as the library estimates it")
  func leverageOnHover() throws {
    let s = try session()
    let r = try act(s, #"{"action": "state"}"#)
    #expect(r.error == nil)
    let page = try s.page()
    let question = try #require(s.baseline?.leverage.first?.question)
    let pair = try #require(InfluencePair(question))
    let report = try s.base.leverage(on: .influence(pair, .fj), change: .remove, lens: s.lens, recompute: 0)
    // Every tie's line is the library's estimate, in the page's words (the alliance, China's
    // only tie to Pakistan, has none: removing it is a jump).
    var checked = 0
    for entry in report.entries {
      guard let i = entry.relationIndex, s.lens.admits(s.base.relations[i]) else { continue }
      let words = ExplorerSession.leverageNote(pair, estimate: entry.estimate, baseline: report.baseline)
      // The explorer's maps carry tooltips as data-tip attributes (``MapOptions/tipsAside``).
      #expect(page.contains(xmlEscaped(words)), "\(words)")
      checked += 1
    }
    #expect(checked >= 10 && page.contains("no first order estimate"))
    // Ties the model does not follow say so: every tie of the map has its leverage line.
    #expect(page.contains(xmlEscaped("leverage on \(pair): none (the fj model does not follow hostile ties; removing it changes nothing)")))
    let start = try #require(page.range(of: "<section id=\"map\"")).lowerBound
    let map = page[start ..< (try #require(page.range(of: "</svg>", range: start ..< page.endIndex))).upperBound]
    let tips = map.matches(of: /<g id="t[^"]+" class="edge" data-tip="([^"]*)"/).map { String($0.1) }
    #expect(tips.count >= 20 && tips.allSatisfy { $0.contains("leverage on ") })
  }

  @Test("hover text set aside: every actor's and tie's is a data-tip on its element (Graphviz's tooltips gone), the same text Graphviz would have written")
  func tipsAside() throws {
    let s = try session()
    let page = try s.page()
    let start = try #require(page.range(of: "<section id=\"map\"")).lowerBound
    let map = page[start ..< (try #require(page.range(of: "</svg>", range: start ..< page.endIndex))).upperBound]
    #expect(!map.contains("xlink:title"))
    for (i, actor) in s.base.actors.enumerated() {
      #expect(map.contains(#"<g id="a\#(i)" class="node" data-tip="\#(xmlEscaped(actor.name)) (\#(actor.id))"#), "\(actor.id)")
    }
    let ties = map.matches(of: /<g id="t\d+_\d+_[pnz]_\d+" class="edge" data-tip="([^"]*)"/).map { String($0.1) }
    #expect(ties.count >= 10 && ties.allSatisfy { $0.contains(" weight ") || $0.contains("&#10;weight ") })
    // The same words as the DOT's tooltips: drawn with them in the DOT, the tips are equal.
    var options = try s.mapOptions(of: s.base, drawn: s.base, question: nil)
    let (aside, tips) = try DOTWriter().writeWithTips(s.base, options: options)
    options.tipsAside = false
    let inline = try DOTWriter().write(s.base, options: options)
    #expect(!aside.contains("tooltip=") && inline.contains("tooltip=") && tips.byID.count == s.base.actors.count + ties.count)
    for (id, tip) in tips.byID { #expect(inline.contains(DOTWriter().quote(DOTWriter().shown(tip))), "\(id)") }
  }

  /// In a child process of its own (an exit test), so only that process makes a Graphviz
  /// context that estimates text (the server's layout workers do the same). Exit codes say
  /// which check failed.
  @Test("estimated text (the server's maps): Pango never loaded, the page draws, an edit's changes are hover text, a new actor is placed around the pinned rest")
  func estimatedText() async {
    await #expect(processExitsWith: .success) {
      let file = graphPath("pakistan-2025.yaml")
      guard let world = try? WorldIO.load(file), let s = try? ExplorerSession(world: world, file: file) else { exit(2) }
      s.textMetrics = .estimated
      guard let page = try? s.page(), page.contains("<svg") else { exit(3) }
      let before = s.positionsForTests
      func act(_ json: String) -> ExplorerSession.Response {
        guard let request = try? JSONDecoder().decode(ExplorerSession.Request.self, from: Data(json.utf8)) else { exit(4) }
        return s.perform(request)
      }
      guard let i = try? world.relationIndex(.id("us-tariff-threat")) else { exit(5) }
      let edited = act(#"{"action": "edit", "op": "update", "relation": \#(i), "weight": 0.2}"#)
      if edited.error != nil || (edited.main ?? "").firstMatch(of: /data-tip="[^"]*change in pagerank/) == nil { exit(10) }
      // A new actor is laid out by neato around the pinned actors, with estimated text too.
      let added = act(#"{"action": "edit", "op": "add-actor", "id": "NEW", "name": "A new actor", "kind": "state"}"#)
      let after = s.positionsForTests
      if added.error != nil || after["NEW"] == nil || after.filter({ $0.key != "NEW" }) != before { exit(11) }
      #if os(Linux)
        // No text-layout plugin in this process: Pango was never loaded.
        guard let maps = try? String(contentsOfFile: "/proc/self/maps", encoding: .utf8) else { exit(6) }
        if maps.contains("libgvplugin_pango") { exit(12) }
        if !maps.contains("libgvplugin_neato_layout") { exit(13) }
      #endif
    }
  }

  @Test("the maps drawn beside the briefing are drawn again when the briefing chose another influence question than the last page's")
  func mapQuestionRedrawn() throws {
    let s = try session()
    _ = try s.page()
    let question = try #require(s.mapQuestion)
    // A stale guess: the maps would state leverage on another question.
    s.mapQuestion = InfluencePair(source: question.target, target: question.source)
    let i = try s.base.relationIndex(.id("us-tariff-threat"))
    let r = try act(s, #"{"action": "edit", "op": "update", "relation": \#(i), "weight": 0.3}"#)
    let main = try #require(r.main)
    #expect(main.contains("leverage on \(question)") && !main.contains("leverage on \(InfluencePair(source: question.target, target: question.source))"))
    #expect(s.mapQuestion == question)
  }

  @Test("without a scenario file every edited state answers the questions the unedited world's briefing chose, where a fresh briefing would choose others")
  func questionsKept() throws {
    let file = graphPath("pakistan-2025.yaml")
    let world = try WorldIO.load(file)
    let s = try ExplorerSession(world: world, file: file)
    _ = try s.page()
    let baseline = try #require(s.baseline)
    let asked = baseline.leverage.map(\.question)
    // An edit after which a briefing choosing afresh asks about another top influencer.
    let fresh = { (w: World) in
      var request = Briefing.Request(file: file, fileBytes: [], lens: s.lens)
      (request.samples, request.knockOut) = (0, false)
      return try Briefing.make(world: w, request: request).leverage.map(\.question)
    }
    var found: (index: Int, weight: Double)?
    search: for weight in [3.0, 0.05] {
      for i in world.relations.indices {
        var request = ExplorerSession.Request(action: "edit")
        (request.op, request.relation, request.weight) = ("update", i, weight)
        var w = world
        try w.apply(try s.edits(for: request, in: world))
        if try fresh(w) != asked {
          found = (i, weight)
          break search
        }
      }
    }
    let (i, weight) = try #require(found)
    let r = try act(s, #"{"action": "edit", "op": "update", "relation": \#(i), "weight": \#(weight)}"#)
    #expect(r.error == nil)
    #expect(r.main?.contains("No scenario file chose the questions. The explorer keeps the questions the unedited world") == true)
    let now = try s.briefing(of: s.world)
    #expect(now.leverage.map(\.question) == asked)
    #expect(now.influence.map(\.target) == baseline.influence.map(\.target))
    #expect(now.paths.map(\.question) == baseline.paths.map(\.question))
    let kept = try #require(s.askedQuestions(s.world))
    #expect(now.choices.last == ExplorerSession.keptQuestionsNote(kept))
    #expect(now.choices.last?.contains("influence over ") == true)
    // The map's tie notes state the same question, drawn once (no redraw for a new one).
    #expect(s.mapQuestion.map(\.description) == asked.first)
    // The saved scenario asks the same questions.
    #expect(s.scenarioFile().contains(try #require(asked.first)))
    // Removing the first question's source keeps its target's influence table.
    let first = try #require(asked.first)
    let pair = try #require(InfluencePair(first))
    let removed = try act(s, #"{"action": "edit", "op": "remove-actor", "id": "\#(pair.source)"}"#)
    #expect(removed.error == nil)
    #expect(try s.briefing(of: s.world).influence.contains { $0.target == pair.target.rawValue })
  }

  @Test("a big world answers an edit first with the sections it recomputed (all-pairs measures, leverage, maps pending), then `complete` sends every one")
  func deferredMeasures() throws {
    let s = try session()
    s.deferAbove = 5  // the seed's 11 actors count as big here
    let i = try s.base.relationIndex(.id("us-tariff-threat"))
    let first = try act(s, #"{"action": "edit", "op": "update", "relation": \#(i), "weight": 0.3}"#)
    #expect(first.error == nil && first.pending == true && first.main == nil)
    let sections = try #require(first.sections)
    let ids = sections.matches(of: /<(?:section|header)[^>]* id="([^"]+)"/).map { String($0.1) }
    #expect(ids == ["top", "findings", "who-matters", "paths", "balance", "influence"], "only what the quick answer recomputed")
    #expect(!sections.contains("<svg"), "no map: the page keeps its drawn ones, marked updating")
    #expect(sections.contains("betweenness and closeness (all-pairs on 11 actors) are being recomputed"))
    #expect(sections.contains("The relations that move it most are being recomputed"))
    let data = try JSONDecoder().decode(PageData.self, from: Data(try #require(first.data).utf8))
    let b = try #require(data.measures.firstIndex { $0.name == "betweenness" })
    #expect(data.actors.allSatisfy { $0.scores[b] == nil }, "no betweenness yet")
    let keys = (try JSONSerialization.jsonObject(with: Data(try #require(first.data).utf8)) as? [String: Any])?.keys
    #expect(keys.map { !$0.contains("relations") && $0.contains("actors") } == true, "relation rows are not resent")
    // The quick answer's PageRank starts from the last answer's: current to the solver's
    // tolerance (NetworkX's tol 1e-6 on the L1 change), not bit for bit.
    let exactRanks = try library(try s.world)
    #expect(try pagerank(first).allSatisfy { abs($0.value - exactRanks[$0.key]!) < 1e-5 }, "PageRank is already current")
    let complete = try act(s, #"{"action": "complete"}"#)
    #expect(complete.error == nil && complete.pending == nil && complete.sections == nil && complete.edits.count == 1)
    let full = try JSONDecoder().decode(PageData.self, from: Data(try #require(complete.data).utf8))
    let exact = try s.world.scores(.betweenness, lens: s.lens)
    #expect(full.actors.map { $0.scores[b] } == exact.values.map { Optional($0) })
    #expect(try pagerank(complete) == exactRanks, "the full answer solves from scratch: the library's numbers exactly")
    let main = try #require(complete.main)
    #expect(!main.contains("are being recomputed") && main.contains("<svg"))
  }

  @Test("a quick answer brings betweenness and closeness when the edit affects few sources, updated from the last answer's")
  func quickAllPairs() throws {
    let s = try session()
    s.deferAbove = 5
    s.quickUpdateSources = 1  // every source may be recomputed here
    let i = try s.base.relationIndex(.id("us-tariff-threat"))
    let first = try act(s, #"{"action": "edit", "op": "update", "relation": \#(i), "weight": 0.3}"#)
    let sections = try #require(first.sections)
    #expect(!sections.contains("are being recomputed and arrive"), "nothing all-pairs is pending")
    let data = try JSONDecoder().decode(PageData.self, from: Data(try #require(first.data).utf8))
    for measure in [Measure.betweenness, .closeness] {
      let column = try #require(data.measures.firstIndex { $0.name == measure.rawValue })
      let exact = try s.world.scores(measure, lens: s.lens)
      for (row, value) in zip(data.actors, exact.values) {
        let shown = try #require(row.scores[column], "\(measure) of \(row.id) arrives with the quick answer")
        #expect(abs(shown - value) <= 1e-12, "\(measure) of \(row.id): updated \(shown), recomputed \(value)")
      }
    }
    // With no source allowed, an edit that moves shortest paths leaves them pending.
    s.quickUpdateSources = 0
    let second = try act(s, #"{"action": "edit", "op": "update", "relation": \#(i), "weight": 3}"#)
    #expect(try #require(second.sections).contains("betweenness and closeness (all-pairs on 11 actors) are being recomputed"))
  }

  @Test("the answer's JSON, written by hand, reads back as the answer JSONEncoder would write")
  func answerJSON() throws {
    let s = try session()
    s.deferAbove = 5
    let i = try s.base.relationIndex(.id("us-tariff-threat"))
    var answers = [try act(s, #"{"action": "edit", "op": "update", "relation": \#(i), "weight": 0.3}"#)]
    answers.append(try act(s, #"{"action": "complete"}"#))
    answers.append(try act(s, #"{"action": "edit", "op": "nope"}"#))
    answers.append(s.refusal("a \"quoted\" reason\nwith a line break, a tab\t, U+2028 \u{2028} and \u{1}"))
    for answer in answers {
      let mine = try JSONSerialization.jsonObject(with: Data(answer.json)) as? NSDictionary
      let theirs = try JSONSerialization.jsonObject(with: JSONEncoder().encode(answer)) as? NSDictionary
      #expect(mine != nil && mine == theirs)
    }
  }

  @Test("bad edits are refused with a reason and change nothing")
  func refused() throws {
    let s = try session()
    let i = try s.base.relationIndex(.id("us-tariff-threat"))
    for json in [
      #"{"action": "edit", "op": "update", "relation": \#(i), "weight": -1}"#,
      #"{"action": "edit", "op": "add", "from": "USA", "to": "NOPE", "type": "trade-talks", "weight": 0.5}"#,
      #"{"action": "edit", "op": "update", "relation": 9999, "weight": 0.5}"#,
      #"{"action": "edit", "op": "add", "from": "PAK", "to": "PAK", "type": "trade-talks", "weight": 0.5}"#,
      #"{"action": "lens", "types": ["no-such-type"]}"#,
      #"{"action": "lens", "date": "yesterday"}"#,
      #"{"action": "fly"}"#,
    ] {
      let r = try act(s, json)
      #expect(r.error != nil, "\(json)")
      #expect(s.edits.isEmpty && s.lens == Lens.standard(for: s.base), "\(json)")
    }
    #expect(s.refusal("x").error == "x")
  }

  @Test("an edited state says it is a what-if: the page counts the edits, the downloaded report lists them and marks moved numbers; a re-weighted tie is drawn changed, not removed and added")
  func whatIf() throws {
    let s = try session()
    #expect(try !s.page().contains("class=\"whatif\""), "the unedited world is no what-if")
    let i = try s.base.relationIndex(.id("cpec-investment"))
    let t = try s.base.relationIndex(.id("us-tariff-threat"))
    _ = try act(s, #"{"action": "edit", "op": "update", "relation": \#(i), "weight": 1.5}"#)
    let answer = try act(s, #"{"action": "edit", "op": "remove", "relation": \#(t)}"#)
    let main = try #require(answer.main)
    #expect(main.contains("<strong>What if:</strong> this page shows the world file below with 2 edits applied (listed in the edit panel)"))
    // The re-weighted tie: one edge, labelled CHANGED, its old weight in its hover text; the
    // removed tie ghosted.
    #expect(main.contains(">CHANGED investment<") && main.contains("changed in the scenario (weight 1 → 1.5)"))
    #expect(!main.contains(">removed: investment<") && main.contains(">removed: tariff-threat<"))
    let report = try s.report()
    #expect(report.contains("with 2 edits applied, not the file as it stands. Scores that moved are marked"))
    #expect(report.contains(#"<li>re-weight relation "cpec-investment" to 1.5</li><li>remove relation "us-tariff-threat"</li>"#))
    #expect(report.contains("class=\"delta "), "the report marks moved numbers against the unedited world")
  }

  @Test("a lens under which the unedited world's briefing chooses other questions says so")
  func lensQuestions() throws {
    let file = graphPath("pakistan-2025.yaml")
    let s = try ExplorerSession(world: WorldIO.load(file), file: file)
    _ = try s.page()
    let before = ExplorerSession.described(ExplorerSession.chosenQuestions(by: s.baseline))
    let r = try act(s, #"{"action": "lens", "sign": "positive"}"#)
    let after = ExplorerSession.described(ExplorerSession.chosenQuestions(by: s.baseline))
    #expect(r.error == nil && before != after, "the cooperative layer moves the chosen questions (\(before) → \(after))")
    #expect(r.message?.contains("The questions follow the lens: \(after) (were \(before)).") == true, "\(r.message ?? "")")
  }

  @Test("save as scenario: the file reads back and `scenario` runs it to the same numbers")
  func savedScenarioRuns() throws {
    let s = try session()
    let w = s.base
    let tie = try w.relationIndex(.id("us-tariff-threat"))
    let parallel = try w.relationIndex(.key(RelationKey(from: "PAK", to: "USA", type: "investment-pitch", ordinal: 2)))
    for json in [
      #"{"action": "edit", "op": "update", "relation": \#(tie), "weight": 0.45, "sign": "neutral"}"#,
      #"{"action": "edit", "op": "remove", "relation": \#(parallel)}"#,
      #"{"action": "edit", "op": "add-actor", "id": "IMF", "name": "International Monetary Fund", "kind": "organization"}"#,
      #"{"action": "edit", "op": "add", "from": "IMF", "to": "PAK", "type": "investment", "weight": 0.7}"#,
    ] { #expect(try act(s, json).error == nil, "\(json)") }
    let dir = URL(fileURLWithPath: scratchRoot).appendingPathComponent("explorer")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("saved.yaml").path
    try s.scenarioFile().write(toFile: path, atomically: true, encoding: .utf8)
    let file = try ScenarioFile.load(path)
    #expect(file.scenarios.count == 1 && file.scenarios[0].edits.count == 5)
    let after = try file.run().scenarios[0].measures.first { $0.measure == .pagerank }!.changes
    let live = try library(try s.world)
    for change in after { #expect(change.after == live[change.actor.rawValue], "\(change.actor)") }
  }

  @Test("save as scenario keeps the session's lens: every date, another date, an undirected CSV base", arguments: ["all", "2024-01", "csv"])
  func savedScenarioKeepsTheLens(lensDate: String) throws {
    let file = graphPath(lensDate == "csv" ? "karate-club.csv" : "pakistan-2025.yaml")
    let world = try WorldIO.load(file, undirected: lensDate == "csv")
    let lens = Lens(date: lensDate == "all" || lensDate == "csv" ? nil : PartialDate(lensDate))
    let s = try ExplorerSession(world: world, file: file, questions: Questions(measures: [.pagerank]), lens: lens)
    let tie = lensDate == "csv" ? 0 : try world.relationIndex(.id("us-tariff-threat"))
    #expect(try act(s, #"{"action": "edit", "op": "update", "relation": \#(tie), "weight": 0.45}"#).error == nil)
    let dir = URL(fileURLWithPath: scratchRoot).appendingPathComponent("explorer-lens-\(lensDate)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("saved.yaml").path
    try s.scenarioFile().write(toFile: path, atomically: true, encoding: .utf8)
    let saved = try ScenarioFile.load(path)
    #expect(saved.base.directed == world.directed)
    #expect(saved.questions.lens.date == lens.date)
    let result = try saved.run()
    let live = try s.world.scores(.pagerank, lens: lens)
    let before = try world.scores(.pagerank, lens: lens)
    for change in result.scenarios[0].measures[0].changes {
      #expect(change.after == live.values[try world.requireIndex(of: change.actor)], "\(change.actor)")
      #expect(change.before == before.values[try world.requireIndex(of: change.actor)], "\(change.actor)")
    }
  }

  @Test("the map stays still: an edit or a new actor moves no one; re-layout lays out afresh")
  func stableMap() throws {
    let s = try session()
    _ = try s.page()
    let before = s.positionsForTests
    #expect(before.count == s.base.actors.count)
    let tie = try s.base.relationIndex(.id("us-tariff-threat"))
    _ = try act(s, #"{"action": "edit", "op": "update", "relation": \#(tie), "weight": 0.2}"#)
    _ = try act(s, #"{"action": "edit", "op": "add-actor", "id": "NEW", "name": "Newcomer", "kind": "state"}"#)
    let after = s.positionsForTests
    for (id, p) in before { #expect(after[id] == p, "\(id) kept its place") }
    #expect(after[Actor.ID("NEW")] != nil, "the new actor was placed")
    let relaid = try act(s, #"{"action": "relayout"}"#)
    #expect(relaid.error == nil && s.positionsForTests.count == s.base.actors.count + 1)
  }

  @Test("compare any two states side by side")
  func compare() throws {
    let s = try session()
    let tie = try s.base.relationIndex(.id("us-tariff-threat"))
    _ = try act(s, #"{"action": "edit", "op": "remove", "relation": \#(tie)}"#)
    let r = try act(s, #"{"action": "compare", "a": 0, "b": 1}"#)
    let html = try #require(r.comparison)
    #expect(html.contains("unedited") && html.contains("after edit 1") && html.contains("Pakistan"))
    #expect(try act(s, #"{"action": "compare", "a": 0, "b": 7}"#).error != nil)
  }

  @Test("the explorer page admits its two scripts by hash and may talk only to its own server")
  func pagePolicy() throws {
    let html = try session().page()
    let policy = try #require(html.firstMatch(of: /Content-Security-Policy" content="([^"]*)"/)).1
    #expect(policy.contains("connect-src &#39;self&#39;"))
    #expect(html.components(separatedBy: "<script>").count - 1 == 2)
    let report = try session().report()
    #expect(!report.contains("connect-src") && !report.contains("id=\"explorer\""), "the downloaded report is a plain briefing")
  }
}

@Suite("Explorer: an edit the page cannot show is not kept")
struct ExplorerFailedEditTests {
  @Test("removing an actor an influence question names is refused, and the session stays as it was")
  func failedEditRolledBack() throws {
    let file = graphPath("pakistan-2025.yaml")
    let scenarios = try ScenarioFile.load(graphPath("scenarios/pakistan-2025.yaml"))
    let s = try ExplorerSession(world: WorldIO.load(file), file: file, questions: scenarios.questions)
    let r = s.perform(try JSONDecoder().decode(ExplorerSession.Request.self, from: Data(#"{"action": "edit", "op": "remove-actor", "id": "PAK"}"#.utf8)))
    #expect(r.error != nil)
    #expect(s.edits.isEmpty && !r.canUndo, "\(s.edits)")
  }
}
