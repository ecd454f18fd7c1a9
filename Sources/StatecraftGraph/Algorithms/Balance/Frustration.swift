/// The fewest ties whose sign must flip for a signed graph to split into two mutually
/// hostile camps, and the camps that achieve it.
public struct Frustration: Sendable, Equatable {
  /// The number of frustrated ties (hostile inside a camp, friendly across): the line
  /// index of balance L(G).
  public var index: Int
  /// Camp 0 or 1 for every node.
  public var camps: [Int]
  /// The frustrated ties, as (u, v) with u < v.
  public var frustratedTies: [[NodeIndex]]
  /// Whether `index` is proven minimal (exact search), or only the best found (heuristic).
  public var isExact: Bool
  /// A proven lower bound: `index` when exact, otherwise the best of the number of
  /// edge-disjoint unbalanced triangles found (each needs at least one flip) and the integer
  /// program's bound.
  public var lowerBound: Int
  /// Whether an exact search (branch and bound, or the integer program) ran and stopped at its
  /// time limit: `index` is then within `index − lowerBound` of optimal.
  public var stoppedAtTimeLimit = false

  /// 1 − L / m: Aref and Wilson's normalized frustration (1 for a balanced graph).
  /// - Complexity: O(1).
  public func normalized(tieCount: Int) -> Double { tieCount == 0 ? 1 : 1 - Double(index) / Double(tieCount) }
}

extension SignedGraph {
  /// Returns the frustration index: the fewest ties whose sign must change for the graph to
  /// be balanced (two camps, friendly inside, hostile across).
  ///
  /// Exact for graphs of up to `exactLimit` nodes with ties: branch and bound over camp
  /// assignments (nodes taken by degree, the first node fixed in camp 0 by symmetry),
  /// pruned by the frustration already forced and started from the heuristic's answer.
  /// Larger graphs get the heuristic: seeded multi-start local search, each node moved to
  /// the camp that frustrates fewer of its ties until nothing improves; the result reports
  /// a lower bound from edge-disjoint unbalanced triangles, so its quality is stated.
  ///
  /// Conventions: the same quantity as `signnet::frustration_exact` and Aref, Mason and
  /// Wilson's line index of balance; on Read's Gahuku–Gama tribes it is 7.
  ///
  /// - Parameters:
  ///   - exactLimit: The largest number of non-isolated nodes solved exactly.
  ///   - restarts: Local-search starts for the heuristic.
  ///   - seed: Seeds the heuristic.
  ///   - timeLimit: Stop the exact search after this long and return the best split found,
  ///     not proven optimal (`isExact` false), with the triangle-packing lower bound.
  ///   - prove: Whether a split the searches above leave unproven goes to the integer
  ///     program (`frustrationMILP`: Aref, Mason and Wilson's binary model in GLPK) for what is
  ///     left of `timeLimit` (60 s without one). Off by default: the briefing and the explorer
  ///     recompute balance on every answer.
  /// - Complexity: exact: O(2^*n*) worst case, far less with pruning on sparse graphs;
  ///   heuristic: O(restarts · sweeps · *m*).
  ///
  /// ## References
  /// - F. Harary. "On the measurement of structural balance." Behavioral Science 4(4), 1959.
  /// - S. Aref, A. J. Mason, M. C. Wilson. "Computing the line index of balance using
  ///   integer programming optimisation." In *Optimization Problems in Graph Theory*,
  ///   Springer, 2018.
  public func frustration(
    exactLimit: Int = 30, restarts: Int = 50, seed: UInt64 = 0, timeLimit: Duration? = nil, prove: Bool = false
  ) -> Frustration {
    let start = ContinuousClock.now
    let active = (0 ..< nodeCount).filter { !neighbors[$0].isEmpty }
    var best = localSearch(restarts: restarts, seed: seed)
    var lower = disjointUnbalancedTriangles()
    var finished = true
    if active.count <= exactLimit && best.index > lower {
      (best, finished) = branchAndBound(
        order: active.sorted { (neighbors[$0].count, $1) > (neighbors[$1].count, $0) }, incumbent: best,
        deadline: timeLimit.map { start + $0 })
    }
    var exact = (active.count <= exactLimit && finished) || best.index == lower
    var stopped = active.count <= exactLimit && !finished
    if !exact && prove {
      let left = (timeLimit ?? .seconds(60)) - (ContinuousClock.now - start)
      if left <= .zero {
        stopped = true
      } else if let solved = frustrationMILP(incumbent: best, timeLimit: left) {
        if solved.index <= best.index { best = (solved.index, normalizedCamps(solved.camps)) }
        lower = Swift.max(lower, solved.lowerBound)
        exact = solved.proven || best.index == lower
        // Unproven from the program means its time ran out.
        stopped = !exact
      }
      // GLPK failing to start (nil) leaves the heuristic's answer, worded as a heuristic.
    }
    var result = Frustration(
      index: best.index, camps: best.camps, frustratedTies: frustrated(best.camps), isExact: exact,
      lowerBound: exact ? best.index : lower)
    result.stoppedAtTimeLimit = stopped
    return result
  }

  func frustrated(_ camps: [Int]) -> [[NodeIndex]] {
    ties.filter { ($0.sign > 0) != (camps[$0.u] == camps[$0.v]) }.map { [$0.u, $0.v] }
  }

  /// Multi-start local search: restart 0 from everyone in camp 0, the others from random
  /// camps (restart k from the k-th block of `nodeCount` draws of the seed's stream); the
  /// split of fewest frustrated ties, the earliest restart among equals. Restarts run as
  /// work units on every core, with the same answer on any number of them.
  private func localSearch(restarts: Int, seed: UInt64) -> (index: Int, camps: [Int]) {
    // Every restart sweeps the neighbour lists until nothing improves: reading the nested
    // arrays, and counting the cost by listing the frustrated ties, was a third of an
    // explorer answer on 1,000 actors.
    let (offsets, ends, friendly) = flatNeighbors()
    let tieEnds = ties.map { (Int32($0.u), Int32($0.v), $0.sign > 0) }
    let n = nodeCount
    func run(_ start: Int, _ camps: inout [Int]) -> Int {
      // SplitMix64 steps its state by a constant: restart k ≥ 1 begins (k − 1)·n draws in.
      var rng = SplitMix64(seed: seed &+ UInt64(truncatingIfNeeded: Swift.max(0, start - 1)) &* UInt64(n) &* 0x9E37_79B9_7F4A_7C15)
      for v in 0 ..< n { camps[v] = start == 0 ? 0 : Int(rng.next() & 1) }
      return offsets.withUnsafeBufferPointer { offsets in
        ends.withUnsafeBufferPointer { ends in
          friendly.withUnsafeBufferPointer { friendly in
            camps.withUnsafeMutableBufferPointer { camps in
              var improved = true
              while improved {
                improved = false
                for v in 0 ..< n {
                  // Each of v's ties is frustrated either where v is (stay) or once it moves.
                  var stay = 0
                  var move = 0
                  let here = camps[v]
                  for i in offsets[v] ..< offsets[v + 1] {
                    if friendly[i] != (camps[Int(ends[i])] == here) { stay += 1 } else { move += 1 }
                  }
                  if move < stay {
                    camps[v] ^= 1
                    improved = true
                  }
                }
              }
              var frustrated = 0
              for (u, v, positive) in tieEnds where positive != (camps[Int(u)] == camps[Int(v)]) { frustrated += 1 }
              return frustrated
            }
          }
        }
      }
    }
    // Each unit keeps its camps only when they beat its earlier ones; merged in restart order.
    let best = WorkUnits.reduce(
      units: Swift.max(1, restarts), initial: (index: Int.max, camps: [Int](repeating: 0, count: n)),
      state: { [Int](repeating: 0, count: n) }
    ) { start, camps -> (index: Int, camps: [Int]) in
      let cost = run(start, &camps)
      return (cost, camps)
    } merge: { best, found in
      if found.index < best.index { best = found }
    }
    return (best.index, normalizedCamps(best.camps))
  }

  /// The neighbour lists as flat arrays: node v's ties are `offsets[v] ..< offsets[v + 1]`,
  /// each with its far end and whether it is friendly.
  /// - Complexity: O(*n* + *m*).
  private func flatNeighbors() -> (offsets: [Int], ends: [Int32], friendly: [Bool]) {
    var offsets = [Int](repeating: 0, count: nodeCount + 1)
    for v in 0 ..< nodeCount { offsets[v + 1] = offsets[v] + neighbors[v].count }
    var ends: [Int32] = [], friendly: [Bool] = []
    ends.reserveCapacity(offsets[nodeCount])
    friendly.reserveCapacity(offsets[nodeCount])
    for list in neighbors {
      for (w, s) in list {
        ends.append(Int32(w))
        friendly.append(s > 0)
      }
    }
    return (offsets, ends, friendly)
  }

  /// Relabels so that node 0's camp (or the first node with ties) is camp 0: one canonical
  /// answer per split.
  private func normalizedCamps(_ camps: [Int]) -> [Int] {
    guard let first = (0 ..< nodeCount).first(where: { !neighbors[$0].isEmpty }) ?? (nodeCount > 0 ? 0 : nil) else { return camps }
    return camps[first] == 0 ? camps : camps.map { $0 ^ 1 }
  }

  /// Exact search from the heuristic's incumbent; stops at `deadline` with the best split
  /// found so far (`finished` false: not proven optimal).
  private func branchAndBound(
    order: [NodeIndex], incumbent: (index: Int, camps: [Int]), deadline: ContinuousClock.Instant?
  ) -> (best: (index: Int, camps: [Int]), finished: Bool) {
    var best = incumbent
    var camps = [Int](repeating: -1, count: nodeCount)
    for v in 0 ..< nodeCount where neighbors[v].isEmpty { camps[v] = 0 }
    var visited = 0
    var stopped = false
    // WorkProgress: the share of all splits the search has settled (a pruned or finished node at
    // depth k ≥ 1 settles 2^-(k-1) of them), in millionths.
    let progress = WorkProgress.current
    progress?.begin(1_000_000)
    var settled = 0.0, reported = 0
    func settle(_ k: Int) {
      guard let progress else { return }
      settled += k == 0 ? 1 : 1 / Double(1 << Swift.min(k - 1, 62))
      let now = Int(settled * 1_000_000)
      if now - reported >= 1_000 {
        progress.advance(now - reported)
        reported = now
      }
    }
    func assign(_ k: Int, _ forced: Int) {
      if stopped { return }
      if forced >= best.index {
        settle(k)
        return
      }
      visited += 1
      if let deadline, visited & 0xFFF == 0, ContinuousClock.now >= deadline {
        stopped = true
        return
      }
      if k == order.count {
        best = (forced, normalizedCamps(camps))
        settle(k)
        return
      }
      let v = order[k]
      for side in (k == 0 ? [0] : [0, 1]) {
        var added = 0
        for (w, s) in neighbors[v] where camps[w] >= 0 {
          if (s > 0) != (camps[w] == side) { added += 1 }
        }
        camps[v] = side
        assign(k + 1, forced + added)
        camps[v] = -1
      }
    }
    assign(0, 0)
    return (best, !stopped)
  }

  /// A greedy packing of unbalanced triangles sharing no tie: a lower bound on frustration.
  func disjointUnbalancedTriangles() -> Int {
    var used = Set<[NodeIndex]>()
    var count = 0
    for t in triangleBalance().unbalancedTriangles {
      let e = [[t[0], t[1]], [t[1], t[2]], [t[0], t[2]]]
      if e.allSatisfy({ !used.contains($0) }) {
        e.forEach { used.insert($0) }
        count += 1
      }
    }
    return count
  }
}
