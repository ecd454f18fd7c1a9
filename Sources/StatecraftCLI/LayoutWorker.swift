import ArgumentParser
import Foundation
import Statecraft
import StatecraftRender

#if canImport(Glibc)
  import Glibc
#endif

/// Long-lived layout children for the explorer: the isolation of ``IsolatedLayout`` (a crash,
/// a runaway layout or a memory blow-up is an error, not the end of the server) without
/// starting a process per map. Starting `statecraft _layout` cost about 20 ms of every edit;
/// a worker answers a seed map in about 2 ms.
///
/// Workers are kept idle between requests (at most ``LayoutWorkerPool/keep``); one that
/// crashed, ran past its deadline or answered ``LayoutWorker/recycleAfter`` maps is replaced.
final class LayoutWorkerPool: @unchecked Sendable {
  /// The pool the server uses.
  static let shared = LayoutWorkerPool()
  /// How many idle workers are kept: two per core (an explorer answer lays out its two maps
  /// at once), at most 8. With one per core, fifty sessions on two cores started and stopped
  /// a worker (10–20 ms of exec and font setup) for every map beyond the second in flight.
  let keep = min(8, 2 * max(1, ProcessInfo.processInfo.activeProcessorCount))
  private let lock = NSLock()
  private var idle: [LayoutWorker] = []

  /// Lays out and renders `dot` in a worker, sizing text as `text` says.
  ///
  /// - Throws: ``LayoutFailure`` when the worker dies, runs past `deadline` seconds or
  ///   reports a Graphviz error (the last keeps the worker).
  func render(
    dot: String, engine: LayoutEngine, format: OutputFormat, text: GraphvizRenderer.TextMetrics = .measured, deadline: Double = 30
  ) throws -> [UInt8] {
    if format == .dot { return Array(dot.utf8) }
    do {
      return try attempt(dot: dot, engine: engine, format: format, text: text, deadline: deadline, fresh: false)
    } catch let failure as LayoutFailure where failure.crashed {
      // Graphviz 2.42 corrupts its own state now and then over many layouts in one process
      // (4 crashes in 4,371 explorer edits): the same map in a fresh worker is laid out.
      return try attempt(dot: dot, engine: engine, format: format, text: text, deadline: deadline, fresh: true)
    }
  }

  private func attempt(
    dot: String, engine: LayoutEngine, format: OutputFormat, text: GraphvizRenderer.TextMetrics, deadline: Double, fresh: Bool
  ) throws -> [UInt8] {
    let worker = try (fresh ? nil : lock.withLock { idle.popLast() }) ?? LayoutWorker(engine: engine)
    let result = Result { try worker.render(dot: dot, engine: engine, format: format, text: text, deadline: deadline) }
    if worker.usable {
      if !offer(worker) { worker.stop() }
    } else {
      worker.stop()
      // A worker retired after its quota is replaced off the request's path: starting one
      // (exec and font setup) took 10–20 ms, the seed explorer's slowest answers.
      if !worker.broken { DispatchQueue.global().async { [self] in if let fresh = try? LayoutWorker(engine: engine), !offer(fresh) { fresh.stop() } } }
    }
    return try result.get()
  }

  /// Keeps `worker` idle for the next map unless ``keep`` are idle already.
  private func offer(_ worker: LayoutWorker) -> Bool {
    lock.withLock {
      guard idle.count < keep else { return false }
      idle.append(worker)
      return true
    }
  }
}

/// One `statecraft _layout-worker` child and the pipes to it. Requests and answers are framed
/// as a header line and that many bytes: `ENGINE FORMAT TEXT LENGTH\n` + DOT (`TEXT`, a
/// ``GraphvizRenderer/TextMetrics``), answered by
/// `ok LENGTH\n` + output or `error LENGTH\n` + Graphviz's message.
final class LayoutWorker {
  /// Serializes starting workers (see ``init(engine:memoryLimit:executable:environment:)``).
  private static let spawning = NSLock()
  /// Maps a worker lays out before it is replaced (Graphviz 2.42's `dot` leaks about 13 KB a
  /// map, and its state goes bad now and then over many layouts). Starting the replacement
  /// takes a core for 10–20 ms beside the next request: at 200 maps that was 1 edit in 60 on
  /// the seed explorer, and its p99 went from 13 to 16 ms; at 1,000 it is 1 in 300, and a
  /// worker grows by about 2.3 MB (seed maps: 38.7 → 44.4 MB over 2,500).
  static let recycleAfter = 1_000
  private let pid: pid_t
  private let input: Int32, output: Int32
  private var served = 0
  /// Whether the worker died, hung or spoke out of turn (else it is only retired after its quota).
  private(set) var broken = false
  /// Whether the worker can take another request.
  var usable: Bool { !broken && served < Self.recycleAfter }

  /// Starts a worker (`executable`, by default this same binary), limited to `memoryLimit`
  /// bytes of address space.
  init(
    engine: LayoutEngine, memoryLimit: UInt64 = IsolatedLayout.defaultMemoryLimit, executable: String? = nil,
    environment extra: [String: String] = [:]
  ) throws {
    var toChild: [Int32] = [0, 0], fromChild: [Int32] = [0, 0]
    // A worker spawned at the same moment by another thread must not inherit this worker's
    // pipes (it would hide this one's end of file when it crashes): pipes, spawn and
    // close-on-exec happen under one lock, and each worker closes what it inherited anyway.
    Self.spawning.lock()
    defer { Self.spawning.unlock() }
    guard pipe(&toChild) == 0, pipe(&fromChild) == 0 else {
      throw LayoutFailure(reason: "could not open pipes to a layout process (\(String(cString: strerror(errno))))", engine: engine)
    }
    let executable = executable ?? ChildProcess.executable
    let arguments = [executable, "_layout-worker", "--memory-limit", String(memoryLimit), "--parent", String(getpid())]
    let spawned = ChildProcess.spawn(executable, arguments: arguments, environment: extra) { actions in
      posix_spawn_file_actions_adddup2(&actions, toChild[0], 0)
      posix_spawn_file_actions_adddup2(&actions, fromChild[1], 1)
      for fd in toChild + fromChild { posix_spawn_file_actions_addclose(&actions, fd) }
    }
    close(toChild[0])
    close(fromChild[1])
    let child: pid_t
    switch spawned {
    case let .success(pid): child = pid
    case let .failure(error):
      close(toChild[1])
      close(fromChild[0])
      throw LayoutFailure(reason: "could not start a layout process (\(error.reason))", engine: engine)
    }
    _ = fcntl(toChild[1], F_SETFD, FD_CLOEXEC)
    _ = fcntl(fromChild[0], F_SETFD, FD_CLOEXEC)
    (pid, input, output) = (child, toChild[1], fromChild[0])
  }

  /// Sends one map and waits at most `deadline` seconds for the answer.
  func render(dot: String, engine: LayoutEngine, format: OutputFormat, text: GraphvizRenderer.TextMetrics = .measured, deadline: Double) throws -> [UInt8] {
    served += 1
    let body = Array(dot.utf8)
    let request = Array("\(engine.rawValue) \(format.rawValue) \(text.rawValue) \(body.count)\n".utf8) + body
    let end = Date().addingTimeInterval(deadline)
    do {
      try writeAll(request)
      let header = try readLine(until: end)
      let parts = header.split(separator: " ")
      guard parts.count == 2, let length = Int(parts[1]), length >= 0 else { throw WorkerBroke.protocolError }
      let payload = try take(length, until: end)
      if parts[0] == "ok" { return payload }
      throw LayoutFailure(reason: String(decoding: payload, as: UTF8.self), engine: engine)
    } catch let failure as LayoutFailure {
      throw failure
    } catch WorkerBroke.timedOut {
      broken = true
      throw LayoutFailure(reason: "the \(engine.rawValue) layout ran past \(Int(deadline)) s and was stopped", engine: engine)
    } catch {
      broken = true
      var failure = LayoutFailure(reason: "Graphviz's \(engine.rawValue) layout died (\(stopAndDescribe()))", engine: engine)
      failure.crashed = true
      throw failure
    }
  }

  /// Ends the worker: closes its input (it exits on end of file) and kills it if it lingers.
  func stop() {
    close(input)
    close(output)
    var status: Int32 = 0
    if waitpid(pid, &status, WNOHANG) == 0 {
      kill(pid, SIGKILL)
      waitpid(pid, &status, 0)
    }
  }

  /// Kills the worker and names how it ended, for the error message.
  private func stopAndDescribe() -> String {
    var status: Int32 = 0
    // A crashed worker's pipe closes a moment before the kernel reports its end: give it a second.
    var ended = waitpid(pid, &status, WNOHANG)
    for _ in 0 ..< 100 where ended == 0 {
      usleep(10_000)
      ended = waitpid(pid, &status, WNOHANG)
    }
    if ended == 0 {
      kill(pid, SIGKILL)
      waitpid(pid, &status, 0)
      return "stopped"
    }
    let signal = status & 0x7F
    return signal == SIGSEGV ? "a segmentation fault" : signal == SIGABRT ? "an abort" : signal == SIGKILL ? "killed, out of memory?" : signal != 0 ? "signal \(signal)" : "it exited"
  }

  private enum WorkerBroke: Error { case timedOut, closed, protocolError }

  private var buffer: [UInt8] = []

  private func writeAll(_ bytes: [UInt8]) throws {
    var sent = 0
    while sent < bytes.count {
      let n = bytes[sent...].withUnsafeBytes { write(input, $0.baseAddress, $0.count) }
      if n < 0 && errno == EINTR { continue }
      guard n > 0 else { throw WorkerBroke.closed }
      sent += n
    }
  }

  /// Reads more bytes into the buffer, waiting until `end` at most.
  private func fill(until end: Date) throws {
    var fds = pollfd(fd: output, events: Int16(POLLIN), revents: 0)
    let wait = Int32(max(0, min(Double(Int32.max), end.timeIntervalSinceNow * 1000)))
    let ready = poll(&fds, 1, wait)
    if ready < 0 && errno == EINTR { return }
    guard ready > 0 else { throw WorkerBroke.timedOut }
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    let n = chunk.withUnsafeMutableBytes { read(output, $0.baseAddress, $0.count) }
    guard n > 0 else { throw WorkerBroke.closed }
    buffer += chunk[..<n]
  }

  private func readLine(until end: Date) throws -> String {
    while true {
      if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
        let line = String(decoding: buffer[..<newline], as: UTF8.self)
        buffer.removeSubrange(...newline)
        return line
      }
      guard buffer.count < 256 else { throw WorkerBroke.protocolError }
      try fill(until: end)
    }
  }

  private func take(_ count: Int, until end: Date) throws -> [UInt8] {
    while buffer.count < count { try fill(until: end) }
    defer { buffer.removeSubrange(..<count) }
    return Array(buffer[..<count])
  }
}

extension StatecraftCommand {
  /// The child side of ``LayoutWorker`` (not listed in help): reads framed maps on standard
  /// input until it ends, answers each on standard output.
  struct LayoutWorkerChild: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "_layout-worker", shouldDisplay: false)

    @Option var memoryLimit: UInt64 = IsolatedLayout.defaultMemoryLimit
    @Option var parent: Int32?

    func run() throws {
      // Nothing of the parent's but the two pipes: descriptors it opened without
      // close-on-exec (its listening socket, other workers' pipes) are closed here.
      for entry in (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? [] {
        if let fd = Int32(entry), fd > 2 { close(fd) }
      }
      LayoutChild.limit(parent: parent, deadline: nil, memoryLimit: memoryLimit)
      // The answers go to a private copy of standard output; anything Graphviz prints goes nowhere.
      let answers = dup(1)
      let null = open("/dev/null", O_WRONLY)
      dup2(null, 1)
      close(null)
      var pipe = WorkerPipe(answers: answers)
      // Fault injection for the tests of the parent's guard (a crash, a hang).
      let fault = ProcessInfo.processInfo.environment["STATECRAFT_LAYOUT_FAULT"]
      while let header = pipe.line() {
        let parts = header.split(separator: " ")
        guard parts.count == 4, let engine = LayoutEngine(rawValue: String(parts[0])),
          let format = OutputFormat(rawValue: String(parts[1])), let text = GraphvizRenderer.TextMetrics(rawValue: String(parts[2])),
          let length = Int(parts[3]), length >= 0,
          let dot = pipe.take(length)
        else { _exit(2) }
        switch fault {
        case "crash": UnsafeMutablePointer<Int>(bitPattern: 8)!.pointee = 1  // a real segmentation fault
        case "hang": while true { sleep(1) }
        default: break
        }
        do {
          pipe.answer("ok", try GraphvizRenderer.render(dot: String(decoding: dot, as: UTF8.self), engine: engine, format: format, text: text))
        } catch {
          pipe.answer("error", Array("\(error)".utf8))
        }
      }
    }
  }
}

/// The layout worker child's side of the pipes: framed requests read from standard input
/// (a header line, then that many bytes), answers written to a private copy of standard
/// output.
private struct WorkerPipe {
  /// The descriptor answers go to.
  let answers: Int32
  /// Bytes read but not yet taken.
  var pending: [UInt8] = []

  /// Reads what standard input has; `false` at its end.
  mutating func readMore() -> Bool {
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let n = chunk.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
      if n < 0 && errno == EINTR { continue }
      guard n > 0 else { return false }
      pending += chunk[..<n]
      return true
    }
  }

  /// The next `count` bytes, or `nil` when input ends first.
  mutating func take(_ count: Int) -> [UInt8]? {
    while pending.count < count { guard readMore() else { return nil } }
    defer { pending.removeSubrange(..<count) }
    return Array(pending[..<count])
  }

  /// The next header line (at most 256 bytes), or `nil`.
  mutating func line() -> String? {
    while true {
      if let i = pending.firstIndex(of: UInt8(ascii: "\n")) {
        defer { pending.removeSubrange(...i) }
        return String(decoding: pending[..<i], as: UTF8.self)
      }
      guard pending.count < 256, readMore() else { return nil }
    }
  }

  /// Writes one framed answer: `STATUS LENGTH` and the bytes; exits when the parent is gone.
  func answer(_ status: String, _ bytes: [UInt8]) {
    let message = Array("\(status) \(bytes.count)\n".utf8) + bytes
    var sent = 0
    while sent < message.count {
      let n = message[sent...].withUnsafeBytes { write(answers, $0.baseAddress, $0.count) }
      if n < 0 && errno == EINTR { continue }
      guard n > 0 else { _exit(0) }
      sent += n
    }
  }
}
