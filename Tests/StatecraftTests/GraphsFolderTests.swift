import Foundation
import Testing

@testable import Statecraft
@testable import StatecraftGraph
@testable import StatecraftWorld
import StatecraftTestSupport

/// Every file in Graphs/ loads and validates; the seed world cites a source on every relation.
@Suite("Graphs folder")
struct GraphsFolderTests {
  static let files: [String] = {
    let dir = repositoryRoot.appendingPathComponent("Graphs").path
    return ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [])
      .filter { WorldIO.Format(path: $0) != nil }.sorted()
  }()

  @Test("there are world files to check")
  func nonEmpty() { #expect(Self.files.count >= 3) }

  @Test("every world file validates", arguments: files)
  func validates(file: String) throws {
    let world = try WorldIO.load(graphPath(file), undirected: file.hasSuffix(".csv"))
    #expect(!world.actors.isEmpty)
    _ = try world.through().pageRank()
  }

  @Test("the seed world models the article and cites it on every relation")
  func seed() throws {
    let world = try WorldIO.load(graphPath("pakistan-2025.yaml"))
    for id in ["PAK", "USA", "CHN", "BSG", "ABX", "RKD", "BAL", "CPEC", "USTR"] {
      #expect(world[actor: Actor.ID(id)] != nil, "missing actor \(id)")
    }
    #expect(world.relations.allSatisfy { $0.source != nil })
    #expect(world.relations.contains { $0.type == "tariff-threat" && $0.sign == .hostile })
    #expect(world.relations.contains { $0.from == "BSG" && $0.type == "armed-attack" })
    #expect(world.relations.filter { $0.type == "purchase-commitment" }.count == 2)
  }

  @Test("the complete example in Graphs/README.md is a valid world")
  func readmeExample() throws {
    let readme = try String(contentsOf: repositoryRoot.appendingPathComponent("Graphs/README.md"), encoding: .utf8)
    let start = try #require(readme.range(of: "```yaml\n"))
    let end = try #require(readme.range(of: "```", range: start.upperBound ..< readme.endIndex))
    let world = try WorldYAML.parse(String(readme[start.upperBound ..< end.lowerBound]), file: "README", defaultName: "x")
    #expect(world.name == "example-2025")
    #expect(world.relations.count == 2)
    #expect(world.relations[0].sign == .hostile && world.relations[0].until == PartialDate("2025-12"))
  }
}
