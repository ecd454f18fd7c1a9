#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Darwin)
  @preconcurrency import Darwin
#endif

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
}
