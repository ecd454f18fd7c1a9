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
/// What the path names decides how it is written:
/// - a regular file, or nothing: a temporary file beside it, flushed, `fsync`ed and renamed
///   over it, so readers see the old file or the whole new one. A file being replaced keeps
///   its permission bits (and its owner, where allowed); a file we may not write (mode 0444)
///   is refused, as `cp` refuses without `-f`;
/// - a symbolic link: the file it points to is replaced (the temporary file beside *it*) and
///   the link stays a link;
/// - standard output spelled as a path (`-`, `/dev/stdout`, `/dev/fd/1`, `/proc/self/fd/1`),
///   a FIFO or a character device (`/dev/null`, a terminal): written directly, with no
///   temporary file and no rename, as every Unix tool writes them;
/// - a directory, a socket or a block device: refused before anything is written.
///
/// A write error (a full disk, EIO, EFBIG under `ulimit -f`) is kept and reported by
/// ``commit()``, which then removes the temporary file. This is the one writer every format
/// and map uses.
public final class AtomicFileStream: TextOutputStream {
  /// The file being written (`-`: standard output).
  public let path: String
  /// Where the temporary file goes and what it replaces: `path`, or the target of its link.
  private let targetPath: String
  private let temporaryPath: String
  /// The temporary file's slot in ``PendingFiles`` (removed on a terminating signal).
  private var pendingSlot: Int?
  private let handle: FileHandle
  private var buffer: [UInt8] = []
  private var finished = false
  private var writeError: String?
  /// Written in place (standard output, a FIFO, a device): no temporary file, no rename.
  private let direct: Bool
  /// The replaced file's mode and owner, given to the new file.
  private let keep: (mode: mode_t, uid: uid_t, gid: gid_t)?

  /// The spellings of standard output that name it as a path.
  public static let standardOutputPaths: Set<String> = ["-", "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"]

  /// Opens a stream to `path`; throws ``OutputFileError`` when it cannot be written.
  public init(path: String) throws {
    self.path = path
    if Self.standardOutputPaths.contains(path) {
      (targetPath, temporaryPath, direct, keep) = (path, "", true, nil)
      handle = FileHandle.standardOutput
      return
    }
    // Another open descriptor spelled as a path (/dev/stderr, /dev/fd/N, /proc/self/fd/N,
    // process substitution): write to a copy of that descriptor, as the shell set it up
    // (appending, a pipe), never by following its link to a file name.
    if let fd = Self.descriptor(named: path) {
      let copy = dup(fd)
      guard copy >= 0 else { throw OutputFileError(path: path, reason: "is not an open file descriptor of this process") }
      (targetPath, temporaryPath, direct, keep) = (path, "", true, nil)
      handle = FileHandle(fileDescriptor: copy, closeOnDealloc: true)
      return
    }
    let target = try Self.resolvedTarget(path)
    targetPath = target
    switch try Self.kind(of: target, named: path) {
    case .stream:
      guard let h = FileHandle(forWritingAtPath: target) else {
        throw OutputFileError(path: path, reason: "cannot be opened for writing; check its permissions")
      }
      (temporaryPath, direct, keep) = ("", true, nil)
      handle = h
      return
    case let .regular(info):
      keep = info.map { ($0.st_mode & 0o7777, $0.st_uid, $0.st_gid) }
    }
    direct = false
    let url = URL(fileURLWithPath: target)
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
    if let keep {
      fchmod(handle.fileDescriptor, keep.mode)
      _ = fchown(handle.fileDescriptor, keep.uid, keep.gid)  // allowed only to root or the owner; best effort
    }
    self.handle = handle
    pendingSlot = slot
    buffer.reserveCapacity(1 << 20)
  }

  /// What an output path holds, for choosing how to write it.
  enum TargetKind {
    /// A regular file (its status), or nothing yet (`nil`): replaced through a temporary file.
    case regular(stat?)
    /// A FIFO or a character device: written in place.
    case stream
  }

  /// The file a path finally names: itself, or the end of its chain of symbolic links (a
  /// dangling link names the file it would create).
  static func resolvedTarget(_ path: String) throws -> String {
    var current = path
    for _ in 0 ..< 40 {
      var info = stat()
      guard lstat(current, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return current }
      var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
      let n = readlink(current, &buffer, buffer.count - 1)
      guard n > 0 else { return current }
      let link = String(decoding: buffer[0 ..< n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
      // A relative target is relative to the link's real folder: resolve the folder with the
      // file system (realpath), not as text, which folds "dir/.." wrongly through a linked dir.
      guard !link.hasPrefix("/") else { current = link; continue }
      let folder = (current as NSString).deletingLastPathComponent
      let real = realpath(folder.isEmpty ? "." : folder, nil).map { p in defer { free(p) }; return String(cString: p) } ?? folder
      current = real + "/" + link
    }
    throw OutputFileError(path: path, reason: "is a chain of more than 40 symbolic links (a loop?); name the file itself")
  }

  /// The descriptor a path names when it is one of this process's open descriptors
  /// (`/dev/stderr`, `/dev/fd/N`, `/proc/self/fd/N`), else `nil`.
  static func descriptor(named path: String) -> Int32? {
    if path == "/dev/stderr" { return 2 }
    for prefix in ["/dev/fd/", "/proc/self/fd/"] where path.hasPrefix(prefix) {
      return Int32(path.dropFirst(prefix.count))
    }
    return nil
  }

  /// Classifies a resolved target; throws for what Statecraft never writes to.
  static func kind(of target: String, named path: String) throws -> TargetKind {
    var info = stat()
    guard stat(target, &info) == 0 else { return .regular(nil) }  // absent (or unreadable: creation will say)
    switch info.st_mode & S_IFMT {
    case S_IFREG:
      // Root may write anything, but a file its owner made read-only is a request: keep it.
      let ownerReadOnly = info.st_uid == geteuid() && info.st_mode & S_IWUSR == 0
      guard access(target, W_OK) == 0, !ownerReadOnly else {
        throw OutputFileError(path: path, reason: "is read-only; Statecraft does not replace a file you may not write (make it writable or choose another path)")
      }
      return .regular(info)
    case S_IFIFO, S_IFCHR: return .stream
    case let type:
      let what = type == S_IFDIR ? "a directory" : type == S_IFBLK ? "a block device" : type == S_IFSOCK ? "a socket" : "not a regular file"
      throw OutputFileError(path: path, reason: "is \(what); choose a file path for the output")
    }
  }

  /// Throws unless `path` can be written: absent, a writable regular file (through links), a
  /// FIFO, a character device or standard output.
  public static func requireWritableTarget(_ path: String) throws {
    guard !standardOutputPaths.contains(path) else { return }
    _ = try kind(of: try resolvedTarget(path), named: path)
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
    writeError = Self.writeAll(buffer, to: handle.fileDescriptor)
    buffer.removeAll(keepingCapacity: true)
  }

  /// Writes every byte with write(2), retrying short writes and EINTR; the system's reason
  /// on failure ("File too large" under `ulimit -f`, "No space left on device", "Bad file
  /// descriptor" for a closed standard output), never a Foundation error code.
  private static func writeAll(_ bytes: [UInt8], to fd: Int32) -> String? {
    var offset = 0
    while offset < bytes.count {
      let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
      if n < 0 {
        if errno == EINTR { continue }
        return String(cString: strerror(errno))
      }
      offset += n
    }
    return nil
  }

  /// Finishes the file, makes it durable and moves it into place.
  ///
  /// - Throws: ``OutputFileError`` when any write failed or the rename is refused; the
  ///   temporary file is removed and the previous file at `path` is kept.
  public func commit() throws {
    flush()
    if direct {
      finished = true
      if handle !== FileHandle.standardOutput { try? handle.close() }
      if let writeError { throw OutputFileError(path: Self.standardOutputPaths.contains(path) ? "standard output" : path, reason: writeError) }
      return
    }
    if writeError == nil {
      if fsync(handle.fileDescriptor) != 0 { writeError = String(cString: strerror(errno)) }
    }
    try? handle.close()
    finished = true
    defer { PendingFiles.unregister(pendingSlot) }
    if let writeError {
      unlink(temporaryPath)
      throw OutputFileError(path: path, reason: "the write failed (\(writeError)); the previous file, if any, is unchanged")
    }
    do {
      guard case .regular = try Self.kind(of: targetPath, named: path) else {
        throw OutputFileError(path: path, reason: "became a FIFO or device while it was being written; nothing was replaced")
      }
    } catch {
      unlink(temporaryPath)
      throw error
    }
    guard rename(temporaryPath, targetPath) == 0 else {
      let reason = String(cString: strerror(errno))
      unlink(temporaryPath)
      throw OutputFileError(path: path, reason: "cannot move the finished file into place (\(reason))")
    }
  }

  /// Drops the temporary file.
  public func abandon() {
    guard !finished, !direct else { return }
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

  /// An error for `path` with the reason it could not be written.
  public init(path: String, reason: String) {
    self.path = path
    self.reason = reason
  }

  public var description: String { "cannot write \(path): \(reason)" }
}
