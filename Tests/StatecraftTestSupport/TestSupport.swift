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


/// Runs `body` with a new empty folder in the temporary directory and removes the folder
/// afterwards, whatever `body` does: tests write only inside their own folders.
public func withScratchFolder<T>(_ body: (String) throws -> T) throws -> T {
  let folder = FileManager.default.temporaryDirectory.appendingPathComponent("statecraft-test-\(UUID().uuidString)").path
  try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(atPath: folder) }
  return try body(folder)
}
