import Testing

@testable import Statecraft
@testable import StatecraftGraph
@testable import StatecraftWorld

@Suite("Paths")
struct PathTests {
  @Test("shortest lengths match NetworkX's Dijkstra")
  func dijkstra() throws {
    let g = try ClassicGraphs.smallDirected()
    // obtained with: nx.single_source_dijkstra_path_length(D, 0, weight='dist'), dist = 1/Fraction(weight)
    let lengths = try g.bestValues(from: 0).map { $0 ?? .infinity }
    #expect(isApproximatelyEqual(lengths, Reference.smallDijkstraFrom0))
    let path = try #require(try g.bestPath(from: 0, to: 5))
    #expect(path.nodes == [0, 1, 5])
    #expect(abs(path.value - 4.5) < 1e-12)
  }

  @Test("k shortest loopless paths have NetworkX's lengths, in order")
  func yen() throws {
    let g = try ClassicGraphs.smallDirected()
    let paths = try g.bestPaths(from: 0, to: 5, count: 4)
    // obtained with: [nx.path_weight(D, p, 'dist') for p in islice(nx.shortest_simple_paths(D, 0, 5, weight='dist'), 4)]
    #expect(isApproximatelyEqual(paths.map(\.value), Reference.smallSimplePathLengths0to5))
    #expect(Set(paths.map(\.nodes)).count == paths.count)
    for p in paths { #expect(Set(p.nodes).count == p.nodes.count) }  // loopless
  }

  @Test("all shortest paths")
  func allShortest() throws {
    let grid = try ClassicGraphs.grid(3, 3)
    let paths = try grid.allShortestPaths(from: 0, to: 8, length: .hops)
    // obtained with: len(list(nx.all_shortest_paths(nx.grid_2d_graph(3, 3), (0, 0), (2, 2))))
    #expect(Double(paths.count) == Reference.gridAllShortestCorner[0])
    #expect(paths.allSatisfy { $0.hops == 4 && $0.value == 4 })
    #expect(Set(paths.map(\.nodes)).count == 6)
    #expect(try grid.allShortestPaths(from: 0, to: 8, length: .hops, limit: 2).count == 2)
    #expect(try Digraph(nodeCount: 2, edges: []).allShortestPaths(from: 0, to: 1).isEmpty)
    // Weighted ties: 0-1-3 is 1/2 + 1/2 long, 0-2-3 is 1/4 + 3/4: both 1.
    let diamond = try Digraph(nodeCount: 4, edges: [(0, 1), (1, 3), (0, 2), (2, 3)], weights: [2, 2, 4, 4.0 / 3])
    #expect(try diamond.allShortestPaths(from: 0, to: 3).map(\.nodes) == [[0, 1, 3], [0, 2, 3]])
  }

  @Test("unit lengths give BFS depths")
  func bfs() throws {
    let g = try ClassicGraphs.grid(5, 6)
    let d = try g.bestValues(from: 0, length: .hops)
    for r in 0 ..< 5 { for c in 0 ..< 6 { #expect(d[r * 6 + c] == Double(r + c)) } }
  }

  @Test("shortest distances satisfy the triangle inequality", arguments: 0 ..< 10 as Range<UInt64>)
  func triangle(seed: UInt64) throws {
    let g = try Digraph.random(nodes: 25, edgeProbability: 0.12, seed: seed, weighted: true)
    let d = try g.bestValues(from: 0)
    for (u, v, w) in g.arcs {
      guard let du = d[u] else { continue }
      let dv = try #require(d[v])
      #expect(dv <= du + 1 / w + 1e-12)
    }
  }

  /// Every simple path from s to t, by depth-first search (small graphs only).
  func allSimplePaths(_ g: Digraph, _ s: Int, _ t: Int) -> [[Int]] {
    var result: [[Int]] = []
    var path = [s]
    var onPath = Set([s])
    func visit(_ v: Int) {
      if v == t { result.append(path); return }
      for w in g.outNeighbors(of: v) where !onPath.contains(w) {
        path.append(w); onPath.insert(w)
        visit(w)
        path.removeLast(); onPath.remove(w)
      }
    }
    visit(s)
    return result
  }

  @Test("widest and strongest paths agree with brute force", arguments: 0 ..< 12 as Range<UInt64>)
  func bruteForce(seed: UInt64) throws {
    let g = try Digraph.random(nodes: 8, edgeProbability: 0.3, seed: seed, weighted: true)
    let maxW = g.arcs.map(\.weight).max() ?? 1
    for t in 1 ..< 8 {
      let all = allSimplePaths(g, 0, t)
      let widest = try g.bestPath(from: 0, to: t, kind: .widest)
      let strongest = try g.bestPath(from: 0, to: t, kind: .strongest)
      let shortest = try g.bestPath(from: 0, to: t)
      if all.isEmpty {
        #expect(widest == nil && strongest == nil && shortest == nil)
        continue
      }
      func hops(_ p: [Int]) -> [Double] { zip(p, p.dropFirst()).map { g.weight(from: $0, to: $1)! } }
      let bestWidth = all.map { hops($0).min()! }.max()!
      let bestProduct = all.map { hops($0).reduce(1) { $0 * $1 / maxW } }.max()!
      let bestLength = all.map { hops($0).reduce(0) { $0 + 1 / $1 } }.min()!
      #expect(abs(widest!.value - bestWidth) < 1e-12)
      #expect(abs(strongest!.value - bestProduct) < 1e-12)
      #expect(abs(shortest!.value - bestLength) < 1e-9)
      // k best by brute force: the 3 best lengths.
      let k = try g.bestPaths(from: 0, to: t, count: 3)
      let expected = all.map { hops($0).reduce(0) { $0 + 1 / $1 } }.sorted().prefix(3)
      #expect(isApproximatelyEqual(k.map(\.value), Array(expected)))
    }
  }

  @Test("avoiding actors, walking against arcs, reachability, unreachable targets")
  func options() throws {
    let g = try ClassicGraphs.smallDirected()
    let around = try #require(try g.bestPath(from: 0, to: 5, avoiding: [1]))
    #expect(around.nodes == [0, 2, 3, 4, 5])
    #expect(try g.bestPath(from: 5, to: 0) == nil)
    // Against the arcs: 5-4 (1) 4-3 (1/2) 3-2 (2) 2-1 (1/3) 1-0 (1/2) = 13/3, shorter than 5-1-0 (4.5).
    let back = try #require(try g.bestPath(from: 5, to: 0, direction: .either))
    #expect(abs(back.value - 13.0 / 3) < 1e-12)
    #expect(back.nodes == [5, 4, 3, 2, 1, 0])
    #expect(try g.reachable(from: 3) == [3, 4, 5])
    #expect(try g.reachable(from: 5, direction: .either) == [0, 1, 2, 3, 4, 5])
    #expect(throws: GraphError.nodeOutOfRange(9, nodeCount: 6)) { try g.bestPath(from: 0, to: 9) }
    #expect(try g.bestPath(from: 2, to: 2)?.nodes == [2])
  }

  @Test("--all says how many shortest paths there are when it lists fewer; an avoided end and a useless hint are errors no more")
  func allShortestAndHints() throws {
    // Six layers of five actors, fully joined layer to layer: 5^6 = 15,625 shortest paths.
    var csv = "source,target\n"
    let layers = (0 ..< 6).map { l in (0 ..< 5).map { "L\(l)_\($0)" } }
    for a in layers[0] { csv += "S,\(a)\n" }
    for l in 0 ..< 5 { for a in layers[l] { for b in layers[l + 1] { csv += "\(a),\(b)\n" } } }
    for a in layers[5] { csv += "\(a),T\n" }
    let world = try EdgeListCSV.parse(csv, file: "layers.csv", name: "layers")
    let report = try world.pathReport(from: "S", to: "T", allShortest: true)
    #expect(report.paths.count == 10_000 && report.total == 15_625)
    #expect(report.text(.table).hasPrefix("Showing 10000 of 15625 shortest paths"))
    // obtained with: len(list(nx.all_shortest_paths(G, "S", "T"))) == 5 ** 6 (closed form)
    #expect(try world.through().shortestPathCount(from: 0, to: world.actors.count - 1) == 15_625)
    let abc = try EdgeListCSV.parse("source,target\nA,B\nB,C\n", file: "abc.csv", name: "abc")
    #expect(try abc.pathReport(from: "A", to: "C", avoiding: ["B"]).text(.table) == "No path from A (A) to C (C) avoiding B, in either direction.")
    #expect(try abc.pathReport(from: "C", to: "A").text(.table).hasSuffix("--any-direction finds one."))
    #expect(throws: PathError.avoidingAnEnd("A")) { try abc.pathReport(from: "A", to: "C", avoiding: ["A"]) }
    #expect(throws: PathError.allShortestTakesNoOptions) { try abc.paths(from: "A", to: "C", direction: .either, allShortest: true) }
  }

  @Test("a weight so small its path length overflows is refused in words (it made an infinite tie the shortest path)")
  func tinyWeights() throws {
    let world = try EdgeListCSV.parse("source,target,weight\nA,C,1e-320\nA,B,1\nB,C,0.5\n", file: "tiny.csv", name: "tiny")
    #expect { try world.pathReport(from: "A", to: "C") } throws: { "\($0)".contains("A→C weighs 1e-320, below 1e-150") }
  }
}
