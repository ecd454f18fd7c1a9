import Testing

@testable import Statecraft
@testable import StatecraftGraph
@testable import StatecraftWorld
import StatecraftTestSupport

@Suite("Lens and digraph")
struct LensTests {
  /// PAK → CHN trade (+, 2020–2022), PAK → CHN aid (+), CHN → PAK threat (−), USA ↔ PAK talks (0).
  static let world = World(
    name: "t",
    actors: [Actor(id: "PAK"), Actor(id: "CHN"), Actor(id: "USA")],
    relations: [
      Relation(from: "PAK", to: "CHN", type: "trade", weight: 2, sign: .cooperative,
               since: PartialDate("2020"), until: PartialDate("2022-06")),
      Relation(from: "PAK", to: "CHN", type: "aid", weight: 1, sign: .cooperative),
      Relation(from: "CHN", to: "PAK", type: "threat", weight: 0.5, sign: .hostile),
      Relation(from: "USA", to: "PAK", type: "talks", weight: 1, sign: .neutral, mutual: true),
    ],
    types: [
      RelationType(id: "trade", polarity: .cooperative), RelationType(id: "aid", polarity: .cooperative),
      RelationType(id: "threat", polarity: .hostile), RelationType(id: "talks", polarity: .neutral),
    ])

  @Test("parallel relations sum or take the max; mutual relations become two arcs")
  func combine() throws {
    let g = try Self.world.through()
    #expect(g.weight(from: 0, to: 1) == 3)
    #expect(g.weight(from: 1, to: 0) == 0.5)
    #expect(g.weight(from: 2, to: 0) == 1 && g.weight(from: 0, to: 2) == 1)
    #expect(g.arcCount == 4)
    #expect(g.isDirected)
    #expect(try Self.world.through(Lens(combine: .max)).weight(from: 0, to: 1) == 2)
  }

  @Test("sign layers")
  func signs() throws {
    #expect(try Self.world.through(Lens(sign: .positive)).arcs.map(\.weight) == [3])
    #expect(try Self.world.through(Lens(sign: .negative)).arcs.map { [$0.source, $0.target] } == [[1, 0]])
    #expect(try Self.world.through(Lens(sign: .signed)).weight(from: 1, to: 0) == -0.5)
    #expect(try Self.world.through(Lens(sign: .signed)).arcCount == 2)  // neutral drops out
    #expect(throws: GraphError.self) { try Self.world.through(Lens(sign: .signed)).pageRank() }
  }

  @Test("types and dates")
  func typesAndDates() throws {
    #expect(try Self.world.through(Lens(types: ["aid"])).arcCount == 1)
    #expect(throws: LensError.unknownType("aide", known: ["trade", "aid", "threat", "talks"])) {
      try Self.world.through(Lens(types: ["aide"]))
    }
    #expect(try Self.world.through(Lens(date: PartialDate("2022-06-30"))).weight(from: 0, to: 1) == 3)
    #expect(try Self.world.through(Lens(date: PartialDate("2022-07"))).weight(from: 0, to: 1) == 1)
    #expect(try Self.world.through(Lens(date: PartialDate("2019"))).weight(from: 0, to: 1) == 1)
  }

  @Test("directedness is declared by the world, never inferred from what a lens admits")
  func declaredDirectedness() throws {
    // Only mutual "talks" pass this lens, but the world is directed: the graph stays directed.
    #expect(try Self.world.through(Lens(types: ["talks"])).isDirected)
    var undirected = Self.world
    undirected.directed = false
    #expect(try !undirected.through().isDirected)
    // A one-way relation in an undirected world is an edge both ways.
    #expect(try undirected.through(Lens(sign: .positive)).hasArc(from: 1, to: 0))
  }

  @Test("a projection names the relations behind every arc")
  func projectionProvenance() throws {
    let p = try Self.world.projection(through: Lens())
    var covered: [Int] = []
    for arc in 0 ..< p.graph.arcCount { covered += p.relations(behindArc: arc) }
    // Every relation is behind one arc, or two when it is mutual.
    for (i, r) in Self.world.relations.enumerated() {
      #expect(covered.filter { $0 == i }.count == (r.mutual && r.from != r.to ? 2 : 1))
    }
    // Parallel relations merged into one arc are all named, in file order.
    let a = try #require(p.graph.arcIndex(from: 0, to: 1))
    let behind = Array(p.relations(behindArc: a))
    #expect(behind == behind.sorted() && behind.count >= 2)
    #expect(behind.allSatisfy { Self.world.relations[$0].joins("PAK", "CHN") })
  }

  @Test("a relation naming a missing actor is an error, not skipped")
  func missingActor() {
    var w = Self.world
    w.relations.append(Relation(from: "PAK", to: "IND", type: "aid", weight: 1, sign: .cooperative))
    #expect(throws: LensError.danglingEnd("IND")) { try w.through() }
  }

  @Test("partial dates")
  func dates() {
    #expect(PartialDate("2024-02-29") != nil)
    #expect(PartialDate("2023-02-29") == nil)
    #expect(PartialDate("2024-13") == nil)
    #expect(PartialDate("24-01") == nil)
    #expect(PartialDate("2024-1") == nil)
    #expect(PartialDate("2024-04")!.lastDayKey == 20240430)
  }
}
