/// How balanced a signed graph's triangles are.
public struct TriangleBalance: Sendable, Equatable {
  /// Every triangle, as sorted node triples.
  public var triangles: Int
  /// Triangles with an even number of hostile ties (+++ and +−−): Heider's balance.
  public var balanced: Int
  /// Triangles that are not of the form ++− (Davis's generalized or *weak* balance, where
  /// "the enemy of my enemy" may also be an enemy: −−− is allowed).
  public var weaklyBalanced: Int
  /// The triangles that break strict balance (++− and −−−), as (a, b, c) with a < b < c.
  public var unbalancedTriangles: [[NodeIndex]]

  /// The share of balanced triangles (1 when there are none): Aref and Wilson's triangle
  /// index, `signnet::balance_score(g, "triangles")`.
  public var strictIndex: Double { triangles == 0 ? 1 : Double(balanced) / Double(triangles) }
  /// The share of weakly balanced triangles.
  public var weakIndex: Double { triangles == 0 ? 1 : Double(weaklyBalanced) / Double(triangles) }
}

extension SignedGraph {
  /// Returns the balance of every triangle.
  ///
  /// Conventions: the strict index is the fraction of balanced triangles, as
  /// `signnet::balance_score(g, method = "triangles")` and Aref & Wilson's T(G).
  ///
  /// - Complexity: O(*m* · *d*) for largest degree *d*.
  ///
  /// ## References
  /// - D. Cartwright, F. Harary. "Structural balance: a generalization of Heider's theory."
  ///   Psychological Review 63(5), 1956.
  /// - J. A. Davis. "Clustering and structural balance in graphs." Human Relations 20(2), 1967.
  /// - S. Aref, M. C. Wilson. "Measuring partial balance in signed networks." Journal of
  ///   Complex Networks 6(4), 2018.
  public func triangleBalance() -> TriangleBalance {
    var result = TriangleBalance(triangles: 0, balanced: 0, weaklyBalanced: 0, unbalancedTriangles: [])
    var signTo = [Int](repeating: 0, count: nodeCount)
    for a in 0 ..< nodeCount {
      for (b, s) in neighbors[a] where b > a { signTo[b] = s }
      for (b, sab) in neighbors[a] where b > a {
        for (c, sbc) in neighbors[b] where c > b && signTo[c] != 0 {
          let product = sab * sbc * signTo[c]
          let negatives = (sab < 0 ? 1 : 0) + (sbc < 0 ? 1 : 0) + (signTo[c] < 0 ? 1 : 0)  // no array per triangle
          result.triangles += 1
          if product > 0 { result.balanced += 1 } else { result.unbalancedTriangles.append([a, b, c]) }
          if negatives != 1 { result.weaklyBalanced += 1 }
        }
      }
      for (b, _) in neighbors[a] where b > a { signTo[b] = 0 }
    }
    return result
  }
}
