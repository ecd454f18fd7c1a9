import Foundation
import Testing

@testable import Statecraft
@testable import StatecraftGraph
@testable import StatecraftWorld

@Suite("Scenarios")
struct ScenarioTests {
  static func seed() throws -> World { try WorldIO.load(graphPath("pakistan-2025.yaml")) }

  static let allQuestions = Questions(
    measures: [.pagerank, .betweenness, .closeness],
    influence: [InfluencePair(source: "CHN", target: "PAK"), InfluencePair(source: "USA", target: "PAK")],
    paths: [PathQuestion(from: "USA", to: "BSG", direction: .either)], balance: true, communities: true)

  /// Writes a scenario file beside a copy-free absolute base path and loads it.
  static func load(_ body: String) throws -> ScenarioFile {
    let dir = URL(fileURLWithPath: scratchRoot).appendingPathComponent("scenarios")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let url = dir.appendingPathComponent("s-\(abs(body.hashValue)).yaml")
    try ("schema: 1\nbase: \(graphPath("pakistan-2025.yaml"))\n" + body).write(to: url, atomically: true, encoding: .utf8)
    return try ScenarioFile.load(url.path)
  }

  /// The problems a scenario file is refused with, as `line:column: message` without the file.
  static func problems(_ body: String) -> [String] {
    do {
      _ = try load(body)
      return []
    } catch let error as GraphFileError {
      return error.lines.map { String($0[$0.index(after: $0.firstIndex(of: ":")!)...]) }
    } catch {
      return ["\(error)"]
    }
  }

  @Test("an empty scenario is the identity: every delta exactly 0, nothing moves")
  func emptyIsIdentity() throws {
    let world = try Self.seed()
    let comparison = try ScenarioRunner(questions: Self.allQuestions).compare(world, [Scenario(name: "nothing", edits: [])])
    let diff = comparison.scenarios[0]
    for (_, changes) in diff.measures {
      #expect(changes.allSatisfy { $0.delta == 0 && $0.rankChange == 0 })
    }
    #expect(diff.influence.allSatisfy { $0.before == $0.after })
    #expect(diff.paths.allSatisfy { !$0.changed })
    #expect(diff.balance!.becameBalanced.isEmpty && diff.balance!.becameUnbalanced.isEmpty)
    #expect(diff.communities!.moves.isEmpty)
  }

  @Test("a relation diff tells changed relations from added and removed ones, paired in file order")
  func relationDiff() throws {
    let world = try Self.seed()
    var edited = world
    try edited.apply([
      .reweight(.id("cpec-investment"), weight: 1.5),
      .resign(.id("china-concern"), sign: .cooperative),
      .removeRelation(.id("us-tariff-threat")),
      .addRelation(world.relation(from: "CHN", to: "RKD", type: "investment", weight: 0.5)),
    ])
    let diff = world.relationDiff(to: edited)
    #expect(diff.changed.map { $0.before.id } == ["cpec-investment", "china-concern"])
    #expect(diff.changed.map { $0.after.weight } == [1.5, world.relations[try world.relationIndex(.id("china-concern"))].weight])
    #expect(diff.changed.map { $0.after.sign } == [.cooperative, .cooperative])
    #expect(diff.removed.map(\.id) == ["us-tariff-threat"])
    #expect(diff.added.map { "\($0.from)>\($0.to)" } == ["CHN>RKD"])
    // The same relations as relationChanges, each changed one counted once on each side.
    let (added, removed) = world.relationChanges(to: edited)
    #expect(added.count == diff.added.count + diff.changed.count && removed.count == diff.removed.count + diff.changed.count)
    #expect(world.relationDiff(to: world).changed.isEmpty && world.relationDiff(to: world).added.isEmpty)
  }

  @Test("removing an actor removes it from every result; the base world never changes")
  func removeActor() throws {
    let world = try Self.seed()
    let before = WorldYAML.write(world)
    let cut = Scenario(name: "no-trump", edits: [.removeActor("TRUMP")])
    let comparison = try ScenarioRunner(questions: Self.allQuestions).compare(world, [cut])
    let edited = comparison.worlds[0]
    #expect(edited.index(of: "TRUMP") == nil)
    #expect(!edited.relations.contains { $0.from == "TRUMP" || $0.to == "TRUMP" })
    for (_, changes) in comparison.scenarios[0].measures {
      let trump = try #require(changes.first { $0.actor == "TRUMP" })
      #expect(trump.after == nil && trump.delta == nil && changes.last?.actor == "TRUMP")
    }
    #expect(comparison.scenarios[0].communities!.after.community(of: "TRUMP") == nil)
    #expect(!comparison.scenarios[0].balance!.after.camps.joined().contains("TRUMP"))
    #expect(WorldYAML.write(world) == before)
  }

  @Test("the same scenario gives byte-identical reports")
  func deterministic() throws {
    let path = graphPath("scenarios/pakistan-2025.yaml")
    for format in ReportFormat.allCases {
      let a = try ScenarioFile.load(path).run().report(format)
      let b = try ScenarioFile.load(path).run().report(format)
      #expect(a == b && !a.isEmpty)
    }
  }

  @Test("the seed scenarios load, extend and run")
  func seedScenarios() throws {
    let file = try ScenarioFile.load(graphPath("scenarios/pakistan-2025.yaml"))
    #expect(file.scenarios.map(\.name) == ["minerals-deal", "tariff-imposed", "reko-diq-halted", "china-deepens-cpec"])
    // china-deepens-cpec extends minerals-deal: its edits come first.
    #expect(Array(file.scenarios[3].edits.prefix(3)) == file.scenarios[0].edits)
    let comparison = try file.run(only: ["china-deepens-cpec"])
    let influence = try #require(comparison.scenarios[0].influence.first { $0.pair.description == "CHN over PAK" })
    // The US partnership it extends gives Pakistan a cooperative US tie to heed: China's share falls.
    #expect(influence.after < influence.before)
    // JSON parses and carries every scenario.
    let json = try JSONSerialization.jsonObject(with: Data(file.run().report(.json).utf8)) as! [String: Any]
    #expect((json["scenarios"] as! [Any]).count == 4)
    #expect(throws: ScenarioError.self) { try file.run(only: ["minerals-dael"]) }
  }

  @Test("edits validate like the reader, with did-you-mean")
  func editErrors() throws {
    var world = try Self.seed()
    #expect(throws: UnknownActorError("PKA", suggestion: "PAK")) {
      try world.apply(.addRelation(world.relation(from: "USA", to: "PKA", type: "investment", weight: 1)))
    }
    #expect(throws: EditError.invalidWeight(0)) {
      try world.apply(.addRelation(world.relation(from: "USA", to: "PAK", type: "investment", weight: 0)))
    }
    #expect(throws: EditError.unknownType("investmnet", suggestion: "investment")) {
      try world.apply(.addRelation(world.relation(from: "USA", to: "PAK", type: "investmnet", weight: 1)))
    }
    #expect(throws: EditError.duplicateRelationID("minerals-pitch")) {
      try world.apply(.addRelation(world.relation(from: "USA", to: "PAK", type: "investment", weight: 1, id: "minerals-pitch")))
    }
    #expect(throws: EditError.duplicateActor("PAK")) { try world.apply(.addActor(Actor(id: "PAK"))) }
    #expect(throws: EditError.unknownRelation(.id("minerals-pich"), suggestion: "minerals-pitch")) {
      try world.apply(.removeRelation(.id("minerals-pich")))
    }
    // PAK → USA holds two investment pitches: naming the pair and type is ambiguous.
    #expect(throws: EditError.ambiguousRelation(
      .match(from: "PAK", to: "USA", type: "investment-pitch"),
      candidates: ["minerals-pitch", "PAK→USA investment-pitch #2"], total: 2)) {
      try world.apply(.reweight(.match(from: "PAK", to: "USA", type: "investment-pitch"), weight: 1))
    }
    // A failed batch leaves the world unchanged.
    let count = world.relations.count
    #expect(throws: UnknownActorError("XYZ", suggestion: nil)) { try world.apply([.removeRelation(.id("minerals-pitch")), .removeActor("XYZ")]) }
    #expect(world.relations.count == count)
    // Each edit does what it says.
    try world.apply(.retype(.id("us-tariff-threat"), type: "tariff"))
    #expect(world.relations[try world.relationIndex(.id("us-tariff-threat"))].type == "tariff")
    try world.apply(.resign(.id("china-concern"), sign: .neutral))
    #expect(world.relations[try world.relationIndex(.id("china-concern"))].sign == .neutral)
    try world.apply(.scaleType("investment", factor: 2, among: ["CHN", "CPEC"]))
    #expect(world.relations[try world.relationIndex(.id("cpec-investment"))].weight == 2)
    try world.apply(.removeActor("BSG"))
    #expect(world.index(of: "BSG") == nil && !world.relations.contains { $0.from == "BSG" })
  }

  @Test("relation keys: from, to, type and an ordinal; a mutual relation matches either way")
  func relationKeys() throws {
    let world = try Self.seed()
    let keys = world.relationKeys()
    #expect(Set(keys).count == keys.count)
    let second = try #require(keys.firstIndex { $0.description == "PAK→USA purchase-commitment #2" })
    #expect(try world.relationIndex(.key(keys[second])) == second)
    #expect(world.relationName(at: 0) == "us-tariff-threat")
    // The CHN–PAK alliance is mutual: naming it from PAK's side finds it.
    let alliance = try world.relationIndex(.match(from: "PAK", to: "CHN", type: "alliance"))
    #expect(world.relations[alliance].type == "alliance")
  }

  @Test("bad scenario files are refused at line and column with what to do")
  func badFiles() {
    #expect(Self.problems("scenarios:\n  - name: a\n    edits:\n      - remove-actor: PKA\n")
      == ["6:23: actor \"PKA\" is not in this world; did you mean \"PAK\"?"])
    #expect(Self.problems("scenarios:\n  - name: a\n    edits:\n      - reweight: {from: PAK, to: USA, weight: 1}\n")
      .first?.contains("matches 5 relations") == true)
    #expect(Self.problems("scenarios:\n  - name: a\n    edits:\n      - reweight: {from: PAK, to: USA, weight: 1}\n")
      .first?.contains("give the relation an `id:`") == true)
    #expect(Self.problems("scenarios:\n  - {name: a, extends: b, edits: []}\n  - {name: b, extends: a, edits: []}\n")
      .contains { $0.contains("extends cycle of 2 scenarios: a → b → a") })
    #expect(Self.problems("questions:\n  measures: [pagernak]\nscenarios:\n  - {name: a, edits: []}\n")
      == ["4:14: unknown measure \"pagernak\"; did you mean \"pagerank\"?; measures: pagerank, betweenness, degree, in-degree, out-degree, strength, in-strength, out-strength, closeness, harmonic, eigenvector, katz, hubs, authorities"])
    #expect(Self.problems("questions:\n  influence: [CHN over PKA]\nscenarios:\n  - {name: a, edits: []}\n")
      == ["4:15: actor \"PKA\" is not in the base world; did you mean \"PAK\"?"])
    #expect(Self.problems("questions:\n  influence: [CHN sways PAK]\nscenarios:\n  - {name: a, edits: []}\n")
      .first?.contains("must read SOURCE over TARGET") == true)
    #expect(Self.problems("scenarios:\n  - name: a\n    edits:\n      - add: {from: USA, to: PAK, type: investment, weight: -1}\n")
      == ["6:14: weight -1.0 must be a finite number greater than 0"])
    #expect(Self.problems("scenarios:\n  - name: a\n    edits:\n      - {remove: minerals-pitch, add-actor: {id: X}}\n")
      .first?.contains("an edit names one operation") == true)
    #expect(Self.problems("scenarios:\n  - name: a\n    edits:\n      - rewieght: {id: minerals-pitch, weight: 1}\n")
      .first?.contains("did you mean \"reweight\"") == true)
    #expect(Self.problems("scenarios:\n  - {name: a, extends: z, edits: []}\n").first?.contains("extends \"z\", which is not a scenario") == true)
  }

  @Test("score changes: biggest first, ties in file order, added and removed actors last")
  func scoreChanges() {
    let before = NodeScores(actors: ["A", "B", "C", "D"], values: [0.4, 0.3, 0.2, 0.1])
    let after = NodeScores(actors: ["A", "B", "C", "E"], values: [0.3, 0.4, 0.1, 0.2])
    let changes = before.changes(to: after)
    #expect(changes.map(\.actor) == ["A", "B", "C", "D", "E"])
    #expect(changes[0].rankBefore == 1 && changes[0].rankAfter == 2 && changes[0].rankChange == -1)
    #expect(changes[3].after == nil && changes[4].before == nil)
  }

  @Test("a scenario that removes an actor a question names still runs: that answer is missing")
  func removedQuestionActor() throws {
    let world = try Self.seed()
    let comparison = try ScenarioRunner(questions: Self.allQuestions).compare(
      world, [Scenario(name: "no-bsg", edits: [.removeActor("BSG")]), Scenario(name: "no-chn", edits: [.removeActor("CHN")])])
    #expect(comparison.scenarios[0].paths[0].before != nil)
    #expect(comparison.scenarios[0].paths[0].after == nil && comparison.scenarios[0].paths[0].changed)
    #expect(comparison.scenarios[1].influence[0].after.isNaN)
    let share = ReportText.tableNumber(try world.influence(of: "CHN", over: "PAK", lens: Self.allQuestions.lens))
    #expect(comparison.report(.table).contains("CHN over PAK  \(share)      —      —"), "\(comparison.report(.table))")
    #expect(comparison.report(.json).contains("\"after\": null"))
  }

  @Test("a long extends chain resolves and runs in linear time; a long cycle is reported once, briefly", .timeLimit(.minutes(1)))
  func longExtends() throws {
    let world = try Self.seed()
    func file(_ n: Int, cycle: Bool) -> String {
      var lines = ["schema: 1", "base: x.yaml", "questions:", "  measures: [pagerank]", "scenarios:"]
      for i in 0 ..< n {
        lines.append("  - name: s\(i)")
        if i > 0 { lines.append("    extends: s\(i - 1)") } else if cycle { lines.append("    extends: s\(n - 1)") }
        lines += ["    edits:", "      - reweight: {id: us-tariff-threat, weight: \(0.1 + Double(i % 9) / 10)}"]
      }
      return lines.joined(separator: "\n") + "\n"
    }
    let chain = try ScenarioFile.parse(file(2_000, cycle: false), file: "chain.yaml", base: world)
    #expect(chain.scenarios.count == 2_000 && chain.scenarios[1_999].edits.count == 2_000)
    let run = try chain.run()
    // The last scenario's numbers equal a direct application of its edits.
    let direct = try ScenarioRunner(questions: chain.questions).compare(world, [chain.scenarios[1_999]])
    #expect(run.scenarios[1_999].measures[0].changes.map(\.after) == direct.scenarios[0].measures[0].changes.map(\.after))
    #expect {
      try ScenarioFile.parse(file(2_000, cycle: true), file: "cycle.yaml", base: world)
    } throws: { error in
      let text = "\(error)"
      return text.contains("extends cycle of 2000 scenarios: s0 → s1999 → s1998") && text.contains("…") && text.utf8.count < 1_000
    }
  }

  @Test("messages stay short and single: a bad scale factor once, an ambiguous reference names five of its matches")
  func conciseMessages() throws {
    let problems = Self.problems("scenarios:\n  - name: a\n    edits:\n      - scale: {type: investment, factor: .inf}\n")
    #expect(problems.count == 1 && !problems[0].contains("scale needs"), "\(problems)")
    var world = try Self.seed()
    for _ in 0 ..< 1_000 { world.relations.append(Relation(from: "PAK", to: "USA", type: "investment-pitch", weight: 0.1, sign: .cooperative)) }
    #expect {
      try world.apply(.reweight(.match(from: "PAK", to: "USA", type: "investment-pitch"), weight: 1))
    } throws: { error in
      let text = "\(error)"
      return text.contains("matches 1002 relations") && text.contains("… 997 more") && text.utf8.count < 600
    }
  }

  @Test("redate sets or clears a relation's dates; the writer and the reader agree")
  func redate() throws {
    let world = try Self.seed()
    let file = try ScenarioFile.parse("""
      schema: 1
      base: x.yaml
      scenarios:
        - name: later
          edits:
            - redate: {id: us-tariff-threat, since: 2026-01}
        - name: open
          edits:
            - redate: {id: us-tariff-threat, since: null, until: 2027}
      """, file: "redate.yaml", base: world)
    let later = try file.scenarios[0].applied(to: world)
    let i = try world.relationIndex(.id("us-tariff-threat"))
    #expect(later.relations[i].since == PartialDate("2026-01") && later.relations[i].until == world.relations[i].until)
    let open = try file.scenarios[1].applied(to: world)
    #expect(open.relations[i].since == nil && open.relations[i].until == PartialDate("2027"))
    // Under the world's own date the threat no longer counts in "later".
    #expect(try later.relations(through: Lens.standard(for: later)).count == (try world.relations(through: Lens.standard(for: world)).count) - 1)
    let written = ScenarioWriter.file(file.scenarios, base: "x.yaml")
    #expect(try ScenarioFile.parse(written, file: "back.yaml", base: world).scenarios.map(\.edits) == file.scenarios.map(\.edits))
    #expect(Self.problems("scenarios:\n  - name: a\n    edits:\n      - redate: {id: us-tariff-threat}\n").first?.contains("redate needs `since:` or `until:`") == true)
    #expect(Self.problems("scenarios:\n  - name: a\n    edits:\n      - redate: {id: us-tariff-threat, since: 2030, until: 2029}\n").first?.contains("before since") == true)
  }

  @Test("a scenario file can ask for a knock-out: each actor removed in turn, before and after, equal to the library's own")
  func knockOutQuestions() throws {
    let world = try Self.seed()
    let file = try ScenarioFile.parse("""
      schema: 1
      base: x.yaml
      questions:
        knock-out: [pagerank of PAK, CHN over PAK]
      scenarios:
        - name: no-deal
          edits:
            - remove: us-tariff-threat
      """, file: "k.yaml", base: world)
    #expect(file.questions.knockOut.map(\.description) == ["pagerank of PAK", "CHN over PAK"])
    let run = try file.run()
    let k = try #require(run.scenarios[0].knockOuts.first)
    let direct = try world.knockOut(.score(.pagerank, "PAK"), lens: file.questions.lens)
    #expect(k.before?.rows.map(\.change) == direct.rows.map(\.change))
    let edited = try file.scenarios[0].applied(to: world)
    #expect(k.after?.rows.map(\.change) == (try edited.knockOut(.score(.pagerank, "PAK"), lens: file.questions.lens)).rows.map(\.change))
    let text = run.report(.table)
    #expect(text.contains("Knock-out on pagerank of PAK: each actor removed in turn") && text.contains("actor removed"))
    #expect(run.report(.json).contains("\"knockOut\""))
    #expect(ScenarioWriter.file(file.scenarios, base: "x.yaml", questions: file.questions).contains("knock-out: [\"pagerank of PAK\", \"CHN over PAK\"]"))
    #expect(Self.problems("questions:\n  knock-out: [pagerank of PKA]\nscenarios:\n  - {name: a, edits: []}\n").first?.contains("did you mean \"PAK\"") == true)
  }

  @Test("every problem of a scenario file comes out in one round: an edit's typo beside a question's unknown actor")
  func oneRound() throws {
    let problems = Self.problems("questions:\n  influence: [CHN over PKA]\nscenarios:\n  - name: a\n    edits:\n      - reweight: {id: us-tariff-threat, wieght: 1}\n")
    #expect(problems.contains { $0.contains("wieght") } && problems.contains { $0.contains("\"PKA\"") }, "\(problems)")
  }

  @Test("a CSV base can be declared undirected")
  func undirectedBase() throws {
    let dir = URL(fileURLWithPath: scratchRoot).appendingPathComponent("scenarios")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let file = dir.appendingPathComponent("karate-scenario.yaml")
    try "schema: 1\nbase: \(graphPath("karate-club.csv"))\nundirected: true\nscenarios:\n  - name: cut\n    edits:\n      - remove: {from: 1, to: 0}\n"
      .write(to: file, atomically: true, encoding: .utf8)
    let loaded = try ScenarioFile.load(file.path)
    #expect(!loaded.base.directed)
    let edited = try loaded.scenarios[0].applied(to: loaded.base)
    #expect(edited.relations.count == loaded.base.relations.count - 1)
  }
}

@Suite("Scenario CSV")
struct ScenarioCSVTests {
  @Test("a removed actor's missing influence value is an empty field, never the word null")
  func noNull() throws {
    let world = try WorldIO.load(graphPath("pakistan-2025.yaml"))
    let questions = Questions(measures: [.pagerank], influence: [InfluencePair(source: "CHN", target: "PAK")])
    let comparison = try ScenarioRunner(questions: questions).compare(world, [Scenario(name: "gone", edits: [.removeActor("CHN")])])
    let csv = comparison.report(.csv)
    #expect(!csv.contains("null"))
    #expect(csv.contains("gone,influence,CHN over PAK,\(ReportText.jsonNumber(try world.influence(of: "CHN", over: "PAK")))"), "\(csv)")
    let line = try #require(csv.split(separator: "\n").first { $0.contains("influence") })
    #expect(line.hasSuffix(",,,,"), "after and delta empty: \(line)")
  }

  @Test("a scale that overflows one relation's weight leaves the world unchanged")
  func scaleIsAllOrNothing() throws {
    var world = World(
      name: "s", actors: [Actor(id: "A"), Actor(id: "B"), Actor(id: "C")],
      relations: [
        Relation(from: "A", to: "B", type: "aid", weight: 1, sign: .cooperative),
        Relation(from: "B", to: "C", type: "aid", weight: 1e300, sign: .cooperative),
      ],
      types: [RelationType(id: "aid", polarity: .cooperative)])
    let before = world
    #expect(throws: EditError.invalidWeight(.infinity)) { try world.apply(.scaleType("aid", factor: 1e10, among: nil)) }
    #expect(world.relations.weights == before.relations.weights)
  }
}

