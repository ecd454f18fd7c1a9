import CGLPK
import Foundation

/// GLPK is not thread-safe (its environment and error handling are process-wide): one solve
/// at a time.
private let glpkLock = NSLock()

/// What the branch-and-cut callback reads and writes: the warm start, the branching order,
/// and the best bound seen (the proven lower bound when the time limit stops the search).
private final class MILPContext {
  /// The incumbent as a GLPK column vector (index 0 unused).
  let start: [Double]
  /// Camp columns, most ties first: GLPK branches on them in this order.
  let priority: [Int32]
  /// Per node, its ties: (other end, tie, whether the tie is hostile); and each tie's column.
  let adjacency: [[(Int, Int, Bool)]]
  let tieColumns: [Int32]
  var offered = false
  var bound = -Double.infinity
  init(start: [Double], priority: [Int32], adjacency: [[(Int, Int, Bool)]], tieColumns: [Int32]) {
    self.start = start
    self.priority = priority
    self.adjacency = adjacency
    self.tieColumns = tieColumns
  }

  /// Unbalanced-cycle inequalities the current relaxation violates: a cycle with an odd
  /// number of hostile ties has at least one frustrated tie, Σ_C f_e ≥ 1. The lightest such
  /// cycle through each node (weights f_e) is a shortest path from (v, even) to (v, odd) in
  /// the graph doubled by parity (Barahona and Mahjoub's separation for cut polytopes); the
  /// closed walk it gives contains such a cycle, so its inequality (ties counted with their
  /// multiplicity) is valid. Triangles are in the model already; these reach longer cycles.
  func violatedCycles(_ f: [Double], most: Int) -> [[(column: Int32, count: Double)]] {
    let n = adjacency.count
    var cuts: [[(column: Int32, count: Double)]] = []
    var seen = Set<[Int32]>()
    var dist = [Double](repeating: .infinity, count: 2 * n)
    var via = [(Int, Int)](repeating: (-1, -1), count: 2 * n)  // (previous state, tie)
    for root in 0 ..< n where !adjacency[root].isEmpty {
      if cuts.count >= most { break }
      var touched: [Int] = []
      var heap = MinHeap()
      dist[2 * root] = 0
      touched.append(2 * root)
      heap.push(0, 2 * root)
      let goal = 2 * root + 1
      while let (d, state) = heap.pop() {
        if d > dist[state] { continue }
        if state == goal || d >= 1 - 1e-6 { break }
        let (v, parity) = (state / 2, state % 2)
        for (w, tie, hostile) in adjacency[v] {
          let next = 2 * w + (parity ^ (hostile ? 1 : 0))
          let nd = d + Swift.max(0, f[tie])
          if nd < dist[next] {
            if dist[next] == .infinity { touched.append(next) }
            dist[next] = nd
            via[next] = (state, tie)
            heap.push(nd, next)
          }
        }
      }
      if dist[goal] < 1 - 1e-4 {
        var counts: [Int32: Double] = [:]
        var state = goal
        while state != 2 * root, via[state].0 >= 0 {
          counts[tieColumns[via[state].1], default: 0] += 1
          state = via[state].0
        }
        let key = counts.keys.sorted()
        if counts.count > 3, seen.insert(key).inserted { cuts.append(key.map { ($0, counts[$0]!) }) }
      }
      for t in touched { (dist[t], via[t]) = (.infinity, (-1, -1)) }
    }
    return cuts
  }
}

/// GLPK calls this at every step of its branch and cut.
private let milpCallback: @convention(c) (OpaquePointer?, UnsafeMutableRawPointer?) -> Void = { tree, info in
  guard let tree, let info else { return }
  let context = Unmanaged<MILPContext>.fromOpaque(info).takeUnretainedValue()
  // The best open subproblem's bound is a global lower bound.
  let best = glp_ios_best_node(tree)
  if best != 0 { context.bound = Swift.max(context.bound, glp_ios_node_bound(tree, best)) }
  switch glp_ios_reason(tree) {
  case Int32(GLP_IHEUR) where !context.offered:
    // The local search's split, offered once: the search starts with an incumbent.
    context.offered = true
    context.start.withUnsafeBufferPointer { _ = glp_ios_heur_sol(tree, $0.baseAddress) }
  case Int32(GLP_ICUTGEN) where glp_ios_node_level(tree, glp_ios_curr_node(tree)) <= 8:
    // Cycle inequalities near the top of the tree, where they lift the bound for every node below.
    guard let problem = glp_ios_get_prob(tree) else { return }
    let f = context.tieColumns.map { glp_get_col_prim(problem, $0) }
    for cut in context.violatedCycles(f, most: 60) {
      let ind = [Int32(0)] + cut.map(\.column), val = [0.0] + cut.map(\.count)
      _ = glp_ios_add_row(tree, nil, 101, 0, Int32(cut.count), ind, val, GLP_LO, 1)
    }
  case Int32(GLP_IBRANCH):
    // Branch on the camp of the actor with most ties first (Aref et al.'s priority).
    for j in context.priority where glp_ios_can_branch(tree, j) != 0 {
      glp_ios_branch_upon(tree, j, Int32(GLP_NO_BRNCH))
      return
    }
  default: break
  }
}

extension SignedGraph {
  /// The frustration index by integer programming: Aref, Mason and Wilson's binary model
  /// solved by GLPK's branch and cut.
  ///
  /// Variables: a camp `x_v ∈ {0, 1}` per actor with ties (the one with most ties fixed in
  /// camp 0) and `f_e ∈ {0, 1}` per tie, 1 when the tie is frustrated; minimize Σ f_e subject
  /// to, for a friendly tie (u, v), `f ≥ x_u − x_v` and `f ≥ x_v − x_u`, and for a hostile one
  /// `f ≥ x_u + x_v − 1` and `f ≥ 1 − x_u − x_v`. Triangle inequalities tighten the
  /// relaxation: an unbalanced triangle has an odd number of frustrated ties (`f₁ + f₂ + f₃ ≥
  /// 1`), a balanced one an even number (`f₁ ≤ f₂ + f₃` and its rotations). The search starts
  /// from `incumbent` (the local search's split) and branches on camps of actors with most
  /// ties first.
  ///
  /// - Parameters:
  ///   - incumbent: A split to start from (its frustration is an upper bound).
  ///   - timeLimit: Stop after this long with the best split and the proven lower bound.
  ///   - triangleLimit: At most this many triangles give inequalities (the first found).
  /// - Returns: The best split found, its frustration, a proven lower bound, and whether the
  ///   two meet (proven optimal); `nil` when GLPK could not start.
  /// - Complexity: exponential in the worst case (the problem is NP-hard); the model has
  ///   *n* + *m* columns and 2*m* + 3·triangles rows.
  ///
  /// ## References
  /// - S. Aref, A. J. Mason, M. C. Wilson. "Computing the line index of balance using integer
  ///   programming optimisation." In *Optimization Problems in Graph Theory*, Springer, 2018
  ///   (arXiv:1710.09876).
  /// - S. Aref, A. J. Mason, M. C. Wilson. "A modeling and computational study of the
  ///   frustration index in signed networks." *Networks* 75(1), 2020 (arXiv:1611.09030).
  /// - A. Makhorin. GNU Linear Programming Kit, reference manual (glp_intopt, callbacks).
  func frustrationMILP(
    incumbent: (index: Int, camps: [Int]), timeLimit: Duration, triangleLimit: Int = 20_000
  ) -> (index: Int, camps: [Int], lowerBound: Int, proven: Bool)? {
    let clock = ContinuousClock.now
    let active = (0 ..< nodeCount).filter { !neighbors[$0].isEmpty }
    guard !active.isEmpty, !ties.isEmpty else { return (0, incumbent.camps, 0, true) }
    let model = frustrationModel(active: active, incumbent: incumbent, triangleLimit: triangleLimit)
    let deadline = clock + timeLimit
    return glpkLock.withLock { model.solve(self, incumbent: incumbent, deadline: deadline) }
  }

  /// The binary program's columns and rows (tie rows, then triangle rows), the warm start
  /// from `incumbent` and the branching priority.
  private func frustrationModel(active: [Int], incumbent: (index: Int, camps: [Int]), triangleLimit: Int) -> FrustrationModel {
    // Columns (1-based): camps of the active actors, then one per tie.
    var column = [Int32](repeating: 0, count: nodeCount)
    for (k, v) in active.enumerated() { column[v] = Int32(k + 1) }
    let tieColumn = { (e: Int) in Int32(active.count + e + 1) }
    // Rows as (columns, coefficients, lower bound).
    var rows: [([Int32], [Double], Double)] = []
    rows.reserveCapacity(2 * ties.count)
    for (e, t) in ties.enumerated() {
      let (f, xu, xv) = (tieColumn(e), column[t.u], column[t.v])
      if t.sign > 0 {
        rows.append(([f, xu, xv], [1, -1, 1], 0))
        rows.append(([f, xu, xv], [1, 1, -1], 0))
      } else {
        rows.append(([f, xu, xv], [1, -1, -1], -1))
        rows.append(([f, xu, xv], [1, 1, 1], 1))
      }
    }
    rows += triangleRows(limit: triangleLimit, tieColumn: tieColumn)
    // The warm start: the incumbent's camps with the fixed actor in camp 0.
    let root = active.max { (neighbors[$0].count, $1) < (neighbors[$1].count, $0) }!
    let flip = incumbent.camps[root] == 1
    let columns = active.count + ties.count
    var start = [Double](repeating: 0, count: columns + 1)
    for v in active { start[Int(column[v])] = Double(incumbent.camps[v] ^ (flip ? 1 : 0)) }
    for (e, t) in ties.enumerated() where (t.sign > 0) != (incumbent.camps[t.u] == incumbent.camps[t.v]) {
      start[Int(tieColumn(e))] = 1
    }
    let priority = active.sorted { (neighbors[$0].count, $1) > (neighbors[$1].count, $0) }.map { column[$0] }
    var adjacency = [[(Int, Int, Bool)]](repeating: [], count: nodeCount)
    for (e, t) in ties.enumerated() {
      adjacency[t.u].append((t.v, e, t.sign < 0))
      adjacency[t.v].append((t.u, e, t.sign < 0))
    }
    let context = MILPContext(
      start: start, priority: priority, adjacency: adjacency, tieColumns: ties.indices.map(tieColumn))
    return FrustrationModel(active: active, column: column, columns: columns, rows: rows, root: root, context: context)
  }

  /// Triangle inequalities for the first `limit` triangles: an unbalanced triangle has an odd
  /// number of frustrated ties (`f₁ + f₂ + f₃ ≥ 1`), a balanced one an even number (`f₁ ≤ f₂ + f₃`
  /// and its rotations).
  private func triangleRows(limit: Int, tieColumn: (Int) -> Int32) -> [([Int32], [Double], Double)] {
    var tieIndex: [Int: Int] = [:]  // u * n + v (u < v) → tie
    for (e, t) in ties.enumerated() { tieIndex[Swift.min(t.u, t.v) * nodeCount + Swift.max(t.u, t.v)] = e }
    var rows: [([Int32], [Double], Double)] = []
    var triangles = 0
    for (e, t) in ties.enumerated() {
      let (u, v) = (Swift.min(t.u, t.v), Swift.max(t.u, t.v))
      for (w, _) in neighbors[u] where w > v {
        guard let e2 = tieIndex[v * nodeCount + w], let e3 = tieIndex[u * nodeCount + w] else { continue }
        let f = [tieColumn(e), tieColumn(e2), tieColumn(e3)]
        if t.sign * ties[e2].sign * ties[e3].sign < 0 {
          rows.append((f, [1, 1, 1], 1))
        } else {
          rows.append((f, [-1, 1, 1], 0))
          rows.append((f, [1, -1, 1], 0))
          rows.append((f, [1, 1, -1], 0))
        }
        triangles += 1
        if triangles >= limit { return rows }
      }
    }
    return rows
  }
}

/// Aref–Mason–Wilson's binary program for one signed graph, ready for GLPK: camp columns of
/// the active actors (1-based), then one column per tie; rows as (columns, coefficients,
/// lower bound); the actor fixed in camp 0; the callback's warm start and priorities.
private struct FrustrationModel {
  let active: [Int]
  let column: [Int32]
  let columns: Int
  let rows: [([Int32], [Double], Double)]
  let root: Int
  let context: MILPContext

  /// Loads the model into a GLPK problem: binary columns, ties in the objective, the root
  /// fixed, every row `≥` its bound.
  func load(into lp: OpaquePointer) {
    glp_set_obj_dir(lp, GLP_MIN)
    glp_add_cols(lp, Int32(columns))
    for j in 1 ... columns {
      glp_set_col_kind(lp, Int32(j), GLP_BV)
      glp_set_obj_coef(lp, Int32(j), j > active.count ? 1 : 0)
    }
    glp_set_col_bnds(lp, column[root], GLP_FX, 0, 0)
    glp_add_rows(lp, Int32(rows.count))
    var ia: [Int32] = [0], ja: [Int32] = [0], ar: [Double] = [0]
    for (i, row) in rows.enumerated() {
      glp_set_row_bnds(lp, Int32(i + 1), GLP_LO, row.2, 0)
      for (j, a) in zip(row.0, row.1) {
        ia.append(Int32(i + 1))
        ja.append(j)
        ar.append(a)
      }
    }
    glp_load_matrix(lp, Int32(ia.count - 1), ia, ja, ar)
  }

  /// Solves the relaxation, then branch and cut until `deadline`; the caller holds GLPK's
  /// lock. Out of time before the search starts, the incumbent stands unproven.
  func solve(
    _ graph: SignedGraph, incumbent: (index: Int, camps: [Int]), deadline: ContinuousClock.Instant
  ) -> (index: Int, camps: [Int], lowerBound: Int, proven: Bool)? {
    glp_term_out(GLP_OFF)
    guard let lp = glp_create_prob() else { return nil }
    defer { glp_delete_prob(lp) }
    load(into: lp)
    func millisecondsLeft() -> Int64 {
      let (seconds, attoseconds) = (deadline - ContinuousClock.now).components
      return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }
    // Out of time before the search starts (building the model, the relaxation): the
    // incumbent stands, unproven; the caller keeps its triangle bound.
    let stopped = (incumbent.index, incumbent.camps, 0, false)
    guard millisecondsLeft() > 0 else { return stopped }
    var smcp = glp_smcp()
    glp_init_smcp(&smcp)
    smcp.msg_lev = GLP_MSG_OFF
    smcp.tm_lim = Int32(Swift.min(millisecondsLeft(), Int64(Int32.max)))
    let relaxed = glp_simplex(lp, &smcp)
    if relaxed == GLP_ETMLIM { return stopped }
    guard relaxed == 0, glp_get_status(lp) == GLP_OPT else { return nil }
    context.bound = glp_get_obj_val(lp)
    let milliseconds = millisecondsLeft()
    guard milliseconds > 0 else { return (incumbent.index, incumbent.camps, Swift.min(incumbent.index, Int((context.bound - 1e-6).rounded(.up))), false) }
    var iocp = glp_iocp()
    glp_init_iocp(&iocp)
    iocp.msg_lev = GLP_MSG_OFF
    iocp.tm_lim = Int32(Swift.min(milliseconds, Int64(Int32.max)))
    iocp.presolve = GLP_OFF  // the callback works on the model's own columns
    iocp.br_tech = GLP_BR_DTH
    iocp.bt_tech = GLP_BT_BLB
    iocp.gmi_cuts = GLP_ON
    iocp.mir_cuts = GLP_ON
    iocp.cb_func = milpCallback
    let info = Unmanaged.passRetained(context)
    defer { info.release() }
    iocp.cb_info = info.toOpaque()
    let outcome = glp_intopt(lp, &iocp)
    let status = glp_mip_status(lp)
    guard outcome == 0 || outcome == GLP_ETMLIM, status == GLP_OPT || status == GLP_FEAS else { return nil }
    var camps = incumbent.camps
    for v in active { camps[v] = glp_mip_col_val(lp, column[v]) > 0.5 ? 1 : 0 }
    let index = graph.ties.filter { ($0.sign > 0) != (camps[$0.u] == camps[$0.v]) }.count
    let proven = status == GLP_OPT && outcome == 0
    // The objective is a whole number: a bound of 88.0001 proves 89.
    let lower = proven ? index : Swift.min(index, Int((context.bound - 1e-6).rounded(.up)))
    return (index, camps, lower, proven || lower == index)
  }
}
