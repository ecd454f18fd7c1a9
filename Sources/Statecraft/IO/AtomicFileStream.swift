import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A buffered text stream to a temporary file beside `path`, moved over `path` only by
/// ``commit()``: a failed or abandoned write never leaves a half-written output and never
/// destroys what was there.
///
///     let stream = try AtomicFileStream(path: "Output/world.graphml")
///     GraphML.write(world, to: &stream)
///     try stream.commit()
///
/// The target must be a regular file or not exist: a directory, a device, a FIFO or a
/// socket at `path` is refused before anything is written. ``commit()`` flushes, `fsync`s
/// and `rename`s, so readers see the old file or the whole new one. A write error (a full
/// disk, EIO) is kept and reported by ``commit()``, which then removes the temporary file.
/// This is the one writer every format and map uses. The path `-` means standard output.
public final class AtomicFileStream: TextOutputStream {
  /// The file being written (`-`: standard output).
  public let path: String
  private let temporaryPath: String
  /// The temporary file's slot in ``PendingFiles`` (removed on SIGINT/SIGTERM/SIGHUP).
  private var pendingSlot: Int?
  private let handle: FileHandle
  private var buffer: [UInt8] = []
  private var finished = false
  private var writeError: String?
  private let toStandardOutput: Bool

  public init(path: String) throws {
    self.path = path
    toStandardOutput = path == "-"
    if toStandardOutput {
      temporaryPath = ""
      handle = FileHandle.standardOutput
      return
    }
    try Self.requireWritableTarget(path)
    let url = URL(fileURLWithPath: path)
    let directory = url.deletingLastPathComponent()
    do {
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    } catch {
      throw OutputFileError(path: path, reason: "cannot create its directory; check the path and its permissions")
    }
    temporaryPath = directory.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp").path
    // Registered before it exists: a signal between creating and registering it would
    // leave the temporary file behind (unlinking a path not yet created is harmless).
    let slot = PendingFiles.register(temporaryPath)
    guard FileManager.default.createFile(atPath: temporaryPath, contents: nil),
      let handle = FileHandle(forWritingAtPath: temporaryPath)
    else {
      PendingFiles.unregister(slot)
      unlink(temporaryPath)
      throw OutputFileError(path: path, reason: "cannot create a file in its directory; check that it is writable")
    }
    self.handle = handle
    pendingSlot = slot
    buffer.reserveCapacity(1 << 20)
  }

  /// Throws unless `path` is absent or a regular file (following a symbolic link).
  public static func requireWritableTarget(_ path: String) throws {
    var info = stat()
    guard stat(path, &info) == 0 else { return }  // absent (or unreadable: creation will say)
    let type = info.st_mode & S_IFMT
    guard type == S_IFREG else {
      let what = type == S_IFDIR ? "a directory" : type == S_IFCHR || type == S_IFBLK ? "a device" : type == S_IFIFO ? "a FIFO" : "not a regular file"
      throw OutputFileError(path: path, reason: "is \(what); Statecraft only replaces regular files, so choose another output path")
    }
  }

  /// Appends text (buffered; written in 1 MiB blocks).
  public func write(_ string: String) {
    buffer.append(contentsOf: string.utf8)
    if buffer.count >= 1 << 20 { flush() }
  }

  /// Appends raw bytes.
  public func write(bytes: some Sequence<UInt8>) {
    buffer.append(contentsOf: bytes)
    if buffer.count >= 1 << 20 { flush() }
  }

  private func flush() {
    guard writeError == nil, !buffer.isEmpty else {
      buffer.removeAll(keepingCapacity: true)
      return
    }
    do {
      try handle.write(contentsOf: buffer)
    } catch {
      writeError = (error as NSError).localizedDescription
    }
    buffer.removeAll(keepingCapacity: true)
  }

  /// Finishes the file, makes it durable and moves it into place.
  ///
  /// - Throws: ``OutputFileError`` when any write failed or the rename is refused; the
  ///   temporary file is removed and the previous file at `path` is kept.
  public func commit() throws {
    flush()
    if toStandardOutput {
      finished = true
      if let writeError { throw OutputFileError(path: "standard output", reason: writeError) }
      return
    }
    if writeError == nil {
      do { try handle.synchronize() } catch { writeError = (error as NSError).localizedDescription }
    }
    try? handle.close()
    finished = true
    defer { PendingFiles.unregister(pendingSlot) }
    if let writeError {
      unlink(temporaryPath)
      throw OutputFileError(path: path, reason: "the write failed (\(writeError)); the previous file, if any, is unchanged")
    }
    do {
      try Self.requireWritableTarget(path)
    } catch {
      unlink(temporaryPath)
      throw error
    }
    guard rename(temporaryPath, path) == 0 else {
      let reason = String(cString: strerror(errno))
      unlink(temporaryPath)
      throw OutputFileError(path: path, reason: "cannot move the finished file into place (\(reason))")
    }
  }

  /// Drops the temporary file.
  public func abandon() {
    guard !finished, !toStandardOutput else { return }
    finished = true
    try? handle.close()
    unlink(temporaryPath)
    PendingFiles.unregister(pendingSlot)
  }

  deinit { abandon() }

  /// Writes a whole text atomically (see the type's notes).
  public static func write(_ text: String, to path: String) throws {
    let stream = try AtomicFileStream(path: path)
    stream.write(text)
    try stream.commit()
  }

  /// Writes whole bytes atomically (see the type's notes).
  public static func write(bytes: [UInt8], to path: String) throws {
    let stream = try AtomicFileStream(path: path)
    stream.write(bytes: bytes)
    try stream.commit()
  }
}

/// An output file could not be written.
public struct OutputFileError: Error, CustomStringConvertible {
  /// The output path.
  public var path: String
  /// What went wrong, in words a user can act on.
  public var reason: String

  public init(path: String, reason: String) {
    self.path = path
    self.reason = reason
  }

  public var description: String { "cannot write \(path): \(reason)" }
}
