import Foundation
import Statecraft
import StatecraftPage
import StatecraftRender

/// One analyst's explorer: a base world, the edits made to it (each user action one undoable
/// step), the lens, and where the map put each actor. Every change recomputes the whole
/// briefing through the library and returns the page's new sections; nothing here computes a
/// number itself.
///
/// The map stays still: the first layout's positions are pinned on every later drawing
/// (`neato` with `pin`), a new actor is placed around the pinned ones, and only ``relayout``
/// lays out afresh.
///
/// Thread-safe: every call runs under one lock (the server may call from any task).
public final class ExplorerSession: @unchecked Sendable {
  /// The unedited world.
  public let base: World
  /// The world file, as named on the command line, and its bytes (for the header's hash).
  let file: String, fileBytes: [UInt8]
  /// The world file's SHA-256 (every briefing's header states it), hashed once.
  let fileSHA256: String
  /// Questions from a scenario file, if one was given.
  let questions: Questions?
  /// The scenario file's scenarios, shown in the what-if section.
  let scenarios: [Scenario]
  /// The edits, one array per user action; `undone` holds what undo took off, for redo.
  /// Nothing else is kept per step (the server's memory grows about 0.2 KB an edit, so fifty
  /// sessions editing for minutes stay within a few megabytes): answers describe only the
  /// steps they list, and the observer does not read `oldValue` (which copied the whole
  /// history on every edit).
  private(set) var steps: [[Edit]] = [] {
    didSet { current = nil }
  }
  /// The world after every step, kept until the steps change (replaying every edit on each
  /// answer grew with the session).
  private var current: World?
  private var undone: [[Edit]] = []
  /// The full answers of the last briefing computed, which a quick answer starts from.
  private var solved: Briefing.SolvedState?
  /// The lens every section is computed through.
  private(set) var lens: Lens
  /// Where each actor was drawn (points), by id.
  private var positions: [Actor.ID: Point] = [:]
  private(set) var baseline: Briefing?
  /// The influence question whose leverage the last maps' tie notes state (the next maps
  /// are drawn beside the briefing for it; the session's questions stay the baseline's
  /// (``askedQuestions(_:)``), so it changes only when the first question's table is not
  /// answered, such as after an edit removing one of its actors).
  var mapQuestion: InfluencePair?
  /// While an answer is made: the outline the page shows (``Request/outline``), which the
  /// answer's geographic map need not send again.
  private var knownOutline: String?
  private let lock = NSLock()
  /// Monte Carlo samples per recomputation (none by default: the explorer answers each edit
  /// at once; "download report" computes the full briefing).
  public var samples = 0
  /// Whether each recomputation ranks actor knock-outs (off by default, for speed).
  public var knockOut = false
  /// Above this many actors an answer to an edit brings who matters, paths, balance and
  /// influence first and leaves pending what takes most of the time on a big world:
  /// betweenness and closeness (all-pairs passes), the leverage tables (confirmed by exact
  /// recomputation; ranked by estimates alone they would mislead) and the maps (the previous
  /// drawings stay, marked as updating). Such an answer carries only the sections it
  /// recomputed (``Response/sections``); the page asks for the rest at once with a
  /// `complete` action. Betweenness and closeness come with the quick answer after all when
  /// the edits since the last answer affect few sources (see ``quickUpdateSources``).
  public var deferAbove = 300
  /// How many sources (as a fraction of the actors) a quick answer may recompute to update
  /// betweenness and closeness from the last answer's (``Briefing/Request/betweennessStart``);
  /// beyond it they stay pending until the complete answer. An edit off every shortest path
  /// recomputes none (see BENCHMARKS.md, "Edits answered incrementally").
  public var quickUpdateSources = 0.05
  /// How many of the latest steps an answer lists in words (``Response/edits``); the saved
  /// scenario file holds every one.
  public static let listedSteps = 50
  /// The line naming the program on the page.
  public var generator = "Statecraft"
  /// Lays out a map's DOT text to SVG. The default runs Graphviz in this process; the server
  /// started by the CLI runs each layout in a child process, so a Graphviz crash is an error
  /// answered to the page, not the end of every session.
  /// `nil` (the default) lays out in this process with ``textMetrics``; one given here must
  /// size text as ``textMetrics`` says.
  public var layout: (@Sendable (_ dot: String, _ engine: LayoutEngine) throws -> [UInt8])?
  /// How the maps size their text, the first layout and every drawing alike. Measured by
  /// default, as every other map a process may draw (PNG and PDF need Pango); the server
  /// estimates (``GraphvizRenderer/TextMetrics/estimated``: no Pango in each edit's two
  /// layouts: a seed map without its tooltips, 4.7 → 2.6 ms), in layout workers
  /// that draw nothing else.
  public var textMetrics = GraphvizRenderer.TextMetrics.measured
  /// Whether maps whose actors all have places (every map after the first layout) are drawn
  /// without Graphviz (``PinnedMapDrawer``, the default: an edit's two maps in about 1.5 ms
  /// instead of 5 on the seed, and no layout worker); `false` lays every map out with
  /// ``layout`` (a test slows that to exercise the server's time limit).
  public var pinnedDrawing = true

  /// ``layout``, or the in-process one.
  var drawing: @Sendable (_ dot: String, _ engine: LayoutEngine) throws -> [UInt8] {
    if let layout { return layout }
    let text = textMetrics
    return { dot, engine in try GraphvizRenderer.render(dot: dot, engine: engine, format: .svg, text: text) }
  }

  /// A session on `world` (read from `file`), optionally with a scenario file's questions and scenarios.
  public init(world: World, file: String, questions: Questions? = nil, scenarios: [Scenario] = [], lens: Lens? = nil) throws {
    base = world
    self.file = file
    fileBytes = FileManager.default.contents(atPath: file).map { [UInt8]($0) } ?? []
    fileSHA256 = SHA256.hex(fileBytes)
    self.questions = questions
    self.scenarios = scenarios
    self.lens = lens ?? questions?.lens ?? Lens.standard(for: world)
  }

  // MARK: - State

  /// The world after every edit so far.
  public var world: World {
    get throws {
      if let current { return current }
      let w = try worldAfter(steps.count)
      current = w
      return w
    }
  }

  /// The world after the first `n` steps.
  func worldAfter(_ n: Int) throws -> World {
    var w = base
    try w.apply(Array(steps.prefix(n).joined()))
    return w
  }

  /// The edits made so far, in order (what "save as scenario" writes).
  public var edits: [Edit] { Array(steps.joined()) }

  /// The briefing of a world under the session's lens; `quick`, the quick answer's
  /// (see ``deferAbove``), whose PageRank and influence start from the last answer's
  /// (``Briefing/SolvedState``): the same numbers to the solvers' tolerance in fewer sweeps;
  /// the full answer that follows solves from scratch, so the page ends on the numbers
  /// `statecraft scenario` gives.
  func briefing(of world: World, quick: Bool = false) throws -> Briefing {
    var request = Briefing.Request(file: file, fileBytes: fileBytes, lens: lens, questions: askedQuestions(world).map { q in
      var q = q
      q.lens = lens
      return q
    })
    request.fileSHA256 = fileSHA256
    request.samples = samples
    request.knockOut = knockOut
    if quick {
      request.deferred = [.betweenness, .closeness]
      request.leverageDeferred = true
      request.essentialsOnly = true
      request.pageRankStart = solved?.pageRank
      request.influenceStart = solved?.influence ?? [:]
      request.betweennessStart = solved?.betweenness
      request.closenessStart = solved?.closeness
      request.allPairsUpdateLimit = Int(quickUpdateSources * Double(world.actors.count))
    }

    let comparison = try questions.flatMap { q -> ScenarioComparison? in
      guard !scenarios.isEmpty else { return nil }
      var q = q
      q.lens = lens
      return try ScenarioRunner(questions: q).compare(world, scenarios)
    }
    var (briefing, solved) = try Briefing.solve(world: world, request: request, comparison: comparison)
    if questions == nil, baseline != nil, let asked = request.questions {
      briefing.choices.append(Self.keptQuestionsNote(asked))
    }
    // Sums of an older state still update (the difference is found from the graphs).
    if solved.betweenness == nil { solved.betweenness = self.solved?.betweenness }
    if solved.closeness == nil { solved.closeness = self.solved?.closeness }
    self.solved = solved
    return briefing
  }

  // MARK: - Actions

  /// What the page's script asks for (`POST /api/act`).
  public struct Request: Decodable, Sendable {
    /// `state`, `edit`, `undo`, `redo`, `lens`, `relayout`, `compare` or `complete` (the
    /// current state with the measures an answer left pending); the server also takes `wait`
    /// (the answer of an action still running).
    public var action: String
    /// For `edit`: `update` (weight, sign, type of one relation), `remove`, `add`, `add-actor`, `remove-actor`.
    public var op: String?
    /// The relation's index in the current world (``Briefing/RelationRow/index``).
    public var relation: Int?
    /// New values: weight, sign, type; for `add`: from, to, mutual; for actors: id, name, kind.
    public var weight: Double?, sign: String?, type: String?, from: String?, to: String?, mutual: Bool?
    /// For actors: the id, display name and kind.
    public var id: String?, name: String?, kind: String?
    /// For `lens`: the date (empty: every date), sign layer, combine rule and types (empty: all).
    public var date: String?, combine: String?, types: [String]?
    /// For `compare`: the two states, as numbers of steps from the unedited world.
    public var a: Int?, b: Int?
    /// The geographic map's outline the page shows (its `data-outline`): an answer whose map
    /// has the same outline leaves its paths out and the page keeps its own
    /// (``GeoMap/knownOutline``).
    public var outline: String?

    /// A request for `action` with no other field (`state`, `undo`, `complete`, …).
    public init(action: String) { self.action = action }
  }

  /// What the script gets back: the new sections and data, the edit list, or an error.
  public struct Response: Encodable, Sendable {
    /// The sections for `<main>` and the briefing's data (absent for `state` and `compare`).
    public var main: String?, data: String?
    /// For a quick answer (``ExplorerSession/deferAbove``), instead of `main`: the sections it
    /// recomputed, each to replace the page's section with its id; `data` then holds only
    /// the parts of the briefing's data those sections use, to merge into the page's.
    public var sections: String?
    /// The last steps (at most ``ExplorerSession/listedSteps``), oldest first, one line per
    /// step in words (an `update` changing weight and sign is one step of two edits); and
    /// whether undo and redo can act.
    public var edits: [String], canUndo: Bool, canRedo: Bool
    /// How many steps the session has made (the states `compare` takes are 0 … `steps`);
    /// more than ``edits`` lists after a long session (each answer would otherwise grow with
    /// every edit ever made: 2,000 edits were 100 KB of every answer).
    public var steps = 0
    /// A line for the status bar.
    public var message: String?
    /// A comparison table (for `compare`).
    public var comparison: String?
    /// What went wrong, in words a user can act on (the state is unchanged).
    public var error: String?
    /// Whether some measures were left pending: ask again with `complete` for them.
    public var pending: Bool?
    /// Whether the action is still running past the server's time limit: nothing changed on
    /// the page yet; ask with `wait` for its answer.
    public var working: Bool?

    /// The answer to a request whose action still runs (``working``).
    public static let working = Response(
      main: nil, data: nil, sections: nil, edits: [], canUndo: false, canRedo: false,
      message: "Still computing (a big world's all-pairs measures take a while); the page will show the answer when it is ready.",
      comparison: nil, error: nil, pending: nil, working: true)

    /// The answer as the server sends it: the same JSON `JSONEncoder` writes for this value
    /// (absent fields left out), written in one pass; on a big world the sections and data
    /// are megabytes, and Foundation's encoder escaped them character by character.
    ///
    /// - Complexity: O(bytes of the answer).
    public var json: [UInt8] {
      var out: [UInt8] = [UInt8(ascii: "{")]
      func key(_ name: String) {
        if out.count > 1 { out.append(UInt8(ascii: ",")) }
        appendJSONQuoted(name, to: &out)
        out.append(UInt8(ascii: ":"))
      }
      func text(_ name: String, _ value: String?) {
        guard let value else { return }
        key(name)
        appendJSONQuoted(value, to: &out)
      }
      func flag(_ name: String, _ value: Bool?) {
        guard let value else { return }
        key(name)
        out += Array((value ? "true" : "false").utf8)
      }
      text("main", main)
      text("sections", sections)
      text("data", data)
      key("edits")
      out.append(UInt8(ascii: "["))
      for (i, e) in edits.enumerated() {
        if i > 0 { out.append(UInt8(ascii: ",")) }
        appendJSONQuoted(e, to: &out)
      }
      out.append(UInt8(ascii: "]"))
      key("steps")
      out += String(steps).utf8
      flag("canUndo", canUndo)
      flag("canRedo", canRedo)
      text("message", message)
      text("comparison", comparison)
      text("error", error)
      flag("pending", pending)
      flag("working", working)
      out.append(UInt8(ascii: "}"))
      return out
    }
  }

  /// Performs one request; a failed edit leaves the session as it was and says why.
  public func perform(_ request: Request) -> Response {
    lock.withLock {
      knownOutline = request.outline
      defer { knownOutline = nil }
      do {
        switch request.action {
        case "state": return response(main: false, message: nil)
        case "edit": return try performEdit(request)
        case "undo":
          guard let last = steps.popLast() else { return response(main: false, message: "Nothing to undo.") }
          undone.append(last)
          return try response(message: "Undid: " + last.map(\.description).joined(separator: "; "))
        case "redo":
          guard let next = undone.popLast() else { return response(main: false, message: "Nothing to redo.") }
          steps.append(next)
          return try response(message: "Redid: " + next.map(\.description).joined(separator: "; "))
        case "lens": return try performLens(request)
        case "relayout":
          positions = [:]
          return try response(message: "Laid out afresh.")
        case "complete":
          return try response(message: "Every measure is up to date.", complete: true)
        case "compare": return try performCompare(request)
        default: throw ExplorerError.invalid("unknown action \"\(request.action)\"")
        }
      } catch {
        var r = response(main: false, message: nil)
        r.error = "\(error)"
        return r
      }
    }
  }

  /// An edit: validated on the current world, kept only when the page recomputes; clears redo.
  private func performEdit(_ request: Request) throws -> Response {
    let world = try self.world
    let edits = try self.edits(for: request, in: world)
    guard !edits.isEmpty else { return response(main: false, message: "Nothing changed.") }
    var edited = world
    try edited.apply(edits)  // validates before the step is kept
    steps.append(edits)
    // The world after this step is the one just validated (applying edits in order is the
    // same in one call or two): replaying every step grew each answer with the session.
    current = edited
    // A new edit ends what redo could bring back (before the answer is written, so it says so).
    let redo = undone
    undone.removeAll()
    do {
      return try response(message: edits.map(\.description).joined(separator: "; "))
    } catch {
      steps.removeLast()  // the page could not be recomputed: the edit is not kept
      undone = redo
      throw error
    }
  }

  /// A new lens, rolled back when the page cannot be drawn through it.
  private func performLens(_ request: Request) throws -> Response {
    let (oldLens, oldBaseline, oldQuestion) = (lens, baseline, mapQuestion)
    lens = try newLens(request)
    baseline = nil
    do {
      var answer = try response(message: "Lens: " + LensStatement(lens).text)
      // Without a scenario file the unedited world's briefing chooses the questions again
      // under the new lens: say so when it chose others (they changed without a word).
      if questions == nil, let oldBaseline, let baseline {
        let (was, now) = (Self.described(Self.chosenQuestions(by: oldBaseline)), Self.described(Self.chosenQuestions(by: baseline)))
        if was != now { answer.message = (answer.message ?? "") + ". The questions follow the lens: \(now) (were \(was))." }
      }
      return answer
    } catch {
      (lens, baseline, mapQuestion) = (oldLens, oldBaseline, oldQuestion)
      throw error
    }
  }

  /// Two states side by side (0 is the unedited world, n the state after edit n).
  private func performCompare(_ request: Request) throws -> Response {
    let (a, b) = (request.a ?? 0, request.b ?? steps.count)
    guard (0 ... steps.count).contains(a), (0 ... steps.count).contains(b) else {
      throw ExplorerError.invalid("compare takes two states between 0 and \(steps.count)")
    }
    let label = { (n: Int) in n == 0 ? "unedited" : "after edit \(n)" }
    var r = response(main: false, message: "Compared \(label(a)) with \(label(b)).")
    r.comparison = ExplorerPanel.comparison(try briefing(of: worldAfter(a)), try briefing(of: worldAfter(b)), labels: (label(a), label(b)))
    return r
  }

  /// An answer that changes nothing and says why (a request that could not be read).
  public func refusal(_ error: String) -> Response {
    lock.withLock {
      var r = response(main: false, message: nil)
      r.error = error
      return r
    }
  }

  /// The edits one request stands for (an `update` may change weight, sign and type at once).
  func edits(for r: Request, in world: World) throws -> [Edit] {
    func reference() throws -> RelationReference {
      guard let i = r.relation, world.relations.indices.contains(i) else { throw ExplorerError.invalid("choose a relation first") }
      return world.relations[i].id.map { .id($0) } ?? .key(world.relationKey(at: i))
    }
    switch r.op {
    case "update":
      let ref = try reference()
      let current = world.relations[try world.relationIndex(ref)]
      var edits: [Edit] = []
      if let w = r.weight, w != current.weight {
        guard w > 0, w.isFinite else { throw ExplorerError.invalid("a weight must be a positive number, got \(w)") }
        edits.append(.reweight(ref, weight: w))
      }
      if let s = r.sign.flatMap(Sign.init(spelling:)), s != current.sign { edits.append(.resign(ref, sign: s)) }
      if let t = r.type, !t.isEmpty, t != current.type { edits.append(.retype(ref, type: t)) }
      return edits
    case "remove": return [.removeRelation(try reference())]
    case "add":
      guard let from = r.from, let to = r.to, let type = r.type, let weight = r.weight else {
        throw ExplorerError.invalid("a new relation needs from, to, type and weight")
      }
      guard weight > 0, weight.isFinite else { throw ExplorerError.invalid("a weight must be a positive number, got \(weight)") }
      // The form's two lists start on the same actor: one click must not tie it to itself.
      guard from != to else { throw ExplorerError.invalid("from and to are the same actor (\(from)); choose the actor to tie it to") }
      var relation = world.relation(from: Actor.ID(from), to: Actor.ID(to), type: type, weight: weight)
      relation.mutual = r.mutual ?? false
      relation.note = "added in the explorer"
      return [.addRelation(relation)]
    case "add-actor":
      guard let id = r.id, !id.isEmpty else { throw ExplorerError.invalid("a new actor needs an id") }
      let kind = r.kind.flatMap(Actor.Kind.init(rawValue:)) ?? .other
      return [.addActor(Actor(id: Actor.ID(id), name: (r.name ?? "").isEmpty ? id : r.name!, kind: kind))]
    case "remove-actor":
      guard let id = r.id else { throw ExplorerError.invalid("choose an actor first") }
      return [.removeActor(Actor.ID(id))]
    default: throw ExplorerError.invalid("unknown edit \"\(r.op ?? "")\"")
    }
  }

  func newLens(_ r: Request) throws -> Lens {
    var l = lens
    if let d = r.date {
      if d.isEmpty { l.date = nil } else {
        guard let date = PartialDate(d) else { throw ExplorerError.invalid("\"\(d)\" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)") }
        l.date = date
      }
    }
    if let s = r.sign {
      guard let layer = Lens.SignLayer(rawValue: s), layer != .signed else { throw ExplorerError.invalid("sign is absolute, positive or negative") }
      l.sign = layer
    }
    if let c = r.combine {
      guard let combine = Digraph.Combine(rawValue: c) else { throw ExplorerError.invalid("combine is sum or max") }
      l.combine = combine
    }
    if let t = r.types { l.types = t.isEmpty ? nil : t }
    _ = try base.through(l)  // an unknown type is refused here, with the known ones named
    return l
  }

  func response(main: Bool = true, message: String?) -> Response {
    var r = Response(
      main: nil, data: nil, sections: nil, edits: steps.suffix(Self.listedSteps).map { $0.map(\.description).joined(separator: "; ") },
      canUndo: !steps.isEmpty, canRedo: !undone.isEmpty, message: message, comparison: nil, error: nil)
    r.steps = steps.count
    return r
  }

  /// The page's new sections; on a world above ``deferAbove`` actors, the quick answer.
  func response(message: String?) throws -> Response { try response(message: message, complete: false) }

  /// The page's new sections, every measure computed when `complete`; otherwise, on a world
  /// above ``deferAbove`` actors, the quick answer: only the sections it recomputed, with
  /// what it left pending marked.
  func response(message: String?, complete: Bool) throws -> Response {
    var r = response(main: false, message: message)
    let quick = !complete && base.actors.count > deferAbove
    if quick {
      // The sections and the page's data are written at once (neither reads the other).
      let page = try currentPage(quick: true)
      (r.sections, r.data) = try WorkUnits.together({ page.quickSections() }, { try page.quickDataJSON() })
      r.pending = true
      return r
    }
    // The page's data and the sections below the maps are written while the maps are drawn.
    let (page, (data, below)) = try currentPage { (try $0.dataJSON(), $0.sectionsAfterMaps()) }
    r.main = page.sections(after: below)
    r.data = data
    return r
  }

  /// Where each actor is drawn (for tests of the map's stability).
  var positionsForTests: [Actor.ID: Point] { lock.withLock { positions } }

  // MARK: - Pages

  /// The explorer page for the current state; `sessionID` is what the page's script sends
  /// back so the server finds this session.
  public func page(sessionID: String = "") throws -> String {
    try lock.withLock {
      var page = try currentPage()
      page.sessionID = sessionID
      return try page.html()
    }
  }

  /// The briefing of the current state as a self-contained report (what "download report"
  /// saves): its header says it is a what-if and lists the edits, and its numbers carry their
  /// change against the unedited world, as the explorer's page does.
  public func report() throws -> String {
    try lock.withLock {
      // The downloaded report is the full briefing: samples and knock-outs included.
      let (savedSamples, savedKnockOut) = (samples, knockOut)
      (samples, knockOut) = (500, true)
      defer { (samples, knockOut) = (savedSamples, savedKnockOut) }
      var page = try currentPage()
      page.mode = .report
      // A what-if report lists its edits in the header (the explorer's page has its panel).
      page.editLines = steps.map { $0.map(\.description).joined(separator: "; ") }
      return try page.html()
    }
  }

  /// The session's edits as a scenario file `statecraft scenario` runs to the same numbers.
  public func scenarioFile() -> String {
    lock.withLock {
      let world = base
      // The questions carry the session's whole lens, its date included (`date: all` when
      // it sees every date), so base and scenario are compared on the same date; an
      // undirected world (a CSV read with --undirected) is read back the same way.
      var q = questions ?? chosenQuestions(world)
      q.lens = lens
      let scenario = Scenario(name: "explorer-session", title: "Edits made in the explorer", edits: edits)
      let path = URL(fileURLWithPath: file).standardizedFileURL.path
      return ScenarioWriter.file([scenario], base: path, undirected: !world.directed, questions: q)
    }
  }

  /// The questions every briefing of this session asks: the scenario file's, else those the
  /// unedited world's briefing chose (``chosenQuestions(_:)``), kept while the analyst edits
  /// so each state answers the same questions as the baseline it is marked against, the
  /// states `compare` sets side by side answer the same ones, and the numbers equal what the
  /// saved scenario file computes (an edit used to move the top influencer and with it the
  /// leverage tables' questions). Influence questions whose target the edits removed and
  /// paths with a removed end are left out; a pair whose source was removed stays (its
  /// target's influence table still answers; the leverage table is skipped).
  /// `nil` while the baseline itself is being made and before any edit (the briefing
  /// chooses: the baseline's own questions, with its reasons).
  func askedQuestions(_ world: World) -> Questions? {
    if let questions { return questions }
    guard baseline != nil, !steps.isEmpty else { return nil }
    var q = chosenQuestions(world)
    let present = { (id: Actor.ID) in world.index(of: id) != nil }
    q.influence.removeAll { !present($0.target) }
    q.paths.removeAll { !present($0.from) || !present($0.to) }
    return q
  }

  /// What an edited state's briefing says of its questions (``askedQuestions(_:)``), beside
  /// its own notes (a measure left out).
  static func keptQuestionsNote(_ asked: Questions) -> String {
    "The explorer keeps the questions the unedited world's briefing chose (\(described(asked))) for every edited state, so the answers compare with it."
  }

  /// A question set's influence targets and paths in words (`influence over PAK, USA; the
  /// path from PAK to BAL`).
  static func described(_ q: Questions) -> String {
    let targets = q.influenceTargets
    var parts = targets.isEmpty ? [] : ["influence over " + targets.map(\.rawValue).joined(separator: ", ")]
    parts += q.paths.map { "the path from \($0.from) to \($0.to)" }
    return parts.isEmpty ? "none" : parts.joined(separator: "; ")
  }

  /// The questions a briefing without a scenario file chose, as scenario-file questions.
  func chosenQuestions(_ world: World) -> Questions { Self.chosenQuestions(by: baseline) }

  /// The questions briefing `b` chose (none without it), as scenario-file questions.
  static func chosenQuestions(by b: Briefing?) -> Questions {
    var q = Questions(measures: Briefing.defaultMeasures, balance: true, communities: true)
    q.influence = (b?.leverage ?? []).compactMap { InfluencePair($0.question) }
    q.paths = (b?.paths ?? []).map { PathQuestion(from: Actor.ID($0.from), to: Actor.ID($0.to), direction: $0.anyDirection ? .either : .along) }
    return q
  }

  /// The page of the current state; `quick`, without what an answer on a big world leaves
  /// pending (see ``deferAbove``), maps included.
  func currentPage(quick: Bool = false) throws -> BriefingPage {
    try currentPage(quick: quick) { _ in () }.page
  }

  /// The page of the current state and what `beside` makes of it (its maps not yet drawn)
  /// while the maps are drawn: the maps are laid out beside the briefing, for the influence
  /// question the last page's tie notes answered (drawn again when the briefing's first
  /// leverage table is about another: its question could not be answered on this state).
  func currentPage<T: Sendable>(quick: Bool = false, beside: (BriefingPage) throws -> T) throws -> (page: BriefingPage, beside: T) {
    if baseline == nil {
      baseline = try briefing(of: base)
      mapQuestion = baseline?.leverage.first.flatMap { InfluencePair($0.question) }
    }
    let world = try self.world
    let guess = mapQuestion
    func solve() throws -> (BriefingPage, T) {
      var page = BriefingPage(briefing: try briefing(of: world, quick: quick), map: nil, generator: generator)
      page.mode = .explorer
      page.baseline = steps.isEmpty ? nil : baseline
      page.editCount = steps.count
      return (page, try beside(page))
    }
    // A quick answer sends no map (the page keeps the drawn ones, marked as updating).
    guard !quick else { return try solve() }
    var ((page, made), drawn) = try WorkUnits.together(solve) { [self] in try maps(of: world, question: guess) }
    let question = page.briefing.leverage.first.flatMap { InfluencePair($0.question) }
    if question != guess { drawn = try maps(of: world, question: question) }
    mapQuestion = question
    (page.map, page.geoMap) = drawn
    return (page, made)
  }

  /// The maps of the current world: the relationship map (`map`), pinned where actors were,
  /// filled by the change in PageRank against the unedited world once something changed,
  /// removed relations ghosted; and, when at least two actors have coordinates, the same map
  /// on geography (``GeoMap``): the same fills and ghosts, actors at their points. The
  /// two are drawn at once, without Graphviz once every actor is placed
  /// (``PinnedMapDrawer``; otherwise each is laid out in its own layout worker when the
  /// server runs).
  func maps(of world: World, question: InfluencePair?) throws -> (map: String?, geo: String?) {
    guard !world.actors.isEmpty else { return (nil, nil) }
    // A big world's maps draw its most important actors (every table still lists all).
    let capped = try MapComposition.capped(world, lens: lens, measure: .pagerank, cap: nil, defaultCap: Self.mapCap, capOption: "the report's --map-top")
    let drawn = capped.world
    var options = try mapOptions(of: world, drawn: drawn, question: question)
    options.note = capped.note
    try placeMissing(drawn, options: options)
    let located = ((try? WorldOutline.shared.points(of: drawn.actors))?.count ?? 0) >= 2
    var geoOptions = options
    geoOptions.edgeLabels = false
    options.positions = positions
    let layout = drawing
    var geoMap = GeoMap(options: geoOptions)
    geoMap.knownOutline = knownOutline
    geoMap.steadyKey = true
    // The geographic map on a thread of its own while this one draws the relationship map
    // (`WorkUnits.together`: a queue of its own gets a thread at once; `concurrentPerform` on
    // two cores often ran the second map after the first, on this thread, because the pool's
    // other thread was busy). Every actor is placed by now: the maps are drawn without
    // Graphviz (``PinnedMapDrawer``: a third of Graphviz's time, no worker process), unless
    // one could not be placed (then Graphviz draws it, placing what is missing).
    let pinned = pinnedDrawing
    let first = { () throws -> String in
      var drawer = PinnedMapDrawer()
      drawer.steadyKey = true  // the key keeps its height: the map stays where it was on the page
      if pinned, let svg = try drawer.svg(drawn, options: options) { return svg }
      let (dot, tips) = try DOTWriter().writeWithTips(drawn, options: options)
      return tips.apply(to: String(decoding: try layout(dot, .neato), as: UTF8.self))
    }
    let second = { @Sendable [geoMap] () throws -> String? in
      guard located else { return nil }
      return try (pinned ? geoMap.pinnedSVG(drawn) : nil) ?? geoMap.svg(drawn, layout: layout)
    }
    let (map, geo) = try WorkUnits.together(first, second)
    // Element ids name the whole world's actors, as the page's data does.
    func numbered(_ svg: String?) -> String? {
      svg.map { capped.note == nil ? $0 : BriefingDocument.renumber($0, from: drawn, to: world) }
    }
    return (numbered(map), numbered(geo))
  }

  /// Above this many actors the explorer's maps draw the most important by PageRank (a
  /// Graphviz layout of a thousand actors and ten thousand ties takes minutes and gigabytes).
  static let mapCap = 150

  /// What both maps draw, for `drawn` (all of `world`, or its capped part): PageRank sizes
  /// (the whole world's scores), blocs, each tie's leverage on `question` in its tooltip, and
  /// once something changed the fill by the change in PageRank, added relations emphasised,
  /// changed ones emphasised with their old values, removed ones and actors ghosted.
  func mapOptions(of world: World, drawn: World, question: InfluencePair?) throws -> MapOptions {
    var options = MapOptions(lens: lens, engine: .neato)
    // Hover text travels beside the DOT, straight into the SVG (``MapOptions/tipsAside``).
    options.tipsAside = true
    if let question { options.tieNotes = leverageNotes(world, question, drawn: Set(drawn.relations)) }
    options.elementIDs = true
    options.sources = .none
    options.clusterBy = drawn.actors.contains { $0.attributes["bloc"] != nil } ? "bloc" : nil
    let scores = try world.scores(.pagerank, lens: lens)
    let ids = drawn.actors.map(\.id)
    let now = scores.values(for: ids).map { $0 ?? 0 }
    options.sizeBy = ("pagerank", drawn.scores(now))
    if !steps.isEmpty {
      let before = try base.scores(.pagerank, lens: lens).values(for: ids)
      let deltas = drawn.scores(zip(now, before).map { $0 - ($1 ?? 0) })
      let changes = base.relationDiff(to: world)
      var signed = lens
      signed.sign = .signed
      let triangles = try drawn.signedGraph(lens: signed).triangleBalance().unbalancedTriangles
      let removedActors = base.actors.filter { world.index(of: $0.id) == nil }
      // Ghosted relations only between actors the map shows (drawn or ghosted).
      let shown = Set(drawn.actors.map(\.id) + removedActors.map(\.id))
      options.delta = DeltaMap(
        scenario: "explorer edits", measure: "pagerank", deltas: deltas, diff: changes,
        shown: { lens.admits($0) && shown.contains($0.from) && shown.contains($0.to) },
        drawn: { lens.admits($0) && drawn.index(of: $0.from) != nil && drawn.index(of: $0.to) != nil },
        removedActors: removedActors, unbalancedTriangles: triangles.map { $0.map { drawn.actors[$0].id } })
    }
    return options
  }

  /// Each tie's leverage on an influence question, in words: the estimated change if it were
  /// removed, from one adjoint solve (``World/leverage(on:change:lens:settings:candidates:candidateType:candidateWeight:recompute:timeLimit:progress:)``
  /// without recomputation), so the analyst sees which tie to try before touching it; a tie
  /// the model does not follow (a hostile or neutral one under `fj`) says that removing it
  /// changes nothing. Empty when the question cannot be solved on this world.
  func leverageNotes(_ world: World, _ question: InfluencePair, drawn: Set<Relation>) -> [Relation: String] {
    let model = questions?.model ?? .fj
    guard let report = try? world.leverage(on: .influence(question, model), change: .remove, lens: lens, recompute: 0) else { return [:] }
    var notes: [Relation: String] = [:]
    for entry in report.entries.unranked {
      // Only the ties the map draws (a capped map of a big world draws a few hundred).
      guard let i = entry.relationIndex, case let r = world.relations[i], drawn.contains(r) else { continue }
      notes[r] = Self.leverageNote(question, estimate: entry.estimate, baseline: report.baseline)
    }
    let seen = lens.seeing(model)
    for r in drawn where notes[r] == nil && lens.admits(r) && !seen.admits(r) {
      notes[r] = "leverage on \(question): none (the \(model.rawValue) model does not follow \(r.sign.word) ties; removing it changes nothing)"
    }
    return notes
  }

  /// One tie's leverage line: the estimate, or why there is none (removing the tie changes
  /// the question's structure, such as an actor's only tie of the kind the model follows).
  static func leverageNote(_ question: InfluencePair, estimate: Double?, baseline: Double) -> String {
    guard let estimate else {
      return "leverage on \(question): no first order estimate (removing it leaves an actor without such ties); apply it to see (now \(ReportText.tableNumber(baseline)))"
    }
    return "leverage on \(question): removing it moves it by about \(ReportText.signedNumber(estimate)) (estimate; now \(ReportText.tableNumber(baseline)))"
  }

  /// Lays out the actors that have no position yet: all of them with `dot` the first time (or
  /// after re-layout), else only the new ones, placed by `neato` around the pinned rest.
  func placeMissing(_ world: World, options: MapOptions) throws {
    let missing = world.actors.filter { positions[$0.id] == nil }
    guard !missing.isEmpty else { return }
    var layout = options
    layout.delta = nil
    let fresh = missing.count == world.actors.count
    // dot suits the small worlds the explorer is for; sfdp or neato beyond (as the CLI picks).
    let engine = LayoutEngine.automatic(nodes: world.actors.count, edges: try world.relationCount(through: lens))
    layout.engine = fresh ? engine : .neato
    layout.clusterBy = fresh ? nil : options.clusterBy
    layout.positions = fresh ? [:] : positions
    let found = try GraphvizRenderer.nodePositions(dot: DOTWriter().write(world, options: layout), engine: layout.engine, text: textMetrics)
    for (i, actor) in world.actors.enumerated() where positions[actor.id] == nil {
      if let p = found["a\(i)"] { positions[actor.id] = p }
    }
  }
}

/// A request the explorer cannot act on.
public enum ExplorerError: Error, CustomStringConvertible, Sendable {
  /// What was wrong with it, in words.
  case invalid(String)
  public var description: String {
    switch self { case let .invalid(text): text }
  }
}
