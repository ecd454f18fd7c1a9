import Testing

@testable import Statecraft
@testable import StatecraftGraph
@testable import StatecraftWorld
import StatecraftTestSupport

/// Every validation error the world format promises, each checked for its message and its
/// line and column.
@Suite("World file validation")
struct WorldYAMLTests {
  static let header = """
    schema: 1
    sources:
      - {id: art, title: An article}
    types:
      - {id: trade, polarity: cooperative}
    actors:
      - {id: PAK, name: Pakistan, kind: state}
      - {id: CHN, name: China, kind: state}
    relations:

    """  // relations start on line 10

  func problems(_ yaml: String) -> [String] {
    do {
      _ = try WorldYAML.parse(yaml, file: "w.yaml", defaultName: "w")
      return []
    } catch let error as GraphFileError {
      return error.lines
    } catch {
      return ["unexpected \(error)"]
    }
  }

  func relation(_ fields: String) -> String { Self.header + "  - {\(fields)}\n" }

  @Test("a valid world loads with every field")
  func valid() throws {
    let yaml = Self.header + """
        - {from: PAK, to: CHN, type: trade, weight: 0.5, since: 2024-02, until: 2025, source: art, note: hi}
        - {from: CHN, to: PAK, type: trade, weight: 2, sign: hostile, mutual: true}
      """
    let w = try WorldYAML.parse(yaml, file: "w.yaml", defaultName: "w")
    #expect(w.name == "w")
    #expect(w.actors.map(\.id) == ["PAK", "CHN"])
    #expect(w.relations.count == 2)
    #expect(w.relations[0].sign == .cooperative)  // from the type's polarity
    #expect(w.relations[0].since == PartialDate(year: 2024, month: 2)!)
    #expect(w.relations[1].sign == .hostile)  // explicit
    #expect(w.relations[1].mutual)
  }

  @Test("unknown actor, with the location of the value and a suggestion")
  func unknownActor() {
    // Columns are 1-based: "  - {from: PAK, to: " is 20 characters, so CHN2 starts at 21.
    #expect(problems(relation("from: PAK, to: CHN2, type: trade, weight: 1")) == [
      "w.yaml:10:21: relation target \"CHN2\" is not an actor; did you mean \"CHN\"?; declare it under `actors:` or fix the id"
    ])
  }

  @Test("unknown type and unknown source")
  func unknownTypeAndSource() {
    #expect(problems(relation("from: PAK, to: CHN, type: trde, weight: 1, source: artt")) == [
      "w.yaml:10:32: relation type \"trde\" is not declared; did you mean \"trade\"?; add it under `types:` or fix the name",
      "w.yaml:10:57: source \"artt\" is not declared; did you mean \"art\"?; add it under `sources:` or fix the key",
    ])
  }

  @Test("duplicate ids name the first declaration")
  func duplicateID() {
    let yaml = Self.header.replacingOccurrences(
      of: "  - {id: CHN, name: China, kind: state}", with: "  - {id: PAK, name: China, kind: state}")
    #expect(problems(yaml) == [
      "w.yaml:8:10: duplicate actor id \"PAK\" (first declared at line 7); ids must be unique"
    ])
  }

  @Test("weight missing, zero, negative, NaN, non-numeric", arguments: [
    ("from: PAK, to: CHN, type: trade", "w.yaml:10:5: a relation needs `weight:`"),
    ("from: PAK, to: CHN, type: trade, weight: 0", "w.yaml:10:47: weight 0 must be greater than 0; a weight is the tie's strength (use `sign:` or a hostile type for hostility)"),
    ("from: PAK, to: CHN, type: trade, weight: -2", "w.yaml:10:47: weight -2 must be greater than 0; a weight is the tie's strength (use `sign:` or a hostile type for hostility)"),
    ("from: PAK, to: CHN, type: trade, weight: .nan", "w.yaml:10:47: weight \".nan\" is not a finite number; give the tie's strength as a positive number such as 0.6"),
    ("from: PAK, to: CHN, type: trade, weight: nan", "w.yaml:10:47: weight \"nan\" is not a finite number; give the tie's strength as a positive number such as 0.6"),
    ("from: PAK, to: CHN, type: trade, weight: strong", "w.yaml:10:47: weight \"strong\" is not a finite number; give the tie's strength as a positive number such as 0.6"),
  ])
  func badWeight(fields: String, message: String) {
    #expect(problems(relation(fields)) == [message])
  }

  @Test("bad dates and until before since")
  func dates() {
    #expect(problems(relation("from: PAK, to: CHN, type: trade, weight: 1, since: 2025-02-30")) == [
      "w.yaml:10:57: since \"2025-02-30\" is not a date; write YYYY, YYYY-MM or YYYY-MM-DD (for example 2025-04-07)"
    ])
    #expect(problems(relation("from: PAK, to: CHN, type: trade, weight: 1, since: 2025-03, until: 2024")) == [
      "w.yaml:10:73: until 2024 is before since 2025-03; swap them or fix the dates"
    ])
  }

  @Test("an unknown key such as a typo is an error, not ignored")
  func unknownKey() {
    #expect(problems(relation("from: PAK, to: CHN, type: trade, wieght: 1")) == [
      "w.yaml:10:5: a relation needs `weight:`",
      "w.yaml:10:39: unknown key \"wieght\" in a relation; did you mean \"weight\"?; allowed keys: id, from, to, type, weight, sign, mutual, since, until, source, note",
    ])
  }

  @Test("wrong or missing schema version")
  func schema() {
    #expect(problems(Self.header.replacingOccurrences(of: "schema: 1", with: "schema: 2")) == [
      "w.yaml:1:9: schema version \"2\" is not supported; this version of Statecraft reads schema 1"
    ])
    #expect(problems(Self.header.replacingOccurrences(of: "schema: 1\n", with: "")) == [
      "w.yaml:1:1: the file has no `schema:` line; add `schema: 1` at the top"
    ])
  }

  @Test("every problem is reported, not just the first")
  func allProblems() {
    let yaml = Self.header + """
        - {from: XX, to: CHN, type: trade, weight: 1}
        - {from: PAK, to: CHN, type: trade, weight: 0}
        - {from: PAK, to: CHN, type: trade, weight: 1, sign: friendly}
      """
    let found = problems(yaml)
    #expect(found.count == 3)
    #expect(found.map { $0.split(separator: ":")[1] } == ["10", "11", "12"])
  }

  @Test("YAML syntax errors, empty files, wrong shapes and bad enum values are located")
  func syntaxAndShapes() {
    #expect(problems("schema: 1\nactors: [\n") .first?.hasPrefix("w.yaml:3:1: YAML syntax error") == true)
    #expect(problems("") == ["w.yaml:1:1: the file is empty; a world needs at least `schema: 1`"])
    #expect(problems("schema: 1\nactors: PAK\n") == [
      "w.yaml:2:9: actors must be a list, with one `- ` entry per item"
    ])
    #expect(problems("schema: 1\nactors:\n  - {id: PAK, kind: country}\n") == [
      "w.yaml:3:21: kind \"country\" is not one of state, region, company, armed-group, organization, person, project, other"
    ])
    #expect(problems("schema: 1\nactors:\n  - {id: PAK}\n  - {id: PAK}\n")
      == ["w.yaml:4:10: duplicate actor id \"PAK\" (first declared at line 3); ids must be unique"])
    #expect(problems("schema: 1\nactors:\n  - {id: A}\nactors:\n  - {id: B}\n").first?.contains("duplicate key") == true)
  }

  @Test("type declarations are checked: polarity, mode, colour")
  func types() {
    let yaml = """
      schema: 1
      types:
        - {id: a, polarity: friendly}
        - {id: b, polarity: hostile, mode: spoken}
        - {id: c, polarity: neutral, color: red}
        - {id: d}
      actors: []
      """
    #expect(problems(yaml) == [
      "w.yaml:3:23: polarity \"friendly\" is not one of cooperative, hostile, neutral",
      "w.yaml:4:38: mode \"spoken\" is not one of material, verbal",
      "w.yaml:5:39: color \"red\" is not a colour; write #rrggbb, for example \"#1b7837\" (quoted)",
      "w.yaml:6:5: a relation type needs a `polarity:` (cooperative, hostile or neutral)",
    ])
  }
}

@Suite("YAML messages that say what happened")
struct YAMLMessageTests {
  @Test("an unquoted comma in a flow-mapping value is named once, with the fix")
  func commaSplitsAValue() throws {
    let yaml = """
      schema: 1
      name: c
      types: [{id: t, polarity: cooperative, mode: material}]
      actors: [{id: A}, {id: B}]
      relations:
        - {from: A, to: B, type: t, weight: 1, note: drones and components, advisers, money}
      """
    #expect {
      try WorldYAML.parse(yaml, file: "c.yaml", defaultName: "c")
    } throws: { error in
      let lines = (error as! GraphFileError).lines
      return lines.count == 1 && lines[0].contains("\"advisers\" reads as a key because a comma in the note value split it")
    }
    // One month is said once.
    #expect(Relation.period(since: "2025-06", until: "2025-06") == "in 2025-06")
  }
}
