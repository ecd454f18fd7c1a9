import Foundation

/// Per-chunk results written from concurrent workers, each slot by exactly one worker.
package final class ChunkSlots<T>: @unchecked Sendable {
  private var slots: [T?]
  private let lock = NSLock()

  package init(count: Int) { slots = Array(repeating: nil, count: count) }

  package func set(_ i: Int, _ value: T) { lock.withLock { slots[i] = value } }
  package func get(_ i: Int) -> T? { lock.withLock { slots[i] } }
  /// Replaces slot `i` by `transform` of its value, atomically, and returns the new value.
  package func update(_ i: Int, _ transform: (T?) -> T) -> T {
    lock.withLock {
      let value = transform(slots[i])
      slots[i] = value
      return value
    }
  }
}
