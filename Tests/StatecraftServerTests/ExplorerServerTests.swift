import Foundation
import Hummingbird
import HummingbirdTesting
import Statecraft
import StatecraftExplorer
import StatecraftRender
import StatecraftTestSupport
import Testing

@testable import StatecraftServer

/// The explorer's routes, driven through Hummingbird's testing support (no socket): the API a
/// page uses, what it refuses, and thousands of random and malformed requests.
@Suite("Explorer server")
struct ExplorerServerTests {
  static let world: World = {
    // The seed world, read once for every session the tests open.
    (try? WorldIO.load(graphPath("pakistan-2025.yaml"))) ?? World(name: "x", title: "x", actors: [], relations: [])
  }()

  func app() -> some ApplicationProtocol {
    let file = graphPath("pakistan-2025.yaml")
    let world = Self.world
    return Application(router: ExplorerServer.router(host: "127.0.0.1") { try ExplorerSession(world: world, file: file) })
  }

  /// A session's id, from a page load.
  func open(_ client: some TestClientProtocol) async throws -> String {
    try await client.execute(uri: "/", method: .get) { response in
      #expect(response.status == .ok)
      let html = String(buffer: response.body)
      let id = html.firstMatch(of: /name="statecraft-session" content="([^"]+)"/).map { String($0.1) }
      return try #require(id)
    }
  }

  static let json: HTTPFields = [.contentType: "application/json"]

  /// An answer that is JSON of the shape the page reads.
  struct Answer: Decodable { var edits: [String]; var canUndo: Bool; var canRedo: Bool; var error: String?; var main: String? }

  @Test("the API: a page per tab, an edit recomputes, refusals carry statuses and words")
  func api() async throws {
    try await app().test(.router) { client in
      let id = try await open(client)
      let i = try Self.world.relationIndex(.id("us-tariff-threat"))
      let edit = ByteBuffer(string: #"{"action": "edit", "op": "update", "relation": \#(i), "weight": 0.3}"#)
      try await client.execute(uri: "/api/act?session=\(id)", method: .post, headers: Self.json, body: edit) { response in
        #expect(response.status == .ok)
        let answer = try JSONDecoder().decode(Answer.self, from: Data(buffer: response.body))
        #expect(answer.error == nil && answer.canUndo && answer.edits.count == 1 && answer.main?.contains("<section") == true)
      }
      // Another tab is another session.
      let other = try await open(client)
      #expect(other != id)
      // A scenario file of the first tab's edit; the second has none.
      try await client.execute(uri: "/api/scenario.yaml?session=\(id)", method: .get) { response in
        #expect(response.status == .ok && String(buffer: response.body).contains("reweight"))
      }
      try await client.execute(uri: "/api/scenario.yaml?session=\(other)", method: .get) { response in
        #expect(!String(buffer: response.body).contains("reweight"))
      }
      // Refusals: not JSON, an unknown session, another site's page, too large a body.
      try await client.execute(uri: "/api/act?session=\(id)", method: .post, headers: [.contentType: "text/plain"], body: edit) { response in
        #expect(response.status == .unsupportedMediaType)
      }
      try await client.execute(uri: "/api/act?session=nope", method: .post, headers: Self.json, body: edit) { response in
        #expect(response.status == .gone && String(buffer: response.body).contains("reload the page"))
      }
      try await client.execute(uri: "/api/act?session=\(id)", method: .post, headers: [.contentType: "application/json", .origin: "http://elsewhere.example"], body: edit) { response in
        #expect(response.status == .misdirectedRequest)
      }
      let huge = ByteBuffer(string: "{\"action\": \"" + String(repeating: "x", count: ExplorerServer.bodyLimit + 10) + "\"}")
      try await client.execute(uri: "/api/act?session=\(id)", method: .post, headers: Self.json, body: huge) { response in
        #expect(response.status == .contentTooLarge)
      }
      try await client.execute(uri: "/api/nothing", method: .get) { response in #expect(response.status == .notFound) }
    }
  }

  @Test("an action past the time limit is answered with a progress state; `wait` collects its answer; other sessions are served meanwhile")
  func longActions() async throws {
    let file = graphPath("pakistan-2025.yaml")
    let world = Self.world
    // Every map takes 300 ms to lay out: each recomputation runs past a 50 ms limit.
    let router = ExplorerServer.router(host: "127.0.0.1", answerLimit: 0.05) {
      let session = try ExplorerSession(world: world, file: file)
      session.pinnedDrawing = false
      session.layout = { dot, engine in
        usleep(300_000)
        return try GraphvizRenderer.render(dot: dot, engine: engine, format: .svg)
      }
      return session
    }
    struct Working: Decodable { var working: Bool?; var main: String?; var edits: [String]; var error: String? }
    try await Application(router: router).test(.router) { client in
      let id = try await open(client)
      let other = try await open(client)
      let i = try Self.world.relationIndex(.id("us-tariff-threat"))
      func act(_ session: String, _ body: String) async throws -> Working {
        try await client.execute(uri: "/api/act?session=\(session)", method: .post, headers: Self.json, body: ByteBuffer(string: body)) { response in
          #expect(response.status == .ok)
          return try JSONDecoder().decode(Working.self, from: Data(buffer: response.body))
        }
      }
      let first = try await act(id, #"{"action": "edit", "op": "update", "relation": \#(i), "weight": 0.3}"#)
      #expect(first.working == true && first.main == nil, "answered before the recomputation ends (error: \(first.error ?? "none"))")
      // Another session is answered while the first one's edit runs.
      let state = try await act(other, #"{"action": "state"}"#)
      #expect(state.working == nil && state.edits.isEmpty)
      var answer = try await act(id, #"{"action": "wait"}"#)
      for _ in 0 ..< 100 where answer.working == true { answer = try await act(id, #"{"action": "wait"}"#) }
      #expect(answer.working == nil && answer.main?.contains("<section") == true && answer.edits.count == 1, "error: \(answer.error ?? "none")")
      // Nothing left to collect: `wait` answers the state.
      let after = try await act(id, #"{"action": "wait"}"#)
      #expect(after.working == nil && after.main == nil && after.edits.count == 1)
    }
  }

  @Test("3,000 random and malformed requests: every answer well-formed, the server still serves", arguments: [UInt64(1), 2])
  func fuzz(seed: UInt64) async throws {
    var rng = SplitMix64(seed: seed)
    func pick<T>(_ xs: [T]) -> T { xs[Int(rng.next() % UInt64(xs.count))] }
    let relations = Self.world.relations.count
    // The requests, drawn before the test runs: (a stale session?, plain-text type?, body).
    var requests: [(stale: Bool, text: Bool, body: String)] = []
    for _ in 0 ..< 1_500 {
      let action = pick(["edit", "undo", "redo", "lens", "relayout", "compare", "state", "", "explode", "é\u{0}"])
      var fields: [String] = ["\"action\": \(jsonQuoted(action))"]
      if rng.next() % 2 == 0 { fields.append("\"op\": \(jsonQuoted(pick(["update", "remove", "add", "add-actor", "remove-actor", "", "drop table"])))") }
      if rng.next() % 2 == 0 { fields.append("\"relation\": \(pick([-1, 0, relations - 1, relations, Int(Int32.max), Int(rng.next() % UInt64(relations))]))") }
      if rng.next() % 2 == 0 { fields.append("\"weight\": \(pick(["0", "-1", "1e308", "1e-320", "0.5", "\"0.5\"", "null", "true"]))") }
      if rng.next() % 3 == 0 { fields.append("\"from\": \(jsonQuoted(pick(["PAK", "USA", "", "NOPE", "<script>", "\u{202E}x"]))), \"to\": \(jsonQuoted(pick(["CHN", "PAK", "ZZ"])))") }
      if rng.next() % 3 == 0 { fields.append("\"id\": \(jsonQuoted(pick(["NEW", "PAK", "", "a,b", "x\"y"]))), \"kind\": \(jsonQuoted(pick(["state", "dragon", ""])))") }
      if rng.next() % 3 == 0 { fields.append("\"date\": \(jsonQuoted(pick(["2025-07", "", "2025-13", "all", "9999"]))), \"types\": [\(jsonQuoted(pick(["alliance", "nope"])))]") }
      if rng.next() % 3 == 0 { fields.append("\"sign\": \(jsonQuoted(pick(["hostile", "cooperative", "weird"]))), \"a\": \(pick([-3, 0, 1, 99])), \"b\": \(pick([0, 2, 1000]))") }
      var body = "{" + fields.joined(separator: ", ") + "}"
      switch rng.next() % 8 {
      case 0: body = String(body.prefix(Int(rng.next() % UInt64(body.count + 1))))  // truncated
      case 1: body = String(decoding: (0 ..< Int(rng.next() % 64)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }, as: UTF8.self)  // noise
      case 2: body = "[\(body)]"
      default: break
      }
      requests.append((rng.next() % 20 == 0, rng.next() % 25 == 0, body))
    }
    let drawn = requests
    try await app().test(.router) { client in
      let id = try await open(client)
      for (stale, text, body) in drawn {
        let type: HTTPFields = text ? [.contentType: "text/plain"] : Self.json
        try await client.execute(uri: "/api/act?session=\(stale ? "stale" : id)", method: .post, headers: type, body: ByteBuffer(string: body)) { response in
          #expect([.ok, .gone, .unsupportedMediaType].contains(response.status), "\(response.status) for \(body)")
          if response.status == .ok {
            let answer = try? JSONDecoder().decode(Answer.self, from: Data(buffer: response.body))
            #expect(answer != nil, "not the page's JSON for \(body): \(String(buffer: response.body).prefix(200))")
          }
        }
      }
      // Still serving: a fresh tab's edit is answered.
      let fresh = try await open(client)
      try await client.execute(uri: "/api/act?session=\(fresh)", method: .post, headers: Self.json, body: ByteBuffer(string: #"{"action": "state"}"#)) { response in
        #expect(response.status == .ok)
      }
    }
  }
}
