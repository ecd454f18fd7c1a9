#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Darwin)
  @preconcurrency import Darwin
#endif
import Foundation
import Statecraft

/// Standard output's fate once a command is done: everything it printed must have reached its
/// destination. A full disk or `> /dev/full` loses the bytes silently unless the buffer's final
/// flush and the stream's error flag are checked, which the process exit does not do.
public enum StandardOutput {
  /// Flushes standard output; `nil` when every byte was written, else the reason it was not.
  public static func finish() -> String? {
    let flushed = fflush(stdout) == 0
    let code = errno
    guard flushed, ferror(stdout) == 0 else {
      return String(cString: strerror(flushed ? EIO : code))
    }
    return nil
  }

  /// Whether writing to `path` writes to standard output: `-`, `/dev/stdout`, `/dev/fd/1`,
  /// `/proc/self/fd/1`, or any path naming the same file as descriptor 1.
  static func isStandardOutput(_ path: String) -> Bool {
    if AtomicFileStream.standardOutputPaths.contains(path) { return true }
    var out = stat(), target = stat()
    guard fstat(1, &out) == 0, stat(path, &target) == 0 else { return false }
    return out.st_dev == target.st_dev && out.st_ino == target.st_ino
  }

  /// Prints a "wrote …" status line: on standard error when one of `outputs` is standard
  /// output (the line must not land inside the data), else on standard output.
  static func status(_ message: String, writing outputs: [String]) {
    if outputs.contains(where: isStandardOutput) {
      FileHandle.standardError.write(Data((message + "\n").utf8))
    } else {
      print(message)
    }
  }
}
