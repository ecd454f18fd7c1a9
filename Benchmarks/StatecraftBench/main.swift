// Times one Statecraft task on a benchmark edge list and prints one JSON line.
// Driven by Benchmarks/compare.py, which runs the same tasks in NetworkX, igraph,
// NetworKit and rustworkx; see BENCHMARKS.md.
//
//   statecraft-bench TASK FILE [REPEATS]
//   TASK: load | pagerank | betweenness | betweenness_unweighted | closeness | harmonic |
//         dijkstra | eigenvector | louvain | world_pagerank | scenario_pagerank | leverage_pagerank |
//         units (a markdown table: the work-unit balance of the all-pairs tasks) |
//         incremental (a markdown table: solves after one edit, cold and warm-started) |
//         incremental_betweenness (a markdown table: betweenness after an edit by affected sources) |
//         pinned_scene | pinned_dot | pinned_graphviz | pinned_draw | pinned_geo (FILE a world: its
//         explorer map written or drawn, see below)
//
// The world_* tasks build a World (actors "0"…, one "tie" relation per edge) outside the
// timing: world_pagerank projects it and runs PageRank (tolerance 1e-10); scenario_pagerank
// applies a 10-edit scenario to a copy first (issue 7: at most twice world_pagerank);
// leverage_pagerank ranks every relation by its effect on node 0's PageRank with the
// adjoint closed form (issue 7: at most three world_pagerank).
import Foundation
import Statecraft
import StatecraftGraph
import StatecraftRender

func now() -> Double {
  var t = timespec()
  clock_gettime(CLOCK_MONOTONIC, &t)
  return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
}

func cpu() -> Double {
  var t = timespec()
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
  return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
}

let args = CommandLine.arguments
guard args.count >= 3 else {
  FileHandle.standardError.write(Data("usage: statecraft-bench TASK FILE [REPEATS]\n".utf8))
  exit(64)
}
let task = args[1]
let file = args[2]
let repeats = args.count > 3 ? Int(args[3]) ?? 3 : 3

do {
  var times: [Double] = []
  var cpus: [Double] = []
  var checksum = 0.0
  func measure(_ body: () throws -> Double) rethrows {
    let (t0, c0) = (now(), cpu())
    checksum = try body()
    times.append(now() - t0)
    cpus.append(cpu() - c0)
  }
  if task.hasPrefix("pinned_") {
    // FILE is a world; its explorer map (PageRank sizes, hover text aside, every actor
    // pinned where neato placed it) is written REPEATS times: pinned_scene (what to draw),
    // pinned_dot (as DOT), pinned_graphviz (DOT laid out and drawn by Graphviz),
    // pinned_draw (drawn by PinnedMapDrawer), pinned_geo (the geographic map, drawn).
    let world = try WorldIO.load(file)
    var options = MapOptions(lens: Lens.standard(for: world), engine: .neato)
    (options.elementIDs, options.tipsAside, options.sources) = (true, true, .none)
    options.sizeBy = ("pagerank", try world.scores(.pagerank, lens: options.lens))
    let found = try GraphvizRenderer.nodePositions(dot: DOTWriter().write(world, options: options), engine: .neato, text: .estimated)
    for (i, actor) in world.actors.enumerated() { options.positions[actor.id] = found["a\(i)"] }
    for _ in 0 ..< repeats {
      switch task {
      case "pinned_scene": try measure { Double(try DOTWriter().writeWithTips(world, options: options).tips.byID.count) }
      case "pinned_dot": try measure { Double(try DOTWriter().write(world, options: options).utf8.count) }
      case "pinned_graphviz":
        try measure { Double(try GraphvizRenderer.render(dot: DOTWriter().write(world, options: options), engine: .neato, format: .svg, text: .estimated).count) }
      case "pinned_draw": try measure { Double(try PinnedMapDrawer().svg(world, options: options)?.utf8.count ?? 0) }
      case "pinned_geo": try measure { Double(try GeoMap(options: options).pinnedSVG(world)?.utf8.count ?? 0) }
      default:
        FileHandle.standardError.write(Data("unknown task \(task)\n".utf8))
        exit(64)
      }
    }
  } else if task == "render_loop" {
    // FILE is a world; REPEATS renders of its map in one process, RSS sampled as it goes
    // (issue 10: memory must stay bounded over 1,000 renders).
    let world = try WorldIO.load(file)
    let dot = try DOTWriter().write(world)
    var rss: [Int] = []
    for i in 1 ... repeats {
      try measure { Double(try GraphvizRenderer.render(dot: dot, engine: .dot, format: .svg).count) }
      if i == 1 || i % (max(1, repeats / 10)) == 0 {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        rss.append(usage.ru_maxrss)
      }
    }
    FileHandle.standardError.write(Data("maxrss_kib after 1, then every tenth of the renders: \(rss)\n".utf8))
  } else if task.hasPrefix("world_") || task.hasPrefix("scenario_") || task.hasPrefix("leverage_") {
    let g = try Digraph.readNumericEdgeList(path: file)
    let actors = (0 ..< g.nodeCount).map { Actor(id: Actor.ID(String($0))) }
    let relations = g.arcs.map { Relation(from: actors[$0.source].id, to: actors[$0.target].id, type: "tie", weight: $0.weight, sign: .cooperative) }
    let world = World(name: "bench", actors: actors, relations: relations, types: [RelationType(id: "tie", polarity: .cooperative)])
    // Ten edits: re-weight five existing relations, remove two, add three.
    let edits: [Edit] = relations.prefix(5).map { .reweight(.match(from: $0.from, to: $0.to, type: "tie"), weight: 0.9) }
      + relations.dropFirst(5).prefix(2).map { .removeRelation(.match(from: $0.from, to: $0.to, type: "tie")) }
      + (0 ..< 3).map { .addRelation(Relation(from: actors[$0].id, to: actors[g.nodeCount - 1 - $0].id, type: "tie", weight: 0.5, sign: .cooperative)) }
    let scenario = Scenario(name: "ten-edits", edits: edits)
    for _ in 0 ..< repeats {
      switch task {
      case "world_pagerank":
        try measure { try world.through().pageRank(tolerance: 1e-10).max()! }
      case "scenario_pagerank":
        try measure { try scenario.applied(to: world).through().pageRank(tolerance: 1e-10).max()! }
      case "leverage_pagerank":
        var settings = Measure.Settings()
        settings.tolerance = 1e-10  // as world_pagerank
        // The top rows, as a report shows them, and the entry count.
        try measure {
          let report = try world.leverage(on: .score(.pagerank, "0"), settings: settings, recompute: 0)
          return Double(report.entries.count) + report.entries.prefix(20).reduce(0) { $0 + abs($1.estimate ?? 0) }
        }
      default:
        FileHandle.standardError.write(Data("unknown task \(task)\n".utf8))
        exit(64)
      }
    }
  } else if task == "units" {
    // The work-unit balance table (BENCHMARKS.md): each all-pairs task once on one thread with
    // its units timed, the efficiency 2…32 threads would reach taking them in order (and the
    // former 16 fixed chunks), then one and two threads measured here.
    let g = try Digraph.readNumericEdgeList(path: file)
    let tasks: [(String, () throws -> [Double])] = [
      ("betweenness", { try g.betweenness(length: .reciprocal) }), ("closeness", { try g.closeness() }),
      ("harmonic", { try g.harmonic() }),
    ]
    print("| task | units | 1 thread | 2 threads measured (efficiency) | predicted 2 / 4 / 8 / 16 / 32 threads | 16 fixed chunks on 16 / 32 |")
    print("|---|---|---|---|---|---|")
    for (name, run) in tasks {
      let clock = UnitClock()
      let t0 = now()
      _ = try WorkUnits.$workerLimit.withValue(1) { try WorkUnits.$clock.withValue(clock) { try run() } }
      let one = now() - t0
      let t1 = now()
      _ = try WorkUnits.$workerLimit.withValue(2) { try run() }
      let two = now() - t1
      let pct = { (x: Double) in String(format: "%.0f%%", 100 * x) }
      let predicted = [2, 4, 8, 16, 32].map { pct(clock.efficiency(threads: $0)) }.joined(separator: " / ")
      let chunks = [16, 32].map { pct(clock.efficiency(threads: $0, grouping: clock.seconds.count / 16)) }.joined(separator: " / ")
      print("| \(name) | \(clock.seconds.count) | \(String(format: "%.2f s", one)) | \(String(format: "%.2f s (%@)", two, pct(one / (2 * two)))) | \(predicted) | \(chunks) |")
    }
    exit(0)
  } else if task == "incremental" {
    // Edits answered incrementally (the hard-problems issue, part 2): one arc re-weighted ×3,
    // then PageRank (tol 1e-10) and one Friedkin–Johnsen row (node 0 over everyone, λ = 0.5)
    // solved cold and warm from the answer before the edit. Medians of REPEATS.
    let g = try Digraph.readNumericEdgeList(path: file)
    var edges: [(NodeIndex, NodeIndex)] = []
    var weights: [Double] = []
    for u in 0 ..< g.nodeCount {
      for (v, w) in zip(g.outNeighbors(of: u), g.outWeights(of: u)) {
        edges.append((u, v))
        weights.append(w)
      }
    }
    weights[weights.count / 2] *= 3
    let edited = try Digraph(nodeCount: g.nodeCount, edges: edges, weights: weights)
    let lambda = [Double](repeating: 0.5, count: g.nodeCount)
    let before = (try g.pageRank(tolerance: 1e-10), try g.friedkinJohnsenRow(0, susceptibility: lambda))
    func median(_ body: () throws -> [Double]) rethrows -> (Double, [Double]) {
      var times: [Double] = []
      var result: [Double] = []
      for _ in 0 ..< repeats {
        let t = now()
        result = try body()
        times.append(now() - t)
      }
      return (times.sorted()[times.count / 2], result)
    }
    let rows: [(String, () throws -> [Double], () throws -> [Double])] = [
      ("PageRank (tol 1e-10)", { try edited.pageRank(tolerance: 1e-10) }, { try edited.pageRank(tolerance: 1e-10, start: before.0) }),
      ("Friedkin–Johnsen row (tol 1e-13)", { try edited.friedkinJohnsenRow(0, susceptibility: lambda) },
       { try edited.friedkinJohnsenRow(0, susceptibility: lambda, start: before.1) }),
    ]
    print("| solve after one edit | cold | warm | warm ÷ cold | largest difference |")
    print("|---|---:|---:|---:|---:|")
    for (name, cold, warm) in rows {
      let (c, a) = try median(cold)
      let (w, b) = try median(warm)
      let diff = zip(a, b).map { abs($0 - $1) }.max() ?? 0
      print(String(format: "| %@ | %.1f ms | %.1f ms | %.2f | %.1e |", name, c * 1e3, w * 1e3, w / c, diff))
    }
    exit(0)
  } else if task == "incremental_betweenness" {
    // Betweenness and closeness by affected sources (the hard-problems issue, part 2):
    // REPEATS edits of each kind (an arc ×3, ×0.3, removed, or a new arc of strength 1
    // between random nodes), each answered by `betweennessSums(updating:)` and
    // `closenessSums(updating:)` from the sums before it and by full recomputations; medians per kind.
    let g = try Digraph.readNumericEdgeList(path: file)
    let before = try g.betweennessSums()
    let closenessBefore = try g.closenessSums()
    var rng = SplitMix64(seed: 1)
    print("| edit (\(repeats) each) | betweenness: sources affected | update | full | update ÷ full | largest difference ÷ largest score | closeness: nodes affected | update ÷ full |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for kind in ["strength ×3", "strength ×0.3", "removed", "added"] {
      var rows: [(affected: Double, update: Double, full: Double, diff: Double)] = []
      var closenessRows: [(affected: Double, ratio: Double)] = []
      for _ in 0 ..< repeats {
        var arcs = g.arcs
        let k = Int(rng.next() % UInt64(arcs.count))
        switch kind {
        case "strength ×3": arcs[k].weight *= 3
        case "strength ×0.3": arcs[k].weight *= 0.3
        case "removed": arcs.remove(at: k)
        default: arcs.append((Int(rng.next() % UInt64(g.nodeCount)), Int(rng.next() % UInt64(g.nodeCount)), 1))
        }
        let h = try Digraph(nodeCount: g.nodeCount, edges: arcs.map { ($0.source, $0.target) }, weights: arcs.map(\.weight))
        let t0 = now()
        let updated = try h.betweennessSums(updating: before)!
        let t1 = now()
        let full = try h.betweennessSums()
        let t2 = now()
        let top = full.sums.map(abs).max() ?? 1
        let diff = zip(updated.sums, full.sums).map { abs($0 - $1) }.max()! / max(top, 1e-300)
        rows.append((Double(h.sourcesAffected(since: g).count) / Double(g.nodeCount), t1 - t0, t2 - t1, diff))
        let t3 = now()
        let closeness = try h.closenessSums(updating: closenessBefore)!
        let t4 = now()
        _ = try h.closenessSums()
        let t5 = now()
        closenessRows.append((Double(closeness.sourcesRun) / Double(g.nodeCount), (t4 - t3) / (t5 - t4)))
      }
      func median(_ x: [Double]) -> Double { x.sorted()[x.count / 2] }
      let (u, f) = (median(rows.map(\.update)), median(rows.map(\.full)))
      print(String(
        format: "| %@ | %.1f%% | %.0f ms | %.0f ms | %.2f | %.0e | %.1f%% | %.2f |", kind, 100 * median(rows.map(\.affected)), u * 1e3,
        f * 1e3, median(rows.map { $0.update / $0.full }), rows.map(\.diff).max()!, 100 * median(closenessRows.map(\.affected)),
        median(closenessRows.map(\.ratio))))
    }
    exit(0)
  } else if task == "load" {
    for _ in 0 ..< repeats {
      try measure { Double(try Digraph.readNumericEdgeList(path: file).arcCount) }
    }
  } else {
    let g = try Digraph.readNumericEdgeList(path: file)
    for _ in 0 ..< repeats {
      switch task {
      case "pagerank":
        try measure { try g.pageRank(tolerance: 1e-10).max()! }
      case "betweenness":
        try measure { try g.betweenness(length: .reciprocal).max()! }
      case "betweenness_unweighted":
        try measure { try g.betweenness(length: .hops).max()! }
      case "closeness":
        try measure { try g.closeness().max()! }
      case "harmonic":
        try measure { try g.harmonic().max()! }
      case "dijkstra":
        try measure { try g.bestValues(from: 0).compactMap { $0 }.max()! }
      case "eigenvector":
        try measure { try g.eigenvectorCentrality(tolerance: 1e-10, maxIterations: 1000).max()! }
      case "hits":
        try measure { try g.hits(tolerance: 1e-10).authorities.max()! }
      case "louvain":
        try measure {
          let labels = try g.louvainCommunities(seed: 42)
          return try g.symmetrized().modularity(labels)
        }
      default:
        FileHandle.standardError.write(Data("unknown task \(task)\n".utf8))
        exit(64)
      }
    }
  }
  var usage = rusage()
  getrusage(RUSAGE_SELF.rawValue, &usage)
  let json = "{\"times\": \(times), \"cpu\": \(cpus), \"maxrss_kib\": \(usage.ru_maxrss), \"check\": \(checksum)}"
  print(json)
} catch {
  FileHandle.standardError.write(Data("\(error)\n".utf8))
  exit(1)
}
