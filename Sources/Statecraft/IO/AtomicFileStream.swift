import Foundation

/// A buffered text stream to a temporary file beside `path`, renamed over `path` only by
/// ``commit()``: a failed or abandoned write never leaves a half-written output.
///
///     let stream = try AtomicFileStream(path: "Output/world.graphml")
///     GraphML.write(world, to: &stream)
///     try stream.commit()
public final class AtomicFileStream: TextOutputStream {
  public let path: String
  private let temporaryPath: String
  private let handle: FileHandle
  private var buffer: [UInt8] = []
  private var finished = false

  public init(path: String) throws {
    self.path = path
    let url = URL(fileURLWithPath: path)
    let directory = url.deletingLastPathComponent()
    do {
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    } catch {
      throw OutputFileError(path: path, reason: "cannot create its directory")
    }
    temporaryPath = directory.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp").path
    guard FileManager.default.createFile(atPath: temporaryPath, contents: nil),
      let handle = FileHandle(forWritingAtPath: temporaryPath)
    else {
      throw OutputFileError(path: path, reason: "cannot create a file in its directory")
    }
    self.handle = handle
    buffer.reserveCapacity(1 << 20)
  }

  public func write(_ string: String) {
    buffer.append(contentsOf: string.utf8)
    if buffer.count >= 1 << 20 { flush() }
  }

  private func flush() {
    handle.write(Data(buffer))
    buffer.removeAll(keepingCapacity: true)
  }

  /// Finishes the file and moves it into place.
  public func commit() throws {
    flush()
    try? handle.close()
    finished = true
    do {
      if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
      try FileManager.default.moveItem(atPath: temporaryPath, toPath: path)
    } catch {
      try? FileManager.default.removeItem(atPath: temporaryPath)
      throw OutputFileError(path: path, reason: "cannot move the finished file into place")
    }
  }

  /// Drops the temporary file.
  public func abandon() {
    guard !finished else { return }
    finished = true
    try? handle.close()
    try? FileManager.default.removeItem(atPath: temporaryPath)
  }

  deinit { abandon() }
}

/// An output file could not be written.
public struct OutputFileError: Error, CustomStringConvertible {
  public var path: String
  public var reason: String

  public init(path: String, reason: String) {
    self.path = path
    self.reason = reason
  }

  public var description: String { "cannot write \(path): \(reason); check the directory exists and is writable" }
}
