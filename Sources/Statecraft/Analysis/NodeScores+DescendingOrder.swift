import Foundation

extension NodeScores {
  /// The indices of `values` from largest to smallest. Values equal to 12 significant digits
  /// (``orderingKey(_:)``, so that floating-point noise cannot reorder them) keep index order;
  /// NaN comes last. Every ranking in the library (scores, score changes, leverage, series)
  /// orders through here, so they agree on ties.
  ///
  /// - Complexity: O(*n*): a stable radix sort on the keys' bit patterns
  ///   (``radixOrder(_:_:)``; from 262,144 values, two halves on two cores and a merge), so
  ///   a million leverage entries rank in milliseconds; small inputs use a comparison sort.
  static func descendingOrder(_ values: [Double]) -> [Int] {
    descendingOrder(keys: descendingKeys(values))
  }

  /// The sort keys behind ``descendingOrder(_:)``: an order-preserving map of each value (to
  /// 12 significant digits) to UInt64, inverted so ascending keys are descending values; −0 is
  /// 0 and NaN sorts after −∞.
  ///
  /// - Complexity: O(*n*), on every core from 65,536 values (each key is its own, so the
  ///   keys are the same on any number of cores).
  static func descendingKeys(_ values: [Double]) -> [UInt64] {
    [UInt64](unsafeUninitializedCapacity: values.count) { buffer, initialized in
      let units = values.count < 1 << 16 ? 1 : WorkUnits.count(values.count)
      let keys = buffer.baseAddress
      WorkUnits.reduce(units: units, initial: (), state: {}) { unit, _ in
        for i in WorkUnits.range(unit, of: units, items: values.count) { keys![i] = descendingKey(values[i]) }
      } merge: { _, _ in }
      initialized = values.count
    }
  }

  /// One value's key in ``descendingKeys(_:)``.
  static func descendingKey(_ value: Double) -> UInt64 {
    let x = orderingKey(value)
    if x.isNaN { return .max }
    let bits = (x == 0 ? 0.0 : x).bitPattern
    let ascending = bits >> 63 == 1 ? ~bits : bits | (1 << 63)
    return ~ascending
  }

  /// The first `k` indices of ``descendingOrder(keys:)``, without ordering the rest: the `k`
  /// smallest (key, index) pairs kept in a bounded max-heap, then sorted.
  /// - Complexity: O(*n* log *k*), on every core from 262,144 keys.
  static func descendingPrefix(_ k: Int, keys: [UInt64]) -> [Int] {
    guard k < keys.count else { return descendingOrder(keys: keys) }
    guard k > 0 else { return [] }
    // Large: the best k of each of eight units, on every core; the best k of theirs are the
    // best k of all ((key, index) orders every item, so the split cannot change them).
    guard keys.count < 1 << 18 else {
      let units = 8
      let best = WorkUnits.reduce(units: units, initial: [Int](), state: {}) { unit, _ in
        descendingPrefix(k, keys: keys, in: WorkUnits.range(unit, of: units, items: keys.count))
      } merge: { $0 += $1 }
      return Array(best.sorted { ranksAfter($1, $0, keys) }.prefix(k))
    }
    return descendingPrefix(k, keys: keys, in: keys.indices)
  }

  /// Whether index `a` ranks after index `b` in ``descendingOrder(keys:)`` (larger key, or the
  /// same key and a later index).
  private static func ranksAfter(_ a: Int, _ b: Int, _ keys: [UInt64]) -> Bool { keys[a] != keys[b] ? keys[a] > keys[b] : a > b }

  /// ``descendingPrefix(_:keys:)`` of the indices in `range`, on one thread: the `k` smallest
  /// (key, index) pairs kept in a bounded max-heap, then sorted.
  private static func descendingPrefix(_ k: Int, keys: [UInt64], in range: Range<Int>) -> [Int] {
    // A max-heap on (key, index): its root is the worst of the best k so far.
    func worse(_ a: Int, _ b: Int) -> Bool { ranksAfter(a, b, keys) }
    var heap: [Int] = []
    heap.reserveCapacity(k)
    func siftDown(_ start: Int) {
      var i = start
      while true {
        let (l, r) = (2 * i + 1, 2 * i + 2)
        var top = i
        if l < heap.count && worse(heap[l], heap[top]) { top = l }
        if r < heap.count && worse(heap[r], heap[top]) { top = r }
        if top == i { return }
        heap.swapAt(i, top)
        i = top
      }
    }
    for index in range {
      if heap.count < k {
        heap.append(index)
        var i = heap.count - 1
        while i > 0 && worse(heap[i], heap[(i - 1) / 2]) {
          heap.swapAt(i, (i - 1) / 2)
          i = (i - 1) / 2
        }
      } else if worse(heap[0], index) {
        heap[0] = index
        siftDown(0)
      }
    }
    return heap.sorted { worse($1, $0) }
  }

  /// ``descendingOrder(_:)`` on keys already made by ``descendingKeys(_:)``.
  static func descendingOrder(keys: [UInt64]) -> [Int] {
    guard keys.count > 512 else {
      return keys.indices.sorted { keys[$0] != keys[$1] ? keys[$0] < keys[$1] : $0 < $1 }
    }
    guard keys.count >= 1 << 18 else { return radixOrder(keys, keys.indices) }
    // Large: the two halves on two cores, then one stable merge (ties: the left half first,
    // which is index order), the same order as one sort.
    let middle = keys.count / 2
    let halves = ChunkSlots<[Int]>(count: 2)
    DispatchQueue.concurrentPerform(iterations: 2) { half in
      halves.set(half, radixOrder(keys, half == 0 ? 0 ..< middle : middle ..< keys.count))
    }
    let left = halves.get(0)!, right = halves.get(1)!
    var order: [Int] = []
    order.reserveCapacity(keys.count)
    var i = 0, j = 0
    while i < left.count && j < right.count {
      if keys[right[j]] < keys[left[i]] {
        order.append(right[j])
        j += 1
      } else {
        order.append(left[i])
        i += 1
      }
    }
    order += left[i...]
    order += right[j...]
    return order
  }

  /// The indices in `range` ordered by ascending key, stably: a least-significant-digit
  /// radix sort with 11-bit digits, so the counters stay in cache; digits every key shares
  /// are skipped.
  private static func radixOrder(_ keys: [UInt64], _ range: Range<Int>) -> [Int] {
    var order = Array(range)
    var scratch = order
    let bits = 11, mask = (1 << bits) - 1
    var counts = [Int](repeating: 0, count: 1 << bits)
    for shift in stride(from: 0, to: 64, by: bits) {
      for i in counts.indices { counts[i] = 0 }
      for index in range { counts[Int(truncatingIfNeeded: keys[index] >> UInt64(shift)) & mask] += 1 }
      if counts.contains(range.count) { continue }  // every key has this digit
      var start = 0
      for i in counts.indices {
        let c = counts[i]
        counts[i] = start
        start += c
      }
      for index in order {
        let digit = Int(truncatingIfNeeded: keys[index] >> UInt64(shift)) & mask
        scratch[counts[digit]] = index
        counts[digit] += 1
      }
      swap(&order, &scratch)
    }
    return order
  }
}
