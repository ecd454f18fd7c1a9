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
      let bytes = raw.bindMemory(to: UInt8.self)
      let base = raw.baseAddress!.assumingMemoryBound(to: CChar.self)
      let end = bytes.count - 1
      var i = 0
      var line = 1
      func fail(_ col: Int, _ message: String) {
        problem = .init(line: line, column: col, message: message)
      }
      while i < end && problem == nil {
        let lineStart = i
        // Skip blank and comment lines.
        if bytes[i] == UInt8(ascii: "\n") { i += 1; line += 1; continue }
        if bytes[i] == UInt8(ascii: "#") {
          while i < end && bytes[i] != UInt8(ascii: "\n") { i += 1 }
          continue
        }
        var fields: [Int] = []
        for _ in 0 ..< 2 {
          while i < end && (bytes[i] == UInt8(ascii: " ") || bytes[i] == UInt8(ascii: "\t")) { i += 1 }
          var value = 0
          let start = i
          while i < end, bytes[i] >= UInt8(ascii: "0"), bytes[i] <= UInt8(ascii: "9") {
            value = value &* 10 &+ Int(bytes[i] - UInt8(ascii: "0"))
            i += 1
          }
          if i == start || i - start > 18 {
            fail(start - lineStart + 1, "expected a node id (a non-negative integer)")
            return
          }
          fields.append(value)
        }
        var weight = 1.0
        while i < end && (bytes[i] == UInt8(ascii: " ") || bytes[i] == UInt8(ascii: "\t")) { i += 1 }
        if i < end && bytes[i] != UInt8(ascii: "\n") && bytes[i] != UInt8(ascii: "\r") {
          var stop: UnsafeMutablePointer<CChar>?
          weight = strtod(base + i, &stop)
          let consumed = stop.map { $0 - (UnsafeMutablePointer(mutating: base) + i) } ?? 0
          if consumed <= 0 || !weight.isFinite {
            fail(i - lineStart + 1, "expected a finite weight")
            return
          }
          i += consumed
        }
        while i < end && bytes[i] != UInt8(ascii: "\n") {
          if bytes[i] != UInt8(ascii: "\r") && bytes[i] != UInt8(ascii: " ") && bytes[i] != UInt8(ascii: "\t") {
            fail(i - lineStart + 1, "unexpected text after the weight")
            return
          }
          i += 1
        }
        i += 1
        line += 1
        sources.append(fields[0])
        targets.append(fields[1])
        weights.append(weight)
        maxNode = Swift.max(maxNode, fields[0], fields[1])
      }
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
