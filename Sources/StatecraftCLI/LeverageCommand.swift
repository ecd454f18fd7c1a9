import ArgumentParser
import Foundation
import Statecraft

extension StatecraftCommand {
  struct Leverage: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Rank relations by how much a change to each would move a target (an influence pair or an actor's score).",
      discussion: """
        Targets: "CHN over PAK" (Friedkin–Johnsen share of CHN in PAK's settled stance; --model walk \
        for walk sums) or "pagerank of PAK" (any measure). For PageRank and Friedkin–Johnsen one \
        adjoint solve gives the derivative of the target with respect to every relation's weight; \
        the estimate is that derivative times the weight change (for PageRank, the rank-one \
        change: derivative × Δw × s/(s + Δw), s the actor's out-strength), and the --top entries are then \
        recomputed exactly. A removal that cuts an actor's last tie of the kind the target \
        depends on is a jump: for PageRank (the actor's last out-tie) the estimate is the exact \
        rank-one (Sherman–Morrison) numerator with a bound, recomputed when the bound could reach \
        the top; a Friedkin–Johnsen jump (an actor's last in-tie) shows — and is always \
        recomputed. Other measures recompute every relation.
        """)

    @OptionGroup var graph: GraphOptions
    @Option(help: "The target: \"SOURCE over TARGET\" or \"MEASURE of ACTOR\".") var target: String
    @Option(help: "The change tried on each relation: remove, +X or -X (weight change; write a negative one as --change=-0.1).")
    var change = "remove"
    @Option(help: ArgumentHelp("Also try new relations between every ordered pair of these actors.", discussion: idListHelp))
    var candidates: [String] = []
    @Option(help: "The type of candidate relations (a declared type).") var candidateType: String?
    @Option(help: "The weight of candidate relations.") var candidateWeight = 0.5
    @Option(help: "fj or walk, for an influence target.") var model: InfluenceModel = .fj
    @Option(name: .shortAndLong, help: "Show and recompute exactly this many relations.") var top = 10
    @Option(help: "Output format: table, json or csv.") var format: OutputStyle = .table

    func validate() throws {
      guard LeverageTarget(target) != nil else {
        throw ValidationError("--target \"\(target)\" must read SOURCE over TARGET (\"CHN over PAK\") or MEASURE of ACTOR (\"pagerank of PAK\").")
      }
      guard LeverageChange(change) != nil else {
        throw ValidationError("--change \"\(change)\" must be remove, +X or -X (for example +0.1).")
      }
      guard top >= 1 else { throw ValidationError("--top must be at least 1, got \(top).") }
      guard candidateWeight > 0, candidateWeight.isFinite else {
        throw ValidationError("--candidate-weight must be a positive number, got \(candidateWeight).")
      }
      if !candidates.isEmpty && candidateType == nil {
        throw ValidationError("--candidates needs --candidate-type: the type of the relations to try (for example partnership).")
      }
    }

    func run() throws {
      let world = try graph.load()
      let bar = ProgressBar(total: 1, label: "recomputing", quiet: graph.quiet)
      let report = try world.leverage(
        on: LeverageTarget(target, model: model)!, change: LeverageChange(change)!, lens: try graph.lens,
        candidates: try parseList(candidates, option: "--candidates").map(Actor.ID.init(rawValue:)),
        candidateType: candidateType, candidateWeight: candidateWeight, recompute: top
      ) { done, total in bar.update(done, of: total) }
      bar.finish()
      print(Reports.leverage(report, in: world, top: top, format: format))
    }
  }
}

extension Reports {
  /// A leverage ranking as a table, JSON (an object with the target, the baseline and the
  /// entries) or CSV.
  public static func leverage(_ report: LeverageReport, in world: World, top: Int, format: ReportFormat) -> String {
    let rows = report.entries.prefix(top)
    let names = rows.map { report.name(of: $0, in: world) }
    func n(_ x: Double?) -> String { x.map(jsonNumber) ?? "" }
    let relations = rows.map { $0.relation(in: world) }
    switch format {
    case .json:
      let body = zip(zip(rows, relations), names).map { pair, name in
        let (e, r) = pair
        return "    {\"relation\": \(jsonString(name)), \"from\": \(jsonString(r.from.rawValue)), \"to\": \(jsonString(r.to.rawValue)), "
          + "\"type\": \(jsonString(r.type)), \"weight\": \(jsonNumber(r.weight)), \"candidate\": \(e.isCandidate), "
          + "\"derivative\": \(e.derivative.map(jsonNumber) ?? "null"), \"estimate\": \(e.estimate.map(jsonNumber) ?? "null"), "
          + "\"bound\": \(e.bound.map(jsonNumber) ?? "null"), \"exact\": \(e.exact.map(jsonNumber) ?? "null")}"
      }
      return "{\n  \"target\": \(jsonString(report.target.description)), \"change\": \(jsonString(report.change.description)), "
        + "\"baseline\": \(jsonNumber(report.baseline)), \"closedForm\": \(report.closedForm),\n  \"entries\": [\n"
        + body.joined(separator: ",\n") + "\n  ]\n}"
    case .csv:
      return (["rank,relation,from,to,type,weight,candidate,derivative,estimate,bound,exact"] + rows.indices.map { i in
        let (e, r) = (rows[i], relations[i - rows.startIndex])
        return [String(i + 1), csvField(names[i - rows.startIndex]), csvField(r.from.rawValue), csvField(r.to.rawValue), csvField(r.type),
         jsonNumber(r.weight), String(e.isCandidate), n(e.derivative), n(e.estimate), n(e.bound), n(e.exact)].joined(separator: ",")
      }).joined(separator: "\n")
    case .table:
      var out = "Leverage on \(report.target): baseline \(tableNumber(report.baseline)); change: \(report.change)\n"
      let pageRank = if case .score(.pagerank, _) = report.target { true } else { false }
      out += !report.closedForm ? "no closed form for this target: every relation recomputed\n\n"
        : pageRank ? "estimate = rank-one change from one adjoint solve (derivative × Δw × s/(s + Δw), s the actor's out-strength); exact = recomputed on the edited world\n\n"
        : "estimate = derivative (one adjoint solve) × weight change; exact = recomputed on the edited world\n\n"
      let table = rows.indices.map { i -> [String] in
        let (e, r) = (rows[i], relations[i - rows.startIndex])
        // A PageRank jump's estimate is the rank-one numerator, marked *.
        let estimate = e.estimate.map { ReportText.signedNumber($0) + (e.bound == nil ? "" : "*") } ?? "—"
        return [String(i + 1), names[i - rows.startIndex], "\(r.from)\(r.mutual ? "↔" : "→")\(r.to)", r.type, jsonNumber(r.weight), estimate,
         e.exact.map(ReportText.signedNumber) ?? "—"]
      }
      out += formatTable(header: ["rank", "relation", "tie", "type", "weight", "estimate", "exact"], rows: table, rightAligned: [0, 4, 5, 6])
      if rows.contains(where: { $0.bound != nil }) {
        out += "\n* a jump (an actor's last out-tie): the rank-one numerator; the exact change has its sign and at most its bound"
      }
      if report.entries.count > top { out += "\n… \(report.entries.count - top) more (--top)" }
      return out
    }
  }
}
