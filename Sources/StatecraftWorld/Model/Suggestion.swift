// "Did you mean …?": the closest known spelling of an unknown name, and the one wording every
// message gives it (files, edits, paths, the CLI's options).

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
  didYouMean(closestMatch(to: word, in: candidates), for: word)
}

/// The one wording of a suggestion every message uses: `; did you mean "X"?`, or "" for no
/// suggestion. A suggestion that looks the same as `word` but differs in Unicode
/// normalization is named as such.
public func didYouMean(_ suggestion: String?, for word: String? = nil) -> String {
  guard let match = suggestion else { return "" }
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
