// libFuzzer entry points for every reader, one binary: STATECRAFT_FUZZ_READER (yaml, csv,
// graphml, gexf, json, dot, gdelt, events, scenario) picks the reader. `gdelt` reads an input
// as GDELT exports (plain, zip or gzip: the reader goes by the first bytes); `events` as each of
// the Phoenix, POLECAT and ACLED profiles, rows skipped or not. Built by Scripts/fuzz.sh with
// -sanitize=fuzzer,address and -DFUZZING; without FUZZING it is a replay tool that runs the
// chosen reader over files (the regression corpus) and reports what each one did.
import Foundation
import Statecraft
import StatecraftRender

enum FuzzReader: String, CaseIterable {
  case yaml, csv, graphml, gexf, json, dot, gdelt, events, scenario

  /// The seed world, for scenario files (their `base:` is never followed while fuzzing).
  static let seed: World? = try? WorldIO.load("Graphs/pakistan-2025.yaml")

  static var current: FuzzReader {
    FuzzReader(rawValue: ProcessInfo.processInfo.environment["STATECRAFT_FUZZ_READER"] ?? "") ?? .yaml
  }

  /// Runs the reader over one input; any thrown error is a normal outcome, only a trap is a bug.
  func run(_ data: Data) -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("statecraft-fuzz-\(getpid())")
    do {
      switch self {
      case .yaml:
        _ = try WorldYAML.parse(String(decoding: data, as: UTF8.self), file: "fuzz.yaml", defaultName: "fuzz")
      case .csv:
        _ = try EdgeListCSV.parse(String(decoding: data, as: UTF8.self), file: "fuzz.csv", name: "fuzz")
      case .scenario:
        guard let seed = Self.seed else { return "no seed world: run from the repository root" }
        _ = try ScenarioFile.parse(String(decoding: data, as: UTF8.self), file: "fuzz.yaml", base: seed)
      case .events:
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let file = dir.appendingPathComponent("input.txt")
        try data.write(to: file)
        var outcomes: [String] = []
        for profile in [EventImport.Profile.phoenix, .polecat, .acled] {
          for skip in [false, true] {
            var importer = EventImport(profile: profile)
            importer.level = .actor
            importer.skipBadRows = skip
            importer.window = skip ? .week : .all
            outcomes.append((try? importer.run(files: [file.path], name: "fuzz")) == nil ? "error" : "read")
          }
        }
        return outcomes.joined(separator: " ")
      case .graphml, .gexf, .json, .dot, .gdelt:
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let file = dir.appendingPathComponent("input.\(self == .gdelt ? "CSV" : rawValue)")
        try data.write(to: file)
        if self == .gdelt {
          _ = try GDELTImport().run(files: [file.path], name: "fuzz")
        } else {
          var notes = ConversionNotes()
          _ = try WorldIO.load(file.path, notes: &notes)
        }
      }
      return "read"
    } catch {
      return "error: \(String(describing: error).prefix(120))"
    }
  }
}

#if FUZZING
  // SwiftPM links an executable's entry point as `<module>_main`; here it hands control to
  // libFuzzer's driver (LLVMFuzzerRunDriver), which then calls the reader on every input.
  @_silgen_name("LLVMFuzzerRunDriver")
  func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
  ) -> Int32

  @_cdecl("statecraft_fuzz_main")
  public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    WorldIO.registerRenderFormats()
    var count = argc
    var vector = argv
    return LLVMFuzzerRunDriver(&count, &vector) { data, size in
      _ = FuzzReader.current.run(data.map { Data(bytes: $0, count: size) } ?? Data())
      return 0
    }
  }

  @_cdecl("LLVMFuzzerTestOneInput")
  public func fuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    _ = FuzzReader.current.run(data.map { Data(bytes: $0, count: size) } ?? Data())
    return 0
  }
#else
  @main
  struct Replay {
    static func main() {
      WorldIO.registerRenderFormats()
      let reader = FuzzReader.current
      for path in CommandLine.arguments.dropFirst() {
        guard let data = FileManager.default.contents(atPath: path) else { continue }
        print("\(reader.rawValue) \(path): \(reader.run(data))")
      }
    }
  }
#endif
