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
        the estimate is that derivative times the weight change, and the --top entries are then \
        recomputed exactly. Other measures recompute every relation.
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
    switch format {
    case .json:
      let body = zip(rows, names).map { e, name in
        "    {\"relation\": \(jsonString(name)), \"from\": \(jsonString(e.relation(in: world).from.rawValue)), \"to\": \(jsonString(e.relation(in: world).to.rawValue)), "
          + "\"type\": \(jsonString(e.relation(in: world).type)), \"weight\": \(jsonNumber(e.relation(in: world).weight)), \"candidate\": \(e.isCandidate), "
          + "\"derivative\": \(e.derivative.map(jsonNumber) ?? "null"), \"estimate\": \(e.estimate.map(jsonNumber) ?? "null"), \"exact\": \(e.exact.map(jsonNumber) ?? "null")}"
      }
      return "{\n  \"target\": \(jsonString(report.target.description)), \"change\": \(jsonString(report.change.description)), "
        + "\"baseline\": \(jsonNumber(report.baseline)), \"closedForm\": \(report.closedForm),\n  \"entries\": [\n"
        + body.joined(separator: ",\n") + "\n  ]\n}"
    case .csv:
      return (["rank,relation,from,to,type,weight,candidate,derivative,estimate,exact"] + zip(rows, names).enumerated().map { i, pair in
        let (e, name) = pair
        return [String(i + 1), csvField(name), csvField(e.relation(in: world).from.rawValue), csvField(e.relation(in: world).to.rawValue), csvField(e.relation(in: world).type),
         jsonNumber(e.relation(in: world).weight), String(e.isCandidate), n(e.derivative), n(e.estimate), n(e.exact)].joined(separator: ",")
      }).joined(separator: "\n")
    case .table:
      var out = "Leverage on \(report.target): baseline \(tableNumber(report.baseline)); change: \(report.change)\n"
      out += report.closedForm
        ? "estimate = derivative (one adjoint solve) × weight change; exact = recomputed on the edited world\n\n"
        : "no closed form for this target: every relation recomputed\n\n"
      let table = zip(rows, names).enumerated().map { i, pair -> [String] in
        let (e, name) = pair
        return [String(i + 1), name, "\(e.relation(in: world).from)\(e.relation(in: world).mutual ? "↔" : "→")\(e.relation(in: world).to)", e.relation(in: world).type,
         jsonNumber(e.relation(in: world).weight), e.estimate.map(ReportText.signedNumber) ?? "—", e.exact.map(ReportText.signedNumber) ?? "—"]
      }
      out += formatTable(header: ["rank", "relation", "tie", "type", "weight", "estimate", "exact"], rows: table, rightAligned: [0, 4, 5, 6])
      if report.entries.count > top { out += "\n… \(report.entries.count - top) more (--top)" }
      return out
    }
  }
}
