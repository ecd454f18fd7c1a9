import Testing

@testable import Statecraft
@testable import StatecraftGraph
@testable import StatecraftWorld
import StatecraftTestSupport

@Suite("CSV edge lists")
struct EdgeListCSVTests {
  func problems(_ csv: String) -> [String] {
    do {
      _ = try EdgeListCSV.parse(csv, file: "e.csv", name: "e")
      return []
    } catch let error as GraphFileError {
      return error.lines
    } catch {
      return ["unexpected \(error)"]
    }
  }

  @Test("columns in any order, quoted fields, optional type and sign")
  func valid() throws {
    let csv = "Target,source,weight,type,sign\r\nCHN,\"PAK\",0.5,trade,+\n\"U, S\",PAK,2,threat,hostile\n\n"
    let w = try EdgeListCSV.parse(csv, file: "e.csv", name: "e")
    #expect(w.actors.map(\.id) == ["PAK", "CHN", "U, S"])
    #expect(w.relations.map(\.weight) == [0.5, 2])
    #expect(w.relations.map(\.sign) == [.cooperative, .hostile])
    #expect(w.types.map(\.id) == ["trade", "threat"])
    #expect(try w.through().isDirected)
  }

  @Test("undirected edge lists become undirected graphs")
  func undirected() throws {
    let w = try EdgeListCSV.parse("source,target\na,b\nb,c\n", file: "e.csv", name: "e", undirected: true)
    let g = try w.through()
    #expect(!g.isDirected)
    #expect(g.edgeCount == 2)
    #expect(g.degree() == [1, 2, 1])
  }

  @Test("bad rows are reported with line and column, all of them")
  func badRows() {
    #expect(problems("source,target,weight\na,b,x\na,,1\na,b\n\"a,b,1\n") == [
      "e.csv:2:5: weight \"x\" must be a positive decimal number such as 0.5 (no hexadecimal, no nan or inf)",
      "e.csv:3:3: the target is empty",
      "e.csv:4:1: this line has 2 fields but the header has 3",
      "e.csv:5:1: a quoted field is not closed; add the closing \"",
    ])
    #expect(problems("source,target,wieght\n") == [
      "e.csv:1:15: unknown column \"wieght\"; did you mean \"weight\"?; columns are source, target and optionally weight, type, sign, mutual, since, until, citation, note, id"
    ])
    #expect(problems("from,to\n").count == 4)
    #expect(problems("") == ["e.csv:1:1: the file is empty; the first line must be a header such as `source,target,weight`"])
    #expect(problems("source,target,sign\na,b,maybe\n") == [
      "e.csv:2:5: sign \"maybe\" is not one of cooperative, hostile, neutral (or +, -, 0)"
    ])
  }

  @Test("files that cannot be read name the file and what to do")
  func unreadable() {
    #expect(throws: GraphFileError.unreadable(file: "/nonexistent/x.csv", reason: "no such file; check the path")) {
      try WorldIO.load("/nonexistent/x.csv")
    }
    #expect(throws: GraphFileError.self) { try WorldIO.load("/etc/hostname") }
  }
}
