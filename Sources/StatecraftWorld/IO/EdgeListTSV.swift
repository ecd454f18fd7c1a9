import Foundation

extension Digraph {
  /// Reads a numeric edge list: one `source<TAB>target[<TAB>weight]` per line, node ids
  /// `0 ..< n` (n = largest id + 1), the format of the shared benchmark graphs
  /// (`shared/bench/gen_graph.py`). Spaces also separate fields; `#` starts a comment line.
  ///
  /// This is the fast path for large numeric graphs (millions of edges); worlds with
  /// names, types and signs use the YAML or CSV readers.
  ///
  /// - Throws: ``GraphFileError`` naming the line and column of the first malformed field.
  /// - Complexity: O(file size + *n* + *m* log *d*).
  public static func readNumericEdgeList(path: String, directed: Bool = true) throws -> Digraph {
    guard var data = FileManager.default.contents(atPath: path) else {
      throw GraphFileError.unreadable(file: path, reason: "cannot be read; check the path")
    }
    data.append(0)  // strtod needs a terminator
    var sources: [NodeIndex] = []
    var targets: [NodeIndex] = []
    var weights: [Double] = []
    let estimate = data.count / 18
    sources.reserveCapacity(estimate)
    targets.reserveCapacity(estimate)
    weights.reserveCapacity(estimate)
    var maxNode = -1
    var problem: GraphFileError.Problem?
    data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
      var scanner = NumericEdgeScanner(raw)
      while let edge = scanner.nextEdge() {
        sources.append(edge.source)
        targets.append(edge.target)
        weights.append(edge.weight)
        maxNode = Swift.max(maxNode, edge.source, edge.target)
      }
      problem = scanner.problem
    }
    if let problem { throw GraphFileError.invalid(file: path, problems: [problem]) }
    let n = maxNode + 1
    if directed {
      return Digraph(
        nodeCount: n, arcSources: sources, arcTargets: targets, arcWeights: weights,
        directed: true, combine: .sum)
    }
    return try Digraph(nodeCount: n, edges: Array(zip(sources, targets)), weights: weights, directed: false)
  }
}

/// The cursor of ``Digraph/readNumericEdgeList(path:directed:)`` over a NUL-terminated
/// buffer: one method per token (node id, weight, end of line); the first malformed field
/// stops it with a located ``problem``.
private struct NumericEdgeScanner {
  let bytes: UnsafeBufferPointer<UInt8>
  let base: UnsafePointer<CChar>
  /// The index of the terminating NUL (strtod needs it).
  let end: Int
  var i = 0
  var line = 1
  var lineStart = 0
  var problem: GraphFileError.Problem?

  init(_ raw: UnsafeRawBufferPointer) {
    bytes = raw.bindMemory(to: UInt8.self)
    base = raw.baseAddress!.assumingMemoryBound(to: CChar.self)
    end = bytes.count - 1
  }

  /// The next edge, or `nil` at the end of the data or at the first problem.
  @inline(__always)
  mutating func nextEdge() -> (source: Int, target: Int, weight: Double)? {
    guard skipBlankAndCommentLines() else { return nil }
    guard let source = nodeID(), let target = nodeID(), let weight = weight(), lineEnd() else { return nil }
    return (source, target, weight)
  }

  /// Moves to the start of the next line holding data; `false` at the end.
  @inline(__always)
  private mutating func skipBlankAndCommentLines() -> Bool {
    while i < end {
      lineStart = i
      if bytes[i] == UInt8(ascii: "\n") {
        i += 1
        line += 1
      } else if bytes[i] == UInt8(ascii: "#") {
        while i < end && bytes[i] != UInt8(ascii: "\n") { i += 1 }
      } else {
        return true
      }
    }
    return false
  }

  @inline(__always)
  private mutating func skipSpaces() {
    while i < end && (bytes[i] == UInt8(ascii: " ") || bytes[i] == UInt8(ascii: "\t")) { i += 1 }
  }

  @inline(__always)
  private mutating func fail(_ at: Int, _ message: String) {
    problem = .init(line: line, column: at - lineStart + 1, message: message)
  }

  /// A node id after optional spaces: 1 to 18 decimal digits.
  @inline(__always)
  private mutating func nodeID() -> Int? {
    skipSpaces()
    var value = 0
    let start = i
    while i < end, bytes[i] >= UInt8(ascii: "0"), bytes[i] <= UInt8(ascii: "9") {
      value = value &* 10 &+ Int(bytes[i] - UInt8(ascii: "0"))
      i += 1
    }
    if i == start || i - start > 18 {
      fail(start, "expected a node id (a non-negative integer)")
      return nil
    }
    return value
  }

  /// The weight after optional spaces (strtod's syntax), or 1 when the line ends first.
  @inline(__always)
  private mutating func weight() -> Double? {
    skipSpaces()
    guard i < end && bytes[i] != UInt8(ascii: "\n") && bytes[i] != UInt8(ascii: "\r") else { return 1.0 }
    var stop: UnsafeMutablePointer<CChar>?
    let weight = strtod(base + i, &stop)
    let consumed = stop.map { $0 - (UnsafeMutablePointer(mutating: base) + i) } ?? 0
    if consumed <= 0 || !weight.isFinite {
      fail(i, "expected a finite weight")
      return nil
    }
    i += consumed
    return weight
  }

  /// Only spaces, tabs and a carriage return may follow the weight; moves past the newline.
  @inline(__always)
  private mutating func lineEnd() -> Bool {
    while i < end && bytes[i] != UInt8(ascii: "\n") {
      if bytes[i] != UInt8(ascii: "\r") && bytes[i] != UInt8(ascii: " ") && bytes[i] != UInt8(ascii: "\t") {
        fail(i, "unexpected text after the weight")
        return false
      }
      i += 1
    }
    i += 1
    line += 1
    return true
  }
}
