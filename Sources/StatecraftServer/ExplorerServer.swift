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
  /// Serves `session` until the process is stopped; `ready` gets the URL once listening.
  public static func run(
    session: ExplorerSession, host: String = "127.0.0.1", port: Int = 8080,
    ready: @escaping @Sendable (String) -> Void
  ) async throws {
    let router = Router()
    let hosts: Set<String> = [host, "localhost", "127.0.0.1", "[::1]"]
    router.get("/") { request, _ -> Response in
      guard allowed(request, hosts) else { return refused() }
      return page(try session.page(), type: "text/html; charset=utf-8")
    }
    router.post("/api/act") { request, _ -> Response in
      var request = request
      guard allowed(request, hosts) else { return refused() }
      guard request.headers[.contentType]?.hasPrefix("application/json") == true else {
        return Response(status: .unsupportedMediaType)
      }
      let body = try await request.collectBody(upTo: 1 << 20)
      let answer: ExplorerSession.Response
      do {
        let action = try JSONDecoder().decode(ExplorerSession.Request.self, from: Data(buffer: body))
        answer = session.perform(action)
      } catch {
        answer = session.refusal("the request was not understood: \(error)")
      }
      return page(String(decoding: try JSONEncoder().encode(answer), as: UTF8.self), type: "application/json")
    }
    router.get("/api/scenario.yaml") { request, _ -> Response in
      guard allowed(request, hosts) else { return refused() }
      return page(session.scenarioFile(), type: "application/yaml; charset=utf-8", download: "explorer-scenario.yaml")
    }
    router.get("/api/report.html") { request, _ -> Response in
      guard allowed(request, hosts) else { return refused() }
      return page(try session.report(), type: "text/html; charset=utf-8", download: "briefing.html")
    }
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

  /// Whether the request's `Host` names this server (not a rebound name).
  static func allowed(_ request: Request, _ hosts: Set<String>) -> Bool {
    guard let authority = request.head.authority else { return false }
    let name = authority.hasPrefix("[") ? String(authority.prefix { $0 != "]" }) + "]" : String(authority.split(separator: ":").first ?? "")
    return hosts.contains(name)
  }

  static func refused() -> Response {
    Response(status: .misdirectedRequest, headers: [.contentType: "text/plain"], body: .init(byteBuffer: ByteBuffer(string: "statecraft serve answers only requests to its own address\n")))
  }

  static func page(_ text: String, type: String, download: String? = nil) -> Response {
    var headers: HTTPFields = [.contentType: type, .cacheControl: "no-store"]
    if let download { headers[.contentDisposition] = "attachment; filename=\"\(download)\"" }
    return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
  }
}
