import CGraphviz
import Foundation

/// An error from Graphviz, carrying its own message.
public enum RenderError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The DOT text did not parse.
  case syntax(String)
  /// A layout engine failed or is not installed.
  case layout(engine: String, message: String)
  /// Rendering to the format failed or the format is not installed.
  case render(format: String, message: String)
  /// Graphviz could not start (missing plugins).
  case unavailable(String)

  public var description: String {
    switch self {
    case let .syntax(m): "Graphviz could not parse the map: \(m)"
    case let .layout(engine, m):
      "Graphviz layout with \(engine) failed: \(m)"
        + (m.contains("not recognized") ? " (run `libgvc6-config-update -c` to register the plugins)" : "")
    case let .render(format, m):
      "Graphviz could not render \(format): \(m)"
        + (m.contains("not recognized") ? " (run `libgvc6-config-update -c` to register the plugins)" : "")
    case let .unavailable(m): "Graphviz is unavailable: \(m)"
    }
  }
}

// Graphviz is not thread-safe at all (its parser, layouts and renderers share globals), so
// every call into it goes through this one lock, parsing included. An NSLock (a pthread
// mutex with a stable address): a `Synchronization.Mutex` held in a global `let` let two
// test threads into the parser at once here (ThreadSanitizer showed both writing
// `capturedMessages` inside the lock, and parses mixed each other's text).
private let graphvizLock = NSLock()
// Messages Graphviz reports through agseterrf; only touched while holding graphvizLock.
nonisolated(unsafe) private var capturedMessages = ""
nonisolated(unsafe) private var sharedContext: OpaquePointer?
// The context without a text-layout plugin (``TextMetrics/estimated``), made on first use,
// and whether making it failed (its plugins are not where libgvc's folder says).
nonisolated(unsafe) private var estimatingContext: OpaquePointer?
nonisolated(unsafe) private var estimatingUnavailable = false
nonisolated(unsafe) private var errorSinkInstalled = false

private let errorSink: @convention(c) (UnsafeMutablePointer<CChar>?) -> Int32 = { message in
  // Messages arrive in fragments ("Warning", ": ", "text"): concatenate.
  if let message { capturedMessages += String(cString: message) }
  return 0
}

/// Renders DOT text in-process through libgvc: no `dot` subprocess.
///
/// One process-wide lock serializes every Graphviz call; every graph, layout and output
/// buffer is freed before the call returns, and Graphviz's messages are captured with
/// `agseterrf` and returned as ``RenderError``s (never read from the sticky `agerrors()`).
public enum GraphvizRenderer {
  /// How Graphviz sizes the text of labels, and so the nodes around them.
  public enum TextMetrics: String, Sendable, CaseIterable {
    /// Measured with the installed fonts through Pango (Graphviz's default): what PNG and PDF
    /// need, and what every stand-alone map uses.
    case measured
    /// Estimated from Graphviz's built-in character widths (Helvetica's are Arial's), with
    /// no text-layout plugin loaded: for SVG (a PNG or PDF asked of such a context loads
    /// Pango after all), and a pinned explorer map of the seed laid out in about 60% of the
    /// time (Pango laid out each label afresh). A browser draws an SVG's text with its own
    /// fonts either way.
    case estimated
  }

  /// Lays out and renders DOT text.
  ///
  /// Repeated layouts of the same DOT in one process may differ slightly: `dot` keeps search
  /// state between calls (measured on the seed map: 1560, 1567, 1564 pt wide in three calls).
  /// Each process's first layout is repeatable, which is why the CLI lays out in a child
  /// process per map.
  ///
  /// - Parameters:
  ///   - dot: The DOT source (name the graph: anonymous graphs get global-counter names).
  ///   - engine: The layout engine.
  ///   - format: The output format (``OutputFormat/dot`` returns the text unchanged).
  ///   - text: How text is sized (``TextMetrics/estimated`` is meant for SVG).
  /// - Returns: The rendered bytes.
  /// - Throws: ``RenderError`` with Graphviz's own message.
  public static func render(dot: String, engine: LayoutEngine, format: OutputFormat, text: TextMetrics = .measured) throws -> [UInt8] {
    if format == .dot { return Array(dot.utf8) }
    return try withParsedGraph(dot, text: text) { graph, gvc -> [UInt8] in
      guard gvLayout(gvc, graph, engine.rawValue) == 0 else {
        throw RenderError.layout(engine: engine.rawValue, message: cleaned(capturedMessages, fallback: "layout failed"))
      }
      defer { gvFreeLayout(gvc, graph) }
      var data: UnsafeMutablePointer<CChar>?
      var length: UInt32 = 0
      guard gvRenderData(gvc, graph, format.graphvizName, &data, &length) == 0, let data else {
        throw RenderError.render(format: format.rawValue, message: cleaned(capturedMessages, fallback: "render failed"))
      }
      defer { gvFreeRenderData(data) }
      return Array(UnsafeRawBufferPointer(start: data, count: Int(length)))
    }
  }

  /// Lays out DOT text and returns where each node went (points, y up), keyed by the node's
  /// `id` attribute (``MapOptions/elementIDs``), else its name: what the explorer pins on the
  /// next drawing so the map stays still. `text` sizes the labels as the drawings will.
  public static func nodePositions(dot: String, engine: LayoutEngine, text: TextMetrics = .measured) throws -> [String: Point] {
    try withParsedGraph(dot, text: text) { graph, gvc in
      guard gvLayout(gvc, graph, engine.rawValue) == 0 else {
        throw RenderError.layout(engine: engine.rawValue, message: cleaned(capturedMessages, fallback: "layout failed"))
      }
      defer { gvFreeLayout(gvc, graph) }
      // Rendering to "dot" writes each node's `pos` attribute.
      var data: UnsafeMutablePointer<CChar>?
      var length: UInt32 = 0
      guard gvRenderData(gvc, graph, "dot", &data, &length) == 0 else {
        throw RenderError.render(format: "dot", message: cleaned(capturedMessages, fallback: "render failed"))
      }
      gvFreeRenderData(data)
      var positions: [String: Point] = [:]
      // agget takes a mutable C string; keep the two names alive for the whole walk.
      var idName = Array("id".utf8CString)
      var posName = Array("pos".utf8CString)
      var node = agfstnode(graph)
      while let n = node {
        let id = agget(UnsafeMutableRawPointer(n), &idName).map { String(cString: $0) } ?? ""
        let key = id.isEmpty ? String(cString: agnameof(UnsafeMutableRawPointer(n))) : id
        if let pos = agget(UnsafeMutableRawPointer(n), &posName).map({ String(cString: $0) }) {
          let parts = pos.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: CharacterSet(charactersIn: "!"))) }
          if parts.count >= 2 { positions[key] = Point(x: parts[0], y: parts[1]) }
        }
        node = agnxtnode(graph, n)
      }
      return positions
    }
  }

  /// Parses DOT with libcgraph and hands the graph to `body` under the Graphviz lock, making
  /// no layout context (reading a DOT world needs none); the graph is closed afterwards.
  /// Syntax errors carry Graphviz's message.
  static func withParsedGraph<R>(_ dot: String, _ body: (UnsafeMutablePointer<Agraph_t>) throws -> R) throws -> R {
    try graphvizLock.withLock { try parsed(dot, body) }
  }

  /// ``withParsedGraph(_:_:)`` with the layout context for `text`, made on first use.
  static func withParsedGraph<R>(
    _ dot: String, text: TextMetrics, _ body: (UnsafeMutablePointer<Agraph_t>, OpaquePointer) throws -> R
  ) throws -> R {
    try graphvizLock.withLock {
      let gvc = try context(text)
      return try parsed(dot) { try body($0, gvc) }
    }
  }

  /// The context for `text`, made when first needed, so that a process that only estimates
  /// (a layout worker of the explorer) never loads Pango, and no process the CLI starts makes
  /// both kinds. Where the plugins cannot be loaded one by one, text is measured after all.
  /// Call under `graphvizLock`.
  private static func context(_ text: TextMetrics) throws -> OpaquePointer {
    installErrorSink()
    if text == .estimated && estimatingContext == nil && !estimatingUnavailable {
      estimatingContext = pluginFolder().flatMap { cgv_context_estimating_text($0) }
      estimatingUnavailable = estimatingContext == nil
    }
    if text == .estimated, let gvc = estimatingContext { return gvc }
    if sharedContext == nil { sharedContext = gvContext() }
    guard let gvc = sharedContext else { throw RenderError.unavailable("gvContext() failed") }
    return gvc
  }

  /// Where libgvc keeps its plugins: `GVBINDIR` when set, else the `graphviz` folder beside
  /// the libgvc this process mapped (read from `/proc/self/maps`, as Graphviz itself finds
  /// it); `nil` where there is no such file.
  static func pluginFolder() -> String? {
    if let dir = ProcessInfo.processInfo.environment["GVBINDIR"], !dir.isEmpty { return dir }
    guard let maps = try? String(contentsOfFile: "/proc/self/maps", encoding: .utf8) else { return nil }
    for line in maps.split(separator: "\n") {
      guard let slash = line.firstIndex(of: "/"), let last = line.lastIndex(of: "/"),
        line[line.index(after: last)...].hasPrefix("libgvc.")
      else { continue }
      return String(line[slash ..< last]) + "/graphviz"
    }
    return nil
  }

  /// Routes Graphviz's messages to ``capturedMessages`` (once). Call under `graphvizLock`.
  private static func installErrorSink() {
    guard !errorSinkInstalled else { return }
    _ = agseterrf(errorSink)
    _ = agseterr(AGWARN)
    errorSinkInstalled = true
  }

  /// Parses `dot` and hands the graph to `body`. Call under `graphvizLock`.
  private static func parsed<R>(_ dot: String, _ body: (UnsafeMutablePointer<Agraph_t>) throws -> R) throws -> R {
    installErrorSink()
    restartLineCount()
    capturedMessages = ""
    guard let graph = agmemread(dot) else {
      throw RenderError.syntax(cleaned(capturedMessages, fallback: "syntax error"))
    }
    defer { agclose(graph) }
    return try body(graph)
  }

  /// Makes the next parse number its lines from 1. libcgraph 2.42's lexer numbers the first
  /// parse of a process from the value `agreadline` sets, but carries one line more into the
  /// next parse whenever the text before went on past its closing brace (a newline or a
  /// comment): a syntax error on line 3 was reported as line 2 by a fresh `statecraft
  /// validate` and as line 3 after another file (measured with a C probe against the
  /// library). Parsing an empty graph with nothing after its brace leaves nothing to carry.
  /// Call under `graphvizLock`.
  private static func restartLineCount() {
    if let empty = agmemread("graph{}") { agclose(empty) }
    agreadline(1)
  }

  /// The installed Graphviz version, as libgvc reports it.
  public static var version: String {
    graphvizLock.withLock {
      guard let gvc = try? context(.measured), let v = gvcVersion(gvc) else { return "unknown" }
      return String(cString: v)
    }
  }

  private static func cleaned(_ message: String, fallback: String) -> String {
    let m = message.split(separator: "\n").map { $0.trimmingSpaces }.filter { !$0.isEmpty }
      .joined(separator: "; ")
    return m.isEmpty ? fallback : m
  }
}

extension StringProtocol {
  fileprivate var trimmingSpaces: String {
    String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
  }
}
