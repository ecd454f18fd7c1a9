import Foundation
import Hummingbird
import StatecraftExplorer

/// The explorer's local web server: one page and four endpoints over an ``ExplorerSession``.
///
/// - `GET /`: the explorer page (the briefing's sections plus the edit panel).
/// - `POST /api/act`: one action as JSON (``ExplorerSession/Request``); answers the new
///   sections and data (``ExplorerSession/Response``).
/// - `GET /api/scenario.yaml`: the session's edits as a scenario file.
/// - `GET /api/report.html`: the current state as a self-contained briefing.
///
/// It binds to 127.0.0.1 unless told otherwise, answers only requests whose `Host` names the
/// address it is bound to (a page on another site cannot reach it through DNS rebinding), and
/// takes actions only as `application/json` (which a cross-site form cannot send without the
/// browser asking first).
public enum ExplorerServer {
  /// Serves explorer sessions until the process is stopped; `ready` gets the URL once
  /// listening. Every page load (`GET /`) starts a session of its own from `makeSession`, so
  /// browser tabs never see each other's edits; the 64 most recently used sessions are kept.
  public static func run(
    host: String = "127.0.0.1", port: Int = 8080, makeSession: @escaping @Sendable () throws -> ExplorerSession,
    ready: @escaping @Sendable (String) -> Void
  ) async throws {
    let router = self.router(host: host, makeSession: makeSession)
    // Hummingbird logs every start at `info`; the CLI prints its own line. Its logger reads
    // LOG_LEVEL (a value the user set wins).
    setenv("LOG_LEVEL", "warning", 0)
    let app = Application(
      router: router, configuration: .init(address: .hostname(host, port: port), serverName: "statecraft"),
      onServerRunning: { channel in
        let bound = channel.localAddress?.port ?? port
        ready("http://\(host.contains(":") ? "[\(host)]" : host):\(bound)/")
      })
    try await app.runService()
  }

  /// The largest request body an action may have (an action is a few hundred bytes of JSON).
  public static let bodyLimit = 1 << 20

  /// How long an action may run before its request is answered "still working" (the page then
  /// asks with `wait` until the answer is ready), in seconds.
  public static let answerLimit = 2.0

  /// The server's routes, for ``run(host:port:makeSession:ready:)`` and for tests that drive
  /// them without a socket (Hummingbird's testing support): `GET /` (a new session's page),
  /// `POST /api/act?session=…` (one action), `GET /api/scenario.yaml` and `GET /api/report.html`.
  ///
  /// Actions run on their own threads, never the server's: one that runs past `answerLimit`
  /// seconds (betweenness on thousands of actors, say) is answered with a progress state
  /// (``ExplorerSession/Response/working``), and the page's `{"action": "wait"}` collects
  /// the answer when it is ready; other sessions are served meanwhile.
  public static func router(
    host: String, answerLimit: Double = answerLimit, makeSession: @escaping @Sendable () throws -> ExplorerSession
  ) -> Router<BasicRequestContext> {
    let router = Router()
    let sessions = SessionStore(capacity: 64)
    let hosts: Set<String> = [host, "localhost", "127.0.0.1", "[::1]"]
    router.get("/") { request, _ -> Response in
      guard allowed(request, hosts) else { return refused() }
      // A page elsewhere must not open sessions here (each pushes an older one out).
      if request.headers.contains(where: { $0.name.canonicalName == "sec-fetch-site" && $0.value == "cross-site" }) { return refused() }
      let (id, session) = try sessions.create(makeSession)
      return page(try session.page(sessionID: id), type: "text/html; charset=utf-8")
    }
    router.post("/api/act") { request, _ -> Response in
      var request = request
      guard allowed(request, hosts) else { return refused() }
      guard request.headers[.contentType]?.hasPrefix("application/json") == true else {
        return Response(status: .unsupportedMediaType)
      }
      guard let session = sessions.find(String(request.uri.queryParameters["session"] ?? "")) else {
        return page(#"{"error": "this page's session has ended (the server restarted or closed it); reload the page", "edits": [], "canUndo": false, "canRedo": false}"#, type: "application/json", status: .gone)
      }
      let body: ByteBuffer
      do {
        body = try await request.collectBody(upTo: bodyLimit)
      } catch {
        return page(#"{"error": "the request is larger than an action can be (1 MiB)", "edits": [], "canUndo": false, "canRedo": false}"#, type: "application/json", status: .contentTooLarge)
      }
      let id = String(request.uri.queryParameters["session"] ?? "")
      let action: ExplorerSession.Request
      do {
        action = try JSONDecoder().decode(ExplorerSession.Request.self, from: Data(buffer: body))
      } catch {
        return page(session.refusal("the request was not understood: \(error)").json, type: "application/json")
      }
      // `wait` collects the answer of the action still running, if any.
      let job = action.action == "wait" ? sessions.job(id) : sessions.start(id, Job { session.perform(action) })
      guard let job else { return page(session.perform(.init(action: "state")).json, type: "application/json") }
      guard let answer = await job.answer(within: answerLimit) else {
        return page(ExplorerSession.Response.working.json, type: "application/json")
      }
      sessions.finish(id, job)
      return page(answer.json, type: "application/json")
    }
    router.get("/api/scenario.yaml") { request, _ -> Response in
      guard allowed(request, hosts) else { return refused() }
      guard let session = sessions.find(String(request.uri.queryParameters["session"] ?? "")) else { return Response(status: .gone) }
      return page(session.scenarioFile(), type: "application/yaml; charset=utf-8", download: "explorer-scenario.yaml")
    }
    router.get("/api/report.html") { request, _ -> Response in
      guard allowed(request, hosts) else { return refused() }
      guard let session = sessions.find(String(request.uri.queryParameters["session"] ?? "")) else { return Response(status: .gone) }
      return page(try session.report(), type: "text/html; charset=utf-8", download: "briefing.html")
    }
    return router
  }

  /// Whether the request names this server: its `Host` (authority) is one of our names and,
  /// when the browser sends an `Origin`, that is ours too (a page on another site cannot
  /// reach the server through DNS rebinding or a cross-site request).
  static func allowed(_ request: Request, _ hosts: Set<String>) -> Bool {
    guard let authority = request.head.authority, hosts.contains(hostName(authority)) else { return false }
    if let origin = request.headers[.origin] {
      guard let url = URL(string: origin), url.scheme == "http", let h = url.host else { return false }
      return hosts.contains(h.contains(":") ? "[\(h)]" : h)
    }
    return true
  }

  /// The host part of an authority (`127.0.0.1:8080` → `127.0.0.1`, `[::1]:80` → `[::1]`).
  static func hostName(_ authority: String) -> String {
    authority.hasPrefix("[") ? String(authority.prefix { $0 != "]" }) + "]" : String(authority.split(separator: ":").first ?? "")
  }

  static func refused() -> Response {
    Response(status: .misdirectedRequest, headers: [.contentType: "text/plain"], body: .init(byteBuffer: ByteBuffer(string: "statecraft serve answers only requests to its own address\n")))
  }

  static func page(_ text: String, type: String, download: String? = nil, status: HTTPResponse.Status = .ok) -> Response {
    page(ByteBuffer(string: text), type: type, download: download, status: status)
  }

  /// An answer of `bytes` (an action's JSON, written as bytes).
  static func page(_ bytes: [UInt8], type: String) -> Response {
    page(ByteBuffer(bytes: bytes), type: type)
  }

  static func page(_ body: ByteBuffer, type: String, download: String? = nil, status: HTTPResponse.Status = .ok) -> Response {
    var headers: HTTPFields = [.contentType: type, .cacheControl: "no-store"]
    if let download { headers[.contentDisposition] = "attachment; filename=\"\(download)\"" }
    return Response(status: status, headers: headers, body: .init(byteBuffer: body))
  }
}

/// One action running on a thread of its own, its answer awaited with a time limit by any
/// number of requests.
final class Job: @unchecked Sendable {
  private let done = DispatchGroup()
  private let lock = NSLock()
  private var result: ExplorerSession.Response?

  /// Starts `work` at once on a global queue.
  init(_ work: @escaping @Sendable () -> ExplorerSession.Response) {
    done.enter()
    DispatchQueue.global().async { [self] in
      let answer = work()
      lock.withLock { result = answer }
      done.leave()
    }
  }

  /// The answer, once ready within `seconds`; `nil` if the work still runs. Nothing waits
  /// on a thread: the work's end and a timer race to resume the caller (a thread blocked in
  /// `DispatchGroup.wait` for every request left two cores one worker short, and the answer's
  /// own parallel parts waited for Dispatch to notice).
  func answer(within seconds: Double) async -> ExplorerSession.Response? {
    await withCheckedContinuation { continuation in
      let resumed = Resumed()
      done.notify(queue: .global()) { [self] in
        if resumed.first() { continuation.resume(returning: lock.withLock { result }) }
      }
      DispatchQueue.global().asyncAfter(deadline: .now() + seconds) {
        if resumed.first() { continuation.resume(returning: nil) }
      }
    }
  }

  /// Which of two racing callbacks came first.
  private final class Resumed: @unchecked Sendable {
    private let lock = NSLock()
    private var done = false
    /// `true` for the first caller only.
    func first() -> Bool {
      lock.withLock {
        defer { done = true }
        return !done
      }
    }
  }
}

/// The server's sessions by id, the least recently used dropped beyond `capacity`, and each
/// session's running action.
final class SessionStore: @unchecked Sendable {
  private var jobs: [String: Job] = [:]
  private var sessions: [String: ExplorerSession] = [:]
  private var order: [String] = []
  private let capacity: Int
  private let lock = NSLock()

  init(capacity: Int) { self.capacity = capacity }

  /// A new session with a fresh id.
  func create(_ make: () throws -> ExplorerSession) throws -> (String, ExplorerSession) {
    let session = try make()
    let id = UUID().uuidString
    lock.withLock {
      sessions[id] = session
      order.append(id)
      while order.count > capacity {
        let dropped = order.removeFirst()
        (sessions[dropped], jobs[dropped]) = (nil, nil)
      }
    }
    return (id, session)
  }

  /// Records `job` as the session's running action (the one `wait` collects) and returns it.
  func start(_ id: String, _ job: Job) -> Job {
    lock.withLock { jobs[id] = job }
    return job
  }

  /// The session's action whose answer has not been collected, if any.
  func job(_ id: String) -> Job? { lock.withLock { jobs[id] } }

  /// Forgets `job` once its answer is delivered (unless a newer action replaced it).
  func finish(_ id: String, _ job: Job) {
    lock.withLock { if jobs[id] === job { jobs[id] = nil } }
  }

  /// The session with this id, marked as just used.
  func find(_ id: String) -> ExplorerSession? {
    lock.withLock {
      guard let s = sessions[id] else { return nil }
      order.removeAll { $0 == id }
      order.append(id)
      return s
    }
  }
}
