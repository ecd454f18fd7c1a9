import Foundation

extension Digraph {
  /// Returns the PageRank of every node.
  ///
  /// PageRank is the long-run share of time a random walker spends at each node. At every
  /// step the walker follows an out-arc with probability `damping`, choosing among out-arcs
  /// in proportion to their strengths, and otherwise jumps to a node drawn from the
  /// personalization distribution (uniform by default). A walker at a node without
  /// out-strength (a *dangling* node) jumps by the `dangling` distribution (by default the
  /// personalization one).
  ///
  ///     let g = try Digraph(nodeCount: 3, edges: [(0, 1), (1, 2), (2, 0), (0, 2)])
  ///     let rank = try g.pageRank()
  ///     // [0.3878, 0.2148, 0.3974] (rounded)
  ///
  /// Conventions: matches `networkx.pagerank(G, alpha=damping, personalization=…,
  /// max_iter=maxIterations, tol=tolerance, weight="weight", dangling=…)`. It runs the same
  /// power iteration from the uniform vector and stops when the L1 change between sweeps is
  /// below `nodeCount * tolerance`, so results agree to rounding. An undirected graph is
  /// walked both ways along each edge, as NetworkX does.
  ///
  /// - Parameters:
  ///   - damping: The probability of following an arc, in `0 ... 1`. NetworkX calls it `alpha`.
  ///   - personalization: Non-negative jump weights, one per node (normalized here), or
  ///     `nil` for uniform.
  ///   - dangling: Non-negative weights for where a walker at a dangling node goes, or
  ///     `nil` to use the personalization.
  ///   - tolerance: The per-node convergence tolerance.
  ///   - maxIterations: The number of sweeps after which to give up.
  ///   - start: Non-negative starting weights, one per node (normalized here; NetworkX's
  ///     `nstart`), or `nil` for uniform. An earlier answer makes a small edit converge in a
  ///     few sweeps, to the same tolerance (``World/scores(_:lens:settings:start:)``).
  /// - Returns: One score per node, summing to 1. An empty graph gives `[]`.
  /// - Throws: ``GraphError/negativeWeight(algorithm:source:target:weight:)`` on a signed
  ///   lens, ``GraphError/invalidVector(name:reason:)`` for a bad personalization or dangling
  ///   vector, ``GraphError/didNotConverge(algorithm:iterations:residual:)``.
  ///
  /// Graphs of 200,000 arcs or more sweep in 64 node ranges on all cores: each node pulls
  /// along its in-arcs (in the order one core would push) and the residual and dangling mass
  /// are summed per range, then added in range order, so the scores are the same bits on any
  /// number of cores. They differ from one pass's sums only by rounding, so a graph edited
  /// across 200,000 arcs moves in its last bits as well.
  ///
  /// - Complexity: O(*k* (*n* + *m*)) time and O(*n*) extra space for *k* sweeps.
  ///
  /// ## References
  /// - L. Page, S. Brin, R. Motwani, T. Winograd. "The PageRank Citation Ranking: Bringing
  ///   Order to the Web." Stanford InfoLab, 1999.
  public func pageRank(
    damping: Double = 0.85,
    personalization: [Double]? = nil,
    dangling: [Double]? = nil,
    tolerance: Double = 1e-6,
    maxIterations: Int = 100,
    start: [Double]? = nil
  ) throws -> [Double] {
    try pageRankSweeps(
      damping: damping, personalization: personalization, dangling: dangling, tolerance: tolerance,
      maxIterations: maxIterations, start: start
    ).scores
  }

  /// ``pageRank(damping:personalization:dangling:tolerance:maxIterations:start:)`` and the
  /// number of sweeps it took (what a warm start saves). On big graphs (``parallelSweepArcs``
  /// arcs or more) `workers` overrides how many threads the chunked sweeps use (tests compare
  /// one with several: the same bits); small graphs sweep on one.
  func pageRankSweeps(
    damping: Double = 0.85, personalization: [Double]? = nil, dangling: [Double]? = nil,
    tolerance: Double = 1e-6, maxIterations: Int = 100, start: [Double]? = nil, workers: Int? = nil
  ) throws -> (scores: [Double], sweeps: Int) {
    guard (0 ... 1).contains(damping) else { throw GraphError.invalidArgument(name: "damping", reason: "\(damping) is outside 0…1") }
    guard maxIterations > 0 else { throw GraphError.invalidArgument(name: "maxIterations", reason: "\(maxIterations) must be positive") }
    let n = nodeCount
    guard n > 0 else { return ([], 0) }
    try requireNonNegativeWeights(for: "pageRank")
    let p = try Self.distribution(personalization, name: "personalization", count: n)
    let danglingWeights = try dangling.map {
      try Self.distribution($0, name: "dangling", count: n)
    } ?? p

    // Out-strength per node; arcs of a node whose out-strength is 0 are ignored, as
    // NetworkX's row normalization (1/0 -> 0) does.
    let outStrength = outStrengths
    var x = try Self.distribution(start, name: "start", count: n)
    // Big graphs sweep in chunks, on every core (the same bits on any number).
    if arcCount >= Self.parallelSweepArcs {
      return try pageRankChunkedSweeps(
        damping: damping, personalization: p, dangling: danglingWeights, tolerance: tolerance, maxIterations: maxIterations,
        start: x, threads: workers ?? WorkUnits.workers)
    }
    let danglingNodes = (0 ..< n).filter { outStrength[$0] == 0 }
    var next = [Double](repeating: 0, count: n)
    var share = [Double](repeating: 0, count: n)
    var residual = Double.infinity
    for sweep in 1 ... maxIterations {
      // next = damping * (x·A + danglingSum * danglingWeights) + (1 - damping) * p
      for u in 0 ..< n { share[u] = outStrength[u] > 0 ? x[u] / outStrength[u] : 0 }
      inArcSums(share, into: &next, parallel: false)
      var danglingSum = 0.0
      for u in danglingNodes { danglingSum += x[u] }
      residual = 0
      for v in 0 ..< n {
        let value = damping * (next[v] + danglingSum * danglingWeights[v]) + (1 - damping) * p[v]
        residual += abs(value - x[v])
        next[v] = value
      }
      swap(&x, &next)
      if residual < Double(n) * tolerance { return (x, sweep) }
    }
    throw GraphError.didNotConverge(
      algorithm: "pageRank", iterations: maxIterations, residual: residual)
  }

  /// ``pageRankSweeps(damping:personalization:dangling:tolerance:maxIterations:start:workers:)``
  /// on a big graph: each sweep is one pass over ``sweepChunks`` node ranges on `threads`
  /// threads, in which every node pulls its in-arcs (as ``inArcSums(_:base:into:parallel:)``
  /// does), takes its new score, and adds to its chunk's residual and dangling mass, and its
  /// share of the next sweep is set; the chunks' sums are then added in chunk order. Nothing
  /// of a sweep is left on one core, and the sums do not depend on the thread count.
  ///
  /// - Complexity: O(*k* (*n* + *m*)) for *k* sweeps, spread over the threads.
  private func pageRankChunkedSweeps(
    damping: Double, personalization p: [Double], dangling danglingWeights: [Double], tolerance: Double, maxIterations: Int,
    start: [Double], threads: Int
  ) throws -> (scores: [Double], sweeps: Int) {
    let n = nodeCount
    let chunks = Swift.min(Self.sweepChunks, n)
    let strength = outStrengths
    var x = start
    var share = (0 ..< n).map { strength[$0] > 0 ? x[$0] / strength[$0] : 0 }
    var next = [Double](repeating: 0, count: n), nextShare = next
    var sums = [Double](repeating: 0, count: 2 * chunks)  // per chunk: residual, dangling mass
    // The first sweep's dangling mass, summed by chunks as the sweeps sum it.
    var danglingSum = 0.0
    for chunk in 0 ..< chunks {
      var mass = 0.0
      for v in n * chunk / chunks ..< n * (chunk + 1) / chunks where strength[v] == 0 { mass += x[v] }
      danglingSum += mass
    }
    var residual = Double.infinity
    for sweep in 1 ... maxIterations {
      PageRankChunk.sweep(
        self, chunks: chunks, threads: threads, damping: damping, danglingSum: danglingSum, p: p, danglingWeights: danglingWeights,
        strength: strength, x: x, share: share, next: &next, nextShare: &nextShare, sums: &sums)
      residual = 0
      danglingSum = 0
      for chunk in 0 ..< chunks {
        residual += sums[2 * chunk]
        danglingSum += sums[2 * chunk + 1]
      }
      swap(&x, &next)
      swap(&share, &nextShare)
      if residual < Double(n) * tolerance { return (x, sweep) }
    }
    throw GraphError.didNotConverge(algorithm: "pageRank", iterations: maxIterations, residual: residual)
  }

  /// Validates and normalizes a per-node weight vector (`nil` gives uniform).
  static func distribution(_ weights: [Double]?, name: String, count n: Int) throws -> [Double] {
    guard let weights else { return Array(repeating: 1 / Double(n), count: n) }
    guard weights.count == n else {
      throw GraphError.invalidVector(name: name, reason: "has \(weights.count) entries for \(n) nodes")
    }
    guard weights.allSatisfy({ $0.isFinite && $0 >= 0 }) else {
      throw GraphError.invalidVector(name: name, reason: "entries must be finite and >= 0")
    }
    let total = weights.reduce(0, +)
    guard total > 0 else {
      throw GraphError.invalidVector(name: name, reason: "entries sum to 0; give at least one positive weight")
    }
    return weights.map { $0 / total }
  }
}

/// One sweep of ``Digraph/pageRankChunkedSweeps(damping:personalization:dangling:tolerance:maxIterations:start:threads:)``:
/// what its threads read and the chunk each writes.
private struct PageRankChunk: @unchecked Sendable {
  let offsets: UnsafeBufferPointer<Int>, sources: UnsafeBufferPointer<NodeIndex>, weights: UnsafeBufferPointer<Double>
  let p: UnsafeBufferPointer<Double>, danglingWeights: UnsafeBufferPointer<Double>, strength: UnsafeBufferPointer<Double>
  let x: UnsafeBufferPointer<Double>, share: UnsafeBufferPointer<Double>
  let next: UnsafeMutableBufferPointer<Double>, nextShare: UnsafeMutableBufferPointer<Double>, sums: UnsafeMutableBufferPointer<Double>
  let damping: Double, danglingSum: Double, chunks: Int

  /// Runs every chunk of one sweep on `threads` threads (one: in order on the caller).
  static func sweep(
    _ g: Digraph, chunks: Int, threads: Int, damping: Double, danglingSum: Double, p: [Double], danglingWeights: [Double],
    strength: [Double], x: [Double], share: [Double], next: inout [Double], nextShare: inout [Double], sums: inout [Double]
  ) {
    g.inOffsets.withUnsafeBufferPointer { offsets in
      g.inSources.withUnsafeBufferPointer { sources in
        g.inWeights.withUnsafeBufferPointer { weights in
          p.withUnsafeBufferPointer { p in
            danglingWeights.withUnsafeBufferPointer { danglingWeights in
              strength.withUnsafeBufferPointer { strength in
                x.withUnsafeBufferPointer { x in
                  share.withUnsafeBufferPointer { share in
                    next.withUnsafeMutableBufferPointer { next in
                      nextShare.withUnsafeMutableBufferPointer { nextShare in
                        sums.withUnsafeMutableBufferPointer { sums in
                          let chunk = PageRankChunk(
                            offsets: offsets, sources: sources, weights: weights, p: p, danglingWeights: danglingWeights,
                            strength: strength, x: x, share: share, next: next, nextShare: nextShare, sums: sums, damping: damping,
                            danglingSum: danglingSum, chunks: chunks)
                          if threads > 1 {
                            DispatchQueue.concurrentPerform(iterations: chunks) { chunk.run($0) }
                          } else {
                            for c in 0 ..< chunks { chunk.run(c) }
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
  }

  /// Chunk `c`: each node's pull along its in-arcs (in source order, as one core would push),
  /// its new score and next share, and the chunk's residual and dangling mass.
  func run(_ c: Int) {
    let n = x.count
    var residual = 0.0, mass = 0.0
    for v in n * c / chunks ..< n * (c + 1) / chunks {
      var sum = 0.0
      for i in offsets[v] ..< offsets[v + 1] { sum += share[Int(sources[i])] * weights[i] }
      // next = damping * (x·A + danglingSum * danglingWeights) + (1 - damping) * p
      let value = damping * (sum + danglingSum * danglingWeights[v]) + (1 - damping) * p[v]
      residual += abs(value - x[v])
      next[v] = value
      if strength[v] > 0 {
        nextShare[v] = value / strength[v]
      } else {
        nextShare[v] = 0
        mass += value
      }
    }
    sums[2 * c] = residual
    sums[2 * c + 1] = mass
  }
}
