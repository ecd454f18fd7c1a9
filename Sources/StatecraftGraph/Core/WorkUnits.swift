import Foundation

/// Parallel work whose result does not depend on the machine: the items are split into units
/// fixed by their number alone, worker threads take the next unit in order, and the units'
/// results are merged in unit order. The same input gives the same bits on 1, 2 or 32 cores,
/// and with many more units than cores a slow unit holds one thread while the others keep
/// taking units (sixteen fixed chunks on sixteen cores left the slowest setting the pace).
///
///     let total = WorkUnits.reduce(units: WorkUnits.count(n), initial: 0.0, state: { () }) { u, _ in
///       WorkUnits.range(u, of: WorkUnits.count(n), items: n).reduce(0.0) { $0 + cost($1) }
///     } merge: { $0 += $1 }
package enum WorkUnits {
  /// The threads a run may use; `nil` is every core. Tests bind it to show that 1, 2 and 3
  /// threads give the same bits: `WorkUnits.$workerLimit.withValue(2) { … }`.
  @TaskLocal package static var workerLimit: Int?

  /// The threads a run uses now.
  package static var workers: Int { Swift.max(1, workerLimit ?? cores) }

  /// The cores this process may run on, read once: Foundation reads the scheduler's affinity
  /// and the cgroup's quota on every call (half a millisecond of each explorer answer).
  package static let cores = Swift.max(1, ProcessInfo.processInfo.activeProcessorCount)

  /// Records how long each unit took when set (the benchmark's balance table); `nil`, the
  /// default, records nothing.
  @TaskLocal package static var clock: UnitClock?

  /// Units per run at most: eight per core on 32 cores.
  package static let maximum = 256

  /// How many units `items` are split into: ``maximum``, or one per item when fewer.
  package static func count(_ items: Int) -> Int { Swift.max(1, Swift.min(items, maximum)) }

  /// The items of unit `unit` when `items` are split into `units` (contiguous, in order).
  package static func range(_ unit: Int, of units: Int, items: Int) -> Range<Int> {
    items * unit / units ..< items * (unit + 1) / units
  }

  /// Runs `body` for every unit on ``workers`` threads and folds the results into `initial`
  /// with `merge`, in unit order whatever order they finish in. Each thread makes one
  /// `state` (scratch space reused across its units) and hands it to `finish` at the end.
  /// Results wait only until the units before them are merged, so at most a few per thread
  /// are held at once.
  ///
  /// - Complexity: the units' work spread over the threads, plus the merges (on one thread
  ///   at a time).
  package static func reduce<State, T>(
    units: Int, initial: T, state makeState: () -> State, finish: (State) -> Void = { _ in },
    _ body: (Int, inout State) -> T, merge: (inout T, T) -> Void
  ) -> T {
    let ledger = Ledger(initial: initial)
    withoutActuallyEscaping(makeState) { makeState in
      withoutActuallyEscaping(finish) { finish in
        withoutActuallyEscaping(body) { body in
          withoutActuallyEscaping(merge) { merge in
            let work = Work(makeState: makeState, finish: finish, body: body, merge: merge, clock: clock)
            let threads = Swift.min(workers, Swift.max(units, 1))
            // One thread: this one, with no hand-off to Dispatch.
            guard threads > 1 else { return work.run(units: units, ledger: ledger) }
            DispatchQueue.concurrentPerform(iterations: threads) { _ in
              work.run(units: units, ledger: ledger)
            }
          }
        }
      }
    }
    return ledger.total
  }

  /// `transform` of every item in `0 ..< count`, computed on all threads in work units, in
  /// item order. Items are independent (a Monte Carlo draw, a rewired world, a recomputed
  /// edit), so the result does not depend on the threads; the first error in item order is
  /// thrown once every unit has ended.
  ///
  /// - Complexity: the items' work spread over the threads.
  package static func map<T>(_ count: Int, _ transform: (Int) throws -> T) throws -> [T] {
    let units = Self.count(count)
    return try reduce(units: units, initial: Result<[T], Error>.success([]), state: {}) { unit, _ in
      Result { try range(unit, of: units, items: count).map(transform) }
    } merge: { total, part in
      guard case var .success(items) = total else { return }
      switch part {
      case let .success(more):
        items += more
        total = .success(items)
      case .failure: total = part
      }
    }.get()
  }

  /// `first` on the calling thread and `second` on another at the same time: two independent
  /// stages (a single-threaded projection and a pass over the relations) finish in the time
  /// of the longer. The first error is `first`'s, then `second`'s.
  ///
  /// `second` runs on a queue of its own, which gets a thread at once: on the global queue it
  /// waited, when the pool's threads were all busy or blocked (a server answering), until
  /// the pool grew (0.9 s for a seed answer's data). Task-local values do not follow work to
  /// another thread: this module's (``WorkProgress/current``, ``workerLimit``, ``clock`` and
  /// the sweeps' size threshold) are bound again there; a caller's own are read before the
  /// call and passed in.
  ///
  /// - Complexity: the longer of the two.
  package static func together<A: Sendable, B: Sendable>(
    _ first: () throws -> A, _ second: @escaping @Sendable () throws -> B
  ) throws -> (A, B) {
    let slot = ChunkSlots<Result<B, Error>>(count: 1)
    let group = DispatchGroup()
    let (progress, limit, clock, sweepArcs) = (WorkProgress.current, workerLimit, clock, Digraph.parallelSweepArcs)
    DispatchQueue(label: "statecraft.together").async(group: group) {
      let result = WorkProgress.$current.withValue(progress) {
        $workerLimit.withValue(limit) {
          $clock.withValue(clock) { Digraph.$parallelSweepArcs.withValue(sweepArcs) { Result { try second() } } }
        }
      }
      slot.set(0, result)
    }
    let a = Result { try first() }
    group.wait()
    return (try a.get(), try slot.get(0)!.get())
  }

  /// The closures of one ``reduce(units:initial:state:finish:_:merge:)`` call, shared by its threads.
  private final class Work<State, T>: @unchecked Sendable {
    let makeState: () -> State, finish: (State) -> Void
    let body: (Int, inout State) -> T, merge: (inout T, T) -> Void
    let clock: UnitClock?
    init(
      makeState: @escaping () -> State, finish: @escaping (State) -> Void, body: @escaping (Int, inout State) -> T,
      merge: @escaping (inout T, T) -> Void, clock: UnitClock?
    ) {
      (self.makeState, self.finish, self.body, self.merge, self.clock) = (makeState, finish, body, merge, clock)
    }

    /// One thread's loop: take the next unit, run it, hand in its result.
    func run(units: Int, ledger: Ledger<T>) {
      var state = makeState()
      while let unit = ledger.take(units) {
        let start = clock == nil ? 0 : DispatchTime.now().uptimeNanoseconds
        let result = body(unit, &state)
        clock?.record(unit, seconds: Double(DispatchTime.now().uptimeNanoseconds - start) * 1e-9)
        ledger.handIn(unit, result, merge: merge)
      }
      finish(state)
    }
  }

  /// The next unit to take and the results waiting to be merged, under one lock.
  private final class Ledger<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0, merged = 0
    private var waiting: [Int: T] = [:]
    private(set) var total: T
    init(initial: T) { total = initial }

    func take(_ units: Int) -> Int? {
      lock.withLock {
        guard next < units else { return nil }
        defer { next += 1 }
        return next
      }
    }

    /// Stores `result` and merges every result now next in unit order.
    func handIn(_ unit: Int, _ result: T, merge: (inout T, T) -> Void) {
      lock.withLock {
        waiting[unit] = result
        while let ready = waiting.removeValue(forKey: merged) {
          merge(&total, ready)
          merged += 1
        }
      }
    }
  }
}

/// How long each work unit of a run took, by unit (``WorkUnits/clock``).
package final class UnitClock: @unchecked Sendable {
  private let lock = NSLock()
  private var times: [Int: Double] = [:]
  package init() {}

  func record(_ unit: Int, seconds: Double) { lock.withLock { times[unit] = seconds } }

  /// The units' times in unit order (units of the last run that used this clock).
  package var seconds: [Double] { lock.withLock { times.keys.sorted().map { times[$0]! } } }

  /// The share of `threads` threads' time spent working when they take these units in order,
  /// each the next one when free (list scheduling): total work ÷ (threads × finishing time).
  /// `grouping` units taken together model coarser units (16 fixed chunks of 256 units: 16).
  package func efficiency(threads: Int, grouping: Int = 1) -> Double {
    let units = seconds
    let groups = stride(from: 0, to: units.count, by: grouping).map { units[$0 ..< Swift.min($0 + grouping, units.count)].reduce(0, +) }
    var free = [Double](repeating: 0, count: threads)
    for g in groups {
      let k = free.indices.min { free[$0] < free[$1] }!
      free[k] += g
    }
    let total = groups.reduce(0, +)
    return total / (Double(threads) * (free.max() ?? 0))
  }
}
