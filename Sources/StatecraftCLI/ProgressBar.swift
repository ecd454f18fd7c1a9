import Foundation
import Statecraft

/// A progress bar on standard error, drawn only when it is a terminal (never into a pipe or
/// a file) and not silenced with `--quiet`; redrawn at most ten times a second and cleared
/// when done, so it never mixes with the report on standard output.
final class ProgressBar: @unchecked Sendable {
  private var total: Int
  private let label: String
  fileprivate let enabled: Bool
  private let lock = NSLock()
  private var lastDraw = 0.0
  private var drawn = false

  init(total: Int, label: String, quiet: Bool) {
    self.total = max(1, total)
    self.label = label
    enabled = !quiet && isatty(STDERR_FILENO) == 1
  }

  /// Records `done` of `total` units finished.
  func update(_ done: Int) { update(done, of: nil) }

  /// Records `done` units finished of a phase of `phaseTotal` units (a new phase when the
  /// total changes).
  func update(_ done: Int, of phaseTotal: Int?) {
    guard enabled else { return }
    lock.withLock {
      if let phaseTotal { total = max(1, phaseTotal) }
      let now = Date().timeIntervalSince1970
      guard now - lastDraw >= 0.1 || done >= total else { return }
      lastDraw = now
      let width = 30
      let filled = min(width, width * done / total)
      let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
      FileHandle.standardError.write(Data("\r\(label) \(bar) \(done)/\(total)".utf8))
      drawn = true
    }
  }

  /// Runs `body` with a library ``WorkProgress`` sink that draws this bar, then clears it: how
  /// commands show progress of all-pairs measures, conversions and imports.
  static func reporting<R>(_ label: String, quiet: Bool, _ body: () throws -> R) rethrows -> R {
    let bar = ProgressBar(total: 1, label: label, quiet: quiet)
    guard bar.enabled else { return try body() }
    defer { bar.finish() }
    return try WorkProgress.$current.withValue(WorkProgress { done, total in bar.update(done, of: total) }, operation: body)
  }

  /// Clears the bar's line.
  func finish() {
    guard enabled else { return }
    lock.withLock {
      if drawn { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
    }
  }
}
