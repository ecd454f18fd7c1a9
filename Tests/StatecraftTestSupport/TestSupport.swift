import Foundation
import Testing

/// The repository root, found from this file's path, so tests can read `Graphs/`.
public let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The path of a file in `Graphs/`.
public func graphPath(_ name: String) -> String {
  repositoryRoot.appendingPathComponent("Graphs/\(name)").path
}

/// Compares text with `Golden/<name>` beside the calling test file; with
/// `STATECRAFT_RECORD=1` it rewrites the file instead (review the diff before committing).
public func expectMatchesGolden(
  _ text: String, named name: String, callerFile: String = #filePath,
  sourceLocation: SourceLocation = #_sourceLocation
) throws {
  let url = URL(fileURLWithPath: callerFile).deletingLastPathComponent().appendingPathComponent("Golden/\(name)")
  if ProcessInfo.processInfo.environment["STATECRAFT_RECORD"] == "1" {
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try text.write(to: url, atomically: true, encoding: .utf8)
    return
  }
  let golden = try String(contentsOf: url, encoding: .utf8)
  #expect(
    text == golden,
    "differs from \(url.path); rerun with STATECRAFT_RECORD=1 and review the diff",
    sourceLocation: sourceLocation)
}

/// Whether two vectors agree elementwise to `tolerance` (absolute, or relative for large values).
public func isApproximatelyEqual(_ a: [Double], _ b: [Double], tolerance: Double = 1e-9) -> Bool {
  a.count == b.count
    && zip(a, b).allSatisfy { abs($0 - $1) <= tolerance * Swift.max(1, abs($0), abs($1)) }
}


/// The one folder every test writes in: made once per test process in the system's
/// temporary directory and removed, with everything in it, when the process exits. Tests never
/// write anywhere else (standard output is `-o -`, devices and full disks live in a private
/// mount namespace).
public let scratchRoot: String = {
  var template = Array(FileManager.default.temporaryDirectory.appendingPathComponent("statecraft-tests-XXXXXX").path.utf8CString)
  guard let made = mkdtemp(&template) else { fatalError("cannot make a temporary folder for the tests") }
  let path = String(cString: made)
  scratchRootForExit = path
  atexit { if let root = scratchRootForExit { try? FileManager.default.removeItem(atPath: root) } }
  return path
}()

nonisolated(unsafe) private var scratchRootForExit: String?

/// A new empty folder inside ``scratchRoot`` (named after `label`, made unique), for a test
/// that wants its own; removed with the root at exit, or earlier by the caller.
public func scratchFolder(_ label: String = "test") throws -> String {
  let folder = scratchRoot + "/\(label)-\(UUID().uuidString)"
  try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
  return folder
}

/// Runs `body` with a new empty folder inside ``scratchRoot`` and removes the folder
/// afterwards, whatever `body` does.
public func withScratchFolder<T>(_ body: (String) throws -> T) throws -> T {
  let folder = try scratchFolder()
  defer { try? FileManager.default.removeItem(atPath: folder) }
  return try body(folder)
}
