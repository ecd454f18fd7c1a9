import Foundation
import Statecraft
import StatecraftTestSupport
import Testing

/// `statecraft report`: the briefing written as a user would write it.
extension ProcessTests {
  @Test("report writes the same page twice, byte for byte, and prints its findings")
  func reportRepeatable() throws {
    let dir = try scratchFolder()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let args = ["report", "Graphs/pakistan-2025.yaml", "--scenarios", "Graphs/scenarios/pakistan-2025.yaml", "--quiet"]
    let a = try run(args + ["-o", dir + "/a.html"])
    let b = try run(args + ["-o", dir + "/b.html"])
    #expect(a.status == 0 && b.status == 0, "\(a.stderr)")
    #expect(a.stdout.contains("• China holds the largest outside share of Pakistan’s settled stance"))
    let pageA = try Data(contentsOf: URL(fileURLWithPath: dir + "/a.html"))
    let pageB = try Data(contentsOf: URL(fileURLWithPath: dir + "/b.html"))
    #expect(pageA == pageB)
    #expect(pageA.count < 1_500_000)
    let json = try run(["report", "Graphs/pakistan-2025.yaml", "--format", "json", "--quiet"])
    let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
    #expect((object?["findings"] as? [Any])?.isEmpty == false)
  }

  @Test("report: bad scenario files, unknown actors and unwritable paths are located errors, and no page is left")
  func reportBadInput() throws {
    let dir = try scratchFolder()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try FileManager.default.copyItem(atPath: graphPath("pakistan-2025.yaml"), toPath: dir + "/world.yaml")
    let unknown = dir + "/unknown.yaml"
    try "schema: 1\nbase: world.yaml\nquestions:\n  influence: [XYZ over PAK]\nscenarios: []\n".write(toFile: unknown, atomically: true, encoding: .utf8)
    let r1 = try run(["report", dir + "/world.yaml", "--scenarios", unknown, "-o", dir + "/out.html"])
    #expect(r1.status != 0 && r1.stderr.contains("unknown.yaml:4:") && r1.stderr.contains("XYZ"), "\(r1.stderr)")
    let broken = dir + "/broken.yaml"
    try "schema: 1\nbase: world.yaml\nscenarios:\n  - name: x\n    edits:\n      - reweight: {id: no-such-relation, weight: 0.5}\n".write(toFile: broken, atomically: true, encoding: .utf8)
    let r2 = try run(["report", dir + "/world.yaml", "--scenarios", broken, "-o", dir + "/out.html"])
    #expect(r2.status != 0 && r2.stderr.contains("broken.yaml:"), "\(r2.stderr)")
    try FileManager.default.createDirectory(atPath: dir + "/folder.html", withIntermediateDirectories: false)
    let r3 = try run(["report", dir + "/world.yaml", "-o", dir + "/folder.html"])
    #expect(r3.status != 0 && r3.stderr.contains("is a directory"), "\(r3.stderr)")
    let r4 = try run(["report", dir + "/world.yaml", "-o", dir + "/brief.png"])
    #expect(r4.status != 0 && r4.stderr.contains("does not end in .html"), "\(r4.stderr)")
    let r5 = try run(["report", dir + "/world.yaml", "--scenarios", "Graphs/scenarios/pakistan-2025.yaml", "-o", dir + "/out.html"])
    #expect(r5.status != 0 && r5.stderr.contains("its base is"), "a scenario file for another world: \(r5.stderr)")
    let pages = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".html") || $0.hasSuffix(".tmp") }
    #expect(pages == ["folder.html"], "only the folder that was there: \(pages)")
  }

  @Test("--chart writes SVG only, and refuses .png, .pdf and .csv with a clear message")
  func chartExtensions() throws {
    for ext in ["png", "pdf", "csv"] {
      let r = try run(["sweep", "Graphs/pakistan-2025.yaml", "--relation", "us-tariff-threat", "--target", "CHN over PAK", "--chart", "x.\(ext)"])
      #expect(r.status != 0 && r.stderr.contains("end the file name in .svg"), "\(ext): \(r.stderr)")
    }
    #expect(!FileManager.default.fileExists(atPath: repositoryRoot.appendingPathComponent("x.png").path))
  }

  @Test("option values that could never finish or would trap are refused with what would do")
  func boundedOptions() throws {
    let cases: [([String], String)] = [
      (["rank", "Graphs/pakistan-2025.yaml", "--samples", "9223372036854775807"], "cannot finish"),
      (["influence", "Graphs/pakistan-2025.yaml", "--over", "PAK", "--samples", "2000000"], "cannot finish"),
      (["balance", "Graphs/pakistan-2025.yaml", "--time-limit", "1e20"], "up to a year"),
      (["render", "Graphs/pakistan-2025.yaml", "--layout-timeout", "1e308", "-o", "never-written.svg"], "up to a year"),
    ]
    for (args, message) in cases {
      let r = try run(args)
      #expect(r.status == 64 && r.stderr.contains(message), "\(args): \(r.status) \(r.stderr)")
    }
  }

  @Test("--version names the release")
  func version() throws {
    let r = try run(["--version"])
    #expect(r.status == 0 && r.stdout.hasPrefix("Statecraft "))
  }
}

/// Dates mean what they say: a world that declares its date is seen on that date.
extension ProcessTests {
  @Test("a world's own date is the default lens: ended relations do not count, --date all counts them, outputs say which")
  func worldDateIsTheDefault() throws {
    let dir = try scratchFolder()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let file = dir + "/shipping.yaml"
    try """
      schema: 1
      name: shipping
      title: Canal or Cape
      date: 2025-06
      types:
        - {id: transit, polarity: cooperative, mode: material}
      actors: [{id: MSK, name: Maersk}, {id: SCA, name: Suez Canal Authority}, {id: CAPE, name: Cape route}]
      relations:
        - {from: MSK, to: SCA, type: transit, weight: 0.8, until: 2023-12}
        - {from: MSK, to: CAPE, type: transit, weight: 0.8, since: 2024-01}
      """.write(toFile: file, atomically: true, encoding: .utf8)
    let now = try run(["rank", file, "--measure", "in-strength", "--format", "csv"])
    #expect(now.status == 0 && now.stdout.contains("SCA,Suez Canal Authority,0") && now.stdout.contains("CAPE,Cape route,0.8"), "\(now.stdout)")
    let all = try run(["rank", file, "--measure", "in-strength", "--format", "csv", "--date", "all"])
    #expect(all.stdout.contains("SCA,Suez Canal Authority,0.8") && all.stdout.contains("CAPE,Cape route,0.8"), "\(all.stdout)")
    let then = try run(["rank", file, "--measure", "in-strength", "--format", "csv", "--date", "2023-06"])
    #expect(then.stdout.contains("SCA,Suez Canal Authority,0.8") && then.stdout.contains("CAPE,Cape route,0"), "\(then.stdout)")
    let map = try run(["render", file, "--format", "dot", "-o", "-"])
    #expect(map.stdout.contains("as of 2025-06") && map.stdout.contains("1 relations"), "the map says which date it shows")
    let json = try run(["report", file, "--format", "json", "--quiet"])
    #expect(json.stdout.contains("\"date\": \"2025-06\""), "the briefing states its lens")
  }
}
