import Foundation

/// Single-source shortest distances with buffers reused across sources: BFS for unit
/// lengths, Dijkstra (lazy binary heap) otherwise. The workhorse of all-sources measures
/// (closeness, harmonic), which run it once per node.
struct DistanceSweep {
  private(set) var distance: [Double]
  /// Nodes reached from the last source, in settle order (the source first).
  private(set) var order: [NodeIndex] = []
  private var settled: [Bool]
  private var heap: IndexedMinHeap

  init(nodeCount n: Int) {
    heap = IndexedMinHeap(nodeCount: n)
    distance = Array(repeating: .infinity, count: n)
    settled = Array(repeating: false, count: n)
    order.reserveCapacity(n)
  }

  /// Runs from `source` along out-arcs with lengths `arcLength` (CSR order), or hops when
  /// `arcLength` is nil.
  mutating func run(_ g: Digraph, from source: NodeIndex, arcLength: [Double]?) {
    for v in order {
      distance[v] = .infinity
      settled[v] = false
    }
    order.removeAll(keepingCapacity: true)
    distance[source] = 0
    if arcLength == nil {
      order.append(source)
      settled[source] = true
      var head = 0
      while head < order.count {
        let v = order[head]
        head += 1
        let next = distance[v] + 1
        for i in g.outOffsets[v] ..< g.outOffsets[v + 1] {
          let w = g.outTargets[i]
          if !settled[w] {
            settled[w] = true
            distance[w] = next
            order.append(w)
          }
        }
      }
      return
    }
    let lengths = arcLength!
    heap.removeAll()
    heap.pushOrDecrease(source, 0)
    while let v = heap.popMin() {
      let d = distance[v]
      settled[v] = true
      order.append(v)
      for i in g.outOffsets[v] ..< g.outOffsets[v + 1] {
        let candidate = d + lengths[i]
        let w = g.outTargets[i]
        if candidate < distance[w] {
          distance[w] = candidate
          heap.pushOrDecrease(w, candidate)
        }
      }
    }
    // Every node given a tentative distance is settled by now, so `order` lists all the
    // entries the next run must clear.
  }
}

extension Digraph {
  /// Runs `body(source, sweep)` for every source (or those of `sources`) on all cores, in
  /// work units fixed by the number of sources whose results are merged in unit order
  /// (``WorkUnits``: the same bits whatever the core count).
  func forEachSource<T: Sendable>(
    length: PathLength, sources: [NodeIndex]? = nil, initial: T, _ body: @Sendable (NodeIndex, DistanceSweep, inout T) -> Void,
    merge: (inout T, T) -> Void
  ) -> T {
    let n = nodeCount
    let lengths: [Double]? = length == .hops ? nil : arcLengths(length)
    let count = sources?.count ?? n
    let units = WorkUnits.count(count)
    let progress = WorkProgress.current
    progress?.begin(count)
    return WorkUnits.reduce(units: units, initial: initial, state: { DistanceSweep(nodeCount: n) }) { unit, sweep in
      var local = initial
      for k in WorkUnits.range(unit, of: units, items: count) {
        let s = sources?[k] ?? k
        sweep.run(self, from: s, arcLength: lengths)
        body(s, sweep, &local)
        progress?.advance()
      }
      return local
    } merge: { total, part in
      merge(&total, part)
    }
  }
}
