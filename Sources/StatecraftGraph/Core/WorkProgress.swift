import Foundation

/// Where long computations report how far they are: all-pairs measures (one unit per
/// source), conversions and imports (one unit per relation or row).
///
/// A computation reads ``WorkProgress/current`` once on the calling thread and reports from any
/// thread; a client that wants progress sets it around the call, for example the CLI's
/// progress bar:
///
///     let sink = WorkProgress(total: 0) { done, total in bar.update(done, of: total) }
///     try WorkProgress.$current.withValue(sink) { try g.betweenness() }
///
/// With no sink set (the default) reporting costs one nil check.
public final class WorkProgress: @unchecked Sendable {
  /// The sink for computations started in this task, if any.
  @TaskLocal public static var current: WorkProgress?

  private let report: @Sendable (Int, Int) -> Void
  private let lock = NSLock()
  private var done = 0
  private var total = 0

  /// A sink that forwards `(done, total)` to `report` (from any thread, serialized).
  /// - Complexity: O(1).
  public init(report: @escaping @Sendable (_ done: Int, _ total: Int) -> Void) {
    self.report = report
  }

  /// Starts a phase of `total` units.
  /// - Complexity: O(1) plus the sink's report, under a lock.
  public func begin(_ total: Int) {
    lock.withLock {
      self.total = total
      done = 0
      report(0, total)
    }
  }

  /// Records `units` more units finished.
  /// - Complexity: O(1) plus the sink's report, under a lock.
  public func advance(_ units: Int = 1) {
    lock.withLock {
      done += units
      report(done, total)
    }
  }
}

extension WorkProgress {
  /// `collection`, reporting its elements to ``current`` as they are visited (one phase of
  /// `collection.count` units, reported every 4,096 elements). Writers and readers loop over
  /// `WorkProgress.tracking(world.relations)` so conversions show progress.
  /// - Complexity: O(1); iterating adds O(1) per element.
  public static func tracking<C: Collection>(_ collection: C) -> TrackedCollection<C> {
    let sink = current
    sink?.begin(collection.count)
    return TrackedCollection(base: collection, sink: sink)
  }
}

/// A collection's elements, reported to a ``WorkProgress`` as they are visited.
public struct TrackedCollection<Base: Collection>: Sequence {
  let base: Base
  let sink: WorkProgress?

  /// Visits the base collection's elements, reporting every 4,096 and the rest at the end.
  public struct Iterator: IteratorProtocol {
    var inner: Base.Iterator
    let sink: WorkProgress?
    var visited = 0

    /// The next element, or `nil` (after reporting the elements not yet reported).
    /// - Complexity: O(1) amortized (a report every 4,096 elements).
    public mutating func next() -> Base.Element? {
      guard let element = inner.next() else {
        sink?.advance(visited & 4095)
        return nil
      }
      visited += 1
      if visited & 4095 == 0 { sink?.advance(4096) }
      return element
    }
  }

  /// An iterator that reports to the sink captured when the collection was wrapped.
  /// - Complexity: O(1).
  public func makeIterator() -> Iterator { Iterator(inner: base.makeIterator(), sink: sink) }
}
