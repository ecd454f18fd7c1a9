import Foundation

/// A file opened for reading with the checks every reader shares: a missing file, one without
/// permission and a directory are refused in words; FIFOs, process substitution and
/// character devices are read as streams. ``WorldIO`` reads worlds through it and the GDELT
/// importer its exports.
struct InputFile: ~Copyable {
  /// The path as given, for messages.
  let path: String
  /// The open descriptor.
  let fd: Int32
  /// The size of a regular file; `nil` for a stream.
  let size: Int?

  /// Opens `path` for reading.
  ///
  /// - Throws: ``GraphFileError/unreadable(file:reason:)`` naming what is wrong.
  init(_ path: String) throws {
    self.path = path
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else {
      switch errno {
      case ENOENT, ENOTDIR: throw GraphFileError.unreadable(file: path, reason: "no such file; check the path")
      case EACCES, EPERM: throw GraphFileError.unreadable(file: path, reason: "cannot be read; check its permissions")
      default: throw GraphFileError.unreadable(file: path, reason: "cannot be opened (\(String(cString: strerror(errno))))")
      }
    }
    var info = stat()
    guard fstat(fd, &info) == 0 else {
      close(fd)
      throw GraphFileError.unreadable(file: path, reason: "cannot be read (\(String(cString: strerror(errno))))")
    }
    if info.st_mode & S_IFMT == S_IFDIR {
      close(fd)
      throw GraphFileError.unreadable(file: path, reason: "is a directory; give a file")
    }
    self.fd = fd
    size = info.st_mode & S_IFMT == S_IFREG ? Int(info.st_size) : nil
  }

  deinit { close(fd) }

  /// Reads up to `buffer.count` bytes into `buffer`; 0 at the end.
  func read(into buffer: inout [UInt8]) throws -> Int {
    try buffer.withUnsafeMutableBufferPointer { try readRaw(into: $0) }
  }

  /// Reads up to `buffer.count` bytes into `buffer`; 0 at the end (retrying when interrupted).
  func readRaw(into buffer: UnsafeMutableBufferPointer<UInt8>) throws -> Int {
    while true {
      let n = Glibc.read(fd, buffer.baseAddress, buffer.count)
      if n >= 0 { return n }
      if errno == EINTR { continue }
      throw GraphFileError.unreadable(file: path, reason: "cannot be read (\(String(cString: strerror(errno))))")
    }
  }
}
