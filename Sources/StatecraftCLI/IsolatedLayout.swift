import ArgumentParser
import Foundation
import Statecraft
import StatecraftRender

#if canImport(Glibc)
  import Glibc
#endif

/// Runs a Graphviz layout in a child process (this same binary, `statecraft _layout`), so
/// that a layout that crashes (sfdp has segfaulted in libpathplan), runs away or exhausts
/// memory becomes a clear error instead of taking the CLI down.
///
/// The child reads DOT from a file, limits its own address space, renders, and writes the
/// bytes to a file the parent reads; the parent kills it at the deadline.
enum IsolatedLayout {
  /// Defaults: two minutes and 4 GiB of address space.
  static let defaultDeadline = 120.0
  static let defaultMemoryLimit: UInt64 = 4 << 30

  /// Lays out and renders `dot` in a child process.
  ///
  /// - Throws: ``LayoutFailure`` when the child crashes, runs past `deadline` seconds or
  ///   reports a Graphviz error.
  static func render(
    dot: String, engine: LayoutEngine, format: OutputFormat, deadline: Double = defaultDeadline,
    memoryLimit: UInt64 = defaultMemoryLimit
  ) throws -> [UInt8] {
    if format == .dot { return Array(dot.utf8) }
    removeStaleFolders()
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("\(folderPrefix)\(getpid())-\(UInt64.random(in: 0 ... .max))")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let input = dir.appendingPathComponent("map.dot").path
    let output = dir.appendingPathComponent("map.out").path
    let errors = dir.appendingPathComponent("errors.txt").path
    // Killed by a signal, this process still removes the folder and what is in it.
    let slots = [PendingFiles.register(dir.path, folder: true)] + [input, output, errors].map { PendingFiles.register($0) }
    defer {
      try? FileManager.default.removeItem(at: dir)
      for slot in slots { PendingFiles.unregister(slot) }
    }
    try AtomicFileStream.write(dot, to: input)

    let executable = ChildProcess.executable
    let arguments = [executable, "_layout", input, output, "--engine", engine.rawValue, "--format", format.rawValue,
                     "--memory-limit", String(memoryLimit), "--parent", String(getpid()), "--deadline", String(deadline)]
    let spawned = ChildProcess.spawn(executable, arguments: arguments) { actions in
      posix_spawn_file_actions_addopen(&actions, 2, errors, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
      posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    }
    let pid: pid_t
    switch spawned {
    case let .success(child): pid = child
    case let .failure(error): throw LayoutFailure(reason: "could not start the layout process (\(error.reason))", engine: engine)
    }
    let status = try wait(for: pid, deadline: deadline, engine: engine)
    let message = ((try? String(contentsOfFile: errors, encoding: .utf8)) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    let signaled = status & 0x7F
    if signaled != 0 {
      let name = signaled == SIGSEGV ? "a segmentation fault" : signaled == SIGABRT ? "an abort" : signaled == SIGKILL ? "a kill (out of memory?)" : "signal \(signaled)"
      throw LayoutFailure(reason: "Graphviz's \(engine.rawValue) layout died with \(name)", engine: engine)
    }
    let code = (status >> 8) & 0xFF
    guard code == 0 else {
      throw LayoutFailure(reason: message.isEmpty ? "the layout process failed (exit \(code))" : message, engine: engine)
    }
    return Array(try Data(contentsOf: URL(fileURLWithPath: output)))
  }
}

extension IsolatedLayout {
  /// Waits for the layout child, advancing ``WorkProgress/current`` by the seconds spent
  /// (Graphviz reports no progress), and kills it past `deadline` seconds; returns its wait
  /// status.
  static func wait(for pid: pid_t, deadline: Double, engine: LayoutEngine) throws -> Int32 {
    let start = Date()
    var status: Int32 = 0
    // Graphviz reports no progress; the bar shows the seconds spent against the deadline.
    let progress = WorkProgress.current
    progress?.begin(Int(deadline))
    var reported = 0
    while true {
      let done = waitpid(pid, &status, WNOHANG)
      if done == pid { break }
      let elapsed = Int(Date().timeIntervalSince(start))
      if elapsed > reported {
        progress?.advance(elapsed - reported)
        reported = elapsed
      }
      if Date().timeIntervalSince(start) > deadline {
        kill(pid, SIGKILL)
        waitpid(pid, &status, 0)
        throw LayoutFailure(reason: "the \(engine.rawValue) layout ran past \(Int(deadline)) s and was stopped", engine: engine)
      }
      usleep(20_000)
    }
    return status
  }
}

extension IsolatedLayout {
  /// The name every layout folder starts with, followed by the owning process's id.
  static let folderPrefix = "statecraft-layout-"

  /// Removes layout folders left by processes that no longer run (killed with SIGKILL, which
  /// no handler sees): `statecraft-layout-<pid>-<n>` whose pid is gone.
  static func removeStaleFolders() {
    let tmp = FileManager.default.temporaryDirectory
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: tmp.path) else { return }
    for name in names where name.hasPrefix(folderPrefix) {
      guard let pid = Int32(name.dropFirst(folderPrefix.count).prefix { $0 != "-" }), pid != getpid() else { continue }
      if kill(pid, 0) != 0 && errno == ESRCH { try? FileManager.default.removeItem(at: tmp.appendingPathComponent(name)) }
    }
  }
}

/// A layout that failed in its child process; the message says what to try next.
struct LayoutFailure: Error, CustomStringConvertible {
  var reason: String
  var engine: LayoutEngine
  /// Whether the layout process died (rather than timing out or reporting an error).
  var crashed = false
  var description: String {
    "\(reason). The map was not written. Try --top N to draw fewer actors, another engine (--engine "
      + (engine == .dot ? "sfdp" : "dot") + "), or --format dot to get the DOT text and lay it out elsewhere."
  }
}

extension StatecraftCommand {
  /// The child side of ``IsolatedLayout`` (not listed in help).
  struct LayoutChild: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "_layout", shouldDisplay: false)

    @Argument var input: String
    @Argument var output: String
    @Option var engine: String
    @Option var format: String
    @Option var memoryLimit: UInt64 = IsolatedLayout.defaultMemoryLimit
    @Option var parent: Int32?
    @Option var deadline: Double?

    /// What every layout child does first: never outlive the parent or the deadline (a parent
    /// killed with SIGKILL cannot stop its child, which was re-parented and ran on past its own
    /// timeout), and cap its address space.
    static func limit(parent: Int32?, deadline: Double?, memoryLimit: UInt64) {
      if let parent {
        let limit = deadline.map { Date().addingTimeInterval($0 + 1) }
        Thread.detachNewThread {
          while true {
            if getppid() != parent || limit.map({ Date() > $0 }) ?? false { _exit(3) }
            usleep(200_000)
          }
        }
      }
      // Address and thread sanitizers reserve terabytes of shadow address space, so a build
      // under them (Scripts/sanitizers.sh) cannot run with an address-space cap at all.
      if dlsym(UnsafeMutableRawPointer(bitPattern: 0), "__asan_init") == nil
        && dlsym(UnsafeMutableRawPointer(bitPattern: 0), "__tsan_init") == nil
      {
        var limit = rlimit(rlim_cur: rlim_t(memoryLimit), rlim_max: rlim_t(memoryLimit))
        _ = setrlimit(Int32(RLIMIT_AS.rawValue), &limit)
      }
    }

    func run() throws {
      Self.limit(parent: parent, deadline: deadline, memoryLimit: memoryLimit)
      // Fault injection for the tests of the parent's guard (a crash, a hang).
      switch ProcessInfo.processInfo.environment["STATECRAFT_LAYOUT_FAULT"] {
      case "crash": UnsafeMutablePointer<Int>(bitPattern: 8)!.pointee = 1  // a real segmentation fault
      case "hang": while true { sleep(1) }
      default: break
      }
      guard let engine = LayoutEngine(rawValue: engine), let format = OutputFormat(rawValue: format) else {
        throw ValidationError("unknown engine or format")
      }
      let dot = try String(contentsOfFile: input, encoding: .utf8)
      let bytes = try GraphvizRenderer.render(dot: dot, engine: engine, format: format)
      try Data(bytes).write(to: URL(fileURLWithPath: output))
    }
  }
}
