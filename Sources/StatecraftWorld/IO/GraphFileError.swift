/// A problem in a graph file, located by line and column so a user can fix it.
///
///     Graphs/pakistan-2025.yaml:41:13: relation target "CHN2" is not an actor; did you mean "CHN"?
public enum GraphFileError: Error, Equatable, Sendable {
  /// One located problem.
  public struct Problem: Equatable, Sendable, CustomStringConvertible {
    /// 1-based line; 0 when the problem concerns the whole file.
    public var line: Int
    /// 1-based column; 0 when unknown.
    public var column: Int
    /// What is wrong, as printed after `line:column:`.
    public var message: String

    /// A problem at a 1-based line and column (0 when unknown).
    public init(line: Int, column: Int, message: String) {
      self.line = line
      self.column = column
      self.message = message
    }

    public var description: String { "\(line):\(column): \(message)" }
  }

  /// The file could not be read at all.
  case unreadable(file: String, reason: String)
  /// The file was read and has these problems (every one found, in file order).
  case invalid(file: String, problems: [Problem])

  /// The problems, each as `file:line:column: message`.
  public var lines: [String] {
    switch self {
    case let .unreadable(file, reason): ["\(file): \(reason)"]
    case let .invalid(file, problems): problems.map { "\(file):\($0)" }
    }
  }
}

extension GraphFileError: CustomStringConvertible {
  public var description: String { lines.joined(separator: "\n") }
}

/// Returns the candidate closest to `word` (edit distance ≤ 2, or a case-only
/// difference), for "did you mean" hints.
///
/// Bounded so that a file full of long unknown ids cannot make validation quadratic: words
/// longer than `suggestionMaxLength` get no hint, candidates whose length differs by more
/// than 2 are skipped without computing a distance, and at most `suggestionCandidateLimit`
/// candidates are compared.
public func closestMatch(to word: String, in candidates: [String]) -> String? {
  let length = word.count
  guard length <= suggestionMaxLength else { return nil }
  var best: (String, Int)?
  let lower = word.lowercased()
  for c in candidates.prefix(suggestionCandidateLimit) {
    let cl = c.count
    guard abs(cl - length) <= 2, cl <= suggestionMaxLength + 2 else { continue }
    let d = editDistance(lower, c.lowercased())
    if d < length && (d <= min(2, max(1, length / 3)) || (d == 0 && !ScalarKey.equal(c, word))) {
      if best == nil || d < best!.1 { best = (c, d) }
    }
  }
  return best?.0
}

/// Ids longer than this get no did-you-mean hint.
let suggestionMaxLength = 64
/// At most this many candidates are compared for one hint.
let suggestionCandidateLimit = 5_000

/// A "; did you mean …?" suffix, or "" when nothing is close. A candidate that looks the
/// same but differs in Unicode normalization is named as such.
package func didYouMean(_ word: String, in candidates: [String]) -> String {
  guard let match = closestMatch(to: word, in: candidates) else { return "" }
  if match == word {
    return "; \"\(match)\" looks the same but is encoded differently (Unicode normalization);"
      + " write the id the same way everywhere"
  }
  return "; did you mean \"\(match)\"?"
}

func editDistance(_ a: String, _ b: String) -> Int {
  let a = Array(a)
  let b = Array(b)
  if a.isEmpty { return b.count }
  if b.isEmpty { return a.count }
  var previous = Array(0 ... b.count)
  var current = [Int](repeating: 0, count: b.count + 1)
  // Optimal string alignment: insertions, deletions, substitutions and adjacent
  // transpositions ("BGS" for "BSG") each cost 1.
  var beforePrevious = [Int](repeating: 0, count: b.count + 1)
  for i in 1 ... a.count {
    current[0] = i
    for j in 1 ... b.count {
      current[j] = Swift.min(
        previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
      if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
        current[j] = Swift.min(current[j], beforePrevious[j - 2] + 1)
      }
    }
    (beforePrevious, previous, current) = (previous, current, beforePrevious)
  }
  return previous[b.count]
}
