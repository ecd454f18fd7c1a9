import Foundation
import Testing

@testable import Statecraft
@testable import StatecraftGraph
@testable import StatecraftWorld
@_exported import StatecraftTestSupport

/// Values of a world-level score vector reordered to the given actor IDs.
func values(_ scores: [Double], of world: World, in order: [String]) -> [Double] {
  order.map { scores[world.index(of: Actor.ID($0))!] }
}

/// Classic graphs used across the algorithm tests.
enum ClassicGraphs {
  static func florentine() throws -> World { try WorldIO.load(graphPath("florentine-families.yaml")) }
  static func karate() throws -> World { try WorldIO.load(graphPath("karate-club.csv"), undirected: true) }

  /// The directed weighted graph of `Scripts/reference_values.py`:
  ///
  ///     0 ─2→ 1 ─3→ 2 ─.5→ 3 ⇄ 4 ─1→ 5
  ///     0 ─1→ 2 ─1→ 0      (3→4: 1, 4→3: 2)   1 ─.25→ 5
  static func smallDirected() throws -> Digraph {
    try Digraph(
      nodeCount: 6,
      edges: [(0, 1), (0, 2), (1, 2), (2, 0), (2, 3), (3, 4), (4, 3), (4, 5), (1, 5)],
      weights: [2, 1, 3, 1, 0.5, 1, 2, 1, 0.25])
  }

  /// The six-node graph of NetworKit's documentation examples: two sources into a hub that fans out and rejoins.
  static func networkitSix(directed: Bool) throws -> Digraph {
    try Digraph(
      nodeCount: 6, edges: [(0, 2), (1, 2), (2, 3), (2, 4), (3, 5), (4, 5)], directed: directed)
  }

  static func star(leaves: Int) throws -> Digraph {
    try Digraph(nodeCount: leaves + 1, edges: (1 ... leaves).map { (0, $0) }, directed: false)
  }

  static func path(_ n: Int, directed: Bool = false) throws -> Digraph {
    try Digraph(nodeCount: n, edges: (0 ..< max(0, n - 1)).map { ($0, $0 + 1) }, directed: directed)
  }

  static func cycle(_ n: Int, directed: Bool = false) throws -> Digraph {
    try Digraph(nodeCount: n, edges: (0 ..< n).map { ($0, ($0 + 1) % n) }, directed: directed)
  }

  /// A rows × cols grid, undirected.
  static func grid(_ rows: Int, _ cols: Int) throws -> Digraph {
    var edges: [(Int, Int)] = []
    for r in 0 ..< rows {
      for c in 0 ..< cols {
        let v = r * cols + c
        if c + 1 < cols { edges.append((v, v + 1)) }
        if r + 1 < rows { edges.append((v, v + cols)) }
      }
    }
    return try Digraph(nodeCount: rows * cols, edges: edges, directed: false)
  }
}
