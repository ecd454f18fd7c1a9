import ArgumentParser
import Foundation
import Statecraft

/// `--time-limit` for commands whose work cannot stop halfway with a partial answer (exact
/// betweenness on 20,000 actors, a scenario file of many scenarios): a timer that, when the
/// limit passes, removes any half-written output, says what ran out and what to try, and
/// ends the process with status 1. Nothing is printed before the work is done, so no partial
/// table reaches standard output.
enum TimeLimit {
  /// Starts the timer; `what` names the work and `hint` what to try instead.
  static func start(seconds: Double?, what: String, hint: String) {
    guard let seconds else { return }
    PendingFiles.prepare()
    let timer = DispatchSource.makeTimerSource(queue: .global())
    timer.schedule(deadline: .now() + seconds)
    timer.setEventHandler {
      PendingFiles.removeAll()
      FileHandle.standardError.write(Data("Error: \(what) ran past --time-limit (\(String(format: "%g", seconds)) s) and was stopped; \(hint)\n".utf8))
      _exit(1)
    }
    timer.resume()
    running = timer
  }

  /// Throws unless `seconds` is a positive number up to a year.
  static func validate(_ seconds: Double?) throws {
    if let seconds, !(seconds > 0 && seconds <= 31_536_000) {
      throw ValidationError("--time-limit must be a positive number of seconds up to a year (31536000), got \(seconds).")
    }
  }

  /// The timer, kept alive until the process ends.
  nonisolated(unsafe) private static var running: DispatchSourceTimer?
}
