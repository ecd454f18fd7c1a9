/// Structural balance of a world in actor terms: the value behind `statecraft balance` and a
/// scenario's balance question.
public struct BalanceReport: Equatable, Sendable {
  /// A tie that breaks the two-camp split.
  public struct BrokenTie: Hashable, Sendable {
    /// The two actors the tie joins, in file order.
    public var actors: [Actor.ID]
    /// `true`: friendly across camps; `false`: hostile inside a camp.
    public var friendly: Bool
    /// The types of the relations that make up the tie, in file order.
    public var types: [String]
  }

  /// Signed ties after merging directions and parallel relations (see
  /// ``Digraph/signedGraph(combine:)``).
  public var friendlyTies: Int
  /// Hostile signed ties.
  public var hostileTies: Int
  /// Triangle counts and indices (strict and weak balance).
  public var triangles: TriangleBalance
  /// The frustration index, exact or heuristic with its lower bound.
  public var frustration: Frustration
  /// The two camps (actors with at least one signed tie), in file order.
  public var camps: [[Actor.ID]]
  /// The ties that break the two-camp split (the frustrated ties).
  public var brokenTies: [BrokenTie]
  /// Triangles breaking strict balance, each as three actor IDs in file order.
  public var unbalancedTriangles: [[Actor.ID]]
  /// Each unbalanced triangle's signs, `+`/`−` for (a,b), (b,c), (a,c).
  public var unbalancedTriangleSigns: [String]

  /// Aref and Wilson's normalized frustration, 1 − L/m.
  public var normalizedBalance: Double { frustration.normalized(tieCount: friendlyTies + hostileTies) }
}

extension World {
  /// The signed ties balance reads: every relation the lens admits (both signs, whatever its
  /// sign layer) counts **once** toward its pair, with its signed strength, whether it is
  /// mutual or one-way; the pair's tie is the sum of its relations (or, under `combine: max`,
  /// the strongest; equally strong opposite signs cancel), and a pair that nets to zero has no
  /// tie. A mutual +0.3 and a hostile −0.5 make one hostile tie (−0.2), as the README says.
  ///
  /// - Complexity: O(relations log relations).
  public func signedGraph(lens: Lens = Lens()) throws -> SignedGraph {
    SignedGraph(nodeCount: actors.count, sortedPairs: try signedPairStrengths(through: lens).map { ($0.u, $0.v, $0.strength) })
  }

  /// Structural balance: triangle indices, the frustration index, the camps and what breaks
  /// them. The lens's sign layer is ignored (balance needs both signs); its types, date and
  /// combine rule apply.
  ///
  /// - Parameters:
  ///   - lens: Which relations count; they are seen signed whatever its sign layer.
  ///   - exactLimit: Solve the frustration index exactly up to this many actors.
  ///   - timeLimit: Bound the exact search; past it the best split found is reported with its
  ///     proven lower bound.
  ///   - prove: Prove the frustration index optimal with the integer program when the fast
  ///     searches cannot (``SignedGraph/frustration(exactLimit:restarts:seed:timeLimit:prove:)``).
  /// - Complexity: O(*m* √*m*) for the triangles, plus the frustration search: local search on large worlds, the exact search up to `exactLimit` actors, or GLPK's branch and cut within `timeLimit` when proving (exponential in the worst case).
  public func balance(lens: Lens = Lens(), exactLimit: Int = 30, timeLimit: Duration? = nil, prove: Bool = false) throws -> BalanceReport {
    var signed = lens
    signed.sign = .signed
    let g = try signedGraph(lens: lens)
    let t = g.triangleBalance()
    let f = g.frustration(exactLimit: exactLimit, timeLimit: timeLimit, prove: prove)
    let ids = actors.map(\.id)
    let n = actors.count
    // Pairs keyed by one integer (smaller node first): K200's 10,000 frustrated ties each
    // filtered all 19,900 relations, and a million triangles looked up array keys.
    func pair(_ u: Int, _ v: Int) -> Int { Swift.min(u, v) * n + Swift.max(u, v) }
    var active = [Bool](repeating: false, count: n)
    var signOf: [Int: Int] = [:]
    for tie in g.ties {
      active[tie.u] = true
      active[tie.v] = true
      signOf[pair(tie.u, tie.v)] = tie.sign
    }
    let camps = (0 ... 1).map { camp in actors.indices.filter { active[$0] && f.camps[$0] == camp }.map { ids[$0] } }
    // The types behind each frustrated tie (the only pairs read), from the columns.
    let wanted = Set(f.frustratedTies.map { pair($0[0], $0[1]) })
    var typesOf: [Int: [String]] = [:]
    let view = LensedRelations(self, signed)
    for i in relations.indices where !wanted.isEmpty && view.admits(i) {
      guard let (u, v) = try? view.nodes(i), wanted.contains(pair(u, v)) else { continue }
      typesOf[pair(u, v), default: []].append(relations[i].type)
    }
    let broken = f.frustratedTies.map { e -> BalanceReport.BrokenTie in
      .init(actors: [ids[e[0]], ids[e[1]]], friendly: (signOf[pair(e[0], e[1])] ?? 0) > 0, types: typesOf[pair(e[0], e[1])] ?? [])
    }
    let signs = t.unbalancedTriangles.map { tri in
      [(tri[0], tri[1]), (tri[1], tri[2]), (tri[0], tri[2])].map { (signOf[pair($0, $1)] ?? 0) > 0 ? "+" : "−" }.joined()
    }
    return BalanceReport(
      friendlyTies: g.positiveCount, hostileTies: g.negativeCount, triangles: t, frustration: f,
      camps: camps, brokenTies: broken,
      unbalancedTriangles: t.unbalancedTriangles.map { $0.map { ids[$0] } }, unbalancedTriangleSigns: signs)
  }
}
