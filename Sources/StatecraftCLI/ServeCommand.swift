import ArgumentParser
import Foundation
import Statecraft
import StatecraftExplorer
import StatecraftPage
import StatecraftServer

extension StatecraftCommand {
  struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Open the live explorer: the briefing in a browser, with an edit panel that recomputes every section as you change a tie, an actor or the lens.",
      discussion: """
        Starts a local web server and prints its address. Select a tie on the map to change its \
        weight (slider or field), sign or type, or remove it; add relations and actors; move the \
        lens's date. Each change recomputes every measure, path, balance and influence answer \
        through the library; numbers that moved are marked against the unedited world and the \
        map keeps its layout (re-layout is a button). Undo and redo; compare any two states; save \
        the edits as a scenario file that `statecraft scenario` runs to the same numbers; \
        download the current state as a briefing. Listens on 127.0.0.1 only unless --host says \
        otherwise; stop it with Ctrl-C.
        """)

    @OptionGroup var graph: GraphOptions
    @Option(help: "A scenario file whose base is this world (its questions and scenarios join the page).")
    var scenarios: String?
    @Option(parsing: .unconditional, help: "The port to listen on (0: any free port).") var port = 8080
    @Option(help: "The address to listen on. The default serves this machine only.") var host = "127.0.0.1"

    func validate() throws {
      guard (0 ... 65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535, got \(port).") }
    }

    func run() throws {
      let world = try graph.load()
      let (questions, scenarioList) = try scenarios.map { try BriefingDocument.scenarios($0, for: graph.file) } ?? (nil, [])
      let lens = try graph.lens(for: world)
      let file = graph.file
      let start = graph.lensOptionsGiven ? lens : (questions?.lens ?? lens)
      // Each browser tab gets a session of its own, all from the world read once here.
      let makeSession: @Sendable () throws -> ExplorerSession = {
        let session = try ExplorerSession(world: world, file: file, questions: questions, scenarios: scenarioList, lens: start)
        session.generator = StatecraftCommand.versionLine
        session.textMetrics = .estimated
        let text = session.textMetrics
        session.layout = { dot, engine in try LayoutWorkerPool.shared.render(dot: dot, engine: engine, format: .svg, text: text) }
        return session
      }
      _ = try makeSession().page()  // a world the page cannot show fails here, before anything listens
      let finished = DispatchSemaphore(value: 0)
      let outcome = ServeOutcome()
      let (host, port) = (host, port)
      Task.detached {
        do {
          try await ExplorerServer.run(host: host, port: port, makeSession: makeSession) { url in
            // Unbuffered, so a script reading the line gets it at once.
            FileHandle.standardOutput.write(Data("Statecraft explorer on \(url) — open it in a browser; Ctrl-C stops it.\n".utf8))
          }
        } catch {
          outcome.error = error
        }
        finished.signal()
      }
      finished.wait()
      if let error = outcome.error {
        throw ValidationError("cannot serve on \(host):\(port): \(error). Is another program using the port? Try --port 0 for any free one.")
      }
    }
  }
}

/// How the server task ended, read once the task has signalled.
private final class ServeOutcome: @unchecked Sendable {
  var error: Error?
}
