import Foundation

extension Digraph {
  /// Graphs with at least this many arcs run the sweeps of PageRank, eigenvector, Katz and
  /// HITS on all cores; below it, starting threads costs more than a sweep. Tests bind it to
  /// 0 to run small graphs' sweeps in parallel.
  @TaskLocal static var parallelSweepArcs = 200_000
  /// The fixed number of node ranges a parallel sweep is cut into (more ranges than cores
  /// even out the work; the result does not depend on either).
  static let sweepChunks = 64

  /// Whether sweeps on this graph use every core (``parallelSweepArcs``; `WorkUnits.workerLimit`
  /// of 1 keeps them on one, which tests use to compare the two).
  var sweepsInParallel: Bool { arcCount >= Self.parallelSweepArcs && WorkUnits.workers > 1 }

  /// `next[v] = base[v] + Σ values[u] · w(u, v)` over `v`'s in-arcs, for every `v` (`base`
  /// 0 when `nil`): one sweep of a power iteration along the arcs.
  ///
  /// The in-arcs are held in source order, so pulling them adds the same products in the same
  /// order as pushing along the out-arcs node by node: the sums are the same to the bit on one
  /// core (the push) or all of them (``sweepChunks`` node ranges, pulled at once).
  ///
  /// - Complexity: O(*n* + *m*), spread over the cores when ``sweepsInParallel``.
  func inArcSums(_ values: [Double], base: [Double]? = nil, into next: inout [Double], parallel: Bool) {
    let n = nodeCount
    guard parallel else {
      if let base { for v in 0 ..< n { next[v] = base[v] } } else { for v in 0 ..< n { next[v] = 0 } }
      for u in 0 ..< n {
        let x = values[u]
        for i in outOffsets[u] ..< outOffsets[u + 1] { next[outTargets[i]] += x * outWeights[i] }
      }
      return
    }
    let chunks = Swift.min(Self.sweepChunks, n)
    values.withUnsafeBufferPointer { values in
      inOffsets.withUnsafeBufferPointer { offsets in
        inSources.withUnsafeBufferPointer { sources in
          inWeights.withUnsafeBufferPointer { weights in
            next.withUnsafeMutableBufferPointer { out in
              let sweep = SweepState(values: values, offsets: offsets, ends: sources, weights: weights, next: out)
              DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                for v in n * chunk / chunks ..< n * (chunk + 1) / chunks {
                  var sum = base?[v] ?? 0
                  for i in sweep.offsets[v] ..< sweep.offsets[v + 1] { sum += sweep.values[Int(sweep.ends[i])] * sweep.weights[i] }
                  sweep.next[v] = sum
                }
              }
            }
          }
        }
      }
    }
  }

  /// `next[u] = Σ w(u, v) · values[v]` over `u`'s out-arcs in CSR order, for every `u`: the
  /// transposed sweep (HITS's hubs). Each node's sum is its own, so node ranges on all cores
  /// give the same bits as one.
  ///
  /// - Complexity: O(*n* + *m*), spread over the cores when `parallel`.
  func outArcSums(_ values: [Double], into next: inout [Double], parallel: Bool) {
    let n = nodeCount
    let chunks = parallel ? Swift.min(Self.sweepChunks, n) : 1
    values.withUnsafeBufferPointer { values in
      outOffsets.withUnsafeBufferPointer { offsets in
        outTargets.withUnsafeBufferPointer { targets in
          outWeights.withUnsafeBufferPointer { weights in
            next.withUnsafeMutableBufferPointer { out in
              let sweep = SweepState(values: values, offsets: offsets, ends: targets, weights: weights, next: out)
              let run: @Sendable (Int) -> Void = { chunk in
                for u in n * chunk / chunks ..< n * (chunk + 1) / chunks {
                  var sum = 0.0
                  for i in sweep.offsets[u] ..< sweep.offsets[u + 1] { sum += sweep.weights[i] * sweep.values[Int(sweep.ends[i])] }
                  sweep.next[u] = sum
                }
              }
              if chunks == 1 { run(0) } else { DispatchQueue.concurrentPerform(iterations: chunks, execute: run) }
            }
          }
        }
      }
    }
  }

  /// What a parallel sweep's workers read (one side of the CSR and the vector), and the
  /// disjoint ranges of `next` they write.
  struct SweepState: @unchecked Sendable {
    let values: UnsafeBufferPointer<Double>
    let offsets: UnsafeBufferPointer<Int>
    /// The arcs' other ends: sources of in-arcs, or targets of out-arcs.
    let ends: UnsafeBufferPointer<NodeIndex>
    let weights: UnsafeBufferPointer<Double>
    let next: UnsafeMutableBufferPointer<Double>
  }
}
