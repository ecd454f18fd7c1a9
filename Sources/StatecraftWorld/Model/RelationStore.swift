/// A world's relations, stored by column: a million relations cost about 25 bytes each
/// instead of about 150 as an array of ``Relation`` structs.
///
/// Actor ids and relation types are interned into symbol tables, so a relation is two
/// `Int32` actor symbols, an `Int32` type symbol, a `Double` weight and one byte of flags
/// (sign and mutual). Dates cost nothing until some relation has one. The rarely set fields
/// (`id`, `weightRange`, `source`, `note`) live in a side table that a relation points into
/// only when it has any of them.
///
/// To a script it is a mutable, range-replaceable collection of ``Relation`` values:
/// `world.relations[i]`, `for r in world.relations`, `filter`, `append` and
/// `world.relations[i].weight = 2` all work as on an array (each element is built from the
/// columns on access). Code inside the module that touches every relation (the lens
/// projection, relation lookup, summaries) reads the columns directly and does no string
/// work per relation.
///
/// Symbol tables only grow: removing relations leaves their symbols in place, which costs
/// nothing but memory and keeps every symbol valid in copies.
public struct RelationStore: Sendable {
  /// Interned actor ids; `fromSymbols[i]` indexes this.
  private(set) var actorTable: [Actor.ID] = []
  private var actorLookup: [Actor.ID: Int32] = [:]
  /// Interned relation types; `typeSymbols[i]` indexes this.
  private(set) var typeTable: [String] = []
  private var typeLookup: [ScalarKey: Int32] = [:]
  /// The last type interned: readers append runs of one type, and hashing it per relation
  /// showed in profiles.
  private var lastType: (text: String, symbol: Int32)?

  /// Per relation: the interned source actor.
  private(set) var fromSymbols: [Int32] = []
  /// Per relation: the interned target actor.
  private(set) var toSymbols: [Int32] = []
  /// Per relation: the interned type.
  private(set) var typeSymbols: [Int32] = []
  /// Per relation: the strength.
  package private(set) var weights: [Double] = []
  /// Per relation: bits 0–1 sign + 1, bit 2 mutual.
  private(set) var flags: [UInt8] = []
  /// Per relation, or empty while no relation is dated: packed `since` and `until`
  /// (``noDate`` when absent).
  private(set) var sinceKeys: [Int64] = []
  private(set) var untilKeys: [Int64] = []
  /// Whether any relation has been dated (otherwise the date columns are empty).
  private(set) var hasDates = false
  /// Per relation: an index into `extras`, or -1.
  private var extraIndex: [Int32] = []
  private var extras: [Extras] = []

  /// The fields most relations do not have.
  private struct Extras: Hashable, Sendable {
    var id: String?
    var weightRange: ClosedRange<Double>?
    var source: String?
    var note: String?
    var isEmpty: Bool { id == nil && weightRange == nil && source == nil && note == nil }
  }

  static let noDate = Int64.min

  /// An empty store.
  public init() {}

  /// A store holding these relations, in order.
  public init<S: Sequence>(_ relations: S) where S.Element == Relation {
    append(contentsOf: relations)
  }

  /// A store holding these relations, with these actor ids interned first, in order, so
  /// that actor symbols are the world's actor indices (the lens then maps them without
  /// hashing).
  init(actors: [Actor.ID], relations: [Relation]) {
    for id in actors { _ = actorSymbol(id) }
    append(contentsOf: relations)
  }

  // MARK: Interning

  /// The symbol of an actor id, interning it if new.
  mutating func actorSymbol(_ id: Actor.ID) -> Int32 {
    if let s = actorLookup[id] { return s }
    let s = Int32(actorTable.count)
    actorTable.append(id)
    actorLookup[id] = s
    return s
  }

  /// The symbol of an actor id already in the table, if any.
  func existingActorSymbol(_ id: Actor.ID) -> Int32? { actorLookup[id] }

  /// The symbol of a type, interning it if new (compared by Unicode scalars).
  mutating func typeSymbol(_ type: String) -> Int32 {
    if let last = lastType, ScalarKey.equal(last.text, type) { return last.symbol }
    let key = ScalarKey(type)
    let s: Int32
    if let known = typeLookup[key] {
      s = known
    } else {
      s = Int32(typeTable.count)
      typeTable.append(type)
      typeLookup[key] = s
    }
    lastType = (type, s)
    return s
  }

  /// The symbol of a type already in the table, if any.
  func existingTypeSymbol(_ type: String) -> Int32? { typeLookup[ScalarKey(type)] }

  // MARK: Columns

  /// The sign of relation `i`.
  func sign(at i: Int) -> Sign { Sign(rawValue: Int(flags[i] & 0b11) - 1)! }
  /// Whether relation `i` is mutual.
  package func isMutual(at i: Int) -> Bool { flags[i] & 0b100 != 0 }
  /// The `since` date of relation `i`.
  func since(at i: Int) -> PartialDate? { hasDates ? Self.date(sinceKeys[i]) : nil }
  /// The `until` date of relation `i`.
  func until(at i: Int) -> PartialDate? { hasDates ? Self.date(untilKeys[i]) : nil }
  /// Whether relation `i` has an `id`, a weight range, a source or a note.
  func hasExtras(at i: Int) -> Bool { extraIndex[i] >= 0 }
  /// The `id` of relation `i`, without building the whole relation.
  func id(at i: Int) -> String? { extraIndex[i] < 0 ? nil : extras[Int(extraIndex[i])].id }
  /// The weight range of relation `i`, without building the whole relation.
  package func weightRange(at i: Int) -> ClosedRange<Double>? {
    extraIndex[i] < 0 ? nil : extras[Int(extraIndex[i])].weightRange
  }

  /// The source actor of relation `i`, without building the whole relation.
  func from(at i: Int) -> Actor.ID { actorTable[Int(fromSymbols[i])] }
  /// The target actor of relation `i`, without building the whole relation.
  func to(at i: Int) -> Actor.ID { actorTable[Int(toSymbols[i])] }

  /// The index of the relation with this `id` (compared by Unicode scalars), if any.
  func index(ofID id: String) -> Int? {
    guard !extras.isEmpty else { return nil }
    return indices.first { extraIndex[$0] >= 0 && extras[Int(extraIndex[$0])].id.map { ScalarKey.equal($0, id) } == true }
  }

  /// The indices of the relations of a type (compared by Unicode scalars).
  func indices(ofType type: String) -> [Int] {
    guard let t = existingTypeSymbol(type) else { return [] }
    return indices.filter { typeSymbols[$0] == t }
  }

  /// Removes every relation from or to an actor; integer work per relation.
  mutating func removeAll(touching id: Actor.ID) {
    guard let a = existingActorSymbol(id) else { return }
    keepOnly(indices.map { fromSymbols[$0] != a && toSymbols[$0] != a })
  }

  /// The distinct `source` keys the relations cite.
  func sourceKeys() -> Set<String> {
    Set(indices.compactMap { extraIndex[$0] < 0 ? nil : extras[Int(extraIndex[$0])].source })
  }

  /// Sets relation `i`'s weight without touching its other fields (Monte Carlo draws).
  package mutating func setWeight(_ weight: Double, at i: Int) { weights[i] = weight }

  private static func flags(_ r: Relation) -> UInt8 {
    UInt8(r.sign.rawValue + 1) | (r.mutual ? 0b100 : 0)
  }

  private static func packed(_ d: PartialDate?) -> Int64 { d?.packed ?? noDate }
  private static func date(_ k: Int64) -> PartialDate? { k == noDate ? nil : PartialDate(packed: k) }

  private mutating func extrasIndex(for r: Relation, reusing old: Int32) -> Int32 {
    let e = Extras(id: r.id, weightRange: r.weightRange, source: r.source, note: r.note)
    if e.isEmpty { return -1 }
    if old >= 0 {
      extras[Int(old)] = e
      return old
    }
    extras.append(e)
    return Int32(extras.count - 1)
  }

  /// Creates the date columns (all undated) the first time a dated relation arrives.
  private mutating func ensureDateColumns() {
    guard !hasDates else { return }
    hasDates = true
    sinceKeys = [Int64](repeating: Self.noDate, count: fromSymbols.count)
    untilKeys = sinceKeys
  }
}

extension RelationStore: RandomAccessCollection, MutableCollection, RangeReplaceableCollection {
  /// 0: relations are indexed by file position.
  public var startIndex: Int { 0 }
  /// The number of relations (one past the last index).
  public var endIndex: Int { fromSymbols.count }
  /// The number of relations.
  public var count: Int { fromSymbols.count }

  /// The relation at `i`, built from the columns; setting it re-interns its ids.
  public subscript(i: Int) -> Relation {
    get {
      var r = Relation(
        from: actorTable[Int(fromSymbols[i])], to: actorTable[Int(toSymbols[i])],
        type: typeTable[Int(typeSymbols[i])], weight: weights[i], sign: sign(at: i), mutual: isMutual(at: i))
      r.since = since(at: i)
      r.until = until(at: i)
      if extraIndex[i] >= 0 {
        let e = extras[Int(extraIndex[i])]
        r.id = e.id
        r.weightRange = e.weightRange
        r.source = e.source
        r.note = e.note
      }
      return r
    }
    set {
      fromSymbols[i] = actorSymbol(newValue.from)
      toSymbols[i] = actorSymbol(newValue.to)
      typeSymbols[i] = typeSymbol(newValue.type)
      weights[i] = newValue.weight
      flags[i] = Self.flags(newValue)
      if newValue.since != nil || newValue.until != nil { ensureDateColumns() }
      if hasDates {
        sinceKeys[i] = Self.packed(newValue.since)
        untilKeys[i] = Self.packed(newValue.until)
      }
      extraIndex[i] = extrasIndex(for: newValue, reusing: extraIndex[i])
    }
  }

  /// Appends one relation (amortized O(1), two hash lookups for its actors).
  public mutating func append(_ r: Relation) {
    if r.since != nil || r.until != nil { ensureDateColumns() }  // before this relation's row
    fromSymbols.append(actorSymbol(r.from))
    toSymbols.append(actorSymbol(r.to))
    typeSymbols.append(typeSymbol(r.type))
    weights.append(r.weight)
    flags.append(Self.flags(r))
    if hasDates {
      sinceKeys.append(Self.packed(r.since))
      untilKeys.append(Self.packed(r.until))
    }
    extraIndex.append(extrasIndex(for: r, reusing: -1))
  }

  /// Appends every relation of `other`, in order: the same store as appending them one by
  /// one, but its actors and types are interned once each (a table lookup per distinct id,
  /// then integer work per relation), in the order its relations first name them; symbols
  /// `other` holds but no relation of it uses are not carried over. Readers that parse
  /// pieces of a file on separate cores join the pieces with it.
  ///
  /// - Complexity: O(`other`'s symbol tables + its relations).
  mutating func append(contentsOf other: RelationStore) {
    var actorMap = [Int32](repeating: -1, count: other.actorTable.count)
    var typeMap = [Int32](repeating: -1, count: other.typeTable.count)
    for i in 0 ..< other.count {
      let from = Int(other.fromSymbols[i])
      if actorMap[from] < 0 { actorMap[from] = actorSymbol(other.actorTable[from]) }
      let to = Int(other.toSymbols[i])
      if actorMap[to] < 0 { actorMap[to] = actorSymbol(other.actorTable[to]) }
      let t = Int(other.typeSymbols[i])
      if typeMap[t] < 0 { typeMap[t] = typeSymbol(other.typeTable[t]) }
    }
    if other.hasDates { ensureDateColumns() }
    if hasDates {
      sinceKeys += other.hasDates ? other.sinceKeys : [Int64](repeating: Self.noDate, count: other.count)
      untilKeys += other.hasDates ? other.untilKeys : [Int64](repeating: Self.noDate, count: other.count)
    }
    fromSymbols += other.fromSymbols.lazy.map { actorMap[Int($0)] }
    toSymbols += other.toSymbols.lazy.map { actorMap[Int($0)] }
    typeSymbols += other.typeSymbols.lazy.map { typeMap[Int($0)] }
    weights += other.weights
    flags += other.flags
    let base = Int32(extras.count)
    extras += other.extras
    extraIndex += other.extraIndex.lazy.map { $0 < 0 ? $0 : $0 + base }
  }

  /// Reserves room for `n` relations in every always-present column.
  public mutating func reserveCapacity(_ n: Int) {
    fromSymbols.reserveCapacity(n)
    toSymbols.reserveCapacity(n)
    typeSymbols.reserveCapacity(n)
    weights.reserveCapacity(n)
    flags.reserveCapacity(n)
    extraIndex.reserveCapacity(n)
  }

  /// Replaces the relations in `range` by `new` (interning their ids); what `insert`,
  /// `remove(at:)` and the other range-replacing operations build on.
  public mutating func replaceSubrange<C: Collection>(_ range: Range<Int>, with new: C) where C.Element == Relation {
    if range.isEmpty && range.lowerBound == endIndex {
      for r in new { append(r) }
      return
    }
    var tail = RelationStore()
    tail.actorTable = actorTable
    tail.actorLookup = actorLookup
    tail.typeTable = typeTable
    tail.typeLookup = typeLookup
    for r in new { tail.append(r) }
    actorTable = tail.actorTable
    actorLookup = tail.actorLookup
    typeTable = tail.typeTable
    typeLookup = tail.typeLookup
    if tail.hasDates { ensureDateColumns() }
    if hasDates && !tail.hasDates { tail.ensureDateColumns() }
    let base = Int32(extras.count)
    extras += tail.extras
    fromSymbols.replaceSubrange(range, with: tail.fromSymbols)
    toSymbols.replaceSubrange(range, with: tail.toSymbols)
    typeSymbols.replaceSubrange(range, with: tail.typeSymbols)
    weights.replaceSubrange(range, with: tail.weights)
    flags.replaceSubrange(range, with: tail.flags)
    if hasDates {
      sinceKeys.replaceSubrange(range, with: tail.sinceKeys)
      untilKeys.replaceSubrange(range, with: tail.untilKeys)
    }
    extraIndex.replaceSubrange(range, with: tail.extraIndex.map { $0 < 0 ? $0 : $0 + base })
  }

  /// Removes every relation that matches, keeping the others in order; O(*n*) column moves
  /// and one relation built per element for the predicate.
  public mutating func removeAll(where shouldBeRemoved: (Relation) throws -> Bool) rethrows {
    var keep: [Bool] = []
    keep.reserveCapacity(count)
    for i in indices { keep.append(try !shouldBeRemoved(self[i])) }
    keepOnly(keep)
  }

  /// Keeps relation `i` exactly when `keep[i]`.
  mutating func keepOnly(_ keep: [Bool]) {
    func filtered<T>(_ column: [T]) -> [T] {
      var out: [T] = []
      out.reserveCapacity(column.count)
      for i in column.indices where keep[i] { out.append(column[i]) }
      return out
    }
    fromSymbols = filtered(fromSymbols)
    toSymbols = filtered(toSymbols)
    typeSymbols = filtered(typeSymbols)
    weights = filtered(weights)
    flags = filtered(flags)
    if hasDates {
      sinceKeys = filtered(sinceKeys)
      untilKeys = filtered(untilKeys)
    }
    extraIndex = filtered(extraIndex)
  }
}

extension RelationStore: Hashable {
  /// Stores are equal when they hold equal relations in the same order.
  public static func == (a: RelationStore, b: RelationStore) -> Bool { a.elementsEqual(b) }
  /// Hashes the relations in order.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(count)
    for r in self { hasher.combine(r) }
  }
}

extension RelationStore: ExpressibleByArrayLiteral {
  /// A store holding the listed relations, in order.
  public init(arrayLiteral relations: Relation...) { self.init(relations) }
}
