import Foundation
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

  /// A CSV of about 1.5 MB (over the size the reader splits), seeded: ids with accents, three
  /// types, hostile rows, dates and citations only late in the file (so the second piece has
  /// what the first lacks), blank and CRLF lines; `bad` lines get a weight of zero.
  static func bigCSV(bad: Set<Int> = [], quoted: Bool = false) -> String {
    var rng = SplitMix64(seed: 7)
    var text = "source,target,weight,type,sign,since,citation\n"
    for line in 2 ... 40_000 {
      let a = Int.random(in: 0 ..< 3_000, using: &rng), b = Int.random(in: 0 ..< 3_000, using: &rng)
      let type = ["trade", "aid", "threat"][Int.random(in: 0 ..< 3, using: &rng)]
      let weight = bad.contains(line) ? "0" : String(Double(Int.random(in: 1 ... 999, using: &rng)) / 100)
      let late = line > 30_000
      let ends = quoted && line == 20_000 ? "\"a, b\",n\(b)" : "n\(a)\(a % 7 == 0 ? "é" : ""),n\(b)"
      text += "\(ends),\(weight),\(type),\(a % 5 == 0 ? "-" : "+"),\(late ? "2024-0\(a % 9 + 1)" : ""),\(late && a % 3 == 0 ? "src\(a % 11)" : "")"
      text += line % 997 == 0 ? "\r\n\n" : "\n"
    }
    return text
  }

  @Test("a big file read on 1, 2 or 3 threads gives the same world and the same problems")
  func readInPieces() throws {
    func read(_ text: String, threads: Int) throws -> World {
      try WorkUnits.$workerLimit.withValue(threads) { try EdgeListCSV.parse(text, file: "big.csv", name: "big") }
    }
    for quoted in [false, true] {
      let text = Self.bigCSV(quoted: quoted)
      #expect(text.utf8.count > EdgeListCSV.Records.pieceBytes)
      var records = EdgeListCSV.Records(text, file: "big.csv")
      _ = records.next()
      let columns = EdgeListCSV.EdgeColumns(source: 0, target: 1, weight: 2, type: 3, sign: 4, since: 5, citation: 6)
      // A quote anywhere keeps the file in one piece (a quoted field may hold a newline).
      #expect(WorkUnits.$workerLimit.withValue(3) { records.pieces(for: columns).count } == (quoted ? 1 : 3))
      let one = try read(text, threads: 1)
      #expect(one.relations.count == 40_000 - 1)
      for threads in [2, 3] {
        let many = try read(text, threads: threads)
        #expect(many.actors == one.actors)
        #expect(many.relations == one.relations)
        #expect(many.types.map(\.id) == one.types.map(\.id))
        #expect(many.sources.map(\.id) == one.sources.map(\.id))
      }
      // Progress reaches every byte of the file (header and last lines included), in one
      // piece or three.
      for threads in [1, 3] {
        let last = ProgressLog()
        let sink = WorkProgress { done, total in last.record(done, total) }
        _ = try WorkProgress.$current.withValue(sink) { try read(text, threads: threads) }
        #expect(last.reading?.0 == text.utf8.count && last.reading?.1 == text.utf8.count, "\(threads) threads")
      }
    }
    // Lines past the blank ones keep their numbers: each piece counts the lines before it.
    let bad: Set<Int> = [3, 19_990, 20_011, 39_999]
    let lines = bad.sorted().map { $0 + ($0 - 1) / 997 }  // a blank line follows every 997th
    for threads in [1, 2, 3] {
      do {
        _ = try read(Self.bigCSV(bad: bad), threads: threads)
        Issue.record("zero weights were accepted")
      } catch let error as GraphFileError {
        #expect(error.lines.map { $0.split(separator: ":").dropFirst().first.map(String.init) } == lines.map { "\($0)" })
      }
    }
  }

  @Test("lines without quotes split at commas exactly as the quote-aware splitter does")
  func plainSplitMatchesQuoted() {
    var rng = SplitMix64(seed: 11)
    let pieces = ["a", "PAK", " ", "\t", ",", "é", "e\u{301}", "🇵🇰", "0.5", "", "  x y ", "\r"]
    for _ in 0 ..< 5_000 {
      let line = (0 ..< Int.random(in: 0 ... 9, using: &rng)).map { _ in pieces[Int.random(in: 0 ..< pieces.count, using: &rng)] }.joined()
      let bytes = Array(line.utf8)
      let plain = bytes.withUnsafeBufferPointer { EdgeListCSV.splitFields($0) }
      let quoted = bytes.withUnsafeBufferPointer { EdgeListCSV.splitQuoted($0) }
      #expect(plain.fields == quoted.fields && plain.columns == quoted.columns && plain.error == nil, "\(line.debugDescription)")
    }
  }
}

/// The progress a read reported: the last `(done, total)` of its first phase (the bytes read).
final class ProgressLog: @unchecked Sendable {
  private let lock = NSLock()
  private var phases: [(done: Int, total: Int)] = []
  func record(_ done: Int, _ total: Int) {
    lock.withLock {
      if done == 0 && phases.last.map({ $0.done != 0 || $0.total != total }) ?? true {
        phases.append((0, total))  // a phase begins
      } else if !phases.isEmpty {
        phases[phases.count - 1].done = done
      }
    }
  }
  var reading: (Int, Int)? { lock.withLock { phases.first.map { ($0.done, $0.total) } } }
}
