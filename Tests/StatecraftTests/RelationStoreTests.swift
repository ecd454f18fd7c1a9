import Testing

@testable import Statecraft
@testable import StatecraftGraph
@testable import StatecraftWorld

@Suite("Relation store")
struct RelationStoreTests {
  /// A random relation over a few actors and types, with dates, ids and notes on some.
  func randomRelation(_ rng: inout SplitMix64, serial: Int) -> Relation {
    let ids: [Actor.ID] = ["A", "B", "Café", "Cafe\u{301}", "D"]
    let types = ["trade", "aid", "threat"]
    var r = Relation(
      from: ids.randomElement(using: &rng)!, to: ids.randomElement(using: &rng)!,
      type: types.randomElement(using: &rng)!, weight: Double.random(in: 0.1 ... 2, using: &rng),
      sign: Sign.allCases.randomElement(using: &rng)!, mutual: Bool.random(using: &rng))
    if Int.random(in: 0 ..< 3, using: &rng) == 0 { r.since = PartialDate(year: 2020 + serial % 5, month: 1 + serial % 12)! }
    if Int.random(in: 0 ..< 4, using: &rng) == 0 { r.until = PartialDate(year: 2026)! }
    if Int.random(in: 0 ..< 4, using: &rng) == 0 { r.id = "r\(serial)" }
    if Int.random(in: 0 ..< 4, using: &rng) == 0 { r.note = "note \(serial)"; r.source = "src" }
    if Int.random(in: 0 ..< 6, using: &rng) == 0 { r.weightRange = 0.1 ... 3 }
    return r
  }

  @Test("behaves as an array of relations under random appends, sets, removals and replacements (seeded)")
  func modelBased() {
    for seed in 1 ... 40 {
      var rng = SplitMix64(seed: UInt64(seed))
      var store = RelationStore()
      var model: [Relation] = []
      for step in 0 ..< 120 {
        switch Int.random(in: 0 ..< 6, using: &rng) {
        case 0, 1:
          let r = randomRelation(&rng, serial: step)
          store.append(r)
          model.append(r)
        case 2 where !model.isEmpty:
          let i = Int.random(in: 0 ..< model.count, using: &rng)
          let r = randomRelation(&rng, serial: step)
          store[i] = r
          model[i] = r
        case 3 where !model.isEmpty:
          let i = Int.random(in: 0 ..< model.count, using: &rng)
          store.remove(at: i)
          model.remove(at: i)
        case 4 where !model.isEmpty:
          let lo = Int.random(in: 0 ..< model.count, using: &rng)
          let hi = Int.random(in: lo ... model.count, using: &rng)
          let new = (0 ..< Int.random(in: 0 ... 3, using: &rng)).map { randomRelation(&rng, serial: step * 10 + $0) }
          store.replaceSubrange(lo ..< hi, with: new)
          model.replaceSubrange(lo ..< hi, with: new)
        case 5:
          let cut = Actor.ID("Cafe\u{301}")
          store.removeAll(touching: cut)
          model.removeAll { $0.from == cut || $0.to == cut }
        default:
          break
        }
        #expect(Array(store) == model, "seed \(seed) step \(step)")
        if Array(store) != model { return }
      }
      // Copies are independent (value semantics).
      var copy = store
      if !copy.isEmpty { copy[0].weight += 1 }
      #expect(Array(store) == model)
    }
  }

  @Test("appending a whole store gives what appending its relations one by one gives, without its unused symbols")
  func appendStore() {
    for seed in 1 ... 20 {
      var rng = SplitMix64(seed: UInt64(seed))
      var head = RelationStore(), piece = RelationStore()
      for i in 0 ..< 30 { head.append(randomRelation(&rng, serial: i)) }
      for i in 30 ..< 60 { piece.append(randomRelation(&rng, serial: i)) }
      // Symbols only grow: the removed relations' actors and types stay in `piece`'s tables.
      piece.append(Relation(from: "Gone", to: "Away", type: "vanished", weight: 1, sign: .cooperative))
      piece.removeAll { $0.type == "vanished" || $0.from == "D" }
      var joined = head, oneByOne = head
      joined.append(contentsOf: piece)
      for r in piece { oneByOne.append(r) }
      #expect(Array(joined) == Array(oneByOne))
      #expect(joined.actorTable == oneByOne.actorTable, "seed \(seed)")
      #expect(joined.typeTable == oneByOne.typeTable, "seed \(seed)")
      #expect(!joined.actorTable.contains("Gone") && !joined.typeTable.contains("vanished"))
    }
  }

  @Test("the first relation being dated keeps its dates (a columns-created-late bug)")
  func firstRelationDated() {
    let r = Relation(from: "A", to: "B", type: "t", weight: 1, sign: .hostile, since: PartialDate("2025-04"))
    let store = RelationStore([r, Relation(from: "B", to: "A", type: "t", weight: 2, sign: .cooperative)])
    #expect(store[0].since == PartialDate("2025-04"))
    #expect(store[1].since == nil)
  }

  @Test("ids that differ only by Unicode normalization stay two actors in the store")
  func scalarIDs() {
    let store = RelationStore([
      Relation(from: "Café", to: "X", type: "t", weight: 1, sign: .cooperative),
      Relation(from: "Cafe\u{301}", to: "X", type: "t", weight: 1, sign: .cooperative),
    ])
    #expect(store.actorTable.count == 3)
    #expect(store[0].from.rawValue.unicodeScalars.count == 4)
    #expect(store[1].from.rawValue.unicodeScalars.count == 5)
  }
}
