import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Temporary files and folders being written, removed if the process is killed by a signal
/// whose default is to terminate (SIGINT, SIGTERM, SIGHUP, SIGPIPE, SIGUSR1, SIGUSR2) so that a
/// killed `convert` leaves no hidden half-written file behind, and a killed `render` no layout
/// folder.
///
/// The signal handler only reads fixed tables of C strings and calls `unlink` and `rmdir`
/// (files first, then folders), all async-signal-safe, then re-raises the signal with its
/// default action. The handlers are
/// installed the first time a file is registered (by ``AtomicFileStream``), and only for
/// signals still at their default: a signal the parent ignored (`nohup` ignores SIGHUP) stays
/// ignored. SIGXFSZ (a file-size limit, `ulimit -f`) is ignored so that the write fails with
/// EFBIG and is reported as an error instead of killing the process silently.
public enum PendingFiles {
  static let capacity = 64
  /// The table the handler reads: one C string per slot, or nil.
  nonisolated(unsafe) private static let slots: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> = {
    let table = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: capacity)
    table.initialize(repeating: nil, count: capacity)
    return table
  }()
  /// Per slot: whether it names a folder (removed with `rmdir` after every file).
  nonisolated(unsafe) private static let isFolder: UnsafeMutablePointer<Bool> = {
    let table = UnsafeMutablePointer<Bool>.allocate(capacity: capacity)
    table.initialize(repeating: false, count: capacity)
    return table
  }()
  private static let lock = NSLock()
  nonisolated(unsafe) private static var installed = false

  /// Registers a temporary file; returns its slot (nil when the table is full: the file is
  /// then only removed by normal error handling).
  public static func register(_ path: String, folder: Bool = false) -> Int? {
    lock.withLock {
      install()
      for i in 0 ..< capacity where slots[i] == nil {
        isFolder[i] = folder
        slots[i] = strdup(path)
        return i
      }
      return nil
    }
  }

  /// Removes every registered file, then every registered folder, as the signal handler
  /// does: for a process about to end on its own terms (a `--time-limit`).
  public static func removeAll() {
    lock.withLock {
      for i in 0 ..< capacity where !isFolder[i] {
        if let p = slots[i] { unlink(p) }
      }
      for i in 0 ..< capacity where isFolder[i] {
        if let p = slots[i] { rmdir(p) }
      }
    }
  }

  /// Installs the handlers (and ignores SIGXFSZ) before anything is written; registering a
  /// file does this too.
  public static func prepare() { lock.withLock { install() } }

  /// Forgets a slot (the file was committed or removed).
  public static func unregister(_ slot: Int?) {
    guard let slot else { return }
    lock.withLock {
      let p = slots[slot]
      slots[slot] = nil
      free(p)
    }
  }

  /// The terminating signals whose default action the cleanup handler replaces.
  static let handled: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGPIPE, SIGUSR1, SIGUSR2]

  private static func install() {
    guard !installed else { return }
    installed = true
    _ = slots  // initialize the table before any handler can run
    var current = sigaction()
    if sigaction(SIGXFSZ, nil, &current) == 0, current.__sigaction_handler.sa_handler == nil {
      signal(SIGXFSZ, SIG_IGN)
    }
    for sig in handled {
      // Keep a disposition someone chose (ignored under nohup, or a handler of the host).
      var old = sigaction()
      guard sigaction(sig, nil, &old) == 0, old.__sigaction_handler.sa_handler == nil else { continue }
      var action = sigaction()
      action.__sigaction_handler.sa_handler = { sig in
        for i in 0 ..< PendingFiles.capacity where !PendingFiles.isFolder[i] {
          if let p = PendingFiles.slots[i] { unlink(p) }
        }
        for i in 0 ..< PendingFiles.capacity where PendingFiles.isFolder[i] {
          if let p = PendingFiles.slots[i] { rmdir(p) }
        }
        signal(sig, SIG_DFL)
        raise(sig)
      }
      sigemptyset(&action.sa_mask)
      action.sa_flags = 0
      sigaction(sig, &action, nil)
    }
    // A parent may have started us with these signals blocked (threads of a test runner do);
    // an interrupted write must still clean up.
    var set = sigset_t()
    sigemptyset(&set)
    for sig in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&set, sig) }
    pthread_sigmask(SIG_UNBLOCK, &set, nil)
  }
}
