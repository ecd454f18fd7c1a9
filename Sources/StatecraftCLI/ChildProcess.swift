import Foundation

/// Starting this executable again as a child (the layout children): `posix_spawn` with the
/// parent's environment, the Swift backtracer off (the parent reports a child's crash in
/// words; the backtracer would only add noise and, under AddressSanitizer, trips over its
/// stack) and file actions the caller sets.
enum ChildProcess {
  /// This executable's path, as the kernel knows it (`/proc/self/exe`), else `argv[0]`.
  static var executable: String {
    (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
  }

  /// Spawns `executable` with `arguments` (its own path first) and the environment plus
  /// `extra`; `configure` adds the descriptors the child gets. Returns the child's pid, or the
  /// `errno` of a failed spawn.
  static func spawn(
    _ executable: String, arguments: [String], environment extra: [String: String] = [:],
    configure: (inout posix_spawn_file_actions_t) -> Void
  ) -> Result<pid_t, SpawnError> {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    configure(&actions)
    var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
    defer { for p in argv { free(p) } }
    var environment = ProcessInfo.processInfo.environment
    environment["SWIFT_BACKTRACE"] = "enable=no"
    environment.merge(extra) { $1 }
    var envp: [UnsafeMutablePointer<CChar>?] = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { for p in envp { free(p) } }
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, executable, &actions, nil, &argv, &envp)
    return spawned == 0 ? .success(pid) : .failure(SpawnError(code: spawned))
  }

  /// A failed `posix_spawn`, with its error number.
  struct SpawnError: Error {
    /// The `errno` value `posix_spawn` returned.
    let code: Int32
    /// The system's words for it.
    var reason: String { String(cString: strerror(code)) }
  }
}
